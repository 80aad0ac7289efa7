"""A checklist over ids (structures of a professional, people of a contact): the ids come from a
query that filters in SQL, labels are read lazily, and what is checked stays listed first whatever
the filter, so the user always sees what they chose."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
PREFETCH = 200


class CheckListModel(QAbstractListModel):
    """Checkable rows over ids.

    Args:
        labels: returns the label of some ids, by id.

    Signals:
        checked_changed(): an item was checked or unchecked.
    """

    checked_changed = Signal()

    def __init__(self, labels: Callable[[list[str]], dict[str, str]], parent: Any = None) -> None:
        super().__init__(parent)
        self.labels = labels
        self._ids: list[str] = []
        self._checked: dict[str, None] = {}  # ordered: in the order they were checked
        self._labels: dict[str, str] = {}

    def set_ids(self, ids: list[str]) -> None:
        """List the checked ids, then ``ids`` (the matches of the filter, in order)."""
        self.beginResetModel()
        self._ids = [*self._checked, *(i for i in ids if i not in self._checked)]
        self.endResetModel()

    def set_checked(self, ids: list[str] | tuple[str, ...]) -> None:
        """Check exactly these ids (listed first at the next ``set_ids``)."""
        self._checked = dict.fromkeys(ids)
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1))

    def checked_ids(self) -> list[str]:
        return list(self._checked)

    def ids(self) -> list[str]:
        return list(self._ids)

    def label(self, record_id: str) -> str:
        if record_id not in self._labels:
            self._labels.update(self.labels([record_id]))
        return self._labels.get(record_id, "")

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        record_id = self._ids[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._label_at(index.row())
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if record_id in self._checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.UserRole:
            return record_id
        return None

    def _label_at(self, row: int) -> str:
        record_id = self._ids[row]
        if record_id not in self._labels:
            window = [
                i for i in self._ids[max(0, row - PREFETCH // 4) : row + PREFETCH] if i not in self._labels
            ]
            self._labels.update(self.labels(window))
        return self._labels.get(record_id, "")

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        record_id = self._ids[index.row()]
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
        if state == Qt.CheckState.Checked:
            self._checked[record_id] = None
        else:
            self._checked.pop(record_id, None)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()
        return True

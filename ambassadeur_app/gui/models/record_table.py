"""A read-only table over any list of records: ids from one query, records fetched lazily."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
PREFETCH = 200


@dataclass(frozen=True)
class RecordColumn:
    """A column: its title and how to show a record in it."""

    title: str
    text: Callable[[Any], str]
    right: bool = False


class RecordTableModel(QAbstractTableModel):
    """Rows of records (professionals, structures, requests...) for a register page.

    Args:
        fetch: returns the records of some ids, by id.
        color: optionally a text colour for a record (overdue, erased...).
    """

    def __init__(
        self,
        columns: list[RecordColumn],
        fetch: Callable[[list[str]], dict[str, Any]],
        color: Callable[[Any], str | None] = lambda record: None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.columns = columns
        self.fetch = fetch
        self.color = color
        self._ids: list[str] = []
        self._cache: dict[str, Any] = {}

    def set_ids(self, ids: list[str]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._cache = {}
        self.endResetModel()

    def ids(self) -> list[str]:
        return list(self._ids)

    def record_at(self, row: int) -> Any:
        record_id = self._ids[row]
        if record_id not in self._cache:
            window = self._ids[max(0, row - PREFETCH // 4) : row + PREFETCH]
            self._cache.update(self.fetch([i for i in window if i not in self._cache]))
        return self._cache.get(record_id)

    def row_of(self, record_id: str) -> int:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        record = self.record_at(index.row())
        if record is None:
            return None
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(record)
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and (color := self.color(record)):
            return QBrush(QColor(color))
        return None

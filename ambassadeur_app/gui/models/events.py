"""The attendance grid of an event: one row per person invited or present, one checkable column
per half-day."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ambassadeur_app.domain.events import Event
from ambassadeur_app.domain.register import Professional

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
PERSON_COLUMNS = ("Nom", "Prénom", "Profession", "Commune", "Invitation")


@dataclass
class AttendanceRow:
    person: Professional
    profession: str
    invited: bool
    present: list[bool]


class AttendanceModel(QAbstractTableModel):
    """Rows of people; ticking a half-day calls ``save(professional_id, marks)``, which writes
    the presence and returns False when it was refused (the tick does not show)."""

    def __init__(
        self, event: Event, save: Callable[[str, tuple[bool, ...]], bool], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.sessions = event.sessions
        self.save = save
        self.rows: list[AttendanceRow] = []

    def set_rows(self, rows: list[AttendanceRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, professional_id: str) -> int:
        return next((n for n, row in enumerate(self.rows) if row.person.id == professional_id), -1)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(PERSON_COLUMNS) + len(self.sessions)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section < len(PERSON_COLUMNS):
            return PERSON_COLUMNS[section]
        session = self.sessions[section - len(PERSON_COLUMNS)]
        return f"{session.day:%d/%m} {session.start:%H:%M}"

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() >= len(PERSON_COLUMNS):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if column >= len(PERSON_COLUMNS):
            if role == Qt.ItemDataRole.CheckStateRole:
                here = row.present[column - len(PERSON_COLUMNS)]
                return Qt.CheckState.Checked if here else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.DisplayRole:
                return "présent" if row.present[column - len(PERSON_COLUMNS)] else ""
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            person = row.person
            return (
                person.last_name,
                person.first_name,
                row.profession,
                person.commune,
                "invité" if row.invited else "sans invitation",
            )[column]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        if index.column() < len(PERSON_COLUMNS):
            return False
        row = self.rows[index.row()]
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
        marks = list(row.present)
        marks[index.column() - len(PERSON_COLUMNS)] = state == Qt.CheckState.Checked
        before, row.present = row.present, marks  # the counts read it while saving
        if not self.save(row.person.id, tuple(marks)):
            row.present = before
            return False
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.DisplayRole])
        return True

    def counts(self) -> tuple[int, int, list[int]]:
        """Return the people present (one half-day at least), those of them not invited, and
        the number present at each half-day."""
        present = [row for row in self.rows if any(row.present)]
        per_session = [sum(row.present[n] for row in self.rows) for n in range(len(self.sessions))]
        return len(present), sum(1 for row in present if not row.invited), per_session

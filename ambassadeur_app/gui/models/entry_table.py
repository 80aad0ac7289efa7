"""The carnet table: entry ids from one SQL query, rows fetched lazily and cached."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ambassadeur_app.domain.dates import parse_time
from ambassadeur_app.domain.durations import format_duration, parse_duration
from ambassadeur_app.domain.formatting import format_date_long, format_day_short
from ambassadeur_app.domain.model import EntryFilter, Mission, Programme, TimeEntry
from ambassadeur_app.domain.rules import exclusion_reason, is_fundable, month_claim, over_cap_of_day
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui.widgets.feedback import MUTED_COLOR
from ambassadeur_app.gui.widgets.programme_form import from_qdate
from ambassadeur_app.services import CarnetService
from ambassadeur_app.storage.entries import EntryOrder

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
PREFETCH = 200

COLUMNS: list[tuple[str, EntryOrder]] = [
    ("Date", EntryOrder.DATE),
    ("Ambassadeur", EntryOrder.AMBASSADOR),
    ("Mission", EntryOrder.MISSION),
    ("Activité", EntryOrder.ACTIVITY),
    ("Durée", EntryOrder.DURATION),
    ("Début", EntryOrder.DATE),
    ("Lieu", EntryOrder.PLACE),
    ("Description", EntryOrder.DESCRIPTION),
]
DATE, AMBASSADOR, MISSION, ACTIVITY, DURATION, START, PLACE, DESCRIPTION = range(len(COLUMNS))

GREY = QColor(MUTED_COLOR)
OVER_CAP = QColor("#FCE8CF")
OVER_CAP_ROLE = Qt.ItemDataRole.UserRole + 1  # the entry's minutes beyond the monthly cap
EditHandler = Callable[[TimeEntry, TimeEntry], bool]


class EntryTableModel(QAbstractTableModel):
    """Rows of the displayed month; edits go through ``on_edit`` (the page's undo stack)."""

    def __init__(self, service: CarnetService, parent: Any = None) -> None:
        super().__init__(parent)
        self.service = service
        self.where = EntryFilter()
        self.order = EntryOrder.DATE
        self.descending = False
        self.read_only = False
        self.cap_reached_on: date | None = None
        self.on_edit: EditHandler = lambda old, new: False
        self.on_error: Callable[[AppError], None] = lambda exc: None
        self._ids: list[str] = []
        self._cache: dict[str, TimeEntry] = {}
        self._names: dict[str, str] = {}
        self._programme: Programme | None = None
        self._over_cap: dict[str, int] = {}
        self._italic = QFont()
        self._italic.setItalic(True)

    # --- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Query the ids again (after a change, a new filter or a new order)."""
        self.beginResetModel()
        self._ids = self.service.entry_ids(self.where, self.order, self.descending)
        self._cache = {}
        self._names = self.service.ambassador_names()
        self._programme = self.service.programme()
        self._over_cap = self._split_over_cap()
        self.endResetModel()

    def _split_over_cap(self) -> dict[str, int]:
        """Return each entry's minutes beyond the cap, from all the binôme's month entries.

        The same rule as the timesheet (``over_cap_split``), so the flagged parts on screen
        add up to the summary's figure, the entry that reaches the cap showing its share.
        """
        month, cap_day, programme = self.where.month, self.cap_reached_on, self._programme
        if cap_day is None or month is None or programme is None:
            return {}
        # Days before the cap day are under it and days after wholly over (see ``_over``): only
        # the cap day's entries are loaded, not the whole month (thousands of rows).
        today = self.service.today()
        totals = [
            t
            for t in self.service.day_totals(month.first_day, month.last_day)
            if is_fundable(t.day, t.mission, programme, today)
        ]
        funded = month_claim(sum(t.minutes for t in totals), programme, month).funded_minutes
        before = sum(t.minutes for t in totals if t.day < cap_day)
        on_day = self.service.entries_between(cap_day, cap_day)
        split = over_cap_of_day(on_day, programme, month, today, funded, before)
        return {entry.id: minutes for entry, minutes in zip(on_day, split, strict=True) if minutes}

    def _over(self, entry: TimeEntry) -> int:
        """Return the minutes of ``entry`` beyond the month's cap (shown, and in the tooltip)."""
        cap_day, programme = self.cap_reached_on, self._programme
        if cap_day is not None and programme is not None and entry.day > cap_day:
            fundable = is_fundable(entry.day, entry.mission, programme, self.service.today())
            return entry.minutes if fundable else 0
        return self._over_cap.get(entry.id, 0)

    def set_filter(self, where: EntryFilter) -> None:
        self.where = where
        self.reload()

    def entry_at(self, row: int) -> TimeEntry:
        entry_id = self._ids[row]
        if entry_id not in self._cache:
            window = self._ids[max(0, row - PREFETCH // 4) : row + PREFETCH]
            self._cache.update(self.service.entries(i for i in window if i not in self._cache))
        return self._cache[entry_id]

    def entry_ids(self) -> list[str]:
        return list(self._ids)

    def row_of(self, entry_id: str) -> int:
        try:
            return self._ids.index(entry_id)
        except ValueError:
            return -1

    # --- Qt model API -------------------------------------------------------------------------

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base if self.read_only else base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        entry = self.entry_at(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(entry, column)
        if role == Qt.ItemDataRole.UserRole:
            return entry.id
        if role == OVER_CAP_ROLE:
            return self._over(entry)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (DURATION, START):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        reason = self._not_funded(entry)
        if role == Qt.ItemDataRole.ForegroundRole and reason:
            return QBrush(GREY)
        if role == Qt.ItemDataRole.FontRole and reason:
            return self._italic
        if role == Qt.ItemDataRole.BackgroundRole and self._over(entry):
            return QBrush(OVER_CAP)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = format_date_long(entry.day)
            if reason:
                tip += f"\nNon comptée dans les heures financées : {reason}."
            elif over := self._over(entry):
                tip += (
                    "\nAu-delà du plafond mensuel : non financée."
                    if over == entry.minutes
                    else f"\nDont {format_duration(over)} au-delà du plafond mensuel : non financées."
                )
            if column == DESCRIPTION and entry.description:
                tip += f"\n\n{entry.description}"
            return tip
        return None

    def _display(self, entry: TimeEntry, column: int) -> str:
        if column == DATE:
            return format_day_short(entry.day)
        if column == AMBASSADOR:
            return self._names.get(entry.ambassador_id, "?")
        if column == MISSION:
            return entry.mission.label
        if column == ACTIVITY:
            return entry.activity
        if column == DURATION:
            return format_duration(entry.minutes)
        if column == START:
            return entry.start_time.strftime("%H:%M") if entry.start_time else ""
        if column == PLACE:
            return entry.place
        return f"{self._over_note(entry)}{' '.join(entry.description.split())}"

    def _over_note(self, entry: TimeEntry) -> str:
        """Return the part beyond the cap, as the relevé prints it, before the description (the
        widest column: the duration's own stays narrow)."""
        over = self._over(entry)
        if not over:
            return ""
        if over == entry.minutes:
            return "[au-delà du plafond] "
        return f"[dont {format_duration(over)} au-delà du plafond] "

    def _edit_value(self, entry: TimeEntry, column: int) -> Any:
        if column == DATE:
            return QDate(entry.day.year, entry.day.month, entry.day.day)
        if column == AMBASSADOR:
            return entry.ambassador_id
        if column == MISSION:
            return entry.mission.value
        if column == DESCRIPTION:
            return entry.description
        if column == DURATION:
            return format_duration(entry.minutes)
        return self._display(entry, column)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.read_only:
            return False
        old = self.entry_at(index.row())
        try:
            new = self._edited(old, index.column(), value)
        except AppError as exc:
            self.on_error(exc)
            return False
        if new == old:
            return False
        return self.on_edit(old, new)

    def _edited(self, entry: TimeEntry, column: int, value: Any) -> TimeEntry:
        if column == DATE:
            return replace(entry, day=from_qdate(value))
        if column == AMBASSADOR:
            return replace(entry, ambassador_id=str(value))
        if column == MISSION:
            return replace(entry, mission=Mission(value))
        if column == ACTIVITY:
            return replace(entry, activity=str(value).strip())
        if column == DURATION:
            return replace(entry, minutes=parse_duration(str(value)))
        if column == START:
            return replace(entry, start_time=parse_time(str(value)))
        if column == PLACE:
            return replace(entry, place=str(value).strip())
        return replace(entry, description=str(value).strip())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        wanted = (COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder)
        if wanted != (self.order, self.descending):
            self.order, self.descending = wanted
            self.reload()

    # --- funding marks ------------------------------------------------------------------------

    def _not_funded(self, entry: TimeEntry) -> str:
        if self._programme is None:
            return ""
        return exclusion_reason(entry.day, entry.mission, self._programme, self.service.today())

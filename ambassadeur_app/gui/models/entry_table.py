"""The carnet table: entry ids from one SQL query, rows fetched lazily and cached; a saved entry
moves, joins or leaves its row without the ids being queried again."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import cmp_to_key
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ambassadeur_app.domain.dates import parse_time
from ambassadeur_app.domain.durations import format_duration, parse_duration
from ambassadeur_app.domain.formatting import format_date_long, format_day_short
from ambassadeur_app.domain.model import EntryFilter, Mission, Programme, TimeEntry
from ambassadeur_app.domain.rules import exclusion_reason, is_fundable
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui.widgets.feedback import MUTED_COLOR
from ambassadeur_app.gui.widgets.programme_form import from_qdate
from ambassadeur_app.storage.entries import EntryOrder, matches

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
# The entries read at once around a row not read yet: the rows on screen with it (a paint asks for
# them from the top down; a maximised window shows 17 rows at 1366 × 768, 35 at 1920 × 1080).
BEHIND, AHEAD = 16, 48
# The rows (ids) of the last filters shown, kept while no entry changes: going back to a month just
# shown queries nothing (the ids of a 16 000-entry month take ~5 ms).
LISTS_KEPT = 3

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

GREY = QBrush(QColor(MUTED_COLOR))
OVER_CAP = QBrush(QColor("#FCE8CF"))
OVER_CAP_ROLE = Qt.ItemDataRole.UserRole + 1  # the entry's minutes beyond the monthly cap
_DISPLAY, _EDIT, _USER, _ALIGNMENT, _FOREGROUND, _FONT, _BACKGROUND, _TOOLTIP = (
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.UserRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ToolTipRole,
    )
)

if TYPE_CHECKING:
    from ambassadeur_app.services import CarnetService
_ROLES = {_DISPLAY, _EDIT, _USER, OVER_CAP_ROLE, _ALIGNMENT, _FOREGROUND, _FONT, _BACKGROUND, _TOOLTIP}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# Computed once: Python's enum operators are slow, and flags() is asked for every painted cell.
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable
EditHandler = Callable[[TimeEntry, TimeEntry], bool]
Split = Callable[[], dict[str, int]]  # the minutes beyond the cap of the cap day's entries, by id


class _Row(NamedTuple):
    """What a painted row shows, worked out once per entry (not per cell and role)."""

    texts: tuple[str, ...]  # by column
    reason: str  # why its hours are not funded ("" when they are)
    over: int  # its minutes beyond the month's cap


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
        self._rows: dict[str, _Row] = {}  # by entry id (not row): dropped when what it shows changes
        self._today: date | None = None
        self._names: dict[str, str] = {}
        self._programme: Programme | None = None
        self._revision = -1
        self._lists: dict[tuple[EntryFilter, EntryOrder, bool], list[str]] = {}  # the latest last
        self._lists_of: tuple[int, dict[str, str]] | None = None  # the revision and names they hold
        # Read on first use: only a row of the cap day needs it (a long month opens on its first days).
        self._split: Split = dict
        self._over_cap: dict[str, int] | None = None
        self._italic = QFont()
        self._italic.setItalic(True)

    # --- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the rows again (after a new filter or a new order): the ids are queried, unless
        those of the same filter and order were shown since the last change (``LISTS_KEPT``)."""
        self.beginResetModel()
        self._revision = self.service.revision
        self._names = self.service.ambassador_names()
        if self._lists_of != (self._revision, self._names):
            self._lists, self._lists_of = {}, (self._revision, self._names)
        key = (self.where, self.order, self.descending)
        ids = self._lists.pop(key, None)
        if ids is None:
            ids = self.service.entry_ids(self.where, self.order, self.descending)
        self._lists[key] = ids  # the table's own: a change moving its rows leaves the lists out of date
        while len(self._lists) > LISTS_KEPT:
            del self._lists[next(iter(self._lists))]
        self._ids = ids
        self._cache = {}
        self._rows = {}
        self._programme = self.service.programme()
        self.endResetModel()

    def set_filter(self, where: EntryFilter) -> None:
        self.where = where
        self.reload()

    def update(self, where: EntryFilter, cap_reached_on: date | None, split: Split) -> bool:
        """Show ``where`` with the entries changed since the last update moved, added or taken
        out row by row (everything is read again for another filter, programme or binôme).

        Args:
            cap_reached_on, split: the day the month's cap is reached and what gives the split
                of its entries (``CarnetService.cap_day_split``), asked when a row of that day
                is first shown.

        Returns:
            whether the rows were read again (the selection is then lost).
        """
        changes = self.service.changes_since(self._revision)
        same = (where, self.service.programme(), self.service.ambassador_names()) == (
            self.where,
            self._programme,
            self._names,
        )
        self._split = split
        if changes is None or not same:
            self.where, self.cap_reached_on, self._over_cap = where, cap_reached_on, None
            self.reload()
            return True
        self._revision = self.service.revision
        for old, new in changes:
            self._apply(old, new)
        # No row of the cap day shown yet (the split unread): no row depends on the split.
        read = self._over_cap
        if cap_reached_on != self.cap_reached_on or (read is not None and read != split()):
            # What is beyond the cap moved: the rows whose part beyond it changed are worked out again.
            self.cap_reached_on, self._over_cap = cap_reached_on, None
            self._rows = {i: row for i, row in self._rows.items() if row.over == self._over(self._cache[i])}
            if self._ids:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))
        return False

    def _apply(self, old: TimeEntry | None, new: TimeEntry | None) -> None:
        """Show one change of an entry: its row goes, comes or moves to where the order puts it."""
        row = self.row_of(old.id) if old is not None else -1
        for entry in (old, new):
            if entry is not None:
                self._rows.pop(entry.id, None)
        if new is None or not matches(self.where, new, self._names.get(new.ambassador_id, "?")):
            if row >= 0:
                self.beginRemoveRows(_ROOT, row, row)
                del self._ids[row]
                self.endRemoveRows()
            return
        self._cache[new.id] = new
        if row < 0:
            target = self._position(new, self._ids)
            self.beginInsertRows(_ROOT, target, target)
            self._ids.insert(target, new.id)
            self.endInsertRows()
            return
        target = self._position(new, self._ids[:row] + self._ids[row + 1 :])
        if target != row:
            # Qt counts the destination among the rows as they are before the move.
            self.beginMoveRows(_ROOT, row, row, _ROOT, target + (target > row))
            self._ids.insert(target, self._ids.pop(row))
            self.endMoveRows()
        self.dataChanged.emit(self.index(target, 0), self.index(target, len(COLUMNS) - 1))

    def _position(self, entry: TimeEntry, ids: list[str]) -> int:
        """Return the row of ``entry`` among ``ids`` in the table's order: a binary search that
        reads one entry per step while they are far apart, then the last ones together with the
        rows around them, which the view paints once it shows the entry."""
        rank = cmp_to_key(self._compare)
        wanted = rank(self._key(entry))

        def key(entry_id: str) -> Any:
            return rank(self._key(self._probe(entry_id)))

        low, high = 0, len(ids)
        while high - low > AHEAD:
            middle = (low + high) // 2
            low, high = (middle + 1, high) if key(ids[middle]) < wanted else (low, middle)
        self._read(ids[max(0, low - BEHIND) : high + BEHIND])
        return bisect_left(ids, wanted, low, high, key=key)

    def _key(self, entry: TimeEntry) -> tuple[Any, tuple[Any, ...]]:
        return self.order.key(entry, self._names.get(entry.ambassador_id, "?"))

    def _compare(self, a: tuple[Any, tuple[Any, ...]], b: tuple[Any, tuple[Any, ...]]) -> int:
        if a[0] != b[0]:
            return (-1 if a[0] < b[0] else 1) * (-1 if self.descending else 1)
        return -1 if a[1] < b[1] else int(a[1] != b[1])

    def _probe(self, entry_id: str) -> TimeEntry:
        if entry_id not in self._cache:
            self._read([entry_id])
        return self._cache[entry_id]

    def _read(self, entry_ids: list[str]) -> None:
        """Read the entries of ``entry_ids`` not read yet."""
        missing = [i for i in entry_ids if i not in self._cache]
        if missing:
            self._cache.update(self.service.entries(missing))

    def _over(self, entry: TimeEntry) -> int:
        """Return the minutes of ``entry`` beyond the month's cap (shown, and in the tooltip)."""
        cap_day, programme = self.cap_reached_on, self._programme
        if cap_day is None or entry.day < cap_day:
            return 0
        if programme is not None and entry.day > cap_day:
            fundable = is_fundable(entry.day, entry.mission, programme, self.service.today())
            return entry.minutes if fundable else 0
        if self._over_cap is None:
            self._over_cap = self._split()
        return self._over_cap.get(entry.id, 0)

    def entry_at(self, row: int) -> TimeEntry:
        entry_id = self._ids[row]
        if entry_id not in self._cache:
            self._read(self._ids[max(0, row - BEHIND) : row + AHEAD])
        return self._cache[entry_id]

    def _row(self, row: int) -> _Row:
        today = self.service.today()
        if today != self._today:  # the window stayed open past midnight: "date future" may go
            self._today, self._rows = today, {}
        shown = self._rows.get(self._ids[row])
        if shown is None:
            entry = self.entry_at(row)
            over = self._over(entry)
            texts = tuple(self._display(entry, column, over) for column in range(len(COLUMNS)))
            shown = self._rows[entry.id] = _Row(texts, self._not_funded(entry), over)
        return shown

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
        return _READ_ONLY if self.read_only else _EDITABLE

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Asked for each visible cell and role at every paint: the roles with nothing to show
        # (a decoration, a check box...) are answered before the entry is looked at, and the
        # others from what the row shows, worked out once (an invalid index's row is -1).
        if role not in _ROLES:
            return None
        row = index.row()
        if not 0 <= row < len(self._ids):
            return None
        column = index.column()
        if role == _ALIGNMENT:
            return _RIGHT if column in (DURATION, START) else None
        shown = self._row(row)
        if role == _DISPLAY:
            return shown.texts[column]
        if role == _FOREGROUND:
            return GREY if shown.reason else None
        if role == _FONT:
            return self._italic if shown.reason else None
        if role == _BACKGROUND:
            return OVER_CAP if shown.over else None
        if role == OVER_CAP_ROLE:
            return shown.over
        entry = self._cache[self._ids[row]]
        if role == _EDIT:
            return self._edit_value(entry, column)
        if role == _USER:
            return entry.id
        tip = format_date_long(entry.day)  # _TOOLTIP
        if shown.reason:
            tip += f"\nNon comptée dans les heures financées : {shown.reason}."
        elif over := shown.over:
            tip += (
                "\nAu-delà du plafond mensuel : non financée."
                if over == entry.minutes
                else f"\nDont {format_duration(over)} au-delà du plafond mensuel : non financées."
            )
        if column == DESCRIPTION and entry.description:
            tip += f"\n\n{entry.description}"
        return tip

    def _display(self, entry: TimeEntry, column: int, over: int) -> str:
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
        return f"{_over_note(entry, over)}{' '.join(entry.description.split())}"

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
        return self._display(entry, column, self._over(entry))

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


def _over_note(entry: TimeEntry, over: int) -> str:
    """Return the part beyond the cap, as the relevé prints it, before the description (the
    widest column: the duration's own stays narrow)."""
    if not over:
        return ""
    if over == entry.minutes:
        return "[au-delà du plafond] "
    return f"[dont {format_duration(over)} au-delà du plafond] "

"""The core of an open carnet: its programme, binôme, activities, time entries and months.

``CarnetCore`` wraps an open ``Carnet`` and applies the rules the repositories don't know:
closed months are read-only, no ambassador works more than 24 h a day, dates outside the
experiment are warned about. The register and the imports build on it (``register.py``,
``register_imports.py``), and ``CarnetService`` (``carnet.py``) puts them together: the imports
go one way, from here up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Self

from ambassadeur_app.domain.dates import Month, weeks_of_month
from ambassadeur_app.domain.model import (
    DEFAULT_ACTIVITIES,
    Ambassador,
    DayTotal,
    EntryFilter,
    Mission,
    MonthLock,
    Programme,
    TimeEntry,
)
from ambassadeur_app.domain.rules import (
    MonthSummary,
    ProgrammeProgress,
    check_day_limit,
    clean_entry,
    date_warnings,
    funding_window,
    is_fundable,
    month_summary,
    over_cap_of_day,
    period_left,
    programme_progress,
    validate_entry,
)
from ambassadeur_app.domain.text import blank, fold
from ambassadeur_app.domain.validation import validate_ambassador, validate_programme
from ambassadeur_app.errors import AppError, CarnetError, InvalidInput, MonthClosed
from ambassadeur_app.storage.db import Carnet
from ambassadeur_app.storage.entries import EntryOrder

Today = Callable[[], date]
EntryChange = tuple[TimeEntry | None, TimeEntry | None]
"""A live entry before and after a change (``None``: absent or deleted)."""
SplitKey = tuple[date, int, int, Programme, date]
"""What the split of a month's cap day is worked out from: the cap day, the month's funded
minutes, the fundable minutes of its days before, the programme and today."""

SHORT_ID = 8  # the characters of a record's id the lists show and the commands accept
MIN_ID = 4  # fewer characters could pick a record by chance
LOG_LIMIT = 1000  # changes kept for the screens; one that falls further behind reloads
SPANS_KEPT = 3  # the weeks of the last months shown whose day totals are kept (going back and forth)


@dataclass(frozen=True)
class Saved:
    """The result of saving an entry: its id and the warnings to show."""

    entry_id: str
    warnings: list[str]


class CarnetCore:
    """The programme, binôme, activities, entries and months of one open carnet."""

    def __init__(self, carnet: Carnet, today: Today = date.today) -> None:
        self.carnet = carnet
        self.today = today
        # What the screen asks after each save is kept and changed entry by entry: each month's
        # fundable minutes (progress), the day totals of the weeks of the last months shown
        # (month summary; by span of weeks, the last asked last), the split of the day each
        # month's cap is reached (with what it was worked out from), and the log of the changes
        # (the table's rows).
        self._fundable: dict[Month, int] = {}
        self._fundable_key: tuple[Programme, date] | None = None
        self._totals: dict[tuple[date, date], dict[tuple[date, str, Mission], int]] = {}
        self._splits: dict[Month, tuple[SplitKey, dict[str, int]]] = {}
        self._log: list[EntryChange] = []
        self._log_start = 0

    def close(self) -> None:
        self.carnet.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def path(self) -> Path:
        return self.carnet.path

    # --- programme and binôme -----------------------------------------------------------------

    @property
    def is_set_up(self) -> bool:
        return self.carnet.programme.get() is not None

    def programme(self) -> Programme:
        """Return the programme settings.

        Raises:
            CarnetError: the carnet has not been set up yet.
        """
        programme = self.carnet.programme.get()
        if programme is None:
            raise CarnetError(
                f"Le carnet « {self.path} » n'est pas encore paramétré (CPTS, département, "
                "date de début) : ouvrez-le dans l'application ou utilisez la commande init."
            )
        return programme

    def setup(self, programme: Programme, ambassadors: list[Ambassador]) -> None:
        """Set up a new carnet: programme, binôme and the default activity lists."""
        validate_programme(programme)
        for index, ambassador in enumerate(ambassadors):
            validate_ambassador(ambassador, ambassadors[:index])
        with self.carnet.write():
            self.carnet.programme.save(programme)
            for ambassador in ambassadors:
                self.carnet.ambassadors.add(ambassador)
            if not any(self.carnet.activities.by_mission().values()):
                for mission, labels in DEFAULT_ACTIVITIES.items():
                    for label in labels:
                        self.carnet.activities.ensure(mission, label)

    def save_programme(self, programme: Programme) -> None:
        validate_programme(programme)
        with self.carnet.write():
            self.carnet.programme.save(programme)

    def ambassadors(self, include_inactive: bool = True) -> list[Ambassador]:
        return self.carnet.ambassadors.all(include_inactive)

    def ambassador_names(self) -> dict[str, str]:
        return {a.id: a.name for a in self.carnet.ambassadors.all()}

    def save_ambassador(self, ambassador: Ambassador) -> str:
        """Add (empty id) or update an ambassador; return the id."""
        validate_ambassador(ambassador, self.ambassadors())
        with self.carnet.write():
            if ambassador.id and self.carnet.ambassadors.get(ambassador.id):
                self.carnet.ambassadors.update(ambassador)
                return ambassador.id
            return self.carnet.ambassadors.add(ambassador)

    def activities(self) -> dict[Mission, list[str]]:
        return self.carnet.activities.by_mission()

    def add_activity(self, mission: Mission, label: str) -> str:
        if blank(label):
            raise InvalidInput("Indiquez le nom de l'activité.", "activité")
        with self.carnet.write():
            return self.carnet.activities.ensure(mission, label)

    def is_new_activity(self, mission: Mission, label: str) -> bool:
        """Tell whether saving an entry with ``label`` would add it to ``mission``'s list."""
        return not blank(label) and self.carnet.activities.find(mission, " ".join(label.split())) is None

    def remove_activity(self, mission: Mission, label: str) -> None:
        with self.carnet.write():
            self.carnet.activities.remove(mission, label)

    # --- entries ------------------------------------------------------------------------------

    def entry(self, entry_id: str) -> TimeEntry:
        entry = self.carnet.entries.get(entry_id)
        if entry is None:
            raise AppError("Cette entrée n'existe plus dans le carnet.")
        return entry

    def entries(self, entry_ids: Iterable[str]) -> dict[str, TimeEntry]:
        return self.carnet.entries.get_many(entry_ids)

    def entry_ids(
        self, where: EntryFilter, order: EntryOrder = EntryOrder.DATE, descending: bool = False
    ) -> list[str]:
        return self.carnet.entries.ids(where, order, descending)

    def check_entry(self, entry: TimeEntry) -> list[str]:
        """Check an entry against every rule without saving it; return its warnings.

        Raises:
            InvalidInput, MonthClosed: the entry cannot be saved.
        """
        entry, notes = clean_entry(entry)
        validate_entry(entry)
        ambassador = self.carnet.ambassadors.get(entry.ambassador_id)
        if ambassador is None:
            raise InvalidInput("Cet ambassadeur n'existe pas dans le carnet.", "ambassadeur")
        self._check_open(entry.month)
        if entry.id:
            previous = self.entry(entry.id)
            self._check_open(previous.month)
        others = self.carnet.entries.day_minutes(entry.ambassador_id, entry.day, entry.id)
        check_day_limit(entry.day, ambassador.name, others, entry.minutes)
        return notes + date_warnings(entry.day, self.programme(), self.today())

    def add_entry(self, entry: TimeEntry) -> Saved:
        """Save a new entry; its activity joins its mission's list if it is new."""
        entry = replace(entry, id="")
        warnings = self.check_entry(entry)
        entry = clean_entry(entry)[0]
        with self.carnet.write():
            activity = self.carnet.activities.ensure(entry.mission, entry.activity)
            entry_id = self.carnet.entries.add(replace(entry, activity=activity))
        self._record({}, self._live([entry_id]))
        return Saved(entry_id, warnings)

    def update_entry(self, entry: TimeEntry) -> Saved:
        """Save a changed entry; a changed activity joins its mission's list if it is new."""
        warnings = self.check_entry(entry)
        entry = clean_entry(entry)[0]
        previous = self.entry(entry.id)
        before = self._live([entry.id])
        kept = entry.mission is previous.mission and fold(entry.activity) == fold(previous.activity)
        with self.carnet.write():
            # An activity taken off the list stays off when only the duration or the text changes.
            activity = (
                entry.activity if kept else self.carnet.activities.ensure(entry.mission, entry.activity)
            )
            self.carnet.entries.update(replace(entry, activity=activity))
        self._record(before, self._live([entry.id]))
        return Saved(entry.id, warnings)

    def delete_entries(self, entry_ids: list[str]) -> None:
        """Delete entries (undoable with ``restore_entries``)."""
        before = self._live(entry_ids)
        for month in sorted({entry.month for entry in before.values()}):
            self._check_open(month)
        with self.carnet.write():
            self.carnet.entries.delete(entry_ids)
        self._record(before, {})

    def restore_entries(self, entry_ids: list[str]) -> None:
        """Bring deleted entries back (undo of a deletion)."""
        entries = self.carnet.entries.get_many(entry_ids).values()
        for month in sorted({e.month for e in entries}):
            self._check_open(month)
        for entry in entries:
            others = self.carnet.entries.day_minutes(entry.ambassador_id, entry.day, entry.id)
            name = self.ambassador_names().get(entry.ambassador_id, "?")
            check_day_limit(entry.day, name, others, entry.minutes)
        before = self._live(entry_ids)
        with self.carnet.write():
            self.carnet.entries.restore(entry_ids)
        self._record(before, self._live(entry_ids))

    def duplicate_entry(self, entry_id: str, day: date | None = None) -> Saved:
        """Copy an entry, on ``day`` or on the same day."""
        original = self.entry(entry_id)
        return self.add_entry(replace(original, id="", day=day or original.day))

    def _live(self, entry_ids: list[str]) -> dict[str, TimeEntry]:
        return self.carnet.entries.get_many(entry_ids, live_only=True)

    def _record(self, before: dict[str, TimeEntry], after: dict[str, TimeEntry]) -> None:
        """Bring what is kept up to date with a change of entries (the live ones ``before`` and
        ``after`` it, by id): each entry's minutes leave its old day and month and join its new
        ones, and the change is logged for the screens (``changes_since``)."""
        changes = [(before.get(i), after.get(i)) for i in {**before, **after}]
        changes = [(old, new) for old, new in changes if old != new]
        programme, today = self.programme(), self.today()
        for old, new in changes:
            for entry, sign in ((old, -1), (new, 1)):
                if entry is not None:
                    self._count(entry, sign * entry.minutes, programme, today)
        self._log += changes
        if len(self._log) > LOG_LIMIT:
            dropped = len(self._log) - LOG_LIMIT // 2
            self._log_start += dropped
            del self._log[:dropped]

    def _count(self, entry: TimeEntry, minutes: int, programme: Programme, today: date) -> None:
        """Add ``minutes`` of ``entry`` (negative: take them off) to what is kept."""
        if entry.month in self._fundable and is_fundable(entry.day, entry.mission, programme, today):
            self._fundable[entry.month] += minutes
        key = (entry.day, entry.ambassador_id, entry.mission)
        for (first, last), totals in self._totals.items():  # the spans of two months overlap
            if first <= entry.day <= last:
                total = totals.pop(key, 0) + minutes
                if total:
                    totals[key] = total
        self._splits = {month: kept for month, kept in self._splits.items() if kept[0][0] != entry.day}

    @property
    def revision(self) -> int:
        """Return the number of the last change of entries (see ``changes_since``)."""
        return self._log_start + len(self._log)

    def changes_since(self, revision: int) -> list[EntryChange] | None:
        """Return the changes of entries made after ``revision``, oldest first, or ``None`` when
        they are not known (an import, or too many since): then everything must be read again."""
        if revision < self._log_start:
            return None
        return self._log[revision - self._log_start :]

    # --- months -------------------------------------------------------------------------------

    def _check_open(self, month: Month) -> None:
        lock = self.carnet.months.active(month)
        if lock is not None:
            raise MonthClosed(
                f"Le mois {month.of_label()} est clôturé : on ne peut plus y ajouter, modifier ni "
                "supprimer d'entrée. Pour corriger, rouvrez-le (menu Mois > Rouvrir le mois, ou "
                "« ambassadeur rouvrir --mois AAAA-MM --motif … »)."
            )

    def month_lock(self, month: Month) -> MonthLock | None:
        return self.carnet.months.active(month)

    def closed_months(self) -> set[Month]:
        return self.carnet.months.closed_months()

    def month_summary(self, month: Month) -> MonthSummary:
        """Return the month at a glance (its weeks include days of the adjacent months), within
        what the months before left of the period's cap."""
        return month_summary(
            self._day_totals(month), self.programme(), month, self.today(), self.period_left(month)
        )

    def period_left(self, month: Month) -> int:
        """Return what the months before ``month`` left of the period's cap (``rules.period_left``)."""
        return period_left(self._fundable_minutes(), self.programme(), month)

    def _day_totals(self, month: Month) -> list[DayTotal]:
        """Return the day totals of the weeks of ``month``."""
        return [
            DayTotal(day, who, mission, minutes)
            for (day, who, mission), minutes in self._kept_totals(month).items()
        ]

    def _kept_totals(self, month: Month) -> dict[tuple[date, str, Mission], int]:
        """Return the minutes of the weeks of ``month`` by day, ambassador and mission; those of
        the last ``SPANS_KEPT`` months asked are kept, and follow each change of entries."""
        weeks = weeks_of_month(month)
        span = (weeks[0], weeks[-1] + timedelta(days=6))
        totals = self._totals.pop(span, None)
        if totals is None:
            totals = {
                (t.day, t.ambassador_id, t.mission): t.minutes for t in self.carnet.entries.day_totals(*span)
            }
        self._totals[span] = totals  # the last asked last: the first is the one to forget
        if len(self._totals) > SPANS_KEPT:
            del self._totals[next(iter(self._totals))]
        return totals

    def cap_day_split(self, summary: MonthSummary) -> dict[str, int]:
        """Return, by id, the minutes beyond the month's cap of the entries of the day the cap
        is reached (``over_cap_of_day``: the days before are under it, the fundable entries of
        the later days wholly beyond). Kept for each month until a figure it depends on changes
        or an entry of that day does."""
        cap_day, month = summary.cap_reached_on, summary.month
        if cap_day is None:
            return {}
        programme, today = self.programme(), self.today()
        before = sum(
            minutes
            for (day, _, mission), minutes in self._kept_totals(month).items()
            if month.first_day <= day < cap_day and is_fundable(day, mission, programme, today)
        )
        key = (cap_day, summary.claim.funded_minutes, before, programme, today)
        kept = self._splits.get(month)
        if kept is None or kept[0] != key:
            on_day = self.carnet.entries.in_range(cap_day, cap_day)
            split = over_cap_of_day(on_day, programme, month, today, summary.claim.funded_minutes, before)
            kept = self._splits[month] = (
                key,
                {e.id: over for e, over in zip(on_day, split, strict=True) if over},
            )
        return kept[1]

    def progress(self) -> ProgrammeProgress:
        """Return where the experiment stands."""
        return programme_progress(self._fundable_minutes(), self.programme(), self.today())

    def _fundable_minutes(self) -> dict[Month, int]:
        """Return the fundable minutes of each month of the period; each month's sum is kept
        until it changes."""
        programme, today = self.programme(), self.today()
        if self._fundable_key != (programme, today):
            self._fundable_key, self._fundable = (programme, today), {}
        first, last = funding_window(programme, today)
        for month in programme.period_months:
            if month not in self._fundable:
                low, high = max(first, month.first_day), min(last, month.last_day)
                self._fundable[month] = (
                    self.carnet.entries.minutes_between(low, high, Mission.funded_missions())
                    if low <= high
                    else 0
                )
        return self._fundable

    def changed(self) -> None:
        """Forget what is kept about the entries, after a change made around ``_record`` (an
        import): it is read again when next asked, and the screens reload their rows."""
        self._fundable.clear()
        self._totals.clear()
        self._splits.clear()
        self._log_start, self._log = self.revision + 1, []

    def default_month(self) -> Month:
        """Return the month to show first: today's, or the nearest month of the experiment."""
        current = Month.of(self.today())
        if not self.is_set_up:
            return current
        months = self.programme().period_months
        if current < months[0]:
            return months[0]
        if current > months[-1]:
            bounds = self.carnet.entries.date_bounds()
            return min(Month.of(bounds[1]), months[-1]) if bounds else months[-1]
        return current


@dataclass(frozen=True)
class ShortIdWords:
    """How a short-id lookup names its records: « l'événement », « Aucun événement », « Plusieurs
    événements », and the command that lists them."""

    of_one: str
    none: str
    several: str
    command: str


def find_by_short_id(text: str, starting_with: Callable[[str], list[str]], words: ShortIdWords) -> str:
    """Return the id that is ``text`` or the only one starting with it (a list's short id).

    Raises:
        InvalidInput: too short, no record, or several, start so.
    """
    wanted = text.strip().lower()
    listed = f"(la commande {words.command} les liste)"
    if len(wanted) < MIN_ID:
        raise InvalidInput(
            f"Donnez au moins les {MIN_ID} premiers caractères de l'identifiant {words.of_one} {listed}."
        )
    found = starting_with(wanted)
    if not found:
        raise InvalidInput(f"{words.none} n'a l'identifiant « {text} » {listed}.")
    if len(found) > 1 and wanted not in found:
        raise InvalidInput(f"{words.several} commencent par « {text} » : donnez plus de caractères.")
    return wanted if wanted in found else found[0]

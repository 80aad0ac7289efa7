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
    month_summary,
    programme_progress,
    validate_entry,
)
from ambassadeur_app.domain.text import blank, fold
from ambassadeur_app.domain.validation import validate_ambassador, validate_programme
from ambassadeur_app.errors import AppError, CarnetError, InvalidInput, MonthClosed
from ambassadeur_app.storage.db import Carnet
from ambassadeur_app.storage.entries import EntryOrder

Today = Callable[[], date]


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
        self._fundable: dict[Month, int] = {}
        self._fundable_key: tuple[Programme, date] | None = None

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

    def entries_between(self, first: date, last: date) -> list[TimeEntry]:
        return self.carnet.entries.in_range(first, last)

    def day_totals(self, first: date, last: date) -> list[DayTotal]:
        """Return the minutes per day, ambassador and mission (read from the index only)."""
        return self.carnet.entries.day_totals(first, last)

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
        self.changed([entry.month])
        return Saved(entry_id, warnings)

    def update_entry(self, entry: TimeEntry) -> Saved:
        """Save a changed entry; a changed activity joins its mission's list if it is new."""
        warnings = self.check_entry(entry)
        entry = clean_entry(entry)[0]
        previous = self.entry(entry.id)
        kept = entry.mission is previous.mission and fold(entry.activity) == fold(previous.activity)
        with self.carnet.write():
            # An activity taken off the list stays off when only the duration or the text changes.
            activity = (
                entry.activity if kept else self.carnet.activities.ensure(entry.mission, entry.activity)
            )
            self.carnet.entries.update(replace(entry, activity=activity))
        self.changed([previous.month, entry.month])
        return Saved(entry.id, warnings)

    def delete_entries(self, entry_ids: list[str]) -> None:
        """Delete entries (undoable with ``restore_entries``)."""
        months = self.carnet.entries.months_of(entry_ids)
        for month in sorted(months):
            self._check_open(month)
        with self.carnet.write():
            self.carnet.entries.delete(entry_ids)
        self.changed(months)

    def restore_entries(self, entry_ids: list[str]) -> None:
        """Bring deleted entries back (undo of a deletion)."""
        entries = self.carnet.entries.get_many(entry_ids).values()
        for month in sorted({e.month for e in entries}):
            self._check_open(month)
        for entry in entries:
            others = self.carnet.entries.day_minutes(entry.ambassador_id, entry.day, entry.id)
            name = self.ambassador_names().get(entry.ambassador_id, "?")
            check_day_limit(entry.day, name, others, entry.minutes)
        with self.carnet.write():
            self.carnet.entries.restore(entry_ids)
        self.changed({e.month for e in entries})

    def duplicate_entry(self, entry_id: str, day: date | None = None) -> Saved:
        """Copy an entry, on ``day`` or on the same day."""
        original = self.entry(entry_id)
        return self.add_entry(replace(original, id="", day=day or original.day))

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
        """Return the month at a glance (its weeks include days of the adjacent months)."""
        weeks = weeks_of_month(month)
        rows = self.carnet.entries.day_totals(weeks[0], weeks[-1] + timedelta(days=6))
        return month_summary(rows, self.programme(), month, self.today())

    def progress(self) -> ProgrammeProgress:
        """Return where the experiment stands; each month's sum is kept until it changes."""
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
        return programme_progress(self._fundable, programme, today)

    def changed(self, months: Iterable[Month] | None = None) -> None:
        """Forget the sums of the months whose entries changed (all of them when ``None``)."""
        if months is None:
            self._fundable.clear()
        for month in months or ():
            self._fundable.pop(month, None)

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

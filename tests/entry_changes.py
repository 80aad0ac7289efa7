"""Random changes of entries for the property tests of what is kept between two saves: saves,
edits (moving an entry to another day, month, ambassador or mission), deletions, restorations
(their undo) and imports (which make everything be read again)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, time
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import Ambassador, EntryFilter, Mission, Role, TimeEntry
from ambassadeur_app.errors import AppError
from ambassadeur_app.services import CarnetService, open_service
from tests.conftest import PROGRAMME, TODAY

# Few days, so that changes meet on the same days, weeks and months: before the experiment's start
# (1 Sept 2024), in weeks that straddle two months, after today (15 Nov 2024).
DAYS = [date(2024, 8, 30), date(2024, 9, 2), date(2024, 9, 3), date(2024, 9, 30), date(2024, 10, 1)]
MONTHS = [Month(2024, 8), Month(2024, 9), Month(2024, 10), Month(2024, 11)]
TEXTS = ["", "Atelier", "atelier MSP", "Éric", "éric", "zèbre", "Zèbre"]

days = st.sampled_from([*DAYS, date(2024, 10, 2), date(2024, 11, 16)])
minutes = st.sampled_from([15, 90, 240, 600])
starts = st.sampled_from([None, time(8, 0), time(14, 30)])
fields = st.fixed_dictionaries(
    {},
    optional={
        "day": days,
        "ambassador": st.integers(0, 1),
        "mission": st.sampled_from(list(Mission)),
        "minutes": minutes,
        "start_time": starts,
        "activity": st.sampled_from(["Appel", "appel", "Réunion", "Atelier d'information"]),
        "description": st.sampled_from(TEXTS),
        "place": st.sampled_from(TEXTS),
    },
)
# The month on screen: mostly the same from one step to the next (what is kept follows it).
shown = st.sampled_from([None, None, None, None, None, *MONTHS])
adding = st.tuples(st.just("add"), fields)
editing = st.tuples(st.just("edit"), st.integers(0, 99), fields)
# Mostly saves and edits, so that the month fills up and its entries move.
steps = st.one_of(
    adding,
    adding,
    editing,
    editing,
    st.tuples(st.just("delete"), st.integers(0, 99), st.integers(1, 3)),
    st.tuples(st.just("restore"), st.integers(0, 99)),
    st.tuples(st.just("import"), st.just(0)),
)
sequences = st.lists(st.tuples(steps, shown), min_size=5, max_size=30)


@contextmanager
def fresh_service(folder: Path) -> Iterator[CarnetService]:
    """A set-up carnet of its own (hypothesis runs many examples in one test)."""
    with open_service(folder / f"{uuid.uuid4()}.ambassadeur", create=True, today=lambda: TODAY) as service:
        service.setup(
            replace(PROGRAMME, monthly_cap_cents=30_000),  # 6 h: most months pass their cap
            # Sorted by name, "marie" comes before "Paul" (SQLite's NOCASE), not after (binary).
            [Ambassador("", "Paul Martin", Role.MEDICAL), Ambassador("", "marie Durand", Role.ADMINISTRATIF)],
        )
        yield service


class Changes:
    """Applies steps to a carnet through the service, as the undo commands do."""

    def __init__(self, service: CarnetService) -> None:
        self.service = service
        self.people = [a.id for a in service.ambassadors()]
        self.deleted: list[list[str]] = []

    def _entry(self, entry: TimeEntry, values: dict[str, Any]) -> TimeEntry:
        values = dict(values)
        if "ambassador" in values:
            values["ambassador_id"] = self.people[values.pop("ambassador")]
        return replace(entry, **values)

    def apply(self, step: tuple[Any, ...]) -> None:
        """Apply one step; one the rules refuse (24 h in a day) changes nothing."""
        live = self.service.entry_ids(EntryFilter())
        kind = step[0]
        try:
            if kind == "add":
                blank = TimeEntry(date(2024, 9, 2), self.people[0], Mission.PROMOTION, "Appel", 60)
                self.service.add_entry(self._entry(blank, step[1]))
            elif kind == "edit" and live:
                entry = self.service.entry(live[step[1] % len(live)])
                self.service.update_entry(self._entry(entry, step[2]))
            elif kind == "delete" and live:
                start = step[1] % len(live)
                chosen = live[start : start + step[2]]
                self.service.delete_entries(chosen)
                self.deleted.append(chosen)
            elif kind == "restore" and self.deleted:
                self.service.restore_entries(self.deleted.pop(step[1] % len(self.deleted)))
            elif kind == "import":
                self.service.changed()
        except AppError:
            pass

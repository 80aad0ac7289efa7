"""What the core keeps for the months shown: going back to one of the last months shown reads
nothing again, and what is kept for a month not shown follows every change all the same (each
way a change reaches it: a save, an edit, a deletion, its undo, an import)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.services import CarnetService
from ambassadeur_app.services.core import SPANS_KEPT
from tests.conftest import make_entry
from tests.entry_changes import fresh_service
from tests.unit.test_incremental_figures import assert_recomputed

SEPTEMBER, OCTOBER = Month(2024, 9), Month(2024, 10)
CAP_DAY = date(2024, 9, 2)  # the month's cap is 6 h (``fresh_service``)


class Reads:
    """Count the service's reads of the day totals and of whole entries."""

    def __init__(self, service: CarnetService, monkeypatch: pytest.MonkeyPatch) -> None:
        self.counts: Counter[str] = Counter()
        for name in ("day_totals", "in_range"):
            monkeypatch.setattr(service.carnet.entries, name, self._counting(name, service))

    def _counting(self, name: str, service: CarnetService) -> Callable[..., Any]:
        read = getattr(service.carnet.entries, name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.counts[name] += 1
            return read(*args, **kwargs)

        return counted

    def taken(self) -> Counter[str]:
        """Return the reads since the last call."""
        counts, self.counts = self.counts, Counter()
        return counts


def show(service: CarnetService, month: Month) -> None:
    """Ask what the carnet page shows of ``month``."""
    service.cap_day_split(service.month_summary(month))


def save(service: CarnetService, day: date, minutes: int, who: str = "Paul Martin") -> str:
    return service.add_entry(make_entry(service, day, minutes, who=who)).entry_id


def test_going_back_to_a_month_reads_nothing_and_its_figures_follow_the_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with fresh_service(tmp_path) as service:
        for day, minutes in ((CAP_DAY, 240), (CAP_DAY, 240), (date(2024, 10, 7), 420)):
            save(service, day, minutes)
        reads = Reads(service, monkeypatch)
        show(service, SEPTEMBER)
        show(service, OCTOBER)
        assert reads.taken() == {"day_totals": 2, "in_range": 2}  # both above their cap
        show(service, SEPTEMBER)
        show(service, OCTOBER)
        assert reads.taken() == {}
        # Changes made while October is shown, in September's weeks only and in both (30/09).
        moved = save(service, date(2024, 9, 10), 90)
        service.update_entry(replace(service.entry(moved), day=date(2024, 9, 30), minutes=120))
        service.delete_entries([moved])
        service.restore_entries([moved])
        show(service, OCTOBER)
        show(service, SEPTEMBER)
        assert reads.taken()["day_totals"] == 0
        for month in (SEPTEMBER, OCTOBER):
            assert_recomputed(service, month, "after the changes")


def test_the_last_months_shown_are_kept_and_the_oldest_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with fresh_service(tmp_path) as service:
        reads = Reads(service, monkeypatch)
        months = [SEPTEMBER.add(index) for index in range(SPANS_KEPT + 1)]
        for month in months[:SPANS_KEPT]:
            service.month_summary(month)
        for month in reversed(months[:SPANS_KEPT]):  # the first shown is now the last asked
            service.month_summary(month)
        assert reads.taken()["day_totals"] == SPANS_KEPT
        service.month_summary(months[-1])  # one more: the least recently asked goes
        save(service, date(2024, 10, 8), 60)
        service.month_summary(SEPTEMBER)
        assert reads.taken()["day_totals"] == 1
        service.month_summary(months[SPANS_KEPT - 1])
        assert reads.taken()["day_totals"] == 1
        for month in months:
            assert_recomputed(service, month, "kept and read again")


def test_a_change_on_a_cap_day_not_shown_is_split_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with fresh_service(tmp_path) as service:
        for minutes in (240, 240):
            save(service, CAP_DAY, minutes)
        show(service, SEPTEMBER)
        show(service, OCTOBER)
        reads = Reads(service, monkeypatch)
        # The month's funded minutes and those of the days before do not change: only the cap day.
        save(service, CAP_DAY, 15, who="Marie Durand")
        show(service, SEPTEMBER)
        assert reads.taken()["in_range"] == 1
        assert_recomputed(service, SEPTEMBER, "a save on the cap day")


def test_an_import_makes_the_months_kept_be_read_again(tmp_path: Path) -> None:
    with fresh_service(tmp_path) as service:
        for day, minutes in ((CAP_DAY, 240), (CAP_DAY, 240), (date(2024, 10, 1), 60)):
            save(service, day, minutes)
        for month in (SEPTEMBER, OCTOBER):
            show(service, month)
        with service.carnet.write():  # as an import writes, around the service
            for day in (CAP_DAY, date(2024, 9, 30), date(2024, 10, 1)):
                service.carnet.entries.add(make_entry(service, day, 30, Mission.FORMATION, "Paul Martin"))
        service.changed()
        for month in (OCTOBER, SEPTEMBER):
            assert_recomputed(service, month, "after an import")

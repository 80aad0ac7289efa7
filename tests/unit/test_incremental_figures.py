"""The figures kept between two saves (month summary, progress, the cap day's split) equal a full
recomputation after any sequence of saves, edits, deletions, restorations and imports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.rules import over_cap_split
from ambassadeur_app.services import CarnetService
from ambassadeur_app.services.core import CarnetCore
from tests.entry_changes import MONTHS, Changes, fresh_service, sequences


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sequence=sequences, glances=st.lists(st.sampled_from([None, *MONTHS]), min_size=30, max_size=30))
def test_kept_figures_equal_a_full_recomputation(
    tmp_path: Path, sequence: list[tuple[Any, Month | None]], glances: list[Month | None]
) -> None:
    """After each change, the month shown and, often, a glance at another one (switching back
    and forth: the figures kept for a month not shown must follow the changes too)."""
    with fresh_service(tmp_path) as service:
        changes = Changes(service)
        month = MONTHS[1]
        for (step, other), glance in zip(sequence, glances, strict=False):
            changes.apply(step)
            month = other or month
            for shown in [month] if glance is None else [month, glance]:
                assert_recomputed(service, shown, step)


def assert_recomputed(service: CarnetService, month: Month, step: Any) -> None:
    """The month's figures as kept equal those of a service that keeps nothing yet."""
    fresh = CarnetCore(service.carnet, service.today)
    summary = service.month_summary(month)
    assert summary == fresh.month_summary(month), (step, month)
    assert service.progress() == fresh.progress(), step
    # The split of the cap day is the timesheet's, line by line.
    entries = service.carnet.entries.in_range(month.first_day, month.last_day)
    split = over_cap_split(entries, service.programme(), month, service.today())
    expected = {
        e.id: over for e, over in zip(entries, split, strict=True) if over and e.day == summary.cap_reached_on
    }
    assert service.cap_day_split(summary) == expected, (step, month)
    assert sum(split) == summary.claim.over_cap_minutes


def test_the_changes_are_logged_for_the_screens(tmp_path: Path) -> None:
    with fresh_service(tmp_path) as service:
        changes = Changes(service)
        start = service.revision
        changes.apply(("add", {"minutes": 90}))
        logged = service.changes_since(start)
        assert logged is not None
        [(old, new)] = logged
        assert old is None
        assert new is not None
        assert new.minutes == 90
        assert new == service.entry(new.id)  # as stored, with its creation time
        service.delete_entries([new.id])
        assert service.changes_since(start + 1) == [(new, None)]
        service.delete_entries([new.id])  # already deleted: nothing changes
        assert service.changes_since(start + 2) == []
        service.changed()  # an import: the screens read everything again
        assert service.changes_since(start + 2) is None
        assert service.changes_since(service.revision) == []


def test_a_screen_too_far_behind_reads_everything_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ambassadeur_app.services.core.LOG_LIMIT", 4)
    with fresh_service(tmp_path) as service:
        changes = Changes(service)
        start = service.revision
        for _ in range(6):
            changes.apply(("add", {"minutes": 15}))
        assert service.revision == start + 6
        assert service.changes_since(start) is None
        recent = service.changes_since(service.revision - 2)
        assert recent is not None
        assert [new.minutes for _, new in recent if new] == [15, 15]

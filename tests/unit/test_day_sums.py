"""The entries' day sums (kept by triggers) equal a full recomputation after any sequence of
saves, edits, deletions, restorations, hard deletions and the sync's changes; an older carnet
gets them filled by its migration."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ambassadeur_app.domain.model import EntryFilter, Mission
from ambassadeur_app.services import CarnetService, open_service
from tests.conftest import TODAY, log_entry
from tests.entry_changes import Changes, fresh_service, steps
from tests.sync.conftest import DAY, Binome, edit

RECOMPUTED = (
    "SELECT day, mission, SUM(minutes) FROM time_entries WHERE deleted_at IS NULL "
    "GROUP BY day, mission ORDER BY day, mission"
)
KEPT = "SELECT day, mission, minutes FROM _time_entry_day_sums ORDER BY day, mission"

hard_deleting = st.tuples(st.just("hard delete"), st.integers(0, 99))


def sums(db: Any, sql: str) -> list[tuple[str, str, int]]:
    return [tuple(row) for row in db.execute(sql).fetchall()]


def assert_kept(service: CarnetService, step: Any = None) -> None:
    assert sums(service.carnet.db, KEPT) == sums(service.carnet.db, RECOMPUTED), step


def hard_delete(service: CarnetService, index: int) -> None:
    """Delete a row for good, live or already deleted (as the sync's apply may)."""
    ids = [row[0] for row in service.carnet.db.execute("SELECT id FROM time_entries ORDER BY id")]
    if ids:
        with service.carnet.write():
            service.carnet.db.execute("DELETE FROM time_entries WHERE id = ?", [ids[index % len(ids)]])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sequence=st.lists(st.one_of(steps, hard_deleting), min_size=5, max_size=30))
def test_kept_day_sums_equal_a_full_recomputation(tmp_path: Path, sequence: list[tuple[Any, ...]]) -> None:
    with fresh_service(tmp_path) as service:
        changes = Changes(service)
        for step in sequence:
            if step[0] == "hard delete":
                hard_delete(service, step[1])
            else:
                changes.apply(step)
            assert_kept(service, step)
        live = service.carnet.entries.get_many(service.entry_ids(EntryFilter()), live_only=True)
        assert service.carnet.entries.minutes_between(date.min, date.max, Mission) == sum(
            entry.minutes for entry in live.values()
        )


def test_the_sums_follow_the_changes_the_sync_applies(tmp_path: Path) -> None:
    binome = Binome(tmp_path)
    try:
        check_synced_sums(binome)
    finally:
        binome.close()


def check_synced_sums(binome: Binome) -> None:
    a = binome.first()
    b = binome.join("b")
    kept = log_entry(a.service, DAY, 45)
    moved = log_entry(a.service, DAY, 90)
    gone = log_entry(a.service, DAY, 30)
    a.sync()
    b.sync()
    assert_kept(b.service)
    assert sums(b.db, KEPT) == sums(a.db, KEPT)
    edit(a, moved, day=date(2024, 9, 3), mission=Mission.FORMATION, minutes=120)
    edit(a, kept, minutes=60)
    a.service.delete_entries([gone])
    a.sync()
    b.sync()
    assert_kept(b.service)
    assert (
        sums(b.db, KEPT)
        == sums(a.db, KEPT)
        == [
            ("2024-09-03", Mission.FORMATION.value, 120),
            (DAY.isoformat(), Mission.PROMOTION.value, 60),
        ]
    )
    b.service.restore_entries([gone])
    b.sync()
    a.sync()
    assert_kept(a.service)
    assert sums(a.db, KEPT)[1] == (DAY.isoformat(), Mission.PROMOTION.value, 90)


def test_an_older_carnet_gets_its_day_sums_filled(tmp_path: Path) -> None:
    path = tmp_path / "c.ambassadeur"
    with fresh_service(tmp_path) as service:
        changes = Changes(service)
        for step in [("add", {}), ("add", {"minutes": 90}), ("add", {"day": date(2024, 10, 1)})]:
            changes.apply(step)
        changes.apply(("delete", 0, 1))
        expected = sums(service.carnet.db, RECOMPUTED)
        source = service.carnet.path
    assert len(expected) == 2
    source.rename(path)
    conn = sqlite3.connect(path)
    with conn:  # as a carnet made before the step
        for name in ("insert", "delete", "update"):
            conn.execute(f"DROP TRIGGER _time_entry_day_sums_{name}")
        conn.execute("DROP TABLE _time_entry_day_sums")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm017_time_entry_day_sums'")
    conn.close()
    with open_service(path, today=lambda: TODAY) as service:
        assert sums(service.carnet.db, KEPT) == expected
        log_entry(service, date(2024, 10, 1), 15)
        assert_kept(service)

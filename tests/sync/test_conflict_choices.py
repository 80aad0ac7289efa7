"""The choices made in « Conflits à vérifier » are records that travel (``conflict_choices``,
step m020): a carnet from before the step opens with its conflicts, those still to check and
those its laptop settled, and the copy of a « doublon » it counted is set aside at its next
sync; the copy stays listed when the entry shown is edited; two laptops choosing for the same
conflict at once end alike."""

from __future__ import annotations

import sqlite3

from ambassadeur_app.sync.capture import capture_sql
from ambassadeur_app.sync.engine import DECIDED
from tests.conftest import log_entry
from tests.sync.conftest import DAY, Binome, ahead, before_step, contents, edit, everyone_syncs, listing, pair
from tests.sync.test_reported_sync_bugs import typed_on_both
from tests.sync.test_tables import triggers


def without_choices(old: sqlite3.Connection) -> None:
    """Back to the schema of before m020: a choice kept in its laptop's ``_sync_conflicts`` row,
    the copy of a « doublon » counted."""
    old.execute(
        "UPDATE _sync_conflicts SET resolved_at = k.updated_at, choice = k.choice "
        "FROM conflict_choices AS k WHERE k.id = _sync_conflicts.id"
    )
    old.execute("DELETE FROM _sync_log WHERE tbl = 'conflict_choices'")
    old.execute("DROP TABLE conflict_choices")
    old.execute("UPDATE time_entries SET deleted_at = NULL WHERE deleted_at = ?", [DECIDED])


def test_a_carnet_from_before_the_step_keeps_its_conflicts(binome: Binome) -> None:
    a, b, entry = pair(binome)
    ahead(b, 1)
    edit(a, entry, place="Toul")
    edit(b, entry, place="Nancy")
    twins = [log_entry(laptop.service, DAY, 45, description="Appel") for laptop in (a, b)]
    everyone_syncs([a, b])
    champ, doublon = sorted(a.sync_service.conflicts(), key=lambda c: c.kind)
    a.sync_service.keep(champ.id, "actuelle")  # settled here only, as before the step
    listed = listing(a)
    a = before_step(binome, 0, "m020_conflict_choices", without_choices)
    assert triggers(a.db) == set(capture_sql(a.db))
    assert "conflict_choices" in " ".join(triggers(a.db))
    assert listing(a) == listed
    assert [c.id for c in a.sync_service.conflicts()] == [doublon.id]
    assert a.sync_service.conflicts(include_resolved=True)[0].resolved == "réglé : valeur actuelle gardée"
    assert all(a.service.carnet.entries.is_live(e) for e in twins)  # as it was
    a.sync()  # the copy is set aside, as on B
    assert [a.service.carnet.entries.is_live(e) for e in twins] == [True, False]
    assert contents(a) == contents(b)
    # The step's table travels from there on: the doublon settled here is settled on B too.
    a.sync_service.keep(doublon.id, "ecartee")
    everyone_syncs([a, b])
    assert all(laptop.service.carnet.entries.is_live(e) for laptop in (a, b) for e in twins)
    assert b.sync_service.conflicts() == []
    assert contents(a) == contents(b)


def test_two_laptops_choosing_for_the_same_conflict_at_once_end_alike(binome: Binome) -> None:
    a, b, _ = typed_on_both(binome)
    (conflict,) = a.sync_service.conflicts()
    twins = [conflict.row_id, conflict.other_id]
    a.sync_service.keep(conflict.id, "actuelle")  # neither knows of the other's choice
    b.sync_service.keep(conflict.id, "ecartee")
    everyone_syncs([a, b], rounds=2)
    assert contents(a) == contents(b)
    assert listing(a) == listing(b)
    settled = [laptop.sync_service.conflicts(include_resolved=True) for laptop in (a, b)]
    assert [c.resolved for c in settled[0]] == [c.resolved for c in settled[1]] != [""]
    assert a.sync_service.conflicts() == b.sync_service.conflicts() == []
    live = [e for e in twins if a.service.carnet.entries.is_live(e)]
    assert live in ([conflict.row_id], twins)  # one choice won, whole: no entry lost, none set aside


def test_the_copy_stays_listed_when_the_entry_shown_is_edited(binome: Binome) -> None:
    a, b, _ = typed_on_both(binome)
    (conflict,) = a.sync_service.conflicts()
    twins = [conflict.row_id, conflict.other_id]
    edit(b, conflict.row_id, minutes=90)  # the one entry shown, corrected
    everyone_syncs([a, b])
    for laptop in (a, b):
        (listed,) = laptop.sync_service.conflicts()
        assert listed.id == conflict.id
        assert "semblent être la même entrée" in listed.description
        assert [laptop.service.carnet.entries.is_live(e) for e in (conflict.row_id, conflict.other_id)] == [
            True,
            False,
        ]
    b.sync_service.keep(conflict.id, "ecartee")  # both after all
    everyone_syncs([a, b])
    assert all(a.service.carnet.entries.is_live(e) for e in twins)
    assert contents(a) == contents(b)
    assert listing(a) == listing(b)

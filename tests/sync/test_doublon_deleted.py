"""Deleting by hand the one entry shown of an open « doublon » (the same entry typed on both
laptops: the copy typed second is set aside) removes the hour on every laptop: the copy stays
set aside, counted nowhere, and undoing the deletion brings both back as they were."""

from __future__ import annotations

import pytest

from ambassadeur_app.sync.engine import DECIDED
from tests.conftest import log_entry
from tests.sync.conftest import DAY, Binome, Laptop, ahead, contents, everyone_syncs, listing
from tests.sync.test_reported_sync_bugs import counted, typed_on_both

OTHER = 30  # minutes of another entry of the month, typed in the same sync as the deletion


def now_counted(laptop: Laptop) -> tuple[int, int]:
    """The month's promotion minutes and live entries, read anew (a sync changes the carnet
    behind the service's kept totals: the window reloads after it)."""
    laptop.service.changed()
    return counted(laptop)


def alike(laptops: list[Laptop]) -> None:
    first, *others = laptops
    for laptop in others:
        assert contents(laptop) == contents(first)
        assert listing(laptop) == listing(first)


@pytest.mark.parametrize("deleting", [0, 1], ids=["here", "on the other laptop"])
def test_deleting_the_one_entry_shown_removes_the_hour_on_both_laptops(binome: Binome, deleting: int) -> None:
    a, b, _ = typed_on_both(binome)
    laptops = [a, b]
    (conflict,) = a.sync_service.conflicts()
    shown, copy = conflict.row_id, conflict.other_id
    laptops[deleting].service.delete_entries([shown])  # window or « supprimer »: the service
    log_entry(laptops[deleting].service, DAY, OTHER, description="Réunion")
    everyone_syncs(laptops if deleting == 0 else [b, a])
    for laptop in laptops:
        assert now_counted(laptop) == (OTHER, 1)
        assert not laptop.service.carnet.entries.is_live(shown)
        assert laptop.sync_service.engine.twin_set_aside(copy)
        assert laptop.sync_service.conflicts() == []
    alike(laptops)
    c = binome.join("c")  # a laptop joining later reads the same history
    assert now_counted(c) == (OTHER, 1)
    alike([a, b, c])


def test_undoing_the_deletion_brings_both_entries_back_as_they_were(binome: Binome) -> None:
    a, b, conflict_id = typed_on_both(binome)
    (conflict,) = a.sync_service.conflicts()
    before = [listing(laptop) for laptop in (a, b)]
    a.service.delete_entries([conflict.row_id])
    everyone_syncs([a, b])
    a.service.restore_entries([conflict.row_id])  # the page's undo
    everyone_syncs([a, b])
    for laptop in (a, b):
        assert now_counted(laptop) == (60, 1)
        assert [c.id for c in laptop.sync_service.conflicts()] == [conflict_id]  # open again
        assert laptop.db.execute(
            "SELECT deleted_at FROM time_entries WHERE id = ?", [conflict.other_id]
        ).fetchone() == (DECIDED,)
    assert [listing(laptop) for laptop in (a, b)] == before
    alike([a, b])


def test_an_entry_deleted_before_its_laptop_knew_of_the_copy_leaves_the_copy_counted(binome: Binome) -> None:
    """The copy is someone's entry: deleted by no one who knew of it, it counts."""
    a = binome.first()
    a.sync()
    b = binome.join("b")
    ahead(b, 1)  # B's entry is typed second, by the clocks too
    first = log_entry(a.service, DAY, 60, description="Appel MSP Toul")
    second = log_entry(b.service, DAY, 60, description="Appel MSP Toul")
    a.sync()
    a.service.delete_entries([first])  # B's entry not known here yet
    b.sync()
    everyone_syncs([a, b])
    for laptop in (a, b):
        assert now_counted(laptop) == (60, 1)
        assert laptop.service.carnet.entries.is_live(second)
        assert laptop.sync_service.conflicts() == []
    alike([a, b])

"""A « doublon » whose first entry its users deleted last knowing both entries (the entry shown
deleted) is recorded, listed settled and its copy set aside alike on every laptop, even on a
laptop where that entry was already deleted (by a deletion not knowing the copy) when the copy
came (found by the simulation in processes, seed 1090)."""

from __future__ import annotations

from ambassadeur_app.sync.engine import DECIDED
from tests.conftest import log_entry
from tests.sync.conftest import DAY, Binome, ahead, contents, everyone_syncs, field, listing


def test_a_doublon_met_with_its_first_entry_already_deleted_is_recorded_alike(binome: Binome) -> None:
    # A types E1 and sends it. B, its clock ahead, types the same hour (E2, the copy), sends it,
    # then meets E1: the doublon, E2 set aside. B deletes E1 knowing both entries (« entry shown
    # deleted »: the doublon reads settled). Meanwhile A deletes E1 too, not knowing E2, and only
    # then meets E2 (E1 deleted: no pair), then B's deletion (the latest one, made knowing both).
    # B listed the doublon settled, the copy set aside; A never recorded it, and counted E2.
    a, b = binome.first(), binome.join("b")
    everyone_syncs([a, b])
    first = log_entry(a.service, DAY, 45)
    a.sync()  # E1 sent
    ahead(b, 1)
    second = log_entry(b.service, DAY, 45)  # E2, typed second, not knowing E1
    b.sync()  # E2 sent, then E1 met: the doublon
    b.service.delete_entries([first])  # knowing both entries
    b.sync()
    a.service.delete_entries([first])  # not knowing E2
    a.sync()  # A's deletion sent, then E2 (E1 deleted here), then B's deletion
    everyone_syncs([a, b], rounds=3)
    assert contents(a) == contents(b)
    assert listing(a) == listing(b)
    assert [(c[1], c[6]) for c in listing(a)] == [("doublon", True)]  # settled: « entrée supprimée »
    for laptop in (a, b):
        assert field(laptop, "time_entries", second, "deleted_at") == DECIDED  # the copy set aside

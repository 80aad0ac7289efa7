"""A « doublon » whose copy its writer deleted before knowing of the other entry is listed alike
on every laptop, whichever laptop held both entries kept for a while (found by the simulation in
processes, seeds 752 and 767)."""

from __future__ import annotations

from tests.conftest import log_entry
from tests.sync.conftest import DAY, Binome, contents, everyone_syncs, listing


def test_a_copy_deleted_by_its_writer_before_the_pair_met_is_listed_alike(binome: Binome) -> None:
    # C types E1; B types the same hour (E2, the copy: typed second), sends it, then deletes it,
    # both before knowing of E1. C met E2 kept, with E1 (the doublon recorded, open), then its
    # deletion; A met E2 already deleted when E1 came (no doublon ever). A then deletes E1
    # knowing both entries: C read the doublon as settled (« entry shown deleted »), A and B
    # never listed it.
    a, b, c = binome.first(), binome.join("b"), binome.join("c")
    everyone_syncs([a, b, c])
    first = log_entry(c.service, DAY, 90)
    second = log_entry(b.service, DAY, 90)
    b.sync()  # E2 created
    b.service.delete_entries([second])
    b.sync()  # E2 deleted, B still not knowing E1
    a.sync()  # A: E2 created and deleted, no E1 yet
    c.sync()  # C sends E1, and meets E2 kept (the doublon), then its deletion
    a.sync()  # A meets E1: E2 is deleted, no doublon
    a.service.delete_entries([first])  # knowing both entries
    everyone_syncs([a, b, c], rounds=3)
    assert contents(a) == contents(b) == contents(c)
    assert listing(a) == listing(b) == listing(c)

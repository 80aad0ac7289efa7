"""A « doublon » settled on the laptop that saw both entries is listed settled on every laptop,
those that never held both entries kept included (the first one deleted there before the copy
came): the choice's record names the pair, and they record it."""

from __future__ import annotations

from tests.conftest import log_entry
from tests.sync.conftest import DAY, Binome, ahead, contents, everyone_syncs, listing


def test_a_doublon_settled_elsewhere_is_listed_settled_where_both_entries_never_met(binome: Binome) -> None:
    a = binome.first()
    b = binome.join("b")
    ahead(b, 1)  # B's entry is typed second, by the clocks too
    first = log_entry(a.service, DAY, 60, description="Appel MSP Toul")
    copy = log_entry(b.service, DAY, 60, description="Appel MSP Toul")
    a.sync()
    b.sync()  # B holds both: the doublon
    (conflict,) = b.sync_service.conflicts()
    assert (conflict.kind, conflict.row_id, conflict.other_id) == ("doublon", first, copy)
    b.sync_service.keep(conflict.id, "actuelle")  # one entry: the copy removed
    b.sync()
    a.service.delete_entries([first])  # A has not seen B's entry yet
    everyone_syncs([a, b])
    c = binome.join("c")  # meets the first entry deleted before the copy comes, like A
    everyone_syncs([a, b, c])
    for laptop in (a, b, c):
        (settled,) = laptop.sync_service.conflicts(include_resolved=True)
        assert (settled.id, settled.resolved) == (conflict.id, "réglé : une seule entrée gardée")
        assert not any(laptop.service.carnet.entries.is_live(e) for e in (first, copy))
    assert listing(a) == listing(b) == listing(c)
    assert contents(a) == contents(b) == contents(c)

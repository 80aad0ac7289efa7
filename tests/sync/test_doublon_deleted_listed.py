"""A « doublon » whose entry shown was deleted knowing both entries stays listed, settled, alike
on every laptop (the copy is not counted); undoing the deletion opens it again."""

from __future__ import annotations

import pytest

from ambassadeur_app.cli import main
from ambassadeur_app.services import open_service
from tests.conftest import TODAY
from tests.sync.conftest import Binome, Laptop, everyone_syncs, listing
from tests.sync.test_reported_sync_bugs import typed_on_both

SETTLED = "réglé : entrée supprimée (la copie n'est pas comptée)"


@pytest.mark.parametrize("deleting", [0, 1], ids=["here", "on the other laptop"])
def test_the_doublon_of_a_deleted_entry_is_listed_settled_on_every_laptop(
    binome: Binome, deleting: int, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, conflict_id = typed_on_both(binome)
    laptops = [a, b]
    (conflict,) = a.sync_service.conflicts()
    laptops[deleting].service.delete_entries([conflict.row_id])
    everyone_syncs(laptops)
    for laptop in laptops:
        assert laptop.sync_service.conflicts() == []
        (settled,) = laptop.sync_service.conflicts(include_resolved=True)
        assert (settled.id, settled.kind, settled.resolved) == (conflict_id, "doublon", SETTLED)
    assert listing(a) == listing(b)
    path = b.service.path
    b.close()  # the command opens the carnet itself
    assert main(["--carnet", str(path), "conflits", "--tous"]) == 0
    out = capsys.readouterr().out
    b = binome.laptops[1] = Laptop(open_service(path, today=lambda: TODAY))
    laptops = [a, b]
    assert f"{conflict_id[:8]}  " in out
    assert f"[{SETTLED}]" in out
    assert "0 conflit à vérifier ; 1 conflit réglé." in out
    laptops[deleting].service.restore_entries([conflict.row_id])  # the page's undo
    everyone_syncs(laptops)
    for laptop in laptops:
        assert [(c.id, c.resolved) for c in laptop.sync_service.conflicts(include_resolved=True)] == [
            (conflict_id, "")
        ]
    assert listing(a) == listing(b)

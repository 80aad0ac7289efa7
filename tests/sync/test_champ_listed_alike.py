"""A « champ » conflict is listed alike on every laptop when the losing value was replaced
knowingly by another copy's change that lost too (found by the simulation in processes, seeds
755 and 757)."""

from __future__ import annotations

from ambassadeur_app.domain.register import Professional
from tests.conftest import log_entry
from tests.sync.conftest import DAY, Binome, ahead, edit, listing


def test_a_value_replaced_knowingly_by_another_copy_then_losing_is_listed_alike(binome: Binome) -> None:
    # After an erasure every laptop forgets the values a later change replaced. A types A1; B,
    # knowing A1, replaces it with B1; C, knowing neither, types C1, which wins over both. A met
    # A1 replaced by B1 (and forgot A1) before C1 came: it lists « B1 set aside for C1 » only.
    # C met A1 and B1 losing to C1: it listed both (A1 stays, as a value of an open conflict).
    a, b, c = binome.first(), binome.join("b"), binome.join("c")
    entry = log_entry(a.service, DAY, 30)
    person = a.service.register.save_professional(Professional("Nom", "Prénom", "G15-10"))
    for laptop in (a, b, c, a, b, c):
        laptop.sync()
    a.service.register.erase_professional(person)
    for laptop in (a, b, c, a, b, c):
        laptop.sync()
    edit(a, entry, description="A1")
    a.sync()
    b.sync()
    edit(b, entry, description="B1")  # B knows A1
    b.sync()
    ahead(c, 1)
    edit(c, entry, description="C1")  # C knows neither
    a.sync()  # A meets B1 replacing A1, and forgets A1
    for laptop in (c, a, b, c, a, b, c):
        laptop.sync()
    assert listing(a) == listing(b) == listing(c)
    (conflict,) = [k for k in a.sync_service.conflicts() if k.kind == "champ"]
    assert (conflict.kept, conflict.set_aside) == ("C1", "B1")

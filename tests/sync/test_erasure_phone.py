"""An erased person's phone ends empty on every laptop, also on one that applied their creation
before its writer rewrote it (found by the simulation in processes, seeds 2006 and 2057)."""

from __future__ import annotations

from dataclasses import replace
from itertools import permutations
from pathlib import Path

import pytest

from ambassadeur_app.domain.register import Professional
from tests.sync.conftest import Binome, contents, field, in_turns, listing, newest

PHONE = "06 00 00 00 00"


@pytest.mark.parametrize("order", list(permutations("abc")))
def test_an_erased_persons_phone_goes_on_the_laptop_holding_the_first_creation(
    binome: Binome, order: tuple[str, ...]
) -> None:
    # C creates P with a phone; A applies that creation. C then changes the phone and, meeting
    # an erasure (of Q), rewrites its file creating P with the phone emptied (a later change
    # replaced it). B gets that file but not yet C's change, and erases P: the phone is empty on
    # B already, so the erasure writes nothing there. C's change, made without knowing of the
    # erasure, is dropped everywhere, and the phone falls back to the creation: A's still held it.
    a = binome.first()
    other = a.service.register.save_professional(Professional("Quenelle", "Jean", "G15-10"))
    a.sync()
    b, c = binome.join("b"), binome.join("c")
    laptops = {"a": a, "b": b, "c": c}
    register = c.service.register
    person = register.save_professional(Professional("Zyxwortowska", "Anne", "G15-10", phone=PHONE))
    c.sync()
    a.sync()
    assert field(a, "professionals", person, "phone") == PHONE
    register.save_professional(replace(register.professional(person), phone="06 99 88 77 66"))
    register.erase_professional(other)
    assert c.sync().rewritten
    sent = newest(binome.folder, c.sync_service.engine.replica)
    held = Path(f"{sent}.held")
    sent.rename(held)  # the phone's change is late in B's folder
    b.sync()
    assert field(b, "professionals", person, "phone") == ""
    b.service.register.erase_professional(person)
    b.sync()
    held.rename(sent)
    in_turns(laptops, order)
    for laptop in (a, b, c):
        assert field(laptop, "professionals", person, "anonymized_at") is not None
        assert field(laptop, "professionals", person, "phone") == ""
        assert PHONE not in str(laptop.db.execute("SELECT value FROM _sync_log").fetchall())
    assert contents(a) == contents(b) == contents(c)
    assert listing(a) == listing(b) == listing(c)

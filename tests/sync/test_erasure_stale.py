"""An edit of a person made without knowing of their erasure is dropped on every laptop, a third
one that forgot values after an earlier erasure included."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import permutations
from typing import Any

import pytest

from ambassadeur_app.domain.register import ParceoStatus, PracticeMode, Professional, Specialty
from tests.sync.conftest import Binome, contents, everyone_syncs, field, in_turns, listing

ORDERS = list(permutations("abc"))


@pytest.mark.parametrize("order", ORDERS)
def test_a_stale_edit_of_an_erased_person_goes_everywhere_after_an_earlier_erasure(
    binome: Binome, order: tuple[str, ...]
) -> None:
    a = binome.first()
    register = a.service.register
    kept = register.save_professional(Professional("Zyxwortowska", "Anne", "G15-10"))
    first = register.save_professional(Professional("Quenelle", "Jean", "G15-10"))
    a.sync()
    b, c = binome.join("b"), binome.join("c")
    laptops = {"a": a, "b": b, "c": c}
    c.service.register.erase_professional(first)
    everyone_syncs([c, a, b])
    # A writes about the person without syncing; C erases them meanwhile.
    register.save_professional(replace(register.professional(kept), notes="n42", email="e42@x.org"))
    c.service.register.erase_professional(kept)
    in_turns(laptops, order)
    for laptop in (a, b, c):
        assert field(laptop, "professionals", kept, "notes") == ""
        assert field(laptop, "professionals", kept, "email") == ""
        assert field(laptop, "professionals", kept, "anonymized_at") is not None
        assert "n42" not in str(laptop.db.execute("SELECT value FROM _sync_log").fetchall())
    assert contents(a) == contents(b) == contents(c)


# The fields an erasure keeps (anonymous counts need them): the value at creation, a value known
# to every laptop before the erasure, and one written without knowing of it.
KEPT: dict[str, tuple[Any, Any, Any]] = {
    "profession_code": ("G15-10", "G15-21", "G15-40"),
    "specialty": (Specialty.GENERAL, Specialty.OTHER, Specialty.NONE),
    "practice_mode": (PracticeMode.LIBERAL, PracticeMode.MIXTE, PracticeMode.SALARIE),
    "parceo_status": (ParceoStatus.INVITED, ParceoStatus.CREATED, ParceoStatus.ACTIVE),
    "parceo_since": (date(2024, 1, 5), date(2024, 3, 9), date(2024, 6, 1)),
}


# A field an erasure empties, emptied knowingly before (the erasure then writes nothing there),
# and written again without knowing of the erasure.
EMPTIED: dict[str, tuple[Any, Any, Any]] = {
    "phone": ("06 11 22 33 44", "", "06 99 88 77 66"),
    "notes": ("Vue au salon", "", "n42"),
}


CASES = [
    *(
        pytest.param(column, known, id=f"{column}-{'edited' if known else 'created'}")
        for column in KEPT
        for known in (False, True)
    ),
    *(pytest.param(column, True, id=f"{column}-emptied") for column in EMPTIED),
]


@pytest.mark.parametrize(("column", "known_edit"), CASES)
@pytest.mark.parametrize("order", ORDERS)
def test_a_stale_edit_of_a_field_the_erasure_keeps_is_dropped_alike_everywhere(
    binome: Binome, order: tuple[str, ...], column: str, known_edit: bool
) -> None:
    created, known, stale = {**KEPT, **EMPTIED}[column]
    a = binome.first()
    register = a.service.register
    person = Professional(
        "Zyxwortowska",
        "Anne",
        "G15-10",
        specialty=Specialty.GENERAL,
        practice_mode=PracticeMode.LIBERAL,
        parceo_status=ParceoStatus.INVITED,
        parceo_since=date(2024, 1, 5),
    )
    kept = register.save_professional(replace(person, **{column: created}))
    first = register.save_professional(Professional("Quenelle", "Jean", "G15-10"))
    a.sync()
    b, c = binome.join("b"), binome.join("c")
    laptops = {"a": a, "b": b, "c": c}
    c.service.register.erase_professional(first)  # every laptop forgets superseded values from now
    everyone_syncs([c, a, b])
    if known_edit:
        register.save_professional(replace(register.professional(kept), **{column: known}))
        everyone_syncs([a, b, c])
    before = field(a, "professionals", kept, column)
    # A changes the field without knowing of the erasure C makes meanwhile.
    register.save_professional(replace(register.professional(kept), **{column: stale}))
    c.service.register.erase_professional(kept)
    in_turns(laptops, order)
    for laptop in (a, b, c):
        assert field(laptop, "professionals", kept, column) == before
        if column in EMPTIED:  # nor kept in the log
            assert stale not in str(laptop.db.execute("SELECT value FROM _sync_log").fetchall())
    assert contents(a) == contents(b) == contents(c)
    assert listing(a) == listing(b) == listing(c)

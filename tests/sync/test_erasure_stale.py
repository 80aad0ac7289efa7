"""An edit of a person made without knowing of their erasure is dropped on every laptop, a third
one that forgot values after an earlier erasure included."""

from __future__ import annotations

from dataclasses import replace
from itertools import permutations

import pytest

from ambassadeur_app.domain.register import Professional
from tests.sync.conftest import Binome, contents, everyone_syncs, field


@pytest.mark.parametrize("order", list(permutations("abc")))
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
    for _ in range(3):
        for name in order:
            laptops[name].sync()
    for laptop in (a, b, c):
        assert field(laptop, "professionals", kept, "notes") == ""
        assert field(laptop, "professionals", kept, "email") == ""
        assert field(laptop, "professionals", kept, "anonymized_at") is not None
        assert "n42" not in str(laptop.db.execute("SELECT value FROM _sync_log").fetchall())
    assert contents(a) == contents(b) == contents(c)

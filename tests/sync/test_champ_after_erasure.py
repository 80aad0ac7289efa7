"""A « champ » conflict about a field of an erased person is listed nowhere, whichever laptop
applied a file holding the field again after the erasure (found by the simulation in processes,
seeds 1125 and 1140)."""

from __future__ import annotations

from dataclasses import replace

from ambassadeur_app.domain.register import PracticeMode, Professional
from tests.sync.conftest import Binome, listing


def test_a_champ_about_an_erased_person_found_again_is_not_listed(binome: Binome) -> None:
    # A types P mixte, B (not knowing) types P liberal: a « champ », listed on both. B erases P
    # knowing both values: each laptop drops the conflicts about P when it meets the erasure. A
    # then writes again its file creating P (its names emptied): B applies it again, meets the
    # two values again and listed the conflict for good (no erasure came with that file), A not.
    a, b = binome.first(), binome.join("b")
    person = a.service.register.save_professional(Professional("Nom", "Prénom", "G15-10"))
    for laptop in (a, b):
        laptop.sync()
    for laptop, mode in ((a, PracticeMode.MIXTE), (b, PracticeMode.LIBERAL)):
        laptop.service.register.save_professional(
            replace(laptop.service.register.professional(person), practice_mode=mode)
        )
    for laptop in (b, a, b):
        laptop.sync()
    assert [k.kind for k in b.sync_service.conflicts()] == ["champ"]
    b.service.register.erase_professional(person)
    b.sync()
    report = a.sync()  # meets the erasure, writes its files naming P again
    assert report.rewritten
    for laptop in (b, a, b, a):
        laptop.sync()
    assert listing(a) == listing(b) == []

"""Folding for search: case, accents and the ligatures a French keyboard cannot type."""

from __future__ import annotations

import pytest

from ambassadeur_app.domain.register import Professional, RegisterFilter, Structure, StructureType
from ambassadeur_app.domain.text import fold
from ambassadeur_app.services import CarnetService


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Vandœuvre-lès-Nancy", "vandoeuvre-les-nancy"),
        ("VANDŒUVRE", "vandoeuvre"),
        ("Lætitia CÆSAR", "laetitia caesar"),
        ("Sacré-Cœur", "sacre-coeur"),
        ("l’École  de  Nancy", "l'ecole de nancy"),
        ("ﬁlle", "fille"),  # the typographic ligatures decompose already
    ],
)
def test_fold_spells_ligatures_out(text: str, folded: str) -> None:
    assert fold(text) == folded
    assert fold(folded) == folded  # what the user types folds to the same


def test_register_search_and_duplicates_ignore_ligatures(service: CarnetService) -> None:
    register = service.register
    person = register.save_professional(Professional("Lætitia", "Anne", "G15-10", commune="Vandœuvre"))
    clinic = register.save_structure(Structure("Clinique du Sacré-Cœur", StructureType.CLINIQUE))
    assert register.professional_ids(RegisterFilter(text="laetitia vandoeuvre")) == [person]
    assert register.professional_ids(RegisterFilter(commune="VANDOEUVRE")) == [person]
    assert register.structure_ids(RegisterFilter(text="sacre coeur")) == [clinic]
    twins = register.duplicates_of(Professional("LAETITIA", "anne", "G15-10", commune="Vandoeuvre"))
    assert [t.id for t in twins] == [person]

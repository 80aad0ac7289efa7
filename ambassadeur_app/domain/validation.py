"""Checks of the programme settings and of the binôme, with French messages."""

from __future__ import annotations

import re

from ambassadeur_app.domain.model import Ambassador, Programme
from ambassadeur_app.domain.text import blank, fold
from ambassadeur_app.errors import InvalidInput

# Compiled on first use by ``re`` (and kept in its cache), not at import.
_EMAIL = r"[^@\s]+@[^@\s]+\.[^@\s]+"
_DEPARTEMENT = r"(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])"


def validate_programme(programme: Programme) -> None:
    """Raise ``InvalidInput`` naming the first setting that cannot be right."""
    if blank(programme.cpts_name):
        raise InvalidInput("Indiquez le nom de la CPTS.", "cpts")
    if not re.fullmatch(_DEPARTEMENT, programme.departement_code.strip().upper()):
        raise InvalidInput(
            f"Code de département invalide : « {programme.departement_code} » "
            "(deux chiffres, par exemple 54).",
            "departement",
        )
    if blank(programme.programme_name):
        raise InvalidInput("Indiquez le nom du programme (par exemple Parceo).", "programme")
    if not 1 <= programme.months <= 36:
        raise InvalidInput("La durée de l'expérimentation doit aller de 1 à 36 mois.", "mois")
    if programme.hourly_rate_cents <= 0:
        raise InvalidInput("Le forfait horaire doit être supérieur à zéro.", "taux")
    for label, value in (
        ("La base hebdomadaire", programme.weekly_base_minutes),
        ("Le plafond mensuel", programme.monthly_cap_cents),
        ("Le forfait événement", programme.event_forfait_cents),
        ("Le montant total", programme.total_grant_cents),
    ):
        if value < 0:
            raise InvalidInput(f"{label} ne peut pas être négatif.", "montants")


def validate_ambassador(ambassador: Ambassador, others: list[Ambassador]) -> None:
    """Raise ``InvalidInput`` for a missing name, a bad e-mail or a name already used."""
    name = ambassador.name.strip()
    if blank(name):
        raise InvalidInput("Indiquez le nom de l'ambassadeur.", "nom")
    if ambassador.email.strip() and not re.fullmatch(_EMAIL, ambassador.email.strip()):
        raise InvalidInput(f"Adresse e-mail invalide : « {ambassador.email} ».", "email")
    for other in others:
        if other.id != ambassador.id and fold(other.name) == fold(name):
            raise InvalidInput(f"Un ambassadeur s'appelle déjà « {other.name} ».", "nom")

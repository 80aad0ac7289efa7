"""A realistic demonstration carnet, generated deterministically.

A fictitious CPTS of Meurthe-et-Moselle and its binôme: six months of time entries (one month
above the cap, two closed months, one of them reopened once with its reason) and the register
that goes with them (professionals, structures, contacts, requests, Parceo accounts).
"""

from __future__ import annotations

import random

from ambassadeur_app.demo.entries import AMBASSADORS, PLAN, PROGRAMME, SEED, START, TEMPLATES, month_entries
from ambassadeur_app.demo.register import build_register
from ambassadeur_app.domain.dates import Month
from ambassadeur_app.errors import CarnetError
from ambassadeur_app.services import CarnetService

__all__ = ["AMBASSADORS", "PROGRAMME", "TEMPLATES", "build_demo"]


def build_demo(service: CarnetService) -> int:
    """Fill an empty carnet with the demonstration; return the number of entries written.

    Raises:
        CarnetError: the carnet already holds a programme.
    """
    if service.is_set_up:
        raise CarnetError(
            f"Le carnet « {service.path} » contient déjà des données : la démonstration "
            "ne s'installe que dans un carnet neuf."
        )
    rng = random.Random(SEED)
    service.setup(PROGRAMME, list(AMBASSADORS))
    people = service.ambassadors()
    saved = []
    with service.carnet.write():
        for index, (hours, weights) in enumerate(PLAN):
            month = Month.of(START).add(index)
            for entry, structure in month_entries(rng, month, hours * 60, weights, people):
                saved.append((service.add_entry(entry).entry_id, entry, structure))
        build_register(service, rng, saved)
    september, october = Month(2025, 9), Month(2025, 10)
    service.close_month(september)
    service.close_month(october)
    service.reopen_month(
        october, "Correction d'une formation saisie deux fois le 14 octobre (doublon supprimé)."
    )
    service.close_month(october)
    return len(saved)

"""A realistic demonstration carnet, generated deterministically for a given day.

A fictitious CPTS of Meurthe-et-Moselle and its binôme: the six months of the experiment end
with the current month (the service's ``today``), so a first launch shows a programme under way.
Six months of time entries (one month above the cap, the first two months closed, the second
reopened once with its reason), the register that goes with them (professionals, structures,
contacts, requests, Parceo accounts) and the events (a workshop, a working group, three training
sessions, with their invitations, attendance and time), all dated relative to today: the same
day always gives the same carnet.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from ambassadeur_app.demo.entries import (
    AMBASSADORS,
    PLAN,
    PROGRAMME,
    SEED,
    TEMPLATES,
    month_entries,
    workdays,
)
from ambassadeur_app.demo.events import build_events
from ambassadeur_app.demo.expenses import build_expenses
from ambassadeur_app.demo.indicators import build_indicators
from ambassadeur_app.demo.planning import build_planning
from ambassadeur_app.demo.register import build_register
from ambassadeur_app.demo.surveys import build_surveys
from ambassadeur_app.domain.bilan import GrantPayment
from ambassadeur_app.domain.dates import MONTH_NAMES, Month
from ambassadeur_app.errors import CarnetError
from ambassadeur_app.services import CarnetService

__all__ = ["AMBASSADORS", "PROGRAMME", "REFERENCE_DAY", "TEMPLATES", "build_demo", "demo_months"]

# A fixed "today" for tests that need fixed dates: the demo is then the experiment of
# September 2025 to February 2026 (September and October closed, November 2025 above the cap).
REFERENCE_DAY = date(2026, 2, 27)


def demo_months(today: date) -> list[Month]:
    """Return the six months of the demonstration built on ``today``: they end with its month."""
    first = Month.of(today).add(1 - len(PLAN))
    return [first.add(index) for index in range(len(PLAN))]


def build_demo(service: CarnetService) -> int:
    """Fill an empty carnet with the demonstration; return the number of entries it holds (the
    event's time included).

    The dates follow ``service.today()``: pass a fixed ``today`` to ``open_service`` (for example
    ``REFERENCE_DAY``) to get a fixed carnet.

    Raises:
        CarnetError: the carnet already holds a programme.
    """
    if service.is_set_up:
        raise CarnetError(
            f"Le carnet « {service.path} » contient déjà des données : la démonstration "
            "ne s'installe que dans un carnet neuf."
        )
    # One transaction: the day's backup of the new carnet is taken at its commit, the
    # demonstration in it (before, it copied the carnet set up but still empty).
    with service.carnet.write():
        today = service.today()
        months = demo_months(today)
        rng = random.Random(SEED)
        service.setup(replace(PROGRAMME, start_date=months[0].first_day), list(AMBASSADORS))
        people = service.ambassadors()
        saved = []
        for month, (hours, weights) in zip(months, PLAN, strict=True):
            for entry, structure in month_entries(rng, month, hours * 60, weights, people, today):
                saved.append((service.add_entry(entry).entry_id, entry, structure))
        build_register(service, rng, saved, today)
        build_events(service, rng, months, today)
        build_surveys(service, months, today)
        build_expenses(service, today)
        build_indicators(service, months, today)
        build_planning(service, months, today)
        grant = service.programme().total_grant_cents
        service.bilan.add_payment(
            GrantPayment(months[0].first_day, grant, "Versement à la signature de la convention")
        )
        first, second = months[0], months[1]
        service.close_month(first)
        service.close_month(second)
        twice = next(day for day in workdays(second) if day.day >= 14)
        service.reopen_month(
            second,
            f"Correction d'une formation saisie deux fois le {twice.day} {MONTH_NAMES[twice.month - 1]} "
            "(doublon supprimé).",
        )
        service.close_month(second)
        _date_closings(service, [first, second])
    return service.carnet.entries.count()


def _date_closings(service: CarnetService, months: list[Month]) -> None:
    """Date the closings of ``months`` (made just now) as a binôme makes them: each closing on
    the first working day after its month, at 8:00 UTC; a reopening on the fifth working day, at
    14:00, its new closing the day after."""
    with service.carnet.write():
        for month in months:
            days = workdays(month.add(1))
            for index, lock in enumerate(service.carnet.months.history(month)):
                reopened = _stamp(days[5 * index + 4], 14) if lock.reopened_at else None
                service.carnet.db.execute(
                    "UPDATE month_locks SET closed_at = ?, reopened_at = ? WHERE id = ?",
                    [_stamp(days[5 * index], 8), reopened, lock.id],
                )


def _stamp(day: date, hour: int) -> str:
    """An ISO UTC stamp as the closings store them (``2026-07-01T08:00:00.000Z``)."""
    return f"{day.isoformat()}T{hour:02d}:00:00.000Z"

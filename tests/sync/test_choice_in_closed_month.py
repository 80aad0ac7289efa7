"""A choice in the conflicts never changes a closed month: the signed relevé still says what the
carnet counts. Taking back what the merge set aside (the copy of a doublon, a value, a deletion)
is refused while the month of the entry is closed, with the way to reopen it; what changes
nothing counted (« actuelle ») is still allowed."""

from __future__ import annotations

from datetime import date

import pytest

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.services.sync import conflict_lines
from tests.conftest import log_entry
from tests.sync.conftest import Binome, Laptop, contents, edit, everyone_syncs, listing

OCTOBER = Month(2024, 10)
DAY = date(2024, 10, 8)


def totals(a: Laptop, b: Laptop) -> tuple[int, int]:
    return a.service.month_summary(OCTOBER).total_minutes, b.service.month_summary(OCTOBER).total_minutes


def refused_while_closed(a: Laptop, b: Laptop, conflict_id: str) -> None:
    """A closes October; taking back what was set aside is refused and changes nothing."""
    a.service.close_month(OCTOBER)
    everyone_syncs([a, b])
    before, listed = totals(a, b), listing(a)
    with pytest.raises(InvalidInput) as refused:
        a.sync_service.keep(conflict_id, "ecartee")
    assert "octobre 2024 est clôturé" in refused.value.message
    assert "rouvr" in refused.value.message  # says how to reopen it
    everyone_syncs([a, b])
    assert totals(a, b) == before
    assert listing(a) == listing(b) == listed  # still open, on both laptops
    assert contents(a) == contents(b)


def test_a_doublon_copy_is_not_counted_into_a_closed_month(binome: Binome) -> None:
    a = binome.first()
    b = binome.join("b")
    log_entry(a.service, DAY, 60, description="Visite MSP")
    log_entry(b.service, DAY, 60, description="Visite MSP")
    everyone_syncs([a, b])
    (conflict,) = a.sync_service.conflicts()
    assert conflict.kind == "doublon"
    refused_while_closed(a, b, conflict.id)
    assert totals(a, b) == (60, 60)
    a.sync_service.keep(conflict.id, "actuelle")  # removing the copy set aside changes nothing counted
    everyone_syncs([a, b])
    assert totals(a, b) == (60, 60)
    assert not any(c.id == conflict.id for c in b.sync_service.conflicts())


def test_a_value_set_aside_is_not_taken_back_into_a_closed_month(binome: Binome) -> None:
    a = binome.first()
    entry = log_entry(a.service, DAY, 90)
    a.sync()
    b = binome.join("b")
    edit(a, entry, minutes=120)
    edit(b, entry, minutes=30)
    everyone_syncs([a, b])
    (conflict,) = a.sync_service.conflicts()
    assert conflict.kind == "champ"
    refused_while_closed(a, b, conflict.id)


def test_an_entry_is_not_moved_into_a_closed_month_by_a_value_set_aside(binome: Binome) -> None:
    a = binome.first()
    entry = log_entry(a.service, date(2024, 11, 4), 90)
    a.sync()
    b = binome.join("b")
    edit(b, entry, day=DAY)  # into October, which A will close: set aside, A's later edit wins
    edit(a, entry, day=date(2024, 11, 5))
    everyone_syncs([a, b])
    (conflict,) = a.sync_service.conflicts()
    assert conflict.kind == "champ"
    assert totals(a, b) == (0, 0)
    refused_while_closed(a, b, conflict.id)


def test_a_deletion_set_aside_is_not_applied_in_a_closed_month(binome: Binome) -> None:
    a = binome.first()
    entry = log_entry(a.service, DAY, 90)
    a.sync()
    b = binome.join("b")
    a.service.delete_entries([entry])
    edit(b, entry, minutes=100)
    everyone_syncs([a, b])
    (conflict,) = a.sync_service.conflicts()
    assert conflict.kind == "suppression"
    refused_while_closed(a, b, conflict.id)
    (settled,) = a.sync_service.keep_many([conflict.id], "actuelle")  # the entry kept: nothing changes
    assert settled.resolved == "réglé : gardé, la suppression écartée"
    lines = conflict_lines(a.sync_service.conflicts(include_resolved=True))
    assert (
        lines[0] == f"{conflict.id[:8]}  suppression et modification [réglé : gardé, la suppression écartée]"
    )
    assert not any("Pour choisir" in line for line in lines)  # nothing left to choose


def test_a_day_over_24_hours_is_not_offered_what_it_cannot_take(binome: Binome) -> None:
    a = binome.first()
    b = binome.join("b")
    log_entry(a.service, DAY, 13 * 60, description="Formation longue")
    log_entry(b.service, DAY, 12 * 60, description="Permanence")
    everyone_syncs([a, b])
    (conflict,) = a.sync_service.conflicts()
    assert conflict.kind == "24h"
    lines = conflict_lines([conflict])
    assert not any("ecartee" in line for line in lines)
    assert lines[-1] == (
        "Pour une journée de plus de 24 h, rien n'a été mis de côté : corrigez ou supprimez ses "
        "entrées, ou gardez-la telle quelle avec conflits --garder ID actuelle."
    )

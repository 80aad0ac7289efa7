"""A month reopened gives back, on every laptop, the edits its closing set aside."""

from __future__ import annotations

from datetime import date
from itertools import permutations

import pytest

from ambassadeur_app.domain.dates import Month
from tests.conftest import log_entry
from tests.sync.conftest import Binome, Laptop, contents, edit, field, in_turns

OCTOBER = Month(2024, 10)


def listed(laptop: Laptop) -> list[tuple[str, str, str]]:
    return [(c.id, c.kind, c.resolved) for c in laptop.sync_service.conflicts(include_resolved=True)]


@pytest.mark.parametrize("order", list(permutations("abc")))
def test_an_edit_set_aside_by_a_closing_comes_back_when_a_third_laptop_reopens(
    binome: Binome, order: tuple[str, ...]
) -> None:
    a = binome.first()
    entry = log_entry(a.service, date(2024, 10, 3), 60)
    a.sync()
    b, c = binome.join("b"), binome.join("c")
    laptops = {"a": a, "b": b, "c": c}
    a.service.close_month(OCTOBER)
    a.sync()
    edit(b, entry, minutes=30)  # B does not know of the closing
    c.sync()
    c.service.reopen_month(OCTOBER, "C rouvre")  # C knew of the closing, not of B's edit
    in_turns(laptops, order)
    for laptop in (a, b, c):
        assert field(laptop, "time_entries", entry, "minutes") == 30
        assert laptop.service.carnet.months.active(OCTOBER) is None
    assert contents(a) == contents(b) == contents(c)
    assert listed(a) == listed(b) == listed(c)
    ((_, kind, resolved),) = listed(a)
    assert (kind, resolved) == ("mois_clos", "réglé (mois rouvert)")


def test_reopening_the_month_on_the_laptop_whose_edit_was_set_aside_gives_it_back(binome: Binome) -> None:
    a = binome.first()
    entry = log_entry(a.service, date(2024, 10, 3), 60)
    a.sync()
    b = binome.join("b")
    a.service.close_month(OCTOBER)
    edit(b, entry, minutes=30)
    for _ in range(2):
        for laptop in (a, b):
            laptop.sync()
    assert field(a, "time_entries", entry, "minutes") == field(b, "time_entries", entry, "minutes") == 60
    b.service.reopen_month(OCTOBER, "B rouvre")  # not by taking the conflict: a plain reopening
    for _ in range(2):
        for laptop in (b, a):
            laptop.sync()
    assert field(a, "time_entries", entry, "minutes") == field(b, "time_entries", entry, "minutes") == 30
    assert contents(a) == contents(b)
    assert listed(a) == listed(b)

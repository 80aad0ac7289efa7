"""Taking back one entry set aside by a closed month reopens the month: every other entry its
closing set aside comes back with it, at once and on both laptops, and the choice says so."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import Ambassador, Role
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.services import open_service
from ambassadeur_app.services.sync import join
from tests.conftest import PROGRAMME, TODAY, log_entry
from tests.sync.conftest import FAST, PHRASE, Binome, Laptop, contents, everyone_syncs, listing

OCTOBER = Month(2024, 10)
SIGNED = 60  # the minutes of October when A closed it


def counted(laptop: Laptop, entries: list[str]) -> None:
    """The entries are live on the laptop and October counts them."""
    for entry in entries:
        assert laptop.service.carnet.entries.is_live(entry)
    assert laptop.service.month_summary(OCTOBER).total_minutes == SIGNED + 30 + 45


def set_aside_by_a_closing(binome: Binome) -> tuple[Laptop, Laptop, list[str]]:
    """A closes October while B, not knowing it, types two entries of October; both laptops
    sync and set them aside."""
    a = binome.first()
    log_entry(a.service, date(2024, 10, 2), SIGNED)
    a.sync()
    b = binome.join("b")
    a.service.close_month(OCTOBER)
    entries = [log_entry(b.service, date(2024, 10, 10), 30), log_entry(b.service, date(2024, 10, 11), 45)]
    everyone_syncs([a, b])
    return a, b, entries


def merged_apart(binome: Binome) -> tuple[Laptop, Laptop, list[str]]:
    """B kept its own carnet (the same programme and binôme) with two entries of October, which
    A had closed, and merges it into A's shared carnet (« rejoindre --fusionner »)."""
    a = binome.first()
    log_entry(a.service, date(2024, 10, 2), SIGNED)
    a.service.close_month(OCTOBER)
    a.sync()
    path = binome.tmp_path / "b.ambassadeur"
    apart = open_service(path, create=True, today=lambda: TODAY)
    apart.setup(
        PROGRAMME,
        [
            Ambassador("", "Marie Durand", Role.MEDICAL, "Médecin généraliste"),
            Ambassador("", "Paul Martin", Role.ADMINISTRATIF, "Coordinateur"),
        ],
    )
    entries = [log_entry(apart, date(2024, 10, 10), 30), log_entry(apart, date(2024, 10, 11), 45)]
    apart.close()
    join(binome.folder, path, PHRASE, FAST, merge=True)
    b = Laptop(open_service(path, today=lambda: TODAY))
    binome.laptops.append(b)
    return a, b, entries


def take_back_first(b: Laptop, entries: list[str]) -> None:
    closed = {c.row_id: c for c in b.sync_service.conflicts() if c.kind == "mois_clos"}
    assert set(closed) == set(entries)  # both set aside, the month still signed
    assert not any(b.service.carnet.entries.is_live(entry) for entry in entries)
    b.sync_service.keep(closed[entries[0]].id, "ecartee")


@pytest.mark.parametrize("setting", [set_aside_by_a_closing, merged_apart], ids=["synced", "merged"])
def test_taking_back_one_entry_gives_back_every_entry_the_closing_set_aside(
    binome: Binome, setting: Callable[[Binome], tuple[Laptop, Laptop, list[str]]]
) -> None:
    a, b, entries = setting(binome)
    take_back_first(b, entries)
    assert b.service.carnet.months.active(OCTOBER) is None
    counted(b, entries)  # at once, on the laptop that took it back
    b.sync()  # the other laptop away: nothing changes
    counted(b, entries)
    everyone_syncs([a, b])
    for laptop in (a, b):
        counted(laptop, entries)
        assert laptop.service.carnet.months.active(OCTOBER) is None
    assert contents(a) == contents(b)
    assert listing(a) == listing(b)


def test_reopening_the_month_on_the_closing_laptop_gives_back_the_entries_at_once(binome: Binome) -> None:
    a, b, entries = set_aside_by_a_closing(binome)
    a.service.reopen_month(OCTOBER, "Entrées de B reçues après la clôture")
    counted(a, entries)
    everyone_syncs([a, b])
    assert contents(a) == contents(b)
    assert listing(a) == listing(b)


def test_taking_back_an_entry_of_a_closed_month_says_that_it_reopens_the_month(binome: Binome) -> None:
    a, b, entries = set_aside_by_a_closing(binome)
    first = next(c for c in b.sync_service.conflicts() if c.row_id == entries[0])
    settled = b.sync_service.keep(first.id, "ecartee")
    assert "rouvert" in settled.resolved
    assert "octobre 2024" in settled.resolved
    everyone_syncs([a, b])
    for laptop in (a, b):
        other = next(
            c for c in laptop.sync_service.conflicts(include_resolved=True) if c.row_id == entries[1]
        )
        assert other.resolved == "réglé (mois rouvert)"
        assert "n'a pas changé" not in other.description
        assert "rouvert" in other.description
        with pytest.raises(InvalidInput) as again:
            laptop.sync_service.keep(other.id, "ecartee")
        assert again.value.message == "Ce conflit est déjà réglé (mois rouvert)."

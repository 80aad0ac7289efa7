"""A month closed on both laptops, each closing signing its own entries (a carnet kept apart,
closed too, merged into the shared one: « rejoindre --fusionner »): what each closing signed
stays counted, on both laptops, and both list the same conflicts."""

from __future__ import annotations

from datetime import date

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import Ambassador, Role
from ambassadeur_app.services import open_service
from ambassadeur_app.services.sync import join
from tests.conftest import PROGRAMME, TODAY, log_entry
from tests.sync.conftest import FAST, PHRASE, Binome, Laptop, contents, everyone_syncs, listing

OCTOBER = Month(2024, 10)
DAY = date(2024, 10, 2)


def closed_on_both(binome: Binome, a_minutes: int, b_minutes: int) -> tuple[Laptop, Laptop]:
    """A shares a carnet with one entry of October and closes October; B kept its own carnet
    apart with one entry of October, closed October at the same moment (as the demo builder
    dates every closing: the two closings tie), and merges it in; both sync."""
    a = binome.first()
    log_entry(a.service, DAY, a_minutes)
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
    log_entry(apart, DAY, b_minutes)
    apart.close_month(OCTOBER)
    closed_at = a.service.carnet.months.active(OCTOBER)
    assert closed_at is not None
    with apart.carnet.write():
        apart.carnet.db.execute("UPDATE month_locks SET closed_at = ?", [closed_at.closed_at])
    apart.close()
    join(binome.folder, path, PHRASE, FAST, merge=True)
    b = Laptop(open_service(path, today=lambda: TODAY))
    binome.laptops.append(b)
    everyone_syncs([a, b])
    return a, b


def same_on_both(a: Laptop, b: Laptop, minutes: int) -> None:
    """October counts ``minutes`` on both laptops, which hold and list the same, nothing set
    aside by a closing (every entry was signed by one)."""
    for laptop in (a, b):
        laptop.service.changed()  # read again after the syncs, as the window does
        assert laptop.service.month_summary(OCTOBER).total_minutes == minutes
    assert contents(a) == contents(b)
    assert listing(a) == listing(b)
    assert [c for c in listing(a) if c[1] == "mois_clos"] == []


def test_each_closing_keeps_counting_what_it_signed(binome: Binome) -> None:
    a, b = closed_on_both(binome, 60, 30)
    same_on_both(a, b, 60 + 30)


def test_an_entry_typed_on_both_in_a_month_both_closed_is_one_doublon(binome: Binome) -> None:
    a, b = closed_on_both(binome, 60, 60)
    same_on_both(a, b, 60)  # one copy counted
    (doublon,) = [c for c in b.sync_service.conflicts() if c.kind == "doublon"]
    b.sync_service.keep(doublon.id, "actuelle")  # one entry kept
    everyone_syncs([a, b])
    same_on_both(a, b, 60)
    assert not a.sync_service.conflicts()

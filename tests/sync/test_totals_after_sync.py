"""The month's totals kept in memory follow what a sync or a choice in the conflicts wrote: a
carnet left open (the window, a script) never shows the totals of before."""

from __future__ import annotations

from ambassadeur_app.domain.dates import Month
from tests.conftest import log_entry
from tests.sync.conftest import DAY, Binome

NOVEMBER = Month.of(DAY)


def test_totals_read_before_a_sync_and_a_choice_follow_them(binome: Binome) -> None:
    a = binome.first()
    b = binome.join("b")
    log_entry(a.service, DAY, 60, description="Visite MSP")
    assert a.service.month_summary(NOVEMBER).total_minutes == 60  # kept in memory from now
    log_entry(b.service, DAY, 45, description="Appel pharmacie")
    log_entry(b.service, DAY, 60, description="Visite MSP")  # the same as A's: a doublon
    b.sync()
    a.sync()
    assert a.service.month_summary(NOVEMBER).total_minutes == 60 + 45  # the copy set aside
    (doublon,) = a.sync_service.conflicts()
    a.sync_service.keep(doublon.id, "ecartee")  # both entries counted
    assert a.service.month_summary(NOVEMBER).total_minutes == 60 + 45 + 60

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import Ambassador, EntryFilter, Mission, Role
from ambassadeur_app.errors import CarnetError, InvalidInput, MonthClosed
from ambassadeur_app.services import CarnetService, open_service
from ambassadeur_app.storage.entries import EntryOrder
from tests.conftest import ambassador_id, plain
from tests.conftest import make_entry as entry

SEPT, OCT = Month(2024, 9), Month(2024, 10)


def test_setup_stores_programme_binome_and_activity_lists(service: CarnetService) -> None:
    assert service.programme().cpts_name == "CPTS Test du Lunévillois"
    assert [a.name for a in service.ambassadors()] == ["Marie Durand", "Paul Martin"]
    activities = service.activities()
    assert "Atelier d'information" in activities[Mission.PROMOTION]
    assert "Session de formation" in activities[Mission.FORMATION]
    assert "Réponse à une sollicitation" in activities[Mission.ACCOMPAGNEMENT]


def test_an_unset_carnet_says_how_to_set_it_up(carnet_path) -> None:  # type: ignore[no-untyped-def]
    svc = open_service(carnet_path, create=True)
    try:
        with pytest.raises(CarnetError, match="pas encore paramétré"):
            svc.programme()
    finally:
        svc.close()


def test_add_update_delete_restore(service: CarnetService) -> None:
    saved = service.add_entry(entry(service, date(2024, 9, 2), 90, description="Visite MSP"))
    assert saved.warnings == []
    stored = service.entry(saved.entry_id)
    assert (stored.minutes, stored.description) == (90, "Visite MSP")
    service.update_entry(replace(stored, minutes=120, start_time=time(9, 30)))
    assert service.entry(saved.entry_id).minutes == 120
    assert service.entry(saved.entry_id).start_time == time(9, 30)
    service.delete_entries([saved.entry_id])
    assert service.entry_ids(EntryFilter(month=SEPT)) == []
    service.restore_entries([saved.entry_id])
    assert service.entry_ids(EntryFilter(month=SEPT)) == [saved.entry_id]


def test_a_new_activity_joins_its_mission_list(service: CarnetService) -> None:
    service.add_entry(entry(service, date(2024, 9, 2), 30, activity="Stand au congrès"))
    service.add_entry(entry(service, date(2024, 9, 3), 30, activity="stand  au CONGRÈS"))
    labels = service.activities()[Mission.PROMOTION]
    assert labels.count("Stand au congrès") == 1
    assert "stand  au CONGRÈS" not in labels
    assert service.entry(service.entry_ids(EntryFilter(month=SEPT))[1]).activity == "Stand au congrès"


def test_24_hours_per_ambassador_and_day(service: CarnetService) -> None:
    first = service.add_entry(entry(service, date(2024, 9, 2), 20 * 60)).entry_id
    service.add_entry(entry(service, date(2024, 9, 2), 4 * 60, who="Paul Martin"))  # someone else
    with pytest.raises(InvalidInput) as caught:
        service.add_entry(entry(service, date(2024, 9, 2), 4 * 60 + 1))
    assert "Marie Durand aurait 24 h 01 le lundi 2 septembre 2024" in plain(caught.value.message)
    service.add_entry(entry(service, date(2024, 9, 2), 4 * 60))
    # Editing an entry does not count it twice.
    service.update_entry(replace(service.entry(first), minutes=20 * 60))


def test_dates_outside_the_experiment_are_warned_and_not_funded(service: CarnetService) -> None:
    before = service.add_entry(entry(service, date(2024, 8, 30), 60))
    future = service.add_entry(entry(service, date(2024, 11, 20), 60))
    assert "avant le début" in before.warnings[0]
    assert "dans le futur" in future.warnings[0]
    summary = service.month_summary(Month(2024, 11))
    assert summary.total_minutes == 60
    assert summary.excluded_minutes == 60
    assert summary.claim.claimed_cents == 0


def test_closed_months_are_read_only_until_reopened_with_a_reason(service: CarnetService) -> None:
    kept = service.add_entry(entry(service, date(2024, 9, 2), 60)).entry_id
    october = service.add_entry(entry(service, date(2024, 10, 1), 60)).entry_id
    service.close_month(SEPT)
    assert service.month_lock(SEPT) is not None
    message = "Le mois de septembre 2024 est clôturé"
    with pytest.raises(MonthClosed, match=message):
        service.add_entry(entry(service, date(2024, 9, 3), 60))
    with pytest.raises(MonthClosed, match=message):
        service.update_entry(replace(service.entry(kept), minutes=30))
    with pytest.raises(MonthClosed, match=message):
        service.update_entry(replace(service.entry(october), day=date(2024, 9, 30)))
    with pytest.raises(MonthClosed, match=message):
        service.delete_entries([kept])
    with pytest.raises(MonthClosed, match="déjà clôturé"):
        service.close_month(SEPT)
    with pytest.raises(InvalidInput, match="motif"):
        service.reopen_month(SEPT, " ")
    service.reopen_month(SEPT, "Oubli d'une réunion le 3")
    service.add_entry(entry(service, date(2024, 9, 3), 60))
    (lock,) = service.carnet.months.history(SEPT)
    assert lock.reopen_reason == "Oubli d'une réunion le 3"
    with pytest.raises(InvalidInput, match="n'a pas commencé"):
        service.close_month(Month(2024, 12))
    with pytest.raises(InvalidInput, match="n'est pas clôturé"):
        service.reopen_month(OCT, "raison")


def test_a_month_closed_on_both_laptops_of_a_merged_carnet_reopens_at_once(service: CarnetService) -> None:
    """A merged carnet may hold two closures of one month (one per laptop): reopening lifts both."""
    service.close_month(SEPT)
    with service.carnet.write():
        service.carnet.months.close(SEPT)  # the other laptop's closure, arrived with the merge
    service.reopen_month(SEPT, "Oubli d'une réunion le 3")
    assert service.month_lock(SEPT) is None
    service.add_entry(entry(service, date(2024, 9, 3), 60))
    assert [lock.reopen_reason for lock in service.carnet.months.history(SEPT)] == [
        "Oubli d'une réunion le 3"
    ] * 2


def test_close_month_writes_the_timesheet(service: CarnetService, tmp_path) -> None:  # type: ignore[no-untyped-def]
    service.add_entry(entry(service, date(2024, 10, 7), 150))
    written = service.close_month(OCT, tmp_path)
    assert sorted(p.name for p in written) == ["releve-heures-2024-10.pdf", "releve-heures-2024-10.xlsx"]
    assert all(p.stat().st_size > 1000 for p in written)


def test_duplicate_copies_an_entry(service: CarnetService) -> None:
    original = service.add_entry(entry(service, date(2024, 9, 2), 45, description="Atelier")).entry_id
    copy = service.duplicate_entry(original, date(2024, 9, 9)).entry_id
    assert copy != original
    duplicated = service.entry(copy)
    assert (duplicated.day, duplicated.minutes, duplicated.description) == (date(2024, 9, 9), 45, "Atelier")


def test_filters_and_order_are_applied_in_sql(service: CarnetService) -> None:
    a = service.add_entry(entry(service, date(2024, 9, 5), 30, description="Réunion à l'EHPAD")).entry_id
    b = service.add_entry(
        entry(service, date(2024, 9, 2), 90, Mission.FORMATION, "Paul Martin", "Session de formation")
    ).entry_id
    c = service.add_entry(entry(service, date(2024, 10, 2), 60)).entry_id
    assert service.entry_ids(EntryFilter(month=SEPT)) == [b, a]
    assert service.entry_ids(EntryFilter(month=SEPT), EntryOrder.DURATION, descending=True) == [b, a]
    assert service.entry_ids(EntryFilter(month=SEPT, mission=Mission.FORMATION)) == [b]
    assert service.entry_ids(EntryFilter(ambassador_id=ambassador_id(service, "Marie Durand"))) == [a, c]
    assert service.entry_ids(EntryFilter(text="ehpad")) == [a]  # accents and case ignored
    assert service.entry_ids(EntryFilter(text="reunion ehpad")) == [a]
    assert service.entry_ids(EntryFilter(text="paul formation")) == [b]


def test_month_summary_and_progress_use_the_same_rules(service: CarnetService) -> None:
    for day in range(2, 27):  # 25 days × 2 h = 50 h in September
        service.add_entry(entry(service, date(2024, 9, day), 120))
    service.add_entry(entry(service, date(2024, 10, 1), 600, Mission.AUTRE, activity="Administratif"))
    sept = service.month_summary(SEPT)
    assert sept.claim.claimed_cents == 200_000
    assert sept.claim.over_cap_minutes == 600
    assert sept.cap_reached_on == date(2024, 9, 22)  # 20 days × 2 h reach 40 h exactly on the 21st
    progress = service.progress()
    assert progress.claimed_cents == 200_000
    assert progress.months_elapsed == 3
    assert service.month_summary(OCT).other_minutes == 600


def test_ambassadors_are_validated(service: CarnetService) -> None:
    with pytest.raises(InvalidInput, match="s'appelle déjà"):
        service.save_ambassador(Ambassador("", "marie durand", Role.ADMINISTRATIF))
    with pytest.raises(InvalidInput, match="Adresse e-mail invalide"):
        service.save_ambassador(Ambassador("", "Luc", Role.ADMINISTRATIF, email="luc@"))
    new_id = service.save_ambassador(Ambassador("", "Luc Remplaçant", Role.ADMINISTRATIF))
    service.save_ambassador(replace(service.find_ambassador("luc remplacant"), active=False))
    assert not [a for a in service.ambassadors(include_inactive=False) if a.id == new_id]


def test_default_month_follows_the_experiment(service: CarnetService) -> None:
    assert service.default_month() == Month(2024, 11)
    service.today = lambda: date(2024, 6, 1)
    assert service.default_month() == SEPT
    service.today = lambda: date(2026, 1, 1)
    service.add_entry(entry(service, date(2024, 12, 3), 30))
    assert service.default_month() == Month(2024, 12)

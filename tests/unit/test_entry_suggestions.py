"""What the quick entry offers: the last mission and activity, the known places, no silent
new activity."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date

from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.register import Structure, StructureType
from ambassadeur_app.services import CarnetService
from tests.conftest import log_entry as log
from tests.conftest import make_entry


def test_the_last_activity_of_each_mission_and_the_last_mission(service: CarnetService) -> None:
    empty = service.entry_suggestions()
    assert (empty.last_mission, empty.last_activity, empty.places) == (None, {}, [])
    log(service, date(2024, 11, 4), 60, Mission.PROMOTION, activity="Réunion")
    time.sleep(0.002)  # "last" is by creation time, kept to the millisecond
    log(service, date(2024, 10, 28), 60, Mission.PROMOTION, activity="Appel")  # saved later, older day
    time.sleep(0.002)
    log(service, date(2024, 11, 5), 30, Mission.FORMATION, activity="Création de compte")
    suggestions = service.entry_suggestions()
    assert suggestions.last_mission is Mission.FORMATION
    assert suggestions.last_activity == {
        Mission.PROMOTION: "Appel",  # the last one saved, whatever its day
        Mission.FORMATION: "Création de compte",
    }
    time.sleep(0.002)
    log(service, date(2024, 9, 2), 60, Mission.AUTRE, activity="Administratif")  # an old day, saved now
    latest = service.entry_suggestions()
    assert latest.last_mission is Mission.AUTRE  # the last saved, whatever its day
    assert latest.last_activity[Mission.AUTRE] == "Administratif"


def test_places_come_from_the_entries_and_the_register(service: CarnetService) -> None:
    service.add_entry(replace(make_entry(service, date(2024, 9, 2), 60), place="Toul"))
    service.add_entry(replace(make_entry(service, date(2024, 9, 3), 60), place="toul"))
    service.register.save_structure(Structure("MSP du Lac", StructureType.MSP, commune="Nancy"))
    assert service.entry_suggestions().places == ["Nancy", "toul"]  # one spelling per place


def test_a_new_activity_is_told_apart_from_a_known_one(service: CarnetService) -> None:
    assert not service.is_new_activity(Mission.PROMOTION, "réunion")  # case and accents ignored
    assert not service.is_new_activity(Mission.PROMOTION, "  Atelier  d'information ")
    assert service.is_new_activity(Mission.PROMOTION, "1 h 30")
    assert service.is_new_activity(Mission.AUTRE, "Réunion")  # known in another mission only
    assert not service.is_new_activity(Mission.PROMOTION, "   ")  # blank: refused elsewhere


def test_an_activity_taken_off_the_list_stays_off_when_the_entry_changes(service: CarnetService) -> None:
    entry_id = log(service, date(2024, 9, 2), 60, activity="Stand")
    service.remove_activity(Mission.PROMOTION, "Stand")
    service.update_entry(replace(service.entry(entry_id), minutes=90))
    assert "Stand" not in service.activities()[Mission.PROMOTION]
    assert service.entry(entry_id).activity == "Stand"
    service.update_entry(replace(service.entry(entry_id), activity="Stand au salon"))
    assert "Stand au salon" in service.activities()[Mission.PROMOTION]  # a changed one joins it

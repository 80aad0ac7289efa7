"""Entries proposed from the agenda: the Outlook, Thunderbird and Google files of tests/data/agenda
read into occurrences, the dismissal rules, the guessing, the carnet's rules, acceptance with its
contacts, the re-import without doubles and the moved event shown as changed."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import pytest

from ambassadeur_app.domain.agenda import (
    AgendaEvent,
    Attendee,
    Guesser,
    PastEntry,
    dismissal_reason,
    leave_one_out,
)
from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import Mission, TimeEntry
from ambassadeur_app.domain.register import Professional
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.importers.agenda import parse_agenda
from ambassadeur_app.services import CarnetService
from tests.conftest import ambassador_id, plain

AGENDAS = Path(__file__).resolve().parents[1] / "data" / "agenda"
PERIOD = (date(2024, 9, 1), date(2025, 2, 28))


def events(name: str) -> list[AgendaEvent]:
    return parse_agenda(AGENDAS / name, *PERIOD).events


def rows(service: CarnetService, sql: str) -> list[tuple[object, ...]]:
    """Read the carnet's file itself, as another program would."""
    service.carnet.checkpoint()
    with sqlite3.connect(service.path) as conn:
        return conn.execute(sql).fetchall()


def by_title(proposals: list) -> dict[tuple[str, date], object]:  # type: ignore[type-arg]
    return {(p.summary, p.entry.day): p for p in proposals}


# --- reading the three programs' files ------------------------------------------------------------


def test_outlook_series_with_its_exception_moved_and_cancelled_occurrences() -> None:
    weekly = [
        e for e in events("outlook.ics") if e.summary.endswith("Point hebdo équipe projet ambassadeurs")
    ]
    assert [(e.start, e.minutes, e.recurrence_id, e.status) for e in weekly] == [
        (datetime(2024, 10, 7, 9, 30), 30, "20241007T073000Z", ""),
        # 14 October is an EXDATE; the 21st was moved to the 22nd at 14:00 for 45 minutes.
        (datetime(2024, 10, 22, 14, 0), 45, "20241021T073000Z", ""),
        # After the clock change of 27 October, still 9:30 in Paris (8:30 UTC).
        (datetime(2024, 10, 28, 9, 30), 30, "20241028T083000Z", ""),
        (datetime(2024, 11, 4, 9, 30), 30, "20241104T083000Z", "CANCELLED"),
        (datetime(2024, 11, 11, 9, 30), 30, "20241111T083000Z", ""),
    ]
    assert {e.uid for e in weekly} == {
        "040000008200E00074C5B7101A82E00800000000F0A1C3E5B811DB01000000000000000010000000D2E5A6B9C13F4E4A8B1C2D3E4F5A6B7C"
    }
    visit = next(e for e in events("outlook.ics") if e.summary == "Visite MSP de Toul")
    assert (visit.recurrence_id, visit.location, visit.line) == (
        "",
        "MSP de Toul, 12 rue Gambetta, 54200 Toul",
        106,
    )
    assert visit.attendees == (Attendee("antoine.leroy@msp-toul.example.org", ""),)


def test_google_times_in_utc_and_its_series_in_paris_time() -> None:
    found = {(e.summary, e.start): e for e in events("google.ics")}
    # Written in UTC (« Z »): 8:00 UTC in October is 10:00 in Paris.
    accounts = found[("Création des comptes Parceo EHPAD Les Tilleuls", datetime(2024, 10, 23, 10, 0))]
    assert accounts.minutes == 90
    assert accounts.attendees[0] == Attendee("direction@ehpad-tilleuls.example.org", "ACCEPTED")
    permanence = sorted(s for (title, s) in found if title == "Permanence accompagnement Parceo")
    assert permanence == [
        datetime(2024, 10, 17, 13, 0),
        datetime(2024, 10, 24, 13, 0),
        datetime(2024, 11, 7, 15, 0),  # moved; 31 October is an EXDATE
        datetime(2024, 11, 14, 13, 0),  # cancelled, still listed to be shown dismissed
        datetime(2024, 11, 21, 13, 0),  # after the clock change, still 13:00
    ]
    day = found[("Journée régionale des CPTS", datetime(2024, 10, 25))]
    assert (day.all_day, day.minutes) == (True, 24 * 60)


def test_thunderbird_night_zero_length_and_free_time() -> None:
    found = {e.summary: e for e in events("thunderbird.ics")}
    night = found["Astreinte téléphonique régulation libérale"]
    assert (night.start, night.minutes) == (datetime(2024, 11, 6, 22, 0), 180)  # on the day it starts
    assert found["Rappel : envoyer le compte rendu à l'ARS"].minutes == 0
    assert found["Permanence au bureau de la CPTS"].free
    assert found["Séminaire régional e-santé"].minutes == 34 * 60


def test_a_shorter_period_reads_only_its_days() -> None:
    starts = [
        e.start.date()
        for e in parse_agenda(AGENDAS / "outlook.ics", date(2024, 10, 15), date(2024, 10, 16)).events
    ]
    assert starts == [date(2024, 10, 15), date(2024, 10, 15), date(2024, 10, 16)]


# --- what is proposed as dismissed ---------------------------------------------------------------


def test_what_is_not_work_is_proposed_dismissed_with_its_reason() -> None:
    reasons = {
        (e.summary, e.start.date()): dismissal_reason(e, "Marie@example.org")
        for name in ("outlook.ics", "thunderbird.ics", "google.ics")
        for e in events(name)
    }
    assert reasons[("Déjeuner avec Sophie", date(2024, 10, 15))] == "personnel (« Déjeuner »)"
    assert reasons[("Rendez-vous personnel", date(2024, 10, 16))] == "privé"
    assert reasons[("Comité de pilotage DAC 54", date(2024, 10, 17))] == "refusé par l'ambassadeur"
    assert reasons[("Congés", date(2024, 10, 28))] == "journée entière"
    assert reasons[("Annulé : Point hebdo équipe projet ambassadeurs", date(2024, 11, 4))] == "annulé"
    assert reasons[("Permanence accompagnement Parceo", date(2024, 11, 14))] == "annulé"
    assert reasons[("Rencontre service informatique CH", date(2024, 10, 24))] == "annulé"
    assert reasons[("Journée régionale des CPTS", date(2024, 10, 25))] == "journée entière"
    assert reasons[("Rappel : envoyer le compte rendu à l'ARS", date(2024, 11, 7))] == "sans durée"
    assert reasons[("Permanence au bureau de la CPTS", date(2024, 11, 8))] == "marqué « disponible »"
    assert reasons[("Préparer les supports", date(2024, 11, 8))] == "ni participant ni lieu"
    assert plain(reasons[("Séminaire régional e-santé", date(2024, 11, 12))]) == (
        "plus long qu'une journée de travail (34 h)"
    )
    work = {key for key, reason in reasons.items() if not reason}
    assert work == {
        ("Point hebdo équipe projet ambassadeurs", date(2024, 10, 7)),
        ("Point hebdo équipe projet ambassadeurs", date(2024, 10, 22)),
        ("Point hebdo équipe projet ambassadeurs", date(2024, 10, 28)),
        ("Point hebdo équipe projet ambassadeurs", date(2024, 11, 11)),
        ("Visite MSP de Toul", date(2024, 10, 15)),
        ("Atelier d'information Parceo à Lunéville", date(2024, 11, 5)),
        ("Astreinte téléphonique régulation libérale", date(2024, 11, 6)),
        ("Création des comptes Parceo EHPAD Les Tilleuls", date(2024, 10, 23)),
        ("Permanence accompagnement Parceo", date(2024, 10, 17)),
        ("Permanence accompagnement Parceo", date(2024, 10, 24)),
        ("Permanence accompagnement Parceo", date(2024, 11, 7)),
        ("Permanence accompagnement Parceo", date(2024, 11, 21)),
        ("Visite MSP de Baccarat", date(2024, 11, 20)),
    }


def test_an_attendee_alone_is_no_participant() -> None:
    alone = AgendaEvent("u", "", datetime(2024, 10, 1, 9), 60, "Bilan", attendees=(Attendee("me@x.org"),))
    assert dismissal_reason(alone, "me@x.org") == "ni participant ni lieu"
    assert dismissal_reason(alone, "other@x.org") == ""


# --- guessing from the carnet's history ----------------------------------------------------------

HISTORY = [
    PastEntry("Visite de la MSP de Toul", Mission.PROMOTION, "Rencontre / visite", date(2024, 9, 12)),
    PastEntry(
        "Formation DMP au cabinet de Toul", Mission.FORMATION, "Session de formation", date(2024, 9, 20)
    ),
    PastEntry("Formation messagerie sécurisée", Mission.FORMATION, "Session de formation", date(2024, 9, 25)),
    PastEntry("Appel utilisateur bloqué", Mission.ACCOMPAGNEMENT, "Assistance à l'usage", date(2024, 10, 2)),
]


def test_the_guess_names_the_past_entry_it_comes_from() -> None:
    guesser = Guesser(HISTORY, (Mission.AUTRE, "Administratif"))
    found = guesser.guess("VISITE msp de toul (2e passage)")
    assert (found.mission, found.activity) == (Mission.PROMOTION, "Rencontre / visite")
    assert found.because == "comme « Visite de la MSP de Toul » du 12/09/2024"
    # « Toul » alone is shared by a visit and a training: the two training entries outvote it on
    # « formation ».
    found = guesser.guess("Formation à Toul")
    assert (found.mission, found.because) == (
        Mission.FORMATION,
        "comme « Formation DMP au cabinet de Toul » du 20/09/2024",
    )


def test_nothing_in_common_keeps_the_default_without_explanation() -> None:
    found = Guesser(HISTORY, (Mission.AUTRE, "Administratif")).guess("Comité de pilotage")
    assert (found.mission, found.activity, found.because) == (Mission.AUTRE, "Administratif", "")


def test_leave_one_out_counts_right_guesses() -> None:
    # The visit shares only « Toul » with a training: guessed, wrong. Each training entry finds the
    # other (« formation », and for one « Toul » too, the training being the latest habit); the
    # call shares no word: not guessed.
    assert leave_one_out(HISTORY, (Mission.AUTRE, "Administratif")) == (2, 3, 4)


def test_the_service_learns_from_the_carnet(service: CarnetService) -> None:
    marie = ambassador_id(service, "Marie Durand")
    service.add_entry(
        TimeEntry(
            date(2024, 9, 12),
            marie,
            Mission.PROMOTION,
            "Rencontre / visite",
            60,
            description="Visite MSP de Toul",
        )
    )
    service.add_entry(
        TimeEntry(
            date(2024, 9, 13), marie, Mission.ACCOMPAGNEMENT, "Appel", 30, description="Point téléphonique"
        )
    )
    proposals = by_title(service.agenda.read(AGENDAS / "outlook.ics", marie))
    visit = proposals[("Visite MSP de Toul", date(2024, 10, 15))]
    assert (visit.entry.mission, visit.entry.activity) == (Mission.PROMOTION, "Rencontre / visite")
    assert visit.guess == "comme « Visite MSP de Toul » du 12/09/2024"
    # No word in common: the mission and activity saved last, no explanation.
    lunch = proposals[("Comité de pilotage DAC 54", date(2024, 10, 17))]
    assert (lunch.entry.mission, lunch.entry.activity, lunch.guess) == (Mission.ACCOMPAGNEMENT, "Appel", "")


# --- proposals, rules and decisions -------------------------------------------------------------


def test_each_occurrence_becomes_a_proposed_entry(service: CarnetService) -> None:
    marie = ambassador_id(service, "Marie Durand")
    proposals = by_title(service.agenda.read(AGENDAS / "outlook.ics", marie))
    visit = proposals[("Visite MSP de Toul", date(2024, 10, 15))]
    assert visit.entry == TimeEntry(
        day=date(2024, 10, 15),
        ambassador_id=marie,
        mission=visit.entry.mission,
        activity=visit.entry.activity,
        minutes=90,
        start_time=time(10, 0),
        place="MSP de Toul, 12 rue Gambetta, 54200 Toul",
        description="Visite MSP de Toul",
    )
    assert (visit.state, visit.dismissed, visit.problems, visit.outcome) == ("new", "", (), "à enregistrer")
    assert len(proposals) == 10
    assert service.carnet.entries.count() == 0  # reading writes nothing


def test_the_carnet_rules_block_or_show(service: CarnetService) -> None:
    marie = ambassador_id(service, "Marie Durand")
    # Same day, start and duration: already in the carnet. Overlapping: shown.
    service.add_entry(
        TimeEntry(
            date(2024, 10, 23),
            marie,
            Mission.FORMATION,
            "Création de compte",
            90,
            time(10, 0),
            description="Comptes",
        )
    )
    service.add_entry(
        TimeEntry(
            date(2024, 10, 17),
            marie,
            Mission.PROMOTION,
            "Réunion",
            60,
            time(14, 30),
            description="Réunion CH",
        )
    )
    service.add_entry(
        TimeEntry(date(2024, 11, 7), marie, Mission.PROMOTION, "Réunion", 23 * 60, description="Long")
    )
    service.close_month(Month(2024, 9))
    proposals = by_title(service.agenda.read(AGENDAS / "google.ics", marie, *PERIOD))
    twin = proposals[("Création des comptes Parceo EHPAD Les Tilleuls", date(2024, 10, 23))]
    assert twin.dismissed == "déjà dans le carnet"
    overlapping = proposals[("Permanence accompagnement Parceo", date(2024, 10, 17))]
    assert [plain(o) for o in overlapping.overlaps] == ["17/10/2024 à 14:30 (1 h) : Réunion CH"]
    assert overlapping.outcome == "à enregistrer"
    too_much = proposals[("Permanence accompagnement Parceo", date(2024, 11, 7))]
    assert too_much.problems == ("Marie Durand dépasserait 24 h le 07/11/2024",)
    future = proposals[("Visite MSP de Baccarat", date(2024, 11, 20))]
    assert future.problems == ("date future",)
    # A closed month: every proposal in it is blocked.
    service.reopen_month(Month(2024, 9), "correction")
    service.close_month(Month(2024, 10))
    october = [p for p in service.agenda.read(AGENDAS / "google.ics", marie) if p.entry.day.month == 10]
    assert october
    assert all("mois d'octobre 2024 clôturé" in p.problems for p in october)
    with pytest.raises(InvalidInput, match="clôturé"):
        service.agenda.accept([p for p in october if not p.dismissed])
    assert rows(service, "SELECT COUNT(*) FROM agenda_items") == [(0,)]


def one_event(path: Path, start: str, end: str, summary: str = "Visite", where: str = "Toul") -> Path:
    """Write a minimal agenda of one event (times in Paris time)."""
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\nBEGIN:VEVENT\r\nUID:one@test\r\n"
        f"DTSTART;TZID=Europe/Paris:{start}\r\nDTEND;TZID=Europe/Paris:{end}\r\nSUMMARY:{summary}\r\n"
        f"LOCATION:{where}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    return path


def test_outside_the_period_is_a_problem(service: CarnetService, tmp_path: Path) -> None:
    marie = ambassador_id(service, "Marie Durand")
    path = one_event(tmp_path / "a.ics", "20240830T090000", "20240830T100000")
    [before] = service.agenda.read(path, marie, date(2024, 8, 1), date(2024, 8, 31))
    assert before.problems == ("avant le début de l'expérimentation",)
    # By default the period of the programme is read, up to today: nothing.
    assert service.agenda.read(path, marie) == []
    with pytest.raises(InvalidInput, match="avant son début"):
        service.agenda.read(path, marie, date(2024, 9, 2), date(2024, 9, 1))


def test_accept_saves_entries_and_remembers_every_decision(service: CarnetService) -> None:
    marie = ambassador_id(service, "Marie Durand")
    proposals = service.agenda.read(AGENDAS / "outlook.ics", marie)
    ready = [p for p in proposals if p.outcome == "à enregistrer"]
    dismissed = [p for p in proposals if p.dismissed]
    saved = service.agenda.accept(ready, dismissed)
    assert (saved.saved, saved.decided) == (len(ready), len(ready) + len(dismissed)) == (5, 10)
    stored = rows(
        service,
        "SELECT e.day, e.start_time, e.minutes, e.place, e.description, i.decision FROM agenda_items i "
        "LEFT JOIN time_entries e ON e.id = i.time_entry_id WHERE i.deleted_at IS NULL "
        "ORDER BY e.day, e.start_time",
    )
    assert [r for r in stored if r[5] == "accepted"] == [
        (
            "2024-10-07",
            "09:30",
            30,
            "Réunion Microsoft Teams",
            "Point hebdo équipe projet ambassadeurs",
            "accepted",
        ),
        (
            "2024-10-15",
            "10:00",
            90,
            "MSP de Toul, 12 rue Gambetta, 54200 Toul",
            "Visite MSP de Toul",
            "accepted",
        ),
        (
            "2024-10-22",
            "14:00",
            45,
            "Réunion Microsoft Teams",
            "Point hebdo équipe projet ambassadeurs",
            "accepted",
        ),
        (
            "2024-10-28",
            "09:30",
            30,
            "Réunion Microsoft Teams",
            "Point hebdo équipe projet ambassadeurs",
            "accepted",
        ),
        (
            "2024-11-11",
            "09:30",
            30,
            "Réunion Microsoft Teams",
            "Point hebdo équipe projet ambassadeurs",
            "accepted",
        ),
    ]
    assert sum(r[5] == "dismissed" for r in stored) == 5
    # The same agenda again: nothing is proposed twice, dismissed ones included.
    assert service.agenda.read(AGENDAS / "outlook.ics", marie) == []
    # The other ambassador has not imported it.
    assert len(service.agenda.read(AGENDAS / "outlook.ics", ambassador_id(service, "Paul Martin"))) == 10


def test_a_moved_event_comes_back_changed_and_moves_its_entry(service: CarnetService, tmp_path: Path) -> None:
    marie = ambassador_id(service, "Marie Durand")
    first = service.agenda.read(AGENDAS / "outlook.ics", marie)
    visit = next(p for p in first if p.summary == "Visite MSP de Toul")
    chosen = replace(visit, entry=replace(visit.entry, mission=Mission.ACCOMPAGNEMENT, activity="Appel"))
    service.agenda.accept([chosen])
    moved = tmp_path / "outlook.ics"
    text = (AGENDAS / "outlook.ics").read_text(encoding="utf-8")
    moved.write_text(
        text.replace("20241015T113000", "20241017T103000").replace("20241015T100000", "20241017T091500"),
        encoding="utf-8",
    )
    again = service.agenda.read(moved, marie)
    changed = [p for p in again if p.state == "changed"]
    assert [(p.summary, plain(p.change)) for p in changed] == [
        ("Visite MSP de Toul", "déplacé du 15/10/2024 10:00 au 17/10/2024 09:15 ; durée 1 h 30 → 1 h 15")
    ]
    proposal = changed[0]
    assert proposal.entry.id
    assert proposal.state_label == "modifié"
    # What the user chose stays; what moved follows.
    assert (proposal.entry.mission, proposal.entry.activity, proposal.entry.day) == (
        Mission.ACCOMPAGNEMENT,
        "Appel",
        date(2024, 10, 17),
    )
    saved = service.agenda.accept([proposal])
    assert (saved.added_entries, len(saved.updated_entries)) == ((), 1)
    assert rows(
        service, "SELECT day, start_time, minutes, mission FROM time_entries WHERE deleted_at IS NULL"
    ) == [("2024-10-17", "09:15", 75, "accompagnement")]
    assert rows(service, "SELECT COUNT(*) FROM agenda_items WHERE deleted_at IS NULL") == [(1,)]
    assert not [p for p in service.agenda.read(moved, marie) if p.summary == "Visite MSP de Toul"]
    service.agenda.undo(saved)
    assert rows(service, "SELECT day, start_time, minutes FROM time_entries WHERE deleted_at IS NULL") == [
        ("2024-10-15", "10:00", 90)
    ]
    assert [p.state for p in service.agenda.read(moved, marie) if p.summary == "Visite MSP de Toul"] == [
        "changed"
    ]


def test_attendees_of_the_register_get_a_contact(service: CarnetService) -> None:
    leroy = service.register.save_professional(
        Professional(
            last_name="Leroy",
            first_name="Antoine",
            profession_code="G15-10",
            email="antoine.leroy@msp-toul.example.org",
        )
    )
    marie = ambassador_id(service, "Marie Durand")
    visit = next(
        p for p in service.agenda.read(AGENDAS / "outlook.ics", marie) if p.summary == "Visite MSP de Toul"
    )
    assert visit.professional_ids == (leroy,)
    saved = service.agenda.accept([visit])
    assert len(saved.contacts) == 1
    contact = service.register.contacts(saved.contacts)[saved.contacts[0]]
    assert (contact.professional_ids, contact.channel.value, contact.subject, contact.time_entry_id) == (
        (leroy,),
        "visite",
        "Visite MSP de Toul",
        saved.added_entries[0],
    )
    assert rows(service, "SELECT start_time, minutes, place FROM time_entries WHERE deleted_at IS NULL") == [
        ("10:00", 90, "MSP de Toul, 12 rue Gambetta, 54200 Toul")
    ]
    service.agenda.undo(saved)
    assert rows(service, "SELECT COUNT(*) FROM contacts WHERE deleted_at IS NULL") == [(0,)]
    assert rows(service, "SELECT COUNT(*) FROM time_entries WHERE deleted_at IS NULL") == [(0,)]
    assert rows(service, "SELECT COUNT(*) FROM agenda_items WHERE deleted_at IS NULL") == [(0,)]


def test_a_refused_acceptance_writes_nothing(service: CarnetService) -> None:
    marie = ambassador_id(service, "Marie Durand")
    proposals = service.agenda.read(AGENDAS / "google.ics", marie, *PERIOD)
    ready = [p for p in proposals if p.outcome == "à enregistrer"]
    future = next(p for p in proposals if p.problems)
    with pytest.raises(InvalidInput, match=r"Visite MSP de Baccarat.*date future"):
        service.agenda.accept([*ready, future])
    assert rows(service, "SELECT COUNT(*) FROM time_entries") == [(0,)]
    assert rows(service, "SELECT COUNT(*) FROM agenda_items") == [(0,)]
    # Two proposals of one day over 24 h together: the rule of the carnet stops the second.
    long = replace(ready[0], entry=replace(ready[0].entry, minutes=23 * 60), problems=())
    with pytest.raises(InvalidInput, match="24 h"):
        service.agenda.accept([long, replace(long, uid="other", entry=replace(long.entry, minutes=120))])
    assert rows(service, "SELECT COUNT(*) FROM time_entries") == [(0,)]

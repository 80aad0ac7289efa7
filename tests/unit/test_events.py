"""Events and training: the rules, the storage, the service (invitations, attendance, walk-ins,
counts, time) and the commands ``evenements`` and ``emargement``."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest
from pypdf import PdfReader

from ambassadeur_app.domain.events import (
    Event,
    EventKind,
    EventStatus,
    InvitationChannel,
    NationalService,
    Session,
    TrainingModule,
    tally,
    validate_event,
    validate_module,
)
from ambassadeur_app.domain.model import Mission, TimeEntry
from ambassadeur_app.domain.register import Professional, Structure, StructureType
from ambassadeur_app.errors import AppError, InvalidInput, MonthClosed
from ambassadeur_app.services import CarnetService, open_service
from tests.conftest import TODAY, ambassador_id
from tests.unit.test_cli import run

MORNING = Session(date(2024, 10, 8), time(9, 0), time(12, 0))
AFTERNOON = Session(date(2024, 10, 8), time(14, 0), time(17, 0))


def workshop(**changes: object) -> Event:
    event = Event(
        EventKind.WORKSHOP,
        Mission.PROMOTION,
        "Atelier Parceo",
        (AFTERNOON, MORNING),
        place="Lunéville, salle des fêtes",
        speakers=(" Dr Claire Fontaine ", "", "Formateur Pulsy"),
        status=EventStatus.DONE,
    )
    return replace(event, **changes)  # type: ignore[arg-type]


def person(service: CarnetService, last: str, first: str, code: str = "G15-60", **more: object) -> str:
    return service.register.save_professional(
        Professional(last, first, code, commune=str(more.pop("commune", "Lunéville")), **more)  # type: ignore[arg-type]
    )


# --- domain -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": "  "}, "titre", "Indiquez le titre de l'événement."),
        ({"mission": Mission.ACCOMPAGNEMENT}, "mission", "promotion ou formation"),
        ({"sessions": ()}, "demi-journées", "Indiquez au moins une demi-journée"),
        ({"title": "T" * 301}, "titre", "Texte trop long pour le champ « titre » (301 caractères ; 300"),
        ({"speakers": ("Dr A", "x" * 400)}, "intervenants", "« intervenants » (400 caractères"),
        ({"agenda": "a" * 5001}, "ordre du jour", "(5\u00a0001 caractères ; 5\u00a0000 au plus)"),
        (
            {"sessions": tuple(Session(date(2024, 10, day), time(9, 0), time(12, 0)) for day in range(1, 6))},
            "demi-journées",
            "au plus 4 demi-journées",
        ),
        (
            {"sessions": (Session(date(2024, 10, 8), time(14, 0), time(13, 0)),)},
            "demi-journées",
            "La demi-journée du 08/10/2024 finit (13:00) avant de commencer (14:00).",
        ),
        (
            {"sessions": (MORNING, Session(date(2024, 10, 8), time(11, 0), time(13, 0)))},
            "demi-journées",
            "Deux demi-journées se chevauchent le 08/10/2024",
        ),
        (
            {"sessions": (Session(date(2024, 10, 8), time(0, 0), time(23, 59)),)},
            "demi-journées",
            "La demi-journée du 08/10/2024 00:00–23:59 dure plus de 12 h",
        ),
        ({"place": ""}, "lieu", "Indiquez le lieu de l'événement"),
        ({"online": True}, "lien", "Indiquez le lien de connexion"),
        ({"online": True, "link": "teams"}, "lien", "Lien invalide : « teams »"),
        ({"kind": EventKind.TRAINING}, "module", "Choisissez le module du catalogue"),
    ],
)
def test_an_invalid_event_is_refused_naming_its_field(
    changes: dict[str, object], field: str, message: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_event(workshop(**changes))
    assert caught.value.field == field
    assert message in caught.value.message


def test_a_valid_event_is_cleaned() -> None:
    speakers = validate_event(workshop(speakers=("Dr A\x00", "B\r\nBcc: x@y.fr", "\x1b"))).speakers
    assert speakers == ("Dr A", "B Bcc: x@y.fr")  # no control character reaches the stored JSON
    event = validate_event(workshop(title=" Atelier   Parceo ", module_id="stray"))
    assert event.title == "Atelier Parceo"
    assert event.sessions == (MORNING, AFTERNOON)  # in order
    assert event.speakers == ("Dr Claire Fontaine", "Formateur Pulsy")
    assert event.module_id is None  # only a training session has a module
    online = validate_event(workshop(online=True, place="", link=" https://visio.example.org/abc "))
    assert online.link == "https://visio.example.org/abc"
    assert online.where == "En ligne"


def test_training_modules_are_checked() -> None:
    with pytest.raises(InvalidInput, match="Indiquez le titre du module") as caught:
        validate_module(TrainingModule(" ", 60))
    assert caught.value.field == "titre"
    with pytest.raises(InvalidInput, match="Durée du module invalide : 0 minutes") as caught:
        validate_module(TrainingModule("INSi", 0))
    assert caught.value.field == "durée"


def test_tally_counts_each_person_once_per_group() -> None:
    assert tally([["MSP"], ["MSP", "MSP"], ["CH", "MSP"], []], "Sans structure") == {
        "MSP": 3,
        "CH": 1,
        "Sans structure": 1,
    }


# --- storage and service ----------------------------------------------------------------------


def test_events_and_modules_are_stored_with_the_house_columns(
    service: CarnetService, carnet_path: Path
) -> None:
    events = service.events
    module = TrainingModule(
        "Parceo et le DMP",
        120,
        objectives="Alimenter le DMP",
        services=frozenset({NationalService.DMP, NationalService.MON_ESPACE_SANTE}),
    )
    module_id = events.save_module(module)
    training = workshop(kind=EventKind.TRAINING, mission=Mission.FORMATION, module_id=module_id)
    organisers = (ambassador_id(service, "Paul Martin"),)
    event_id = events.save_event(replace(training, organiser_ids=organisers, open_to_departement=True))
    service.close()
    with open_service(carnet_path, readonly=True, today=lambda: TODAY) as again:
        stored = again.events.event(event_id)
        assert stored == replace(
            validate_event(training), id=event_id, organiser_ids=organisers, open_to_departement=True
        )
        assert again.events.module(module_id) == replace(module, id=module_id)
        row = again.carnet.db.execute(
            "SELECT created_at, updated_at, device_id, deleted_at FROM events WHERE id = ?", [event_id]
        ).fetchone()
        assert all(row[:3])
        assert row[3] is None
        columns = {c.name for c in again.carnet.db.table("time_entries").columns}
        assert "event_id" in columns


def test_saving_checks_the_module_and_the_organisers(service: CarnetService) -> None:
    with pytest.raises(AppError, match="Ce module n'existe plus"):
        service.events.save_event(workshop(kind=EventKind.TRAINING, module_id="absent"))
    with pytest.raises(InvalidInput, match="Ambassadeur inconnu parmi les organisateurs"):
        service.events.save_event(workshop(organiser_ids=("nobody",)))
    module_id = service.events.save_module(TrainingModule("INSi", 90))
    service.events.save_event(workshop(kind=EventKind.TRAINING, module_id=module_id))
    with pytest.raises(InvalidInput, match="Ce module est celui de 1 session de formation"):
        service.events.delete_module(module_id)


def test_nobody_is_invited_twice(service: CarnetService) -> None:
    events = service.events
    event_id = events.save_event(workshop())
    a, b, c = (person(service, name, "Anne") for name in ("Adam", "Brun", "Colin"))
    assert events.invite(event_id, [a, b, a], date(2024, 9, 20)) == [a, b]
    assert events.invite(event_id, [b, c], date(2024, 9, 25), InvitationChannel.PHONE) == [c]
    invitations = events.invitations(event_id)
    assert [(i.professional_id, i.channel) for i in invitations] == [
        (a, InvitationChannel.EMAIL),
        (b, InvitationChannel.EMAIL),
        (c, InvitationChannel.PHONE),
    ]
    events.uninvite(event_id, [b])
    assert [i.professional_id for i in events.invitations(event_id)] == [a, c]
    assert events.invite(event_id, [b], date(2024, 9, 26)) == [b]
    service.register.merge_professionals(a, c)  # c is gone from the register
    with pytest.raises(AppError, match="1 professionnel à inviter n'existe plus"):
        events.invite(event_id, [c], date(2024, 9, 26))


def test_attendance_per_half_day(service: CarnetService) -> None:
    events = service.events
    event_id = events.save_event(workshop())
    invited, other = person(service, "Adam", "Anne"), person(service, "Brun", "Marc")
    events.invite(event_id, [invited], date(2024, 9, 20))
    events.record_attendance(event_id, invited, (True, False))
    events.record_attendance(event_id, other)  # every half-day by default; not invited: a walk-in
    events.record_attendance(event_id, invited, (False, True))  # corrected, not doubled
    found = {a.professional_id: (a.present, a.walk_in) for a in events.attendances(event_id)}
    assert found == {invited: ((False, True), False), other: ((True, True), True)}
    with pytest.raises(InvalidInput, match="chacune des 2 demi-journées") as caught:
        events.record_attendance(event_id, other, (True,))
    assert caught.value.field == "présence"
    events.record_attendance(event_id, other, (False, False))
    assert events.counts([event_id]) == {event_id: (1, 1)}  # absent at both: not a participant
    # A half-day added: everybody starts absent from it; removing it again is refused once marked.
    event = events.event(event_id)
    third = Session(date(2024, 10, 9), time(9, 0), time(12, 0))
    events.save_event(replace(event, sessions=(*event.sessions, third)))
    assert {a.present for a in events.attendances(event_id)} == {(False, True, False), (False, False, False)}
    events.record_attendance(event_id, invited, (False, True, True))
    with pytest.raises(InvalidInput, match="demi-journée du 09/10/2024 09:00–12:00"):
        events.save_event(event)
    # A half-day added before the others, or one removed: each mark stays with its own half-day.
    first = Session(date(2024, 10, 1), time(9, 0), time(12, 0))
    events.save_event(replace(events.event(event_id), sessions=(first, *events.event(event_id).sessions)))
    marks = {a.professional_id: a.present for a in events.attendances(event_id)}
    assert marks[invited] == (False, False, True, True)
    events.save_event(replace(events.event(event_id), sessions=(first, AFTERNOON, third)))
    marks = {a.professional_id: a.present for a in events.attendances(event_id)}
    assert marks == {invited: (False, True, True), other: (False, False, False)}


def test_a_walk_in_is_matched_in_the_register_never_doubled(service: CarnetService) -> None:
    events = service.events
    event_id = events.save_event(workshop())
    known = person(service, "Lefèvre", "Élodie", "G15-60", commune="Lunéville")
    before = len(service.register.professional_ids())
    typed = Professional("LEFEVRE", "elodie", "G15-60", commune="luneville")
    matched = events.add_walk_in(event_id, typed)
    assert matched.professional_id == known
    assert not matched.created
    again = events.add_walk_in(event_id, typed, (True, False))
    assert again.professional_id == known
    for hidden in ("Lef\u200bèvre", "Lef\u00adèvre"):  # an invisible character pasted in the name
        assert events.add_walk_in(event_id, replace(typed, last_name=hidden)).professional_id == known
    newcomer = events.add_walk_in(event_id, Professional("Benali", "Nadia", "G15-70", commune="Laxou"))
    assert newcomer.created
    assert events.add_walk_in(
        event_id, Professional("Benali", "Nadia", "G15-70", commune="Laxou")
    ) == replace(newcomer, created=False)
    assert len(service.register.professional_ids()) == before + 1
    attendances = events.attendances(event_id)
    assert sorted(a.professional_id for a in attendances) == sorted([known, newcomer.professional_id])
    assert all(a.walk_in for a in attendances)
    with pytest.raises(InvalidInput, match="Indiquez le nom du professionnel") as caught:
        events.add_walk_in(event_id, Professional(" ", "Paul", "G15-60"))
    assert caught.value.field == "nom"
    assert len(service.register.professional_ids()) == before + 1


def test_merging_two_records_keeps_one_invitation_and_joins_the_attendance(service: CarnetService) -> None:
    events = service.events
    two_days = (
        Session(date(2026, 11, 20), time(9), time(12)),
        Session(date(2026, 11, 20), time(14), time(17)),
    )
    both = events.save_event(workshop(sessions=two_days))
    only_other = events.save_event(workshop(title="Autre atelier"))
    keep = person(service, "Lefèvre", "Élodie", commune="Lunéville")
    other = person(service, "LEFEVRE", "elodie", commune="luneville")
    events.invite(both, [keep, other], date(2026, 11, 2), InvitationChannel.EMAIL)
    events.invite(only_other, [other], date(2026, 11, 2), InvitationChannel.EMAIL)
    events.record_attendance(both, keep, (True, False))
    events.record_attendance(both, other, (False, True))
    service.register.merge_professionals(keep, other)
    assert [i.professional_id for i in events.invitations(both)] == [keep]
    assert [i.professional_id for i in events.invitations(only_other)] == [keep]
    (attendance,) = events.attendances(both)
    assert (attendance.professional_id, attendance.present) == (keep, (True, True))
    assert events.counts([both]) == {both: (1, 1)}


def test_people_removed_or_erased_leave_the_counts_and_the_sign_in_sheet(
    service: CarnetService, tmp_path: Path
) -> None:
    events = service.events
    event_id = events.save_event(workshop())
    kept, removed, erased = (person(service, name, "Anne") for name in ("Gardé", "Retiré", "Effacé"))
    events.invite(event_id, [kept, removed, erased], date(2024, 9, 20))
    for someone in (kept, removed, erased):
        events.record_attendance(event_id, someone)
    assert events.counts([event_id]) == {event_id: (3, 3)}
    with service.carnet.write():  # as an undone import takes the people it created away
        service.carnet.professionals.delete([removed])
    service.register.erase_professional(erased)
    assert events.counts([event_id]) == {event_id: (2, 2)}  # the erased person came: still counted
    with pytest.raises(AppError, match="n'existe plus"):
        events.record_attendance(event_id, removed)
    sheet = events.write_sign_in_sheet(event_id, tmp_path / "f.pdf")
    text = "".join(page.extract_text() for page in PdfReader(sheet).pages)
    assert "GARDÉ" in text
    assert "RETIRÉ" not in text
    assert "Personne effacée" not in text


def test_erasing_a_person_scrubs_the_events_they_took_part_in(service: CarnetService) -> None:
    events = service.events
    nadia = person(service, "Benali", "Nadia", email="nadia.benali@example.org")
    event_id = events.save_event(
        workshop(
            title="Atelier animé par Nadia Benali",
            agenda="Questions à nadia.benali@example.org",
            speakers=("Dr Nadia Benali", "Formateur Pulsy"),
        )
    )
    events.invite(event_id, [nadia], date(2024, 9, 20))
    events.record_attendance(event_id, nadia)
    service.register.erase_professional(nadia)
    event = events.event(event_id)
    texts = " ".join([event.title, event.agenda, *event.speakers])
    assert "Benali" not in texts
    assert "nadia.benali" not in texts
    assert "Formateur Pulsy" in texts
    assert events.event_ids(text="benali") == []  # the search words were rewritten too
    assert events.counts([event_id]) == {event_id: (1, 1)}  # an anonymous participant still counts
    with pytest.raises(AppError, match="n'existe plus"):
        events.invite(events.save_event(workshop(title="Autre")), [nadia], date(2024, 9, 21))


def test_the_right_of_access_export_lists_a_person_s_events(service: CarnetService, tmp_path: Path) -> None:
    import openpyxl

    events = service.events
    anne = person(service, "Adam", "Anne")
    event_id = events.save_event(workshop())
    events.invite(event_id, [anne], date(2024, 9, 20), InvitationChannel.EMAIL)
    events.record_attendance(event_id, anne, (True, False))
    gone = events.save_event(workshop(title="Atelier supprimé"))
    events.invite(gone, [anne], date(2024, 9, 21))
    events.delete_event(gone)
    written = service.register.personal_data(anne, tmp_path / "acces.xlsx")
    sheet = openpyxl.load_workbook(written)["Événements"]
    rows = [row for row in sheet.iter_rows(values_only=True) if row[1] and "Atelier" in str(row[1])]
    assert [row[1:] for row in rows] == [
        ("Atelier d'information : Atelier Parceo", "le 20/09/2024 (E-mail)", "1 demi-journée(s) sur 2")
    ]


def test_counts_by_profession_and_structure_type_leave_deleted_events_out(service: CarnetService) -> None:
    events = service.events
    register = service.register
    msp = register.save_structure(Structure("MSP des Provinces", StructureType.MSP, commune="Laxou"))
    ch = register.save_structure(Structure("CH de Toul", StructureType.CH, commune="Toul"))
    nurse = person(service, "Adam", "Anne", "G15-60", structure_ids=(msp, ch))
    doctor = person(service, "Brun", "Marc", "G15-10", structure_ids=(msp,))
    pharmacist = person(service, "Colin", "Léa", "G15-21")
    first = events.save_event(workshop())
    second = events.save_event(workshop(title="Deuxième atelier"))
    for who in (nurse, doctor):
        events.record_attendance(first, who)
    events.record_attendance(second, nurse)
    events.record_attendance(second, pharmacist)
    counts = events.participant_counts()
    assert counts.total == 3
    assert counts.by_profession == {"Infirmier": 1, "Médecin": 1, "Pharmacien": 1}
    assert counts.by_structure_type == {"MSP": 2, "Centre hospitalier": 1, "Sans structure": 1}
    assert events.participant_counts([second]).by_profession == {"Infirmier": 1, "Pharmacien": 1}
    events.delete_event(second)
    assert events.participant_counts().total == 2
    assert events.participant_counts().by_profession == {"Infirmier": 1, "Médecin": 1}
    assert events.event_ids() == [first]
    with pytest.raises(AppError, match="Cet événement n'existe plus"):
        events.record_attendance(second, doctor)
    events.restore_event(second)
    assert events.participant_counts().total == 3


def test_trained_professionals_are_the_attendees_of_training_sessions_held(service: CarnetService) -> None:
    events = service.events
    module_id = events.save_module(TrainingModule("Messagerie sécurisée", 90))
    training = workshop(kind=EventKind.TRAINING, mission=Mission.FORMATION, module_id=module_id)
    held = events.save_event(training)
    again = events.save_event(replace(training, title="Deuxième session"))
    planned = events.save_event(replace(training, title="Prévue", status=EventStatus.PLANNED))
    informed = events.save_event(workshop())
    a, b, c, d = (person(service, name, "Anne") for name in ("Adam", "Brun", "Colin", "Didier"))
    events.record_attendance(held, a)
    events.record_attendance(held, b, (False, True))
    events.record_attendance(held, c, (False, False))  # absent
    events.record_attendance(again, a)  # trained twice, counted once
    events.record_attendance(planned, d)
    events.record_attendance(informed, d)
    assert sorted(events.trained_ids()) == sorted([a, b])
    assert events.trained_count() == 2


def test_time_logged_to_an_event_obeys_the_carnet_rules(service: CarnetService) -> None:
    events = service.events
    event_id = events.save_event(workshop())
    marie = ambassador_id(service, "Marie Durand")
    entry = TimeEntry(date(2024, 10, 8), marie, Mission.PROMOTION, "Atelier d'information", 180)
    saved = events.log_time(event_id, entry)
    assert events.time_entry_ids(event_id) == [saved.entry_id]
    assert service.entry(saved.entry_id).minutes == 180
    count = service.carnet.entries.count()
    with pytest.raises(InvalidInput, match="24"):  # 22 h more the same day
        events.log_time(event_id, replace(entry, minutes=22 * 60))
    service.close_month(service.default_month().add(-1))  # October
    with pytest.raises(MonthClosed, match="octobre 2024 est clôturé"):
        events.log_time(event_id, replace(entry, minutes=60))
    assert service.carnet.entries.count() == count
    assert events.time_entry_ids(event_id) == [saved.entry_id]
    summary = service.month_summary(service.default_month().add(-1))
    assert summary.total_minutes == 180  # the event's time is carnet time like any other


def test_an_event_is_found_by_its_short_id(service: CarnetService) -> None:
    event_id = service.events.save_event(workshop())
    assert service.events.find_event(event_id[:8].upper()).id == event_id
    assert service.events.find_event(event_id).id == event_id
    with pytest.raises(InvalidInput, match="Aucun événement n'a l'identifiant « zzzz »"):
        service.events.find_event("zzzz")
    with pytest.raises(InvalidInput, match="au moins les 4 premiers caractères"):
        service.events.find_event(event_id[:3])


def test_a_deleted_event_is_not_changed_and_invitation_dates_are_checked(service: CarnetService) -> None:
    events = service.events
    event_id = events.save_event(workshop())
    anne = person(service, "Adam", "Anne")
    with pytest.raises(InvalidInput, match="Date hors limites") as caught:
        events.invite(event_id, [anne], date(1900, 1, 1))
    assert caught.value.field == "date d'invitation"
    saved = events.event(event_id)
    events.delete_event(event_id)
    with pytest.raises(InvalidInput, match="restaurez-le avant de le modifier"):
        events.save_event(replace(saved, title="Changé"))
    events.restore_event(event_id)
    assert events.event(event_id).title == "Atelier Parceo"
    with pytest.raises(AppError, match="Cet événement n'existe plus"):
        events.save_event(replace(saved, id="invented-id"))  # an unknown id is never created
    assert "invented-id" not in events.event_ids()


def test_a_restored_session_brings_its_module_back_to_the_catalogue(service: CarnetService) -> None:
    events = service.events
    module_id = events.save_module(TrainingModule("INSi", 90))
    event_id = events.save_event(workshop(kind=EventKind.TRAINING, module_id=module_id))
    events.delete_event(event_id)
    events.delete_module(module_id)  # no live session uses it any more
    assert module_id not in events.module_ids()
    with pytest.raises(AppError, match="Ce module n'existe plus"):
        events.save_event(workshop(kind=EventKind.TRAINING, module_id=module_id))
    events.restore_event(event_id)
    assert module_id in events.module_ids()
    assert events.module(module_id).title == "INSi"


# --- commands ---------------------------------------------------------------------------------


def test_commands_list_events_and_write_the_sign_in_sheet(
    service: CarnetService, carnet_path: Path, private_home: Path, tmp_path: Path
) -> None:
    events = service.events
    event_id = events.save_event(workshop())
    people = [person(service, name, "Anne") for name in ("Zimmermann", "Adam", "Brun")]
    events.invite(event_id, people, date(2024, 9, 20))
    events.record_attendance(event_id, people[1])
    service.close()

    listed = run("--carnet", carnet_path, "evenements", home=private_home)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.strip() == (
        f"{event_id[:8]}  08/10/2024  Atelier d'information (réalisé)  Atelier Parceo  — 3 invités, 1 présent"
    )
    out = tmp_path / "emargement.pdf"
    written = run(
        "--carnet",
        carnet_path,
        "emargement",
        event_id[:8],
        "--sortie",
        out,
        "--lignes-vides",
        "3",
        home=private_home,
    )
    assert written.returncode == 0, written.stderr
    assert "Feuille d'émargement de « Atelier Parceo » écrite" in written.stdout
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert text.index("ADAM") < text.index("BRUN") < text.index("ZIMMERMANN")
    assert "Signature\n08/10/2024 09:00–12:00" in text
    missing = run("--carnet", carnet_path, "emargement", "0000", "--sortie", out, home=private_home)
    assert missing.returncode == 1
    assert missing.stderr.startswith("erreur : Aucun événement n'a l'identifiant « 0000 »")
    bad = run(
        "--carnet",
        carnet_path,
        "emargement",
        event_id,
        "--sortie",
        out,
        "--lignes-vides",
        "²",  # a digit to str.isdigit, not to int()
        home=private_home,
    )
    assert bad.returncode == 2
    assert "« ² » : un nombre entier de 0 à 500 est attendu" in bad.stderr


def test_an_empty_carnet_lists_no_event(
    service: CarnetService, carnet_path: Path, private_home: Path
) -> None:
    service.close()
    listed = run("--carnet", carnet_path, "evenements", home=private_home)
    assert listed.returncode == 0
    assert listed.stdout == "Aucun événement dans ce carnet.\n"


def test_twenty_long_speakers_are_stored_whole_and_more_are_refused(service: CarnetService) -> None:
    speakers = tuple(f"Intervenant {i} " + "x" * 280 for i in range(20))
    event_id = service.events.save_event(workshop(speakers=speakers))
    assert service.events.event(event_id).speakers == speakers
    with pytest.raises(InvalidInput, match="au plus 20 intervenants") as caught:
        service.events.save_event(workshop(speakers=(*speakers, "Un de trop")))
    assert caught.value.field == "intervenants"


def test_an_invitation_and_an_attendance_can_be_taken_back(service: CarnetService) -> None:
    events = service.events
    event_id = events.save_event(workshop())
    anne = person(service, "Adam", "Anne")
    events.invite(event_id, [anne], date(2024, 9, 20))
    events.record_attendance(event_id, anne)
    assert events.counts([event_id]) == {event_id: (1, 1)}
    events.remove_attendance(event_id, anne)
    assert events.attendances(event_id) == []
    events.uninvite(event_id, [anne])
    assert events.invitations(event_id) == []
    assert events.counts([event_id]) == {event_id: (0, 0)}


def test_a_cancelled_event_takes_no_attendance_nor_printed_sheet(
    service: CarnetService, tmp_path: Path
) -> None:
    events = service.events
    event_id = events.save_event(workshop(status=EventStatus.CANCELLED))
    someone = person(service, "Adam", "Anne")
    events.invite(event_id, [someone], date(2024, 9, 20))
    refused = "L'événement « Atelier Parceo » est annulé : on n'y note pas de présence"
    with pytest.raises(InvalidInput, match=refused):
        events.record_attendance(event_id, someone)
    walk_ins = len(service.register.professional_ids())
    with pytest.raises(InvalidInput, match=refused):
        events.add_walk_in(event_id, Professional("Neuf", "Paul", "G15-60", commune="Toul"))
    assert len(service.register.professional_ids()) == walk_ins  # nobody created
    assert events.attendances(event_id) == []
    with pytest.raises(InvalidInput, match="annulé : sa feuille d'émargement ne s'imprime pas"):
        events.write_sign_in_sheet(event_id, tmp_path / "sheet.pdf")
    with pytest.raises(InvalidInput, match="annulé : son questionnaire ne s'imprime pas"):
        service.surveys.write_event_questionnaire(event_id, tmp_path / "q.pdf")
    assert not list(tmp_path.glob("*.pdf"))
    events.save_event(replace(events.event(event_id), status=EventStatus.DONE))  # it took place after all
    events.record_attendance(event_id, someone)
    assert events.counts([event_id]) == {event_id: (1, 1)}

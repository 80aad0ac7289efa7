"""An agenda imported again after it changed (a series moved whole, occurrences cancelled or
removed, a contact's meeting moved), doubles inside one agenda, the words that are not work,
and what a file may hold that the carnet must not take as it is (a title of 70 000 characters,
a clock change, control characters, unusual attendee addresses, an unknown time zone)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from ambassadeur_app.domain.agenda import AgendaEvent, dismissal_reason
from ambassadeur_app.domain.register import Professional
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.importers.agenda import parse_agenda
from ambassadeur_app.services import CarnetService
from ambassadeur_app.services.agenda import ABSENT, CANCELLED, DELETED
from ambassadeur_app.services.erasure import erase_person
from tests.conftest import ambassador_id, log_entry
from tests.unit.test_agenda import rows
from tests.unit.test_cli import run

OCTOBER = (date(2024, 10, 1), date(2024, 10, 31))


def event(uid: str, start: str, end: str, summary: str = "Point équipe CPTS", *extra: str) -> str:
    """Return one VEVENT block (times in Paris time), with more lines when given."""
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        "DTSTAMP:20241001T000000Z",
        f"DTSTART;TZID=Europe/Paris:{start}",
        f"DTEND;TZID=Europe/Paris:{end}",
        f"SUMMARY:{summary}",
        "LOCATION:Toul",
        *extra,
        "END:VEVENT",
    ]
    return "\r\n".join(lines) + "\r\n"


def agenda(path: Path, *events: str) -> Path:
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n" + "".join(events) + "END:VCALENDAR\r\n",
        encoding="utf-8",
    )
    return path


LIVE_ENTRIES = "SELECT day, start_time, minutes FROM time_entries WHERE deleted_at IS NULL ORDER BY day"
WEEKLY = "RRULE:FREQ=WEEKLY;COUNT=4"


# --- a series moved whole -------------------------------------------------------------------------


def test_a_series_moved_whole_updates_its_entries_and_saves_none_twice(
    service: CarnetService, tmp_path: Path
) -> None:
    marie = ambassador_id(service, "Marie Durand")
    path = agenda(
        tmp_path / "a.ics",
        event("weekly@t", "20241007T090000", "20241007T100000", "Point équipe CPTS", WEEKLY),
    )
    first = service.agenda.read(path, marie, *OCTOBER)
    assert [p.outcome for p in first] == ["à enregistrer"] * 4
    service.agenda.accept(first)
    ids = [r[0] for r in rows(service, "SELECT id FROM time_entries WHERE deleted_at IS NULL ORDER BY day")]
    # The whole series moves to 10:00: every recurrence id changes with it.
    agenda(path, event("weekly@t", "20241007T100000", "20241007T110000", "Point équipe CPTS", WEEKLY))
    moved = service.agenda.read(path, marie, *OCTOBER)
    assert [
        (p.state, p.entry.id, p.entry.start_time.isoformat() if p.entry.start_time else "") for p in moved
    ] == [("changed", entry_id, "10:00:00") for entry_id in ids]
    assert all(p.item_id and p.change.startswith("déplacé du") for p in moved)
    saved = service.agenda.accept(moved)
    assert (saved.added_entries, len(saved.updated_entries)) == ((), 4)
    assert rows(service, LIVE_ENTRIES) == [
        ("2024-10-07", "10:00", 60),
        ("2024-10-14", "10:00", 60),
        ("2024-10-21", "10:00", 60),
        ("2024-10-28", "10:00", 60),
    ]
    assert rows(service, "SELECT COUNT(*) FROM agenda_items WHERE deleted_at IS NULL") == [(4,)]
    assert service.agenda.read(path, marie, *OCTOBER) == []
    service.agenda.undo(saved)
    assert [r[1] for r in rows(service, LIVE_ENTRIES)] == ["09:00"] * 4


# --- cancelled, excluded, removed -----------------------------------------------------------------


def test_cancelled_excluded_and_removed_events_offer_to_remove_their_entry(
    service: CarnetService, tmp_path: Path
) -> None:
    marie = ambassador_id(service, "Marie Durand")
    series = event("weekly@t", "20241007T090000", "20241007T100000", "Point équipe CPTS", WEEKLY)
    visit = event("visit@t", "20241009T140000", "20241009T150000", "Visite MSP de Toul")
    # A file that names no calendar is its agenda by two events at least: the series and this one.
    staff = event("staff@t", "20241016T140000", "20241016T150000", "Réunion de secteur")
    path = agenda(tmp_path / "a.ics", series, visit, staff)
    service.agenda.accept(service.agenda.read(path, marie, *OCTOBER))
    assert len(rows(service, LIVE_ENTRIES)) == 6
    # The 14/10 occurrence is cancelled, the 21/10 one excluded, the visit deleted from the agenda.
    cancelled = event(
        "weekly@t",
        "20241014T090000",
        "20241014T100000",
        "Point équipe CPTS",
        "RECURRENCE-ID;TZID=Europe/Paris:20241014T090000",
        "STATUS:CANCELLED",
    )
    excluded = series.replace(WEEKLY, f"{WEEKLY}\r\nEXDATE;TZID=Europe/Paris:20241021T090000")
    agenda(path, excluded, cancelled, staff)
    proposals = service.agenda.read(path, marie, *OCTOBER)
    assert [(p.state, p.entry.day, p.change, p.outcome) for p in proposals] == [
        ("removed", date(2024, 10, 14), CANCELLED, "à retirer"),
        ("removed", date(2024, 10, 9), DELETED, "écarté"),
        ("removed", date(2024, 10, 21), ABSENT, "à retirer"),
    ]
    assert all(p.entry.id and p.state_label == "annulé" for p in proposals)
    # Accepting removes those entries; dismissing keeps the visit and records nothing.
    saved = service.agenda.accept(
        [p for p in proposals if p.outcome == "à retirer"], [p for p in proposals if p.dismissed]
    )
    assert len(saved.removed_entries) == 2
    assert [r[0] for r in rows(service, LIVE_ENTRIES)] == [
        "2024-10-07",
        "2024-10-09",
        "2024-10-16",
        "2024-10-28",
    ]
    again = service.agenda.read(path, marie, *OCTOBER)
    assert [(p.entry.day, p.change) for p in again] == [(date(2024, 10, 9), DELETED)]
    service.agenda.undo(saved)
    assert len(rows(service, LIVE_ENTRIES)) == 6
    # The cancellation taken back in the agenda: the occurrence is proposed again.
    service.agenda.accept([p for p in proposals if p.outcome == "à retirer"])
    agenda(path, series)
    back = [p for p in service.agenda.read(path, marie, *OCTOBER) if p.state != "removed"]
    assert [(p.entry.day, p.state, p.change, p.entry.id) for p in back] == [
        (date(2024, 10, 14), "changed", "de nouveau dans l'agenda", ""),
        (date(2024, 10, 21), "changed", "de nouveau dans l'agenda", ""),
    ]


def test_a_single_event_moved_out_of_the_period_is_not_removed(
    service: CarnetService, tmp_path: Path
) -> None:
    marie = ambassador_id(service, "Marie Durand")
    path = agenda(tmp_path / "a.ics", event("visit@t", "20241009T140000", "20241009T150000", "Visite MSP"))
    service.agenda.accept(service.agenda.read(path, marie, *OCTOBER))
    agenda(path, event("visit@t", "20241109T140000", "20241109T150000", "Visite MSP"))
    assert service.agenda.read(path, marie, *OCTOBER) == []


# --- doubles ----------------------------------------------------------------------------------------


def test_doubles_inside_one_agenda_are_dismissed_and_overlaps_shown(
    service: CarnetService, tmp_path: Path
) -> None:
    marie = ambassador_id(service, "Marie Durand")
    path = agenda(
        tmp_path / "a.ics",
        event("a1", "20241017T140000", "20241017T160000", "Visite MSP Ludres"),
        event("a2", "20241017T140000", "20241017T160000", "Visite MSP Ludres"),
        event("a3", "20241017T150000", "20241017T170000", "Réunion pharmacie"),
    )
    proposals = service.agenda.read(path, marie, *OCTOBER)
    assert [(p.uid, p.outcome, p.dismissed) for p in proposals] == [
        ("a1", "à enregistrer", ""),
        ("a2", "écarté", "en double dans l'agenda (« Visite MSP Ludres » à la même heure)"),
        ("a3", "à enregistrer", ""),
    ]
    assert [len(p.overlaps) for p in proposals] == [0, 0, 1]
    assert proposals[2].overlaps[0].startswith("rendez-vous de l'agenda : 17/10/2024 à 14:00")
    saved = service.agenda.accept([p for p in proposals if p.outcome == "à enregistrer"])
    assert saved.saved == 2


def test_an_entry_typed_without_start_time_is_found(service: CarnetService, tmp_path: Path) -> None:
    marie = ambassador_id(service, "Marie Durand")
    log_entry(service, date(2024, 10, 15), 90, description="Visite MSP de Toul")
    path = agenda(
        tmp_path / "a.ics",
        event("v", "20241015T100000", "20241015T113000", "Visite de la MSP de Toul"),
        event("w", "20241015T140000", "20241015T153000", "Réunion CPTS bureau"),
    )
    proposals = service.agenda.read(path, marie, *OCTOBER)
    assert [p.dismissed for p in proposals] == [
        "déjà dans le carnet ? (« Visite MSP de Toul », sans heure)",
        "",
    ]


# --- what is not work ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Formation individuelle au DMP dans Parceo, au cabinet du médecin",
        "Rencontre médecin coordinateur EHPAD",
        "Réunion maison médicale de garde",
        "Maison sport santé Nancy",
        "Visite kiné Saint-Epvre",
        "Visite cabinet dentiste Dr Roux",
        "Présentation Parceo à l'école d'infirmières (IFSI)",
        "Réunion personnel soignant EHPAD",
        "Point crèche hospitalière",
        "Atelier pause café partenaires",
        "Réunion gestion absences / continuité des soins",
    ],
)
def test_the_programme_work_is_not_taken_for_personal(title: str) -> None:
    assert dismissal_reason(AgendaEvent("u", "", datetime(2024, 10, 7, 10), 60, title, "Nancy")) == ""


def test_personal_phrases_are_shown_as_written() -> None:
    def reason(title: str) -> str:
        return dismissal_reason(AgendaEvent("u", "", datetime(2024, 10, 7, 12), 60, title, "Nancy"))

    assert reason("Déjeuner avec Paul") == "personnel (« Déjeuner »)"
    assert reason("Pause déjeuner") == "personnel (« Pause déjeuner »)"
    assert reason("RDV médecin perso") == "personnel (« perso »)"
    assert reason("Congés") == "personnel (« Congés »)"
    assert reason("Rencontre médecin coordinateur EHPAD") == ""


# --- a contact's meeting moved, a person erased -------------------------------------------------


def test_a_moved_meeting_moves_its_contact(service: CarnetService, tmp_path: Path) -> None:
    bernard = service.register.save_professional(
        Professional(
            last_name="Bernard",
            first_name="Émilie",
            profession_code="G15-10",
            email="bernard.emilie@example.org",
        )
    )
    marie = ambassador_id(service, "Marie Durand")
    attendee = "ATTENDEE;CN=Emilie;PARTSTAT=ACCEPTED:MAILTO:Bernard.Emilie@Example.ORG"
    path = agenda(
        tmp_path / "a.ics",
        event("m", "20241017T100000", "20241017T110000", "Visite Dr Émilie Bernard", attendee),
    )
    first = service.agenda.accept(service.agenda.read(path, marie, *OCTOBER))
    [contact_id] = first.contacts
    agenda(path, event("m", "20241024T150000", "20241024T160000", "Visite Dr Émilie Bernard", attendee))
    [moved] = service.agenda.read(path, marie, *OCTOBER)
    saved = service.agenda.accept([moved])
    contact = service.register.contacts([contact_id])[contact_id]
    assert (contact.day, contact.time_entry_id) == (date(2024, 10, 24), first.added_entries[0])
    assert rows(service, LIVE_ENTRIES) == [("2024-10-24", "15:00", 60)]
    service.agenda.undo(saved)
    assert service.register.contacts([contact_id])[contact_id].day == date(2024, 10, 17)
    # Cancelled: the entry and its contact go together.
    cancelled = event(
        "m", "20241024T150000", "20241024T160000", "Visite Dr Émilie Bernard", attendee, "STATUS:CANCELLED"
    )
    agenda(path, cancelled)
    [removal] = service.agenda.read(path, marie, *OCTOBER)
    removed = service.agenda.accept([removal])
    assert (removed.removed_entries, removed.removed_contacts) == (first.added_entries, (contact_id,))
    assert rows(service, "SELECT COUNT(*) FROM contacts WHERE deleted_at IS NULL") == [(0,)]
    service.agenda.undo(removed)
    assert rows(service, "SELECT COUNT(*) FROM contacts WHERE deleted_at IS NULL") == [(1,)]
    # Erased on request: the agenda's titles no longer name her, dismissed ones included.
    erase_person(service.carnet, bernard)
    titles = [str(r[0]) for r in rows(service, "SELECT summary FROM agenda_items")]
    assert len(titles) == 1
    assert not [t for t in titles if "Bernard" in t or "Émilie" in t]


# --- what a file may hold ------------------------------------------------------------------------


def test_a_huge_title_is_cut_and_blocks_nothing(service: CarnetService, tmp_path: Path) -> None:
    marie = ambassador_id(service, "Marie Durand")
    path = agenda(
        tmp_path / "a.ics",
        event("big", "20241017T100000", "20241017T110000", "Visite " * 10_000),
        event("ok", "20241018T100000", "20241018T110000", "Visite MSP"),
    )
    big, ok = service.agenda.read(path, marie, *OCTOBER)
    assert (len(big.entry.description), big.outcome, ok.outcome) == (2000, "à enregistrer", "à enregistrer")
    assert big.notes == ("titre de 69\u00a0999 caractères coupé à 2000",)
    assert service.agenda.accept([big, ok]).saved == 2


def test_a_save_error_names_the_event(service: CarnetService, tmp_path: Path) -> None:
    marie = ambassador_id(service, "Marie Durand")
    path = agenda(tmp_path / "a.ics", event("x", "20241017T100000", "20241017T110000", "Visite MSP"))
    [proposal] = service.agenda.read(path, marie, *OCTOBER)
    # An entry edited into something the carnet refuses (the review dialog's edits).
    bad = replace(proposal, entry=replace(proposal.entry, place="x" * 2001))
    with pytest.raises(InvalidInput, match=r"^« Visite MSP » du 17/10/2024 à 10:00 : Le champ lieu dépasse"):
        service.agenda.accept([bad])
    assert rows(service, "SELECT COUNT(*) FROM time_entries") == [(0,)]


def test_what_a_file_holds_is_read_safely(tmp_path: Path) -> None:
    text = (
        "begin:VCALENDAR\rVERSION:2.0\r"
        "BEGIN:VEVENT\rUID:dst\rdtstart;TZID=Europe/Paris:20241027T013000\rDTEND;TZID=Europe/Paris:20241027T033000\r"
        "SUMMARY:Nuit \x1b[31mrouge\x1b[0m\u2067 du changement d'heure\rLOCATION:Toul\rEND:VEVENT\r"
        "BEGIN:VEVENT\rUID:mail\rDTSTART:20241028T090000Z\rDTEND:20241028T100000Z\rSUMMARY:Appel\r"
        "ATTENDEE;CN=Camille;EMAIL=laurent.camille@example.org:urn:uuid:1234\r"
        'ATTENDEE;CN="Zimmermann, Marie":mailto:%20zimmermann.marie@example.org\r'
        "END:VEVENT\r"
        "BEGIN:VEVENT\rUID:mars\rDTSTART;TZID=Mars/Olympus:20241029T100000\rDTEND;TZID=Mars/Olympus:20241029T110000\r"
        "SUMMARY:Ailleurs\rEND:VEVENT\r"
        "END:VCALENDAR\r"
    )
    path = tmp_path / "a.ics"
    path.write_bytes(text.encode("utf-8"))
    night, call, mars = parse_agenda(path, *OCTOBER).events
    # 01:30 summer time to 03:30 winter time: three hours.
    assert (night.minutes, night.summary) == (180, "Nuit rouge du changement d'heure")
    assert [a.email for a in call.attendees] == [
        "laurent.camille@example.org",
        "zimmermann.marie@example.org",
    ]
    assert mars.notes == ("fuseau horaire « Mars/Olympus » inconnu : heure lue comme heure de Paris",)
    assert mars.start.hour == 10


# --- the command ----------------------------------------------------------------------------------


def test_the_command_names_contacts_lists_removals_and_deletes_only_when_told(
    service: CarnetService, private_home: Path, tmp_path: Path
) -> None:
    service.register.save_professional(
        Professional(
            last_name="Bernard",
            first_name="Émilie",
            profession_code="G15-10",
            email="bernard.emilie@example.org",
        )
    )
    carnet = service.path
    service.close()
    attendee = "ATTENDEE:mailto:bernard.emilie@example.org"
    series = event("weekly@t", "20241007T090000", "20241007T100000", "Point \x1b[2Jéquipe", WEEKLY, attendee)
    path = agenda(tmp_path / "a.ics", series)
    october = ("--ambassadeur", "Marie Durand", "--du", "01/10/2024", "--au", "31/10/2024")
    # A read-only carnet shows the preview: it writes nothing.
    carnet.chmod(0o444)
    listing = run("--carnet", carnet, "import", "agenda", path, *october, home=private_home)
    carnet.chmod(0o644)
    assert listing.returncode == 0, listing.stderr
    assert "\x1b" not in listing.stdout
    assert listing.stdout.count("↳ contact avec : Émilie Bernard") == 4
    saved = run("--carnet", carnet, "import", "agenda", path, *october, "--accepter-tout", home=private_home)
    assert saved.stdout.splitlines()[-1] == (
        "4 entrées enregistrées (dont 0 mise à jour), 4 contacts notés ; 0 écarté, 0 bloqué."
    )
    cancelled = event(
        "weekly@t",
        "20241014T090000",
        "20241014T100000",
        "Point équipe",
        "RECURRENCE-ID;TZID=Europe/Paris:20241014T090000",
        "STATUS:CANCELLED",
    )
    agenda(path, series, cancelled)
    kept = run("--carnet", carnet, "import", "agenda", path, *october, "--accepter-tout", home=private_home)
    lines = kept.stdout.replace("\u00a0", " ").splitlines()
    assert lines[1].startswith("14/10/2024  09:00  1 h       annulé    à retirer")
    assert "            ↳ annulé : annulé dans l'agenda" in lines
    assert lines[-1] == (
        "1 entrée d'un rendez-vous annulé ou absent de l'agenda reste dans le carnet : relancez avec "
        "--retirer-annules, ou retirez-les dans l'application."
    )
    with sqlite3.connect(carnet) as conn:
        live = "SELECT COUNT(*) FROM {} WHERE deleted_at IS NULL"
        assert [conn.execute(live.format(t)).fetchone()[0] for t in ("time_entries", "contacts")] == [4, 4]
    removed = run(
        "--carnet",
        carnet,
        "import",
        "agenda",
        path,
        *october,
        "--accepter-tout",
        "--retirer-annules",
        home=private_home,
    )
    assert removed.stdout.splitlines()[-1].startswith(
        "0 entrée enregistrée (dont 0 mise à jour), 1 entrée retirée"
    )
    with sqlite3.connect(carnet) as conn:
        assert [conn.execute(live.format(t)).fetchone()[0] for t in ("time_entries", "contacts")] == [3, 3]

"""The journal: notes and their rules, links to entries, people, structures and events, the list
by type and period, the right of erasure through the notes about a person, and the commands."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from ambassadeur_app.domain.journal import MAX_NOTE_LENGTH, JournalNote, NoteTag, validate_note
from ambassadeur_app.domain.planning import Link, LinkKind
from ambassadeur_app.domain.register import Professional, Structure, StructureType
from ambassadeur_app.errors import AppError, InvalidInput
from ambassadeur_app.services import CarnetService
from tests.conftest import log_entry, plain
from tests.unit.test_cli import run
from tests.unit.test_erasure import BRULE, TRACES
from tests.unit.test_planning import event

DAY = date(2024, 10, 8)


@pytest.mark.parametrize(
    ("note", "field", "message"),
    [
        (JournalNote(DAY, NoteTag.SUCCESS, "  \n "), "texte", "Écrivez le texte"),
        (JournalNote(DAY, NoteTag.SUCCESS, "x" * (MAX_NOTE_LENGTH + 1)), "texte", "Note trop longue"),
        (JournalNote(date(1024, 1, 2), NoteTag.SUCCESS, "Texte"), "date", "1024"),
    ],
)
def test_an_invalid_note_is_refused_naming_its_field(note: JournalNote, field: str, message: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_note(note)
    assert caught.value.field == field
    assert message in caught.value.message


def test_notes_are_listed_by_type_and_period_edited_and_deleted(service: CarnetService) -> None:
    journal = service.planning
    first = journal.save_note(JournalNote(date(2024, 9, 30), NoteTag.OBSTACLE, " Cartes CPS périmées "))
    second = journal.save_note(JournalNote(date(2024, 10, 1), NoteTag.SUCCESS, "Soirée réussie"))
    third = journal.save_note(JournalNote(date(2024, 10, 31), NoteTag.OBSTACLE, "Relances sans réponse"))
    fourth = journal.save_note(JournalNote(date(2024, 11, 1), NoteTag.HIGHLIGHT, "Le CH s'engage"))
    assert [n.id for n in journal.notes()] == [first, second, third, fourth]
    assert journal.notes()[0].text == "Cartes CPS périmées"
    assert [n.id for n in journal.notes(NoteTag.OBSTACLE)] == [first, third]
    october = [n.id for n in journal.notes(first=date(2024, 10, 1), last=date(2024, 10, 31))]
    assert october == [second, third]  # both ends of the period included
    assert [n.id for n in journal.notes(NoteTag.OBSTACLE, date(2024, 10, 1), date(2024, 10, 31))] == [third]
    edited = replace(journal.note(third), tag=NoteTag.FAILURE, text="Relances par e-mail sans réponse")
    journal.save_note(edited)
    assert journal.note(third) == edited
    journal.delete_note(second)
    assert [n.id for n in journal.notes()] == [first, third, fourth]
    with pytest.raises(AppError):
        journal.note(second)
    journal.restore_note(second)
    assert len(journal.notes()) == 4


def test_a_note_links_to_entries_people_structures_and_events(service: CarnetService) -> None:
    journal = service.planning
    entry = log_entry(service, DAY, 60, description="Visite à la MSP")
    person = service.register.save_professional(Professional("Renaud", "Lucas", "G15-10"))
    structure = service.register.save_structure(Structure("MSP du Lunévillois", StructureType.MSP))
    event_id = event(service)
    links = (
        Link(LinkKind.ENTRY, entry),
        Link(LinkKind.PROFESSIONAL, person),
        Link(LinkKind.STRUCTURE, structure),
        Link(LinkKind.EVENT, event_id),
    )
    note_id = journal.save_note(JournalNote(DAY, NoteTag.LEVER, "Le Dr Renaud relaie Parceo", links))
    note = journal.note(note_id)
    assert note.links == links
    assert [plain(v.label) for v in journal.link_views(note.links)] == [
        "Entrée du carnet : 08/10/2024, 1 h — Visite à la MSP",
        "Professionnel : Lucas Renaud",
        "Structure : MSP du Lunévillois",
        "Événement : Atelier Parceo (08/10/2024)",
    ]
    service.delete_entries([entry])
    with pytest.raises(InvalidInput, match="Cette entrée n'existe plus"):
        journal.save_note(JournalNote(DAY, NoteTag.LEVER, "Autre", (Link(LinkKind.ENTRY, entry),)))
    assert not journal.link_views(journal.note(note_id).links)[0].live


def test_the_right_of_access_lists_the_notes_about_a_person(service: CarnetService, tmp_path: Path) -> None:
    import openpyxl

    journal = service.planning
    person = service.register.save_professional(Professional("Renaud", "Lucas", "G15-10"))
    about = (Link(LinkKind.PROFESSIONAL, person),)
    journal.save_note(JournalNote(DAY, NoteTag.LEVER, "Le Dr Renaud relaie Parceo", about))
    gone = journal.save_note(JournalNote(DAY, NoteTag.OBSTACLE, "Note retirée", about))
    journal.delete_note(gone)
    journal.save_note(JournalNote(DAY, NoteTag.SUCCESS, "Sans lien avec lui"))
    written = service.register.personal_data(person, tmp_path / "acces.xlsx")
    rows = [row for row in openpyxl.load_workbook(written)["Journal"].iter_rows(values_only=True) if row[2]]
    assert [row[1:] for row in rows[1:]] == [("Levier", "Le Dr Renaud relaie Parceo")]


def test_erasing_a_person_scrubs_the_notes_about_them(service: CarnetService) -> None:
    register, journal = service.register, service.planning
    anne = register.save_professional(BRULE)
    other = register.save_professional(Professional("Renaud", "Lucas", "G15-10"))
    workshop = event(service)
    service.events.record_attendance(workshop, anne)
    text = "Mme Zyxwortowska-Brûlé (06 12 34 56 78, Anne.ZB@example.org) relaie Parceo"
    about_her = journal.save_note(JournalNote(DAY, NoteTag.LEVER, text, (Link(LinkKind.PROFESSIONAL, anne),)))
    at_her_event = journal.save_note(
        JournalNote(DAY, NoteTag.SUCCESS, text, (Link(LinkKind.EVENT, workshop),))
    )
    deleted = journal.save_note(JournalNote(DAY, NoteTag.SUCCESS, text, (Link(LinkKind.PROFESSIONAL, anne),)))
    journal.delete_note(deleted)
    not_hers = journal.save_note(JournalNote(DAY, NoteTag.LEVER, text, (Link(LinkKind.PROFESSIONAL, other),)))
    backup = service.backup_now()

    erasure = register.erase_professional(anne, wait=0.1)

    scrubbed = "Mme [effacé] ([effacé], [effacé]) relaie Parceo"
    notes = service.carnet.notes.get_many([about_her, at_her_event, deleted, not_hers])
    assert [notes[i].text for i in (about_her, at_her_event, deleted)] == [scrubbed] * 3
    assert notes[not_hers].text == text  # linked to someone else: not hers to scrub
    assert erasure.texts >= 3
    assert erasure.backups == 1
    with sqlite3.connect(backup) as conn:
        kept = [row[0] for row in conn.execute("SELECT text FROM journal_notes WHERE id != ?", [not_hers])]
    assert kept == [scrubbed] * 3
    assert not any(trace in scrubbed for trace in TRACES)
    [view] = journal.link_views(journal.note(about_her).links)
    assert view.text == "Personne effacée"
    with pytest.raises(InvalidInput, match="effacée"):  # no new note about an erased person
        journal.save_note(JournalNote(DAY, NoteTag.LEVER, "Encore", (Link(LinkKind.PROFESSIONAL, anne),)))


def test_the_journal_commands(service: CarnetService, carnet_path: Path, private_home: Path) -> None:
    workshop = event(service)
    service.close()
    added = run(
        "--carnet", carnet_path, "note", "--date", "08/10/2024", "--type", "fait-marquant", "--texte",
        "Le CH s'engage", "--evenement", workshop[:8], home=private_home,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == "Note enregistrée : fait marquant du 08/10/2024."
    run("--carnet", carnet_path, "note", "--date", "09/10/2024", "--type", "Réussite", "--texte", "Soirée",
        home=private_home)  # fmt: skip
    listed = run("--carnet", carnet_path, "journal", home=private_home)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0].endswith("08/10/2024  Fait marquant  Le CH s'engage")
    assert lines[1].strip() == "Événement : Atelier Parceo (08/10/2024)"
    assert lines[2].endswith("09/10/2024  Réussite       Soirée")
    only = run("--carnet", carnet_path, "journal", "--type", "reussite", home=private_home)
    assert [line[10:] for line in only.stdout.splitlines()] == ["09/10/2024  Réussite       Soirée"]
    bad = run("--carnet", carnet_path, "note", "--date", "09/10/2024", "--type", "bof", "--texte", "x",
              home=private_home)  # fmt: skip
    assert bad.returncode == 2
    assert "type inconnu" in bad.stderr
    empty = run("--carnet", carnet_path, "note", "--date", "09/10/2024", "--type", "echec", "--texte", " ",
                home=private_home)  # fmt: skip
    assert empty.returncode == 1
    assert "erreur : Écrivez le texte de la note." in empty.stderr
    saved = run("--carnet", carnet_path, "pertinence", "--texte", "À reconduire.", home=private_home)
    assert saved.returncode == 0
    shown = run("--carnet", carnet_path, "pertinence", home=private_home)
    assert shown.stdout.strip() == "À reconduire."

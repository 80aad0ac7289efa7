"""Erasing a person on request (RGPD, article 17): the texts, the file, the backups."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.erasure import identity_patterns, scrub
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.register import (
    Channel,
    Contact,
    Professional,
    RequestCategory,
    Solicitation,
    Structure,
    StructureType,
)
from ambassadeur_app.services import CarnetService
from ambassadeur_app.storage.backup import BackupKind, check_file
from ambassadeur_app.storage.migrations import migrations
from tests.conftest import ambassador_id

MEDECIN = "G15-10"
BRULE = Professional(
    "Zyxwortowska-Brûlé",
    "Anne",
    MEDECIN,
    rpps="10001045367",
    email="Anne.ZB@example.org",
    phone="06 12 34 56 78",
)
# What must be left nowhere in the file once she is erased, byte for byte (« Brûlé » alone
# stays in another person's contact, which is not hers to scrub).
TRACES = [
    "Zyxwortowska",
    "Anne.ZB@example.org",
    "anne.zb@example.org",
    "10001045367",
    "06 12 34 56 78",
    "06.12.34.56.78",
    "0612345678",
    "+33 6 12 34 56 78",
]

# (text of a contact linked to Anne Zyxwortowska-Brûlé, what erasing her leaves)
NAMING = [
    ("Appel de Mme Zyxwortowska-Brûlé", "Appel de Mme [effacé]"),
    ("ZYXWORTOWSKA-BRULE Anne rappelle", "[effacé] [effacé] rappelle"),
    ("Brûlé-Zyxwortowska (ordre inversé)", "[effacé] (ordre inversé)"),
    ("Mme Brûlé, cabinet de Mme BRULE", "Mme [effacé], cabinet de Mme [effacé]"),
    ("zyxwortowska brule, sans tiret", "[effacé], sans tiret"),
    ("Rendez-vous d'Anne à 9 h", "Rendez-vous d'[effacé] à 9 h"),
    ("Écrire à anne.zb@EXAMPLE.org.", "Écrire à [effacé]."),
    ("Tél. 06 12 34 56 78", "Tél. [effacé]"),
    ("Tél. 06.12.34.56.78 ou 0612345678", "Tél. [effacé] ou [effacé]"),
    ("Joignable au +33 6 12 34 56 78", "Joignable au [effacé]"),
    ("+33 (0)6 12 34 56 78 / 0033612345678", "[effacé] / [effacé]"),
    ("portable 06-12-34-56-78", "portable [effacé]"),
    ("RPPS 10001045367 vérifié", "RPPS [effacé] vérifié"),
    ("identifiant national 810001045367", "identifiant national [effacé]"),
    ("RPPS 100 010 453 67", "RPPS [effacé]"),
    ("Brule\u0301 (accent combinant)", "[effacé] (accent combinant)"),
]
# Texts in her contacts that do not name her: left exactly as they were.
NOT_NAMING = [
    "Réunion de fin d'année à la MSP de Saint-Martin (annexe)",
    "Dr Anne-Sophie Girard et l'équipe de Sainte-Anne",
    "Brûlé-le-Bois, Anneville, annexe, Brûlée",
    "Numéros voisins : 06 12 34 56 79, 106 12 34 56 78, 100010453670",
    "Écrire à zb@example.org ou à b@example.org.uk",
]


def test_only_what_names_the_person_is_replaced() -> None:
    patterns = identity_patterns(BRULE)
    for text, expected in NAMING:
        assert scrub(text, patterns) == expected, text
    for text in NOT_NAMING:
        assert scrub(text, patterns) is text


def test_place_names_and_compound_names() -> None:
    martin = identity_patterns(Professional("Martin", "Anne", MEDECIN))
    place = "Réunion de fin d'année à la MSP de Saint-Martin (annexe), rue Martin-Luther-King"
    assert scrub(place, martin) == place  # a hyphenated place is not the person
    assert scrub("Anne Martin, Anne-Martin, MARTIN.", martin) == "[effacé] [effacé], [effacé], [effacé]."
    # Her own compound name is found whole; its particle « Saint » alone is not a name.
    saint_martin = identity_patterns(Professional("Saint-Martin", "Jean-Pierre", MEDECIN))
    assert (
        scrub("Jean-Pierre Saint-Martin, saint martin, M. Martin, la Saint-Jean, Pierre", saint_martin)
        == "[effacé] [effacé], [effacé], M. [effacé], la Saint-Jean, [effacé]"
    )
    le_gall = identity_patterns(Professional("Le Gall", "Yves", MEDECIN, phone="+41 79 123 45 67"))
    assert (
        scrub("Dr LE GALL, Legall, le rendez-vous, Gallo ; +41 79 123 45 67", le_gall)
        == "Dr [effacé], [effacé], le rendez-vous, Gallo ; [effacé]"
    )
    assert scrub("M. Nguyen, NGUYỄN", identity_patterns(Professional("Nguyễn", "", MEDECIN))) == (
        "M. [effacé], [effacé]"
    )


def add_brule(service: CarnetService) -> str:
    """Add Anne Zyxwortowska-Brûlé with texts about her everywhere the register holds free text."""
    register = service.register
    amb = ambassador_id(service, "Marie Durand")
    msp = register.save_structure(
        Structure(
            "MSP du Lunévillois",
            StructureType.MSP,
            notes="Référente : Dr Zyxwortowska-Brûlé (06.12.34.56.78)",
            services_engaged="Téléconsultation de Mme Brûlé",
        )
    )
    person = register.save_professional(replace(BRULE, structure_ids=(msp,)))
    other = register.save_professional(Professional("Petit", "Léa", MEDECIN))
    register.log_contact(
        Contact(
            date(2024, 9, 3),
            amb,
            Channel.PHONE,
            Mission.PROMOTION,
            "Appel de Mme Zyxwortowska-Brûlé",
            professional_ids=(person,),
            outcome="Joignable au +33 6 12 34 56 78, écrire à anne.zb@example.org",
            next_step="Rappeler Anne au 0612345678 (RPPS 10001045367)",
            next_step_due=date(2024, 9, 10),
        ),
        minutes=30,
    )
    (entry,) = service.carnet.entries.in_range(date(2024, 9, 3), date(2024, 9, 3))
    service.update_entry(replace(entry, place="Cabinet de Mme Brûlé"))
    for text in NOT_NAMING[:2]:
        register.log_contact(
            Contact(date(2024, 9, 5), amb, Channel.VISIT, Mission.PROMOTION, text, professional_ids=(person,))
        )
    deleted = register.log_contact(
        Contact(
            date(2024, 9, 6),
            amb,
            Channel.PHONE,
            Mission.PROMOTION,
            "Mme Zyxwortowska, à supprimer",
            (person,),
        )
    )
    register.delete_contact(deleted)
    register.log_contact(  # another person's contact: never touched
        Contact(date(2024, 9, 7), amb, Channel.PHONE, Mission.PROMOTION, "Léa Petit cite Mme Brûlé", (other,))
    )
    register.save_solicitation(
        Solicitation(
            datetime(2024, 9, 4, 9),
            Channel.EMAIL,
            RequestCategory.ACCESS,
            "Mme Brûlé (anne.zb@example.org) ne peut pas se connecter",
            professional_id=person,
            requester="Anne Zyxwortowska-Brûlé",
            resolution="Rappelée au 06.12.34.56.78",
        )
    )
    with service.carnet.write():  # what an import kept of the structure, to undo it
        import_id = service.carnet.imports.add("finess", "finess.csv", 1)
        service.carnet.import_changes.record(
            import_id, "structures", msp, {"name": "MSP", "notes": "Dr Brûlé", "services_engaged": ""}
        )
    return person


def raw_traces(path: Path) -> list[str]:
    """Return the traces of the person left in a file and its write-ahead log, byte for byte."""
    found = []
    for stored in (path, Path(f"{path}-wal")):
        if stored.exists():
            raw = stored.read_bytes()
            found += [f"{stored.name}: {t}" for t in TRACES if t.encode() in raw]
    return found


def test_erasing_a_person_scrubs_every_text_linked_to_them(service: CarnetService) -> None:
    register = service.register
    person = add_brule(service)
    service.close_month(Month(2024, 9))  # hours of a closed month are scrubbed all the same
    erasure = register.erase_professional(person)
    assert (erasure.texts, erasure.complete, erasure.unreached) == (6, True, ())
    erased = register.professional(person)
    assert erased.anonymized
    assert erased.full_name == "Personne effacée"
    assert (erased.last_name, erased.rpps, erased.email, erased.phone) == ("", "", "", "")
    assert erased.profession_code == MEDECIN  # still counted by profession
    assert person not in register.professional_ids()
    contacts = {c.day: c for c in register.contacts(service.carnet.contacts.ids()).values()}
    first = contacts[date(2024, 9, 3)]
    assert (first.subject, first.outcome, first.next_step) == (
        "Appel de Mme [effacé]",
        "Joignable au [effacé], écrire à [effacé]",
        "Rappeler [effacé] au [effacé] (RPPS [effacé])",
    )
    subjects = [c.subject for c in register.contacts(service.carnet.contacts.ids()).values()]
    assert set(NOT_NAMING[:2]) < set(subjects)  # hers, but naming someone else: untouched
    assert contacts[date(2024, 9, 7)].subject == "Léa Petit cite Mme Brûlé"
    (entry,) = service.carnet.entries.in_range(date(2024, 9, 3), date(2024, 9, 3))
    assert (entry.description, entry.place, entry.minutes) == (
        "Appel de Mme [effacé]",
        "Cabinet de Mme [effacé]",
        30,
    )
    (request,) = register.solicitations(register.solicitation_ids()).values()
    assert (request.description, request.requester, request.resolution) == (
        "Mme [effacé] ([effacé]) ne peut pas se connecter",
        "[effacé] [effacé]",
        "Rappelée au [effacé]",
    )
    (msp,) = register.all_structures()
    assert (msp.notes, msp.services_engaged) == (
        "Référente : Dr [effacé] ([effacé])",
        "Téléconsultation de Mme [effacé]",
    )
    ((_, _, undo_copy),) = service.carnet.import_changes.of(service.carnet.imports.all()[0].id)
    assert undo_copy == {"name": "MSP", "notes": "Dr [effacé]", "services_engaged": ""}
    path = service.path
    service.close()
    assert raw_traces(path) == []
    assert b"Petit cite Mme Br\xc3\xbbl\xc3\xa9" in path.read_bytes()  # not hers


def hold_reader(path: Path) -> sqlite3.Connection:
    """Open a second connection in the middle of a read (a worker thread, ``ambassadeur export``)."""
    reader = sqlite3.connect(path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT COUNT(*) FROM professionals").fetchone()
    return reader


def test_a_reader_delays_the_erasure_in_the_file_and_a_retry_completes_it(service: CarnetService) -> None:
    person = add_brule(service)
    path = service.path
    reader = hold_reader(path)
    erasure = service.register.erase_professional(person, wait=0.1)
    assert not erasure.complete
    assert "encore lu ailleurs" in erasure.warning
    assert raw_traces(path)  # the reader's version of the pages is still in the file
    reader.execute("COMMIT")  # the reading ends; the connection stays open
    again = service.register.erase_professional(person, wait=0.1)
    assert (again.complete, again.texts, again.warning) == (True, 0, "")
    assert raw_traces(path) == []
    reader.close()


@pytest.mark.parametrize("reader_first", [True, False])
def test_closing_completes_a_delayed_erasure(service: CarnetService, reader_first: bool) -> None:
    person = add_brule(service)
    path = service.path
    reader = hold_reader(path)
    assert not service.register.erase_professional(person, wait=0.1).complete
    reader.execute("COMMIT")
    first, last = (reader.close, service.close) if reader_first else (service.close, reader.close)
    first()
    last()
    assert raw_traces(path) == []
    assert not Path(f"{path}-wal").exists()


def test_erasing_a_person_rewrites_every_backup_that_holds_them(service: CarnetService) -> None:
    carnet = service.carnet
    before_her = service.backup_now()  # no trace of her: left byte for byte
    person = add_brule(service)
    kept = [service.backup_now(), carnet.backup(BackupKind.BEFORE_IMPORT), carnet.backup(BackupKind.DAILY)]
    damaged = carnet.backups.folder / "2024-01-01_00-00-00_manuelle.ambassadeur"
    damaged.write_bytes(kept[0].read_bytes()[:4096] + b"\0" * 4096)
    crashed = carnet.backups.folder / ".effacement-tué" / kept[0].name  # an erasure killed midway
    crashed.parent.mkdir()
    crashed.write_bytes(kept[0].read_bytes())
    order = [b.path.name for b in carnet.backups.all()]
    stats = {p: p.stat() for p in (before_her, *kept)}
    untouched = before_her.read_bytes()
    assert all(raw_traces(path) for path in kept)
    erasure = service.register.erase_professional(person)
    assert erasure.backups == len(kept)  # not the day's first backup, taken before her
    assert erasure.unreached == (damaged.name,)
    assert damaged.name in erasure.warning
    assert str(carnet.backups.folder) in erasure.warning
    assert before_her.read_bytes() == untouched
    for backup in carnet.backups.all():
        if backup.path != damaged:
            assert raw_traces(backup.path) == [], backup.path.name
            assert check_file(backup.path) is None  # sound, and restorable
            assert not Path(f"{backup.path}-wal").exists()
    for path, stat in stats.items():
        assert (path.stat().st_mtime_ns, path.stat().st_mode) == (stat.st_mtime_ns, stat.st_mode)
    assert [b.path.name for b in carnet.backups.all()] == order  # retention sees the same backups
    leftovers = [p.name for p in carnet.backups.folder.iterdir() if p.suffix == ".part" or p.name[0] == "."]
    assert leftovers == []  # no working copy left beside the backups
    copy = sqlite3.connect(kept[0])
    assert copy.execute("SELECT anonymized_at FROM professionals WHERE id = ?", [person]).fetchone()[0]
    assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    copy.close()


def test_a_backup_in_an_older_format_is_migrated_then_erased(service: CarnetService) -> None:
    """A backup taken before the register imports (format of m003) holds her too."""
    old = service.carnet.backups.folder / "2024-06-01_10-00-00_avant-migration.ambassadeur"
    db = Database(old)
    migrations.apply(db, stop_before="m004_create_register_imports")
    common = {"created_at": "2024-06-01", "updated_at": "2024-06-01", "device_id": "ancien"}
    rows = {
        "ambassadors": {"id": "amb", "name": "Marie", "role": "medical"},
        # her record then: no phone yet, but a phone typed in a contact
        "professionals": {"id": "p1", "last_name": BRULE.last_name, "profession_code": MEDECIN},
        "contacts": {
            "id": "c1",
            "day": "2024-05-31",
            "ambassador_id": "amb",
            "channel": "telephone",
            "mission": "promotion",
            "subject": "Mme Brûlé, 06 12 34 56 78",
        },
        "contact_professionals": {"id": "cp1", "contact_id": "c1", "professional_id": "p1"},
    }
    for table, row in rows.items():
        db.table(table).insert({**row, **common})
    db.execute("PRAGMA journal_mode = DELETE")
    db.close()
    mtime = old.stat().st_mtime_ns
    erasure = service.register.erase_professional(
        service.register.save_professional(replace(BRULE, id="p1"))  # the same person, by id
    )
    assert erasure.unreached == ()
    assert raw_traces(old) == []
    assert old.stat().st_mtime_ns == mtime
    migrated = sqlite3.connect(old)
    assert migrated.execute("SELECT subject FROM contacts").fetchone() == ("Mme [effacé], [effacé]",)
    assert migrated.execute("SELECT COUNT(*) FROM import_changes").fetchone() == (0,)  # now in m004 form
    migrated.close()


def test_phones_written_any_way_and_ligatures_are_found() -> None:
    person = Professional(
        id="p", last_name="Œillet", first_name="Zoé", profession_code="G15-10", phone="06–18–28–38–48"
    )
    patterns = identity_patterns(person)
    for text in (
        "06 - 18 - 28 - 38 - 48",
        "06–18–28–38–48",
        "(06) 18 28 38 48",
        "+33 0 6 18 28 38 48",
        "618283848",
        "ZOÉ ŒILLET",
        "Oeillet",
    ):
        assert "18 28" not in scrub(text, patterns), text
        assert not {"ŒILLET", "Oeillet", "ZOÉ"} & set(scrub(text, patterns).split()), text
    for untouched in ("un coeur", "Appelle le 06 18 28 38 49", "03 83 00 00 00"):
        assert scrub(untouched, patterns) == untouched

"""An erasure is a change like any other: it reaches the other laptop, and the shared folder."""

from __future__ import annotations

import sqlite3
from datetime import date

from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.register import Channel, Contact, Professional
from ambassadeur_app.sync.files import Keys, change_files, decode
from tests.conftest import ambassador_id
from tests.sync.conftest import PHRASE, Binome, contents, everyone_syncs, field

PERSON = Professional("Zyxwortowska", "Anne", "G15-10", rpps="10001045367", phone="06 12 34 56 78")
TRACES = ("Zyxwortowska", "10001045367", "06 12 34 56 78", "07 99")


def folder_text(binome: Binome) -> str:
    keys = Keys(PHRASE)
    return "\n".join(
        str(decode(change.path.read_bytes(), keys, change.path.name))
        for files in change_files(binome.folder).values()
        for change in files
    )


def test_an_erasure_reaches_the_other_laptop_and_leaves_no_trace_in_the_folder(binome: Binome) -> None:
    a = binome.first()
    register = a.service.register
    person = register.save_professional(PERSON)
    amb = ambassador_id(a.service, "Marie Durand")
    contact = register.log_contact(
        Contact(
            date(2024, 11, 4), amb, Channel.PHONE, Mission.PROMOTION, "Appel de Mme Zyxwortowska", (person,)
        )
    )
    a.sync()
    b = binome.join("b")
    # B corrects her phone number before the erasure reaches it.
    current = b.service.register.professional(person)
    from dataclasses import replace

    b.service.register.save_professional(replace(current, phone="07 99 88 77 66"))
    b.sync()
    a.sync()
    assert all(trace in folder_text(binome) for trace in TRACES)
    a.service.register.erase_professional(person)
    everyone_syncs([a, b])
    for laptop in (a, b):
        assert field(laptop, "professionals", person, "anonymized_at") is not None
        assert field(laptop, "contacts", contact, "subject") == "Appel de Mme [effacé]"
        for trace in TRACES:
            logged = laptop.db.execute(
                "SELECT count(*) FROM _sync_log WHERE value LIKE ?", [f"%{trace}%"]
            ).fetchone()[0]
            assert logged == 0, (trace, logged)
    text = folder_text(binome)
    assert not [trace for trace in TRACES if trace in text]
    assert contents(a) == contents(b)


def test_an_edit_made_without_knowing_of_the_erasure_never_brings_the_person_back(binome: Binome) -> None:
    a = binome.first()
    person = a.service.register.save_professional(PERSON)
    a.sync()
    b = binome.join("b")
    # B's clock is ahead: its edit would win by the clock alone.
    b.db.execute("UPDATE _sync_state SET hlc = hlc + ?", [3600 * 1000 * 65536])
    from dataclasses import replace

    b.service.register.save_professional(
        replace(b.service.register.professional(person), phone="07 99 88 77 66")
    )
    a.service.register.erase_professional(person)
    everyone_syncs([a, b])
    for laptop in (a, b):
        assert field(laptop, "professionals", person, "phone") == ""
        assert laptop.sync_service.conflicts() == []
    assert "07 99" not in folder_text(binome)
    assert contents(a) == contents(b)


def test_an_erasure_is_replayed_on_the_other_laptop_and_forgets_every_copy_of_the_person(
    binome: Binome,
) -> None:
    a = binome.first()
    person = a.service.register.save_professional(PERSON)
    amb = ambassador_id(a.service, "Marie Durand")
    first = a.service.register.log_contact(
        Contact(date(2024, 11, 4), amb, Channel.PHONE, Mission.PROMOTION, "Appel", (person,))
    )
    a.sync()
    b = binome.join("b")
    # The same subject edited on both laptops (a conflict holding her name), then B logs a call
    # naming her while the erasure is on its way.
    for laptop, subject in ((a, "Rappel de Mme Zyxwortowska"), (b, "Rappeler Zyxwortowska")):
        laptop.db.execute("UPDATE contacts SET subject = ? WHERE id = ?", [subject, first])
    everyone_syncs([a, b])
    assert a.sync_service.conflicts()
    second = b.service.register.log_contact(
        Contact(
            date(2024, 11, 6),
            amb,
            Channel.PHONE,
            Mission.PROMOTION,
            "RDV Mme Zyxwortowska au 06 12 34 56 78",
            (person,),
        )
    )
    a.service.register.erase_professional(person)
    # The erasure scrubs at once the values the sync keeps, in the carnet and its backups.
    assert a.db.execute("SELECT count(*) FROM _sync_log WHERE value LIKE '%Zyxw%'").fetchone()[0] == 0
    assert a.service.carnet.backups.all()  # the day's backup, taken before the erasure
    for backup in a.service.carnet.backups.all():
        conn = sqlite3.connect(backup.path)
        assert conn.execute("SELECT count(*) FROM _sync_log WHERE value LIKE '%Zyxw%'").fetchone()[0] == 0
        conn.close()
    everyone_syncs([a, b])
    everyone_syncs([a, b])
    for laptop in (a, b):
        assert field(laptop, "contacts", second, "subject") == "RDV Mme [effacé] au [effacé]"
        for table, columns in (("_sync_log", "value"), ("_sync_conflicts", "kept || set_aside")):
            held = laptop.db.execute(f"SELECT count(*) FROM {table} WHERE {columns} LIKE '%Zyxw%'")
            assert held.fetchone()[0] == 0, table
        for conflict in laptop.sync_service.conflicts():
            laptop.sync_service.keep(conflict.id, "ecartee")
    everyone_syncs([a, b])
    for laptop in (a, b):
        assert "Zyxw" not in str(laptop.db.execute("SELECT subject FROM contacts").fetchall())
    text = folder_text(binome)
    assert not [trace for trace in TRACES if trace in text]
    assert contents(a) == contents(b)

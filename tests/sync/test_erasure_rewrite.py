"""After an erasure each laptop writes again only its change files that held the person, and the
other laptops take the new files for what they are: no false cause is printed."""

from __future__ import annotations

from datetime import date

from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.register import Channel, Contact, Professional
from ambassadeur_app.services.sync import report_lines
from ambassadeur_app.sync.files import Keys, change_files, decode
from tests.conftest import ambassador_id, log_entry
from tests.sync.conftest import DAY, PHRASE, Binome, contents, everyone_syncs
from tests.sync.test_erasure import PERSON


def folder_files(binome: Binome) -> dict[str, bytes]:
    return {
        f"{copy[:8]}/{change.path.name}": change.path.read_bytes()
        for copy, files in change_files(binome.folder).items()
        for change in files
    }


def test_an_erasure_rewrites_only_the_files_naming_the_person_and_reports_no_replaced_file(
    binome: Binome,
) -> None:
    a = binome.first()
    register = a.service.register
    for number in range(4):  # files that never name her
        register.save_professional(Professional(f"Autre{number}", "Jean", "G15-10"))
        a.sync()
    person = register.save_professional(PERSON)
    amb = ambassador_id(a.service, "Marie Durand")
    register.log_contact(
        Contact(
            date(2024, 11, 4), amb, Channel.PHONE, Mission.PROMOTION, "Appel de Mme Zyxwortowska", (person,)
        )
    )
    a.sync()
    for minutes in (30, 45, 60):
        log_entry(a.service, DAY, minutes)
        a.sync()
    b = binome.join("b")
    c = binome.join("c")
    everyone_syncs([a, b, c])
    before = folder_files(binome)
    keys = Keys(PHRASE)
    held = {
        name
        for name, data in before.items()
        if person in str(decode(data, keys, name)) or "Zyxw" in str(decode(data, keys, name))
    }
    assert held  # A's file of her creation, at least
    b.service.register.erase_professional(person)  # as the window does
    lines = [line for _ in range(3) for laptop in (b, a, c) for line in report_lines(laptop.sync())]
    assert not [line for line in lines if "remplacé" in line]
    after = folder_files(binome)
    changed = {name for name, data in before.items() if after[name] != data}
    assert changed == held
    assert contents(a) == contents(b) == contents(c)


def test_a_damaged_file_written_again_by_its_writer_is_not_reported_as_replaced(binome: Binome) -> None:
    """B applied A's file before it was damaged in the folder; A writes it again (new bytes, the
    same changes): B's next sync says nothing about it."""
    a = binome.first()
    b = binome.join("b")
    log_entry(a.service, DAY, 60)
    a.sync()
    b.sync()
    path = change_files(binome.folder)[a.sync_service.engine.replica][-1].path
    data = bytearray(path.read_bytes())
    data[-5] ^= 0x40
    path.write_bytes(bytes(data))
    assert a.sync().rewritten == 1
    assert path.read_bytes() != bytes(data)
    report = b.sync()
    assert report.replaced == []
    assert not [line for line in report_lines(report) if "remplacé" in line]
    assert contents(a) == contents(b)

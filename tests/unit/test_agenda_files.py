"""Agenda files that are not what they claim (cut short at any byte, another program's file,
a binary, another encoding, too big) and the ``import agenda`` command run for real."""

from __future__ import annotations

import sqlite3
import subprocess
from datetime import date
from pathlib import Path

import pytest

from ambassadeur_app.errors import ImportFileError
from ambassadeur_app.importers import agenda as importer
from ambassadeur_app.services import CarnetService
from tests.conftest import ambassador_id
from tests.unit.test_agenda import AGENDAS, PERIOD, one_event
from tests.unit.test_cli import run


def count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table} WHERE deleted_at IS NULL").fetchone()[0])


@pytest.mark.parametrize("name", ["outlook.ics", "thunderbird.ics", "google.ics"])
def test_a_file_cut_at_any_byte_is_refused_and_nothing_is_written(
    name: str, service: CarnetService, tmp_path: Path
) -> None:
    marie = ambassador_id(service, "Marie Durand")
    whole = (AGENDAS / name).read_bytes()
    cut = tmp_path / name
    refused = 0
    for size in range(len(whole.rstrip())):
        cut.write_bytes(whole[:size])
        with pytest.raises(ImportFileError) as caught:
            service.agenda.read(cut, marie, *PERIOD)
        assert f"« {name} »" in caught.value.message
        refused += 1
    assert refused == len(whole.rstrip())
    service.carnet.checkpoint()
    assert (count(service.path, "agenda_items"), count(service.path, "time_entries")) == (0, 0)
    # The whole file, even without its last line break, is read.
    cut.write_bytes(whole.rstrip())
    assert service.agenda.read(cut, marie, *PERIOD)


def test_a_cut_file_says_where_it_stops(tmp_path: Path) -> None:
    whole = (AGENDAS / "outlook.ics").read_text(encoding="utf-8")
    cut = tmp_path / "agenda.ics"
    cut.write_text(whole[: whole.index("SUMMARY;LANGUAGE=fr-fr:Visite")], encoding="utf-8")
    with pytest.raises(
        ImportFileError, match=r"avant la fin du bloc VEVENT ouvert à la ligne 106 \(fichier tronqué"
    ):
        importer.parse_agenda(cut, *PERIOD)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00", "est une archive ZIP ou un document Office"),
        (b"%PDF-1.7\n%\xe2\xe3", "est un document PDF"),
        (b"SQLite format 3\x00\x10\x00", "est une base SQLite"),
        (b"\x7fELF\x02\x01\x00\x00", "octets nuls, c'est un fichier binaire"),
        (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jeanne\r\nEND:VCARD\r\n", "c'est une fiche de contact"),
        (
            b"Date;Utilisateurs actifs\r\n01/10/2024;120\r\n",
            "sa première ligne n'est pas « BEGIN:VCALENDAR »",
        ),
        (b"", "est vide"),
        (b"\r\n\r\n", "est vide"),
        (
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nce n'est pas une ligne\r\n",
            "mal formé à la ligne 5",
        ),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n",
            "à la ligne 3 : « END:VCALENDAR » ne ferme",
        ),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "ligne 2 de « agenda.ics » n'a pas de date de début",
        ),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20241001T100000\r\nDTEND:20241001T090000\r\n"
            b"END:VEVENT\r\nEND:VCALENDAR\r\n",
            "se termine avant de commencer",
        ),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:2024XX01\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "ligne 2 de « agenda.ics » a une date ou une règle de répétition illisible",
        ),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20241001T100000\r\nRRULE:FREQ=MINUTELY\r\n"
            b"END:VEVENT\r\nEND:VCALENDAR\r\n",
            "toutes les heures, les minutes ou les secondes",
        ),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20241001T100000\r\n"
            b"RRULE:FREQ=DAILY;INTERVAL=0\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "ligne 2 de « agenda.ics » se répète avec un intervalle de 0 (INTERVAL)",
        ),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20241001T100000\r\nRRULE:FREQ=DAILY;"
            b"BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23;BYMINUTE=0,30\r\n"
            b"END:VEVENT\r\nEND:VCALENDAR\r\n",
            "ligne 2 de « agenda.ics » se répète 48 fois par jour",
        ),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:18000101T100000\r\n"
            b"RRULE:FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "se répète 8 fois par jour depuis le 01/01/1800 : trop de rendez-vous à parcourir",
        ),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20241001T100000\r\nDURATION:-PT1H\r\n"
            b"SUMMARY:Recul\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "ligne 2 de « agenda.ics » (« Recul ») se termine avant de commencer",
        ),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20241001T100000\r\n"
            b"DTSTART:20241002T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "ligne 2 de « agenda.ics » a deux fois la propriété DTSTART (lignes 4 et 5)",
        ),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20241001T100000\r\nEND:VEVENT\r\n"
            b"BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20241002T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "lignes 2 et 6 de « agenda.ics » ont le même identifiant (UID « a »)",
        ),
        (b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "un second calendrier"),
    ],
)
def test_what_is_not_an_agenda_gets_a_clear_message(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "agenda.ics"
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as caught:
        importer.parse_agenda(path, *PERIOD)
    assert "« agenda.ics »" in caught.value.message
    assert expected in caught.value.message


def test_a_folder_a_missing_file_and_a_huge_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ImportFileError, match="est un dossier"):
        importer.parse_agenda(tmp_path, *PERIOD)
    with pytest.raises(ImportFileError, match="n'existe pas"):
        importer.parse_agenda(tmp_path / "absent.ics", *PERIOD)
    monkeypatch.setattr(importer, "MAX_BYTES", 1000)
    with pytest.raises(ImportFileError, match=r"« outlook\.ics » dépasse 0 Mo"):
        importer.parse_agenda(AGENDAS / "outlook.ics", *PERIOD)


def test_windows_1252_and_utf16_exports_are_read(tmp_path: Path) -> None:
    latin = one_event(
        tmp_path / "latin.ics", "20241008T140000", "20241008T150000", "Réunion à Lunéville", "Salle n°2"
    )
    latin.write_bytes(latin.read_text(encoding="utf-8").encode("cp1252"))
    utf16 = tmp_path / "utf16.ics"
    utf16.write_bytes(latin.read_bytes().decode("cp1252").encode("utf-16"))
    for path in (latin, utf16):
        [event] = importer.parse_agenda(path, *PERIOD).events
        assert (event.summary, event.location, event.minutes) == ("Réunion à Lunéville", "Salle n°2", 60)


def test_too_many_occurrences_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "daily.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:d\r\nDTSTART:20240901T080000\r\nDTEND:20240901T090000\r\n"
        "RRULE:FREQ=DAILY;BYHOUR=8,9,10,11\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    assert len(importer.parse_agenda(path, date(2024, 9, 1), date(2024, 9, 30)).events) == 120
    monkeypatch.setattr(importer, "MAX_OCCURRENCES", 100)
    with pytest.raises(ImportFileError, match="plus de 100 rendez-vous du 01/09/2024 au 30/09/2024"):
        importer.parse_agenda(path, date(2024, 9, 1), date(2024, 9, 30))
    # Without end, from long ago: the occurrences are drawn one by one, the count stops them.
    path.write_text(path.read_text(encoding="utf-8").replace("20240901", "19900101"), encoding="utf-8")
    with pytest.raises(ImportFileError, match="plus de 100 rendez-vous du 01/01/2000 au 31/12/2099"):
        importer.parse_agenda(path, date(2000, 1, 1), date(2099, 12, 31))


def test_too_many_events_are_refused_before_reading_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "many.ics"
    event = "BEGIN:VEVENT\r\nUID:{0}\r\nDTSTART:20240901T080000\r\nEND:VEVENT\r\n"
    path.write_text(
        "BEGIN:VCALENDAR\r\n" + "".join(event.format(n) for n in range(11)) + "END:VCALENDAR\r\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(importer, "MAX_EVENTS", 10)
    with pytest.raises(
        ImportFileError, match="compte plus de 10 rendez-vous : ce n'est pas un agenda ordinaire"
    ):
        importer.parse_agenda(path, *PERIOD)
    # At the cap, the same file is read.
    monkeypatch.setattr(importer, "MAX_EVENTS", 11)
    assert len(importer.parse_agenda(path, date(2024, 9, 1), date(2024, 9, 1)).events) == 11


# --- the command --------------------------------------------------------------------------------


def import_agenda(carnet: Path, home: Path, path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return run("--carnet", carnet, "import", "agenda", path, *options, home=home)


def test_the_command_lists_then_saves_and_imports_nothing_twice(
    service: CarnetService, private_home: Path
) -> None:
    carnet = service.path
    service.close()
    listing = import_agenda(carnet, private_home, AGENDAS / "outlook.ics", "--ambassadeur", "marie durand")
    assert listing.returncode == 0, listing.stderr
    lines = listing.stdout.replace("\u202f", " ").replace("\u00a0", " ").splitlines()
    assert " ".join(lines[0].split()) == "Date Heure Durée État Suite Mission / activité — titre"
    assert any(line.startswith("15/10/2024  10:00  1 h 30    nouveau   à enregistrer") for line in lines)
    assert "            ↳ écarté : personnel (« Déjeuner »)" in lines
    assert lines[-1].startswith(
        "10 rendez-vous : 5 à enregistrer, 0 à retirer, 5 écartés, 0 bloqué. Rien n'a été enregistré"
    )
    assert count(carnet, "time_entries") == 0
    october = ("--ambassadeur", "Marie Durand", "--du", "01/10/2024", "--au", "31/10/2024", "--accepter-tout")
    saved = import_agenda(carnet, private_home, AGENDAS / "outlook.ics", *october)
    assert saved.returncode == 0, saved.stderr
    assert saved.stdout.splitlines()[-1] == (
        "4 entrées enregistrées (dont 0 mise à jour), 0 contact noté ; 4 écartés, 0 bloqué."
    )
    assert (count(carnet, "time_entries"), count(carnet, "agenda_items")) == (4, 8)
    again = import_agenda(carnet, private_home, AGENDAS / "outlook.ics", *october)
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == (
        "Aucun rendez-vous nouveau, modifié ou annulé dans « outlook.ics » du 01/10/2024 au 31/10/2024."
    )
    assert (count(carnet, "time_entries"), count(carnet, "agenda_items")) == (4, 8)


def test_the_command_fails_clearly(service: CarnetService, private_home: Path, tmp_path: Path) -> None:
    carnet = service.path
    service.close()
    broken = tmp_path / "cassé.ics"
    broken.write_bytes((AGENDAS / "google.ics").read_bytes()[:2000])
    done = import_agenda(carnet, private_home, broken, "--ambassadeur", "Marie Durand")
    assert done.returncode == 1
    assert done.stderr.startswith("erreur : Le fichier « cassé.ics » s'arrête avant la fin du bloc VEVENT")
    assert done.stdout == ""
    unknown = import_agenda(carnet, private_home, AGENDAS / "google.ics", "--ambassadeur", "Nobody")
    assert unknown.returncode == 1
    assert "Ambassadeur inconnu : « Nobody »" in unknown.stderr
    usage = import_agenda(carnet, private_home, AGENDAS / "google.ics")
    assert usage.returncode == 2
    assert "--ambassadeur" in usage.stderr
    assert count(carnet, "agenda_items") == 0

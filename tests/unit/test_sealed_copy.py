"""Encrypted copies off the laptop: round trip, wrong passphrase, damage of every kind, the CLI."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from ambassadeur_app import paths
from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import EntryFilter
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.services import CarnetService, open_service
from ambassadeur_app.services.outside_copy import (
    PASSPHRASE_ENV,
    RECORD_NAME,
    last_outside_copy,
    outside_copy_overdue,
    reminder_text,
    restore_sealed_copy,
    write_sealed_copy,
)
from ambassadeur_app.storage.sealed import (
    FORMAT_VERSION,
    HEADER_SIZE,
    KdfParams,
    SealedCopyError,
    WrongPassphrase,
    is_sealed,
    passphrase_problem,
    seal_file,
    unseal_file,
    verify_sealed,
)
from tests.conftest import TODAY, log_entry

PHRASE = "cheval agrafe batterie correcte"
FAST = KdfParams(log2_n=14, r=8, p=1)  # tests only: the app writes 2**17


def fingerprint(path: Path) -> tuple[int, str]:
    """Return the number of live entries and a checksum of every row of every table."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        tables = [
            row[0]
            for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ]
        for table in tables:
            digest.update(table.encode())
            for row in sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{table}"')):
                digest.update(row.encode())
        entries = conn.execute("SELECT count(*) FROM time_entries WHERE deleted_at IS NULL").fetchone()[0]
    finally:
        conn.close()
    return entries, digest.hexdigest()


@pytest.fixture
def filled(service: CarnetService) -> CarnetService:
    for day in range(2, 28):
        log_entry(service, date(2024, 9, day), 30 + day, description=f"Visite n° {day} — Lunéville")
    return service


@pytest.fixture
def sealed(filled: CarnetService, tmp_path: Path) -> Path:
    target = tmp_path / "cle" / "carnet.carnet-chiffre"
    target.parent.mkdir()
    write_sealed_copy(filled, target, PHRASE, params=FAST)
    return target


def test_round_trip_restores_the_same_carnet(filled: CarnetService, sealed: Path, carnet_path: Path) -> None:
    filled.close()
    before = fingerprint(carnet_path)
    assert before[0] == 26
    assert is_sealed(sealed)
    assert b"Lun\xc3\xa9ville" not in sealed.read_bytes()  # nothing readable on the key
    # The carnet changes after the copy; restoring brings back the copied state.
    with open_service(carnet_path, today=lambda: TODAY) as later:
        later.delete_entries(later.entry_ids(EntryFilter(month=Month(2024, 9)))[:5])
    assert fingerprint(carnet_path)[0] != 26
    kept = restore_sealed_copy(carnet_path, sealed, PHRASE, backup_root=paths.backup_root())
    assert kept is not None
    assert kept.exists()
    assert fingerprint(carnet_path) == before
    leftovers = [p for p in paths.backup_root().rglob("*") if ".part" in p.name]
    assert leftovers == []  # no plaintext left beside the backups


def test_the_date_of_the_copy_is_kept_beside_the_backups(filled: CarnetService, sealed: Path) -> None:
    folder = filled.carnet.backups.folder
    record = json.loads((folder / RECORD_NAME).read_text(encoding="utf-8"))
    assert record["day"] == TODAY.isoformat()
    last = last_outside_copy(folder)
    assert last is not None
    assert last.path == sealed
    assert not outside_copy_overdue(filled)
    assert "aujourd'hui" in reminder_text(filled)
    filled.today = lambda: TODAY + timedelta(days=40)
    assert outside_copy_overdue(filled)
    assert "il y a 40 jours" in reminder_text(filled)


def test_a_carnet_never_copied_is_overdue_a_month_after_the_start(service: CarnetService) -> None:
    assert "Aucune copie" in reminder_text(service)
    assert outside_copy_overdue(service)  # started 1 Sept, today 15 Nov
    service.today = lambda: date(2024, 9, 20)
    assert not outside_copy_overdue(service)


def _unchanged_after(carnet_path: Path, copy: Path, phrase: str) -> str:
    """Try to restore ``copy``; return the French message and check the carnet is untouched."""
    before = fingerprint(carnet_path)
    backups_before = sorted(paths.backup_root().rglob("*.ambassadeur"))
    with pytest.raises(SealedCopyError) as caught:
        restore_sealed_copy(carnet_path, copy, phrase, backup_root=paths.backup_root())
    assert fingerprint(carnet_path) == before
    assert sorted(paths.backup_root().rglob("*.ambassadeur")) == backups_before
    assert [p for p in paths.backup_root().rglob("*") if ".part" in p.name] == []
    message = str(caught.value)
    assert "Rien n'a été modifié" in message or "rien n'a été modifié" in message
    return message


def test_wrong_passphrase_changes_nothing(filled: CarnetService, sealed: Path, carnet_path: Path) -> None:
    filled.close()
    with pytest.raises(WrongPassphrase):
        verify_sealed(sealed, "cheval agrafe batterie correctE")
    message = _unchanged_after(carnet_path, sealed, "cheval agrafe batterie correctE")
    assert "phrase secrète ne correspond pas" in message


@pytest.fixture
def multi_chunk(tmp_path: Path) -> tuple[Path, bytes]:
    """A copy of 3 chunks and a half (4 KiB chunks), made directly with the format layer."""
    data = os.urandom(4096 * 3 + 1234)
    source = tmp_path / "source.bin"
    source.write_bytes(data)
    target = tmp_path / "source.carnet-chiffre"
    seal_file(source, target, PHRASE, params=FAST, chunk_size=4096)
    return target, data


def test_the_format_layer_round_trips_and_detects_every_cut(
    multi_chunk: tuple[Path, bytes], tmp_path: Path
) -> None:
    copy, data = multi_chunk
    out = tmp_path / "out.bin"
    unseal_file(copy, PHRASE, out)
    assert out.read_bytes() == data
    whole = copy.read_bytes()
    stride = 4096 + 16
    cuts = [0, 4, 20, HEADER_SIZE - 1, HEADER_SIZE, HEADER_SIZE + 100, HEADER_SIZE + stride]
    cuts += [HEADER_SIZE + 2 * stride, HEADER_SIZE + 3 * stride, len(whole) - 1]
    for cut in cuts:
        copy.write_bytes(whole[:cut])
        out.unlink(missing_ok=True)
        with pytest.raises(SealedCopyError):
            unseal_file(copy, PHRASE, out)
        assert not out.exists(), cut


def test_reordered_repeated_or_extra_chunks_are_refused(
    multi_chunk: tuple[Path, bytes], tmp_path: Path
) -> None:
    copy, _ = multi_chunk
    whole = copy.read_bytes()
    header, body = whole[:HEADER_SIZE], whole[HEADER_SIZE:]
    stride = 4096 + 16
    chunks = [body[i : i + stride] for i in range(0, len(body), stride)]
    out = tmp_path / "out.bin"
    for variant in (
        [chunks[1], chunks[0], *chunks[2:]],  # swapped
        [chunks[0], chunks[0], *chunks[1:]],  # repeated
        [*chunks[:-1]],  # last chunk dropped: the copy ends on a full, non-final chunk
        [*chunks, b"\x00" * 32],  # bytes appended
    ):
        copy.write_bytes(header + b"".join(variant))
        with pytest.raises(SealedCopyError, match="endommagée"):
            unseal_file(copy, PHRASE, out)
        assert not out.exists()


def test_a_copy_from_another_passphrase_header_is_refused(
    multi_chunk: tuple[Path, bytes], tmp_path: Path
) -> None:
    """The header of one copy spliced onto another copy's body opens nothing."""
    copy, _ = multi_chunk
    other = tmp_path / "other.carnet-chiffre"
    source = tmp_path / "source.bin"
    seal_file(source, other, PHRASE, params=FAST, chunk_size=4096)
    copy.write_bytes(other.read_bytes()[:HEADER_SIZE] + copy.read_bytes()[HEADER_SIZE:])
    with pytest.raises(SealedCopyError, match="endommagée"):
        unseal_file(copy, PHRASE, tmp_path / "out.bin")


def test_one_flipped_byte_anywhere_changes_nothing(
    filled: CarnetService, sealed: Path, carnet_path: Path
) -> None:
    filled.close()
    whole = sealed.read_bytes()
    positions = {
        HEADER_SIZE + 10: "endommagée",  # first chunk
        len(whole) // 2: "endommagée",  # middle of the body
        len(whole) - 1: "endommagée",  # last tag byte
        0: "n'est pas une copie chiffrée",  # magic
        8: "version plus récente",  # format version 2 -> 3
        10: "phrase secrète ne correspond pas",  # scrypt cost 2**17 -> 2**16: another key
        20: "phrase secrète ne correspond pas",  # salt
        38: "phrase secrète ne correspond pas",  # chunk size
        HEADER_SIZE - 1: "phrase secrète ne correspond pas",  # header MAC
    }
    for position, expected in positions.items():
        damaged = bytearray(whole)
        damaged[position] ^= 0x01
        sealed.write_bytes(bytes(damaged))
        assert expected in _unchanged_after(carnet_path, sealed, PHRASE), position


def test_a_newer_format_is_named(filled: CarnetService, sealed: Path, carnet_path: Path) -> None:
    filled.close()
    damaged = bytearray(sealed.read_bytes())
    damaged[8] = FORMAT_VERSION + 1
    sealed.write_bytes(bytes(damaged))
    assert "version plus récente" in _unchanged_after(carnet_path, sealed, PHRASE)


def test_a_forged_cost_is_refused_before_any_work(
    filled: CarnetService, sealed: Path, carnet_path: Path
) -> None:
    filled.close()
    damaged = bytearray(sealed.read_bytes())
    damaged[10] = 40  # 2**40 scrypt blocks: would need terabytes
    sealed.write_bytes(bytes(damaged))
    assert "en-tête est illisible" in _unchanged_after(carnet_path, sealed, PHRASE)


def test_a_sealed_file_that_is_not_a_carnet_is_refused(
    carnet_path: Path, service: CarnetService, tmp_path: Path
) -> None:
    service.close()
    junk = tmp_path / "notes.txt"
    junk.write_text("pas un carnet", encoding="utf-8")
    copy = tmp_path / "notes.carnet-chiffre"
    seal_file(junk, copy, PHRASE, params=FAST)
    before = fingerprint(carnet_path)
    with pytest.raises(Exception, match="ne peut pas être restaurée") as caught:
        restore_sealed_copy(carnet_path, copy, PHRASE, backup_root=paths.backup_root())
    assert str(copy) in str(caught.value)
    assert ".part" not in str(caught.value)
    assert fingerprint(carnet_path) == before


def test_weak_passphrases_are_refused_in_french(filled: CarnetService, tmp_path: Path) -> None:
    assert passphrase_problem("court") is not None
    assert "au moins 10 caractères" in (passphrase_problem("abcabcabc") or "")
    assert "répétitive" in (passphrase_problem("aaaaaaaaaaaa") or "")
    assert passphrase_problem(PHRASE) is None
    with pytest.raises(InvalidInput, match="au moins 10"):
        write_sealed_copy(filled, tmp_path / "x.carnet-chiffre", "secret", params=FAST)
    assert not (tmp_path / "x.carnet-chiffre").exists()
    assert list(tmp_path.glob("*.part")) == []


def test_accents_typed_in_another_normal_form_open_the_copy(tmp_path: Path) -> None:
    source = tmp_path / "a.bin"
    source.write_bytes(b"contenu")
    copy = tmp_path / "a.carnet-chiffre"
    seal_file(source, copy, "forêt élégante à Nancy", params=FAST)  # composed (NFC)
    verify_sealed(copy, "fore\u0302t e\u0301le\u0301gante a\u0300 Nancy")  # decomposed, as macOS types


def test_cancelled_copy_leaves_nothing(filled: CarnetService, tmp_path: Path) -> None:
    target = tmp_path / "annulee.carnet-chiffre"
    with pytest.raises(Exception, match="annulée"):
        write_sealed_copy(filled, target, PHRASE, params=FAST, cancelled=lambda: True)
    assert not target.exists()
    assert [p for p in tmp_path.rglob("*") if ".part" in p.name] == []
    assert last_outside_copy(filled.carnet.backups.folder) is None


# --- the command line --------------------------------------------------------------------------


def run(
    *args: str | Path, home: Path, phrase: str | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != PASSPHRASE_ENV}
    env["AMBASSADEUR_HOME"] = str(home)
    if phrase is not None:
        env[PASSPHRASE_ENV] = phrase
    return subprocess.run(
        [sys.executable, "-m", "ambassadeur_app", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        check=False,
        timeout=120,
        start_new_session=True,  # no controlling terminal: getpass reads standard input
    )


def test_cli_backup_and_restore_with_the_environment(
    filled: CarnetService, carnet_path: Path, tmp_path: Path
) -> None:
    filled.close()
    home = Path(os.environ["AMBASSADEUR_HOME"])
    before = fingerprint(carnet_path)
    copy = tmp_path / "cle.carnet-chiffre"
    done = run("--carnet", carnet_path, "backup", "--chiffrer", "--sortie", copy, home=home, phrase=PHRASE)
    assert done.returncode == 0, done.stderr
    assert "Copie chiffrée écrite" in done.stdout
    assert is_sealed(copy)
    wrong = run("--carnet", carnet_path, "restore", copy, home=home, phrase="une autre phrase secrète")
    assert wrong.returncode == 1
    assert wrong.stderr.startswith("erreur : La phrase secrète ne correspond pas")
    assert fingerprint(carnet_path) == before
    restored = run("--carnet", carnet_path, "restore", copy, home=home, phrase=PHRASE)
    assert restored.returncode == 0, restored.stderr
    assert fingerprint(carnet_path) == before
    key = tmp_path / "cle-usb"
    key.mkdir()
    into_folder = run(
        "--carnet", carnet_path, "backup", "--chiffrer", "--sortie", key, home=home, phrase=PHRASE
    )
    assert into_folder.returncode == 0, into_folder.stderr
    [written] = key.iterdir()
    assert written.name.startswith("carnet-copie-")
    assert written.name.endswith(".carnet-chiffre")


def test_cli_plain_backup_reminds_of_the_encrypted_copy(
    service: CarnetService, carnet_path: Path, tmp_path: Path
) -> None:
    service.close()
    home = Path(os.environ["AMBASSADEUR_HOME"])
    plain = run("--carnet", carnet_path, "backup", "--sortie", tmp_path / "copie.ambassadeur", home=home)
    assert plain.returncode == 0, plain.stderr
    # The test carnet started on 1 September 2024 and was never copied off the laptop.
    assert "Rappel : Aucune copie chiffrée" in plain.stdout
    assert "backup --chiffrer" in plain.stdout


def test_cli_asks_the_passphrase_twice(filled: CarnetService, carnet_path: Path, tmp_path: Path) -> None:
    filled.close()
    home = Path(os.environ["AMBASSADEUR_HOME"])
    copy = tmp_path / "cle.carnet-chiffre"
    differ = run(
        "--carnet",
        carnet_path,
        "backup",
        "--chiffrer",
        "--sortie",
        copy,
        home=home,
        stdin=f"{PHRASE}\nautre chose ici\n",
    )
    assert differ.returncode == 1
    assert "diffèrent" in differ.stderr
    assert not copy.exists()
    weak = run(
        "--carnet", carnet_path, "backup", "--chiffrer", "--sortie", copy, home=home, stdin="court\ncourt\n"
    )
    assert weak.returncode == 1
    assert "au moins 10 caractères" in weak.stderr
    done = run(
        "--carnet",
        carnet_path,
        "backup",
        "--chiffrer",
        "--sortie",
        copy,
        home=home,
        stdin=f"{PHRASE}\n{PHRASE}\n",
    )
    assert done.returncode == 0, done.stderr
    restored = run("--carnet", carnet_path, "restore", copy, home=home, stdin=f"{PHRASE}\n")
    assert restored.returncode == 0, restored.stderr
    assert "Carnet restauré" in restored.stdout


def test_a_carnet_named_with_a_hash_is_restored(tmp_path: Path) -> None:
    """The decrypted file is checked through an SQLite URI: its folder must not hold "#" or "?"."""
    carnet = tmp_path / "CPTS #2 ?.ambassadeur"
    with open_service(carnet, create=True, today=lambda: TODAY) as svc:
        copy = tmp_path / "copie.carnet-chiffre"
        write_sealed_copy(svc, copy, PHRASE, params=FAST)
    restore_sealed_copy(carnet, copy, PHRASE, backup_root=paths.backup_root())
    with open_service(carnet, today=lambda: TODAY) as reopened:
        assert reopened.path == carnet

"""The integrity check tells a damaged carnet from one it could not read to the end: a file
another program holds, a full disk, a read error say so, offer no restore and leave the carnet
as it was; only a damaged file is called « endommagé »."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest

import ambassadeur_app.storage.backup as backup
import ambassadeur_app.storage.db as db
from ambassadeur_app.errors import CarnetDamaged, CarnetError
from ambassadeur_app.storage.backup import check_file, quick_check, sqlite_uri
from tests.failing_storage import fill_up, small_disk, sqlite_error
from tests.unit.test_file_diagnosis import damage_a_page_keeping_size_and_time
from tests.unit.test_storage import fill, open_


def make(path: Path, tmp_path: Path, count: int = 3) -> str:
    """Write a closed carnet of ``count`` entries; return the digest of its bytes."""
    with open_(path, tmp_path, create=True) as carnet:
        fill(carnet, count)
    return digest(path)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def beside(path: Path) -> list[str]:
    """What lies beside the carnet, but its journal and lock (a file set aside would show)."""
    return sorted(p.name for p in path.parent.iterdir() if not p.name.endswith(("-wal", "-shm", ".lock")))


@pytest.fixture
def held(tmp_path: Path) -> Iterator[Path]:
    """A closed carnet that another program holds under an exclusive lock (no one may read it)."""
    path = tmp_path / "c.ambassadeur"
    make(path, tmp_path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    yield path
    holder.close()


def assert_not_called_damage(message: str, path: Path, reason: str, advice: str) -> None:
    assert message.startswith(f"Le carnet « {path} » n'a pas pu être vérifié : {reason}. "), message
    assert "il n'a pas été modifié" in message
    assert advice in message
    assert message.endswith("puis réessayez.")
    assert "endommagé" not in message
    assert "restaur" not in message
    assert "sauvegarde saine" not in message


BUSY = "le fichier est occupé par un autre programme"
BUSY_ADVICE = "Attendez que cet autre programme ait fini"


def test_a_carnet_held_by_another_program_is_said_busy_and_never_set_aside(
    held: Path, tmp_path: Path
) -> None:
    """Restoring over a carnet that could not be read must not take it for damaged and move it
    aside as « .endommage-… »: it is refused, the carnet stays where and as it was."""
    sound = tmp_path / "sauvegarde.ambassadeur"
    make(sound, tmp_path, count=1)
    before, around = digest(held), beside(held)
    conn = sqlite3.connect(sqlite_uri(held, "mode=ro"), uri=True, timeout=0)
    try:
        with pytest.raises(CarnetError) as raised:
            quick_check(conn)
    finally:
        conn.close()
    assert not isinstance(raised.value, CarnetDamaged)
    assert_not_called_damage(raised.value.message, held, BUSY, BUSY_ADVICE)
    with pytest.raises(CarnetError) as raised:  # check_file, after waiting for the file
        db.restore_carnet(held, sound, backup_root=tmp_path / "backups")
    assert not isinstance(raised.value, CarnetDamaged)
    assert_not_called_damage(raised.value.message, held, BUSY, BUSY_ADVICE)
    assert (digest(held), beside(held)) == (before, around)


def test_once_the_other_program_lets_go_the_carnet_is_sound(tmp_path: Path) -> None:
    path = tmp_path / "c.ambassadeur"
    make(path, tmp_path, count=4)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    conn = sqlite3.connect(sqlite_uri(path, "mode=ro"), uri=True, timeout=0)
    with pytest.raises(CarnetError):
        quick_check(conn)
    holder.close()
    try:
        assert quick_check(conn) == "ok"
    finally:
        conn.close()
    assert check_file(path) is None
    with open_(path, tmp_path) as carnet:
        assert carnet.entries.count() == 4


class Failing:
    """A reading connection whose integrity check meets ``error`` (the disk fails under it)."""

    def __init__(self, conn: sqlite3.Connection, error: sqlite3.Error) -> None:
        self.conn, self.error = conn, error

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql == "PRAGMA quick_check":
            raise self.error
        return self.conn.execute(sql, *args)

    def close(self) -> None:
        self.conn.close()

    def interrupt(self) -> None:
        self.conn.interrupt()


FAILURES = [
    ("SQLITE_IOERR_READ", "disk I/O error", "erreur de lecture ou d'écriture sur le disque", "bien branché"),
    ("SQLITE_IOERR_SHMSIZE", "disk I/O error", "le disque est plein", "Libérez de la place"),
    ("SQLITE_FULL", "database or disk is full", "le disque est plein", "Libérez de la place"),
    ("SQLITE_BUSY", "database is locked", BUSY, BUSY_ADVICE),
    (
        "SQLITE_CANTOPEN",
        "unable to open database file",
        "le fichier, ou son journal (« -wal », « -shm ») à côté de lui, ne peut pas être ouvert "
        "(droits d'accès, dossier protégé)",
        "bien branché",
    ),
]


@pytest.mark.parametrize(("name", "text", "reason", "advice"), FAILURES)
def test_a_read_failure_during_the_check_is_said_as_such_on_every_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str, reason: str, advice: str
) -> None:
    path = tmp_path / "c.ambassadeur"
    before = make(path, tmp_path, count=2)
    seal = tmp_path / "backups"
    for sealed in seal.rglob(db.SEAL_NAME):
        sealed.unlink()  # the day's first opening: the check is due
    around = beside(path)

    def failing(where: Path) -> Failing:
        return Failing(sqlite3.connect(sqlite_uri(where, "mode=ro"), uri=True), sqlite_error(name, text))

    def refused(where: Path) -> sqlite3.Connection:
        raise sqlite_error(name, text)

    # The CLI's « check », a restore, an erasure of backups: check_file.
    monkeypatch.setattr(backup, "read_only_connection", failing)
    with pytest.raises(CarnetError) as raised:
        check_file(path)
    assert not isinstance(raised.value, CarnetDamaged)
    assert_not_called_damage(raised.value.message, path, reason, advice)
    # The window's check in the background, left out at opening: failing as it reads, or
    # refused its reading connection.
    for broken in (failing, refused):
        monkeypatch.setattr(db, "read_only_connection", broken)
        carnet = open_(path, tmp_path, integrity_check=False)
        try:
            assert carnet.unchecked
            with pytest.raises(CarnetError) as raised:
                carnet.check_integrity()
            assert not isinstance(raised.value, CarnetDamaged)
            assert_not_called_damage(raised.value.message, path, reason, advice)
            assert carnet.unchecked  # not known sound: checked again at the next opening
        finally:
            carnet.close()
    # The check at opening (the CLI): the opening is refused, nothing is written.
    assert not list(seal.rglob(db.SEAL_NAME))

    def failing_check(conn: sqlite3.Connection) -> str:
        return quick_check(cast(sqlite3.Connection, Failing(conn, sqlite_error(name, text))))

    monkeypatch.setattr(db, "quick_check", failing_check)
    with pytest.raises(CarnetError) as raised:
        open_(path, tmp_path)
    assert not isinstance(raised.value, CarnetDamaged)
    assert_not_called_damage(raised.value.message, path, reason, advice)
    monkeypatch.undo()
    assert (digest(path), beside(path)) == (before, around)
    with open_(path, tmp_path) as reopened:  # the lock was let go
        assert reopened.entries.count() == 2


@pytest.mark.parametrize(
    ("name", "text"),
    [("SQLITE_NOTADB", "file is not a database"), ("SQLITE_CORRUPT", "database disk image is malformed")],
)
def test_a_check_refused_its_connection_for_damage_calls_it_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str
) -> None:
    path = tmp_path / "c.ambassadeur"
    make(path, tmp_path, count=2)

    def refused(where: Path) -> sqlite3.Connection:
        raise sqlite3.DatabaseError(text) if name == "SQLITE_CORRUPT" else sqlite_error(name, text)

    monkeypatch.setattr(db, "read_only_connection", refused)
    carnet = open_(path, tmp_path, integrity_check=False)
    try:
        carnet.unchecked = True
        with pytest.raises(CarnetDamaged, match=f"est endommagé \\({text}\\)"):
            carnet.check_integrity()
        assert carnet.unchecked
    finally:
        carnet.close()


def test_a_really_full_disk_during_the_check_is_not_called_damage(tmp_path: Path) -> None:
    """The carnet on a small disk filled to the last byte: reading it needs its shared-memory
    file beside it, which cannot be made."""
    with small_disk(tmp_path) as disk:
        path = disk / "c.ambassadeur"
        before = make(path, tmp_path, count=5)
        for side in ("-wal", "-shm"):
            Path(f"{path}{side}").unlink(missing_ok=True)
        filler = fill_up(disk)
        with pytest.raises(CarnetError) as raised:
            check_file(path)
        assert_not_called_damage(raised.value.message, path, "le disque est plein", "Libérez de la place")
        assert digest(path) == before
        filler.unlink()
        assert check_file(path) is None


def test_an_unreadable_file_is_said_unreadable(tmp_path: Path) -> None:
    folder = tmp_path / "dossier"
    folder.mkdir()
    with pytest.raises(CarnetError) as raised:
        check_file(folder)  # a folder where the carnet was expected
    assert_not_called_damage(raised.value.message, folder, "c'est un dossier, pas un fichier", "bien branché")


def test_a_truly_damaged_file_is_still_called_damaged(tmp_path: Path, private_home: Path) -> None:
    path = tmp_path / "c.ambassadeur"
    make(path, tmp_path, count=60)
    damage_a_page_keeping_size_and_time(path)
    problem = check_file(path)
    assert problem is not None
    assert problem.startswith("fichier endommagé (")
    conn = sqlite3.connect(sqlite_uri(path, "mode=ro"), uri=True)
    try:
        assert quick_check(conn) != "ok"
    finally:
        conn.close()
    with pytest.raises(CarnetDamaged, match="est endommagé"):
        open_(path, tmp_path)
    # Not an SQLite file at all: said so, not raised.
    other = tmp_path / "autre.ambassadeur"
    other.write_bytes(b"PK\x03\x04" + bytes(100))
    assert check_file(other) == "ce n'est pas un fichier de carnet (SQLite)"

"""The storage layer under trouble: a full disk or a refused file at opening is not called
damage, a foreign file put in place of a sealed carnet is refused, the app's own connections
waiting for one another are not blamed on another program, and the migrations' bookkeeping is
created whole or not at all."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

import ambassadeur_app.storage.db as db
from ambassadeur_app.errors import CarnetDamaged, CarnetError
from ambassadeur_app.storage.migrations import KEY, migrations
from tests.failing_storage import fill_up, small_disk, sqlite_error
from tests.unit.test_storage import fill, open_


@pytest.mark.parametrize(
    ("name", "text", "reason"),
    [
        ("SQLITE_FULL", "database or disk is full", "le disque est plein"),
        ("SQLITE_IOERR_SHMSIZE", "disk I/O error", "le disque est plein"),
        ("SQLITE_BUSY", "database is locked", "le fichier est occupé par un autre programme"),
        ("SQLITE_READONLY", "attempt to write a readonly database", "le fichier ou son dossier"),
        ("SQLITE_CANTOPEN", "unable to open database file", "le fichier, ou son journal"),
    ],
)
def test_a_refused_opening_says_why_and_offers_no_restore(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str, reason: str
) -> None:
    path = tmp_path / "c.ambassadeur"
    with open_(path, tmp_path, create=True) as carnet:
        fill(carnet, 2)
    (tmp_path / "backups").mkdir(exist_ok=True)

    def refused(conn: sqlite3.Connection) -> list[str]:
        raise sqlite_error(name, text)

    monkeypatch.setattr(migrations, "pending", refused)
    with pytest.raises(CarnetError) as raised:
        open_(path, tmp_path)
    assert not isinstance(raised.value, CarnetDamaged)
    assert raised.value.message.startswith(f"Le carnet « {path} » n'a pas pu être ouvert : {reason}")
    assert raised.value.message.endswith(". Il n'a pas été modifié.")
    assert "endommagé" not in raised.value.message
    assert "restaurer" not in raised.value.message
    monkeypatch.undo()
    with open_(path, tmp_path) as carnet:  # the lock was let go, the file is as it was
        assert carnet.entries.count() == 2


def test_a_damaged_file_met_at_opening_is_still_called_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "c.ambassadeur"
    with open_(path, tmp_path, create=True) as carnet:
        fill(carnet, 1)

    def malformed(conn: sqlite3.Connection) -> list[str]:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(migrations, "pending", malformed)
    with pytest.raises(CarnetDamaged, match="est endommagé"):
        open_(path, tmp_path)


def test_a_really_full_disk_at_opening_is_not_called_damage(tmp_path: Path) -> None:
    """The carnet on a small disk filled to the last byte: SQLite cannot even make its shared
    memory file beside it (``disk I/O error``)."""
    with small_disk(tmp_path) as disk:
        path = disk / "c.ambassadeur"
        with open_(path, tmp_path, create=True) as carnet:
            fill(carnet, 5)
        for side in ("-wal", "-shm"):
            Path(f"{path}{side}").unlink(missing_ok=True)
        filler = fill_up(disk)
        with pytest.raises(CarnetError) as raised:
            open_(path, tmp_path)
        assert not isinstance(raised.value, CarnetDamaged)
        assert "n'a pas pu être ouvert : le disque est plein" in raised.value.message
        filler.unlink()
        with open_(path, tmp_path) as carnet:
            assert carnet.entries.count() == 5


def test_a_foreign_file_put_in_place_of_a_sealed_carnet_keeping_its_size_and_time_is_refused(
    tmp_path: Path,
) -> None:
    path = tmp_path / "c.ambassadeur"
    with open_(path, tmp_path, create=True) as carnet:
        fill(carnet, 3)
    with open_(path, tmp_path):
        pass  # closed cleanly today: sealed
    sealed = path.stat()
    foreign = tmp_path / "compta.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE compta (id INTEGER PRIMARY KEY, montant INTEGER)")
    conn.execute("INSERT INTO compta (montant) VALUES (42)")
    conn.commit()
    conn.close()
    with open(foreign, "r+b") as handle:  # a copy tool keeping the size and the times
        handle.truncate(sealed.st_size)
    os.replace(foreign, path)
    os.utime(path, ns=(sealed.st_atime_ns, sealed.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (sealed.st_size, sealed.st_mtime_ns)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(CarnetError, match="autre programme"):
        open_(path, tmp_path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not Path(f"{path}-wal").exists()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    assert [row[0] for row in conn.execute("SELECT name FROM sqlite_master")] == ["compta"]
    conn.close()


def test_the_app_waiting_for_its_own_change_does_not_blame_another_program(tmp_path: Path) -> None:
    path = tmp_path / "c.ambassadeur"
    with open_(path, tmp_path, create=True) as carnet:
        fill(carnet, 1)
        copy = carnet.thread_copy()  # the sync's connection
        try:
            # A worker thread's connection waits long for the file (a long import).
            assert copy.db.execute("PRAGMA busy_timeout").fetchone()[0] == db.BACKGROUND_BUSY_TIMEOUT_MS
            carnet.db.execute("PRAGMA busy_timeout = 0")
            with copy.write(backup=False):
                copy.db.execute("UPDATE ambassadors SET updated_at = 'sync'")
                with pytest.raises(CarnetError) as raised:
                    fill(carnet, 1)
                assert "l'application y enregistrait déjà autre chose" in raised.value.message
                assert "autre programme" not in raised.value.message
            assert carnet.entries.count() == 1
            # Another program holding the file is named as such.
            other = sqlite3.connect(path, isolation_level=None)
            other.execute("BEGIN IMMEDIATE")
            try:
                with pytest.raises(CarnetError, match="occupé par un autre programme"):
                    fill(carnet, 1)
            finally:
                other.execute("ROLLBACK")
                other.close()
            fill(carnet, 1)
            assert carnet.entries.count() == 2
        finally:
            copy.db.close()


def test_a_change_that_reads_first_holds_the_file_from_its_start(tmp_path: Path) -> None:
    """A change that reads first takes the file for writing at once: the app's other connection
    cannot commit between its reading and its writing, which would make its writing fail."""
    path = tmp_path / "c.ambassadeur"
    with open_(path, tmp_path, create=True) as carnet:
        fill(carnet, 1)
        copy = carnet.thread_copy()
        try:
            copy.db.execute("PRAGMA busy_timeout = 0")
            with carnet.write(backup=False):
                assert carnet.entries.count() == 1  # read only, so far
                with (
                    pytest.raises(CarnetError, match="l'application y enregistrait"),
                    copy.write(backup=False),
                ):
                    copy.db.execute("UPDATE ambassadors SET updated_at = 'sync'")
                carnet.db.execute("UPDATE ambassadors SET updated_at = 'main'")
            assert copy.db.execute("SELECT updated_at FROM ambassadors").fetchone()[0] == "main"
        finally:
            copy.db.close()


def assert_bookkeeping_whole(path: Path, tmp_path: Path) -> None:
    """Opening (and migrating) ``path`` leaves the table of applied steps with its unique index."""
    with open_(path, tmp_path, create=True) as carnet:
        indexes = carnet.db.table("_sqlite_migrations").indexes
        assert [index.columns for index in indexes if index.unique] == [KEY]
        assert migrations.pending(carnet.db.conn) == []


def test_the_migrations_bookkeeping_is_created_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlite_utils.db import Table

    path = tmp_path / "c.ambassadeur"

    def killed(self: Table, *args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt  # the process stopped between the table and its index

    monkeypatch.setattr(Table, "create_index", killed)
    with pytest.raises(KeyboardInterrupt):
        open_(path, tmp_path, create=True)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = '_sqlite_migrations'").fetchall() == []
    conn.close()
    monkeypatch.undo()
    assert_bookkeeping_whole(path, tmp_path)


def test_a_bookkeeping_table_left_without_its_index_gets_it_at_the_next_migration(tmp_path: Path) -> None:
    path = tmp_path / "c.ambassadeur"
    with open_(path, tmp_path, create=True):
        pass
    conn = sqlite3.connect(path)
    with conn:
        (index,) = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = '_sqlite_migrations'"
        ).fetchone()
        conn.execute(f"DROP INDEX [{index}]")  # as an earlier version stopped between the two left it
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [migrations.steps[-1].__name__])
    conn.close()
    assert_bookkeeping_whole(path, tmp_path)

"""sqlite-utils (~30 ms to import) is imported to migrate a carnet, not to open an up-to-date one
and read or write it: the CLI's exports and the window's first figures go without it.

Each check runs in a fresh interpreter, whose ``sys.modules`` tells what was imported.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import Ambassador, EntryFilter, Role
from ambassadeur_app.services import open_service
from ambassadeur_app.storage.backup import BackupKind
from ambassadeur_app.storage.connection import Db
from ambassadeur_app.storage.db import open_carnet
from ambassadeur_app.storage.migrations import migrations
from tests.conftest import PROGRAMME, TODAY, ambassador_id

NOVEMBER = Month(2024, 11)

SESSION = """
import sys
from datetime import date
from pathlib import Path

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import EntryFilter, Mission, TimeEntry
from ambassadeur_app.services import open_service

path, out = Path(sys.argv[1]), Path(sys.argv[2])
service = open_service(path, today=lambda: date(2024, 11, 15))
marie = next(a.id for a in service.ambassadors() if a.name == "Marie Durand")
first = service.add_entry(TimeEntry(date(2024, 11, 4), marie, Mission.PROMOTION, "Appel", 45)).entry_id
service.add_entry(TimeEntry(date(2024, 11, 5), marie, Mission.FORMATION, "Session de formation", 90))
service.delete_entries([first])
service.restore_entries([first])
november = Month(2024, 11)
ids = service.entry_ids(EntryFilter(november))
print(sum(entry.minutes for entry in service.entries(ids).values()))
print(service.month_summary(november).total_minutes)
service.close()

from ambassadeur_app.__main__ import run

sys.argv = ["ambassadeur", "--carnet", str(path), "export", "releve", "--mois", "2024-11",
            "--format", "xlsx", "--sortie", str(out)]
assert run() == 0
print(sorted(name for name in sys.modules if name.split(".")[0] == "sqlite_utils"))
"""


def run_session(path: Path, out: Path, home: Path) -> list[str]:
    env = {**os.environ, "AMBASSADEUR_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-c", SESSION, str(path), str(out)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


@pytest.fixture
def carnet(carnet_path: Path) -> Path:
    """A set-up carnet, closed: up to date with every schema step."""
    service = open_service(carnet_path, create=True, today=lambda: TODAY)
    service.setup(PROGRAMME, [Ambassador("", "Marie Durand", Role.MEDICAL)])
    service.close()
    return carnet_path


def test_saving_reading_and_exporting_entries_does_not_import_sqlite_utils(
    carnet: Path, tmp_path: Path, private_home: Path
) -> None:
    out = tmp_path / "releve.xlsx"
    entries, summary, written, loaded = run_session(carnet, out, private_home)
    assert loaded == "[]"
    assert (entries, summary) == ("135", "135")
    assert written == f"Relevé d'heures de novembre 2024 écrit : {out}"
    assert out.stat().st_size > 0
    service = open_service(carnet, today=lambda: TODAY)  # what the session wrote is in the file
    try:
        ids = service.entry_ids(EntryFilter(NOVEMBER))
        entries = sorted(service.entries(ids).values(), key=lambda entry: entry.day)
        assert [(e.day, e.minutes, e.activity) for e in entries] == [
            (date(2024, 11, 4), 45, "Appel"),
            (date(2024, 11, 5), 90, "Session de formation"),
        ]
        assert entries[0].ambassador_id == ambassador_id(service, "Marie Durand")
    finally:
        service.close()


def test_an_older_carnet_is_still_migrated(carnet: Path, tmp_path: Path, private_home: Path) -> None:
    """A carnet made before a step is brought up to date by sqlite-utils' migrations (and saved
    first), then read and written as any other."""
    with sqlite3.connect(carnet) as conn:
        conn.execute("DROP INDEX time_entries_mission_created")
        conn.execute("DROP INDEX time_entries_place")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm006_index_entry_suggestions'")
    conn.close()
    entries, summary, _, loaded = run_session(carnet, tmp_path / "releve.xlsx", private_home)
    assert "sqlite_utils.migrations" in loaded
    assert (entries, summary) == ("135", "135")
    conn = sqlite3.connect(carnet)
    try:
        indexes = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"time_entries_mission_created", "time_entries_place"} <= indexes
        assert migrations.pending(conn) == []
    finally:
        conn.close()
    service = open_service(carnet, today=lambda: TODAY)
    try:
        assert [b.kind for b in service.backups()].count(BackupKind.BEFORE_MIGRATION) == 1
    finally:
        service.close()


def test_pending_steps_are_read_from_the_file(tmp_path: Path) -> None:
    path = tmp_path / "c.ambassadeur"
    conn = sqlite3.connect(path)
    try:
        assert migrations.pending(conn) == [step.__name__ for step in migrations.steps]  # every step
    finally:
        conn.close()
    open_carnet(path, device_id="d", backup_root=tmp_path / "sauvegardes", create=True).close()
    conn = sqlite3.connect(path)
    try:
        assert migrations.pending(conn) == []
    finally:
        conn.close()


def insert_all(db: Db, values: list[int]) -> None:
    """Insert each value in a transaction of its own inside the caller's."""
    for value in values:
        with db.atomic():
            db.execute("INSERT INTO t VALUES (?)", [value])


def test_a_change_is_all_or_nothing(tmp_path: Path) -> None:
    db = Db(sqlite3.connect(tmp_path / "c.sqlite"))
    try:
        db.execute("CREATE TABLE t (x INTEGER UNIQUE)")
        db.execute("INSERT INTO t VALUES (1)")  # outside a transaction: saved at once
        with pytest.raises(sqlite3.IntegrityError), db.atomic():
            insert_all(db, [2, 3, 1])
        assert [row["x"] for row in db.query("SELECT x FROM t ORDER BY x")] == [1]
        with db.atomic():
            with pytest.raises(sqlite3.IntegrityError), db.atomic():  # a savepoint: undone alone
                insert_all(db, [2, 3, 1])
            insert_all(db, [4])
        assert not db.conn.in_transaction
    finally:
        db.close()
    other = sqlite3.connect(tmp_path / "c.sqlite")  # what another connection sees: committed
    try:
        assert [x for (x,) in other.execute("SELECT x FROM t ORDER BY x")] == [1, 4]
    finally:
        other.close()

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from ambassadeur_app.domain.model import Ambassador, Mission, Role, TimeEntry
from ambassadeur_app.errors import CarnetDamaged, CarnetError, CarnetLocked, CarnetTooNew
from ambassadeur_app.storage.backup import BackupKind
from ambassadeur_app.storage.db import acquire_lock, open_carnet
from ambassadeur_app.storage.migrations import FILE_FORMAT, MIGRATION_SET, Steps, migrations


def open_(path: Path, tmp_path: Path, **kwargs: object):  # type: ignore[no-untyped-def]
    return open_carnet(path, device_id="device-test", backup_root=tmp_path / "backups", **kwargs)


def fill(carnet, count: int) -> list[str]:  # type: ignore[no-untyped-def]
    with carnet.write():
        ambassador = carnet.ambassadors.add(Ambassador("", "Marie", Role.MEDICAL))
        return [
            carnet.entries.add(
                TimeEntry(
                    date(2024, 9, 1 + i % 28),
                    ambassador,
                    Mission.PROMOTION,
                    "Appel",
                    30,
                    description="x" * 200,
                )
            )
            for i in range(count)
        ]


def test_new_carnet_has_schema_pragmas_and_format(tmp_path: Path) -> None:
    path = tmp_path / "c.ambassadeur"
    with open_(path, tmp_path, create=True) as carnet:
        conn = carnet.db.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA user_version").fetchone()[0] == FILE_FORMAT
        applied = [name for (name,) in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
        assert applied == [step.__name__ for step in migrations.steps]
        assert applied[:3] == ["m001_create_carnet", "m002_index_entry_totals", "m003_create_register"]
        assert not migrations.pending(conn)
        tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert {"time_entries", "professionals", "structures", "contacts", "solicitations"} <= set(tables)
        for table in tables:
            if table.startswith(("_", "sqlite")):
                continue
            columns = {c.name for c in carnet.db.table(table).columns}
            assert {"id", "created_at", "updated_at", "device_id", "deleted_at"} <= columns


def test_records_carry_uuid_timestamps_device_and_soft_delete(tmp_path: Path) -> None:
    with open_(tmp_path / "c.ambassadeur", tmp_path, create=True) as carnet:
        (entry_id,) = fill(carnet, 1)
        row = carnet.db.execute("SELECT * FROM time_entries WHERE id = ?", [entry_id]).fetchone()
        assert len(entry_id) == 36
        assert entry_id.count("-") == 4
        with carnet.write():
            carnet.entries.delete([entry_id])
        assert carnet.entries.count() == 0
        deleted = carnet.db.execute(
            "SELECT deleted_at, device_id FROM time_entries WHERE id = ?", [entry_id]
        ).fetchone()
        assert deleted[0].endswith("Z")
        assert deleted[1] == "device-test"
        with carnet.write():
            carnet.entries.restore([entry_id])
        assert carnet.entries.count() == 1
        assert row is not None


def test_the_database_refuses_impossible_values(tmp_path: Path) -> None:
    with open_(tmp_path / "c.ambassadeur", tmp_path, create=True) as carnet:
        fill(carnet, 1)
        with pytest.raises(sqlite3.IntegrityError):
            carnet.db.execute("UPDATE time_entries SET minutes = -5")
        with pytest.raises(sqlite3.IntegrityError):
            carnet.db.execute("UPDATE time_entries SET ambassador_id = 'nobody'")


def test_a_missing_file_is_not_created_without_asking(tmp_path: Path) -> None:
    with pytest.raises(CarnetError, match="n'existe pas"):
        open_(tmp_path / "absent.ambassadeur", tmp_path)
    assert not (tmp_path / "absent.ambassadeur").exists()


def test_a_file_that_is_not_a_carnet_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.ambassadeur"
    path.write_text("Ceci n'est pas une base de données", encoding="utf-8")
    with pytest.raises(CarnetError, match="n'est pas un carnet"):
        open_(path, tmp_path)
    assert path.read_text(encoding="utf-8") == "Ceci n'est pas une base de données"


def test_a_carnet_closed_cleanly_today_is_not_probed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Probing a file for another program's tables reads its whole schema once more: the
    carnet the app closed today, byte for byte as it left it, is spared it; any other is not."""
    import ambassadeur_app.storage.db as db

    path = tmp_path / "c.ambassadeur"
    with open_(path, tmp_path, create=True) as carnet:
        fill(carnet, 2)
    probed: list[Path] = []
    real = db.foreign_reason
    monkeypatch.setattr(db, "foreign_reason", lambda file: probed.append(file) or real(file))
    with open_(path, tmp_path) as carnet:
        assert carnet.entries.count() == 2
    assert probed == []
    stranger = sqlite3.connect(tmp_path / "autre.sqlite")  # another program's file in its place
    stranger.execute("CREATE TABLE clients (nom TEXT)")
    stranger.commit()
    stranger.close()
    (tmp_path / "autre.sqlite").replace(path)
    with pytest.raises(CarnetError, match="autre programme"):
        open_(path, tmp_path)
    assert probed == [path]


def test_a_newer_file_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "c.ambassadeur"
    with open_(path, tmp_path, create=True) as carnet:
        carnet.db.execute(f"PRAGMA user_version = {FILE_FORMAT + 1}")
    before = path.read_bytes()
    with pytest.raises(CarnetTooNew, match="version plus récente"):
        open_(path, tmp_path)
    assert path.read_bytes() == before


def test_second_writer_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "c.ambassadeur"
    with open_(path, tmp_path, create=True):
        with pytest.raises(CarnetLocked, match="déjà ouvert"):
            open_(path, tmp_path)
        code = (
            "import sys; from pathlib import Path; from ambassadeur_app.storage.db import open_carnet\n"
            "from ambassadeur_app.errors import CarnetLocked\n"
            f"try: open_carnet(Path({str(path)!r}), device_id='x', backup_root=Path({str(tmp_path)!r}))\n"
            "except CarnetLocked: sys.exit(3)\n"
        )
        assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 3
        with open_(path, tmp_path, readonly=True) as reader:  # exports may read meanwhile
            assert reader.readonly
            with pytest.raises(CarnetError, match="lecture seule"), reader.write():
                pass
    with open_(path, tmp_path):  # the lock went with the first instance
        pass


def test_migrating_an_old_file_backs_it_up_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.ambassadeur"
    with open_(path, tmp_path, create=True) as carnet:
        fill(carnet, 3)
    newer = Steps(MIGRATION_SET)
    newer.steps = [*migrations.steps]

    @newer()
    def m002_add_note(db: Database) -> None:
        db.execute("ALTER TABLE time_entries ADD COLUMN note TEXT")

    monkeypatch.setattr("ambassadeur_app.storage.db.migrations", newer)
    older_app = acquire_lock(path)  # an older version holds the file without migrating it
    try:
        with pytest.raises(CarnetError, match="version plus ancienne : fermez-la"):
            open_(path, tmp_path, readonly=True)
    finally:
        older_app.release()
    with open_(path, tmp_path, readonly=True) as reader:  # a reader alone migrates, then reads
        assert reader.readonly
        assert reader.entries.count() == 3
    with open_(path, tmp_path) as carnet:
        assert "note" in {c.name for c in carnet.db.table("time_entries").columns}
        (backup,) = [b for b in carnet.backups.all() if b.kind is BackupKind.BEFORE_MIGRATION]
        old = sqlite3.connect(backup.path)
        assert "note" not in {r[1] for r in old.execute("PRAGMA table_info(time_entries)")}
        assert old.execute("SELECT COUNT(*) FROM time_entries").fetchone()[0] == 3
        old.close()
    with open_(path, tmp_path) as carnet:  # re-opening applies nothing more
        assert len([b for b in carnet.backups.all() if b.kind is BackupKind.BEFORE_MIGRATION]) == 1


def damage(path: Path) -> None:
    """Overwrite pages in the middle of the file, keeping the SQLite header intact."""
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data) - page, 3 * page):
        data[offset + 100 : offset + 2000] = b"\xff" * 1900
    path.write_bytes(bytes(data))


def test_a_damaged_carnet_is_refused_and_the_last_sound_backup_offered(tmp_path: Path) -> None:
    path = tmp_path / "c.ambassadeur"
    with open_(path, tmp_path, create=True) as carnet:
        fill(carnet, 400)
        good = carnet.backup(BackupKind.MANUAL)
    damage(path)
    before = path.read_bytes()
    with pytest.raises(CarnetDamaged) as caught:
        open_(path, tmp_path)
    assert "endommagé" in caught.value.message
    assert "dernière sauvegarde saine" in caught.value.message
    assert caught.value.backup == good
    assert path.read_bytes() == before  # nothing written into the damaged file


def test_the_integrity_check_runs_daily_and_whenever_the_file_changed(tmp_path: Path) -> None:
    import os
    from datetime import datetime, timedelta

    path = tmp_path / "c.ambassadeur"
    day = datetime(2024, 9, 2, 9, 0)
    with open_(path, tmp_path, create=True, clock=lambda: day) as carnet:
        fill(carnet, 400)
    stat = path.stat()
    damage(path)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same time
    before = path.read_bytes()
    # Not re-checked the same day (byte for byte what the app left), yet the damage shows at
    # the first read and the file is refused all the same, untouched.
    with pytest.raises(CarnetDamaged):
        open_(path, tmp_path, clock=lambda: day + timedelta(hours=2))
    assert path.read_bytes() == before
    with pytest.raises(CarnetDamaged):
        open_(path, tmp_path, clock=lambda: day + timedelta(days=1))  # a new day: full check
    fresh = tmp_path / "d.ambassadeur"
    with open_(fresh, tmp_path, create=True, clock=lambda: day) as carnet:
        fill(carnet, 400)
    damage(fresh)  # changed outside the app: checked at once, even the same day
    with pytest.raises(CarnetDamaged):
        open_(fresh, tmp_path, clock=lambda: day)


def test_a_reader_that_checked_the_file_spares_the_next_openings_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import datetime

    import ambassadeur_app.storage.db as db

    path = tmp_path / "c.ambassadeur"
    day = datetime(2024, 9, 2, 9, 0)
    with open_(path, tmp_path, create=True, clock=lambda: day - timedelta(days=1)) as carnet:
        fill(carnet, 10)
    checks: list[str] = []
    real = db.quick_check
    monkeypatch.setattr(db, "quick_check", lambda conn: checks.append("x") or real(conn))
    for _ in range(3):
        open_(path, tmp_path, readonly=True, clock=lambda: day).close()
    assert len(checks) == 1  # the day's first reader checked, and sealed the file it checked
    open_(path, tmp_path, readonly=True, clock=lambda: day + timedelta(days=1)).close()
    assert len(checks) == 2  # a new day: checked again
    with open_(path, tmp_path, clock=lambda: day + timedelta(days=1)) as carnet:
        fill(carnet, 1)  # a writer: sealed at closing, as before
    open_(path, tmp_path, readonly=True, clock=lambda: day + timedelta(days=1)).close()
    assert len(checks) == 2


def test_a_killed_writer_loses_no_committed_entry(tmp_path: Path) -> None:
    path = tmp_path / "c.ambassadeur"
    with open_(path, tmp_path, create=True) as carnet:
        fill(carnet, 1)
    script = (
        "import sys\n"
        "from datetime import date\n"
        "from pathlib import Path\n"
        "from ambassadeur_app.domain.model import Mission, TimeEntry\n"
        "from ambassadeur_app.storage.db import open_carnet\n"
        f"carnet = open_carnet(Path({str(path)!r}), device_id='w', backup_root=Path({str(tmp_path)!r}))\n"
        "amb = carnet.ambassadors.all()[0].id\n"
        "while True:\n"
        "    with carnet.write():\n"
        "        i = carnet.entries.add(TimeEntry(date(2024, 9, 2), amb, Mission.FORMATION, 'Session', 5))\n"
        "    print(i, flush=True)\n"
    )
    with subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True) as writer:
        assert writer.stdout is not None
        committed = [writer.stdout.readline().strip() for _ in range(60)]
        writer.kill()
    with open_(path, tmp_path) as carnet:
        assert carnet.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        present = set(carnet.entries.get_many(committed))
        assert present == set(committed)


def test_a_full_disk_is_reported_and_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "c.ambassadeur"
    with open_(path, tmp_path, create=True) as carnet:
        fill(carnet, 5)
        pages = carnet.db.execute("PRAGMA page_count").fetchone()[0]
        carnet.db.execute(f"PRAGMA max_page_count = {pages + 1}")  # the disk is (nearly) full
        with pytest.raises(CarnetError, match=r"le disque est plein.*le carnet est intact"):
            fill(carnet, 500)
        assert carnet.entries.count() == 5
    with open_(path, tmp_path) as carnet:
        assert carnet.entries.count() == 5


def test_search_columns_of_an_older_carnet_fold_ligatures_after_migration(tmp_path: Path) -> None:
    path = tmp_path / "c.ambassadeur"
    with open_(path, tmp_path, create=True):
        pass
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm005_fold_ligatures'")
        conn.execute(
            "INSERT INTO professionals (id, last_name, first_name, profession_code, search, name_key, "
            "created_at, updated_at, device_id) VALUES ('p', 'Lætitia', 'Vandœuvre', 'G15-10', "
            "'laetitia vandœuvre', 'lætitia vandœuvre', 't', 't', 'd')"
        )
    conn.close()
    with open_(path, tmp_path) as carnet:
        row = carnet.db.execute("SELECT search, name_key FROM professionals").fetchone()
    assert row == ("laetitia vandoeuvre", "laetitia vandoeuvre")

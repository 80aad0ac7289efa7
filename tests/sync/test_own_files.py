"""A copy checks its own files in the shared folder: one damaged is written again; one it did
not write (its carnet file copied, or a backup restored) makes it a new copy, losing nothing."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from ambassadeur_app.cli import main
from ambassadeur_app.services import open_service
from ambassadeur_app.services.outside_copy import restore_plain_copy
from ambassadeur_app.sync.engine import SyncReport
from tests.conftest import TODAY, log_entry, plain
from tests.sync.conftest import PHRASE, Binome, Laptop, contents, edit, everyone_syncs, listing, newest


def live_ids(laptop: Laptop) -> set[str]:
    return {row[0] for row in laptop.db.execute("SELECT id FROM time_entries WHERE deleted_at IS NULL")}


def copied(laptop: Laptop, path: Path) -> None:
    """Copy a carnet file as a file manager would (a backup is such a copy)."""
    target = sqlite3.connect(path)
    laptop.db.conn.backup(target)
    target.close()


def test_a_copied_carnet_file_becomes_a_new_copy_and_nothing_is_lost(binome: Binome) -> None:
    a = binome.first()
    b = binome.join("b")
    copied(a, binome.tmp_path / "c.ambassadeur")
    c = Laptop(open_service(binome.tmp_path / "c.ambassadeur", today=lambda: TODAY))
    binome.laptops.append(c)
    from_a = log_entry(a.service, date(2024, 11, 4), 60)
    from_c = log_entry(c.service, date(2024, 11, 5), 60)
    a.sync()
    report = c.sync()
    assert report.former_copy == a.sync_service.engine.replica
    assert c.sync_service.engine.replica != a.sync_service.engine.replica
    everyone_syncs([a, b, c])
    for laptop in (a, b, c):
        assert {from_a, from_c} <= live_ids(laptop)
    assert contents(a) == contents(b) == contents(c)


def test_changes_typed_after_restoring_a_backup_are_not_lost(binome: Binome) -> None:
    a = binome.first()
    b = binome.join("b")
    backup = binome.tmp_path / "sauvegarde.ambassadeur"
    copied(a, backup)
    before = log_entry(a.service, date(2024, 11, 4), 60)
    a.sync()
    a.close()
    binome.laptops.remove(a)
    backup.replace(binome.tmp_path / "a.ambassadeur")  # the backup restored
    a = Laptop(open_service(binome.tmp_path / "a.ambassadeur", today=lambda: TODAY))
    binome.laptops.append(a)
    after = log_entry(a.service, date(2024, 11, 5), 60)
    assert before not in live_ids(a)
    everyone_syncs([a, b])
    for laptop in (a, b):
        assert {before, after} <= live_ids(laptop)
    assert contents(a) == contents(b)


def test_a_damaged_file_is_written_again_by_its_writer(binome: Binome) -> None:
    a = binome.first()
    b = binome.join("b")
    entry = log_entry(a.service, date(2024, 11, 4), 60)
    a.sync()
    path = newest(binome.folder, a.sync_service.engine.replica)
    data = bytearray(path.read_bytes())
    data[-5] ^= 0x40  # a bit flipped on the way
    path.write_bytes(bytes(data))
    waiting = b.sync().waiting
    assert entry not in live_ids(b)
    assert [f"{path.parent.name[:8]}/{path.name}" in line for line in waiting] == [True]
    assert a.sync().rewritten == 1
    b.sync()
    assert entry in live_ids(b)
    # Another file renamed over it (an old file under the next number) is replaced too.
    later = log_entry(a.service, date(2024, 11, 5), 30)
    a.sync()
    newest(binome.folder, a.sync_service.engine.replica).write_bytes(path.read_bytes())
    a.sync()
    b.sync()
    assert later in live_ids(b)


def test_a_file_written_just_before_a_crash_is_recorded_not_sent_twice(binome: Binome) -> None:
    a = binome.first()
    b = binome.join("b")
    entry = log_entry(a.service, date(2024, 11, 4), 60)
    replica = a.sync_service.engine.replica
    number = int(a.sync().written[:8])
    # As if killed between the file's rename and the carnet's commit.
    with a.service.carnet.write():
        a.db.execute("UPDATE _sync_log SET file = NULL WHERE replica = ? AND file = ?", [replica, number])
        a.db.execute("UPDATE _sync_peers SET applied = ? WHERE replica = ?", [number - 1, replica])
        a.db.execute("DELETE FROM _sync_files WHERE replica = ? AND file = ?", [replica, number])
    report = a.sync()
    assert (report.former_copy, report.written, a.sync_service.engine.replica) == ("", "", replica)
    assert a.sync_service.pending() == 0
    b.sync()
    assert entry in live_ids(b)


def test_one_number_written_by_two_copies_of_a_carnet_file_in_two_folders_reaches_everyone(
    binome: Binome,
) -> None:
    """B's carnet file copied to C; B and C sync through two copies of the folder (a sync
    engine with both laptops offline) and both write their next file under the same name. The
    engine keeps C's: A, which had applied B's, applies C's too, and B sends its own again."""
    a = binome.first()
    b = binome.join("b")
    a.sync()
    copied(b, binome.tmp_path / "c.ambassadeur")
    c = Laptop(open_service(binome.tmp_path / "c.ambassadeur", today=lambda: TODAY))
    binome.laptops.append(c)
    other = binome.tmp_path / "partage-hors-ligne"
    shutil.copytree(binome.folder, other)
    from_b = log_entry(b.service, date(2024, 11, 4), 60)
    from_c = log_entry(c.service, date(2024, 11, 5), 30)
    name = b.sync().written
    assert c.sync_service.sync(PHRASE, other).written == name  # the same number, elsewhere
    a.sync()
    assert from_b in live_ids(a)
    copy = b.sync_service.engine.replica
    shutil.copy(other / copy / name, binome.folder / copy / name)  # the engine keeps C's
    c.sync_service.sync(PHRASE, binome.folder)
    report = a.sync()
    assert report.replaced == [f"{copy[:8]}/{name}"]
    assert b.sync().former_copy == copy
    everyone_syncs([a, b, c], rounds=2)
    for laptop in (a, b, c):
        assert {from_b, from_c} <= live_ids(laptop)
    assert contents(a) == contents(b) == contents(c)
    assert not a.sync().replaced  # applied once


def test_restoring_a_backup_of_a_shared_carnet_says_it_becomes_a_new_copy(
    binome: Binome, capsys: pytest.CaptureFixture[str]
) -> None:
    a = binome.first()
    backup = binome.tmp_path / "sauvegarde.ambassadeur"
    copied(a, backup)
    path = a.service.carnet.path
    a.close()
    binome.laptops.remove(a)
    assert main(["--carnet", str(path), "restore", str(backup)]) == 0
    err = plain(capsys.readouterr().err)
    assert (
        f"attention : Ce carnet est partagé avec l'autre ordinateur par le dossier « {binome.folder} »" in err
    )
    assert "devient une nouvelle copie du carnet partagé" in err
    assert "rien n'est perdu" in err
    # A carnet that is not shared is restored without it.
    notes: list[str] = []
    alone = binome.tmp_path / "seul.ambassadeur"
    open_service(alone, create=True).close()
    restore_plain_copy(path, alone, backup_root=binome.tmp_path / "sauvegardes", warn=notes.append)
    assert notes == []


def test_a_doublon_found_while_sending_is_found_again_after_a_kill(
    binome: Binome, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A's edit makes its entry match one typed on B: A pairs them as it sends the edit, B as it
    # applies it. Killed after the file was in place, before the carnet recorded it: A records
    # the file at its next sync (``check_own``), and pairs them then, as B does.
    a, b = binome.first(), binome.join("b")
    mine = log_entry(a.service, date(2024, 11, 4), 60)
    log_entry(b.service, date(2024, 11, 4), 30)
    for laptop in (a, b, a):
        laptop.sync()
    edit(a, mine, minutes=30)
    engine = a.sync_service.engine

    def killed(entry_ids: object) -> None:
        raise OSError("tué")

    monkeypatch.setattr(engine, "_duplicates", killed)
    with pytest.raises(OSError, match="tué"):
        engine.export(binome.folder, a.sync_service._keys(PHRASE))
    monkeypatch.undo()
    everyone_syncs([a, b])
    assert contents(a) == contents(b)
    assert listing(a) == listing(b)
    assert [c[1] for c in listing(a)] == ["doublon"]


def test_changes_made_before_and_after_applying_a_file_go_out_in_two_files(binome: Binome) -> None:
    # A's first entry was made before B's file was applied, its second after (a sync stopped
    # before sending, say): two files, the first saying it did not know B's file.
    a, b = binome.first(), binome.join("b")
    log_entry(a.service, date(2024, 11, 4), 60)
    log_entry(b.service, date(2024, 11, 6), 45)
    b.sync()
    engine = a.sync_service.engine
    engine.apply_folder(binome.folder, a.sync_service._keys(PHRASE), SyncReport())
    log_entry(a.service, date(2024, 11, 5), 30)
    before = engine.files_written()
    report = a.sync()
    assert report.written == f"{before + 1:08d}.changes à {before + 2:08d}.changes"
    copy = b.sync_service.engine.replica
    deps = [
        json.loads(row[0])
        for row in a.db.execute(
            "SELECT deps FROM _sync_files WHERE replica = ? AND file > ? ORDER BY file",
            [engine.replica, before],
        )
    ]
    assert [found.get(copy, 0) for found in deps] == [deps[1][copy] - 1, deps[1][copy]]
    b.sync()
    assert contents(a) == contents(b)

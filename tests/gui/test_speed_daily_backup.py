"""The day's backup written beside the window (a thread of its own) is paced: it waits for the
save that started it to be repainted, then copies in steps with a pause after each. It is still
whole and consistent: the carnet as it was when the copy began, whatever is saved meanwhile (a
save on another connection would otherwise start the copy again at each step)."""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime
from pathlib import Path

import pytest

from ambassadeur_app.storage import backup
from ambassadeur_app.storage.backup import Backup, BackupManager

ROWS = 400
MOMENT = datetime(2024, 11, 15, 9, 30)


def make_database(path: Path) -> None:
    with sqlite3.connect(str(path)) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.executemany("INSERT INTO notes (body) VALUES (?)", [("x" * 1000,) for _ in range(ROWS)])
    conn.close()


class SavingClock:
    """Stands for ``time`` in the backup module: at each pause, a save on another connection."""

    def __init__(self, path: Path, saves: int) -> None:
        self.writer = sqlite3.connect(str(path), check_same_thread=False)
        self.pauses: list[float] = []
        self.saves = saves

    def sleep(self, seconds: float) -> None:
        self.pauses.append(seconds)
        if len(self.pauses) <= self.saves:
            with self.writer:
                self.writer.execute("INSERT INTO notes (body) VALUES ('saved meanwhile')")


def rows(path: Path) -> tuple[int, int, str]:
    conn = sqlite3.connect(str(path))
    try:
        count, meanwhile = conn.execute(
            "SELECT count(*), sum(body = 'saved meanwhile') FROM notes"
        ).fetchone()
        return count, meanwhile or 0, conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def take_daily(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, thread: bool, saves: int
) -> tuple[Backup, SavingClock]:
    """Take the day's backup of a fresh database, in a thread (beside the window) or not (the
    command line), with ``saves`` saves made at its first pauses."""
    path = tmp_path / "carnet.sqlite"
    make_database(path)
    clock = SavingClock(path, saves)
    monkeypatch.setattr(backup, "time", clock)
    monkeypatch.setattr(backup, "PACED_STEP_PAGES", 4)  # ~110 pages: many steps
    manager = BackupManager(tmp_path / "sauvegardes")
    taken: list[Backup | None] = []

    def run() -> None:
        conn = sqlite3.connect(str(path))
        try:
            taken.append(manager.take_daily(conn, MOMENT))
        finally:
            conn.close()

    if thread:
        worker = threading.Thread(target=run)
        worker.start()
        worker.join()
    else:
        run()
    clock.writer.close()
    assert taken[0] is not None
    assert rows(path)[:2] == (ROWS + saves, saves)
    return taken[0], clock


def test_the_paced_daily_backup_copies_the_carnet_as_it_began(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken, clock = take_daily(tmp_path, monkeypatch, thread=True, saves=10)
    # The first pause comes before the copy: its save is in the copy; then one pause per step,
    # each with a save that is not (the copy does not start again, and ends).
    assert clock.pauses[0] == backup.PACED_START
    assert clock.pauses[1:] == [backup.PACED_PAUSE] * (len(clock.pauses) - 1)
    assert len(clock.pauses) > 10  # every save was made before the copy ended
    assert rows(taken.path) == (ROWS + 1, 1, "ok")


def test_the_daily_backup_of_the_command_line_is_written_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken, clock = take_daily(tmp_path, monkeypatch, thread=False, saves=0)
    assert clock.pauses == []
    assert rows(taken.path) == (ROWS, 0, "ok")

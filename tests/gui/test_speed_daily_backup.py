"""The day's backup written beside the window (a thread of its own) is paced: it waits for the
save that started it to be repainted, then copies in steps with a pause after each. It is still
whole and consistent: the carnet as it was when the copy began, whatever is saved meanwhile (a
save on another connection would otherwise start the copy again at each step). Closing the
carnet meanwhile ends the pauses: the rest is copied at full speed, the backup whole."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date, datetime
from pathlib import Path

import pytest

from ambassadeur_app.domain.model import Ambassador, Role
from ambassadeur_app.services import open_service
from ambassadeur_app.storage import backup
from ambassadeur_app.storage.backup import Backup, BackupKind, BackupManager
from tests.conftest import PROGRAMME, TODAY, log_entry

ROWS = 400
MOMENT = datetime(2024, 11, 15, 9, 30)


def make_database(path: Path) -> None:
    with sqlite3.connect(str(path)) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.executemany("INSERT INTO notes (body) VALUES (?)", [("x" * 1000,) for _ in range(ROWS)])
    conn.close()


class SavingClock:
    """Stands for the backup's pauses (``backup._pause``): at each, a save on another connection."""

    def __init__(self, path: Path, saves: int) -> None:
        self.writer = sqlite3.connect(str(path), check_same_thread=False)
        self.pauses: list[float] = []
        self.saves = saves

    def pause(self, seconds: float, hurry: threading.Event) -> None:
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
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, paced: bool, saves: int, thread: bool = True
) -> tuple[Backup, SavingClock]:
    """Take the day's backup of a fresh database, paced (beside the window) or not (the command
    line), in a thread or not, with ``saves`` saves made at its first pauses."""
    path = tmp_path / "carnet.sqlite"
    make_database(path)
    clock = SavingClock(path, saves)
    monkeypatch.setattr(backup, "_pause", clock.pause)
    monkeypatch.setattr(backup, "PACED_STEP_PAGES", 4)  # ~110 pages: many steps
    manager = BackupManager(tmp_path / "sauvegardes")
    taken: list[Backup | None] = []

    def run() -> None:
        conn = sqlite3.connect(str(path))
        try:
            taken.append(manager.take_daily(conn, MOMENT, paced=paced))
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
    taken, clock = take_daily(tmp_path, monkeypatch, paced=True, saves=10)
    # The first pause comes before the copy: its save is in the copy; then one pause per step,
    # each with a save that is not (the copy does not start again, and ends).
    assert clock.pauses[0] == backup.PACED_START
    assert clock.pauses[1:] == [backup.PACED_PAUSE] * (len(clock.pauses) - 1)
    assert len(clock.pauses) > 10  # every save was made before the copy ended
    assert rows(taken.path) == (ROWS + 1, 1, "ok")


@pytest.mark.parametrize("thread", [False, True])
def test_the_daily_backup_not_paced_is_written_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, thread: bool
) -> None:
    """The command line's, and a worker thread's (its carnet copy writes the backup itself):
    pacing is asked, not guessed from the thread."""
    taken, clock = take_daily(tmp_path, monkeypatch, paced=False, saves=0, thread=thread)
    assert clock.pauses == []
    assert rows(taken.path) == (ROWS, 0, "ok")


def test_closing_during_the_paced_daily_backup_copies_the_rest_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window is closed right after the day's first save: the backup's pauses end (none is
    waited once the carnet is closing), the backup is whole (read back: the carnet as the copy
    began) and the carnet intact."""
    monkeypatch.setattr(backup, "PACED_STEP_PAGES", 1)  # a pause after each page
    real_pause = backup._pause
    copying, closing = threading.Event(), threading.Event()
    waited_while_closing: list[float] = []

    def pause(seconds: float, hurry: threading.Event) -> None:
        if seconds == backup.PACED_PAUSE:
            copying.set()
        if closing.is_set() and not hurry.is_set():
            waited_while_closing.append(seconds)
        real_pause(seconds, hurry)

    monkeypatch.setattr(backup, "_pause", pause)
    path = tmp_path / "carnet.ambassadeur"
    service = open_service(path, create=True, today=lambda: TODAY)
    service.setup(PROGRAMME, [Ambassador("", "Marie Durand", Role.MEDICAL)])
    for day in range(2, 28):
        log_entry(service, date(2024, 9, day), 60, description="x" * 2000)  # pages to copy
    carnet = service.carnet
    carnet.backup_in_background = True
    carnet.backups._last_daily = None  # the next save is the day's first
    log_entry(service, date(2024, 10, 1), 60)
    assert copying.wait(60)  # the copy has begun (a guard against a hang, not a timing)
    log_entry(service, date(2024, 10, 2), 60)  # saved while it copies: not in it
    closing.set()
    service.close()
    assert waited_while_closing == []
    (daily,) = [b for b in BackupManager(carnet.backups.folder).all() if b.kind is BackupKind.DAILY]
    assert not list(carnet.backups.folder.glob("*.part"))
    assert entries_of(daily.path) == (27, "ok")
    assert entries_of(path) == (28, "ok")


def entries_of(path: Path) -> tuple[int, str]:
    """The live entries of a carnet file read with bare sqlite3, and its integrity check."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        (count,) = conn.execute("SELECT count(*) FROM time_entries WHERE deleted_at IS NULL").fetchone()
        return count, conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()

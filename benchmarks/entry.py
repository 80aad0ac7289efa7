"""Saving one entry (quick entry bar and the page's refresh; then with the window's painting too)
and switching month (painted), on the demo carnet and on 100 000 entries: warm, and the day's
first save (which starts the daily backup).

Floors, run in turns with the app: one bare INSERT committed with the same pragmas (WAL,
synchronous=FULL), and one bare SELECT of a month's rows, on a copy of the carnet (a write to the
same file would empty the page cache of the other connection at each turn).
Run: python benchmarks/entry.py
"""

from __future__ import annotations

import itertools
import sqlite3
import statistics
import time
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from common import DEMO_MONTH, alternated, carnets, report
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.gui.app import create_application, ui_settings
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.services import open_service

MONTH = DEMO_MONTH  # in the experiment of both carnets
OTHERS = [Month(2025, 10), Month(2025, 12)]
REPEAT = 10


def floor_copy(path: Path) -> sqlite3.Connection:
    """Return a connection to a fresh copy of the carnet ``path``."""
    copy = path.with_name(f"{path.stem}-floor.sqlite")
    copy.unlink(missing_ok=True)
    conn = sqlite3.connect(str(copy))
    with sqlite3.connect(str(path)) as source:
        source.backup(conn)
    return conn


def bare_floors(conn: sqlite3.Connection) -> tuple[Callable[[], None], Callable[[], None]]:
    """Return the bare INSERT (committed) and the bare SELECT of the month's rows."""
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    amb = conn.execute("SELECT id FROM ambassadors LIMIT 1").fetchone()[0]
    day = MONTH.first_day.replace(day=15).isoformat()

    def insert() -> None:
        with conn:
            conn.execute(
                "INSERT INTO time_entries (id, day, ambassador_id, mission, activity, minutes, "
                "place, description, created_at, updated_at, device_id) "
                "VALUES (?, ?, ?, 'promotion', 'Appel', 30, '', '', 'x', 'x', 'x')",
                [str(uuid.uuid4()), day, amb],
            )

    def select() -> None:
        conn.execute(
            "SELECT * FROM time_entries WHERE deleted_at IS NULL AND day BETWEEN ? AND ? ORDER BY day",
            [MONTH.first_day.isoformat(), MONTH.last_day.isoformat()],
        ).fetchall()

    return insert, select


def measure(name: str, path: Path, today: date) -> None:
    conn = floor_copy(path)
    insert, select = bare_floors(conn)
    service = open_service(path, today=lambda: today)
    window = MainWindow(service, ui_settings())
    window.resize(1366, 705)  # maximised on a 1366 × 768 laptop, above its minimum size
    window.show()
    page = window.page
    days = itertools.cycle(range(3, 29))  # 30 min a day each time: far from the 24 h

    def save() -> None:
        page.ui.date_edit.setDate(QDate(MONTH.year, MONTH.month, next(days)))
        page.ui.duration_edit.setText("30 min")
        assert page.save_quick_entry(), page.ui.entry_message_label.text()

    def save_and_paint() -> None:
        save()
        QApplication.processEvents()  # the window painted again: what the user waits for

    def show(month: Month) -> None:
        page.show_month(month)
        QApplication.processEvents()

    def first_of_the_day() -> tuple[float, float]:
        """Return the median timings of the day's first save, which starts the daily backup (in
        a thread beside the window), and of the bare INSERT, run in turns."""
        times: tuple[list[float], list[float]] = ([], [])
        for _ in range(REPEAT):
            service.carnet.settle_backup()  # the previous day's is written (not counted)
            service.carnet.backups._last_daily = None
            for run, measured in zip((save, insert), times, strict=True):
                start = time.perf_counter()
                run()
                measured.append(time.perf_counter() - start)
        service.carnet.settle_backup()
        return statistics.median(times[0]), statistics.median(times[1])

    try:
        show(MONTH)
        save()  # the first save of the run loads what the others keep
        QApplication.processEvents()
        saving = alternated(save, insert, REPEAT)
        painted = alternated(save_and_paint, insert, REPEAT)
        first = first_of_the_day()
        months = itertools.cycle(OTHERS)
        switching = alternated(lambda: show(next(months)), select, REPEAT)
    finally:
        while page.undo_stack.canUndo():  # leave the carnet as it was for the next run
            page.undo_stack.undo()
        conn.close()
        window.close()
        window.deleteLater()
    report(f"{name}: save one entry + refresh page", saving[0], saving[1], "bare INSERT + commit")
    report(f"{name}: save + refresh + paint", painted[0], painted[1], "bare INSERT + commit")
    report(f"{name}: first save of the day", first[0], first[1], "bare INSERT + commit")
    report(f"{name}: switch month", switching[0], switching[1], "bare SELECT of the month")


def main() -> None:
    create_application()
    for name, (path, today) in carnets().items():
        measure(name, path, today)


if __name__ == "__main__":
    main()

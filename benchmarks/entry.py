"""Saving one entry and refreshing the carnet page, and switching month, on 100 000 entries.

Floors measured in the same run: one bare INSERT committed with the same pragmas (WAL,
synchronous=FULL), and one bare SELECT of a month's rows.
Run: python benchmarks/entry.py
"""

from __future__ import annotations

import sqlite3
import statistics
import time
import uuid

from common import TODAY, best, big_carnet, report
from PySide6.QtCore import QDate

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.gui.app import create_application, ui_settings
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.services import open_service


def bare_floor(path: str) -> tuple[float, float]:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    amb = conn.execute("SELECT id FROM ambassadors LIMIT 1").fetchone()[0]

    def insert() -> None:
        with conn:
            conn.execute(
                "INSERT INTO time_entries (id, day, ambassador_id, mission, activity, minutes, "
                "place, description, created_at, updated_at, device_id) "
                "VALUES (?, '2025-10-15', ?, 'promotion', 'Appel', 30, '', '', 'x', 'x', 'x')",
                [str(uuid.uuid4()), amb],
            )

    def select() -> None:
        conn.execute(
            "SELECT * FROM time_entries WHERE deleted_at IS NULL AND day BETWEEN "
            "'2025-11-01' AND '2025-11-30' ORDER BY day"
        ).fetchall()

    floors = best(insert, 20), best(select, 20)
    conn.execute("DELETE FROM time_entries WHERE created_at = 'x'")
    conn.commit()
    conn.close()
    return floors


def main() -> None:
    path = big_carnet()
    insert_floor, select_floor = bare_floor(str(path))
    create_application()
    service = open_service(path, today=lambda: TODAY)
    window = MainWindow(service, ui_settings())
    window.show()
    page = window.page
    page.show_month(Month(2025, 10))

    def save() -> None:
        page.ui.date_edit.setDate(QDate(2025, 10, 15))
        page.ui.duration_edit.setText("30 min")
        assert page.save_quick_entry()

    saving = best(save, 10)

    def first_of_the_day() -> float:
        """The day's first save, which starts the daily backup (a copy of the whole file)."""
        service.carnet.backups._last_daily = None
        start = time.perf_counter()
        save()
        elapsed = time.perf_counter() - start
        service.carnet.settle_backup()  # not counted: it runs beside the window
        return elapsed

    first = statistics.median(first_of_the_day() for _ in range(5))
    months = [Month(2025, 11), Month(2025, 12)]
    switching = best(lambda: page.show_month(months.reverse() or months[0]), 10)
    report("save one entry + refresh page", saving, insert_floor, "bare INSERT + commit")
    report("first save of the day (backup aside)", first, insert_floor, "bare INSERT + commit")
    report("switch month (16 700 rows)", switching, select_floor, "bare SELECT of the month")
    while page.undo_stack.canUndo():  # leave the shared carnet as it was for the next run
        page.undo_stack.undo()
    window.close()


if __name__ == "__main__":
    main()

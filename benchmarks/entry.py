"""Saving one entry (quick entry bar and the page's refresh; then with the window's painting too)
and switching month (painted), on the demo carnet and on 100 000 entries: warm, and the day's
first save (which starts the daily backup).

The saves are made on the carnet page shown (Ctrl+1), as the user makes them: a carnet with data
opens on the tableau de bord, and until 2026-11-30 the benchmark saved on the carnet page built
behind it, never shown, so that « + paint » painted the unchanged tableau de bord (3–4 ms on the
large carnet, where painting the carnet page's table and summary takes ~10 ms). Each measure now
checks that its runs painted the carnet page's table and its month's total (``Painted``). The
day's first save is timed painted too (until 2026-11-30 without its paint). Each line gives the
fastest and the median run of the app and of its floor (``common.report_runs``).

Switching month goes back and forth between two months (the table keeps the rows of the last
months shown while no entry changes: since 2026-11-30, 19:00, going back queries nothing), and
in turns through more months than it keeps, each shown as on its first visit.

Closing the window right after the day's first save waits for the day's backup written beside
it (``Carnet.settle_backup``, what closing calls): « first save, then close » times the save, its
paint and that wait (the rest of the closing, the same on any day, is not timed).

Floors, run in turns with the app: one bare INSERT committed with the same pragmas (WAL,
synchronous=FULL), one bare SELECT of a month's rows, on a copy of the carnet (a write to the
same file would empty the page cache of the other connection at each turn), and a bare copy of
that copy with SQLite's backup API at full speed (what the day's backup writes).
Run: python benchmarks/entry.py
"""

from __future__ import annotations

import itertools
import sqlite3
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from common import DEMO_MONTH, alternated_runs, carnets, report_runs
from PySide6.QtCore import QDate, QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.gui.app import create_application, ui_settings
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.gui.pages import CARNET
from ambassadeur_app.services import open_service

MONTH = DEMO_MONTH  # in the experiment of both carnets
OTHERS = [Month(2025, 10), Month(2025, 12)]
# In turns, more months than the table keeps the rows of (``entry_table.LISTS_KEPT``), the two
# of OTHERS last: each is shown as on its first visit.
VISITS = [Month(2025, 9), Month(2026, 1), Month(2026, 2), *OTHERS]
REPEAT = 15


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


def bare_copy(conn: sqlite3.Connection, target: Path) -> Callable[[], None]:
    """Return a bare full-speed copy of ``conn``'s database to ``target`` (SQLite's backup API)."""

    def copy() -> None:
        dest = sqlite3.connect(str(target))
        try:
            conn.backup(dest)
        finally:
            dest.close()
        target.unlink()

    return copy


class Painted(QObject):
    """Count the paints of some widgets: that a measure painted what the user sees."""

    def __init__(self, widgets: list[QWidget]) -> None:
        super().__init__()
        self.counts = dict.fromkeys(widgets, 0)
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched in self.counts:
            self.counts[watched] += 1
        return False

    def check(self, runs: int, what: str) -> None:
        """Say (and stop) if a widget was painted fewer than ``runs`` times since the last check."""
        for widget, count in self.counts.items():
            assert count >= runs, f"{what}: {widget.objectName()} painted {count} times in {runs} runs"
        self.counts = dict.fromkeys(self.counts, 0)


def measure(name: str, path: Path, today: date) -> None:
    conn = floor_copy(path)
    insert, select = bare_floors(conn)
    service = open_service(path, today=lambda: today)
    window = MainWindow(service, ui_settings())
    window.resize(1366, 705)  # maximised on a 1366 × 768 laptop, above its minimum size
    window.show()
    window.pages.show(CARNET)  # Ctrl+1: the window opened on the tableau de bord
    QApplication.processEvents()
    page = window.page
    assert page.isVisible(), "the carnet page is not shown"
    assert page.isEnabled(), "the carnet page waits for its carnet"
    painted_widgets = Painted([page.ui.table_view.viewport(), page.ui.claim_label])
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

    def save_then_close() -> None:
        """The day's first save, painted, then what closing waits for: the day's backup."""
        save_and_paint()
        service.carnet.settle_backup()

    def next_day() -> None:
        """Make the next save the day's first, which starts the daily backup (in a thread beside
        the window): the previous day's is written first (not counted)."""
        service.carnet.settle_backup()
        service.carnet.backups._last_daily = None

    try:
        show(MONTH)
        save()  # the first save of the run loads what the others keep
        QApplication.processEvents()
        saving = alternated_runs(save, insert, REPEAT)
        painted_widgets.check(0, "save")
        painted = alternated_runs(save_and_paint, insert, REPEAT)
        painted_widgets.check(REPEAT, "save + paint")
        first = alternated_runs(save_and_paint, insert, REPEAT, before=next_day)
        service.carnet.settle_backup()
        closing = alternated_runs(
            save_then_close, bare_copy(conn, path.with_name("copie-nue.sqlite")), 5, before=next_day
        )
        painted_widgets.check(5, "first save, then close")
        months = itertools.cycle(OTHERS)
        switching = alternated_runs(lambda: show(next(months)), select, REPEAT)
        painted_widgets.check(REPEAT, "switch month")
        visits = itertools.cycle(VISITS)
        visiting = alternated_runs(lambda: show(next(visits)), select, REPEAT)
        painted_widgets.check(REPEAT, "switch to a month not kept")
    finally:
        while page.undo_stack.canUndo():  # leave the carnet as it was for the next run
            page.undo_stack.undo()
        conn.close()
        window.close()
        window.deleteLater()
    report_runs(f"{name}: save one entry + refresh page", *saving, "bare INSERT + commit")
    report_runs(f"{name}: save + refresh + paint", *painted, "bare INSERT + commit")
    report_runs(f"{name}: first save of the day + paint", *first, "bare INSERT + commit")
    report_runs(f"{name}: switch month (painted)", *switching, "bare SELECT of the month")
    report_runs(f"{name}: switch, month not kept (painted)", *visiting, "bare SELECT of the month")
    report_runs(f"{name}: first save, then close", *closing, "bare backup API copy")


def main() -> None:
    create_application()
    for name, (path, today) in carnets().items():
        measure(name, path, today)


if __name__ == "__main__":
    main()

"""The timer bar: started and stopped with the keyboard, still running after a restart, a forgotten
timer asked about, stopping fills the quick entry that Entrée saves, discarding undone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QToolBar

from ambassadeur_app.gui.app import ui_settings
from ambassadeur_app.gui.dialogs.agenda_dialog import DECISION_KEYS
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.gui.shortcuts import SHORTCUTS, key_text, window_shortcuts
from ambassadeur_app.gui.widgets.timer_bar import TimerBar
from ambassadeur_app.services import CarnetService, open_service
from tests.conftest import TODAY, ambassador_id, log_entry, plain
from tests.gui.conftest import Prompts, SyncPool
from tests.gui.test_register_lists import shortcut_rows
from tests.gui.test_startup import painted_window
from tests.unit.test_timer import PARIS_WINTER, Clock


def _clocked(window: MainWindow, moment: datetime) -> Clock:
    clock = Clock(moment)
    window.service.timer.now = clock
    window.service.timer.zone = PARIS_WINTER
    return clock


def _bar(qtbot: Any, window: MainWindow) -> TimerBar:
    """The timer bar, once it has the window's carnet (on a zero timer after it is shown)."""
    qtbot.waitUntil(lambda: (bar := window.findChild(TimerBar)) is not None and bar.service is not None)
    bar = window.findChild(TimerBar)
    assert bar is not None
    return bar


def _start(qtbot: Any, window: MainWindow, activity: str, description: str) -> TimerBar:
    bar = _bar(qtbot, window)
    bar.activity_combo.setEditText(activity)
    bar.description_edit.setText(description)
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    return bar


def _entries(service: CarnetService) -> list[tuple[Any, ...]]:
    return service.carnet.db.execute(
        "SELECT day, start_time, minutes, mission, activity, description FROM time_entries "
        "WHERE deleted_at IS NULL"
    ).fetchall()


def test_ctrl_t_starts_then_stops_into_the_quick_entry_that_enter_saves(
    qtbot: Any, window: MainWindow
) -> None:
    clock = _clocked(window, datetime(2024, 11, 15, 8, 5, 40, tzinfo=UTC))
    bar = _start(qtbot, window, "Visite de cabinet", "MSP de Toul")
    running = window.service.timer.running()
    assert running is not None
    assert (running.activity, running.description) == ("Visite de cabinet", "MSP de Toul")
    # The tool bar lays its widgets out again on the event loop.
    qtbot.waitUntil(lambda: not bar.description_edit.isVisibleTo(window))
    assert bar.status_label.isVisibleTo(window)
    clock.moment += timedelta(hours=1, minutes=29, seconds=30)
    bar.tick.timeout.emit()
    assert plain(bar.status_label.text()) == "Chronomètre : 1:29:30"
    assert "Visite de cabinet — MSP de Toul" in bar.running_label.text()
    assert bar.tick.isActive()

    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.service.timer.running() is None
    assert not bar.tick.isActive()
    assert not bar.status_label.isVisibleTo(window)
    ui = window.page.ui
    assert plain(ui.duration_edit.text()) == "1 h 30"  # 1 h 29 min 30 s, rounded as the carnet rounds
    assert ui.start_edit.text() == "09:05"
    assert ui.description_edit.text() == "MSP de Toul"
    assert ui.activity_combo.currentText() == "Visite de cabinet"
    assert ui.date_edit.date().toPython() == TODAY
    assert _entries(window.service) == []  # nothing saved until the user saves

    qtbot.keyClick(ui.duration_edit, Qt.Key.Key_Return)
    assert _entries(window.service) == [
        ("2024-11-15", "09:05", 90, "promotion", "Visite de cabinet", "MSP de Toul")
    ]


def test_a_running_timer_is_there_after_a_restart(
    qtbot: Any, window: MainWindow, carnet_path: Path, prompts: Prompts
) -> None:
    start = datetime(2024, 11, 15, 8, 0, tzinfo=UTC)
    _clocked(window, start)
    _start(qtbot, window, "Appel", "Suivi MSP")
    window.close()  # closes the carnet

    service = open_service(carnet_path, today=lambda: TODAY)
    again = MainWindow(service, ui_settings(), pool=SyncPool())  # type: ignore[arg-type]
    qtbot.addWidget(again)
    try:
        bar = _bar(qtbot, again)
        assert bar.running is not None
        assert bar.running.started_at == start
        assert bar.description_edit.text() == "Suivi MSP"
        assert bar.tick.isActive()
        assert bar.toggle_action.text().replace("&", "") == "Arrêter le chronomètre"
    finally:
        again.close()


def test_a_timer_forgotten_overnight_is_asked_about(qtbot: Any, window: MainWindow, prompts: Prompts) -> None:
    # Started yesterday at 17:05 (16:05 UTC), stopped today at 08:25.
    clock = _clocked(window, datetime(2024, 11, 14, 16, 5, tzinfo=UTC))
    bar = _start(qtbot, window, "Appel", "")
    clock.moment = datetime(2024, 11, 15, 7, 25, tzinfo=UTC)

    prompts.choice = None  # the question closed: the timer runs on
    bar.toggle()
    assert plain(prompts.asked[-1]) == (
        "Le chronomètre tourne depuis hier 17 h 05 (15 h 20). L'avez-vous oublié ?"
    )
    assert window.service.timer.running() is not None

    prompts.choice = 0  # keep the time up to midnight
    entry = bar.stop()
    assert entry is not None
    assert (entry.minutes, str(entry.day)) == (6 * 60 + 55, "2024-11-14")
    assert plain(window.page.ui.duration_edit.text()) == "6 h 55"


def test_discarding_a_forgotten_timer_is_undone_by_ctrl_z(
    qtbot: Any, window: MainWindow, prompts: Prompts
) -> None:
    clock = _clocked(window, datetime(2024, 11, 15, 6, 0, tzinfo=UTC))
    bar = _start(qtbot, window, "Appel", "")
    started = window.service.timer.running()
    clock.moment += timedelta(hours=11)
    prompts.choice = 2  # « Écarter le chronomètre »
    assert bar.stop() is None
    assert plain(prompts.asked[-1]).startswith("Le chronomètre tourne depuis 7 h 00 (11 h)")
    assert window.service.timer.running() is None
    assert _entries(window.service) == []

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.service.timer.running() == started
    assert bar.running == started
    assert bar.tick.isActive()


def test_starting_needs_an_activity(qtbot: Any, window: MainWindow) -> None:
    _clocked(window, datetime(2024, 11, 15, 8, 0, tzinfo=UTC))
    bar = _start(qtbot, window, "", "")
    assert window.service.timer.running() is None
    assert window.ui.statusbar.currentMessage() == "Indiquez l'activité en cours."
    assert bar.activity_combo.isEnabled()
    bar.activity_combo.setEditText("Appel")
    qtbot.keyClick(bar.description_edit, Qt.Key.Key_Return)  # Entrée in the bar starts it too
    running = window.service.timer.running()
    assert running is not None
    assert running.ambassador_id == ambassador_id(window.service, "Marie Durand")


def test_the_entry_of_a_timer_obeys_the_24_hour_rule(qtbot: Any, window: MainWindow) -> None:
    service = window.service
    marie = ambassador_id(service, "Marie Durand")
    log_entry(service, TODAY, 23 * 60)  # Marie Durand already has 23 h that day
    clock = _clocked(window, datetime(2024, 11, 15, 8, 0, tzinfo=UTC))
    bar = _start(qtbot, window, "Appel", "Suivi")
    assert bar.running is not None
    assert bar.running.ambassador_id == marie
    clock.moment += timedelta(hours=1, minutes=30)
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.page.ui.duration_edit, Qt.Key.Key_Return)
    assert len(_entries(service)) == 1  # refused: only the 23 h entry
    assert "24" in plain(window.page.ui.entry_message_label.text())


def test_the_bar_is_filled_after_the_carnet_is_shown_and_nothing_moves(
    qtbot: Any, service: CarnetService, prompts: Prompts
) -> None:
    """Its fields are in the first frame, empty; they are filled on a zero timer after the
    carnet's data (not on their way), and the bar keeps its height: the tabs do not move, nor
    when a timer runs (the fields hidden)."""
    window = painted_window(qtbot, "dashboard")
    toolbar = window.findChild(QToolBar, "timer_bar")
    assert toolbar is not None
    height, tabs_at = toolbar.height(), window.ui.tabs.mapTo(window, QPoint(0, 0))
    assert not toolbar.isHidden()
    assert height > 0
    built_when_shown: list[TimerBar | None] = []
    window.carnet_shown.connect(lambda: built_when_shown.append(window.findChild(TimerBar)))
    window.show_carnet(service, demo=False)
    assert built_when_shown == [None]
    bar = _bar(qtbot, window)
    assert bar.mission_combo.count() == 4
    assert bar.description_edit.isEnabled()
    QApplication.processEvents()
    assert (toolbar.height(), window.ui.tabs.mapTo(window, QPoint(0, 0))) == (height, tabs_at)
    _clocked(window, datetime(2024, 11, 15, 8, 0, tzinfo=UTC))
    _start(qtbot, window, "Appel", "")
    assert bar.running is not None
    QApplication.processEvents()
    assert not bar.description_edit.isVisibleTo(window)
    assert (toolbar.height(), window.ui.tabs.mapTo(window, QPoint(0, 0))) == (height, tabs_at)


def test_f1_lists_the_timer_keys_and_those_of_the_agenda_review(qtbot: Any, window: MainWindow) -> None:
    bar = _bar(qtbot, window)
    rows = shortcut_rows(window)
    groups = dict(window_shortcuts(window, lambda s: "", SHORTCUTS))
    timer = dict(groups["Chronomètre (Ctrl+T : menu Carnet)"])
    assert (key_text(bar.toggle_action.shortcuts()[0]), "Démarrer le chronomètre") in groups["Carnet"]
    assert ("Alt+H", timer["Alt+H"]) in rows
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is bar.description_edit  # what Alt+H says it does
    review = dict(groups["Importer un agenda : revue des propositions"])
    assert {key_text(QKeySequence(key)) for key in DECISION_KEYS} <= set(review)
    assert {"Espace", "A", "E", "Entrée ou F2", "Ctrl+Entrée"} == set(review)
    assert all((keys, what) in rows for keys, what in review.items())

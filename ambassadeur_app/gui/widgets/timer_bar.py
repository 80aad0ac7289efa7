"""The timer bar: start a timer on "what I am doing now", see it run (here and in the status bar),
stop it to fill the quick entry, ready to save.

The bar is a toolbar of the main window, made at start with its fields empty
(``actions/agenda.py``, nothing imported); this module fills them after the first carnet is
shown, and reads the running timer of each carnet shown. Its clock ticks only while a timer runs. Stopping and
discarding are pushed on the window's undo stack (Ctrl+Z lets the timer run again); nothing is
saved in the carnet's entries before the user saves the quick entry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ambassadeur_app.domain.durations import format_duration
from ambassadeur_app.domain.model import Mission, TimeEntry
from ambassadeur_app.domain.timer import Timer, clock_text, elapsed_text, forgotten_question
from ambassadeur_app.errors import AppError, InvalidInput
from ambassadeur_app.gui import prompts
from ambassadeur_app.gui.actions.agenda import START_TEXT, STOP_TEXT, TOGGLE_KEY
from ambassadeur_app.gui.undo import CarnetCommand, ErrorHandler
from ambassadeur_app.gui.widgets.choices import (
    current_mission,
    fill_ambassadors,
    fill_missions,
    select_data,
)
from ambassadeur_app.gui.widgets.entry_fields import mission_for_key, show_mission_keys
from ambassadeur_app.gui.widgets.feedback import ERROR_COLOR

if TYPE_CHECKING:
    from ambassadeur_app.gui.actions.agenda import TimerShell
    from ambassadeur_app.gui.main_window import MainWindow
    from ambassadeur_app.services import CarnetService
    from ambassadeur_app.services.timer import TimerStop


class StopTimer(CarnetCommand):
    """Stop the running timer; undo lets it run again (from its start)."""

    def __init__(self, service: CarnetService, on_error: ErrorHandler, timer_id: str) -> None:
        super().__init__(service, on_error, "l'arrêt du chronomètre")
        self.timer_id = timer_id
        self.stopped: TimerStop | None = None

    def redo(self) -> None:
        def stop() -> None:
            self.stopped = self.service.timer.stop(self.timer_id)

        self._guard(stop)

    def undo(self) -> None:
        self._guard(lambda: self.service.timer.resume(self.timer_id))


class DiscardTimer(CarnetCommand):
    """Drop the running timer without an entry; undo brings it back."""

    def __init__(self, service: CarnetService, on_error: ErrorHandler, timer_id: str) -> None:
        super().__init__(service, on_error, "l'abandon du chronomètre")
        self.timer_id = timer_id

    def redo(self) -> None:
        self._guard(lambda: self.service.timer.discard(self.timer_id))

    def undo(self) -> None:
        self._guard(lambda: self.service.timer.restore(self.timer_id))


class _ElidedLabel(QLabel):
    """A line of plain text that takes the room it is given and ends with « … » when longer."""

    def sizeHint(self) -> QSize:
        return QSize(240, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(80, super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.width())
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)


class TimerBar(QObject):
    """The timer's controller: fills the fields of the window's timer toolbar (made empty at
    start by ``actions/agenda.py``), wires them, and runs the clock."""

    def __init__(self, window: MainWindow, shell: TimerShell) -> None:
        super().__init__(shell.toolbar)
        self.window_ = window
        self.service: CarnetService | None = None
        self.running: Timer | None = None
        self.toggle_action, self.discard_action = shell.toggle_action, shell.discard_action
        self.status_label = shell.status_label
        self.ambassador_combo, self.mission_combo = shell.ambassador_combo, shell.mission_combo
        self.activity_combo, self.description_edit = shell.activity_combo, shell.description_edit
        self.fields: tuple[QWidget, ...] = shell.fields
        self.field_actions = shell.field_actions
        fill_missions(self.mission_combo)
        show_mission_keys(self.mission_combo)
        self.clock_label = QLabel()
        self.clock_label.setContentsMargins(8, 0, 8, 0)
        # While a timer runs, one line says what it times, in place of the fields.
        self.running_label = _ElidedLabel()
        self.running_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar, before = shell.toolbar, shell.toggle_action
        self.running_action = toolbar.insertWidget(before, self.running_label)
        toolbar.insertWidget(before, self.clock_label)
        for field in self.fields:
            field.installEventFilter(self)
        self.toggle_action.triggered.connect(lambda: self.toggle())
        self.discard_action.triggered.connect(lambda: self.discard())
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._show_clock)
        self.mission_combo.currentIndexChanged.connect(lambda _: self._fill_activities())
        window.undo_stack.indexChanged.connect(lambda _: self.refresh())
        self._show_state()

    # --- carnet -------------------------------------------------------------------------------

    def carnet_shown(self) -> None:
        """Take the window's carnet if it changed: its lists, its last mission and activity,
        and the timer running on this laptop."""
        service = self.window_.service if self.window_.loaded else None
        if service is None or service is self.service:
            return
        self.service = service
        fill_ambassadors(self.ambassador_combo, [a for a in service.ambassadors() if a.active])
        suggestions = service.entry_suggestions()
        mission = suggestions.last_mission or Mission.PROMOTION
        select_data(self.mission_combo, mission.value)
        self._fill_activities()
        self.activity_combo.setEditText(suggestions.last_activity.get(mission, ""))
        self.refresh()

    def _fill_activities(self) -> None:
        if self.service is not None:
            self.activity_combo.clear()
            self.activity_combo.addItems(self.service.activities()[current_mission(self.mission_combo)])

    def refresh(self) -> None:
        """Read the running timer again (a stop or discard undone, another carnet)."""
        service = self.service
        if service is None or not self.window_.loaded or self.window_.service is not service:
            self.running = None
        else:
            self.running = service.timer.running()
        self._show_state()

    def _show_state(self) -> None:
        running = self.running
        loaded = self.service is not None
        for widget, action in zip(self.fields, self.field_actions, strict=True):
            widget.setEnabled(loaded)
            action.setVisible(running is None)
        self.running_action.setVisible(running is not None)
        self.toggle_action.setEnabled(loaded)
        self.toggle_action.setText(STOP_TEXT if running else START_TEXT)
        self.discard_action.setEnabled(running is not None)
        self.status_label.setVisible(running is not None)
        if running is None:
            self.tick.stop()
            if self.clock_label.text():  # clear() relays out the toolbar, and the whole window
                self.clock_label.clear()
            return
        select_data(self.ambassador_combo, running.ambassador_id)
        select_data(self.mission_combo, running.mission.value)
        self.activity_combo.setEditText(running.activity)
        self.description_edit.setText(running.description)
        what = f"{running.mission.label} · {running.activity}"
        if running.description:
            what += f" — {running.description}"
        self.running_label.setText(f"{what} ({self.ambassador_combo.currentText()})")
        self.running_label.setToolTip(self.running_label.text())
        self._show_clock()
        self.tick.start()

    def _show_clock(self) -> None:
        running, service = self.running, self.service
        if running is None or service is None:
            self.tick.stop()
            return
        elapsed = elapsed_text(running.started_at, service.timer.now())
        since = clock_text(running.started_at.astimezone(service.timer.zone).time())
        self.clock_label.setText(
            f"<span style='color:{ERROR_COLOR}'>●</span> <b>{elapsed}</b> depuis {since}"
        )
        self.status_label.setText(f"Chronomètre : {elapsed}")

    # --- keys ---------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Entrée in a field of the bar starts the timer; a mission letter picks the mission."""
        if event.type() == QEvent.Type.KeyPress:
            key_event = cast(QKeyEvent, event)
            if key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.toggle()
                return True
            if watched is self.mission_combo:
                mission = mission_for_key(key_event)
                if mission is not None:
                    select_data(self.mission_combo, mission.value)
                return key_event.text().isalpha()
        return super().eventFilter(watched, event)

    # --- actions ------------------------------------------------------------------------------

    def _report(self, exc: AppError) -> None:
        self.window_.ui.statusbar.showMessage(exc.message, 10000)
        if isinstance(exc, InvalidInput):
            widget = {"activité": self.activity_combo, "ambassadeur": self.ambassador_combo}.get(exc.field)
            if widget is not None:
                widget.setFocus()

    def toggle(self) -> None:
        """Start a timer with the bar's fields, or stop the running one."""
        if self.service is None:
            return
        if self.running is not None:
            self.stop()
            return
        try:
            self.service.timer.start(
                str(self.ambassador_combo.currentData()),
                current_mission(self.mission_combo),
                self.activity_combo.currentText(),
                self.description_edit.text(),
            )
        except AppError as exc:
            self._report(exc)
            return
        self.refresh()
        self.window_.ui.statusbar.showMessage(f"Chronomètre démarré ({TOGGLE_KEY} l'arrête).", 8000)

    def stop(self) -> TimeEntry | None:
        """Stop the running timer and fill the quick entry with it; a timer left running past
        midnight or for more than ten hours is asked about first. Return the entry proposed."""
        running, service = self.running, self.service
        if running is None or service is None:
            return None
        span = service.timer.span(running)
        minutes, correct = span.minutes, False
        if span.forgotten:
            kept = min(span.minutes, span.until_midnight)
            keep = (
                f"Garder jusqu'à minuit ({format_duration(kept)})"
                if span.past_midnight
                else f"Garder les {format_duration(kept)}"
            )
            choice = prompts.choose(
                self.window_,
                forgotten_question(span, service.timer.now().astimezone(service.timer.zone).date()),
                "Une entrée tient sur un seul jour. Gardez le temps compté, corrigez la durée avant "
                "d'enregistrer, ou écartez le chronomètre (Ctrl+Z le relance).",
                [keep, "Corriger la durée", "Écarter le chronomètre"],
            )
            if choice is None:
                return None
            if choice == 2:
                self.discard()
                return None
            minutes, correct = kept, choice == 1
        command = StopTimer(service, self._report, running.id)
        self.window_.undo_stack.push(command)
        if command.stopped is None:
            return None
        if minutes == 0:
            self.window_.ui.statusbar.showMessage(
                "Le chronomètre a tourné moins d'une minute : rien à saisir (Ctrl+Z le relance).", 10000
            )
            return None
        entry = command.stopped.entry(minutes)
        self._fill_quick_entry(entry, correct)
        return entry

    def discard(self) -> None:
        """Drop the running timer (undoable)."""
        if self.running is None or self.service is None:
            return
        command = DiscardTimer(self.service, self._report, self.running.id)
        self.window_.undo_stack.push(command)
        if command.error is None:
            self.window_.ui.statusbar.showMessage("Chronomètre abandonné — Ctrl+Z pour le relancer.", 10000)

    def _fill_quick_entry(self, entry: TimeEntry, correct: bool) -> None:
        """Show the carnet page with its quick entry filled from ``entry``, ready to save."""
        assert self.service is not None
        self.window_.pages.show("carnet")
        page = self.window_.page
        page.fields.show(entry, self.service)
        ui = page.ui
        ui.duration_edit.setFocus()
        ui.duration_edit.selectAll()
        what = "Corrigez la durée, puis Entrée pour enregistrer" if correct else "Entrée pour enregistrer"
        self.window_.ui.statusbar.showMessage(
            f"Chronomètre arrêté : {format_duration(entry.minutes)} de {entry.mission.label.lower()} "
            f"dans la saisie rapide. {what} (Ctrl+Z relance le chronomètre).",
            15000,
        )

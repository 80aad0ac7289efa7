"""What captures hours where they already are: « Importer un agenda (.ics)… » (the review
dialog, imported on first use) and the timer, in a toolbar and the status bar.

``install(window)`` adds them to the window before its first paint at a cost of a few widgets,
importing nothing and leaving Qt's namespace unbuilt (see ``main_window.ACTION_KEYS``): the
timer toolbar is made with its fields empty and disabled (so that it keeps its height, and the
tabs their place, when they are filled), and ``widgets/timer_bar.py`` fills them on a zero timer
after the first carnet is shown (``MainWindow.carnet_shown``): never on the way to its figures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSizePolicy, QToolBar

from ambassadeur_app import paths

if TYPE_CHECKING:
    from pathlib import Path

    from ambassadeur_app.gui.dialogs.agenda_dialog import AgendaDialog
    from ambassadeur_app.gui.main_window import MainWindow
    from ambassadeur_app.gui.widgets.timer_bar import TimerBar

AGENDA_KEY = "Ctrl+Shift+A"
TOGGLE_KEY = "Ctrl+T"
START_TEXT, STOP_TEXT = "Démarrer le &chronomètre", "Arrêter le &chronomètre"


class TimerShell:
    """The timer's toolbar as the window paints it first: its title, its fields (empty and
    disabled until the carnet is shown) and its two actions, and its label in the status bar
    (hidden while no timer runs)."""

    def __init__(self, window: MainWindow) -> None:
        self.toolbar = QToolBar("Chronomètre", window)
        self.toolbar.setObjectName("timer_bar")
        self.toolbar.setMovable(False)
        self.title = QLabel("C&hronomètre :")  # Alt+H: the description
        self.title.setContentsMargins(4, 0, 4, 0)
        self.toolbar.addWidget(self.title)
        self.ambassador_combo = QComboBox()
        self.mission_combo = QComboBox()
        for combo in (self.ambassador_combo, self.mission_combo):  # empty when first shown
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.activity_combo = QComboBox()
        self.activity_combo.setEditable(True)
        self.activity_combo.setMinimumContentsLength(16)
        self.activity_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.description_edit = QLineEdit()
        self.description_edit.setPlaceholderText("Ce que je fais maintenant (Entrée démarre)")
        self.description_edit.setMinimumWidth(160)
        self.description_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.title.setBuddy(self.description_edit)
        self.fields = (self.ambassador_combo, self.mission_combo, self.activity_combo, self.description_edit)
        self.field_actions = [self.toolbar.addWidget(field) for field in self.fields]
        for field in self.fields:
            field.setEnabled(False)  # until the carnet is shown
        self.toggle_action = QAction(START_TEXT, window)
        self.toggle_action.setObjectName("action_timer_toggle")
        self.toggle_action.setShortcuts([QKeySequence(TOGGLE_KEY)])  # see main_window.ACTION_KEYS
        self.toggle_action.setToolTip(f"Démarrer ou arrêter le chronomètre ({TOGGLE_KEY})")
        self.discard_action = QAction("A&bandonner le chronomètre", window)
        self.discard_action.setObjectName("action_timer_discard")
        self.discard_action.setToolTip("Arrêter sans rien saisir (Ctrl+Z le relance)")
        for action in (self.toggle_action, self.discard_action):
            action.setEnabled(False)  # until the carnet is shown
            self.toolbar.addAction(action)
        # Its height with the fields, kept while a timer runs (they are hidden then).
        self.toolbar.setMinimumHeight(self.toolbar.sizeHint().height())
        self.status_label = QLabel()
        self.status_label.setToolTip(f"Le chronomètre tourne ; {TOGGLE_KEY} l'arrête.")
        self.status_label.hide()
        window.addToolBar(self.toolbar)  # at the top
        window.ui.statusbar.insertPermanentWidget(0, self.status_label)


class Agenda(QObject):
    """The agenda import and the timer of one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.shell = TimerShell(window)
        self.timer_bar: TimerBar | None = None
        self.import_action = QAction("Importer un &agenda (.ics)…", window)
        self.import_action.setObjectName("action_import_agenda")
        self.import_action.setShortcuts([QKeySequence(AGENDA_KEY)])
        self.import_action.triggered.connect(lambda: self.import_agenda())
        ui = window.ui
        ui.menu_file.insertAction(ui.action_undo_import, self.import_action)
        first = ui.menu_carnet.actions()[0]
        ui.menu_carnet.insertAction(first, self.shell.toggle_action)
        ui.menu_carnet.insertAction(first, self.shell.discard_action)
        ui.menu_carnet.insertSeparator(first)
        # After the carnet's figures are on screen (the carnet page, maybe not built yet, is not
        # asked for): the bar's module, its lists and the running timer wait for a zero timer.
        window.carnet_shown.connect(lambda: QTimer.singleShot(0, self.take_carnet))

    def take_carnet(self) -> TimerBar | None:
        """Give the timer bar the window's carnet (made with the first one); return the bar."""
        if not self.window.loaded:
            return self.timer_bar  # closed meanwhile
        if self.timer_bar is None:
            from ambassadeur_app.gui.widgets.timer_bar import TimerBar

            self.timer_bar = TimerBar(self.window, self.shell)
        self.timer_bar.carnet_shown()
        return self.timer_bar

    def import_agenda(self, path: Path | None = None) -> AgendaDialog | None:
        """Choose an ``.ics`` file and review what it proposes."""
        from ambassadeur_app.gui import prompts  # here: it builds Qt's namespace (main_window.py)
        from ambassadeur_app.gui.dialogs.agenda_dialog import AgendaDialog

        window = self.window
        if not window.loaded:
            return None
        if path is None:
            path = prompts.open_file(
                window,
                "Importer un agenda",
                paths.documents_dir(),
                "Agendas iCalendar (*.ics);;Tous les fichiers (*)",
            )
            if path is None:
                return None
        dialog = AgendaDialog(window.service, path, window.undo_stack, window, pool=window.pool)
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.open()
        return dialog

    def _saved(self, dialog: AgendaDialog) -> None:
        self.window.register_changed()
        self.window.ui.statusbar.showMessage(f"{dialog.outcome} — Ctrl+Z pour annuler.", 15000)


def install(window: MainWindow) -> Agenda:
    """Add the agenda import to the menus and the timer to the window."""
    return Agenda(window)

"""« Carnet > Versements de la subvention… »: the payments the ARS made, typed in a dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from ambassadeur_app.gui.main_window import MainWindow

MENU_TEXT = "&Versements de la subvention…"


def install(window: MainWindow) -> QAction:
    """Add the action to the Carnet menu, after « Budget prévisionnel »; it opens the dialog.
    It is enabled only once the window has its carnet (checked as the menu opens)."""
    menu = window.ui.menubar.findChild(QMenu, "menu_carnet")
    assert menu is not None, "the main window's form has a Carnet menu"
    action = QAction(MENU_TEXT, window)
    action.setObjectName("action_payments")
    action.setStatusTip("Saisir les sommes que l'ARS a versées sur la subvention (avance, solde)")
    actions = menu.actions()
    after = window.ui.action_budget
    if after in actions[:-1]:
        menu.insertAction(actions[actions.index(after) + 1], action)
    else:
        menu.addAction(action)
    menu.aboutToShow.connect(lambda: action.setEnabled(window.loaded))
    action.triggered.connect(lambda: open_dialog(window))
    return action


def open_dialog(window: MainWindow) -> None:
    """Open the dialog (modal); the dashboard's money figures follow a change."""
    from ambassadeur_app.gui.dialogs.payments_dialog import PaymentsDialog

    dialog = PaymentsDialog(window.service, window)
    dialog.exec()
    if dialog.changes:
        window.ui.statusbar.showMessage(
            "Versements de la subvention enregistrés : le bilan d'exécution en tient compte.", 8000
        )

"""« Fichier > Vue régionale (consolider des dossiers)… »: the regional view of many CPTS, read
from their justification packs and carnets without writing to them (``dialogs/region_dialog.py``).

``install(window)`` runs before the first paint: it makes the action and imports nothing else
(the dialog is imported when the action is triggered).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from ambassadeur_app.gui.dialogs.region_dialog import RegionDialog
    from ambassadeur_app.gui.main_window import MainWindow

MENU_TEXT = "Vue &régionale (consolider des dossiers)…"


class Region:
    """The action and its dialog (one at a time, brought to the front when open again)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dialog: RegionDialog | None = None
        action = QAction(MENU_TEXT, window)
        action.setObjectName("action_region")
        action.setStatusTip(
            "Consolider les dossiers de justification et les carnets de plusieurs CPTS, lus sans "
            "être modifiés, et en écrire la vue régionale (Excel, PDF)"
        )
        action.triggered.connect(lambda _=False: self.open())
        menu = window.ui.menu_file
        quit_action = window.ui.action_quit
        if quit_action in menu.actions():
            menu.insertAction(quit_action, action)
            menu.insertSeparator(quit_action)
        else:
            menu.addAction(action)
        self.action = action

    def open(self) -> RegionDialog:
        """Show the dialog (not modal: the carnet stays usable beside it)."""
        from ambassadeur_app.gui.dialogs.region_dialog import RegionDialog

        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        self.dialog = RegionDialog(self.window.documents_folder(), self.window.pool, self.window)
        screen = self.window.screen().availableGeometry()  # wide: a column per figure
        self.dialog.resize(min(1500, screen.width() * 9 // 10), min(860, screen.height() * 17 // 20))
        self.dialog.show()
        return self.dialog


def install(window: MainWindow) -> Region:
    """Add « Vue régionale… » to the Fichier menu, above « Quitter »."""
    return Region(window)

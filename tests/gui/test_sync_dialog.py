"""The share dialog's « Afficher » check box shows and hides both passphrase fields (the helper
the secure copy's dialog uses too)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from ambassadeur_app.gui.dialogs.sync_dialog import SHARE, SyncDialog
from ambassadeur_app.gui.main_window import MainWindow


def test_the_passphrase_fields_are_shown_and_hidden_together(qtbot: Any, window: MainWindow) -> None:
    dialog = SyncDialog(SHARE, window)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    edits = (ui.passphrase_edit, ui.confirm_edit)
    assert [e.echoMode() for e in edits] == [QLineEdit.EchoMode.Password] * 2
    ui.show_check.setFocus()
    qtbot.keyClick(ui.show_check, Qt.Key.Key_Space)
    assert ui.show_check.isChecked()
    assert [e.echoMode() for e in edits] == [QLineEdit.EchoMode.Normal] * 2
    ui.show_check.setChecked(False)
    assert [e.echoMode() for e in edits] == [QLineEdit.EchoMode.Password] * 2

"""The share dialog's « Afficher » check box shows and hides both passphrase fields (the helper
the secure copy's dialog uses too); the join dialog's two choices, a new carnet or a merge."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from ambassadeur_app.gui.dialogs.sync_dialog import JOIN, SHARE, SyncDialog, SyncRequest
from ambassadeur_app.gui.main_window import MainWindow
from tests.gui.conftest import Prompts


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


def test_the_join_dialog_keeps_a_path_for_each_choice(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    new, kept = tmp_path / "nouveau.ambassadeur", tmp_path / "tenu.ambassadeur"
    dialog = SyncDialog(JOIN, window, carnet=new, to_merge=kept)
    qtbot.addWidget(dialog)
    dialog.show()
    ui, ok = dialog.ui, dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ui.new_radio.isChecked()
    assert (ui.carnet_label.text(), ui.carnet_edit.text(), ok.text()) == (
        "&Nouveau carnet :",
        str(new),
        "Rejoindre",
    )
    assert not ui.merge_label.isVisible()
    ui.merge_radio.click()
    assert (ui.carnet_label.text(), ui.carnet_edit.text(), ok.text()) == (
        "Carnet à fusio&nner :",
        str(kept),
        "Fusionner",
    )
    assert ui.merge_label.isVisible()
    ui.carnet_edit.setText(str(tmp_path / "autre.ambassadeur"))  # typed, then back and forth
    ui.new_radio.click()
    assert ui.carnet_edit.text() == str(new)
    ui.merge_radio.click()
    assert ui.carnet_edit.text() == str(tmp_path / "autre.ambassadeur")


def test_the_join_dialog_checks_the_carnet_and_asks_before_merging(
    qtbot: Any, window: MainWindow, prompts: Prompts, tmp_path: Path
) -> None:
    existing = tmp_path / "tenu.ambassadeur"
    existing.write_bytes(b"carnet")
    dialog = SyncDialog(JOIN, window, folder=tmp_path, carnet=existing)
    qtbot.addWidget(dialog)
    dialog.show()
    ui, ok = dialog.ui, dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ui.passphrase_edit.setText("phrase du binôme")
    ok.click()  # a new carnet where one exists: merging is suggested
    assert ui.message_label.text().endswith(
        f"Le carnet « {existing} » existe déjà : donnez un autre nom, ou choisissez de le fusionner avec "
        "le carnet partagé.</span>"
    )
    ui.merge_radio.click()
    ui.carnet_edit.setText(str(tmp_path / "absent.ambassadeur"))
    ok.click()
    assert f"Le carnet « {tmp_path / 'absent.ambassadeur'} » est introuvable" in ui.message_label.text()
    assert prompts.asked == []
    ui.carnet_edit.setText(str(existing))
    prompts.answer = False  # the confirmation declined: the dialog stays as it was
    ok.click()
    assert prompts.asked == [f"Fusionner le carnet « {existing} » avec le carnet partagé ?"]
    assert dialog.isVisible()
    assert dialog.request is None
    assert ui.passphrase_edit.text() == "phrase du binôme"
    prompts.answer = True
    ok.click()
    assert not dialog.isVisible()
    assert dialog.request == SyncRequest(tmp_path, "phrase du binôme", existing, merge=True)

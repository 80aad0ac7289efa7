"""The encrypted copy off the laptop, from the Fichier menu and at each month's close."""

from __future__ import annotations

import errno
import os
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import EntryFilter
from ambassadeur_app.gui.dialogs.secure_copy_dialog import SecureCopyDialog
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.services import CarnetService
from ambassadeur_app.services.outside_copy import last_outside_copy, write_plain_copy
from ambassadeur_app.storage.sealed import is_sealed
from tests.conftest import log_entry

PHRASE = "cheval agrafe batterie correcte"
SEPT = Month(2024, 9)


def open_from_menu(window: MainWindow) -> SecureCopyDialog:
    action = window.ui.action_secure_copy
    assert action in window.ui.menu_file.actions()
    assert action.text() == "&Copier le carnet sur une clé ou un dossier…"
    action.trigger()
    dialog = window.findChildren(SecureCopyDialog)[-1]
    assert dialog.isVisible()
    return dialog


def test_copy_from_the_menu_writes_an_encrypted_file(
    qtbot: Any, window: MainWindow, service: CarnetService, prompts: Any, tmp_path: Path
) -> None:
    log_entry(service, date(2024, 9, 2), 60)
    dialog = open_from_menu(window)
    ui = dialog.ui
    assert "Aucune copie chiffrée" in ui.copy_info_label.text()
    assert ui.target_edit.text().endswith("carnet-copie-2024-11-15.carnet-chiffre")
    assert ui.passphrase_edit.echoMode() == QLineEdit.EchoMode.Password
    target = tmp_path / "cle" / "carnet.carnet-chiffre"
    ui.target_edit.setText(str(target))
    qtbot.keyClicks(ui.passphrase_edit, "court")
    dialog.ok_button.click()
    assert "Le dossier" in ui.copy_message_label.text()  # the key is not plugged in
    target.parent.mkdir()
    dialog.ok_button.click()
    assert "au moins 10 caractères" in ui.copy_message_label.text()
    ui.passphrase_edit.setText(PHRASE)
    qtbot.keyClicks(ui.confirm_edit, PHRASE + "x")
    dialog.ok_button.click()
    assert "diffèrent" in ui.copy_message_label.text()
    assert dialog.isVisible()
    assert not target.exists()
    ui.show_check.setChecked(True)
    assert ui.confirm_edit.echoMode() == QLineEdit.EchoMode.Normal
    ui.confirm_edit.setText(PHRASE)
    qtbot.keyClick(ui.confirm_edit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    # The test folder is on the laptop's own disk: the user is warned, and confirms.
    assert "Cette copie resterait sur le disque de cet ordinateur." in prompts.asked
    assert is_sealed(target)
    assert "Copie chiffrée écrite et relue" in window.ui.statusbar.currentMessage()
    last = last_outside_copy(service.carnet.backups.folder)
    assert last is not None
    assert last.path == target
    assert window.settings.value("secure_copy/folder") == str(target.parent)


def test_restore_tab_refuses_a_wrong_passphrase_then_restores(
    qtbot: Any, window: MainWindow, service: CarnetService, prompts: Any, tmp_path: Path
) -> None:
    from ambassadeur_app.services.outside_copy import write_sealed_copy
    from ambassadeur_app.storage.sealed import KdfParams

    log_entry(service, date(2024, 9, 2), 60)
    log_entry(service, date(2024, 9, 3), 90)
    copy = tmp_path / "cle.carnet-chiffre"
    write_sealed_copy(service, copy, PHRASE, params=KdfParams(14, 8, 1))
    window.service.delete_entries(window.service.entry_ids(EntryFilter(month=SEPT)))
    dialog = open_from_menu(window)
    ui = dialog.ui
    ui.tabs.setCurrentIndex(SecureCopyDialog.RESTORE_TAB)
    assert dialog.ok_button.text() == "Restaurer…"
    dialog.ok_button.click()
    assert "Choisissez la copie" in ui.restore_message_label.text()
    prompts.file = copy
    ui.source_button.click()
    assert ui.source_edit.text() == str(copy)
    qtbot.keyClicks(ui.restore_passphrase_edit, "une autre phrase secrete")
    dialog.ok_button.click()
    assert "phrase secrète ne correspond pas" in ui.restore_message_label.text()
    assert dialog.isVisible()
    assert window.service.entry_ids(EntryFilter(month=SEPT)) == []
    ui.restore_passphrase_edit.setText(PHRASE)
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert "Restaurer cette copie chiffrée ?" in prompts.asked
    assert len(window.service.entry_ids(EntryFilter(month=SEPT))) == 2
    assert "restauré" in window.ui.statusbar.currentMessage()


def test_a_plain_backup_is_sent_to_the_backups_dialog(
    qtbot: Any, window: MainWindow, service: CarnetService, tmp_path: Path
) -> None:
    dialog = window.copies.copy_carnet_outside(restore=True)
    plain = write_plain_copy(service, tmp_path / "ordinaire.ambassadeur")
    dialog.ui.source_edit.setText(str(plain))
    dialog.ui.restore_passphrase_edit.setText(PHRASE)
    dialog.ok_button.click()
    assert "Fichier &gt; Sauvegardes" in dialog.ui.restore_message_label.text()
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()


def test_month_close_proposes_the_copy_and_reminds_when_overdue(
    qtbot: Any, window: MainWindow, service: CarnetService, prompts: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from ambassadeur_app.services.outside_copy import write_sealed_copy
    from ambassadeur_app.storage.sealed import KdfParams

    log_entry(service, date(2024, 9, 2), 60)
    window.page.show_month(SEPT)
    window.close_month()
    # Started on 1 September, never copied, today 15 November: more than a month.
    assert any("date de plus d'un mois" in text for text in prompts.asked)
    dialog = window.findChildren(SecureCopyDialog)[-1]
    assert dialog.isVisible()
    assert "<b>Aucune copie chiffrée" in dialog.ui.copy_info_label.text()
    dialog.reject()
    write_sealed_copy(window.service, tmp_path / "cle.carnet-chiffre", PHRASE, params=KdfParams(14, 8, 1))
    asked: list[str] = []

    def only_close(parent: Any, text: str, informative: str = "", yes: str = "") -> bool:
        asked.append(f"{text}\n{informative}")
        return text.startswith("Clôturer")

    monkeypatch.setattr("ambassadeur_app.gui.prompts.ask", only_close)
    window.page.show_month(Month(2024, 10))
    window.close_month()
    assert asked[-1].startswith("Copier aussi le carnet sur une clé ou un dossier ?")
    assert "le 15/11/2024 (aujourd'hui)" in asked[-1]
    assert not [d for d in window.findChildren(SecureCopyDialog) if d.isVisible()]


def test_copy_failure_is_shown_in_french(
    qtbot: Any, window: MainWindow, prompts: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    real_fsync = os.fsync

    def full_key(fd: int) -> None:  # the key fills up while the encrypted copy is written
        if "plein.carnet-chiffre" in os.readlink(f"/proc/self/fd/{fd}"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full_key)
    dialog = open_from_menu(window)
    target = tmp_path / "plein.carnet-chiffre"
    dialog.ui.target_edit.setText(str(target))
    dialog.ui.passphrase_edit.setText(PHRASE)
    dialog.ui.confirm_edit.setText(PHRASE)
    dialog.ok_button.click()
    box = window.findChild(QMessageBox, "error_box")
    assert box is not None
    assert "le disque est plein" in box.text()
    assert not target.exists()
    assert list(tmp_path.glob("*.part")) == []


def test_a_cancelled_copy_is_said_in_the_status_bar(
    qtbot: Any, window: MainWindow, prompts: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from ambassadeur_app.storage.sealed import SealCancelled

    def cancelled(*args: Any, **kwargs: Any) -> Path:
        raise SealCancelled("Copie annulée : aucun fichier n'a été écrit.")

    monkeypatch.setattr("ambassadeur_app.services.outside_copy.write_sealed_copy", cancelled)
    dialog = open_from_menu(window)
    dialog.ui.target_edit.setText(str(tmp_path / "annulee.carnet-chiffre"))
    dialog.ui.passphrase_edit.setText(PHRASE)
    dialog.ui.confirm_edit.setText(PHRASE)
    dialog.ok_button.click()
    assert dialog.ui.passphrase_edit.text() == ""  # the widgets do not keep the passphrase
    assert window.ui.statusbar.currentMessage() == "Copie annulée : aucun fichier n'a été écrit."
    assert window.findChild(QMessageBox, "error_box") is None


def test_an_encrypted_copy_can_be_handed_over_prefilled(window: MainWindow, tmp_path: Path) -> None:
    copy = tmp_path / "cle.carnet-chiffre"
    dialog = window.copies.copy_carnet_outside(source=copy)
    assert dialog.ui.tabs.currentIndex() == SecureCopyDialog.RESTORE_TAB
    assert dialog.ui.source_edit.text() == str(copy)
    dialog.reject()


def test_a_lost_attachment_is_named_before_the_copy_and_the_restore_brings_the_rest_back(
    qtbot: Any, window: MainWindow, service: CarnetService, tmp_path: Path, monkeypatch: Any
) -> None:
    from tests.unit.test_expenses import PDF, expense, pdf

    asked: list[str] = []
    refused = ["Une pièce jointe ne peut pas être copiée."]

    def ask(parent: Any, text: str, informative: str = "", yes: str = "") -> bool:
        asked.append(f"{text}\n{informative}")
        return text not in refused

    monkeypatch.setattr("ambassadeur_app.gui.prompts.ask", ask)

    expense_id = service.expenses.save_expense(expense())
    lost = service.expenses.attach(expense_id, pdf(tmp_path, "facture.pdf"))
    kept = service.expenses.attach(expense_id, pdf(tmp_path, "devis.pdf", PDF + b"%2"))
    service.expenses.store.path_of(lost).unlink()
    dialog = open_from_menu(window)
    assert "La copie contient aussi les pièces jointes" in dialog.ui.copy_info_label.text()
    target = tmp_path / "cle.carnet-chiffre"
    dialog.ui.target_edit.setText(str(target))
    dialog.ui.passphrase_edit.setText(PHRASE)
    dialog.ui.confirm_edit.setText(PHRASE)
    dialog.ok_button.click()
    assert asked[-1].startswith("Une pièce jointe ne peut pas être copiée.\nLa pièce jointe « facture.pdf »")
    assert "La copie contiendra le carnet et toutes les autres pièces jointes." in asked[-1]
    assert dialog.isVisible()
    assert not target.exists()
    refused.clear()
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert is_sealed(target)
    # The store is lost too: the restore brings back the file the copy has.
    kept_file = service.expenses.store.path_of(kept)
    kept_file.unlink()
    dialog = window.copies.copy_carnet_outside(source=target)
    dialog.ui.restore_passphrase_edit.setText(PHRASE)
    dialog.ok_button.click()
    assert "restauré" in window.ui.statusbar.currentMessage()
    assert kept_file.read_bytes() == PDF + b"%2"
    assert window.service.expenses.check_attachment(kept) is None
    assert window.service.expenses.check_attachment(lost) is not None

"""The expenses dialog: typed amounts saved, the forfait confirmation, files attached (chosen or
dropped), opened, and a changed file shown in its row."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from ambassadeur_app.domain.expenses import AttachmentRole, ExpenseStatus
from ambassadeur_app.gui.app import create_application
from ambassadeur_app.gui.dialogs.expenses_dialog import ExpensesDialog
from ambassadeur_app.services import CarnetService
from tests.conftest import plain
from tests.gui.conftest import Prompts
from tests.unit.test_events import workshop
from tests.unit.test_expenses import PDF, expense, pdf


def dialog(qtbot: Any, service: CarnetService, event_id: str | None) -> ExpensesDialog:
    create_application()
    shown = ExpensesDialog(service, event_id, None)
    qtbot.addWidget(shown)
    shown.resize(1100, 640)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def type_into(qtbot: Any, widget: Any, text: str) -> None:
    widget.clear()
    qtbot.keyClicks(widget, text)


def test_an_expense_typed_in_the_form_is_saved_with_its_computed_amount(
    qtbot: Any, service: CarnetService, prompts: Prompts
) -> None:
    event_id = service.events.save_event(workshop())
    shown = dialog(qtbot, service, event_id)
    ui = shown.ui
    assert "Forfait événements : 0,00 € engagés sur 1 600,00 €" in plain(ui.forfait_label.text())
    type_into(qtbot, ui.supplier_edit, "Salle polyvalente de Laxou")
    type_into(qtbot, ui.number_edit, "D-42")
    ui.date_edit.setDate(date(2024, 10, 1))
    type_into(qtbot, ui.ht_edit, "1 000,50")
    type_into(qtbot, ui.vat_edit, "200,10")
    ui.status_combo.setCurrentIndex(ui.status_combo.findData(ExpenseStatus.ORDERED.value))
    qtbot.mouseClick(ui.save_button, Qt.MouseButton.LeftButton)
    assert "Dépense enregistrée." in ui.message_label.text()
    [expense_id] = service.expenses.expense_ids(event_id)
    saved = service.expenses.expense(expense_id)
    assert (saved.supplier, saved.number, saved.issued_on) == (
        "Salle polyvalente de Laxou",
        "D-42",
        date(2024, 10, 1),
    )
    assert (saved.amount_ht_cents, saved.vat_cents, saved.amount_ttc_cents) == (100_050, 20_010, 120_060)
    assert (saved.status, saved.event_id) == (ExpenseStatus.ORDERED, event_id)
    assert plain(ui.ttc_edit.text()) == "1 200,60"
    assert shown.model.rowCount() == 1
    assert plain(shown.model.index(0, 4).data()) == "1 200,60 €"
    assert "1 200,60 € engagés sur 1 600,00 €, reste 399,40 €" in plain(ui.forfait_label.text())
    assert prompts.asked == []


def test_a_wrong_amount_is_said_and_nothing_saved(
    qtbot: Any, service: CarnetService, prompts: Prompts
) -> None:
    shown = dialog(qtbot, service, None)
    ui = shown.ui
    type_into(qtbot, ui.supplier_edit, "Imprimerie")
    type_into(qtbot, ui.ht_edit, "100")
    type_into(qtbot, ui.vat_edit, "20")
    type_into(qtbot, ui.ttc_edit, "130")
    shown.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shown)
    ui.ttc_edit.setFocus()
    qtbot.keyClick(ui.ttc_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # saved by Ctrl+S
    assert "font 120,00 €, pas 130,00 € TTC" in plain(ui.message_label.text())
    type_into(qtbot, ui.ttc_edit, "cent")
    qtbot.mouseClick(ui.save_button, Qt.MouseButton.LeftButton)
    assert "Montant invalide pour « montant TTC »" in plain(ui.message_label.text())
    assert service.expenses.expense_ids() == []


@pytest.mark.parametrize("confirmed", [False, True])
def test_going_beyond_the_forfait_is_confirmed_first(
    qtbot: Any, service: CarnetService, prompts: Prompts, confirmed: bool
) -> None:
    service.expenses.save_expense(expense(amount_ht_cents=150_000, vat_cents=0, amount_ttc_cents=150_000))
    shown = dialog(qtbot, service, None)
    ui = shown.ui
    qtbot.mouseClick(ui.new_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, ui.supplier_edit, "Traiteur")
    type_into(qtbot, ui.ht_edit, "150")
    type_into(qtbot, ui.vat_edit, "0")
    ui.status_combo.setCurrentIndex(ui.status_combo.findData(ExpenseStatus.INVOICED.value))
    prompts.answer = confirmed
    qtbot.mouseClick(ui.save_button, Qt.MouseButton.LeftButton)
    assert prompts.asked == ["Dépasser le forfait événements ?"]
    assert len(service.expenses.expense_ids()) == (2 if confirmed else 1)
    assert service.expenses.forfait_use().committed_cents == (165_000 if confirmed else 150_000)
    if confirmed:
        assert "dépassé de 50,00 €" in plain(ui.forfait_label.text())
    else:
        assert "Non enregistrée" in ui.message_label.text()


def test_files_are_attached_opened_and_a_changed_one_shown_in_its_row(
    qtbot: Any, service: CarnetService, prompts: Prompts, tmp_path: Path
) -> None:
    expense_id = service.expenses.save_expense(expense())
    shown = dialog(qtbot, service, None)
    ui = shown.ui
    assert shown.current_id == expense_id
    prompts.file = pdf(tmp_path, "facture.pdf")
    qtbot.mouseClick(ui.attach_button, Qt.MouseButton.LeftButton)
    # A file dropped onto the dialog is attached as well.
    scan = pdf(tmp_path, "scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20 + b"\x00\x00\x00\x00IEND\xaeB`\x82")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(scan))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    shown.dropEvent(drop)  # Qt delivers no drop event without a drag under way (offscreen)
    assert drop.isAccepted()
    attached = service.expenses.attachments_of(expense_id)
    assert [(a.filename, a.role) for a in attached] == [
        ("facture.pdf", AttachmentRole.INVOICE),
        ("scan.png", AttachmentRole.INVOICE),
    ]
    assert ui.attachments_list.count() == 2
    assert shown.model.index(0, 6).data() == "2 pièces en ordre"
    ui.attachments_list.setCurrentRow(0)
    qtbot.mouseClick(ui.open_button, Qt.MouseButton.LeftButton)
    assert prompts.opened == [service.expenses.attachment_path(attached[0])]
    assert prompts.opened[0].read_bytes() == PDF
    stored = service.expenses.store.path_of(attached[0])
    os.chmod(stored, 0o644)
    stored.write_bytes(b"%PDF-1.4 changed")
    shown.refresh()
    assert shown.model.index(0, 6).data() == "1 pièce en défaut"
    assert "a été modifiée" in shown.model.index(0, 6).data(Qt.ItemDataRole.ToolTipRole)
    assert ui.attachments_list.item(0).text().startswith("⚠ Facture : facture.pdf")
    ui.attachments_list.setCurrentRow(0)
    qtbot.mouseClick(ui.open_button, Qt.MouseButton.LeftButton)
    assert len(prompts.opened) == 1  # a changed file is never opened
    assert "Elle n'est pas ouverte" in ui.message_label.text()
    # A file that is no PDF nor image is refused with the reason.
    prompts.file = pdf(tmp_path, "notes.txt", b"hello")
    qtbot.mouseClick(ui.attach_button, Qt.MouseButton.LeftButton)
    assert "n'est ni un PDF ni une image" in ui.message_label.text()
    assert len(service.expenses.attachments_of(expense_id)) == 2


def test_deleting_an_expense_asks_and_keeps_the_others(
    qtbot: Any, service: CarnetService, prompts: Prompts
) -> None:
    kept = service.expenses.save_expense(expense(supplier="Imprimerie"))
    gone = service.expenses.save_expense(expense(supplier="Traiteur"))
    shown = dialog(qtbot, service, None)
    shown.ui.expenses_view.selectRow(1)
    assert shown.current_id == gone
    qtbot.mouseClick(shown.ui.delete_button, Qt.MouseButton.LeftButton)
    assert prompts.asked == ["Supprimer la dépense Traiteur n° F-2024-12 du 08/10/2024 ?"]
    assert service.expenses.expense_ids() == [kept]
    assert shown.model.ids == [kept]


def test_an_expense_of_a_deleted_event_shows_it_as_deleted(
    qtbot: Any, service: CarnetService, prompts: Prompts
) -> None:
    event_id = service.events.save_event(workshop())
    expense_id = service.expenses.save_expense(expense(event_id=event_id))
    with service.carnet.write():  # as an older version let it be: deleting it is now refused
        service.carnet.events.delete([event_id])
    shown = dialog(qtbot, service, None)
    assert shown.current_id == expense_id
    assert shown.model.index(0, 5).data() == "Atelier Parceo (événement supprimé)"
    assert shown.ui.event_combo.currentText() == "Atelier Parceo (événement supprimé)"
    type_into(qtbot, shown.ui.number_edit, "F-2024-13")
    qtbot.mouseClick(shown.ui.save_button, Qt.MouseButton.LeftButton)
    assert service.expenses.expense(expense_id).number == "F-2024-13"
    assert service.expenses.expense(expense_id).event_id == event_id

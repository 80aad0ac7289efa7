"""The payments dialog: a payment typed and saved (Enter), a malformed date, a zero or negative
amount refused with its message and the field at fault focused, a payment beyond the grant asked
first, a deletion; and its place in the Carnet menu."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from ambassadeur_app.domain.bilan import GrantPayment
from ambassadeur_app.gui.actions import payments
from ambassadeur_app.gui.app import create_application
from ambassadeur_app.gui.dialogs.payments_dialog import PaymentsDialog
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.services import CarnetService
from tests.conftest import log_entry, plain
from tests.gui.conftest import Prompts


def dialog(qtbot: Any, service: CarnetService) -> PaymentsDialog:
    create_application()
    shown = PaymentsDialog(service)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def type_into(qtbot: Any, widget: Any, text: str) -> None:
    widget.clear()
    qtbot.keyClicks(widget, text)


def message(shown: PaymentsDialog) -> str:
    return plain(shown.ui.message_label.text())


def test_a_payment_is_typed_and_saved(qtbot: Any, service: CarnetService, prompts: Prompts) -> None:
    shown = dialog(qtbot, service)
    ui = shown.ui
    assert ui.date_edit.text() == "15/11/2024"  # today
    assert "0 versement : 0,00 € reçus" in plain(ui.summary_label.text())
    type_into(qtbot, ui.date_edit, "20/09/2024")
    type_into(qtbot, ui.amount_edit, "6 800,50")
    type_into(qtbot, ui.label_edit, "avance de 50 %")
    qtbot.keyClick(ui.label_edit, Qt.Key.Key_Return)
    assert service.bilan.payments() == [
        GrantPayment(date(2024, 9, 20), 680_050, "avance de 50 %", service.bilan.payments()[0].id)
    ]
    assert "Versement enregistré : Versement du 20/09/2024 : 6 800,50 € (avance de 50 %)." in message(shown)
    listed = [ui.payments_list.item(row).text() for row in range(ui.payments_list.count())]
    assert listed == [payment.line for payment in service.bilan.payments()]
    assert "1 versement : 6 800,50 € reçus" in plain(ui.summary_label.text())
    assert (ui.amount_edit.text(), ui.label_edit.text()) == ("", "")
    assert shown.changes == 1
    assert prompts.asked == []


@pytest.mark.parametrize(
    ("day", "amount", "expected", "field"),
    [
        ("31/02/2025", "100", "Date invalide : « 31/02/2025 » (ce jour n'existe pas).", "date_edit"),
        ("le 3 mars", "100", "Date invalide : « le 3 mars ». Écrivez-la JJ/MM/AAAA", "date_edit"),
        ("01/11/2024", "0", "Le montant d'un versement doit être positif (0,00 € saisis).", "amount_edit"),
        (
            "01/11/2024",
            "-50",
            "Le montant d'un versement doit être positif (-50,00 € saisis).",
            "amount_edit",
        ),
        ("01/03/2025", "", "Indiquez le montant reçu", "amount_edit"),
        ("01/03/2025", "12,345", "Montant invalide pour « montant » : « 12,345 »", "amount_edit"),
    ],
)
def test_a_wrong_field_is_refused_with_its_message(
    qtbot: Any, service: CarnetService, prompts: Prompts, day: str, amount: str, expected: str, field: str
) -> None:
    shown = dialog(qtbot, service)
    type_into(qtbot, shown.ui.date_edit, day)
    type_into(qtbot, shown.ui.amount_edit, amount)
    shown.ui.label_edit.setFocus()
    qtbot.mouseClick(shown.ui.add_button, Qt.MouseButton.LeftButton)
    assert expected in message(shown)
    assert service.bilan.payments() == []
    assert shown.focusWidget() is getattr(shown.ui, field)
    assert shown.changes == 0


def test_a_payment_beyond_the_grant_is_asked_first(
    qtbot: Any, service: CarnetService, prompts: Prompts
) -> None:
    shown = dialog(qtbot, service)
    type_into(qtbot, shown.ui.amount_edit, "13 600,01")
    prompts.answer = False
    qtbot.mouseClick(shown.ui.add_button, Qt.MouseButton.LeftButton)
    assert [plain(text) for text in prompts.asked] == [
        "Les versements reçus (13 600,01 €) dépassent la subvention accordée (13 600,00 €) de 0,01 € : "
        "vérifiez les montants."
    ]
    assert service.bilan.payments() == []
    prompts.answer = True
    qtbot.mouseClick(shown.ui.add_button, Qt.MouseButton.LeftButton)
    assert [p.amount_cents for p in service.bilan.payments()] == [1_360_001]
    assert "pas encore versés" not in shown.ui.summary_label.text()
    # The same payment again: asked too.
    prompts.answer = False
    type_into(qtbot, shown.ui.amount_edit, "13 600,01")
    qtbot.mouseClick(shown.ui.add_button, Qt.MouseButton.LeftButton)
    assert "est déjà enregistré" in plain(prompts.asked[-1])
    assert len(service.bilan.payments()) == 1


def test_a_payment_to_come_is_refused(qtbot: Any, service: CarnetService, prompts: Prompts) -> None:
    shown = dialog(qtbot, service)
    type_into(qtbot, shown.ui.date_edit, "16/11/2024")  # tomorrow
    type_into(qtbot, shown.ui.amount_edit, "100")
    qtbot.mouseClick(shown.ui.add_button, Qt.MouseButton.LeftButton)
    assert "un versement se note une fois reçu" in message(shown)
    assert shown.focusWidget() is shown.ui.date_edit
    assert service.bilan.payments() == []


def test_the_summary_gives_the_bilan_s_balance(qtbot: Any, service: CarnetService, prompts: Prompts) -> None:
    """Not the grant less the payments: the bilan's one figure, the expenses retained less the
    payments."""
    log_entry(service, date(2024, 9, 2), 600)  # 10 h: 500,00 €
    service.bilan.add_payment(GrantPayment(date(2024, 9, 20), 30_000))
    shown = dialog(qtbot, service)
    bilan, _ = service.bilan.bilan()
    summary = plain(shown.ui.summary_label.text())
    assert bilan.due_cents == 20_000
    assert "Solde restant à verser par l'ARS : 200,00 €" in summary
    assert "13 300,00 €" not in summary


def test_a_payment_is_deleted(qtbot: Any, service: CarnetService, prompts: Prompts) -> None:
    kept = service.bilan.add_payment(GrantPayment(date(2024, 9, 20), 100_000))
    gone = service.bilan.add_payment(GrantPayment(date(2024, 10, 20), 50_000, "erreur"))
    shown = dialog(qtbot, service)
    ui = shown.ui
    qtbot.mouseClick(ui.delete_button, Qt.MouseButton.LeftButton)
    assert "Sélectionnez le versement à supprimer" in message(shown)
    ui.payments_list.setCurrentRow(1)
    qtbot.mouseClick(ui.delete_button, Qt.MouseButton.LeftButton)
    assert (
        plain(prompts.asked[-1]) == "Supprimer le versement « Versement du 20/10/2024 : 500,00 € (erreur) » ?"
    )
    assert [p.id for p in service.bilan.payments()] == [kept]
    assert ui.payments_list.count() == 1
    assert gone not in {p.id for p in service.bilan.payments()}
    assert shown.changes == 1


def test_the_carnet_menu_opens_the_dialog(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, prompts: Prompts
) -> None:
    menu = window.ui.menubar.findChild(QMenu, "menu_carnet")
    texts = [action.text() for action in menu.actions()]
    assert payments.MENU_TEXT in texts
    assert texts.index(payments.MENU_TEXT) == texts.index(window.ui.action_budget.text()) + 1
    opened: list[PaymentsDialog] = []
    monkeypatch.setattr(PaymentsDialog, "exec", lambda self: opened.append(self) or 0)
    action = next(a for a in menu.actions() if a.text() == payments.MENU_TEXT)
    menu.aboutToShow.emit()
    assert action.isEnabled()
    action.trigger()
    assert len(opened) == 1
    assert opened[0].service is window.service

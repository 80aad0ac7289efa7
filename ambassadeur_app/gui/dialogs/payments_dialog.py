"""The payments of the grant the ARS actually made: type one in (date, amount, label) or delete
one; the bilan d'exécution compares them with the expenses."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QListWidgetItem, QWidget

from ambassadeur_app.domain.bilan import GrantPayment
from ambassadeur_app.domain.dates import parse_date
from ambassadeur_app.domain.expenses import parse_amount
from ambassadeur_app.domain.formatting import format_date, format_euros, plural
from ambassadeur_app.errors import AppError, InvalidInput
from ambassadeur_app.gui import prompts
from ambassadeur_app.gui.forms.ui_payments_dialog import Ui_PaymentsDialog
from ambassadeur_app.gui.widgets.feedback import OK_COLOR, colored, error_line, refused
from ambassadeur_app.services import CarnetService


class PaymentsDialog(QDialog):
    """Record or delete payments; ``changes`` counts those saved and deleted."""

    def __init__(self, service: CarnetService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PaymentsDialog()
        self.ui.setupUi(self)
        self.service = service
        self.changes = 0
        ui = self.ui
        ui.buttons.button(QDialogButtonBox.StandardButton.Close).setText("Fermer")
        ui.buttons.rejected.connect(self.reject)
        ui.add_button.clicked.connect(self.add)
        ui.delete_button.clicked.connect(self.delete_selected)
        # Enter in a field saves: « Enregistrer le versement » is the default button.
        ui.date_edit.setText(format_date(service.today()))
        self._list()
        ui.amount_edit.setFocus()

    def _list(self) -> None:
        """List the payments by date, and what they add up to against the grant."""
        ui = self.ui
        ui.payments_list.clear()
        payments = self.service.bilan.payments()
        for payment in payments:
            item = QListWidgetItem(payment.line)
            item.setData(Qt.ItemDataRole.UserRole, payment.id)
            ui.payments_list.addItem(item)
        ui.delete_button.setEnabled(bool(payments))
        bilan, _ = self.service.bilan.bilan()
        when = "à ce jour" if bilan.draft else "de la période"
        ui.summary_label.setText(
            f"<b>{plural(len(payments), 'versement')} : {format_euros(bilan.received_cents)} reçus</b> sur "
            f"{format_euros(bilan.grant_cents)} de subvention accordée.<br>Bilan d'exécution {when} — "
            f"{escape(bilan.settlement_text, quote=False)}."
        )

    def _field(self, name: str) -> QLineEdit:
        ui = self.ui
        return {"date": ui.date_edit, "libellé": ui.label_edit}.get(name, ui.amount_edit)

    def add(self) -> None:
        """Save the payment typed; a wrong field (a date to come) keeps it with its message, and
        a warning (beyond the grant, the same payment twice, before the start) asks first."""
        ui = self.ui
        try:
            day = parse_date(ui.date_edit.text(), "date")
            amount = parse_amount(ui.amount_edit.text())
            if amount is None:
                raise InvalidInput("Indiquez le montant reçu, par exemple 6 800,00.", "montant")
            payment = GrantPayment(day, amount, ui.label_edit.text())
            warnings = self.service.bilan.payment_warnings(payment)
            if warnings and not prompts.ask(
                self, "\n\n".join(warnings), "Enregistrer ce versement quand même ?", "Enregistrer"
            ):
                return
            payment_id = self.service.bilan.add_payment(payment)
        except AppError as exc:
            refused(ui.message_label, exc, self._field)
            return
        self.changes += 1
        saved = next(p for p in self.service.bilan.payments() if p.id == payment_id)
        ui.message_label.setText(colored(f"Versement enregistré : {saved.line}.", OK_COLOR))
        ui.amount_edit.clear()
        ui.label_edit.clear()
        self._list()
        ui.amount_edit.setFocus()

    def delete_selected(self) -> None:
        selected = self.ui.payments_list.selectedItems()
        if not selected:
            error_line(self.ui.message_label, "Sélectionnez le versement à supprimer dans la liste.")
            return
        item = selected[0]
        if not prompts.ask(self, f"Supprimer le versement « {item.text()} » ?", yes="Supprimer"):
            return
        try:
            self.service.bilan.delete_payment(str(item.data(Qt.ItemDataRole.UserRole)))
        except AppError as exc:
            error_line(self.ui.message_label, exc.message)
            return
        self.changes += 1
        self.ui.message_label.setText(f"Versement supprimé : {item.text()}.")
        self._list()

"""Record a Parceo account action (creation, update...) for a professional."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ambassadeur_app.domain.register import AccountAction, AccountEvent, Professional
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui.forms.ui_account_dialog import Ui_AccountDialog
from ambassadeur_app.gui.widgets.choices import fill_ambassadors, fill_enum
from ambassadeur_app.gui.widgets.feedback import error_line
from ambassadeur_app.gui.widgets.programme_form import from_qdate, to_qdate
from ambassadeur_app.services import CarnetService


class AccountDialog(QDialog):
    def __init__(
        self, service: CarnetService, professional: Professional, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_AccountDialog()
        self.ui.setupUi(self)
        self.service = service
        self.professional = professional
        ui = self.ui
        ui.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Enregistrer")
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        ui.person_label.setText(
            f"<b>{professional.full_name}</b> — compte actuel : {professional.parceo_status.label.lower()}"
        )
        ui.date_edit.setDate(to_qdate(service.today()))
        fill_enum(ui.action_combo, AccountAction)
        fill_ambassadors(ui.ambassador_combo, service.ambassadors(include_inactive=False))
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)

    def accept(self) -> None:
        ui = self.ui
        try:
            self.service.register.record_account(
                AccountEvent(
                    day=from_qdate(ui.date_edit.date()),
                    professional_id=self.professional.id,
                    action=AccountAction(ui.action_combo.currentData()),
                    ambassador_id=ui.ambassador_combo.currentData(),
                )
            )
        except AppError as exc:
            error_line(ui.message_label, exc.message)
            return
        super().accept()

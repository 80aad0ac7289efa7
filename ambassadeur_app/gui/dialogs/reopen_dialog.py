"""Ask why a closed month is reopened: the reason is printed on its next timesheet."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.formatting import format_timestamp
from ambassadeur_app.domain.model import MonthLock
from ambassadeur_app.gui.forms.ui_reopen_dialog import Ui_ReopenDialog


class ReopenDialog(QDialog):
    def __init__(self, month: Month, lock: MonthLock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ReopenDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(f"Rouvrir le mois {month.of_label()}")
        self.ui.explanation_label.setText(
            f"Le mois {month.of_label()} a été clôturé le {format_timestamp(lock.closed_at)}. "
            "Le rouvrir permet de corriger ses entrées ; pensez à le clôturer de nouveau "
            "pour produire le relevé corrigé."
        )
        self.ok_button = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Rouvrir le mois")
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        self.ok_button.setEnabled(False)
        self.ui.reason_edit.textChanged.connect(self._check)
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)

    def reason(self) -> str:
        return self.ui.reason_edit.toPlainText().strip()

    def _check(self) -> None:
        self.ok_button.setEnabled(len(self.reason()) >= 3)

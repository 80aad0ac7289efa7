"""Edit the carnet's targets (cahier des charges §5); the service checks each value."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QSpinBox, QWidget

from ambassadeur_app.domain.indicators import Targets
from ambassadeur_app.errors import AppError, InvalidInput
from ambassadeur_app.gui.forms.ui_targets_dialog import Ui_TargetsDialog
from ambassadeur_app.gui.widgets.feedback import error_line
from ambassadeur_app.services import CarnetService


class TargetsDialog(QDialog):
    """Shows the carnet's targets; saving keeps them (the dashboard then measures against them)."""

    def __init__(self, service: CarnetService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_TargetsDialog()
        self.ui.setupUi(self)
        self.service = service
        ui = self.ui
        # Each spin box by the name of its ``Targets`` field (the field an InvalidInput names).
        self.spins: dict[str, QSpinBox] = {
            "users_increase_percent": ui.users_spin,
            "min_events": ui.events_spin,
            "coordinated_percent": ui.coordinated_spin,
            "hospitals": ui.hospitals_spin,
            "nursing_homes": ui.nursing_homes_spin,
            "tool_surveys": ui.tool_surveys_spin,
        }
        ui.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Enregistrer")
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        ui.defaults_button.clicked.connect(lambda: self.load(Targets()))
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        self.load(service.indicators.targets())

    def load(self, targets: Targets) -> None:
        for name, spin in self.spins.items():
            spin.setValue(getattr(targets, name))
        self.ui.it_check.setChecked(targets.hospital_it_commitment)

    def targets(self) -> Targets:
        values = {name: spin.value() for name, spin in self.spins.items()}
        return replace(Targets(), hospital_it_commitment=self.ui.it_check.isChecked(), **values)

    def accept(self) -> None:
        try:
            self.service.indicators.save_targets(self.targets())
        except AppError as exc:
            error_line(self.ui.message_label, exc.message)
            spin = self.spins.get(exc.field) if isinstance(exc, InvalidInput) else None
            if spin is not None:
                spin.setFocus()
                spin.selectAll()
            return
        super().accept()

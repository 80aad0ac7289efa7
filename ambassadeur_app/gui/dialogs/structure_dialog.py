"""Create or edit a structure, with the dates of its path to Parceo."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QWidget

from ambassadeur_app.domain.register import Onboarding, Structure, StructureType
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui.forms.ui_structure_dialog import Ui_StructureDialog
from ambassadeur_app.gui.widgets.choices import fill_enum, select_data
from ambassadeur_app.gui.widgets.feedback import error_line, warning_line
from ambassadeur_app.gui.widgets.programme_form import from_qdate, to_qdate
from ambassadeur_app.services import CarnetService


class StructureDialog(QDialog):
    """``saved_id`` holds the structure's id once saved."""

    def __init__(
        self, service: CarnetService, structure: Structure | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_StructureDialog()
        self.ui.setupUi(self)
        self.service = service
        programme = service.programme()
        self.original = structure or Structure(
            "", StructureType.MSP, departement_code=programme.departement_code
        )
        self.saved_id = ""
        ui = self.ui
        self.setWindowTitle("Modifier la structure" if structure else "Nouvelle structure")
        ui.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Enregistrer")
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        fill_enum(ui.type_combo, StructureType)
        self.steps: dict[Onboarding, tuple[QCheckBox, QDateEdit]] = {
            Onboarding.CONTACTED: (ui.contacted_check, ui.contacted_edit),
            Onboarding.MET: (ui.met_check, ui.met_edit),
            Onboarding.ENGAGED: (ui.engaged_check, ui.engaged_edit),
            Onboarding.ONBOARDED: (ui.onboarded_check, ui.onboarded_edit),
        }
        original = self.original
        ui.name_edit.setText(original.name)
        select_data(ui.type_combo, original.type.value)
        ui.finess_edit.setText(original.finess)
        ui.commune_edit.setText(original.commune)
        ui.postal_code_edit.setText(original.postal_code)
        ui.departement_edit.setText(original.departement_code)
        reached = list(Onboarding).index(original.onboarding)
        for step, (check, edit) in self.steps.items():
            day = original.onboarding_dates.get(step)
            check.setChecked(list(Onboarding).index(step) <= reached)
            edit.setDate(to_qdate(day or service.today()))
            edit.setEnabled(check.isChecked())
            check.toggled.connect(edit.setEnabled)
        ui.services_edit.setText(original.services_engaged)
        ui.it_check.setChecked(original.it_commitment_on is not None)
        ui.it_edit.setDate(to_qdate(original.it_commitment_on or service.today()))
        ui.it_edit.setEnabled(ui.it_check.isChecked())
        ui.it_check.toggled.connect(ui.it_edit.setEnabled)
        ui.notes_edit.setPlainText(original.notes)
        ui.type_combo.currentIndexChanged.connect(lambda _: self._engagement_fields())
        self._engagement_fields()
        ui.not_duplicate_check.setVisible(False)
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        ui.name_edit.setFocus()

    def _engagement_fields(self) -> None:
        engages = StructureType(self.ui.type_combo.currentData()).engages_services
        for widget in (self.ui.services_edit, self.ui.services_edit_label, self.ui.it_check, self.ui.it_edit):
            widget.setVisible(engages)

    def structure(self) -> Structure:
        ui = self.ui
        dates = {
            step: from_qdate(edit.date()) for step, (check, edit) in self.steps.items() if check.isChecked()
        }
        onboarding = max(dates, key=list(Onboarding).index) if dates else Onboarding.TO_CONTACT
        return replace(
            self.original,
            name=ui.name_edit.text().strip(),
            type=StructureType(ui.type_combo.currentData()),
            finess=ui.finess_edit.text(),
            commune=ui.commune_edit.text().strip(),
            postal_code=ui.postal_code_edit.text().strip(),
            departement_code=ui.departement_edit.text().strip(),
            onboarding=onboarding,
            onboarding_dates=dates,
            services_engaged=ui.services_edit.text().strip(),
            it_commitment_on=from_qdate(ui.it_edit.date()) if ui.it_check.isChecked() else None,
            notes=ui.notes_edit.toPlainText().strip(),
        )

    def accept(self) -> None:
        structure = self.structure()
        register = self.service.register
        twins = register.structure_duplicates(structure) if not self.original.id else []
        if twins and not self.ui.not_duplicate_check.isChecked():
            names = ", ".join(f"{t.name} ({t.commune or 'commune inconnue'})" for t in twins)
            warning_line(self.ui.message_label, f"Déjà dans le registre ? {names}.")
            self.ui.not_duplicate_check.setVisible(True)
            return
        try:
            self.saved_id = register.save_structure(structure)
        except AppError as exc:
            error_line(self.ui.message_label, exc.message)
            return
        super().accept()

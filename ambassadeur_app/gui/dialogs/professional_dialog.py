"""Create or edit a professional of the register, warning about likely duplicates."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ambassadeur_app.domain.formatting import plural
from ambassadeur_app.domain.register import (
    Civility,
    ParceoStatus,
    PracticeMode,
    Professional,
    RegisterFilter,
    Specialty,
)
from ambassadeur_app.errors import AppError, InvalidInput
from ambassadeur_app.gui.forms.ui_professional_dialog import Ui_ProfessionalDialog
from ambassadeur_app.gui.models.check_list import CheckListModel
from ambassadeur_app.gui.widgets.choices import fill_enum, select_data
from ambassadeur_app.gui.widgets.feedback import error_line, warning_line
from ambassadeur_app.gui.widgets.programme_form import from_qdate, to_qdate
from ambassadeur_app.services import CarnetService

FILTER_DELAY_MS = 120


class ProfessionalDialog(QDialog):
    """``saved_id`` holds the professional's id once saved."""

    def __init__(
        self,
        service: CarnetService,
        professional: Professional | None = None,
        parent: QWidget | None = None,
        draft: Professional | None = None,
    ) -> None:
        """Edit ``professional``, or create one, its fields filled from ``draft`` if given."""
        super().__init__(parent)
        self.ui = Ui_ProfessionalDialog()
        self.ui.setupUi(self)
        self.service = service
        self.original = professional or draft or Professional(last_name="", profession_code="G15-10")
        self.saved_id = ""
        ui = self.ui
        self.setWindowTitle("Modifier le professionnel" if professional else "Nouveau professionnel")
        ui.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Enregistrer")
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        fill_enum(ui.civility_combo, Civility)
        ui.civility_combo.setItemText(0, "—")
        for profession in service.register.professions().values():
            if profession.active or profession.code == self.original.profession_code:
                ui.profession_combo.addItem(profession.label, profession.code)
        fill_enum(ui.specialty_combo, Specialty)
        ui.specialty_combo.setItemText(0, "—")
        fill_enum(ui.practice_combo, PracticeMode)
        fill_enum(ui.parceo_combo, ParceoStatus)
        # After a FINESS import the register holds hundreds of structures: a checklist over ids,
        # filtered as you type (folded, like every search), the checked ones listed first.
        self.structures_model = CheckListModel(self._structure_labels, self)
        self.structures_model.set_checked(self.original.structure_ids)
        ui.structures_list.setModel(self.structures_model)
        self.structures_model.checked_changed.connect(self._count_structures)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._filter_structures)
        ui.structures_filter_edit.textChanged.connect(lambda _: self._filter_timer.start())
        self._filter_structures()
        self._load(self.original)
        ui.not_duplicate_check.setVisible(False)
        ui.profession_combo.currentIndexChanged.connect(lambda _: self._specialty_enabled())
        ui.since_check.toggled.connect(ui.since_edit.setEnabled)
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        ui.last_name_edit.setFocus()

    def _structure_labels(self, ids: list[str]) -> dict[str, str]:
        found = self.service.register.structures(ids)
        return {
            s.id: f"{s.name} ({s.type.label}, {s.commune})" if s.commune else f"{s.name} ({s.type.label})"
            for s in found.values()
        }

    def _filter_structures(self) -> None:
        text = self.ui.structures_filter_edit.text()
        self.structures_model.set_ids(self.service.register.structure_ids(RegisterFilter(text=text)))
        self._count_structures()

    def _count_structures(self) -> None:
        checked = len(self.structures_model.checked_ids())
        shown = self.structures_model.rowCount() - checked
        matches = (
            plural(shown, "autre structure", "autres structures") if checked else plural(shown, "structure")
        )
        self.ui.structures_count_label.setText(
            f"{plural(checked, 'cochée', 'cochées')} · {matches}" if checked else matches
        )

    def _load(self, professional: Professional) -> None:
        ui = self.ui
        select_data(ui.civility_combo, professional.civility.value)
        ui.last_name_edit.setText(professional.last_name)
        ui.first_name_edit.setText(professional.first_name)
        select_data(ui.profession_combo, professional.profession_code)
        select_data(ui.specialty_combo, professional.specialty.value)
        ui.rpps_edit.setText(professional.rpps)
        select_data(ui.practice_combo, professional.practice_mode.value)
        ui.commune_edit.setText(professional.commune)
        ui.postal_code_edit.setText(professional.postal_code)
        ui.email_edit.setText(professional.email)
        ui.phone_edit.setText(professional.phone)
        select_data(ui.parceo_combo, professional.parceo_status.value)
        ui.since_check.setChecked(professional.parceo_since is not None)
        ui.since_edit.setEnabled(professional.parceo_since is not None)
        ui.since_edit.setDate(to_qdate(professional.parceo_since or self.service.today()))
        ui.notes_edit.setPlainText(professional.notes)
        self._specialty_enabled()

    def _specialty_enabled(self) -> None:
        code = self.ui.profession_combo.currentData()
        profession = self.service.register.professions().get(code)
        self.ui.specialty_combo.setEnabled(bool(profession and profession.group == "Médecin"))

    def professional(self) -> Professional:
        ui = self.ui
        checked = self.structures_model.checked_ids()
        return replace(
            self.original,
            civility=Civility(ui.civility_combo.currentData()),
            last_name=ui.last_name_edit.text().strip(),
            first_name=ui.first_name_edit.text().strip(),
            profession_code=ui.profession_combo.currentData(),
            specialty=Specialty(ui.specialty_combo.currentData())
            if ui.specialty_combo.isEnabled()
            else Specialty.NONE,
            rpps=ui.rpps_edit.text(),
            practice_mode=PracticeMode(ui.practice_combo.currentData()),
            commune=ui.commune_edit.text().strip(),
            postal_code=ui.postal_code_edit.text().strip(),
            email=ui.email_edit.text().strip(),
            phone=ui.phone_edit.text().strip(),
            parceo_status=ParceoStatus(ui.parceo_combo.currentData()),
            parceo_since=from_qdate(ui.since_edit.date()) if ui.since_check.isChecked() else None,
            notes=ui.notes_edit.toPlainText().strip(),
            structure_ids=tuple(checked),
        )

    def accept(self) -> None:
        """Save, unless the person seems to be in the register already (then ask once)."""
        professional = self.professional()
        register = self.service.register
        twins = register.duplicates_of(professional) if not self.original.id else []
        if twins and not self.ui.not_duplicate_check.isChecked():
            names = ", ".join(f"{t.full_name} ({t.commune or 'commune inconnue'})" for t in twins)
            warning_line(
                self.ui.message_label,
                f"Déjà dans le registre ? {names}. Ouvrez plutôt la fiche "
                "existante, ou cochez la case ci-dessous.",
            )
            self.ui.not_duplicate_check.setVisible(True)
            return
        try:
            self.saved_id = register.save_professional(professional)
        except AppError as exc:
            error_line(self.ui.message_label, exc.message)
            if isinstance(exc, InvalidInput):
                field = {
                    "nom": self.ui.last_name_edit,
                    "rpps": self.ui.rpps_edit,
                    "email": self.ui.email_edit,
                }.get(exc.field)
                if field is not None:
                    field.setFocus()
            return
        super().accept()

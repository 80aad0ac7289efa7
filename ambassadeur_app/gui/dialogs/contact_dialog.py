"""Note a contact with professionals and/or a structure, and the time it took.

Most contacts are with someone not yet in the register: « Nouveau professionnel… » creates the
record on the spot (from what was typed in the search) and checks it. The time spent is noted
by default, since it is what the funder pays for.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ambassadeur_app.domain.durations import parse_duration
from ambassadeur_app.domain.formatting import plural
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.register import Channel, Contact, Professional, RegisterFilter
from ambassadeur_app.errors import AppError, InvalidInput
from ambassadeur_app.gui.dialogs.professional_dialog import ProfessionalDialog
from ambassadeur_app.gui.forms.ui_contact_dialog import Ui_ContactDialog
from ambassadeur_app.gui.models.check_list import CheckListModel
from ambassadeur_app.gui.widgets.choices import fill_ambassadors, fill_enum, fill_missions, select_data
from ambassadeur_app.gui.widgets.feedback import error_line
from ambassadeur_app.gui.widgets.programme_form import from_qdate, to_qdate
from ambassadeur_app.services import CarnetService

FILTER_DELAY_MS = 120


class ContactDialog(QDialog):
    """``saved_id`` holds the contact's id once saved."""

    def __init__(
        self,
        service: CarnetService,
        professional_ids: tuple[str, ...] = (),
        structure_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ContactDialog()
        self.ui.setupUi(self)
        self.service = service
        self.saved_id = ""
        ui = self.ui
        ui.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Enregistrer")
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        ui.date_edit.setDate(to_qdate(service.today()))
        fill_ambassadors(ui.ambassador_combo, service.ambassadors(include_inactive=False))
        fill_enum(ui.channel_combo, Channel)
        fill_missions(ui.mission_combo)
        ui.structure_combo.addItem("— aucune —", None)
        for structure in service.register.all_structures():
            ui.structure_combo.addItem(
                f"{structure.name} ({structure.commune})" if structure.commune else structure.name,
                structure.id,
            )
        select_data(ui.structure_combo, structure_id)
        ui.due_edit.setDate(to_qdate(service.today()))
        ui.due_edit.setEnabled(False)
        ui.due_check.toggled.connect(ui.due_edit.setEnabled)
        for widget in (ui.duration_edit, ui.activity_combo):
            widget.setEnabled(ui.time_check.isChecked())
            ui.time_check.toggled.connect(widget.setEnabled)
        ui.mission_combo.currentIndexChanged.connect(lambda _: self._activities())
        self._activities()
        self.people = CheckListModel(self._people_labels, self)
        self.people.set_checked(list(service.register.professionals(professional_ids)))
        ui.people_list.setModel(self.people)
        self.people.checked_changed.connect(self._count_people)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._fill_people)
        ui.people_filter_edit.textChanged.connect(lambda _: self._filter_timer.start())
        ui.new_person_button.clicked.connect(self.new_professional)
        self._fill_people()
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        ui.subject_edit.setFocus()

    def _activities(self) -> None:
        mission = Mission(self.ui.mission_combo.currentData())
        self.ui.activity_combo.clear()
        self.ui.activity_combo.addItems(self.service.activities()[mission])

    def _people_labels(self, ids: list[str]) -> dict[str, str]:
        register = self.service.register
        professions = register.professions()
        labels = {}
        for person in register.professionals(ids).values():
            profession = professions.get(person.profession_code)
            label = f"{person.full_name} — {profession.label if profession else person.profession_code}"
            labels[person.id] = f"{label} ({person.commune})" if person.commune else label
        return labels

    def _fill_people(self) -> None:
        """List the checked people, then every match of the search (folded, in SQL)."""
        text = self.ui.people_filter_edit.text()
        self.people.set_ids(self.service.register.professional_ids(RegisterFilter(text=text)))
        self._count_people()

    def _count_people(self) -> None:
        checked = len(self.people.checked_ids())
        others = self.people.rowCount() - checked
        found = plural(others, "autre trouvé", "autres trouvés") if checked else plural(others, "trouvé")
        self.ui.people_count_label.setText(
            f"{plural(checked, 'coché', 'cochés')} · {found}" if checked else found
        )

    def new_professional(self) -> ProfessionalDialog:
        """Create a professional from what was typed in the search; once saved, they are checked."""
        ui = self.ui
        draft = Professional(last_name=ui.people_filter_edit.text().strip(), profession_code="G15-10")
        structure_id = ui.structure_combo.currentData()
        if structure_id:  # met at a structure: they most likely work there
            structure = self.service.register.structure(structure_id)
            draft = replace(
                draft,
                commune=structure.commune,
                postal_code=structure.postal_code,
                structure_ids=(structure_id,),
            )
        dialog = ProfessionalDialog(self.service, draft=draft, parent=self)
        dialog.accepted.connect(lambda: self._professional_created(dialog.saved_id))
        dialog.open()
        return dialog

    def _professional_created(self, professional_id: str) -> None:
        self.people.set_checked([*self.people.checked_ids(), professional_id])
        ui = self.ui
        ui.people_filter_edit.blockSignals(True)
        ui.people_filter_edit.clear()
        ui.people_filter_edit.blockSignals(False)
        self._fill_people()
        name = self.service.register.professional(professional_id).full_name
        ui.message_label.setText(f"Fiche créée dans le registre : {name}, cochée pour ce contact.")

    def contact(self) -> Contact:
        ui = self.ui
        return Contact(
            day=from_qdate(ui.date_edit.date()),
            ambassador_id=str(ui.ambassador_combo.currentData()),
            channel=Channel(ui.channel_combo.currentData()),
            mission=Mission(ui.mission_combo.currentData()),
            subject=ui.subject_edit.text().strip(),
            professional_ids=tuple(self.people.checked_ids()),
            structure_id=ui.structure_combo.currentData(),
            outcome=ui.outcome_edit.toPlainText().strip(),
            next_step=ui.next_step_edit.text().strip(),
            next_step_due=from_qdate(ui.due_edit.date()) if ui.due_check.isChecked() else None,
        )

    def accept(self) -> None:
        ui = self.ui
        try:
            minutes = 0
            if ui.time_check.isChecked():
                if not ui.duration_edit.text().strip():
                    raise InvalidInput(
                        "Indiquez le temps passé (par exemple 30 min ou 1h30), ou décochez "
                        "« Noter aussi le temps passé »."
                    )
                minutes = parse_duration(ui.duration_edit.text())
            self.saved_id = self.service.register.log_contact(
                self.contact(), minutes, ui.activity_combo.currentText().strip()
            )
        except AppError as exc:
            error_line(ui.message_label, exc.message)
            if ui.time_check.isChecked() and not ui.duration_edit.text().strip():
                ui.duration_edit.setFocus()
            return
        super().accept()

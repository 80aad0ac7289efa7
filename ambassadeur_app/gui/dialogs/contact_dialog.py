"""Note a contact with professionals and/or a structure, and optionally the time it took."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QWidget

from ambassadeur_app.domain.durations import parse_duration
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.register import Channel, Contact, RegisterFilter
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui.forms.ui_contact_dialog import Ui_ContactDialog
from ambassadeur_app.gui.widgets.choices import fill_ambassadors, fill_enum, fill_missions, select_data
from ambassadeur_app.gui.widgets.feedback import error_line
from ambassadeur_app.gui.widgets.programme_form import from_qdate, to_qdate
from ambassadeur_app.services import CarnetService

SHOWN = 100  # matches listed at once; checked people always stay listed


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
        self.checked: dict[str, str] = {}
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
        people = service.register.professionals(professional_ids)
        self.checked = {p.id: p.full_name for p in people.values()}
        ui.due_edit.setDate(to_qdate(service.today()))
        ui.due_edit.setEnabled(False)
        ui.due_check.toggled.connect(ui.due_edit.setEnabled)
        for widget in (ui.duration_edit, ui.activity_combo):
            widget.setEnabled(False)
            ui.time_check.toggled.connect(widget.setEnabled)
        ui.mission_combo.currentIndexChanged.connect(lambda _: self._activities())
        self._activities()
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(120)
        self._filter_timer.timeout.connect(self._fill_people)
        ui.people_filter_edit.textChanged.connect(lambda _: self._filter_timer.start())
        ui.people_list.itemChanged.connect(self._person_toggled)
        self._fill_people()
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        ui.subject_edit.setFocus()

    def _activities(self) -> None:
        mission = Mission(self.ui.mission_combo.currentData())
        self.ui.activity_combo.clear()
        self.ui.activity_combo.addItems(self.service.activities()[mission])

    def _fill_people(self) -> None:
        """List the checked people, then the first matches of the filter."""
        register = self.service.register
        text = self.ui.people_filter_edit.text()
        matches = [i for i in register.professional_ids(RegisterFilter(text=text)) if i not in self.checked]
        shown = register.professionals(matches[:SHOWN])
        listing = self.ui.people_list
        listing.blockSignals(True)
        listing.clear()
        for person_id, name in self.checked.items():
            self._add_item(person_id, name, True)
        for person_id in matches[:SHOWN]:
            person = shown[person_id]
            profession = register.professions().get(person.profession_code)
            label = f"{person.full_name} — {profession.label if profession else ''}"
            self._add_item(person_id, f"{label} ({person.commune})" if person.commune else label, False)
        listing.blockSignals(False)

    def _add_item(self, person_id: str, label: str, checked: bool) -> None:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, person_id)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.ui.people_list.addItem(item)

    def _person_toggled(self, item: QListWidgetItem) -> None:
        person_id = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self.checked[person_id] = item.text().split(" — ")[0]
        else:
            self.checked.pop(person_id, None)

    def contact(self) -> Contact:
        ui = self.ui
        return Contact(
            day=from_qdate(ui.date_edit.date()),
            ambassador_id=str(ui.ambassador_combo.currentData()),
            channel=Channel(ui.channel_combo.currentData()),
            mission=Mission(ui.mission_combo.currentData()),
            subject=ui.subject_edit.text().strip(),
            professional_ids=tuple(self.checked),
            structure_id=ui.structure_combo.currentData(),
            outcome=ui.outcome_edit.toPlainText().strip(),
            next_step=ui.next_step_edit.text().strip(),
            next_step_due=from_qdate(ui.due_edit.date()) if ui.due_check.isChecked() else None,
        )

    def accept(self) -> None:
        ui = self.ui
        try:
            minutes = parse_duration(ui.duration_edit.text()) if ui.time_check.isChecked() else 0
            self.saved_id = self.service.register.log_contact(
                self.contact(), minutes, ui.activity_combo.currentText().strip()
            )
        except AppError as exc:
            error_line(ui.message_label, exc.message)
            return
        super().accept()

"""Edit the programme settings, the binôme and the activity lists; everything is saved at once."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QWidget

from ambassadeur_app.domain.model import Ambassador, Mission, Role
from ambassadeur_app.domain.text import fold
from ambassadeur_app.domain.validation import validate_ambassador, validate_programme
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui.forms.ui_settings_dialog import Ui_SettingsDialog
from ambassadeur_app.gui.widgets.choices import current_mission, fill_missions, select_data
from ambassadeur_app.gui.widgets.feedback import error_line
from ambassadeur_app.services import CarnetService


class SettingsDialog(QDialog):
    def __init__(self, service: CarnetService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        self.service = service
        ui = self.ui
        ui.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Enregistrer")
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        ui.programme_form.load(service.programme())
        for role in Role:
            ui.role_combo.addItem(role.label, role.value)
        self.ambassadors: list[Ambassador] = service.ambassadors()
        self.activities = {m: list(labels) for m, labels in service.activities().items()}
        self._current = -1
        self._fill_ambassadors()
        fill_missions(ui.activity_mission_combo)
        self._fill_activities()
        ui.ambassador_list.currentRowChanged.connect(self._select_ambassador)
        ui.new_ambassador_button.clicked.connect(self._new_ambassador)
        for edit in (ui.name_edit, ui.profession_edit, ui.email_edit):
            edit.textEdited.connect(lambda _: self._store_ambassador())
        ui.role_combo.currentIndexChanged.connect(lambda _: self._store_ambassador())
        ui.active_check.toggled.connect(lambda _: self._store_ambassador())
        ui.activity_mission_combo.currentIndexChanged.connect(lambda _: self._fill_activities())
        ui.add_activity_button.clicked.connect(self._add_activity)
        ui.new_activity_edit.returnPressed.connect(self._add_activity)
        ui.remove_activity_button.clicked.connect(self._remove_activity)
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        if self.ambassadors:
            ui.ambassador_list.setCurrentRow(0)

    # --- binôme -------------------------------------------------------------------------------

    def _fill_ambassadors(self) -> None:
        row = self.ui.ambassador_list.currentRow()
        self.ui.ambassador_list.blockSignals(True)
        self.ui.ambassador_list.clear()
        for ambassador in self.ambassadors:
            state = "" if ambassador.active else " — inactif"
            self.ui.ambassador_list.addItem(
                f"{ambassador.name or '(sans nom)'} ({ambassador.role.label.lower()}){state}"
            )
        self.ui.ambassador_list.setCurrentRow(row)
        self.ui.ambassador_list.blockSignals(False)

    def _select_ambassador(self, row: int) -> None:
        self._current = row
        enabled = 0 <= row < len(self.ambassadors)
        self.ui.ambassador_group.setEnabled(enabled)
        if not enabled:
            return
        ambassador = self.ambassadors[row]
        ui = self.ui
        # Filling the form must not write it back into the list (see _store_ambassador).
        widgets = (ui.name_edit, ui.profession_edit, ui.email_edit, ui.role_combo, ui.active_check)
        blockers = [QSignalBlocker(widget) for widget in widgets]
        ui.name_edit.setText(ambassador.name)
        ui.profession_edit.setText(ambassador.profession)
        ui.email_edit.setText(ambassador.email)
        select_data(ui.role_combo, ambassador.role.value)
        ui.active_check.setChecked(ambassador.active)
        del blockers

    def _store_ambassador(self) -> None:
        if not 0 <= self._current < len(self.ambassadors):
            return
        ui = self.ui
        self.ambassadors[self._current] = replace(
            self.ambassadors[self._current],
            name=ui.name_edit.text().strip(),
            role=Role(ui.role_combo.currentData()),
            profession=ui.profession_edit.text().strip(),
            email=ui.email_edit.text().strip(),
            active=ui.active_check.isChecked(),
        )
        self._fill_ambassadors()

    def _new_ambassador(self) -> None:
        taken = {a.role for a in self.ambassadors if a.active}
        role = Role.MEDICAL if Role.MEDICAL not in taken else Role.ADMINISTRATIF
        self.ambassadors.append(Ambassador("", "", role))
        self._fill_ambassadors()
        self.ui.ambassador_list.setCurrentRow(len(self.ambassadors) - 1)
        self.ui.tabs.setCurrentWidget(self.ui.binome_tab)
        self.ui.name_edit.setFocus()

    # --- activities ---------------------------------------------------------------------------

    def _fill_activities(self) -> None:
        self.ui.activity_list.clear()
        for label in self.activities[current_mission(self.ui.activity_mission_combo)]:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, label)
            self.ui.activity_list.addItem(item)

    def _add_activity(self) -> None:
        label = " ".join(self.ui.new_activity_edit.text().split())
        labels = self.activities[current_mission(self.ui.activity_mission_combo)]
        if label and fold(label) not in {fold(existing) for existing in labels}:
            labels.append(label)
            self._fill_activities()
        self.ui.new_activity_edit.clear()

    def _remove_activity(self) -> None:
        item = self.ui.activity_list.currentItem()
        if item is not None:
            self.activities[current_mission(self.ui.activity_mission_combo)].remove(item.text())
            self._fill_activities()

    # --- saving -------------------------------------------------------------------------------

    def accept(self) -> None:
        """Validate everything, then save; stay open on the first problem."""
        programme = self.ui.programme_form.programme()
        try:
            validate_programme(programme)
            for index, ambassador in enumerate(self.ambassadors):
                validate_ambassador(ambassador, self.ambassadors[:index])
            with self.service.carnet.write():
                self.service.save_programme(programme)
                for ambassador in self.ambassadors:
                    self.service.save_ambassador(ambassador)
                before = self.service.activities()
                for mission in Mission:
                    for label in self.activities[mission]:
                        self.service.add_activity(mission, label)
                    for label in before[mission]:
                        if label not in self.activities[mission]:
                            self.service.remove_activity(mission, label)
        except AppError as exc:
            error_line(self.ui.message_label, exc.message)
            return
        super().accept()

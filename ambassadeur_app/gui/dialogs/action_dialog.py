"""Create or edit an action of the rétroplanning: title, mission, planned dates, responsible,
status, actual dates, and the events and entries of the carnet that carried it out."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtWidgets import QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QWidget

from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.planning import ACTION_LINK_KINDS, ActionStatus, PlannedAction
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui.forms.ui_action_dialog import Ui_ActionDialog
from ambassadeur_app.gui.widgets.choices import fill_enum, fill_missions, select_data
from ambassadeur_app.gui.widgets.feedback import refused
from ambassadeur_app.gui.widgets.programme_form import from_qdate, to_qdate
from ambassadeur_app.services import CarnetService

NEW_ACTION_DAYS = 14  # a new action is planned over two weeks from today, to adjust


def _day(check: QCheckBox, edit: QDateEdit) -> date | None:
    """Return the date of ``edit`` when ``check`` is ticked (an actual date known)."""
    return from_qdate(edit.date()) if check.isChecked() else None


class ActionDialog(QDialog):
    """``saved_id`` holds the action's id once saved."""

    def __init__(
        self, service: CarnetService, action: PlannedAction | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ActionDialog()
        self.ui.setupUi(self)
        self.service = service
        today = service.today()
        end = today + timedelta(NEW_ACTION_DAYS)
        self.original = action or PlannedAction("", Mission.PROMOTION, today, end)
        self.saved_id = ""
        ui = self.ui
        self.setWindowTitle("Modifier l'action" if action else "Nouvelle action du rétroplanning")
        ui.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Enregistrer")
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        fill_missions(ui.mission_combo)
        fill_enum(ui.status_combo, ActionStatus)
        ui.responsible_combo.addItem("— personne —", "")
        for ambassador in service.ambassadors():
            if ambassador.active or ambassador.id == self.original.ambassador_id:
                ui.responsible_combo.addItem(ambassador.name, ambassador.id)
        ui.link_picker.configure(service, ACTION_LINK_KINDS)
        self._load(self.original)
        ui.actual_start_check.toggled.connect(ui.actual_start_edit.setEnabled)
        ui.actual_end_check.toggled.connect(ui.actual_end_edit.setEnabled)
        ui.status_combo.currentIndexChanged.connect(lambda _: self._status_changed())
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        ui.title_edit.setFocus()

    def _load(self, action: PlannedAction) -> None:
        ui = self.ui
        today = self.service.today()
        ui.title_edit.setText(action.title)
        select_data(ui.mission_combo, action.mission.value)
        select_data(ui.responsible_combo, action.ambassador_id or "")
        select_data(ui.status_combo, action.status.value)
        ui.planned_start_edit.setDate(to_qdate(action.planned_start))
        ui.planned_end_edit.setDate(to_qdate(action.planned_end))
        for check, edit, day in (
            (ui.actual_start_check, ui.actual_start_edit, action.actual_start),
            (ui.actual_end_check, ui.actual_end_edit, action.actual_end),
        ):
            check.setChecked(day is not None)
            edit.setEnabled(day is not None)
            edit.setDate(to_qdate(day or today))
        ui.description_edit.setPlainText(action.description)
        ui.link_picker.set_links(action.links)

    def _status_changed(self) -> None:
        """Started or done: tick the actual dates the status needs (today proposed)."""
        ui = self.ui
        status = ActionStatus(ui.status_combo.currentData())
        if status in (ActionStatus.IN_PROGRESS, ActionStatus.DONE):
            ui.actual_start_check.setChecked(True)
        if status is ActionStatus.DONE:
            ui.actual_end_check.setChecked(True)
        if status is ActionStatus.IN_PROGRESS:
            ui.actual_end_check.setChecked(False)
        if status is ActionStatus.TODO:
            ui.actual_start_check.setChecked(False)
            ui.actual_end_check.setChecked(False)

    def edited_action(self) -> PlannedAction:
        """Return the action the fields describe (not yet checked)."""
        ui = self.ui
        return replace(
            self.original,
            title=ui.title_edit.text(),
            mission=Mission(ui.mission_combo.currentData()),
            planned_start=from_qdate(ui.planned_start_edit.date()),
            planned_end=from_qdate(ui.planned_end_edit.date()),
            ambassador_id=ui.responsible_combo.currentData() or None,
            status=ActionStatus(ui.status_combo.currentData()),
            actual_start=_day(ui.actual_start_check, ui.actual_start_edit),
            actual_end=_day(ui.actual_end_check, ui.actual_end_edit),
            description=ui.description_edit.toPlainText(),
            links=ui.link_picker.links(),
        )

    def accept(self) -> None:
        """Save; stay open with the domain's message on the field at fault if it is refused."""
        try:
            self.saved_id = self.service.planning.save_action(self.edited_action())
        except AppError as exc:
            refused(self.ui.message_label, exc, self._field)
            return
        super().accept()

    def _field(self, name: str) -> QWidget:
        ui = self.ui
        return {
            "titre": ui.title_edit,
            "description": ui.description_edit,
            "début prévu": ui.planned_start_edit,
            "fin prévue": ui.planned_end_edit,
            "début réel": ui.actual_start_check,
            "fin réelle": ui.actual_end_check,
            "statut": ui.status_combo,
            "responsable": ui.responsible_combo,
            "liens": ui.link_picker.ui.links_list,
        }.get(name, ui.title_edit)

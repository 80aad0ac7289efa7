"""Record a request received by the binôme, and its answer."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QCompleter, QDialog, QDialogButtonBox, QWidget

from ambassadeur_app.domain.register import (
    Channel,
    RegisterFilter,
    RequestCategory,
    RequestStatus,
    Solicitation,
)
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui.forms.ui_solicitation_dialog import Ui_SolicitationDialog
from ambassadeur_app.gui.widgets.choices import fill_ambassadors, fill_enum, select_data
from ambassadeur_app.gui.widgets.feedback import error_line
from ambassadeur_app.services import CarnetService


def to_qdatetime(moment: datetime) -> QDateTime:
    return QDateTime(moment.year, moment.month, moment.day, moment.hour, moment.minute, 0)


def from_qdatetime(value: QDateTime) -> datetime:
    day, clock = value.date(), value.time()
    return datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute())


class SolicitationDialog(QDialog):
    """``saved_id`` holds the request's id once saved; ``answering`` opens on the answer."""

    def __init__(
        self,
        service: CarnetService,
        request: Solicitation | None = None,
        answering: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SolicitationDialog()
        self.ui.setupUi(self)
        self.service = service
        now = datetime.combine(service.today(), datetime.now().time()).replace(second=0, microsecond=0)
        self.original = request or Solicitation(now, Channel.PHONE, RequestCategory.ACCESS, "")
        self.saved_id = ""
        ui = self.ui
        self.setWindowTitle(
            "Répondre à la sollicitation"
            if answering
            else "Modifier la sollicitation"
            if request
            else "Nouvelle sollicitation"
        )
        ui.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Enregistrer")
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        fill_enum(ui.channel_combo, Channel)
        fill_enum(ui.category_combo, RequestCategory)
        fill_enum(ui.status_combo, RequestStatus)
        register = service.register
        ui.professional_combo.addItem("—", None)
        people = register.professionals(register.professional_ids(RegisterFilter()))
        for person in people.values():
            ui.professional_combo.addItem(
                f"{person.full_name} ({person.commune})" if person.commune else person.full_name, person.id
            )
        if (
            request
            and request.professional_id
            and ui.professional_combo.findData(request.professional_id) < 0
        ):
            ui.professional_combo.addItem(
                register.professional(request.professional_id).full_name, request.professional_id
            )
        ui.professional_combo.setEditable(True)
        ui.professional_combo.setInsertPolicy(ui.professional_combo.InsertPolicy.NoInsert)
        completer = ui.professional_combo.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        ui.structure_combo.addItem("—", None)
        for structure in register.all_structures():
            ui.structure_combo.addItem(structure.name, structure.id)
        fill_ambassadors(ui.answered_by_combo, service.ambassadors())
        original = self.original
        ui.received_edit.setDateTime(to_qdatetime(original.received_at))
        select_data(ui.channel_combo, original.channel.value)
        select_data(ui.category_combo, original.category.value)
        select_data(ui.professional_combo, original.professional_id)
        select_data(ui.structure_combo, original.structure_id)
        ui.requester_edit.setText(original.requester)
        ui.description_edit.setPlainText(original.description)
        answered = original.answered_at is not None or answering
        ui.answered_check.setChecked(answered)
        ui.answered_edit.setDateTime(to_qdatetime(original.answered_at or max(now, original.received_at)))
        select_data(ui.answered_by_combo, original.answered_by)
        ui.resolution_edit.setPlainText(original.resolution)
        select_data(
            ui.status_combo,
            (RequestStatus.ANSWERED if answering and not original.status.answered else original.status).value,
        )
        ui.answered_check.toggled.connect(self._answer_fields)
        self._answer_fields(answered)
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        (ui.resolution_edit if answering else ui.description_edit).setFocus()

    def _answer_fields(self, answered: bool) -> None:
        for widget in (self.ui.answered_edit, self.ui.answered_by_combo, self.ui.resolution_edit):
            widget.setEnabled(answered)
        status = RequestStatus(self.ui.status_combo.currentData())
        if answered and not status.answered:
            select_data(self.ui.status_combo, RequestStatus.ANSWERED.value)
        elif not answered and status.answered:
            select_data(self.ui.status_combo, RequestStatus.IN_PROGRESS.value)

    def solicitation(self) -> Solicitation:
        ui = self.ui
        answered = ui.answered_check.isChecked()
        professional = (
            ui.professional_combo.currentData() if ui.professional_combo.currentIndex() > 0 else None
        )
        return replace(
            self.original,
            received_at=from_qdatetime(ui.received_edit.dateTime()),
            channel=Channel(ui.channel_combo.currentData()),
            category=RequestCategory(ui.category_combo.currentData()),
            professional_id=professional,
            structure_id=ui.structure_combo.currentData(),
            requester=ui.requester_edit.text().strip(),
            description=ui.description_edit.toPlainText().strip(),
            answered_at=from_qdatetime(ui.answered_edit.dateTime()) if answered else None,
            answered_by=ui.answered_by_combo.currentData() if answered else None,
            resolution=ui.resolution_edit.toPlainText().strip() if answered else "",
            status=RequestStatus(ui.status_combo.currentData()),
        )

    def accept(self) -> None:
        try:
            self.saved_id = self.service.register.save_solicitation(self.solicitation())
        except AppError as exc:
            error_line(self.ui.message_label, exc.message)
            return
        super().accept()

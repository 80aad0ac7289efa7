"""Create or edit an event: kind, mission, title, up to four half-days, place or link, speakers,
organisers, status and, for a training session, its module of the catalogue."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QTimeEdit, QWidget

from ambassadeur_app.domain.events import EVENT_MISSIONS, MAX_SESSIONS, Event, EventKind, EventStatus, Session
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui.forms.ui_event_dialog import Ui_EventDialog
from ambassadeur_app.gui.widgets.choices import fill_enum, select_data
from ambassadeur_app.gui.widgets.feedback import refused
from ambassadeur_app.gui.widgets.programme_form import from_qdate, to_qdate
from ambassadeur_app.services import CarnetService

DEFAULT_START, DEFAULT_END = time(14, 0), time(17, 0)


def to_qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def from_qtime(value: QTime) -> time:
    return time(value.hour(), value.minute())


class EventDialog(QDialog):
    """``saved_id`` holds the event's id once saved."""

    def __init__(
        self, service: CarnetService, event: Event | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_EventDialog()
        self.ui.setupUi(self)
        self.service = service
        day = service.today()
        self.original = event or Event(
            EventKind.WORKSHOP, Mission.PROMOTION, "", (Session(day, DEFAULT_START, DEFAULT_END),)
        )
        self.saved_id = ""
        ui = self.ui
        self.setWindowTitle("Modifier l'événement" if event else "Nouvel événement")
        ui.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Enregistrer")
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        fill_enum(ui.kind_combo, EventKind)
        for mission in EVENT_MISSIONS:
            ui.mission_combo.addItem(mission.label, mission.value)
        fill_enum(ui.status_combo, EventStatus)
        ui.module_combo.addItem("— choisir un module du catalogue —", "")
        modules = service.events.modules(service.events.module_ids())
        for module in modules.values():
            ui.module_combo.addItem(module.title, module.id)
        self.sessions: list[tuple[QCheckBox, QDateEdit, QTimeEdit, QTimeEdit]] = [
            (
                getattr(ui, f"session_check_{n}"),
                getattr(ui, f"day_edit_{n}"),
                getattr(ui, f"start_edit_{n}"),
                getattr(ui, f"end_edit_{n}"),
            )
            for n in range(1, MAX_SESSIONS + 1)
        ]
        first_check = self.sessions[0][0]
        first_check.setChecked(True)
        first_check.setEnabled(False)  # an event has one half-day at least
        for index, (check, *_) in enumerate(self.sessions):
            check.setToolTip("Cochez pour ajouter cette demi-journée")
            check.toggled.connect(lambda on, index=index: self._session_toggled(index, on))
        self.organiser_checks: dict[str, QCheckBox] = {}
        for ambassador in service.ambassadors():
            if ambassador.active or ambassador.id in self.original.organiser_ids:
                box = QCheckBox(ambassador.name, self)
                ui.organisers_layout.addWidget(box)
                self.organiser_checks[ambassador.id] = box
        self._load(self.original)
        ui.kind_combo.currentIndexChanged.connect(lambda _: self._kind_changed())
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        ui.title_edit.setFocus()

    def _load(self, event: Event) -> None:
        ui = self.ui
        select_data(ui.kind_combo, event.kind.value)
        select_data(ui.mission_combo, event.mission.value)
        select_data(ui.status_combo, event.status.value)
        select_data(ui.module_combo, event.module_id or "")
        ui.title_edit.setText(event.title)
        for index, (check, day, start, end) in enumerate(self.sessions):
            session = event.sessions[min(index, len(event.sessions) - 1)]
            check.setChecked(index < len(event.sessions))
            for widget in (day, start, end):
                widget.setEnabled(index < len(event.sessions))
            day.setDate(to_qdate(session.day))
            start.setTime(to_qtime(session.start))
            end.setTime(to_qtime(session.end))
        ui.place_edit.setText(event.place)
        ui.online_check.setChecked(event.online)
        ui.link_edit.setText(event.link)
        ui.open_check.setChecked(event.open_to_departement)
        ui.pulsy_check.setChecked(event.pulsy_trainer)
        ui.speakers_edit.setPlainText("\n".join(event.speakers))
        ui.agenda_edit.setPlainText(event.agenda)
        for ambassador_id, box in self.organiser_checks.items():
            box.setChecked(ambassador_id in event.organiser_ids)
        self._kind_changed(keep_mission=True)

    def _session_toggled(self, index: int, on: bool) -> None:
        """A half-day ticked proposes the day after the one above, at the same hours."""
        _, day, start, end = self.sessions[index]
        for widget in (day, start, end):
            widget.setEnabled(on)
        if on and index >= len(self.original.sessions):
            _, above, above_start, above_end = self.sessions[index - 1]
            day.setDate(above.date().addDays(1))
            start.setTime(above_start.time())
            end.setTime(above_end.time())

    def _kind_changed(self, keep_mission: bool = False) -> None:
        """A training session has a module and is of the training mission (changeable)."""
        training = self.ui.kind_combo.currentData() == EventKind.TRAINING.value
        for widget in (self.ui.module_label, self.ui.module_combo):
            widget.setEnabled(training)
        if not keep_mission:
            mission = Mission.FORMATION if training else Mission.PROMOTION
            select_data(self.ui.mission_combo, mission.value)

    def edited_event(self) -> Event:
        """Return the event the fields describe (not yet checked)."""
        ui = self.ui
        return replace(
            self.original,
            kind=EventKind(ui.kind_combo.currentData()),
            mission=Mission(ui.mission_combo.currentData()),
            title=ui.title_edit.text(),
            sessions=tuple(
                Session(from_qdate(day.date()), from_qtime(start.time()), from_qtime(end.time()))
                for check, day, start, end in self.sessions
                if check.isChecked()
            ),
            place=ui.place_edit.text(),
            online=ui.online_check.isChecked(),
            link=ui.link_edit.text(),
            open_to_departement=ui.open_check.isChecked(),
            agenda=ui.agenda_edit.toPlainText(),
            speakers=tuple(ui.speakers_edit.toPlainText().splitlines()),
            pulsy_trainer=ui.pulsy_check.isChecked(),
            organiser_ids=tuple(i for i, box in self.organiser_checks.items() if box.isChecked()),
            status=EventStatus(ui.status_combo.currentData()),
            module_id=ui.module_combo.currentData() or None,
        )

    def accept(self) -> None:
        """Save; stay open with the domain's message on the field at fault if it is refused."""
        try:
            self.saved_id = self.service.events.save_event(self.edited_event())
        except AppError as exc:
            refused(self.ui.message_label, exc, self._field)
            return
        super().accept()

    def _field(self, name: str) -> QWidget:
        ui = self.ui
        return {
            "titre": ui.title_edit,
            "mission": ui.mission_combo,
            "demi-journées": self.sessions[0][1],
            "lieu": ui.place_edit,
            "lien": ui.link_edit,
            "intervenants": ui.speakers_edit,
            "ordre du jour": ui.agenda_edit,
            "module": ui.module_combo,
        }.get(name, ui.title_edit)

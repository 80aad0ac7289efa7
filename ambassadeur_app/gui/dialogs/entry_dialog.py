"""Edit one entry in a dialog (double-click or Ctrl+E on a row)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ambassadeur_app.domain.durations import DurationProposal, format_duration
from ambassadeur_app.domain.model import TimeEntry
from ambassadeur_app.errors import AppError, InvalidInput
from ambassadeur_app.gui.forms.ui_entry_dialog import Ui_EntryDialog
from ambassadeur_app.gui.widgets.choices import fill_ambassadors, fill_missions, select_data
from ambassadeur_app.gui.widgets.entry_fields import (
    NOT_ADDED,
    EntryFields,
    confirm_new_activity,
    mission_for_key,
    show_mission_keys,
)
from ambassadeur_app.gui.widgets.feedback import WARN_COLOR, colored, error_line

if TYPE_CHECKING:
    from ambassadeur_app.services import CarnetService


class EntryDialog(QDialog):
    """Shows an entry; ``edited`` holds the checked new version once accepted."""

    def __init__(self, service: CarnetService, entry: TimeEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_EntryDialog()
        self.ui.setupUi(self)
        self.service = service
        self.entry = entry
        self.edited: TimeEntry | None = None
        self.warnings: list[str] = []
        ui = self.ui
        ui.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Enregistrer")
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        self.fields = EntryFields(
            ui.date_edit,
            ui.ambassador_combo,
            ui.mission_combo,
            ui.activity_combo,
            ui.duration_edit,
            ui.start_edit,
            ui.place_edit,
            ui.description_edit,
        )
        fill_ambassadors(ui.ambassador_combo, service.ambassadors())
        fill_missions(ui.mission_combo)
        show_mission_keys(ui.mission_combo)
        self.fields.show(entry, service)
        ui.mission_combo.currentIndexChanged.connect(lambda _: self.fields.refresh_activities(service))
        ui.mission_combo.installEventFilter(self)
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        ui.duration_edit.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A letter in the mission list picks its mission, without the ambiguous first-letter search."""
        if watched is self.ui.mission_combo and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            mission = mission_for_key(event)
            if mission is not None:
                select_data(self.ui.mission_combo, mission.value)
                return True
            if event.text().isalpha():
                return True
        return super().eventFilter(watched, event)

    def accept(self) -> None:
        """Check the entry against every rule; stay open with the message if it is refused."""
        ui = self.ui
        try:
            edited = self.fields.read(self.entry.id)
            warnings = self.service.check_entry(edited)
        except DurationProposal as exc:
            shown = ui.duration_edit.text().strip()
            ui.duration_edit.setText(exc.text)
            ui.duration_edit.selectAll()
            ui.duration_edit.setFocus()
            ui.message_label.setText(
                colored(
                    f"« {shown} » : {format_duration(exc.minutes)} ? Enregistrez pour confirmer, "
                    "ou corrigez la durée.",
                    WARN_COLOR,
                )
            )
            return
        except AppError as exc:
            error_line(ui.message_label, exc.message)
            if isinstance(exc, InvalidInput):
                self.fields.widget_for(exc.field).setFocus()
            return
        if not confirm_new_activity(self, self.service, edited, self.entry):
            error_line(ui.message_label, NOT_ADDED)
            ui.activity_combo.setFocus()
            if (line := ui.activity_combo.lineEdit()) is not None:
                line.selectAll()
            return
        self.edited = edited
        self.warnings = warnings
        super().accept()

"""Edit one entry in a dialog (double-click or Ctrl+E on a row)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ambassadeur_app.domain.durations import format_duration
from ambassadeur_app.domain.model import TimeEntry
from ambassadeur_app.errors import AppError, InvalidInput
from ambassadeur_app.gui.forms.ui_entry_dialog import Ui_EntryDialog
from ambassadeur_app.gui.widgets.choices import fill_ambassadors, fill_missions, select_data
from ambassadeur_app.gui.widgets.entry_fields import EntryFields
from ambassadeur_app.gui.widgets.feedback import error_line
from ambassadeur_app.gui.widgets.programme_form import to_qdate
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
        select_data(ui.ambassador_combo, entry.ambassador_id)
        select_data(ui.mission_combo, entry.mission.value)
        self.fields.refresh_activities(service)
        ui.activity_combo.setEditText(entry.activity)
        ui.date_edit.setDate(to_qdate(entry.day))
        ui.duration_edit.setText(format_duration(entry.minutes))
        ui.start_edit.setText(entry.start_time.strftime("%H:%M") if entry.start_time else "")
        ui.place_edit.setText(entry.place)
        ui.description_edit.setPlainText(entry.description)
        ui.mission_combo.currentIndexChanged.connect(lambda _: self.fields.refresh_activities(service))
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        ui.duration_edit.setFocus()

    def accept(self) -> None:
        """Check the entry against every rule; stay open with the message if it is refused."""
        try:
            edited = self.fields.read(self.entry.id)
            warnings = self.service.check_entry(edited)
        except AppError as exc:
            error_line(self.ui.message_label, exc.message)
            if isinstance(exc, InvalidInput):
                self.fields.widget_for(exc.field).setFocus()
            return
        self.edited = edited
        self.warnings = warnings
        super().accept()

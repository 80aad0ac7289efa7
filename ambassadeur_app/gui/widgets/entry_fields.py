"""Read a time entry from entry widgets and point at the field at fault, shared by the
quick-entry bar and the entry dialog."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QWidget

from ambassadeur_app.domain.dates import parse_time
from ambassadeur_app.domain.durations import parse_duration
from ambassadeur_app.domain.model import TimeEntry
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.gui.widgets.choices import current_mission, fill_activities
from ambassadeur_app.gui.widgets.programme_form import from_qdate

if TYPE_CHECKING:
    from ambassadeur_app.services import CarnetService


@dataclass
class EntryFields:
    """The widgets that describe one entry."""

    date_edit: QDateEdit
    ambassador_combo: QComboBox
    mission_combo: QComboBox
    activity_combo: QComboBox
    duration_edit: QLineEdit
    start_edit: QLineEdit
    place_edit: QLineEdit
    description_edit: QLineEdit | QPlainTextEdit

    def read(self, entry_id: str = "") -> TimeEntry:
        """Return the entry the fields describe.

        Raises:
            InvalidInput: a field cannot be read (its name is in ``exc.field``).
        """
        description = (
            self.description_edit.toPlainText()
            if isinstance(self.description_edit, QPlainTextEdit)
            else self.description_edit.text()
        )
        if self.ambassador_combo.currentIndex() < 0:
            raise InvalidInput(
                "Ajoutez d'abord un ambassadeur (Carnet > Paramètres > Binôme).", "ambassadeur"
            )
        return TimeEntry(
            id=entry_id,
            day=from_qdate(self.date_edit.date()),
            ambassador_id=str(self.ambassador_combo.currentData()),
            mission=current_mission(self.mission_combo),
            activity=self.activity_combo.currentText().strip(),
            minutes=parse_duration(self.duration_edit.text()),
            start_time=parse_time(self.start_edit.text()),
            place=self.place_edit.text().strip(),
            description=description.strip(),
        )

    def widget_for(self, field: str) -> QWidget:
        """Return the widget to focus for an ``InvalidInput.field``."""
        return {
            "date": self.date_edit,
            "ambassadeur": self.ambassador_combo,
            "mission": self.mission_combo,
            "activité": self.activity_combo,
            "durée": self.duration_edit,
            "heure de début": self.start_edit,
            "lieu": self.place_edit,
            "description": self.description_edit,
        }.get(field, self.duration_edit)

    def refresh_activities(self, service: CarnetService, keep_text: bool = False) -> None:
        """Offer the activities of the chosen mission."""
        labels = service.activities()[current_mission(self.mission_combo)]
        fill_activities(self.activity_combo, labels, keep_text)

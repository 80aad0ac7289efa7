"""Read a time entry from entry widgets and point at the field at fault, the mission letters and
the question before a new activity: what the quick-entry bar and the entry dialog share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QWidget

from ambassadeur_app.domain.dates import parse_time
from ambassadeur_app.domain.durations import format_duration, parse_duration
from ambassadeur_app.domain.model import Mission, TimeEntry
from ambassadeur_app.domain.text import fold
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.gui import prompts
from ambassadeur_app.gui.widgets.choices import current_mission, fill_activities, select_data
from ambassadeur_app.gui.widgets.programme_form import from_qdate, to_qdate

if TYPE_CHECKING:
    from ambassadeur_app.services import CarnetService

# One letter per mission, none of them used in a duration (h, heures, min, minutes): the letter
# can be typed in the duration field too. "A" is Accompagnement only; Autre is "O" (nOn financé).
MISSION_KEYS: dict[str, Mission] = {
    "P": Mission.PROMOTION,
    "F": Mission.FORMATION,
    "A": Mission.ACCOMPAGNEMENT,
    "O": Mission.AUTRE,
}
MISSION_KEYS_HINT = "Une lettre choisit la mission : P Promotion, F Formation, A Accompagnement, O Autre."


def show_mission_keys(combo: QComboBox) -> None:
    """Prefix each mission of ``combo`` with its letter (« P — Promotion »)."""
    letters = {mission: letter for letter, mission in MISSION_KEYS.items()}
    for index in range(combo.count()):
        mission = Mission(combo.itemData(index))
        combo.setItemText(index, f"{letters[mission]} — {mission.label}")
    combo.setToolTip(MISSION_KEYS_HINT)


def mission_for_key(event: QKeyEvent) -> Mission | None:
    """Return the mission a key press names (a plain letter, any case), if any."""
    chords = (
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.MetaModifier
    )
    if event.modifiers() & chords:
        return None
    return MISSION_KEYS.get(event.text().upper())


NOT_ADDED = "Rien n'est enregistré : choisissez une activité de la liste, ou confirmez la nouvelle."


def confirm_new_activity(
    parent: QWidget, service: CarnetService, entry: TimeEntry, before: TimeEntry | None = None
) -> bool:
    """Ask before an activity that is not in its mission's list joins it (a typo never does).

    ``before`` is the entry being changed: keeping its mission and activity asks nothing.
    """
    if before is not None and (before.mission, fold(before.activity)) == (
        entry.mission,
        fold(entry.activity),
    ):
        return True
    if not service.is_new_activity(entry.mission, entry.activity):
        return True
    return prompts.ask(
        parent,
        f"Ajouter l'activité « {' '.join(entry.activity.split())} » à la mission {entry.mission.label} ?",
        "Elle n'est pas encore dans la liste de cette mission. Si c'est une faute de frappe, "
        "choisissez Annuler et corrigez-la.",
        yes="Ajouter l'activité",
    )


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

    def show(self, entry: TimeEntry, service: CarnetService) -> None:
        """Show ``entry`` in the fields, its mission's activities offered."""
        self.date_edit.setDate(to_qdate(entry.day))
        select_data(self.ambassador_combo, entry.ambassador_id)
        select_data(self.mission_combo, entry.mission.value)
        self.refresh_activities(service)
        self.activity_combo.setEditText(entry.activity)
        self.duration_edit.setText(format_duration(entry.minutes))
        self.start_edit.setText(entry.start_time.strftime("%H:%M") if entry.start_time else "")
        self.place_edit.setText(entry.place)
        if isinstance(self.description_edit, QPlainTextEdit):
            self.description_edit.setPlainText(entry.description)
        else:
            self.description_edit.setText(entry.description)

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

"""Edit one entry in a dialog (double-click or Ctrl+E on a row); the mission letters shared with
the quick-entry bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QWidget

from ambassadeur_app.domain.durations import DurationProposal, format_duration
from ambassadeur_app.domain.model import Mission, TimeEntry
from ambassadeur_app.domain.text import fold
from ambassadeur_app.errors import AppError, InvalidInput
from ambassadeur_app.gui import prompts
from ambassadeur_app.gui.forms.ui_entry_dialog import Ui_EntryDialog
from ambassadeur_app.gui.widgets.choices import fill_ambassadors, fill_missions, select_data
from ambassadeur_app.gui.widgets.entry_fields import EntryFields
from ambassadeur_app.gui.widgets.feedback import WARN_COLOR, colored, error_line
from ambassadeur_app.gui.widgets.programme_form import to_qdate

if TYPE_CHECKING:  # the carnet page imports this module before its first paint
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

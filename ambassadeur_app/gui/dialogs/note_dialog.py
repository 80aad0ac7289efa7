"""Create or edit a note of the journal: its date, its kind (réussite, échec, levier, frein, fait
marquant), its text, and what it is about (entries, professionals, structures, events)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ambassadeur_app.domain.journal import JournalNote, NoteTag
from ambassadeur_app.domain.planning import LinkKind
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui.forms.ui_note_dialog import Ui_NoteDialog
from ambassadeur_app.gui.widgets.choices import fill_enum, select_data
from ambassadeur_app.gui.widgets.feedback import refused
from ambassadeur_app.gui.widgets.programme_form import from_qdate, to_qdate
from ambassadeur_app.services import CarnetService

NOTE_LINK_KINDS = (LinkKind.ENTRY, LinkKind.PROFESSIONAL, LinkKind.STRUCTURE, LinkKind.EVENT)


class NoteDialog(QDialog):
    """``saved_id`` holds the note's id once saved."""

    def __init__(
        self, service: CarnetService, note: JournalNote | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_NoteDialog()
        self.ui.setupUi(self)
        self.service = service
        self.original = note or JournalNote(service.today(), NoteTag.HIGHLIGHT, "")
        self.saved_id = ""
        ui = self.ui
        self.setWindowTitle("Modifier la note" if note else "Nouvelle note du journal")
        ui.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Enregistrer")
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        fill_enum(ui.tag_combo, NoteTag)
        ui.link_picker.configure(service, NOTE_LINK_KINDS)
        ui.day_edit.setDate(to_qdate(self.original.day))
        select_data(ui.tag_combo, self.original.tag.value)
        ui.text_edit.setPlainText(self.original.text)
        ui.link_picker.set_links(self.original.links)
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        ui.text_edit.setFocus()

    def edited_note(self) -> JournalNote:
        """Return the note the fields describe (not yet checked)."""
        ui = self.ui
        return replace(
            self.original,
            day=from_qdate(ui.day_edit.date()),
            tag=NoteTag(ui.tag_combo.currentData()),
            text=ui.text_edit.toPlainText(),
            links=ui.link_picker.links(),
        )

    def accept(self) -> None:
        """Save; stay open with the domain's message on the field at fault if it is refused."""
        try:
            self.saved_id = self.service.planning.save_note(self.edited_note())
        except AppError as exc:
            ui = self.ui
            fields: dict[str, QWidget] = {"date": ui.day_edit, "liens": ui.link_picker.ui.links_list}
            refused(ui.message_label, exc, lambda name: fields.get(name, ui.text_edit))
            return
        super().accept()

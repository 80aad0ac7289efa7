"""The journal tab: the dated notes of the experiment (réussite, échec, levier, frein, fait
marquant) filtered by kind, period and text; a note written, edited, deleted (Ctrl+Z brings it
back); the text on the pertinence of renewing or generalising, saved explicitly; the rapport de
retour d'expérience written (PDF or Word) and opened."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QMenu, QTableView, QTextBrowser, QWidget

from ambassadeur_app.domain.formatting import format_date
from ambassadeur_app.domain.journal import JournalNote, NoteTag
from ambassadeur_app.domain.text import fold
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui import prompts
from ambassadeur_app.gui.errors import show_error
from ambassadeur_app.gui.forms.ui_journal_page import Ui_JournalPage
from ambassadeur_app.gui.models.record_table import RecordColumn
from ambassadeur_app.gui.pages.undoable_page import UndoablePage
from ambassadeur_app.gui.widgets.feedback import MUTED_COLOR, OK_COLOR, WARN_COLOR, colored
from ambassadeur_app.gui.widgets.scope_filters import ScopeFilters

if TYPE_CHECKING:
    from ambassadeur_app.gui.dialogs.note_dialog import NoteDialog
    from ambassadeur_app.services import CarnetService

UNSAVED_QUESTION = "Le texte sur la pertinence a des modifications non enregistrées."
SAVED, UNSAVED, EMPTY = (
    "Texte enregistré : il figure dans le rapport.",
    "Modifications non enregistrées.",
    "Aucun texte : le rapport laissera cette partie à rédiger.",
)


def first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


class JournalPage(UndoablePage):
    """The journal of the carnet and the texts of its retour d'expérience.

    Keys (listed by F1 from ``pages.JOURNAL_KEYS``): Ctrl+N new note, Entrée edit the selected
    one, Suppr delete it (Ctrl+Z brings it back), Ctrl+S in the pertinence text saves it.
    """

    noun = ("note", "notes")
    select_hint = "Sélectionnez une note."

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_JournalPage()
        self.ui.setupUi(self)
        ui = self.ui
        self._notes: dict[str, JournalNote] = {}
        self._saved_pertinence = ""
        ui.splitter.setStretchFactor(0, 3)
        ui.splitter.setStretchFactor(1, 1)
        ui.list_splitter.setStretchFactor(0, 3)
        ui.list_splitter.setStretchFactor(1, 2)
        ui.new_button.clicked.connect(lambda: self.new_record())
        ui.edit_button.clicked.connect(lambda: self.edit_selected())
        ui.delete_button.clicked.connect(self.delete_selected)
        ui.table_view.doubleClicked.connect(lambda _: self.edit_selected())
        rex_menu = QMenu(ui.rex_button)
        for label, fmt in (("Document &Word (.docx), modifiable…", "docx"), ("&PDF…", "pdf")):
            action = rex_menu.addAction(label)
            action.triggered.connect(lambda _=False, fmt=fmt: self.write_rex(fmt))
        ui.rex_button.setMenu(rex_menu)
        ui.pertinence_edit.textChanged.connect(self._pertinence_state)
        ui.save_pertinence_button.clicked.connect(self.save_pertinence)
        ui.revert_button.clicked.connect(self.revert_pertinence)
        self.watch_keys(ui.table_view, ui.search_edit, ui.tag_combo, ui.detail_browser, ui.pertinence_edit)

    def _key_action(self, watched: QObject, event: QKeyEvent) -> Callable[[], object] | None:
        """Ctrl+S in the pertinence text saves it; the other keys as on every list page."""
        pressed = QKeySequence(event.keyCombination())
        if watched is self.ui.pertinence_edit and pressed == QKeySequence("Ctrl+S"):
            return self.save_pertinence
        return super()._key_action(watched, event)

    # --- the list -------------------------------------------------------------------------------

    def widgets(self) -> tuple[QTableView, QTextBrowser, QLabel, QLineEdit]:
        return self.ui.table_view, self.ui.detail_browser, self.ui.count_label, self.ui.search_edit

    def filters(self) -> tuple[ScopeFilters, list[QComboBox]]:
        return self.ui.scope_filters, [self.ui.tag_combo]

    def set_service(self, service: CarnetService) -> None:
        combo = self.ui.tag_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("Tous les types", "")
        for tag in NoteTag:
            combo.addItem(tag.label, tag.value)
        combo.blockSignals(False)
        self.ui.scope_filters.configure(service, None, None, "Date")
        super().set_service(service)
        self.load_pertinence(service.planning.pertinence())

    def columns(self) -> list[RecordColumn]:
        return [
            RecordColumn("Date", lambda n: format_date(n.day)),
            RecordColumn("Type", lambda n: n.tag.label),
            RecordColumn("Liens", lambda n: str(len(n.links)) if n.links else "", right=True),
            RecordColumn("Note", lambda n: first_line(n.text)),
        ]

    def fetch(self, ids: list[str]) -> dict[str, object]:
        return {i: self._notes[i] for i in ids if i in self._notes}

    def query(self) -> list[str]:
        """The notes of the kind and period chosen (in SQL), then those holding every word typed
        (a journal holds dozens of notes, not thousands)."""
        tag = self.ui.tag_combo.currentData()
        first, last = self.ui.scope_filters.period()
        notes = self._service().planning.notes(NoteTag(tag) if tag else None, first, last)
        words = fold(self.ui.search_edit.text()).split()
        kept = [n for n in notes if all(word in fold(n.text) for word in words)]
        self._notes = {n.id: n for n in kept}
        return [n.id for n in kept]

    def detail_html(self, record_id: str) -> str:
        note = self._notes.get(record_id)
        if note is None:
            return ""
        html = (
            f"<h3>{escape(note.tag.label)} — {format_date(note.day)}</h3><p>"
            + escape(note.text).replace("\n", "<br/>")
            + "</p>"
        )
        views = self._service().planning.link_views(note.links)
        if views:
            items = "".join(f"<li>{escape(v.label)}</li>" for v in views)
            html += f"<h4>À propos de</h4><ul>{items}</ul>"
        return html

    # --- the notes ------------------------------------------------------------------------------

    def new_record(self) -> NoteDialog:
        from ambassadeur_app.gui.dialogs.note_dialog import NoteDialog

        dialog = NoteDialog(self._service(), parent=self)
        dialog.accepted.connect(lambda: self.saved("Note ajoutée au journal.", dialog.saved_id))
        dialog.open()
        return dialog

    def edit_selected(self) -> NoteDialog | None:
        from ambassadeur_app.gui.dialogs.note_dialog import NoteDialog

        note_id = self.selected_id()
        if note_id is None:
            return None
        dialog = NoteDialog(self._service(), self._service().planning.note(note_id), self)
        dialog.accepted.connect(lambda: self.done("Note modifiée."))
        dialog.open()
        return dialog

    def delete_selected(self) -> None:
        note_id = self.selected_id()
        if note_id is None:
            return
        planning = self._service().planning
        note = planning.note(note_id)
        about = f"« {note.tag.label} » du {format_date(note.day)}"
        self.push_delete(
            f"la suppression de la note {about}",
            lambda: planning.delete_note(note_id),
            lambda: planning.restore_note(note_id),
        )
        self.done(f"Note {about} supprimée (Ctrl+Z pour annuler).")

    # --- the retour d'expérience ----------------------------------------------------------------

    def load_pertinence(self, text: str) -> None:
        self._saved_pertinence = text
        self.ui.pertinence_edit.setPlainText(text)
        self._pertinence_state()

    def pertinence_changed(self) -> bool:
        """Whether the pertinence text differs from the one saved."""
        return self.ui.pertinence_edit.toPlainText().strip() != self._saved_pertinence

    def _pertinence_state(self) -> None:
        ui = self.ui
        changed = self.pertinence_changed()
        if changed:
            state = colored(f"● {UNSAVED}", WARN_COLOR)
        elif self._saved_pertinence:
            state = colored(f"✓ {SAVED}", OK_COLOR)
        else:
            state = colored(EMPTY, MUTED_COLOR)
        ui.pertinence_state.setText(state)
        ui.save_pertinence_button.setEnabled(changed)
        ui.revert_button.setEnabled(changed)

    def save_pertinence(self) -> None:
        try:
            self._service().planning.save_pertinence(self.ui.pertinence_edit.toPlainText())
        except AppError as exc:
            show_error(self, exc)
            return
        self._saved_pertinence = self._service().planning.pertinence()
        self._pertinence_state()
        self.message.emit("Texte sur la pertinence de reconduire ou de généraliser enregistré.")

    def offer_to_save_pertinence(self, why: str) -> None:
        """Ask whether to save the pertinence text when it has unsaved changes (before the report
        is written, before the carnet is closed: ``why``), and save it if the user agrees."""
        changed = self.service is not None and self.pertinence_changed()
        if changed and prompts.ask(self, UNSAVED_QUESTION, why, "Enregistrer"):
            self.save_pertinence()

    def revert_pertinence(self) -> None:
        self.load_pertinence(self._saved_pertinence)

    def write_rex(self, fmt: str) -> Path | None:
        """Write the rapport de retour d'expérience (``pdf`` or ``docx``), then open it; a
        pertinence text not saved yet is asked about first (the report holds the saved one)."""
        from ambassadeur_app.reports.rex import write_rex

        self.offer_to_save_pertinence("Enregistrez-le pour qu'il figure dans le rapport.")
        service = self._service()
        return self.write_document(
            "Rapport de retour d'expérience",
            f"retour-experience-{service.today():%Y-%m-%d}.{fmt}",
            lambda out: write_rex(service, out, fmt),
        )

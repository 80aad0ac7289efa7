"""The journal tab on the demo carnet, driven like a user: a note written with its kind and a
link, filtered, edited, deleted and brought back; the pertinence text saved explicitly; the
rapport de retour d'expérience written as .docx (read back with python-docx) and as PDF."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from ambassadeur_app.demo import REFERENCE_DAY
from ambassadeur_app.domain.journal import NoteTag
from ambassadeur_app.domain.planning import Link, LinkKind
from ambassadeur_app.gui.dialogs.note_dialog import NoteDialog
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.gui.pages.journal_page import SAVED, UNSAVED, UNSAVED_QUESTION, JournalPage
from ambassadeur_app.gui.widgets.programme_form import to_qdate
from ambassadeur_app.reports.rex import PERTINENCE_HEADING
from ambassadeur_app.services import CarnetService, open_service
from tests.conftest import plain
from tests.gui.conftest import Prompts
from tests.gui.test_planning_page import demo_carnet

TEXT = "Les secrétaires de la MSP de Toul adoptent l'agenda partagé."


@pytest.fixture
def service(carnet_path: Path) -> Iterator[CarnetService]:
    """The demo carnet (instead of the GUI tests' empty carnet)."""
    yield from demo_carnet(carnet_path)


def journal_page(window: MainWindow) -> JournalPage:
    page = window.pages.show("journal")
    assert isinstance(page, JournalPage)
    return page


def a_structure(service: CarnetService) -> tuple[str, str]:
    register = service.register
    structure_id = register.structure_ids()[0]
    return structure_id, register.structures([structure_id])[structure_id].name


def write_note(qtbot: Any, page: JournalPage, service: CarnetService) -> tuple[str, str]:
    """Write a success of 3 February 2026 about a structure of the register; return its id and
    the structure's."""
    before = set(service.planning.note_ids())
    page.ui.table_view.setFocus()
    qtbot.keyClick(page.ui.table_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    [dialog] = [d for d in page.findChildren(NoteDialog) if d.isVisible()]
    ui = dialog.ui
    assert ui.day_edit.date() == to_qdate(REFERENCE_DAY)
    dialog.accept()  # no text: refused, the dialog stays open
    assert dialog.isVisible()
    assert "Écrivez le texte de la note" in ui.message_label.text()
    ui.day_edit.setDate(to_qdate(date(2026, 2, 3)))
    ui.tag_combo.setCurrentIndex(ui.tag_combo.findData(NoteTag.SUCCESS.value))
    ui.text_edit.insertPlainText(TEXT)  # QTest types ASCII only
    structure_id, name = a_structure(service)
    picker = ui.link_picker.ui
    picker.kind_combo.setCurrentIndex(picker.kind_combo.findData(LinkKind.STRUCTURE.value))
    picker.search_edit.setText(name)
    qtbot.keyClick(picker.search_edit, Qt.Key.Key_Return)  # Entrée adds the first match
    assert [picker.links_list.item(r).text() for r in range(picker.links_list.count())] == [
        f"Structure : {name}"
    ]
    dialog.accept()
    assert not dialog.isVisible()
    [note_id] = set(service.planning.note_ids()) - before
    return note_id, structure_id


def test_write_filter_edit_delete_and_undo_a_note(
    qtbot: Any, window: MainWindow, service: CarnetService
) -> None:
    page = journal_page(window)
    assert page.model is not None
    assert page.ui.count_label.text() == "12 notes"
    note_id, structure_id = write_note(qtbot, page, service)
    note = service.planning.note(note_id)
    assert (note.day, note.tag, note.text) == (date(2026, 2, 3), NoteTag.SUCCESS, TEXT)
    assert note.links == (Link(LinkKind.STRUCTURE, structure_id),)
    assert page.selected_ids() == [note_id]
    detail = page.ui.detail_browser.toPlainText()
    assert "Réussite — 03/02/2026" in detail
    assert "Structure : " in detail
    # Filters: the kind, the period, the words typed.
    ui = page.ui
    ui.tag_combo.setCurrentIndex(ui.tag_combo.findData(NoteTag.SUCCESS.value))
    successes = service.planning.note_ids(NoteTag.SUCCESS)
    assert page.model.ids() == successes
    assert note_id in successes
    ui.tag_combo.setCurrentIndex(ui.tag_combo.findData(NoteTag.OBSTACLE.value))
    assert note_id not in page.model.ids()
    page.reset_filters()
    period = ui.scope_filters.ui.period_combo
    period.setCurrentIndex(period.findData("2026-02-01"))
    assert page.model.ids() == service.planning.note_ids(None, date(2026, 2, 1), date(2026, 2, 28))
    assert note_id in page.model.ids()
    page.reset_filters()
    ui.search_edit.setText("AGENDA partage")
    page.refresh()
    assert note_id in page.model.ids()
    assert all("agenda partag" in service.planning.note(i).text for i in page.model.ids())
    page.reset_filters()
    # Entrée edits it: another kind, the link kept.
    page.select([note_id])
    ui.table_view.setFocus()
    qtbot.keyClick(ui.table_view, Qt.Key.Key_Return)
    [editing] = [d for d in page.findChildren(NoteDialog) if d.isVisible()]
    assert editing.original.id == note_id
    editing.ui.tag_combo.setCurrentIndex(editing.ui.tag_combo.findData(NoteTag.LEVER.value))
    editing.accept()
    assert service.planning.note(note_id).tag is NoteTag.LEVER
    assert service.planning.note(note_id).links == note.links
    # Suppr deletes it, Ctrl+Z brings it back.
    ui.table_view.setFocus()
    qtbot.keyClick(ui.table_view, Qt.Key.Key_Delete)
    assert note_id not in service.planning.note_ids()
    assert page.ui.count_label.text() == "12 notes"
    qtbot.keyClick(ui.table_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert note_id in service.planning.note_ids()
    assert page.model.row_of(note_id) >= 0


def test_the_pertinence_is_saved_explicitly(qtbot: Any, window: MainWindow, service: CarnetService) -> None:
    page = journal_page(window)
    ui = page.ui
    saved = service.planning.pertinence()
    assert ui.pertinence_edit.toPlainText() == saved
    assert SAVED in ui.pertinence_state.text()
    assert not ui.save_pertinence_button.isEnabled()
    ui.pertinence_edit.setFocus()
    ui.pertinence_edit.moveCursor(ui.pertinence_edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(ui.pertinence_edit, " Avis favorable.")
    assert UNSAVED in ui.pertinence_state.text()
    assert ui.save_pertinence_button.isEnabled()
    assert service.planning.pertinence() == saved  # nothing written before the user saves
    # Annuler les modifications goes back to the saved text.
    qtbot.mouseClick(ui.revert_button, Qt.MouseButton.LeftButton)
    assert ui.pertinence_edit.toPlainText() == saved
    assert SAVED in ui.pertinence_state.text()
    ui.pertinence_edit.moveCursor(ui.pertinence_edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(ui.pertinence_edit, " Avis favorable.")
    qtbot.keyClick(ui.pertinence_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert service.planning.pertinence() == f"{saved} Avis favorable."
    assert SAVED in ui.pertinence_state.text()
    assert not ui.save_pertinence_button.isEnabled()


def test_the_rex_report_written_as_docx_and_pdf(
    qtbot: Any, window: MainWindow, service: CarnetService, prompts: Prompts, tmp_path: Path
) -> None:
    page = journal_page(window)
    write_note(qtbot, page, service)
    # A pertinence text typed but not saved: the user is asked, and saves it.
    page.ui.pertinence_edit.setPlainText("Reconduire, et généraliser à deux autres CPTS.")
    prompts.file = tmp_path / "rex.docx"
    out = page.write_rex("docx")
    assert out == prompts.file
    assert prompts.asked == [UNSAVED_QUESTION]
    assert prompts.opened == [out]
    document = docx.Document(str(out))
    paragraphs = [p.text for p in document.paragraphs]
    assert "Réussites" in paragraphs
    assert PERTINENCE_HEADING in paragraphs
    assert "Reconduire, et généraliser à deux autres CPTS." in paragraphs
    text = "\n".join(paragraphs + [c.text for t in document.tables for r in t.rows for c in r.cells])
    assert TEXT in text
    assert service.planning.pertinence() == "Reconduire, et généraliser à deux autres CPTS."
    prompts.file = tmp_path / "rex"
    pdf = page.write_rex("pdf")
    assert pdf == tmp_path / "rex.pdf"
    whole = plain("\n".join(p.extract_text() for p in PdfReader(pdf).pages))
    assert "Rapport synthétique de retour d'expérience" in whole
    assert "agenda partagé" in whole


def test_closing_the_window_offers_to_save_the_pertinence_being_written(
    window: MainWindow, service: CarnetService, prompts: Prompts, carnet_path: Path
) -> None:
    page = journal_page(window)
    page.ui.pertinence_edit.setPlainText("Généraliser à la région.")
    window.close()
    assert prompts.asked == [UNSAVED_QUESTION]
    with open_service(carnet_path, readonly=True) as reader:
        assert reader.planning.pertinence() == "Généraliser à la région."

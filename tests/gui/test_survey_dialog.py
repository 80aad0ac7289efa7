"""The questionnaire dialogs driven like a user: paper forms typed in the keyboard grid, the
printed questionnaire, the import of an online form's answers with its preview and undo, the
template, and the diffusions of the questionnaire on the tool."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from ambassadeur_app.domain.surveys import DiffusionChannel, QuestionKind, default_template
from ambassadeur_app.gui.dialogs.survey_dialog import (
    SurveyDialog,
    SurveyImportDialog,
    SurveyTemplateDialog,
    ToolSurveysDialog,
)
from ambassadeur_app.services import CarnetService
from tests.gui.conftest import Prompts
from tests.unit.test_surveys import held_event
from tests.unit.test_surveys_import import GOOD, google_forms_csv


def open_dialog(qtbot: Any, dialog: QWidget) -> Any:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_comment(view: QWidget, text: str) -> None:
    """Type a comment: its first key opens the cell's editor, the rest goes into it."""
    assert isinstance(view, QAbstractItemView)
    QTest.keyClicks(view, text[0])
    editor = view.indexWidget(view.currentIndex())
    assert editor is not None
    QTest.keyClicks(editor, text[1:])
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits the text once the key is handled


def answers(service: CarnetService, survey_id: str) -> list[tuple[object, ...]]:
    return [(r.number, *r.answers) for r in service.surveys.responses(survey_id)]


def test_paper_forms_are_typed_one_key_per_answer(
    qtbot: Any, service: CarnetService, prompts: Prompts
) -> None:
    event_id = held_event(service, present=4)
    dialog: SurveyDialog = open_dialog(qtbot, SurveyDialog(service, event_id, None))
    view = dialog.ui.grid_view
    assert dialog.survey_id == ""  # opening writes nothing: the first form makes the questionnaire
    assert service.surveys.survey_of_event(event_id) is None
    assert dialog.model.rowCount() == 1
    assert dialog.model.columnCount() == 8
    QTest.keyClicks(view, "432143x")
    survey_id = dialog.survey_id
    assert service.surveys.survey_of_event(event_id) == survey_id
    type_comment(view, "Clair et utile")
    QTest.keyClicks(view, "3333330")
    QTest.keyClick(view, Qt.Key.Key_Return)  # no comment: Entrée goes on
    QTest.keyClicks(view, "44")
    assert answers(service, survey_id) == [
        (1, 4, 3, 2, 1, 4, 3, 10, "Clair et utile"),
        (2, 3, 3, 3, 3, 3, 3, 0, None),
        (3, 4, 4, None, None, None, None, None, None),
    ]
    assert dialog.model.rowCount() == 4  # a blank row for the next form
    assert view.currentIndex().row() == 2
    assert view.currentIndex().column() == 2
    # A key outside the scale is refused: nothing changes, the cursor stays.
    QTest.keyClicks(view, "5")
    assert "Touche « 5 » refusée" in dialog.ui.status_label.text()
    QTest.keyClicks(view, "a")
    assert "Touche « a » refusée" in dialog.ui.status_label.text()
    assert view.currentIndex().column() == 2
    assert answers(service, survey_id)[2] == (3, 4, 4, None, None, None, None, None, None)
    # Shift+Tab goes back, Suppr clears; a form with every answer cleared is deleted.
    QTest.keyClick(view, Qt.Key.Key_Backtab)
    QTest.keyClick(view, Qt.Key.Key_Delete)
    QTest.keyClick(view, Qt.Key.Key_Backtab)
    QTest.keyClick(view, Qt.Key.Key_Backspace)
    assert [row[0] for row in answers(service, survey_id)] == [1, 2]
    # A typed answer corrected in place.
    view.setCurrentIndex(dialog.model.index(1, 6))
    QTest.keyClicks(view, "8")
    assert answers(service, survey_id)[1][7] == 8
    results = service.surveys.results_for_event(event_id)
    assert results is not None
    assert (results.responses, results.expected, results.response_rate) == (2, 4, 0.5)
    assert results.questions[0].distribution == (0, 0, 1, 1)
    assert results.questions[6].distribution[8] == 1
    assert results.questions[6].distribution[10] == 1
    assert results.nps == 50
    assert "2 formulaires saisis ou importés, taux de réponse 50" in dialog.ui.title_label.text()
    dialog.ui.tabs.setCurrentIndex(1)
    shown = dialog.ui.results_edit.toPlainText()
    assert "Réponses : 2 sur 4 (50 %)" in shown  # the text box shows the no-break space as a space
    assert "Score de recommandation (NPS) : +50" in shown
    assert "— Clair et utile" in shown


def test_the_questionnaire_is_printed(
    qtbot: Any, service: CarnetService, prompts: Prompts, tmp_path: Path
) -> None:
    dialog: SurveyDialog = open_dialog(qtbot, SurveyDialog(service, held_event(service), None))
    prompts.file = tmp_path / "questionnaire"
    written = dialog.print_questionnaire()
    assert written == tmp_path / "questionnaire.pdf"
    assert prompts.opened == [written]
    assert "Recommanderiez-vous cet atelier" in PdfReader(written).pages[0].extract_text()


def test_answers_are_imported_with_a_preview_and_undone(
    qtbot: Any, service: CarnetService, prompts: Prompts, tmp_path: Path
) -> None:
    dialog: SurveyDialog = open_dialog(qtbot, SurveyDialog(service, held_event(service, present=5), None))
    QTest.keyClicks(dialog.ui.grid_view, "4")  # a paper form begun before the import
    bad = ["2024/10/11 09:00:00", "", "Bof", "", "", "", "", "", "12", ""]
    prompts.file = google_forms_csv(tmp_path / "reponses.csv", [*GOOD, bad])
    preview = dialog.import_answers()
    assert isinstance(preview, SurveyImportDialog)
    qtbot.addWidget(preview)
    ui = preview.ui
    assert ui.problems_table.rowCount() == 2
    assert [ui.problems_table.item(0, c).text() for c in range(2)] == [
        "5",
        default_template("atelier").questions[0].text,
    ]
    assert "3 réponses à importer, 1 ligne invalide" in ui.summary_label.text()
    assert not preview.import_button.isEnabled()
    ui.skip_invalid_check.setChecked(True)
    assert preview.import_button.text() == "Importer 3 réponses"
    preview.import_button.click()
    assert len(service.surveys.responses(dialog.survey_id)) == 4
    assert dialog.model.rowCount() == 5
    assert dialog.ui.undo_import_button.isEnabled()
    assert dialog.undo_last_import() == 3
    assert [r.answers[0] for r in service.surveys.responses(dialog.survey_id)] == [4]
    assert not dialog.ui.undo_import_button.isEnabled()


def test_an_unreadable_file_is_said_and_nothing_imported(
    qtbot: Any, service: CarnetService, prompts: Prompts, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog: SurveyDialog = open_dialog(qtbot, SurveyDialog(service, held_event(service), None))
    shown: list[str] = []
    monkeypatch.setattr(
        "ambassadeur_app.gui.dialogs.survey_dialog.show_error", lambda p, e: shown.append(str(e))
    )
    prompts.file = tmp_path / "coupe.xlsx"
    prompts.file.write_bytes(b"PK\x03\x04 cut")
    assert dialog.import_answers() is None
    assert shown
    assert "n'est pas un classeur Excel lisible" in shown[0]
    assert service.imports() == []


def test_the_template_is_edited_and_a_survey_without_answers_follows(
    qtbot: Any, service: CarnetService, prompts: Prompts
) -> None:
    dialog: SurveyDialog = open_dialog(qtbot, SurveyDialog(service, held_event(service), None))
    editor = dialog.edit_template()
    assert isinstance(editor, SurveyTemplateDialog)
    qtbot.addWidget(editor)
    table = editor.ui.questions_table
    assert table.rowCount() == 8
    table.item(0, 0).setText("Êtes-vous satisfait(e) de la soirée ?")
    table.setCurrentCell(7, 0)
    editor.ui.remove_button.click()
    table.setCurrentCell(6, 0)
    editor.ui.up_button.click()
    editor.accept()
    questions = service.surveys.template("atelier").questions
    assert [q.text for q in questions][:1] == ["Êtes-vous satisfait(e) de la soirée ?"]
    assert [q.kind for q in questions][-2:] == [QuestionKind.RECOMMENDATION, QuestionKind.AGREEMENT]
    assert len(questions) == 7
    assert dialog.model.columnCount() == 7  # no answer yet: the survey took the new questions
    assert "Êtes-vous satisfait(e) de la soirée ?" in dialog.ui.legend_label.text()
    again = dialog.edit_template()
    qtbot.addWidget(again)
    again.ui.reset_button.click()
    again.accept()
    assert service.surveys.is_default("atelier")


def test_tool_questionnaire_diffusions(qtbot: Any, service: CarnetService, prompts: Prompts) -> None:
    dialog: ToolSurveysDialog = open_dialog(qtbot, ToolSurveysDialog(service, None))
    ui = dialog.ui
    assert ui.diffusions_table.rowCount() == 0
    assert not ui.open_button.isEnabled()
    ui.date_edit.setDate(QDate(2024, 11, 4))
    ui.channel_combo.setCurrentIndex(ui.channel_combo.findData(DiffusionChannel.NEWSLETTER.value))
    ui.recipients_spin.setValue(80)
    QTest.keyClicks(ui.who_edit, "Lettre d'information de la CPTS")
    ui.add_button.click()
    [survey_id] = service.surveys.tool_survey_ids()
    survey = service.surveys.survey(survey_id)
    assert (survey.diffused_on, survey.channel, survey.recipients) == (
        date(2024, 11, 4),
        DiffusionChannel.NEWSLETTER,
        80,
    )
    assert survey.recipients_text == "Lettre d'information de la CPTS"
    forms = dialog.open_selected()
    assert isinstance(forms, SurveyDialog)
    qtbot.addWidget(forms)
    QTest.keyClicks(forms.ui.grid_view, "4444449")
    QTest.keyClick(forms.ui.grid_view, Qt.Key.Key_Return)
    QTest.keyClicks(forms.ui.grid_view, "1111112")
    forms.close()
    dialog.refresh()
    cells = [ui.diffusions_table.item(0, c).text() for c in range(7)]
    assert cells == [
        "04/11/2024",
        "Lettre d'information",
        "80 — Lettre d'information de la CPTS",
        "2",
        "2\u00a0%",
        "0",
        "2,5 / 4",
    ]
    dialog.delete_selected()
    assert service.surveys.tool_survey_ids() == []
    assert ui.diffusions_table.rowCount() == 0


def test_the_preview_shows_the_columns_and_the_user_maps_one_left_over(
    qtbot: Any, service: CarnetService, prompts: Prompts, tmp_path: Path
) -> None:
    event_id = held_event(service, present=5)
    dialog: SurveyDialog = open_dialog(qtbot, SurveyDialog(service, event_id, None))
    questions = [q.text for q in default_template("atelier").questions]
    header = ["Horodateur", "Adresse e-mail", *questions]
    header[2 + 4] = "Les horaires vous convenaient-ils ?"
    lines = [",".join(f'"{cell}"' for cell in row) for row in [header, *GOOD]]
    prompts.file = tmp_path / "q5.csv"
    prompts.file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    preview = dialog.import_answers()
    assert isinstance(preview, SurveyImportDialog)
    qtbot.addWidget(preview)
    summary = preview.ui.summary_label.text()
    assert "La colonne « Les horaires vous convenaient-ils ? » de « q5.csv » a des réponses" in summary
    assert "question 5 sans colonne" in summary
    assert not preview.import_button.isEnabled()
    combo = preview.mapping_table.cellWidget(4, 1)
    assert combo.currentText() == "(aucune colonne)"
    assert preview.mapping_table.cellWidget(0, 1).currentText() == questions[0]
    combo.setCurrentIndex(combo.findText("Les horaires vous convenaient-ils ?"))
    assert "a des réponses" not in preview.ui.summary_label.text()
    assert preview.import_button.isEnabled()
    assert preview.import_button.text() == "Importer 3 réponses"
    preview.import_button.click()
    assert dialog.survey_id == service.surveys.survey_of_event(event_id)  # made by the import
    assert [r.answers[4] for r in service.surveys.responses(dialog.survey_id)] == [2, 3, 1]
    assert dialog.model.rowCount() == 4
    # The same export again: every line is known, nothing to import.
    prompts.file = google_forms_csv(tmp_path / "again.csv", GOOD)
    again = dialog.import_answers()
    assert isinstance(again, SurveyImportDialog)
    qtbot.addWidget(again)
    assert "0 réponse à importer, 3 déjà importées" in again.ui.summary_label.text()
    assert not again.import_button.isEnabled()


def test_an_event_without_questionnaire_opens_on_a_read_only_carnet(
    qtbot: Any, service: CarnetService, prompts: Prompts, tmp_path: Path
) -> None:
    from ambassadeur_app.services.carnet import open_service

    event_id = held_event(service)
    path = service.path
    service.close()
    reader = open_service(path, readonly=True)
    try:
        dialog: SurveyDialog = open_dialog(qtbot, SurveyDialog(reader, event_id, None))
        assert dialog.model.columnCount() == 8
        assert "Réponses : 0" in dialog.ui.results_edit.toPlainText()
        prompts.file = tmp_path / "questionnaire.pdf"
        written = dialog.print_questionnaire()
        assert written is not None
        assert "Recommanderiez-vous cet atelier" in PdfReader(written).pages[0].extract_text()
        QTest.keyClicks(dialog.ui.grid_view, "4")  # refused, said, nothing written
        assert dialog.ui.status_label.text()
        assert reader.surveys.survey_of_event(event_id) is None
        dialog.close()
    finally:
        reader.close()

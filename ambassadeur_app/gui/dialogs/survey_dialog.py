"""Satisfaction questionnaires: an event's questionnaire (print it, type the paper forms in a
keyboard grid, import an online form's answers, read the results), the questionnaire on the
tool and its diffusions, and the templates.

The grid takes one key per answer: 1–4 on a scale, 0–9 and X (or +) for 10 on the
recommendation; Entrée or Tab moves on, Suppr clears, a new form's row appears at the end.
Each form is saved as it is typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ambassadeur_app import paths
from ambassadeur_app.domain.formatting import format_date, format_number, format_percent, plural
from ambassadeur_app.domain.surveys import (
    TOOL_KEY,
    Answer,
    DiffusionChannel,
    Question,
    QuestionKind,
    Survey,
    SurveyTemplate,
    is_empty,
    results_text,
    template_title,
)
from ambassadeur_app.domain.text import fold
from ambassadeur_app.errors import AppError, InvalidInput
from ambassadeur_app.gui import prompts
from ambassadeur_app.gui.errors import show_error
from ambassadeur_app.gui.forms.ui_survey_dialog import Ui_SurveyDialog
from ambassadeur_app.gui.forms.ui_survey_import_dialog import Ui_SurveyImportDialog
from ambassadeur_app.gui.forms.ui_survey_template_dialog import Ui_SurveyTemplateDialog
from ambassadeur_app.gui.forms.ui_tool_surveys_dialog import Ui_ToolSurveysDialog
from ambassadeur_app.gui.widgets.choices import fill_enum
from ambassadeur_app.gui.widgets.feedback import ERROR_COLOR, OK_COLOR, colored, error_line
from ambassadeur_app.gui.widgets.problems import INVALID_LINES_NOTE, setup_problems_table, show_problems
from ambassadeur_app.gui.widgets.programme_form import from_qdate, to_qdate
from ambassadeur_app.services import CarnetService
from ambassadeur_app.services.surveys import AnswersImportPreview, describe_survey

TEN_KEYS = (Qt.Key.Key_X, Qt.Key.Key_Plus)  # the key for 10 on the recommendation
MOVE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
HELP = (
    "Une ligne par formulaire papier, une colonne par question. Tapez une touche par réponse : "
    "<b>1</b> à <b>4</b> sur les échelles (1 = pas du tout, 4 = tout à fait), <b>0</b> à <b>9</b> "
    "et <b>X</b> (ou +) pour 10 sur la recommandation ; tapez le commentaire puis Entrée. "
    "Entrée ou Tab passe à la case suivante, Suppr efface. Chaque formulaire est enregistré dès sa saisie."
)


@dataclass
class _Form:
    number: int
    answers: list[Answer]
    response_id: str = ""


@dataclass
class _Grid:
    questions: tuple[Question, ...]
    forms: list[_Form] = field(default_factory=list)


class SurveyGridModel(QAbstractTableModel):
    """The paper forms of a survey, one row each, and a blank row at the end for the next one."""

    def __init__(self, service: CarnetService, survey: Survey, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.survey = survey
        self.grid = _Grid(survey.questions)
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        responses = self.service.surveys.responses(self.survey.id) if self.survey.id else []
        self.grid.forms = [_Form(r.number, list(r.answers), r.id) for r in responses]
        self._add_blank()
        self.endResetModel()

    def _add_blank(self) -> None:
        forms = self.grid.forms
        if not forms or not is_empty(forms[-1].answers):
            number = max((f.number for f in forms), default=0) + 1
            forms.append(_Form(number, [None] * len(self.grid.questions)))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.grid.forms)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.grid.questions)

    def question(self, column: int) -> Question:
        return self.grid.questions[column]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        value = self.grid.forms[index.row()].answers[index.column()]
        question = self.question(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            if value is None or not question.kind.is_scale:
                return question.text
            return f"{question.text}\n{value} = {question.kind.levels[int(value) - 1]}"
        if role == Qt.ItemDataRole.TextAlignmentRole and question.kind is not QuestionKind.COMMENT:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"Q{section + 1}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.question(section).text
        elif role == Qt.ItemDataRole.DisplayRole:
            return f"n° {self.grid.forms[section].number}"
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and self.question(index.column()).kind is QuestionKind.COMMENT:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        text = str(value).strip()
        self.set_answer(index.row(), index.column(), text or None)
        return True

    def set_answer(self, row: int, column: int, value: Answer) -> None:
        """Change an answer and save its form at once (an emptied form is deleted).

        Raises:
            AppError: the answer is refused (the form is left as it was).
        """
        form = self.grid.forms[row]
        answers = list(form.answers)
        answers[column] = value
        if not self.survey.id and is_empty(answers):
            return
        if not self.survey.id:  # an event's questionnaire is made with its first form
            surveys = self.service.surveys
            self.survey = surveys.survey(surveys.survey_for_event(str(self.survey.event_id)))
        form.response_id = self.service.surveys.save_form(
            self.survey.id, form.number, answers, form.response_id
        )
        form.answers = answers
        self.dataChanged.emit(self.index(row, column), self.index(row, column))
        if row == len(self.grid.forms) - 1 and not is_empty(answers):
            self.beginInsertRows(QModelIndex(), row + 1, row + 1)
            self._add_blank()
            self.endInsertRows()

    def key_answer(self, column: int, key: int, text: str) -> int:
        """Return the answer a key gives in ``column``.

        Raises:
            InvalidInput: the key is no answer to this question (the reason, in French).
        """
        kind = self.question(column).kind
        if kind is QuestionKind.RECOMMENDATION:
            if key in TEN_KEYS:
                return 10
            if text.isdigit() and len(text) == 1:
                return int(text)
            raise InvalidInput("Recommandation : tapez 0 à 9, ou X pour 10.")
        if text in ("1", "2", "3", "4"):
            return int(text)
        low, high = kind.levels[0].lower(), kind.levels[-1].lower()
        raise InvalidInput(f"Échelle : tapez 1, 2, 3 ou 4 (1 = {low}, 4 = {high}).")


class SurveyDialog(QDialog):
    """An event's questionnaire (or, with ``survey_id``, a diffusion of the tool's one).

    An event without a questionnaire shows its kind's template and gets its questionnaire with
    the first form typed or imported: opening the dialog writes nothing (a read-only carnet
    shows it and prints it).
    """

    def __init__(
        self,
        service: CarnetService,
        event_id: str | None,
        parent: QWidget | None = None,
        *,
        survey_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SurveyDialog()
        self.ui.setupUi(self)
        self.service = service
        surveys = service.surveys
        self.survey = surveys.survey(survey_id) if survey_id else surveys.event_survey(str(event_id))
        ui = self.ui
        ui.buttons.button(QDialogButtonBox.StandardButton.Close).setText("Fermer")
        ui.buttons.rejected.connect(self.reject)
        ui.help_label.setText(HELP)
        ui.print_button.clicked.connect(lambda: self.print_questionnaire())
        ui.import_button.clicked.connect(lambda: self.import_answers())
        ui.undo_import_button.clicked.connect(lambda: self.undo_last_import())
        ui.template_button.clicked.connect(lambda: self.edit_template())
        ui.tabs.currentChanged.connect(lambda _: self.refresh_results())
        view = ui.grid_view
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        view.installEventFilter(self)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        view.itemDelegate().closeEditor.connect(self._editor_closed)
        self._set_model()
        self.resize(980, 680)

    @property
    def survey_id(self) -> str:
        """Return the survey's id (empty while an event's questionnaire is not made yet)."""
        return self.survey.id

    def _reload_survey(self) -> None:
        surveys = self.service.surveys
        event_id = self.survey.event_id
        self.survey = (
            surveys.survey(self.survey.id) if self.survey.id else surveys.event_survey(str(event_id))
        )

    def _set_model(self) -> None:
        ui = self.ui
        self._reload_survey()
        self.model = SurveyGridModel(self.service, self.survey, self)
        self.model.rowsInserted.connect(lambda *_: self._update_title())
        ui.grid_view.setModel(self.model)
        header = ui.grid_view.horizontalHeader()
        for column, question in enumerate(self.survey.questions):
            if question.kind is QuestionKind.COMMENT:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
                ui.grid_view.setColumnWidth(column, 48)
        legend = "<br/>".join(
            f"<b>Q{n}</b> : {q.text} <i>({_kind_hint(q.kind)})</i>"
            for n, q in enumerate(self.survey.questions, 1)
        )
        ui.legend_label.setText(legend)
        self._update_title()
        self.refresh_results()
        ui.grid_view.setCurrentIndex(self.model.index(self.model.rowCount() - 1, 0))
        ui.grid_view.setFocus()

    def _update_title(self) -> None:
        survey = self.survey
        event = None if survey.event_id is None else self.service.events.event(survey.event_id)
        head = survey.title if event is None else f"{event.title} — {format_date(event.first_day)}"
        self.setWindowTitle(f"Questionnaire — {head}")
        results = self.service.surveys.survey_results(self.survey)
        facts = [plural(results.responses, "formulaire saisi ou importé", "formulaires saisis ou importés")]
        if results.response_rate is not None:
            who = "présents" if event is not None else "destinataires"
            facts.append(
                f"taux de réponse {format_percent(results.response_rate)} ({results.expected} {who})"
            )
        subtitle = describe_survey(survey) if event is None else event.kind.label
        self.ui.title_label.setText(f"<b>{_html(head)}</b> — {_html(subtitle)}<br/>{_html(', '.join(facts))}")
        self.ui.undo_import_button.setEnabled(bool(self.service.surveys.imports_of(self.survey_id)))

    def refresh_results(self) -> None:
        self.ui.results_edit.setPlainText(results_text(self.service.surveys.survey_results(self.survey)))

    # --- keyboard grid ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.grid_view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key(event)
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        """Handle a key pressed on the grid; return whether it was used."""
        view = self.ui.grid_view
        index = view.currentIndex()
        if not index.isValid() or view.state() == QAbstractItemView.State.EditingState:
            return False
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers & ~Qt.KeyboardModifier.ShiftModifier:
            return False  # shortcuts (Ctrl+…, Alt+…) go on to the dialog
        if key in MOVE_KEYS:
            self._move(1)
            return True
        if key == Qt.Key.Key_Backtab:
            self._move(-1)
            return True
        if key in CLEAR_KEYS:
            self._answer(index.row(), index.column(), None)
            return True
        kind = self.model.question(index.column()).kind
        if kind is QuestionKind.COMMENT or not event.text() or not event.text().isprintable():
            return False  # the comment's editor opens on the key; arrows move
        try:
            value = self.model.key_answer(index.column(), key, event.text())
        except InvalidInput as exc:
            QApplication.beep()
            error_line(self.ui.status_label, f"Touche « {event.text()} » refusée. {exc.message}")
            return True
        if self._answer(index.row(), index.column(), value):
            self._move(1)
        return True

    def _answer(self, row: int, column: int, value: Answer) -> bool:
        try:
            self.model.set_answer(row, column, value)
        except AppError as exc:
            QApplication.beep()
            error_line(self.ui.status_label, exc.message)
            return False
        self.survey = self.model.survey  # made with the first form
        number = self.model.grid.forms[row].number
        self.ui.status_label.setText(colored(f"Formulaire n° {number} enregistré.", OK_COLOR))
        self._update_title()
        return True

    def _move(self, step: int) -> None:
        """Go to the next (``step`` 1) or previous (-1) cell, row after row."""
        view = self.ui.grid_view
        index = view.currentIndex()
        columns = self.model.columnCount()
        position = index.row() * columns + index.column() + step
        position = max(0, min(position, self.model.rowCount() * columns - 1))
        view.setCurrentIndex(self.model.index(position // columns, position % columns))

    def _editor_closed(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """After a comment is typed, Entrée goes on to the next form like the other keys."""
        if hint in (
            QAbstractItemDelegate.EndEditHint.NoHint,
            QAbstractItemDelegate.EndEditHint.SubmitModelCache,
        ):
            self._move(1)
        self._update_title()

    # --- actions ------------------------------------------------------------------------------

    def print_questionnaire(self) -> Path | None:
        from ambassadeur_app.reports.output import slug

        suggested = paths.documents_dir() / f"questionnaire-{slug(self.survey.title)}.pdf"
        out = prompts.save_file(self, "Questionnaire à imprimer", suggested, "PDF (*.pdf)")
        if out is None:
            return None
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        surveys = self.service.surveys
        try:
            if self.survey_id:
                written = surveys.write_questionnaire(self.survey_id, out)
            else:
                written = surveys.write_event_questionnaire(str(self.survey.event_id), out)
        except AppError as exc:
            show_error(self, exc)
            return None
        self.ui.status_label.setText(colored(f"Questionnaire écrit : {written}", OK_COLOR))
        prompts.open_path(written)
        return written

    def import_answers(self) -> SurveyImportDialog | None:
        path = prompts.open_file(
            self,
            "Importer des réponses",
            paths.documents_dir(),
            "Tableurs (*.xlsx *.csv);;Tous les fichiers (*)",
        )
        if path is None:
            return None
        surveys = self.service.surveys
        try:
            if self.survey_id:
                preview = surveys.preview_import(self.survey_id, path)
            else:
                preview = surveys.preview_event_import(str(self.survey.event_id), path)
        except AppError as exc:
            show_error(self, exc)
            return None
        dialog = SurveyImportDialog(self.service, preview, self)
        dialog.accepted.connect(lambda: self._imported(dialog.survey_id))
        dialog.open()
        return dialog

    def _imported(self, survey_id: str = "") -> None:
        if survey_id and not self.survey_id:  # the import made the event's questionnaire
            self.survey = self.service.surveys.survey(survey_id)
            self._set_model()
            return
        self.model.reload()
        self._update_title()
        self.refresh_results()

    def undo_last_import(self) -> int:
        found = self.service.surveys.imports_of(self.survey_id)
        if not found or not prompts.ask(
            self,
            "Annuler le dernier import de réponses ?",
            "Les réponses qu'il a ajoutées seront retirées ; celles corrigées à la main depuis sont gardées.",
        ):
            return 0
        removed = self.service.surveys.undo_import(found[0])
        self._imported()
        self.ui.status_label.setText(
            colored(f"Import annulé : {plural(removed, 'réponse retirée', 'réponses retirées')}.", OK_COLOR)
        )
        return removed

    def edit_template(self) -> SurveyTemplateDialog:
        dialog = SurveyTemplateDialog(self.service, self.survey.key, self)
        dialog.accepted.connect(self._template_saved)
        dialog.open()
        return dialog

    def _template_saved(self) -> None:
        """A survey without responses takes the new questions; one with responses keeps its own."""
        try:
            if self.survey_id:
                self.service.surveys.refresh_questions(self.survey_id)
        except AppError as exc:
            self.ui.status_label.setText(_html(exc.message))
            return
        self._set_model()


def _kind_hint(kind: QuestionKind) -> str:
    if kind is QuestionKind.RECOMMENDATION:
        return "0 à 9, X = 10"
    if kind is QuestionKind.COMMENT:
        return "texte"
    return "1 à 4"


def _html(text: str) -> str:
    from html import escape

    return escape(text, quote=False)


class SurveyImportDialog(QDialog):
    """The preview of an import of answers: which column answers which question (the user can
    change it), every invalid line; accepting writes the import."""

    NO_COLUMN = "(aucune colonne)"

    def __init__(
        self, service: CarnetService, preview: AnswersImportPreview, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SurveyImportDialog()
        self.ui.setupUi(self)
        self.service = service
        self.preview = preview
        self.survey_id = preview.survey_id  # the survey written to, once accepted
        ui = self.ui
        self.import_button = ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        ui.file_label.setText(f"Fichier : <b>{_html(preview.path.name)}</b>")
        # Which column answers which question: one choice per question, every column offered.
        self.mapping_table = QTableWidget(len(preview.questions), 2, self)
        self.mapping_table.setHorizontalHeaderLabels(["Question", "Colonne du fichier"])
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.mapping_table.setColumnWidth(1, 320)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        ui.dialog_layout.insertWidget(ui.dialog_layout.indexOf(ui.columns_label) + 1, self.mapping_table)
        for row, question in enumerate(preview.questions):
            self.mapping_table.setItem(row, 0, QTableWidgetItem(f"Q{row + 1}. {question.text}"))
            combo = QComboBox()
            combo.addItem(self.NO_COLUMN, None)
            for column, header in enumerate(preview.headers):
                combo.addItem(header, column)
            self.mapping_table.setCellWidget(row, 1, combo)
        setup_problems_table(ui.problems_table)
        ui.skip_invalid_check.toggled.connect(lambda _: self._update_button())
        self._show()
        for row in range(len(preview.questions)):
            self._combo(row).currentIndexChanged.connect(lambda _: self._columns_chosen())
        self.resize(900, 640)

    def _combo(self, row: int) -> QComboBox:
        combo = self.mapping_table.cellWidget(row, 1)
        assert isinstance(combo, QComboBox)
        return combo

    def _show(self) -> None:
        preview = self.preview
        ui = self.ui
        for row in range(len(preview.questions)):
            columns = preview.match.columns.get(row, ())
            combo = self._combo(row)
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(columns[0]) if columns else 0)
            combo.blockSignals(False)
        questions = preview.questions
        named = [i for i, header in preview.columns.items() if fold(header) == fold(questions[i].text)]
        read = [
            f"Q{i + 1} ← « {_html(h)} »" + (" (intitulé proche)" if i in preview.match.close else "")
            for i, h in preview.columns.items()
            if i not in named
        ]
        if named:
            read.insert(
                0, plural(len(named), "question trouvée", "questions trouvées") + " par leur intitulé"
            )
        ui.columns_label.setText("Colonnes lues : " + (", ".join(read) or "aucune") + ".")
        summary = [_html(preview.summary())]
        if preview.dropped:
            summary.append(
                colored(
                    _html(preview.dropped)
                    + ". Choisissez ci-dessus la colonne de chaque question : les colonnes laissées "
                    "sans question ne seront pas importées.",
                    ERROR_COLOR,
                )
            )
        if preview.invalid_lines:
            summary.append(INVALID_LINES_NOTE)
        ui.summary_label.setText("<br/>".join(summary))
        show_problems(ui.problems_table, preview.problems)
        ui.skip_invalid_check.setVisible(bool(preview.invalid_lines))
        self._update_button()

    def _columns_chosen(self) -> None:
        """Read the file again with the columns the user chose."""
        chosen = {row: self._combo(row).currentData() for row in range(len(self.preview.questions))}
        try:
            self.preview = self.service.surveys.preview_again(self.preview, chosen)
        except AppError as exc:
            error_line(self.ui.summary_label, exc.message)
            self.import_button.setEnabled(False)
            return
        self._show()

    def _update_button(self) -> None:
        preview = self.preview
        self.import_button.setText(f"Importer {plural(len(preview.lines), 'réponse')}")
        self.import_button.setEnabled(
            bool(preview.lines)
            and not preview.refusal
            and (not preview.invalid_lines or self.ui.skip_invalid_check.isChecked())
        )

    def accept(self) -> None:
        try:
            outcome = self.service.surveys.apply_import(self.preview, self.ui.skip_invalid_check.isChecked())
        except AppError as exc:
            error_line(self.ui.summary_label, exc.message)
            return
        self.survey_id = outcome.survey_id
        super().accept()


class SurveyTemplateDialog(QDialog):
    """Edit the questions of a template: text and kind, order; or go back to the default."""

    def __init__(self, service: CarnetService, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SurveyTemplateDialog()
        self.ui.setupUi(self)
        self.service = service
        self.key = key
        ui = self.ui
        self.setWindowTitle(f"Modèle — {template_title(key)}")
        ui.explanation_label.setText(
            "Les questionnaires créés après l'enregistrement poseront ces questions ; ceux qui ont "
            "déjà des réponses gardent les leurs."
        )
        ui.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Enregistrer")
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        table = ui.questions_table
        table.setColumnCount(2)
        table.setHorizontalHeaderLabels(["Question", "Type de réponse"])
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(1, 200)
        ui.add_button.clicked.connect(
            lambda: self._insert(table.rowCount(), Question("", QuestionKind.AGREEMENT))
        )
        ui.remove_button.clicked.connect(lambda: table.removeRow(table.currentRow()))
        ui.up_button.clicked.connect(lambda: self._swap(-1))
        ui.down_button.clicked.connect(lambda: self._swap(1))
        ui.reset_button.clicked.connect(lambda: self.reset())
        self._show(service.surveys.template(key).questions)

    def _show(self, questions: tuple[Question, ...]) -> None:
        self.ui.questions_table.setRowCount(0)
        for row, question in enumerate(questions):
            self._insert(row, question)

    def _insert(self, row: int, question: Question) -> None:
        table = self.ui.questions_table
        table.insertRow(row)
        table.setItem(row, 0, QTableWidgetItem(question.text))
        combo = QComboBox()
        fill_enum(combo, QuestionKind)
        combo.setCurrentIndex(list(QuestionKind).index(question.kind))
        table.setCellWidget(row, 1, combo)
        table.setCurrentCell(row, 0)

    def questions(self) -> tuple[Question, ...]:
        table = self.ui.questions_table
        found = []
        for row in range(table.rowCount()):
            item = table.item(row, 0)
            combo = table.cellWidget(row, 1)
            assert isinstance(combo, QComboBox)
            found.append(Question(item.text() if item else "", QuestionKind(combo.currentData())))
        return tuple(found)

    def _swap(self, step: int) -> None:
        row = self.ui.questions_table.currentRow()
        questions = list(self.questions())
        if row < 0 or not 0 <= row + step < len(questions):
            return
        questions[row], questions[row + step] = questions[row + step], questions[row]
        self._show(tuple(questions))
        self.ui.questions_table.setCurrentCell(row + step, 0)

    def reset(self) -> None:
        from ambassadeur_app.domain.surveys import default_template

        self._show(default_template(self.key).questions)

    def accept(self) -> None:
        from ambassadeur_app.domain.surveys import default_template

        questions = self.questions()
        try:
            if questions == default_template(self.key).questions:
                self.service.surveys.reset_template(self.key)
            else:
                self.service.surveys.save_template(SurveyTemplate(self.key, questions))
        except AppError as exc:
            error_line(self.ui.error_label, exc.message)
            return
        super().accept()


class ToolSurveysDialog(QDialog):
    """The questionnaire on the tool: each diffusion (date, channel, recipients) with its
    responses and results."""

    COLUMNS = ("Date", "Canal", "Destinataires", "Réponses", "Taux", "NPS", "Satisfaction")

    def __init__(self, service: CarnetService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ToolSurveysDialog()
        self.ui.setupUi(self)
        self.service = service
        ui = self.ui
        ui.explanation_label.setText(
            "Le questionnaire sur Parceo et son utilisation, envoyé aux professionnels du département "
            "(indicateur du cahier des charges : au moins une diffusion). Enregistrez chaque diffusion, "
            "puis saisissez ou importez ses réponses."
        )
        ui.buttons.button(QDialogButtonBox.StandardButton.Close).setText("Fermer")
        ui.buttons.rejected.connect(self.reject)
        fill_enum(ui.channel_combo, DiffusionChannel)
        ui.date_edit.setDate(to_qdate(service.today()))
        ui.date_edit.setDisplayFormat("dd/MM/yyyy")
        table = ui.diffusions_table
        table.setColumnCount(len(self.COLUMNS))
        table.setHorizontalHeaderLabels(list(self.COLUMNS))
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.doubleClicked.connect(lambda _: self.open_selected())
        ui.add_button.clicked.connect(lambda: self.add_diffusion())
        ui.open_button.clicked.connect(lambda: self.open_selected())
        ui.delete_button.clicked.connect(lambda: self.delete_selected())
        ui.template_button.clicked.connect(lambda: self.edit_template())
        self.ids: list[str] = []
        self.refresh()
        self.resize(900, 560)

    def refresh(self) -> None:
        surveys = self.service.surveys
        self.ids = surveys.tool_survey_ids()
        table = self.ui.diffusions_table
        table.setRowCount(len(self.ids))
        for row, survey_id in enumerate(self.ids):
            survey = surveys.survey(survey_id)
            results = surveys.results(survey_id)
            who = "" if survey.recipients is None else format_number(survey.recipients, 0)
            if survey.recipients_text:
                who = f"{who} — {survey.recipients_text}" if who else survey.recipients_text
            cells = (
                format_date(survey.diffused_on) if survey.diffused_on else "",
                survey.channel.label if survey.channel else "",
                who,
                str(results.responses),
                format_percent(results.response_rate) if results.response_rate is not None else "—",
                "—" if results.nps is None else f"{results.nps:+d}" if results.nps else "0",
                "—"
                if results.mean_satisfaction is None
                else f"{format_number(results.mean_satisfaction, 1)} / 4",
            )
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
        table.resizeColumnToContents(0)
        if self.ids and table.currentRow() < 0:
            table.selectRow(0)
        for button in (self.ui.open_button, self.ui.delete_button):
            button.setEnabled(bool(self.ids))

    def _selected(self) -> str | None:
        row = self.ui.diffusions_table.currentRow()
        return self.ids[row] if 0 <= row < len(self.ids) else None

    def add_diffusion(self) -> str | None:
        ui = self.ui
        try:
            survey_id = self.service.surveys.save_diffusion(
                from_qdate(ui.date_edit.date()),
                DiffusionChannel(ui.channel_combo.currentData()),
                ui.recipients_spin.value() or None,
                ui.who_edit.text(),
            )
        except AppError as exc:
            error_line(ui.status_label, exc.message)
            return None
        ui.who_edit.clear()
        ui.recipients_spin.setValue(0)
        self.refresh()
        self.ui.diffusions_table.selectRow(self.ids.index(survey_id))
        ui.status_label.setText(colored("Diffusion enregistrée.", OK_COLOR))
        return survey_id

    def open_selected(self) -> SurveyDialog | None:
        survey_id = self._selected()
        if survey_id is None:
            return None
        dialog = SurveyDialog(self.service, None, self, survey_id=survey_id)
        dialog.finished.connect(lambda _: self.refresh())
        dialog.open()
        return dialog

    def delete_selected(self) -> None:
        survey_id = self._selected()
        if survey_id is None:
            return
        count = self.service.surveys.results(survey_id).responses
        if not prompts.ask(
            self, "Supprimer cette diffusion ?", f"Ses réponses ({count}) ne compteront plus.", "Supprimer"
        ):
            return
        self.service.surveys.delete_diffusion(survey_id)
        self.refresh()

    def edit_template(self) -> SurveyTemplateDialog:
        dialog = SurveyTemplateDialog(self.service, TOOL_KEY, self)
        dialog.open()
        return dialog

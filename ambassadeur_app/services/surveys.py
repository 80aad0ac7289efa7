"""Satisfaction questionnaires: templates, the survey of each event, the diffusions of the
questionnaire on the tool, their responses (typed form by form or imported) and results.

``SurveysService`` works on the carnet of a ``CarnetCore`` (``core.py``) and the events
(``events.py``): an event's survey copies the questions of its kind's template when it is made,
and its response rate counts the participants present.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ambassadeur_app.domain.dates import check_year
from ambassadeur_app.domain.formatting import format_date, plural
from ambassadeur_app.domain.surveys import (
    TOOL_KEY,
    TOOL_TITLE,
    Answer,
    DiffusionChannel,
    Response,
    Survey,
    SurveyResults,
    SurveyTemplate,
    compute_results,
    default_template,
    is_empty,
    validate_response,
    validate_template,
)
from ambassadeur_app.domain.text import blank
from ambassadeur_app.errors import AppError, InvalidInput
from ambassadeur_app.importers.carnet import LineProblem
from ambassadeur_app.storage.backup import BackupKind

if TYPE_CHECKING:
    from ambassadeur_app.domain.events import Event
    from ambassadeur_app.services.core import CarnetCore
    from ambassadeur_app.services.events import EventsService

IMPORT_KIND = "reponses"  # the kind of an answers import in the ``imports`` table
MAX_RECIPIENTS = 1_000_000
PRINT = "son questionnaire ne s'imprime pas"  # refused for a cancelled event


@dataclass
class AnswersImportPreview:
    """What an import of answers would add, shown before anything is written."""

    path: Path
    survey_id: str
    columns: dict[int, str]  # question index -> the file's header it was read from
    by_position: bool
    lines: list[tuple[int, tuple[Answer, ...]]] = field(default_factory=list)
    problems: list[LineProblem] = field(default_factory=list)
    invalid_lines: int = 0
    empty_lines: int = 0
    unmatched: list[int] = field(default_factory=list)  # questions without a column

    def summary(self) -> str:
        text = plural(len(self.lines), "réponse à importer", "réponses à importer")
        if self.invalid_lines:
            text += f", {plural(self.invalid_lines, 'ligne invalide', 'lignes invalides')}"
        if self.empty_lines:
            text += f", {plural(self.empty_lines, 'ligne vide ignorée', 'lignes vides ignorées')}"
        if self.by_position:
            text += " (colonnes prises dans l'ordre des questions : aucun en-tête ne reprend leur texte)"
        if self.unmatched:
            numbers = ", ".join(str(index + 1) for index in self.unmatched)
            text += f" ; sans colonne dans le fichier : question{'s' if len(self.unmatched) > 1 else ''}"
            text += f" {numbers}"
        return text + "."


@dataclass(frozen=True)
class AnswersImportOutcome:
    import_id: str
    imported: int
    skipped_invalid: int


class SurveysService:
    """The operations on the questionnaires of one open carnet."""

    def __init__(self, core: CarnetCore, events: EventsService) -> None:
        self.core = core
        self.events = events
        self.carnet = core.carnet

    # --- templates ----------------------------------------------------------------------------

    def template(self, key: str) -> SurveyTemplate:
        """Return the template of an event kind (an ``EventKind`` value) or of the tool
        (``TOOL_KEY``): the user's, else the default one."""
        return self.carnet.survey_templates.get(key) or default_template(key)

    def is_default(self, key: str) -> bool:
        return self.carnet.survey_templates.get(key) is None

    def save_template(self, template: SurveyTemplate) -> None:
        """Keep a template for the surveys made from now on (past ones keep their questions).

        Raises:
            InvalidInput: a question is wrong.
        """
        checked = validate_template(template)
        with self.carnet.write():
            self.carnet.survey_templates.save(checked)

    def reset_template(self, key: str) -> None:
        """Go back to the default template of ``key``."""
        default_template(key)  # refuses an unknown key
        with self.carnet.write():
            self.carnet.survey_templates.forget(key)

    # --- surveys ------------------------------------------------------------------------------

    def survey(self, survey_id: str) -> Survey:
        found = self.carnet.surveys.get(survey_id)
        if found is None or not self.carnet.surveys.is_live(survey_id):
            raise AppError("Ce questionnaire n'existe plus dans le carnet.")
        return found

    def survey_of_event(self, event_id: str) -> str | None:
        """Return the id of an event's survey, ``None`` if it has none yet."""
        return self.carnet.surveys.of_event(event_id)

    def survey_for_event(self, event_id: str) -> str:
        """Return the id of an event's survey, made from its kind's template if it has none."""
        event = self.events.event(event_id)
        found = self.carnet.surveys.of_event(event_id)
        if found is not None:
            return found
        template = self.template(event.kind.value)
        with self.carnet.write():
            return self.carnet.surveys.add(
                Survey(template.key, event.title, template.questions, event_id=event.id)
            )

    def refresh_questions(self, survey_id: str) -> None:
        """Give a survey without responses the current questions of its template.

        Raises:
            InvalidInput: the survey has responses (their answers follow its questions).
        """
        survey = self.survey(survey_id)
        if self.carnet.survey_responses.counts([survey_id])[survey_id]:
            raise InvalidInput(
                "Ce questionnaire a déjà des réponses : ses questions restent celles de sa création. "
                "Le modèle modifié servira aux prochains questionnaires."
            )
        with self.carnet.write():
            self.carnet.surveys.update(replace(survey, questions=self.template(survey.key).questions))

    def tool_survey_ids(self) -> list[str]:
        """Return the diffusions of the questionnaire on the tool, by date."""
        return self.carnet.surveys.tool_ids()

    def save_diffusion(
        self,
        diffused_on: date,
        channel: DiffusionChannel,
        recipients: int | None,
        recipients_text: str = "",
        survey_id: str = "",
    ) -> str:
        """Record (``survey_id`` empty) or change a diffusion of the questionnaire on the tool;
        a new one copies the questions of the tool's template. Return its id.

        Raises:
            InvalidInput: a wrong date or number of recipients.
        """
        check_year(diffused_on.year, format_date(diffused_on), "date de diffusion")
        if recipients is not None and not 0 <= recipients <= MAX_RECIPIENTS:
            raise InvalidInput(f"Nombre de destinataires invalide : {recipients}.", "destinataires")
        text = " ".join(recipients_text.split())
        with self.carnet.write():
            if survey_id:
                survey = replace(
                    self.survey(survey_id),
                    diffused_on=diffused_on,
                    channel=channel,
                    recipients=recipients,
                    recipients_text=text,
                )
                self.carnet.surveys.update(survey)
                return survey_id
            questions = self.template(TOOL_KEY).questions
            return self.carnet.surveys.add(
                Survey(TOOL_KEY, TOOL_TITLE, questions, None, diffused_on, channel, recipients, text)
            )

    def delete_diffusion(self, survey_id: str) -> None:
        """Delete a diffusion of the questionnaire on the tool (its responses with it)."""
        survey = self.survey(survey_id)
        if survey.event_id is not None:
            raise InvalidInput("Ce questionnaire est celui d'un événement : il ne se supprime qu'avec lui.")
        with self.carnet.write():
            self.carnet.surveys.delete([survey_id])

    # --- responses ----------------------------------------------------------------------------

    def responses(self, survey_id: str) -> list[Response]:
        """Return a survey's responses, by form number."""
        return self.carnet.survey_responses.of_survey(survey_id)

    def next_number(self, survey_id: str) -> int:
        return max((r.number for r in self.responses(survey_id)), default=0) + 1

    def add_response(self, survey_id: str, answers: Sequence[Answer], number: int | None = None) -> str:
        """Record a paper form (``number``: the next one by default); return its id.

        Raises:
            InvalidInput: an answer out of its scale, naming the form and the question.
        """
        survey = self.survey(survey_id)
        response = Response(survey_id, number or self.next_number(survey_id), tuple(answers))
        checked = validate_response(survey.questions, response)
        with self.carnet.write():
            return self.carnet.survey_responses.add_many([checked])[0]

    def update_response(self, response: Response) -> None:
        """Change the answers of a recorded form.

        Raises:
            InvalidInput: an answer out of its scale.
        """
        survey = self.survey(response.survey_id)
        checked = validate_response(survey.questions, response)
        with self.carnet.write():
            self.carnet.survey_responses.update(checked)

    def delete_response(self, response_id: str) -> None:
        with self.carnet.write():
            self.carnet.survey_responses.delete([response_id])

    def save_form(self, survey_id: str, number: int, answers: Sequence[Answer], response_id: str = "") -> str:
        """Save a form as it is typed: add it, change it, or delete it once every answer is
        cleared; return its id (``""`` once deleted)."""
        if is_empty(answers):
            if response_id:
                self.delete_response(response_id)
            return ""
        if response_id:
            self.update_response(Response(survey_id, number, tuple(answers), id=response_id))
            return response_id
        return self.add_response(survey_id, answers, number)

    # --- results ------------------------------------------------------------------------------

    def expected(self, survey: Survey) -> int:
        """Return the rate's denominator: the participants present at the event, or the
        recipients of a diffusion (0 when unknown)."""
        if survey.event_id is not None:
            return self.events.counts([survey.event_id])[survey.event_id][1]
        return survey.recipients or 0

    def results(self, survey_id: str) -> SurveyResults:
        survey = self.survey(survey_id)
        rows = [response.answers for response in self.responses(survey_id)]
        return compute_results(survey.questions, rows, self.expected(survey))

    def results_for_event(self, event_id: str) -> SurveyResults | None:
        """Return the results of an event's survey, ``None`` when it has none."""
        survey_id = self.carnet.surveys.of_event(event_id)
        return self.results(survey_id) if survey_id is not None else None

    # --- documents ----------------------------------------------------------------------------

    def write_questionnaire(self, survey_id: str, out: Path) -> Path:
        """Write the printable questionnaire (PDF, one A4 page for the default questions)."""
        survey = self.survey(survey_id)
        event = None if survey.event_id is None else self.events.open_event(survey.event_id, PRINT)
        return self._write_questionnaire(survey, event, out)

    def write_event_questionnaire(self, event_id: str, out: Path) -> Path:
        """Write an event's printable questionnaire: its survey's questions, or those of its
        kind's template while it has none (nothing is written to the carnet: a read-only
        carnet prints too).

        Raises:
            InvalidInput: the event is cancelled.
        """
        event = self.events.open_event(event_id, PRINT)
        found = self.carnet.surveys.of_event(event_id)
        if found is not None:
            return self._write_questionnaire(self.survey(found), event, out)
        template = self.template(event.kind.value)
        return self._write_questionnaire(
            Survey(template.key, event.title, template.questions, event_id=event.id), event, out
        )

    def _write_questionnaire(self, survey: Survey, event: Event | None, out: Path) -> Path:
        from ambassadeur_app.reports.survey import build_questionnaire, write_pdf

        return write_pdf(build_questionnaire(self.core.programme(), survey, event), out)

    # --- import -------------------------------------------------------------------------------

    def preview_import(self, survey_id: str, path: Path) -> AnswersImportPreview:
        """Read a spreadsheet of answers and check every line (nothing is written).

        Raises:
            ImportFileError: an unreadable file, or columns that do not match the questions.
        """
        from ambassadeur_app.importers.survey_answers import read_answers
        from ambassadeur_app.importers.tabular import read_table

        survey = self.survey(survey_id)
        table = read_table(path)
        read = read_answers(table, survey.questions)
        return AnswersImportPreview(
            path,
            survey_id,
            {
                index: table.headers[column] or f"colonne {column + 1}"
                for index, column in read.columns.items()
            },
            read.by_position,
            read.lines,
            read.problems,
            read.invalid_lines,
            read.empty_lines,
            [index for index in range(len(survey.questions)) if index not in read.columns],
        )

    def apply_import(self, preview: AnswersImportPreview, skip_invalid: bool = False) -> AnswersImportOutcome:
        """Write the previewed lines as responses, one undoable import (after a backup).

        Raises:
            InvalidInput: invalid lines without ``skip_invalid``, or nothing to import.
        """
        if preview.invalid_lines and not skip_invalid:
            raise InvalidInput(
                f"{plural(preview.invalid_lines, 'ligne invalide', 'lignes invalides')} dans "
                f"« {preview.path.name} » : rien n'a été importé. Corrigez le fichier ou choisissez "
                "d'ignorer les lignes invalides."
            )
        if not preview.lines:
            raise InvalidInput(f"Aucune réponse à importer dans « {preview.path.name} ».")
        survey = self.survey(preview.survey_id)
        first = self.next_number(survey.id)
        responses = [
            validate_response(survey.questions, Response(survey.id, first + offset, answers))
            for offset, (_, answers) in enumerate(preview.lines)
        ]
        self.carnet.backup(BackupKind.BEFORE_IMPORT)
        with self.carnet.write():
            import_id = self.carnet.imports.add(IMPORT_KIND, preview.path.name, len(responses))
            self.carnet.survey_responses.add_many(responses, import_id)
        return AnswersImportOutcome(import_id, len(responses), preview.invalid_lines)

    def undo_import(self, import_id: str) -> int:
        """Remove the responses an import of answers added; return how many."""
        record = next((r for r in self.carnet.imports.all() if r.id == import_id), None)
        if record is None or record.undone_at or record.kind != IMPORT_KIND:
            raise InvalidInput("Cet import de réponses n'existe pas ou a déjà été annulé.")
        ids = self.carnet.survey_responses.by_import(import_id)
        with self.carnet.write():
            self.carnet.survey_responses.delete(ids)
            self.carnet.imports.mark_undone(import_id)
        return len(ids)

    def imports_of(self, survey_id: str) -> list[str]:
        """Return the imports of answers still active that wrote responses to a survey, newest first."""
        live = {r.import_id for r in self.responses(survey_id) if r.import_id}
        return [r.id for r in self.carnet.imports.all() if r.id in live and not r.undone_at]


def describe_survey(survey: Survey) -> str:
    """Return « Diffusion du 02/03/2025 par e-mail à 120 destinataires » (or the event's title)."""
    if survey.event_id is not None:
        return survey.title
    parts = [f"Diffusion du {format_date(survey.diffused_on)}" if survey.diffused_on else "Diffusion"]
    if survey.channel is not None:
        parts.append(f"({survey.channel.label.lower()})")
    if survey.recipients is not None:
        parts.append(f"à {plural(survey.recipients, 'destinataire')}")
    if not blank(survey.recipients_text):
        parts.append(f"— {survey.recipients_text}")
    return " ".join(parts)

"""Satisfaction questionnaires: templates, the survey of each event, the diffusions of the
questionnaire on the tool, their responses (typed form by form or imported) and results.

``SurveysService`` works on the carnet of a ``CarnetCore`` (``core.py``) and the events
(``events.py``): an event's survey copies the questions of its kind's template when it is made,
and its response rate counts the participants present.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ambassadeur_app.domain.dates import check_year
from ambassadeur_app.domain.formatting import format_date, format_number, plural
from ambassadeur_app.domain.surveys import (
    MAX_FORMS,
    TOOL_KEY,
    TOOL_TITLE,
    Answer,
    DiffusionChannel,
    Question,
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
    from ambassadeur_app.importers.survey_answers import ColumnMatch
    from ambassadeur_app.services.core import CarnetCore
    from ambassadeur_app.services.events import EventsService

IMPORT_KIND = "reponses"  # the kind of an answers import in the ``imports`` table
MAX_RECIPIENTS = 1_000_000
PRINT = "son questionnaire ne s'imprime pas"  # refused for a cancelled event


@dataclass
class AnswersImportPreview:
    """What an import of answers would add, shown before anything is written.

    ``survey_id`` is empty while the event has no questionnaire yet: it is made, with
    ``questions``, when the import is applied (a preview writes nothing).
    """

    path: Path
    survey_id: str
    event_id: str | None
    questions: tuple[Question, ...]
    headers: list[str]  # the file's columns, « colonne 7 » for one without a header
    match: ColumnMatch
    lines: list[tuple[int, tuple[Answer, ...]]] = field(default_factory=list)
    signatures: list[str] = field(default_factory=list)  # of ``lines``, one each
    problems: list[LineProblem] = field(default_factory=list)
    invalid_lines: int = 0
    empty_lines: int = 0
    already: int = 0  # lines imported before (same signature), left out

    @property
    def columns(self) -> dict[int, str]:
        """Return the header each question is read from."""
        return {index: self.headers[columns[0]] for index, columns in self.match.columns.items()}

    @property
    def by_position(self) -> bool:
        return self.match.by_position

    @property
    def unmatched(self) -> list[int]:
        """Return the questions no column answers."""
        return [index for index in range(len(self.questions)) if index not in self.match.columns]

    @property
    def leftover(self) -> list[str]:
        """Return the columns with answers that no question takes."""
        return [self.headers[column] for column in self.match.leftover]

    @property
    def refusal(self) -> str | None:
        """Return why the import is refused as it is (answers that would be dropped), or ``None``."""
        if not self.dropped:
            return None
        return (
            f"{self.dropped}. Rien n'a été importé : donnez à chaque colonne le texte exact de sa "
            "question (ou supprimez la colonne si elle n'est pas une question de ce questionnaire), "
            "ou, dans l'application, indiquez quelle colonne répond à quelle question."
        )

    @property
    def dropped(self) -> str | None:
        """Return which columns with answers no question takes (the user did not choose the
        columns), and which questions have no column; ``None`` when no answer is left out."""
        if not self.match.leftover or self.match.chosen:
            return None
        shown = ", ".join(f"« {header} »" for header in self.leftover)
        several = len(self.leftover) > 1
        text = (
            f"{'Les colonnes' if several else 'La colonne'} {shown} de « {self.path.name} » "
            f"{'ont' if several else 'a'} des réponses mais ne "
            f"{'correspondent' if several else 'correspond'} à aucune question"
        )
        if self.unmatched:
            text += f" ; {_questions_text(self.unmatched)} sans colonne"
        return text

    def summary(self) -> str:
        text = plural(len(self.lines), "réponse à importer", "réponses à importer")
        if self.already:
            text += f", {self.already} déjà importée{'s' if self.already > 1 else ''} (laissées de côté)"
        if self.invalid_lines:
            text += f", {plural(self.invalid_lines, 'ligne invalide', 'lignes invalides')}"
        if self.empty_lines:
            text += f", {plural(self.empty_lines, 'ligne vide ignorée', 'lignes vides ignorées')}"
        if self.by_position:
            text += " (colonnes prises dans l'ordre des questions : aucun en-tête ne reprend leur texte)"
        if self.match.close:
            text += f" ; intitulé proche mais pas identique : {_questions_text(self.match.close)}"
        if self.unmatched:
            text += f" ; sans colonne dans le fichier : {_questions_text(self.unmatched)}"
        return text + "."


@dataclass(frozen=True)
class AnswersImportOutcome:
    import_id: str
    imported: int
    skipped_invalid: int
    survey_id: str


def _answers_key(answers: Sequence[Answer]) -> str:
    """Return a short fingerprint of a response's answers (to tell one corrected by hand)."""
    import hashlib

    return hashlib.sha256(json.dumps(list(answers), ensure_ascii=False).encode()).hexdigest()[:24]


def _questions_text(indexes: Sequence[int]) -> str:
    """Return « question 5 » or « questions 2, 5 »."""
    return f"question{'s' if len(indexes) > 1 else ''} {', '.join(str(index + 1) for index in indexes)}"


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

    def _writable(self, survey_id: str) -> Survey:
        """Return a survey that can take responses: live, and its event too.

        Raises:
            AppError: the survey is deleted.
            InvalidInput: its event is deleted.
        """
        survey = self.survey(survey_id)
        if survey.event_id is not None:
            self._live_event(survey.event_id)
        return survey

    def _live_event(self, event_id: str) -> None:
        if not self.carnet.events.is_live(event_id):
            raise InvalidInput(
                "L'événement de ce questionnaire a été supprimé : ses réponses ne se saisissent ni ne "
                "s'importent plus. Restaurez d'abord l'événement."
            )

    def survey_of_event(self, event_id: str) -> str | None:
        """Return the id of an event's survey, ``None`` if it has none yet."""
        return self.carnet.surveys.of_event(event_id)

    def survey_for_event(self, event_id: str) -> str:
        """Return the id of an event's survey, made from its kind's template if it has none."""
        survey = self.event_survey(event_id)
        if survey.id:
            return survey.id
        with self.carnet.write():
            return self.carnet.surveys.add(survey)

    def refresh_questions(self, survey_id: str) -> None:
        """Give a survey without responses the current questions of its template.

        Raises:
            InvalidInput: the survey has responses (their answers follow its questions).
        """
        survey = self._writable(survey_id)
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
        survey = self._writable(survey_id)
        response = Response(survey_id, number or self.next_number(survey_id), tuple(answers))
        checked = validate_response(survey.questions, response)
        with self.carnet.write():
            return self.carnet.survey_responses.add_many([checked])[0]

    def update_response(self, response: Response) -> None:
        """Change the answers of a recorded form.

        Raises:
            InvalidInput: an answer out of its scale.
        """
        survey = self._writable(response.survey_id)
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
        return self.survey_results(self.survey(survey_id))

    def survey_results(self, survey: Survey) -> SurveyResults:
        """Return the results of a survey (one not saved yet has no response)."""
        rows = [response.answers for response in self.responses(survey.id)] if survey.id else []
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
        return self._write_questionnaire(self.event_survey(event_id), event, out)

    def _write_questionnaire(self, survey: Survey, event: Event | None, out: Path) -> Path:
        from ambassadeur_app.reports.survey import build_questionnaire, write_pdf

        return write_pdf(build_questionnaire(self.core.programme(), survey, event), out)

    # --- import -------------------------------------------------------------------------------

    def preview_import(
        self, survey_id: str, path: Path, chosen: dict[int, int | None] | None = None
    ) -> AnswersImportPreview:
        """Read a spreadsheet of answers and check every line (nothing is written).

        Args:
            chosen: the user's choices of columns, question index -> column index (``None``: no
                column), over what the headers say.

        Raises:
            ImportFileError: an unreadable file, or columns that do not match the questions.
            InvalidInput: the questionnaire cannot take more forms, or its event is deleted.
        """
        return self._preview(self.survey(survey_id), path, chosen)

    def preview_event_import(
        self, event_id: str, path: Path, chosen: dict[int, int | None] | None = None
    ) -> AnswersImportPreview:
        """Preview an import into an event's questionnaire; one it does not have yet is read with
        its kind's template and made only when the import is applied (nothing is written here).

        Raises:
            ImportFileError, InvalidInput: as ``preview_import``.
        """
        return self._preview(self.event_survey(event_id), path, chosen)

    def preview_again(
        self, preview: AnswersImportPreview, chosen: dict[int, int | None]
    ) -> AnswersImportPreview:
        """Preview the same file again with the user's choices of columns (nothing is written)."""
        if preview.survey_id or preview.event_id is None:
            return self.preview_import(preview.survey_id, preview.path, chosen)
        return self.preview_event_import(preview.event_id, preview.path, chosen)

    def event_survey(self, event_id: str) -> Survey:
        """Return an event's survey, or the one it would get now from its kind's template (not
        saved: its id is empty; ``survey_for_event`` makes it)."""
        event = self.events.event(event_id)
        found = self.carnet.surveys.of_event(event_id)
        if found is not None:
            return self.survey(found)
        template = self.template(event.kind.value)
        return Survey(template.key, event.title, template.questions, event_id=event.id)

    def _preview(
        self, survey: Survey, path: Path, chosen: dict[int, int | None] | None
    ) -> AnswersImportPreview:
        from ambassadeur_app.importers.survey_answers import header_of, read_answers
        from ambassadeur_app.importers.tabular import read_table

        if survey.event_id is not None:
            self._live_event(survey.event_id)
        table = read_table(path)
        read = read_answers(table, survey.questions, chosen)
        preview = AnswersImportPreview(
            path,
            survey.id,
            survey.event_id,
            survey.questions,
            [header_of(table, column) for column in range(len(table.headers))],
            read.match,
            problems=read.problems,
            invalid_lines=read.invalid_lines,
            empty_lines=read.empty_lines,
        )
        known = Counter(self._known_lines(survey.id)) if survey.id else Counter[str]()
        for number, answers, signature in read.lines:
            if known[signature]:
                known[signature] -= 1
                preview.already += 1
            else:
                preview.lines.append((number, answers))
                preview.signatures.append(signature)
        self._check_room(survey, preview)
        return preview

    def _check_room(self, survey: Survey, preview: AnswersImportPreview) -> None:
        """Refuse an import that would number forms past ``MAX_FORMS``.

        Raises:
            InvalidInput: naming the file, the forms there are and those it adds.
        """
        last = self.next_number(survey.id) - 1 if survey.id else 0
        if last + len(preview.lines) <= MAX_FORMS:
            return
        count = self.carnet.survey_responses.counts([survey.id])[survey.id]
        numbered = f" (numérotés jusqu'au n° {last})" if count != last else ""
        raise InvalidInput(
            f"Un questionnaire garde au plus {format_number(MAX_FORMS, 0)} formulaires : "
            f"« {survey.title} » en a déjà {format_number(count, 0)}{numbered}, le fichier "
            f"« {preview.path.name} » en ajoute {format_number(len(preview.lines), 0)}. Rien n'a été "
            "importé : découpez le fichier, ou retirez-en les lignes déjà saisies."
        )

    def _known_lines(self, survey_id: str) -> list[str]:
        """Return the signatures of the lines imported into a survey by the imports not undone
        (a line deleted by hand since stays known: it does not come back with the next export).

        They are kept in ``import_changes``, one record per response written, ``record_table``
        ``survey_responses``: {"questionnaire": survey id, "ligne": signature, "réponses":
        the answers as imported, hashed}.
        """
        found = []
        for record in self.carnet.imports.all():
            if record.kind != IMPORT_KIND or record.undone_at:
                continue
            for table, _response_id, kept in self.carnet.import_changes.of(record.id):
                if table == "survey_responses" and kept.get("questionnaire") == survey_id:
                    found.append(str(kept["ligne"]))
        return found

    def apply_import(self, preview: AnswersImportPreview, skip_invalid: bool = False) -> AnswersImportOutcome:
        """Write the previewed lines as responses, one undoable import (after a backup); an event's
        questionnaire is made first if it has none.

        Raises:
            InvalidInput: columns with answers no question takes (``preview.refusal``), invalid
                lines without ``skip_invalid``, nothing to import, more forms than a
                questionnaire keeps, or a deleted event.
        """
        if preview.refusal:
            raise InvalidInput(preview.refusal)
        if preview.invalid_lines and not skip_invalid:
            raise InvalidInput(
                f"{plural(preview.invalid_lines, 'ligne invalide', 'lignes invalides')} dans "
                f"« {preview.path.name} » : rien n'a été importé. Corrigez le fichier ou choisissez "
                "d'ignorer les lignes invalides."
            )
        if not preview.lines:
            already = (
                f" ({plural(preview.already, 'ligne déjà importée', 'lignes déjà importées')})"
                if preview.already
                else ""
            )
            raise InvalidInput(f"Aucune réponse à importer dans « {preview.path.name} »{already}.")
        survey_id = preview.survey_id
        if not survey_id and preview.event_id is not None:
            survey_id = self.carnet.surveys.of_event(preview.event_id) or ""
        survey = (
            self._writable(survey_id)
            if survey_id
            else replace(self.event_survey(str(preview.event_id)), questions=preview.questions)
        )
        self._check_room(survey, preview)
        first = self.next_number(survey.id) if survey.id else 1
        responses = [
            validate_response(survey.questions, Response(survey.id, first + offset, answers))
            for offset, (_, answers) in enumerate(preview.lines)
        ]
        self.carnet.backup(BackupKind.BEFORE_IMPORT)
        with self.carnet.write():
            if not survey.id:
                survey = replace(survey, id=self.carnet.surveys.add(survey))
                responses = [replace(response, survey_id=survey.id) for response in responses]
            import_id = self.carnet.imports.add(IMPORT_KIND, preview.path.name, len(responses))
            ids = self.carnet.survey_responses.add_many(responses, import_id)
            for response_id, response, signature in zip(ids, responses, preview.signatures, strict=True):
                self.carnet.import_changes.record(
                    import_id,
                    "survey_responses",
                    response_id,
                    {
                        "questionnaire": survey.id,
                        "ligne": signature,
                        "réponses": _answers_key(response.answers),
                    },
                )
        return AnswersImportOutcome(import_id, len(responses), preview.invalid_lines, survey.id)

    def undo_import(self, import_id: str) -> int:
        """Remove the responses an import of answers added; return how many.

        A response corrected by hand since the import is kept, as a form typed by hand (its
        answers differ from the line imported): an undo never loses a correction.
        """
        record = next((r for r in self.carnet.imports.all() if r.id == import_id), None)
        if record is None or record.undone_at or record.kind != IMPORT_KIND:
            raise InvalidInput("Cet import de réponses n'existe pas ou a déjà été annulé.")
        imported = {
            response_id: kept
            for table, response_id, kept in self.carnet.import_changes.of(import_id)
            if table == "survey_responses"
        }
        corrected = [
            response
            for survey_id in sorted({str(kept["questionnaire"]) for kept in imported.values()})
            for response in self.responses(survey_id)
            if response.import_id == import_id
            and imported[response.id].get("réponses") != _answers_key(response.answers)
        ]
        ids = self.carnet.survey_responses.by_import(import_id)
        with self.carnet.write():
            self.carnet.survey_responses.delete(ids)
            self.carnet.survey_responses.add_many([replace(r, import_id=None, id="") for r in corrected])
            self.carnet.imports.mark_undone(import_id)
        return len(ids) - len(corrected)

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

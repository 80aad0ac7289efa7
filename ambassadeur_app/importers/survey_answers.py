"""Read questionnaire answers from a spreadsheet: the CSV or xlsx export of an online form tool
(Google Forms, Framaforms, LimeSurvey...), one line per person who answered.

Columns are matched to the questions by their header (the question's text, case and accents
ignored; a header that holds the question's text, like « 3. La durée… [Q3] », matches too), or
by position when no header matches: the columns left once the timestamps, e-mail addresses
and identifiers are set aside, one per question, in order. Scale answers are accepted as their
label or 1–4, recommendations as 0–10; every other column is ignored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ambassadeur_app.domain.surveys import Answer, Question, QuestionKind, check_answer, is_empty, parse_level
from ambassadeur_app.domain.text import fold
from ambassadeur_app.errors import ImportFileError, InvalidInput
from ambassadeur_app.importers.carnet import LineProblem
from ambassadeur_app.importers.tabular import Table, cell_text, unreadable

# Headers of the columns a form tool adds around the answers (folded, matched as a prefix).
_SIDE_COLUMNS = (
    "horodateur",
    "horodatage",
    "timestamp",
    "date",
    "heure",
    "submitted",
    "soumis",
    "id",
    "identifiant",
    "response id",
    "adresse e-mail",
    "adresse email",
    "e-mail",
    "email",
    "courriel",
    "nom",
    "prenom",
    "ip",
    "adresse ip",
    "langue",
    "derniere page",
    "last page",
    "seed",
    "token",
    "jeton",
    "uid",
    "sid",
    "sequence",
)
_MIN_CONTAINED = 12  # characters of a question's text a header must hold to match it by inclusion


@dataclass
class AnswerLines:
    """The lines of a file read as responses, and why the others cannot be."""

    columns: dict[int, int]  # question index -> column index in the file
    by_position: bool
    lines: list[tuple[int, tuple[Answer, ...]]] = field(default_factory=list)
    problems: list[LineProblem] = field(default_factory=list)
    invalid_lines: int = 0
    empty_lines: int = 0


def _is_side(header: str) -> bool:
    folded = fold(header)
    return any(folded == name or folded.startswith(name + " ") for name in _SIDE_COLUMNS)


def match_question_columns(table: Table, questions: Sequence[Question]) -> tuple[dict[int, int], bool]:
    """Return the column of each question (question index -> column index) and whether they
    were taken by position.

    Raises:
        ImportFileError: no header names a question and the columns left are not one per question.
    """
    folded = [fold(header) for header in table.headers]
    found: dict[int, int] = {}
    for index, question in enumerate(questions):
        wanted = fold(question.text)
        exact = [c for c, header in enumerate(folded) if header == wanted and c not in found.values()]
        inside = [
            c
            for c, header in enumerate(folded)
            if len(wanted) >= _MIN_CONTAINED and wanted in header and c not in found.values()
        ]
        if exact or inside:
            found[index] = (exact or inside)[0]
    if found:
        return found, False
    answers = [c for c, header in enumerate(table.headers) if not _is_side(header)]
    if len(answers) != len(questions):
        shown = ", ".join(f"« {h} »" for h in table.headers if h) or "aucune"
        raise ImportFileError(
            f"Aucune colonne de « {table.path.name} » ne porte le texte d'une question du questionnaire, "
            f"et ses {len(answers)} colonnes de réponses ne font pas une par question ({len(questions)} "
            "questions). Est-ce bien l'export des réponses de ce questionnaire ? "
            f"Colonnes trouvées : {shown}."
        )
    return dict(enumerate(answers)), True


def read_answers(table: Table, questions: Sequence[Question]) -> AnswerLines:
    """Read each line of ``table`` as one response to ``questions`` (nothing is written).

    Raises:
        ImportFileError: the file's columns cannot be matched to the questions.
    """
    columns, by_position = match_question_columns(table, questions)
    read = AnswerLines(columns, by_position)
    for number, values in table.rows:
        cells = {
            table.headers[c] or f"colonne {c + 1}": values[c] for c in columns.values() if c < len(values)
        }
        problems = [
            LineProblem(number, column, cell_text(cells.get(column, "")) if column else "", reason)
            for column, reason in unreadable(table, number, cells)
        ]
        answers: list[Answer] = [None] * len(questions)
        if not problems:
            for index, column in columns.items():
                raw = values[column] if column < len(values) else None
                text = cell_text(raw)
                header = table.headers[column] or f"colonne {column + 1}"
                try:
                    answers[index] = _answer(questions[index], text)
                except InvalidInput as exc:
                    problems.append(LineProblem(number, header, text, exc.message))
        if problems:
            read.problems += problems
            read.invalid_lines += 1
        elif is_empty(answers):
            read.empty_lines += 1
        else:
            read.lines.append((number, tuple(answers)))
    return read


def _answer(question: Question, text: str) -> Answer:
    """Return the answer a cell's text gives to a question.

    Raises:
        InvalidInput: the reason, in French.
    """
    if not text:
        return None
    if question.kind is QuestionKind.COMMENT:
        return check_answer(question, text)
    value = parse_level(question, text)
    if value is None:
        if question.kind is QuestionKind.RECOMMENDATION:
            raise InvalidInput("une note de 0 à 10 est attendue")
        labels = " / ".join(f"« {label} »" for label in question.kind.levels)
        raise InvalidInput(f"réponse inconnue : 1 à 4, ou {labels}")
    return check_answer(question, value)

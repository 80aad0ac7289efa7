"""Read questionnaire answers from a spreadsheet: the CSV or xlsx export of an online form tool
(Google Forms, Framaforms, LimeSurvey...), one line per person who answered.

Columns are matched to the questions by their header: the question's text (case and accents
ignored), a header that holds it (« 3. La durée… [Q3] »), or a close one (« les horaires » for
« l'horaire »: shown as such in the preview). When no header matches, by position: the columns
left once the timestamps, e-mail addresses and identifiers are set aside, one per question, in
order. The user can also say which column answers which question. A column full of answers that
no question takes is never dropped silently: the import is refused until the user maps it (see
``ColumnMatch.leftover``). Scale answers are accepted as their label or 1–4, recommendations as
0–10 in ASCII digits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ambassadeur_app.domain.surveys import Answer, Question, QuestionKind, check_answer, is_empty, parse_level
from ambassadeur_app.domain.text import fold
from ambassadeur_app.errors import ImportFileError, InvalidInput
from ambassadeur_app.importers.carnet import LineProblem
from ambassadeur_app.importers.tabular import Table, cell_text, note_cut, unreadable

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
_CLOSE = 0.8  # how alike (difflib's ratio) a header must be to a question to match it...
_MARGIN = 0.15  # ...and how much more than to any other question
# Headers of the column a form tool stamps each response with (folded, matched as a prefix).
_TIMESTAMPS = (
    "horodateur",
    "horodatage",
    "timestamp",
    "submitted",
    "soumis",
    "date de soumission",
    "date submitted",
)


@dataclass(frozen=True)
class ColumnMatch:
    """Which columns of a file answer which questions.

    ``columns`` maps a question's index to its columns: one, or several when the file repeats
    a question's header (a line takes the one that is filled; two different answers are a line
    problem). ``leftover`` holds the columns with answers that no question takes and that are
    not a form tool's own (timestamp, e-mail...): the import is refused while there are some,
    unless ``chosen`` (the user said which column is which).
    """

    columns: dict[int, tuple[int, ...]]
    by_position: bool = False
    close: tuple[int, ...] = ()  # questions matched by a close header, not their exact text
    leftover: tuple[int, ...] = ()
    chosen: bool = False


@dataclass
class AnswerLines:
    """The lines of a file read as responses, and why the others cannot be.

    ``lines`` pairs each line's number with its answers and its signature (see ``signature``).
    """

    match: ColumnMatch
    lines: list[tuple[int, tuple[Answer, ...], str]] = field(default_factory=list)
    problems: list[LineProblem] = field(default_factory=list)
    invalid_lines: int = 0
    empty_lines: int = 0


def header_of(table: Table, column: int) -> str:
    """Return a column's header, « colonne 7 » when it has none."""
    return table.headers[column] or f"colonne {column + 1}"


def _is_side(header: str) -> bool:
    folded = fold(header)
    return any(folded == name or folded.startswith(name + " ") for name in _SIDE_COLUMNS)


def _timestamp_column(table: Table) -> int | None:
    folded = [fold(header) for header in table.headers]
    return next(
        (c for c, h in enumerate(folded) if any(h == n or h.startswith(n + " ") for n in _TIMESTAMPS)), None
    )


def match_question_columns(
    table: Table, questions: Sequence[Question], chosen: dict[int, int | None] | None = None
) -> ColumnMatch:
    """Return which columns answer which questions.

    Args:
        chosen: the user's choices, question index -> column index (``None``: no column), over
            what the headers say.

    Raises:
        ImportFileError: no header names a question and the columns left are not one per
            question (and the user chose nothing).
    """
    folded = [fold(header) for header in table.headers]
    found: dict[int, tuple[int, ...]] = {}
    close: list[int] = []
    for index, question in enumerate(questions):
        wanted = fold(question.text)
        taken = {c for columns in found.values() for c in columns}
        exact = tuple(c for c, header in enumerate(folded) if header == wanted and c not in taken)
        inside = tuple(
            c
            for c, header in enumerate(folded)
            if len(wanted) >= _MIN_CONTAINED and wanted in header and c not in taken
        )
        # Every copy of a header repeated as it is; of the headers holding the text, the first.
        if columns := exact or inside[:1]:
            found[index] = columns
    used = {c for columns in found.values() for c in columns}
    for index, column in _close_headers(table, questions, found, used).items():
        found[index] = (column,)
        close.append(index)
    if chosen is not None:
        for index, choice in chosen.items():
            found.pop(index, None)
            if index in close:
                close.remove(index)
            if choice is not None:
                found = {i: tuple(c for c in cs if c != choice) for i, cs in found.items()}
                found[index] = (choice,)
        found = {i: cs for i, cs in found.items() if cs}
    by_position = False
    if not found and chosen is None:
        answers = [c for c, header in enumerate(table.headers) if not _is_side(header)]
        if len(answers) != len(questions):
            shown = ", ".join(f"« {h} »" for h in table.headers if h) or "aucune"
            raise ImportFileError(
                f"Aucune colonne de « {table.path.name} » ne porte le texte d'une question du questionnaire, "
                f"et ses {len(answers)} colonnes de réponses ne font pas une par question ({len(questions)} "
                "questions). Est-ce bien l'export des réponses de ce questionnaire ? "
                f"Colonnes trouvées : {shown}."
            )
        found, by_position = {index: (column,) for index, column in enumerate(answers)}, True
    used = {c for columns in found.values() for c in columns}
    leftover = tuple(
        c
        for c, header in enumerate(table.headers)
        if c not in used
        and not (header and _is_side(header))
        and any(c < len(values) and cell_text(values[c]) for _, values in table.rows)
    )
    return ColumnMatch(dict(sorted(found.items())), by_position, tuple(close), leftover, chosen is not None)


def _close_headers(
    table: Table, questions: Sequence[Question], found: dict[int, tuple[int, ...]], used: set[int]
) -> dict[int, int]:
    """Match the questions left to the columns left whose header is close to their text (a word
    changed in the form): each the other's closest, and clearly closer than to any other."""
    from difflib import SequenceMatcher

    free = [c for c, h in enumerate(table.headers) if c not in used and h and not _is_side(h)]
    texts = {index: fold(q.text) for index, q in enumerate(questions)}
    matched: dict[int, int] = {}
    for column in free:
        header = fold(table.headers[column])
        ratios = sorted(
            ((SequenceMatcher(None, text, header).ratio(), index) for index, text in texts.items()),
            reverse=True,
        )
        (best, index), second = ratios[0], ratios[1][0] if len(ratios) > 1 else 0.0
        if index not in found and best >= _CLOSE and best - second >= _MARGIN and index not in matched:
            matched[index] = column
    return matched


def read_answers(
    table: Table, questions: Sequence[Question], chosen: dict[int, int | None] | None = None
) -> AnswerLines:
    """Read each line of ``table`` as one response to ``questions`` (nothing is written).

    Raises:
        ImportFileError: the file's columns cannot be matched to the questions.
    """
    match = match_question_columns(table, questions, chosen)
    read = AnswerLines(match)
    stamp = _timestamp_column(table)
    for number, values in table.rows:
        cells = {
            header_of(table, c): values[c] for cs in match.columns.values() for c in cs if c < len(values)
        }
        problems = [
            LineProblem(number, column, cell_text(cells.get(column, "")) if column else "", reason)
            for column, reason in unreadable(table, number, cells)
        ]
        answers: list[Answer] = [None] * len(questions)
        if not problems:
            for index, columns in match.columns.items():
                texts = {c: cell_text(values[c]) for c in columns if c < len(values) and cell_text(values[c])}
                header = header_of(table, columns[0])
                if len(set(texts.values())) > 1:
                    problems.append(
                        LineProblem(
                            number,
                            header,
                            " / ".join(texts.values()),
                            f"la colonne « {header} » est en {len(columns)} exemplaires, aux réponses "
                            "différentes : gardez-en une seule dans le fichier",
                        )
                    )
                    continue
                text = next(iter(texts.values()), "")
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
            read.lines.append((number, tuple(answers), signature(values, stamp, answers)))
    note_cut(table, read.problems)
    return read


def signature(values: Sequence[object], stamp: int | None, answers: Sequence[Answer]) -> str:
    """Return what tells a line apart from the others of the same survey, to know it again
    when the same export is imported once more (form tools export every answer received so
    far, the old ones with the new).

    It is the line's timestamp (the form tool's « Horodateur » column) when the file has one and
    the line fills it: the answers of a line already imported can then be corrected in the file
    without the line coming in twice. Otherwise it is the answers themselves. The two kinds
    never meet (``t:`` and ``r:`` prefixes). Hashed: a comment can be long.
    """
    import hashlib
    import json

    stamped = cell_text(values[stamp]) if stamp is not None and stamp < len(values) else ""
    key = f"t:{stamped}" if stamped else "r:" + json.dumps(list(answers), ensure_ascii=False)
    return hashlib.sha256(key.encode()).hexdigest()[:24]


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

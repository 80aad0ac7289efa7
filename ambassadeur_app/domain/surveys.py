"""Satisfaction questionnaires: question kinds, the default template of each event kind and of
the questionnaire on the tool, answer validation and results (distribution, mean, NPS,
response rate). Pure dataclasses and rules (no SQL, no files).

A survey (one questionnaire given: after an event, or one diffusion of the questionnaire on the
tool) keeps its own copy of the questions: editing a template later never changes past results.

The questions and a survey given have a small module of their own (``survey_forms.py``), which
the tableau de bord imports without the rest; they are given here too (re-exported).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ambassadeur_app.domain.events import SHORT_TEXT, EventKind
from ambassadeur_app.domain.formatting import format_number, format_percent, plural
from ambassadeur_app.domain.survey_forms import AGREEMENT_LEVELS as AGREEMENT_LEVELS
from ambassadeur_app.domain.survey_forms import RECOMMENDATION_RANGE as RECOMMENDATION_RANGE
from ambassadeur_app.domain.survey_forms import SATISFACTION_LEVELS as SATISFACTION_LEVELS
from ambassadeur_app.domain.survey_forms import DiffusionChannel as DiffusionChannel
from ambassadeur_app.domain.survey_forms import Question as Question
from ambassadeur_app.domain.survey_forms import QuestionKind as QuestionKind
from ambassadeur_app.domain.survey_forms import Survey as Survey
from ambassadeur_app.domain.text import blank, fold
from ambassadeur_app.errors import InvalidInput

# The template key of the questionnaire on the tool (the others are EventKind values).
TOOL_KEY = "outil"
TOOL_TITLE = "Questionnaire sur Parceo et son utilisation"
MAX_QUESTIONS = 20
MAX_COMMENT = 2_000  # characters of one comment: what a paper form's box holds, and more
MAX_FORMS = 10_000

PROMOTERS = range(9, 11)
DETRACTORS = range(7)


# An answer: the level (1–4) of a scale, the score (0–10) of a recommendation, the text of a
# comment; None when the question is not answered.
Answer = int | str | None


@dataclass(frozen=True)
class SurveyTemplate:
    """The questions given after one kind of event (``key``: an EventKind value or TOOL_KEY)."""

    key: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Response:
    """One paper form typed in, or one line of an imported spreadsheet."""

    survey_id: str
    number: int
    answers: tuple[Answer, ...]
    import_id: str | None = None
    id: str = ""


@dataclass(frozen=True)
class QuestionResult:
    text: str
    kind: QuestionKind
    distribution: tuple[int, ...]  # answers per level, lowest first (() for a comment)
    answered: int
    mean: float | None


@dataclass(frozen=True)
class SurveyResults:
    responses: int
    expected: int  # participants present, or recipients of a diffusion: the rate's denominator
    response_rate: float | None
    questions: list[QuestionResult]
    nps: int | None  # promoters (9–10) minus detractors (0–6), in % of the answers
    comments: list[str]
    # The mean of the answers to the satisfaction question(s) only, from 1 (« Pas du tout
    # satisfait ») to 4 (« Tout à fait satisfait »): the agreement questions are not in it.
    mean_satisfaction: float | None

    @property
    def warning(self) -> str | None:
        """Return what makes the response rate doubtful (French, lower case), or ``None``."""
        if self.responses and not self.expected:
            return "taux de réponse inconnu : aucun participant présent ou destinataire noté"
        if self.responses > self.expected:
            return (
                f"plus de réponses ({self.responses}) que de participants présents ou de destinataires "
                f"notés ({self.expected}) : vérifiez les présences ou les formulaires saisis"
            )
        return None


# --- default templates --------------------------------------------------------------------------

_NOUNS = {
    EventKind.WORKSHOP: "cet atelier",
    EventKind.PROMOTIONAL: "cet événement",
    EventKind.WORKING_GROUP: "ce groupe de travail",
    EventKind.TRAINING: "cette formation",
    EventKind.WEBINAR: "ce webinaire",
    EventKind.MEETING: "cette réunion",
}
_SPECIFIC = {
    EventKind.WORKSHOP: (
        "Les informations présentées sur Parceo étaient claires.",
        "Vous voyez mieux ce que Parceo peut apporter à votre pratique.",
        "Vous envisagez d'utiliser Parceo dans les prochains mois.",
    ),
    EventKind.PROMOTIONAL: (
        "Les informations présentées sur Parceo étaient claires.",
        "Vous voyez mieux ce que Parceo peut apporter à votre pratique.",
        "Vous envisagez d'utiliser Parceo dans les prochains mois.",
    ),
    EventKind.WORKING_GROUP: (
        "Les échanges ont permis d'avancer sur des solutions concrètes.",
        "Chacun a pu exprimer son point de vue.",
        "Les suites à donner sont claires.",
    ),
    EventKind.TRAINING: (
        "Les objectifs de la formation ont été atteints.",
        "Le formateur était clair et disponible pour vos questions.",
        "Vous vous sentez capable d'utiliser Parceo après cette formation.",
    ),
    EventKind.WEBINAR: (
        "Les informations présentées sur Parceo étaient claires.",
        "La qualité technique (son, image, connexion) était satisfaisante.",
        "Vous envisagez d'utiliser Parceo dans les prochains mois.",
    ),
    EventKind.MEETING: (
        "L'ordre du jour a été respecté.",
        "Les décisions prises sont claires.",
        "Les documents transmis étaient utiles.",
    ),
}


def default_template(key: str) -> SurveyTemplate:
    """Return the default questions of an event kind's questionnaire (or of the tool's one).

    Raises:
        InvalidInput: an unknown key.
    """
    if key == TOOL_KEY:
        agree = (
            "Parceo est facile à prendre en main.",
            "Parceo facilite la coordination avec les autres professionnels.",
            "La messagerie sécurisée de Parceo répond à vos besoins.",
            "Vous utilisez Parceo régulièrement dans votre pratique.",
            "L'accompagnement des ambassadeurs vous a été utile.",
        )
        return SurveyTemplate(
            key,
            (
                Question("Globalement, êtes-vous satisfait(e) de Parceo ?", QuestionKind.SATISFACTION),
                *(Question(text, QuestionKind.AGREEMENT) for text in agree),
                Question("Recommanderiez-vous Parceo à un confrère ?", QuestionKind.RECOMMENDATION),
                Question("Vos commentaires et suggestions sur Parceo", QuestionKind.COMMENT),
            ),
        )
    kind = _kind(key)
    noun = _NOUNS[kind]
    agree = (
        *_SPECIFIC[kind],
        "La durée et l'horaire étaient adaptés.",
        "L'organisation (lieu, accueil, supports) était satisfaisante.",
    )
    return SurveyTemplate(
        key,
        (
            Question(f"Globalement, êtes-vous satisfait(e) de {noun} ?", QuestionKind.SATISFACTION),
            *(Question(text, QuestionKind.AGREEMENT) for text in agree),
            Question(f"Recommanderiez-vous {noun} à un confrère ?", QuestionKind.RECOMMENDATION),
            Question("Vos commentaires et suggestions", QuestionKind.COMMENT),
        ),
    )


def _kind(key: str) -> EventKind:
    try:
        return EventKind(key)
    except ValueError:
        raise InvalidInput(f"Modèle de questionnaire inconnu : « {key} ».") from None


def template_title(key: str) -> str:
    """Return what a template is called (« Questionnaire — Atelier d'information »)."""
    if key == TOOL_KEY:
        return TOOL_TITLE
    return f"Questionnaire de satisfaction — {_kind(key).label}"


TEMPLATE_KEYS = (*(kind.value for kind in EventKind), TOOL_KEY)


def validate_template(template: SurveyTemplate) -> SurveyTemplate:
    """Check a template and return it with its questions' texts single-spaced.

    Raises:
        InvalidInput: no question, too many, a blank or too long text.
    """
    if template.key != TOOL_KEY:
        _kind(template.key)
    if not template.questions:
        raise InvalidInput("Un questionnaire compte au moins une question.", "questions")
    if len(template.questions) > MAX_QUESTIONS:
        raise InvalidInput(f"Un questionnaire compte au plus {MAX_QUESTIONS} questions.", "questions")
    questions = []
    for number, question in enumerate(template.questions, start=1):
        if blank(question.text):
            raise InvalidInput(f"La question {number} n'a pas de texte.", "questions")
        if len(question.text) > SHORT_TEXT:
            raise InvalidInput(
                f"La question {number} est trop longue ({format_number(len(question.text), 0)} "
                f"caractères ; {SHORT_TEXT} au plus).",
                "questions",
            )
        questions.append(replace(question, text=" ".join(question.text.split())))
    return replace(template, questions=tuple(questions))


# --- answers ------------------------------------------------------------------------------------


def question_label(questions: Sequence[Question], index: int) -> str:
    """Return « question 3 (La durée…) » for a message."""
    text = questions[index].text
    shown = text if len(text) <= 60 else text[:57].rstrip() + "…"
    return f"question {index + 1} (« {shown} »)"


def check_answer(question: Question, value: Answer) -> Answer:
    """Return an answer checked against its question (a blank comment is no answer).

    Raises:
        InvalidInput: the reason, without the form or the question (the caller names them).
    """
    if value is None:
        return None
    if question.kind is QuestionKind.COMMENT:
        if not isinstance(value, str):
            raise InvalidInput("un commentaire est un texte")
        text = value.strip()
        if len(text) > MAX_COMMENT:
            raise InvalidInput(
                f"commentaire trop long ({format_number(len(text), 0)} caractères ; {MAX_COMMENT} au plus)"
            )
        return text or None
    low, high = (0, 10) if question.kind is QuestionKind.RECOMMENDATION else (1, 4)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidInput(f"réponse « {value} » hors échelle (de {low} à {high})")
    return value


def validate_response(questions: Sequence[Question], response: Response) -> Response:
    """Check a response's answers against the questions; return it cleaned.

    Raises:
        InvalidInput: naming the form's number and the question.
    """
    if not 1 <= response.number <= MAX_FORMS:
        raise InvalidInput(f"Numéro de questionnaire invalide : {response.number} (de 1 à {MAX_FORMS}).")
    if len(response.answers) != len(questions):
        raise InvalidInput(
            f"Questionnaire n° {response.number} : {len(response.answers)} réponses pour "
            f"{len(questions)} questions."
        )
    answers = []
    for index, (question, value) in enumerate(zip(questions, response.answers, strict=True)):
        try:
            answers.append(check_answer(question, value))
        except InvalidInput as exc:
            raise InvalidInput(
                f"Questionnaire n° {response.number}, {question_label(questions, index)} : {exc.message}."
            ) from None
    return replace(response, answers=tuple(answers))


def is_empty(answers: Iterable[Answer]) -> bool:
    return all(value is None for value in answers)


# --- results ------------------------------------------------------------------------------------


def _mean(values: Sequence[int]) -> float | None:
    return sum(values) / len(values) if values else None


def _round_half_away(value: float) -> int:
    """Round like a person does (12,5 -> 13, -12,5 -> -13), not to the even neighbour."""
    whole = int(abs(value) + 0.5)
    return whole if value >= 0 else -whole


def net_promoter_score(scores: Sequence[int]) -> int | None:
    """Return the NPS of 0–10 scores: % of promoters (9–10) minus % of detractors (0–6)."""
    if not scores:
        return None
    promoters = sum(score in PROMOTERS for score in scores)
    detractors = sum(score in DETRACTORS for score in scores)
    return _round_half_away(100 * (promoters - detractors) / len(scores))


def compute_results(
    questions: Sequence[Question], answer_rows: Sequence[Sequence[Answer]], expected: int
) -> SurveyResults:
    """Return the results of a survey's responses (``answer_rows``, one per form)."""
    results = []
    comments: list[str] = []
    scores: list[int] = []
    satisfaction: list[int] = []
    for index, question in enumerate(questions):
        given = [row[index] for row in answer_rows if index < len(row) and row[index] is not None]
        if question.kind is QuestionKind.COMMENT:
            texts = [str(value) for value in given]
            comments += texts
            results.append(QuestionResult(question.text, question.kind, (), len(texts), None))
            continue
        values = [value for value in given if isinstance(value, int)]
        low = question.kind.lowest
        distribution = tuple(values.count(level + low) for level in range(len(question.kind.levels)))
        if question.kind is QuestionKind.RECOMMENDATION:
            scores += values
        elif question.kind is QuestionKind.SATISFACTION:
            satisfaction += values
        results.append(QuestionResult(question.text, question.kind, distribution, len(values), _mean(values)))
    count = len(answer_rows)
    return SurveyResults(
        responses=count,
        expected=expected,
        response_rate=count / expected if expected else None,
        questions=results,
        nps=net_promoter_score(scores),
        comments=comments,
        mean_satisfaction=_mean(satisfaction),
    )


def results_text(results: SurveyResults) -> str:
    """Return the results as lines of French text (the dialog and the command line show them)."""
    rate = (
        f" sur {results.expected} ({format_percent(results.response_rate)})"
        if results.response_rate is not None
        else ""
    )
    lines = [f"Réponses : {results.responses}{rate}"]
    if results.warning:
        lines[0] += f" (attention, {results.warning})"
    if results.mean_satisfaction is not None:
        lines.append(f"Satisfaction moyenne : {format_number(results.mean_satisfaction, 1)} sur 4")
    if results.nps is not None:
        shown = f"{results.nps:+d}" if results.nps else "0"
        lines.append(f"Score de recommandation (NPS) : {shown} (de −100 à +100)")
    for number, result in enumerate(results.questions, start=1):
        lines += ["", f"{number}. {result.text}"]
        if result.kind is QuestionKind.COMMENT:
            lines.append(f"   {plural(result.answered, 'commentaire')}")
            continue
        mean = f", moyenne {format_number(result.mean, 1)}" if result.mean is not None else ""
        lines.append(f"   {plural(result.answered, 'réponse')}{mean}")
        labels = result.kind.levels
        if result.kind is QuestionKind.RECOMMENDATION:
            lines.append(
                "   "
                + "  ".join(
                    f"{label} : {count}" for label, count in zip(labels, result.distribution, strict=True)
                )
            )
        else:
            lines += [
                f"   {label} : {count}"
                + (f" ({format_percent(count / result.answered)})" if result.answered else "")
                for label, count in zip(labels, result.distribution, strict=True)
            ]
    if results.comments:
        lines += ["", "Commentaires :"]
        lines += [f"   — {comment}" for comment in results.comments]
    return "\n".join(lines)


# ASCII digits only: « ² », « １０ », « ٣ » are no numbers (compiled on first use by ``re``).
_NUMBER = r"-?[0-9]{1,6}"


def parse_level(question: Question, text: str) -> int | None:
    """Read an answer typed or imported as text: a number written in ASCII digits (a minus sign
    allowed, then out of scale), or a level's label (case and accents ignored, « satisfaite »
    read as « satisfait »); None if it is neither."""
    number = text.strip()
    if re.fullmatch(_NUMBER, number):
        return int(number)
    folded = fold(text).replace("(e)", "").replace("satisfaite", "satisfait")
    if question.kind.is_scale:
        for value, label in enumerate(question.kind.levels, start=1):
            if folded == fold(label):
                return value
    return None

"""The questions of a satisfaction questionnaire and one questionnaire given (``Survey``), apart
from ``surveys.py`` (which gives them too, with the templates, the answers and the results):
the tableau de bord, the window's first page, reads the diffusions of the questionnaire on the
tool and needs none of the rest."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ambassadeur_app.domain.labels import Labelled

SATISFACTION_LEVELS = (
    "Pas du tout satisfait",
    "Plutôt pas satisfait",
    "Plutôt satisfait",
    "Tout à fait satisfait",
)
AGREEMENT_LEVELS = (
    "Pas du tout d'accord",
    "Plutôt pas d'accord",
    "Plutôt d'accord",
    "Tout à fait d'accord",
)
RECOMMENDATION_RANGE = range(11)  # 0 to 10


class QuestionKind(Labelled):
    SATISFACTION = "satisfaction", "Satisfaction (4 niveaux)"
    AGREEMENT = "accord", "Accord (4 niveaux)"
    RECOMMENDATION = "recommandation", "Recommandation (0 à 10)"
    COMMENT = "commentaire", "Commentaire libre"

    @property
    def levels(self) -> tuple[str, ...]:
        """Return the labels of the answers, lowest first (``()`` for a comment)."""
        if self is QuestionKind.SATISFACTION:
            return SATISFACTION_LEVELS
        if self is QuestionKind.AGREEMENT:
            return AGREEMENT_LEVELS
        if self is QuestionKind.RECOMMENDATION:
            return tuple(str(value) for value in RECOMMENDATION_RANGE)
        return ()

    @property
    def is_scale(self) -> bool:
        """Tell whether the question is on a 4-level scale (satisfaction or agreement)."""
        return self in (QuestionKind.SATISFACTION, QuestionKind.AGREEMENT)

    @property
    def lowest(self) -> int:
        """Return the value of the lowest answer (1 on a scale, 0 for a recommendation)."""
        return 0 if self is QuestionKind.RECOMMENDATION else 1


class DiffusionChannel(Labelled):
    """How the questionnaire on the tool was sent to the département's professionals."""

    EMAIL = "email", "E-mail"
    NEWSLETTER = "lettre", "Lettre d'information"
    PARCEO = "parceo", "Messagerie Parceo"
    MEETING = "reunion", "Réunion ou événement"
    PAPER = "papier", "Papier"
    OTHER = "autre", "Autre"


@dataclass(frozen=True)
class Question:
    text: str
    kind: QuestionKind


@dataclass(frozen=True)
class Survey:
    """One questionnaire given: after an event (``event_id``), or one diffusion of the
    questionnaire on the tool (date, channel, recipients)."""

    key: str
    title: str
    questions: tuple[Question, ...]
    event_id: str | None = None
    diffused_on: date | None = None
    channel: DiffusionChannel | None = None
    recipients: int | None = None
    recipients_text: str = ""
    id: str = ""

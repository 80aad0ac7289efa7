"""The rétroplanning: planned actions, their status and actual dates, what carried them out, and
which are late on a given day. Pure dataclasses and rules (no SQL, no files)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ambassadeur_app.domain.dates import check_year
from ambassadeur_app.domain.formatting import format_date, plural
from ambassadeur_app.domain.labels import Labelled
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.text import MAX_TEXT_LENGTH, blank
from ambassadeur_app.errors import InvalidInput

SHORT_TEXT = 300  # an action's title: one or two lines of a table


class ActionStatus(Labelled):
    TODO = "a_faire", "À faire"
    IN_PROGRESS = "en_cours", "En cours"
    DONE = "fait", "Fait"
    ABANDONED = "abandonne", "Abandonné"


class LinkKind(Labelled):
    """What a planned action or a journal note can be linked to."""

    EVENT = "evenement", "Événement"
    ENTRY = "entree", "Entrée du carnet"
    PROFESSIONAL = "professionnel", "Professionnel"
    STRUCTURE = "structure", "Structure"


ACTION_LINK_KINDS = (LinkKind.EVENT, LinkKind.ENTRY)


@dataclass(frozen=True, order=True)
class Link:
    kind: LinkKind
    target_id: str


@dataclass(frozen=True)
class LinkView:
    """What a link shows: its target's text (an event's title and date, an entry's day,
    duration and description...), and whether the target is still in the carnet."""

    link: Link
    text: str
    live: bool = True

    @property
    def label(self) -> str:
        shown = f"{self.link.kind.label} : {self.text}"
        return shown if self.live else f"{shown} (supprimé)"


@dataclass(frozen=True)
class PlannedAction:
    title: str
    mission: Mission
    planned_start: date
    planned_end: date
    ambassador_id: str | None = None  # the responsible ambassador
    status: ActionStatus = ActionStatus.TODO
    actual_start: date | None = None
    actual_end: date | None = None
    description: str = ""
    links: tuple[Link, ...] = ()
    id: str = ""


def validate_action(action: PlannedAction, today: date | None = None) -> PlannedAction:
    """Check an action and return it cleaned (title trimmed, links without duplicates); given
    ``today``, its actual dates cannot be later (what has not happened is planned, not actual).

    Raises:
        InvalidInput: naming the field at fault.
    """
    if blank(action.title):
        raise InvalidInput("Indiquez le titre de l'action.", "titre")
    if len(action.title) > SHORT_TEXT:
        raise InvalidInput(
            f"Titre trop long ({len(action.title)} caractères ; {SHORT_TEXT} au plus).", "titre"
        )
    if len(action.description) > MAX_TEXT_LENGTH // 4:
        raise InvalidInput("Description trop longue : raccourcissez-la.", "description")
    for day, field in (
        (action.planned_start, "début prévu"),
        (action.planned_end, "fin prévue"),
        (action.actual_start, "début réel"),
        (action.actual_end, "fin réelle"),
    ):
        if day is not None:
            check_year(day.year, format_date(day), field)
    if action.planned_end < action.planned_start:
        raise InvalidInput(
            f"La fin prévue ({format_date(action.planned_end)}) précède le début prévu "
            f"({format_date(action.planned_start)}).",
            "fin prévue",
        )
    started, ended = action.actual_start, action.actual_end
    if ended is not None and started is None:
        raise InvalidInput("Indiquez le début réel de l'action, puisqu'elle a une fin réelle.", "début réel")
    if started is not None and ended is not None and ended < started:
        raise InvalidInput(
            f"La fin réelle ({format_date(ended)}) précède le début réel ({format_date(started)}).",
            "fin réelle",
        )
    for day, field in ((started, "début réel"), (ended, "fin réelle")):
        if today is not None and day is not None and day > today:
            raise InvalidInput(
                f"La date « {field} » ({format_date(day)}) est dans le futur : une date réelle est "
                "celle d'un jour passé.",
                field,
            )
    if action.status is ActionStatus.DONE and ended is None:
        raise InvalidInput(
            "Indiquez la fin réelle d'une action faite (le jour où elle s'est achevée).", "fin réelle"
        )
    if action.status is ActionStatus.IN_PROGRESS and started is None:
        raise InvalidInput("Indiquez le début réel d'une action en cours.", "début réel")
    if action.status is ActionStatus.TODO and started is not None:
        raise InvalidInput(
            "Une action commencée n'est plus « à faire » : choisissez « en cours », « fait » "
            "ou « abandonné ».",
            "statut",
        )
    if action.status is ActionStatus.IN_PROGRESS and ended is not None:
        raise InvalidInput(
            "Une action qui a une fin réelle est « fait » ou « abandonné », pas « en cours ».", "statut"
        )
    if bad := [link for link in action.links if link.kind not in ACTION_LINK_KINDS]:
        raise InvalidInput(
            f"Une action du rétroplanning se rattache à des événements et à des entrées du carnet, "
            f"pas à un(e) {bad[0].kind.label.lower()}.",
            "liens",
        )
    return replace(
        action,
        title=" ".join(action.title.split()),
        description=action.description.strip(),
        ambassador_id=action.ambassador_id or None,
        links=tuple(dict.fromkeys(action.links)),
    )


def days_late(action: PlannedAction, today: date) -> int:
    """Return how many days ``action`` is late on ``today`` (0: on time).

    An action not done whose planned end has passed is late by the days since (on its planned
    end day it is not late yet); an action done after its planned end was late by the days
    between; an abandoned action is never late.
    """
    if action.status is ActionStatus.ABANDONED:
        return 0
    if action.status is ActionStatus.DONE:
        assert action.actual_end is not None, "validate_action: a done action has its end"
        return max(0, (action.actual_end - action.planned_end).days)
    return max(0, (today - action.planned_end).days)


def late_text(action: PlannedAction, today: date) -> str:
    """Return ``en retard de 3 jours`` or ``faite avec 3 jours de retard``, or ``""`` on time."""
    late = days_late(action, today)
    if not late:
        return ""
    if action.status is ActionStatus.DONE:
        return f"faite avec {plural(late, 'jour')} de retard"
    return f"en retard de {plural(late, 'jour')}"

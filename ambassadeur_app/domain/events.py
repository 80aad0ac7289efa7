"""Events and training: workshops, working groups, training sessions, their invitations and
attendance, and the training catalogue. Pure dataclasses and rules (no SQL, no files)."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from itertools import pairwise

from ambassadeur_app.domain.dates import check_year
from ambassadeur_app.domain.formatting import format_date, format_number
from ambassadeur_app.domain.labels import Labelled
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.text import MAX_TEXT_LENGTH, blank, printable
from ambassadeur_app.errors import InvalidInput

# Who funds the events (cahier des charges §4.A: the forfait événement of the FIR funding).
FUNDER = "ARS Grand Est — Fonds d'intervention régional (FIR)"
EVENT_MISSIONS = (Mission.PROMOTION, Mission.FORMATION)
MAX_MODULE_MINUTES = 5 * 24 * 60

# The sign-in sheet keeps a readable signature column per half-day up to this many.
MAX_SESSIONS = 4
# A title, a place, a link or a speaker: what a sign-in sheet's header prints on one or two lines.
SHORT_TEXT = 300
MAX_SPEAKERS = 20
# A half-day, or a whole day typed as one: longer is a typing slip (00:00–23:59).
MAX_SESSION_MINUTES = 12 * 60


class EventKind(Labelled):
    WORKSHOP = "atelier", "Atelier d'information"
    PROMOTIONAL = "promotionnel", "Événement promotionnel"
    WORKING_GROUP = "groupe_travail", "Groupe de travail"
    TRAINING = "formation", "Session de formation"
    WEBINAR = "webinaire", "Webinaire"
    MEETING = "reunion", "Réunion interne / comité"


class EventStatus(Labelled):
    PLANNED = "planifie", "Planifié"
    DONE = "realise", "Réalisé"
    CANCELLED = "annule", "Annulé"


class InvitationChannel(Labelled):
    EMAIL = "email", "E-mail"
    MAIL = "courrier", "Courrier"
    PHONE = "telephone", "Téléphone"
    IN_PERSON = "en_personne", "En personne"
    OTHER = "autre", "Autre"


class NationalService(Labelled):
    """The national e-health services a training module shows Parceo working with."""

    MON_ESPACE_SANTE = "mon_espace_sante", "Mon espace santé"
    INSI = "insi", "INSi"
    DMP = "dmp", "DMP"
    SECURE_MESSAGING = "messagerie", "Messagerie sécurisée"


@dataclass(frozen=True, order=True)
class Session:
    """One half-day of an event: its day, start and end times."""

    day: date
    start: time
    end: time

    @property
    def minutes(self) -> int:
        return (self.end.hour * 60 + self.end.minute) - (self.start.hour * 60 + self.start.minute)

    @property
    def label(self) -> str:
        """Return ``02/09/2024 14:00–17:00``."""
        return f"{format_date(self.day)} {self.start:%H:%M}–{self.end:%H:%M}"

    @property
    def starts_at(self) -> datetime:
        return datetime.combine(self.day, self.start)


@dataclass(frozen=True)
class Event:
    kind: EventKind
    mission: Mission
    title: str
    sessions: tuple[Session, ...]
    place: str = ""
    online: bool = False
    link: str = ""
    open_to_departement: bool = False
    agenda: str = ""
    speakers: tuple[str, ...] = ()
    pulsy_trainer: bool = False
    organiser_ids: tuple[str, ...] = ()
    status: EventStatus = EventStatus.PLANNED
    module_id: str | None = None
    id: str = ""

    @property
    def first_day(self) -> date:
        return self.sessions[0].day

    @property
    def where(self) -> str:
        """Return the place, or « En ligne » (with the place too when there is one)."""
        if not self.online:
            return self.place
        return f"En ligne — {self.place}" if self.place else "En ligne"


@dataclass(frozen=True)
class TrainingModule:
    """A module of the training catalogue."""

    title: str
    minutes: int
    objectives: str = ""
    audience: str = ""
    content: str = ""
    services: frozenset[NationalService] = field(default_factory=frozenset)
    id: str = ""


@dataclass(frozen=True)
class Invitation:
    event_id: str
    professional_id: str
    invited_on: date
    channel: InvitationChannel = InvitationChannel.EMAIL
    id: str = ""


@dataclass(frozen=True)
class Attendance:
    """Who came to an event: present or not at each half-day, and whether they were invited."""

    event_id: str
    professional_id: str
    present: tuple[bool, ...]
    walk_in: bool = False
    id: str = ""

    @property
    def attended(self) -> bool:
        return any(self.present)


_LINK = r"(?i)https?://\S+\.\S+"  # compiled on first use by ``re``, not at import


def validate_event(event: Event) -> Event:
    """Check an event and return it cleaned (sessions in order, texts trimmed).

    Raises:
        InvalidInput: naming the field at fault.
    """
    if blank(event.title):
        raise InvalidInput("Indiquez le titre de l'événement.", "titre")
    if len(event.speakers) > MAX_SPEAKERS:
        raise InvalidInput(f"Indiquez au plus {MAX_SPEAKERS} intervenants.", "intervenants")
    for text, limit, name in (
        (event.title, SHORT_TEXT, "titre"),
        (event.place, SHORT_TEXT, "lieu"),
        (event.link, SHORT_TEXT, "lien"),
        *((speaker, SHORT_TEXT, "intervenants") for speaker in event.speakers),
        (event.agenda, MAX_TEXT_LENGTH // 4, "ordre du jour"),
    ):
        if len(text) > limit:
            raise InvalidInput(
                f"Texte trop long pour le champ « {name} » ({format_number(len(text), 0)} caractères ; "
                f"{format_number(limit, 0)} au plus).",
                name,
            )
    if event.mission not in EVENT_MISSIONS:
        raise InvalidInput(
            f"Mission impossible pour un événement : « {event.mission.label} » (promotion ou formation).",
            "mission",
        )
    if not event.sessions:
        raise InvalidInput(
            "Indiquez au moins une demi-journée (date, heure de début et heure de fin).", "demi-journées"
        )
    if len(event.sessions) > MAX_SESSIONS:
        raise InvalidInput(
            f"Un événement compte au plus {MAX_SESSIONS} demi-journées (une colonne de signature "
            "chacune sur la feuille d'émargement) : enregistrez la suite comme un autre événement.",
            "demi-journées",
        )
    sessions = tuple(sorted(event.sessions))
    for session in sessions:
        check_year(session.day.year, format_date(session.day), "demi-journées")
        if session.minutes <= 0:
            raise InvalidInput(
                f"La demi-journée du {format_date(session.day)} finit ({session.end:%H:%M}) avant de "
                f"commencer ({session.start:%H:%M}).",
                "demi-journées",
            )
        if session.minutes > MAX_SESSION_MINUTES:
            raise InvalidInput(
                f"La demi-journée du {session.label} dure plus de {MAX_SESSION_MINUTES // 60} h : "
                "vérifiez ses heures.",
                "demi-journées",
            )
    for before, after in pairwise(sessions):
        if before.day == after.day and after.start < before.end:
            raise InvalidInput(
                f"Deux demi-journées se chevauchent le {format_date(after.day)} "
                f"({before.start:%H:%M}–{before.end:%H:%M} et {after.start:%H:%M}–{after.end:%H:%M}).",
                "demi-journées",
            )
    link = event.link.strip()
    if event.online and not link:
        raise InvalidInput("Indiquez le lien de connexion de l'événement en ligne.", "lien")
    if link and not re.fullmatch(_LINK, link):
        raise InvalidInput(f"Lien invalide : « {link} » (il commence par https://).", "lien")
    if not event.online and blank(event.place):
        raise InvalidInput("Indiquez le lieu de l'événement (ou cochez « En ligne »).", "lieu")
    module_id = event.module_id or None
    if event.kind is EventKind.TRAINING:
        if module_id is None:
            raise InvalidInput("Choisissez le module du catalogue de cette session de formation.", "module")
    else:
        module_id = None
    return replace(
        event,
        title=" ".join(event.title.split()),
        sessions=sessions,
        place=event.place.strip(),
        link=link,
        agenda=event.agenda.strip(),
        # One line each, and stored as JSON, where the file's one door (storage/records.py) sees
        # escapes only: cleaned here.
        speakers=tuple(dict.fromkeys(" ".join(printable(s).split()) for s in event.speakers if not blank(s))),
        organiser_ids=tuple(dict.fromkeys(event.organiser_ids)),
        module_id=module_id,
    )


def validate_module(module: TrainingModule) -> TrainingModule:
    """Check a training module and return it with its texts trimmed.

    Raises:
        InvalidInput: naming the field at fault.
    """
    if blank(module.title):
        raise InvalidInput("Indiquez le titre du module de formation.", "titre")
    if not 0 < module.minutes <= MAX_MODULE_MINUTES:
        raise InvalidInput(
            f"Durée du module invalide : {module.minutes} minutes (de 1 minute à 5 jours).", "durée"
        )
    return replace(
        module,
        title=" ".join(module.title.split()),
        objectives=module.objectives.strip(),
        audience=module.audience.strip(),
        content=module.content.strip(),
    )


def check_presence(present: tuple[bool, ...], event: Event) -> None:
    """Check that an attendance says present or absent for each half-day of ``event``.

    Raises:
        InvalidInput: a count that does not match the event's half-days.
    """
    if len(present) != len(event.sessions):
        raise InvalidInput(
            f"La présence doit être indiquée pour chacune des {len(event.sessions)} demi-journées de "
            f"« {event.title} » ({len(present)} indiquées).",
            "présence",
        )


def tally(groups: Iterable[Collection[str]], none: str) -> dict[str, int]:
    """Count people by group, most first: each person once in each of their groups (a label
    listed twice for one person counts once), a person without any under ``none``."""
    counts: dict[str, int] = {}
    for labels in groups:
        for label in set(labels) or {none}:
            counts[label] = counts.get(label, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

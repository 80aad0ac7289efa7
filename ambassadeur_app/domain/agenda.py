"""Entries proposed from the agenda: what an agenda event is, which events are not work for the
programme, and the mission and activity guessed from the carnet's own history.

Public API (the review dialog and the CLI build on it; keep it stable):

- ``AgendaEvent``: one occurrence read from an ``.ics`` file (``importers/agenda.py``), its start
  and end already in Paris wall-clock time.
- ``Proposal``: one occurrence proposed as an entry. ``entry`` is the proposed ``TimeEntry`` (its
  ``id`` is set when the event was accepted before and moved since: accepting updates that entry);
  ``state`` is ``"new"``, ``"changed"`` (``change`` then says what moved, in French) or
  ``"removed"``: an entry made from the agenda whose event was cancelled or is no longer in the
  agenda (``change`` says which, « annulé dans l'agenda » / « absent de l'agenda… »; ``entry``
  is that entry): accepting it deletes the entry (and its contact), undoably; dismissing it
  keeps the entry and records nothing (it is shown again at the next import);
  ``dismissed`` is ``""`` or the French reason it is proposed as dismissed; ``guess`` explains
  the mission and activity (« comme « Visite MSP de Toul » du 12/03/2026 », or ``""``);
  ``problems`` are French reasons it cannot be saved (closed month, 24 h, period...);
  ``overlaps`` describe the carnet's entries and the other proposals it overlaps;
  ``professional_ids`` are the register's professionals among its attendees (accepting logs a
  contact with them); ``notes`` say what was read in place of the file's text (a title cut to
  2 000 characters, an unknown time zone); ``item_id`` is the decision it replaces (an event
  moved, a whole series moved, or removed), ``""`` for a new one.
- ``dismissal_reason(event, ambassador_email)``, ``Guesser``: the pure rules.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from ambassadeur_app.domain.durations import format_duration
from ambassadeur_app.domain.formatting import format_date
from ambassadeur_app.domain.model import Mission, TimeEntry
from ambassadeur_app.domain.text import fold

# Longer than this, an event is not one working session (a training week, a holiday).
MAX_WORKING_MINUTES = 10 * 60


@dataclass(frozen=True)
class Attendee:
    """Someone invited to an event: their e-mail (lower case) and answer (``PARTSTAT``)."""

    email: str
    answer: str = ""  # ACCEPTED, DECLINED, TENTATIVE, NEEDS-ACTION or ''


@dataclass(frozen=True)
class AgendaEvent:
    """One occurrence of an agenda event, in Paris wall-clock time (naive datetimes).

    ``recurrence_id`` is ``""`` for a single event, else the occurrence's original start (ISO,
    UTC when the file gives a zone): with ``uid`` it names the occurrence for good, even moved.
    ``minutes`` is the real time elapsed (a night of a clock change counts its true length).
    """

    uid: str
    recurrence_id: str
    start: datetime
    minutes: int
    summary: str = ""
    location: str = ""
    all_day: bool = False
    status: str = ""  # CONFIRMED, TENTATIVE, CANCELLED or ''
    private: bool = False  # CLASS:PRIVATE or CONFIDENTIAL (Outlook's « Privé »)
    free: bool = False  # TRANSP:TRANSPARENT or Outlook's busy status « Disponible »
    away: bool = False  # Outlook's busy status « Absent du bureau »
    attendees: tuple[Attendee, ...] = ()
    line: int = 0  # where the event starts in the file
    notes: tuple[str, ...] = ()  # French: what was read in place of the file's text (zone, length)

    @property
    def cancelled(self) -> bool:
        return self.status.upper() == "CANCELLED"

    @property
    def fingerprint(self) -> str:
        """Return what identifies the event as imported: start, duration, title and place (and
        its cancellation)."""
        parts = (self.start.isoformat(timespec="minutes"), str(self.minutes), self.summary, self.location)
        text = "\x1f".join((*parts, *(("CANCELLED",) if self.cancelled else ())))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Proposal:
    """One agenda occurrence proposed as an entry of the carnet (see the module docstring)."""

    uid: str
    recurrence_id: str
    fingerprint: str
    entry: TimeEntry
    state: Literal["new", "changed", "removed"]
    dismissed: str = ""
    guess: str = ""
    problems: tuple[str, ...] = ()
    overlaps: tuple[str, ...] = ()
    professional_ids: tuple[str, ...] = ()
    change: str = ""  # for a "changed" proposal: what moved since the import, in French
    summary: str = ""  # the event's title in the agenda
    notes: tuple[str, ...] = ()
    item_id: str = ""
    source: str = ""  # the agenda it comes from (``AgendaItem.source``)

    @property
    def acceptable(self) -> bool:
        """Tell whether the proposal can be saved as it is (no problem)."""
        return not self.problems

    @property
    def state_label(self) -> str:
        """Return « nouveau », « modifié » or « annulé »."""
        return {"new": "nouveau", "changed": "modifié", "removed": "annulé"}[self.state]

    @property
    def outcome(self) -> str:
        """Return what accepting this proposal as proposed does: « à enregistrer », « à retirer »
        (a removed event's entry), « écarté » (proposed as dismissed) or « bloqué » (a rule
        forbids saving it)."""
        if self.dismissed:
            return "écarté"
        if self.problems:
            return "bloqué"
        return "à retirer" if self.state == "removed" else "à enregistrer"


# Words and phrases of a title that say the event is not work for the programme (folded, whole
# words). No word of health work: a physician, a dentist or a school of nurses is the programme's
# daily work; only what says « mine », a meal or time off.
_PERSONAL_PHRASES = (
    "dejeuner",
    "diner",
    "pause dejeuner",
    "conges",
    "conge",
    "vacances",
    "rtt",
    "jour ferie",
    "ferie",
    "perso",
    "rdv personnel",
    "rendez vous personnel",
    "anniversaire",
    "arret maladie",
    "sortie d ecole",
    "absent",
    "absente",
)
# The longest phrase first: « Pause déjeuner » is shown whole.
_PERSONAL = sorted((tuple(phrase.split()) for phrase in _PERSONAL_PHRASES), key=len, reverse=True)
_TOKEN = re.compile(r"[^\W_]+")


def personal_words(title: str) -> str:
    """Return the words of ``title`` (as written) that say it is not work, or ``""``."""
    tokens = _TOKEN.findall(title)
    folded = [fold(token) for token in tokens]
    for phrase in _PERSONAL:
        for start in range(len(folded) - len(phrase) + 1):
            if tuple(folded[start : start + len(phrase)]) == phrase:
                return " ".join(tokens[start : start + len(phrase)])
    return ""


def dismissal_reason(event: AgendaEvent, ambassador_email: str = "") -> str:
    """Return why ``event`` is proposed as dismissed (French), or ``""`` when it looks like work."""
    me = ambassador_email.strip().lower()
    if event.cancelled:
        return "annulé"
    if me and any(a.email == me and a.answer.upper() == "DECLINED" for a in event.attendees):
        return "refusé par l'ambassadeur"
    if event.all_day:
        return "journée entière"
    if event.private:
        return "privé"
    if event.free:
        return "marqué « disponible »"
    if event.away:
        return "absent du bureau"
    if found := personal_words(event.summary):
        return f"personnel (« {found} »)"
    if event.minutes <= 0:
        return "sans durée"
    if event.minutes > MAX_WORKING_MINUTES:
        return f"plus long qu'une journée de travail ({format_duration(event.minutes)})"
    if not any(a.email != me for a in event.attendees) and not event.location.strip():
        return "ni participant ni lieu"
    return ""


# --- guessing the mission and activity ----------------------------------------------------------

# Words that tell nothing about the work, and the prefixes of answered or forwarded invitations.
_STOP_TEXT = (
    "a au aux avec ce ces cet cette chez d dans de des du en et l la le les leur leurs ma mes mon "
    "ne nos notre ou par pas pour qu que qui sa se ses son sur ta te tes ton un une vos votre rdv "
    "re tr fw fwd accepte refuse"
)
_STOP_WORDS = frozenset(_STOP_TEXT.split())
_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> set[str]:
    """Return the meaningful words of a text: folded, without stop words nor lone digits."""
    return {w for w in _WORD.findall(fold(text)) if w not in _STOP_WORDS and not (w.isdigit() and len(w) < 3)}


@dataclass(frozen=True)
class PastEntry:
    """An entry of the carnet's history the guesser learns from."""

    description: str
    mission: Mission
    activity: str
    day: date


@dataclass(frozen=True)
class Guess:
    mission: Mission
    activity: str
    because: str  # 'comme « Visite MSP de Toul » du 12/03/2026', or '' when nothing matched


@dataclass
class Guesser:
    """Guess an event's mission and activity from the words of the carnet's past descriptions.

    Each past entry votes for its mission and activity with the words it shares with the title,
    a rare word weighing more than a common one; the explanation names the past entry that
    weighs most (the latest of equals). Deterministic: ties go to the latest, then the first
    description in alphabetical order. Nothing in common: ``default``, with no explanation.
    """

    history: Sequence[PastEntry]
    default: tuple[Mission, str]
    _index: dict[str, list[int]] = field(init=False, repr=False)
    _weights: dict[str, float] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        index: dict[str, list[int]] = defaultdict(list)
        for number, past in enumerate(self.history):
            for word in words(past.description):
                index[word].append(number)
        self._index = dict(index)
        # A word in every description tells nothing; one in a single description tells most.
        self._weights = {word: 1.0 / len(found) ** 0.5 for word, found in index.items()}

    def guess(self, title: str, exclude: int = -1) -> Guess:
        """Return the guess for ``title`` (``exclude``: a history item left out, for measuring)."""
        scores: dict[int, float] = defaultdict(float)
        for word in words(title):
            for number in self._index.get(word, ()):
                if number != exclude:
                    scores[number] += self._weights[word]
        if not scores:
            return Guess(*self.default, "")
        votes: dict[tuple[Mission, str], float] = defaultdict(float)
        latest: dict[tuple[Mission, str], date] = {}
        for number, score in scores.items():
            key = self._key(number)
            votes[key] += score
            latest[key] = max(latest.get(key, date.min), self.history[number].day)
        # Equal votes: the habit used last wins.
        chosen = max(votes, key=lambda key: (votes[key], latest[key], key[0].value, key[1]))
        voters = [n for n in scores if self._key(n) == chosen]
        best = max(
            voters, key=lambda n: (scores[n], self.history[n].day, _reverse(self.history[n].description))
        )
        past = self.history[best]
        return Guess(past.mission, past.activity, f"comme « {past.description} » du {format_date(past.day)}")

    def _key(self, number: int) -> tuple[Mission, str]:
        past = self.history[number]
        return past.mission, fold(past.activity)


def _reverse(text: str) -> tuple[int, ...]:
    """Order texts backwards, so that ``max`` picks the first in alphabetical order."""
    return tuple(-ord(char) for char in text)


def leave_one_out(history: Sequence[PastEntry], default: tuple[Mission, str]) -> tuple[int, int, int]:
    """Guess each past entry from the others; return (right, guessed, total): right means the same
    mission and activity, guessed that some other entry shared a word with it."""
    guesser = Guesser(history, default)
    right = guessed = 0
    for number, past in enumerate(history):
        found = guesser.guess(past.description, exclude=number)
        guessed += bool(found.because)
        right += found.mission is past.mission and fold(found.activity) == fold(past.activity)
    return right, guessed, len(history)


def describe_change(before: tuple[str, int, str], after: AgendaEvent) -> str:
    """Say in French what moved in an event since it was imported.

    Args:
        before: the start (ISO), minutes and title kept when it was imported.
    """
    start, minutes, summary = before
    changes = []
    was = datetime.fromisoformat(start)
    if was != after.start:
        changes.append(f"déplacé du {_moment(was)} au {_moment(after.start)}")
    if minutes != after.minutes:
        changes.append(f"durée {format_duration(minutes)} → {format_duration(after.minutes)}")
    if summary != after.summary:
        changes.append(f"titre « {summary} » → « {after.summary} »")
    return " ; ".join(changes) or "lieu modifié"


def _moment(moment: datetime) -> str:
    return f"{format_date(moment.date())} {moment:%H:%M}"


def channel_words(place: str, title: str) -> str:
    """Return how a meeting was held, for the contact it logs: ``visio``, ``telephone`` or ``visite``
    (the values of ``register.Channel``)."""
    text = fold(f"{place} {title}")
    if any(word in text for word in ("teams", "zoom", "visio", "webex", "meet.google", "jitsi", "skype")):
        return "visio"
    if any(word in text for word in ("telephone", "appel", "tel ", "telephonique")):
        return "telephone"
    return "visite"


def overlap_text(entry: TimeEntry) -> str:
    """Describe an existing entry a proposal overlaps, in French."""
    start = f" à {entry.start_time:%H:%M}" if entry.start_time else ""
    what = entry.description or entry.activity
    return f"{format_date(entry.day)}{start} ({format_duration(entry.minutes)}) : {what}"


def pasts(entries: Iterable[TimeEntry]) -> list[PastEntry]:
    """Return the history the guesser learns from: the entries that have a description."""
    return [PastEntry(e.description, e.mission, e.activity, e.day) for e in entries if e.description.strip()]

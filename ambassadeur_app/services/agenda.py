"""Entries proposed from the agenda: read an ``.ics`` file, propose each occurrence as an entry,
save the accepted ones (with their contacts) and remember every decision.

Public API (the review dialog of the GUI and the CLI's ``import agenda`` build on it):

- ``AgendaService.read(path, ambassador_id, start=None, end=None) -> list[Proposal]``: the
  occurrences of the file between two days (by default the programme's period, up to today)
  that were never imported, or moved, cancelled or removed since (``Proposal`` in
  ``domain/agenda.py``). Writes nothing. Raises ``ImportFileError`` (French, naming the file and
  the line) on a malformed file. It is ``propose(parse_agenda(path, *period(start, end)), id)``:
  a window reads the file in a worker thread with ``importers.agenda.parse_agenda`` (pure: no
  carnet, no Qt) and calls ``period`` before and ``propose`` after in the carnet's thread (the
  carnet's SQLite connection belongs to that thread).
- ``AgendaService.accept(accepted, dismissed=()) -> AgendaSaved``: one transaction that saves the
  accepted proposals (an entry each, or updates the entry a moved event created, its contact
  following it; with a contact when attendees are professionals of the register, the « log the
  time with the contact » path), deletes the entries of accepted « removed » proposals (and their
  contacts), and records every decision, so that the next import proposes none of them again (a
  dismissed « removed » proposal records nothing). Raises ``InvalidInput`` / ``MonthClosed``
  naming the event (nothing written) when one cannot be saved.
- ``AgendaService.undo(saved)``: takes the whole acceptance back.

An ambassador may import several agendas into one carnet (a work calendar and another one):
each decision remembers the agenda it came from (``AgendaItem.source``: the calendar the file
names, else recognised by its events, ``_source``), so that importing one agenda proposes to
remove only the entries of its own events deleted since, never those of the other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from uuid import uuid4

from ambassadeur_app.domain.agenda import (
    AgendaEvent,
    Guesser,
    Proposal,
    channel_words,
    describe_change,
    dismissal_reason,
    overlap_text,
    words,
)
from ambassadeur_app.domain.durations import MAX_ENTRY_MINUTES
from ambassadeur_app.domain.formatting import format_date
from ambassadeur_app.domain.model import DEFAULT_ACTIVITIES, Ambassador, Mission, TimeEntry
from ambassadeur_app.domain.register import Channel, Contact
from ambassadeur_app.domain.rules import exclusion_reason, validate_entry
from ambassadeur_app.errors import InvalidInput, MonthClosed
from ambassadeur_app.storage.agenda import (
    AgendaItem,
    Decision,
    contacts_of_entries,
    entry_history,
    professionals_by_email,
)
from ambassadeur_app.storage.backup import BackupKind

if TYPE_CHECKING:
    from ambassadeur_app.importers.agenda import Agenda
    from ambassadeur_app.services.core import CarnetCore
    from ambassadeur_app.services.register import RegisterService


@dataclass(frozen=True)
class AgendaSaved:
    """What an acceptance wrote, to report it and to undo it as a whole."""

    added_entries: tuple[str, ...] = ()
    updated_entries: tuple[TimeEntry, ...] = ()  # the entries as they were before
    contacts: tuple[str, ...] = ()
    added_items: tuple[str, ...] = ()
    updated_items: tuple[AgendaItem, ...] = ()  # the decisions as they were before
    removed_entries: tuple[str, ...] = ()  # entries of events cancelled or removed, deleted
    removed_contacts: tuple[str, ...] = ()  # their contacts, deleted
    updated_contacts: tuple[Contact, ...] = ()  # contacts moved with their entry, as they were

    @property
    def saved(self) -> int:
        """Return the number of entries added or updated."""
        return len(self.added_entries) + len(self.updated_entries)

    @property
    def decided(self) -> int:
        """Return the number of agenda occurrences whose decision was recorded."""
        return len(self.added_items) + len(self.updated_items)


# Why an entry made from the agenda is proposed for removal (``Proposal.change``).
CANCELLED = "annulé dans l'agenda"
ABSENT = "absent de l'agenda (occurrence supprimée de la série)"
# An event of this agenda whose UID is no longer in the file, among its other events: deleted
# most likely (or filtered out of the export, or another calendar of the same name).
DELETED = "absent de ce fichier : supprimé de l'agenda ?"
# The same, for a decision taken before the carnet kept which agenda it came from.
ABSENT_FROM_FILE = "absent de ce fichier : supprimé de l'agenda, ou venu d'un autre agenda ?"
_REMOVED = (CANCELLED, ABSENT, DELETED, ABSENT_FROM_FILE)


class AgendaService:
    """The agenda import of one open carnet."""

    def __init__(self, core: CarnetCore, register: RegisterService) -> None:
        self.core = core
        self.carnet = core.carnet
        self.register = register

    def period(self, start: date | None = None, end: date | None = None) -> tuple[date, date]:
        """Return the days an import reads: by default the programme's period, up to today.

        Raises:
            InvalidInput: the period ends before it starts.
        """
        programme = self.core.programme()
        first = start or programme.start_date
        last = end or max(first, min(programme.end_date, self.core.today()))
        if last < first:
            raise InvalidInput(
                f"La période demandée finit le {format_date(last)}, avant son début le {format_date(first)}.",
                "période",
            )
        return first, last

    def guesser(self) -> Guesser:
        """Return the guesser learned from the carnet's entries; with nothing to go by, it proposes
        the mission and activity saved last."""
        last = self.carnet.entries.last_activities()
        if last:
            mission = max(last, key=lambda m: last[m][0])
            default = (mission, last[mission][1])
        else:
            default = (Mission.PROMOTION, DEFAULT_ACTIVITIES[Mission.PROMOTION][1])
        return Guesser(entry_history(self.carnet.db), default)

    def read(
        self, path: Path, ambassador_id: str, start: date | None = None, end: date | None = None
    ) -> list[Proposal]:
        """Propose the file's occurrences between two days (see the module docstring).

        Raises:
            ImportFileError: the file cannot be read; InvalidInput: unknown ambassador, bad period.
        """
        from ambassadeur_app.importers.agenda import parse_agenda

        self._ambassador(ambassador_id)
        return self.propose(parse_agenda(path, *self.period(start, end)), ambassador_id)

    def propose(self, agenda: Agenda, ambassador_id: str) -> list[Proposal]:
        """Compare an agenda read by ``parse_agenda`` with the carnet; return the proposals, by
        start (the removed ones last). Writes nothing.

        Raises:
            InvalidInput: unknown ambassador.
        """
        ambassador = self._ambassador(ambassador_id)
        known = self.carnet.agenda_items.of_ambassador(ambassador_id)
        source = _source(agenda, known)  # the agenda its new decisions are recorded under
        moves = _series_moves(agenda, known)
        pending = []  # (event, the decision it follows up)
        for event in agenda.events:
            item = known.get((event.uid, event.recurrence_id)) or moves.get((event.uid, event.recurrence_id))
            if (
                item is None
                or item.fingerprint != event.fingerprint
                or item.key != (event.uid, event.recurrence_id)
            ):
                pending.append((event, item))
        linked = self.carnet.entries.get_many(
            (item.time_entry_id for item in known.values() if item.time_entry_id is not None), live_only=True
        )
        gone = _gone(agenda, source, known, moves, linked)
        if not pending and not gone:
            return []
        guesser = self.guesser()
        people = professionals_by_email(self.carnet.db)
        days = [e.start.date() for e, _ in pending] + [linked[i.time_entry_id or ""].day for i, _ in gone]
        existing: dict[date, list[TimeEntry]] = defaultdict(list)
        for entry in self.carnet.entries.in_range(min(days), max(days), ambassador_id):
            existing[entry.day].append(entry)
        day_use = {day: sum(e.minutes for e in entries) for day, entries in existing.items()}
        checker = _Rules(self.core, ambassador.name, day_use)
        planned: dict[date, list[Proposal]] = defaultdict(list)  # proposals to be saved, by day
        proposals = []
        for event, item in pending:
            previous = linked.get(item.time_entry_id or "") if item else None
            if event.cancelled and item is not None:
                if previous is not None and item.decision == "accepted":
                    proposals.append(_removal(item, previous, CANCELLED, event.fingerprint, source, checker))
                continue  # a cancelled event that left nothing in the carnet: nothing to do
            guess = guesser.guess(event.summary)
            entry = _entry(event, ambassador_id, guess.mission, guess.activity, previous, item)
            same_day = [e for e in existing.get(entry.day, []) if e.id != entry.id]
            dismissed = dismissal_reason(event, ambassador.email) or _double(
                entry, same_day, planned[entry.day]
            )
            overlaps = [overlap_text(e) for e in same_day if _overlap(e, entry)]
            if not dismissed:
                overlaps += [
                    f"rendez-vous de l'agenda : {overlap_text(p.entry)}"
                    for p in planned[entry.day]
                    if _overlap(p.entry, entry)
                ]
            proposal = Proposal(
                uid=event.uid,
                recurrence_id=event.recurrence_id,
                fingerprint=event.fingerprint,
                entry=entry,
                state="changed" if item else "new",
                dismissed=dismissed,
                guess="" if previous else guess.because,
                problems=checker.problems(entry, previous, counted=not dismissed),
                overlaps=tuple(overlaps),
                professional_ids=tuple(
                    dict.fromkeys(people[a.email] for a in event.attendees if a.email in people)
                ),
                change=_change(item, event) if item else "",
                summary=event.summary,
                notes=event.notes,
                item_id=item.id if item else "",
                source=source,
            )
            if proposal.outcome == "à enregistrer":
                planned[entry.day].append(proposal)
            proposals.append(proposal)
        proposals += [
            _removal(item, linked[item.time_entry_id or ""], why, "", source, checker) for item, why in gone
        ]
        return proposals

    def accept(self, accepted: Sequence[Proposal], dismissed: Sequence[Proposal] = ()) -> AgendaSaved:
        """Save the accepted proposals and record every decision, in one transaction.

        Raises:
            InvalidInput, MonthClosed: a proposal cannot be saved (nothing is written); the
            message names the event.
        """
        for proposal in accepted:
            if proposal.problems:
                raise InvalidInput(
                    f"{_named(proposal)} ne peut pas être enregistré : {' ; '.join(proposal.problems)}. "
                    "Rien n'a été enregistré."
                )
        dismissed = [p for p in dismissed if p.state != "removed"]  # keeping an entry records nothing
        if not accepted and not dismissed:
            return AgendaSaved()
        if accepted:
            self.carnet.backup(BackupKind.BEFORE_IMPORT)
        done = _Done()
        log = _Decisions(self)
        try:
            with self.carnet.write():
                for proposal in accepted:
                    try:
                        entry_id = self._save(proposal, done)
                    except (InvalidInput, MonthClosed) as exc:
                        raise type(exc)(
                            f"{_named(proposal)} : {exc.message} Rien n'a été enregistré."
                        ) from exc
                    # A removed event's entry is gone: its decision becomes a dismissal, with why.
                    removed = proposal.state == "removed"
                    reason = proposal.change if removed else ""
                    log.record(proposal, "dismissed" if removed else "accepted", reason, entry_id)
                for proposal in dismissed:
                    log.record(proposal, "dismissed", proposal.dismissed or "écarté à la relecture", None)
        finally:
            self.core.changed()
        return AgendaSaved(
            tuple(done.added),
            tuple(done.updated),
            tuple(done.contacts),
            tuple(log.added),
            tuple(log.updated),
            tuple(done.removed),
            tuple(done.removed_contacts),
            tuple(done.moved_contacts),
        )

    def undo(self, saved: AgendaSaved) -> None:
        """Take an acceptance back: its entries, contacts and decisions.

        Raises:
            MonthClosed: one of its entries is in a month closed since.
        """
        try:
            with self.carnet.write():
                self.core.delete_entries(list(saved.added_entries))
                for before in saved.updated_entries:
                    self.core.update_entry(before)
                self.core.restore_entries(list(saved.removed_entries))
                self.carnet.contacts.delete(list(saved.contacts))
                self.carnet.contacts.restore(list(saved.removed_contacts))
                for contact in saved.updated_contacts:
                    self.carnet.contacts.update(contact)
                self.carnet.agenda_items.delete(list(saved.added_items))
                for item in saved.updated_items:
                    self.carnet.agenda_items.update(item)
        finally:
            self.core.changed()

    def _ambassador(self, ambassador_id: str) -> Ambassador:
        ambassador = self.carnet.ambassadors.get(ambassador_id)
        if ambassador is None:
            raise InvalidInput("Cet ambassadeur n'existe pas dans le carnet.", "ambassadeur")
        return ambassador

    def _save(self, proposal: Proposal, done: _Done) -> str:
        """Save one accepted proposal inside the acceptance's transaction; return its entry's id."""
        entry = proposal.entry
        contacts = contacts_of_entries(self.carnet.db, [entry.id]) if entry.id else {}
        if proposal.state == "removed":
            self.core.delete_entries([entry.id])
            done.removed.append(entry.id)
            if entry.id in contacts:
                self.carnet.contacts.delete(contacts[entry.id])
                done.removed_contacts += contacts[entry.id]
            return entry.id
        if entry.id:
            done.updated.append(self.core.entry(entry.id))
            self.core.update_entry(entry)
            # The contact the entry logged moves with it.
            for contact in self.register.contacts(contacts.get(entry.id, [])).values():
                if contact.day != entry.day:
                    done.moved_contacts.append(contact)
                    self.carnet.contacts.update(replace(contact, day=entry.day))
            return entry.id
        if proposal.professional_ids:
            contact_id = self.register.log_contact(_contact(proposal), entry.minutes, entry.activity)
            done.contacts.append(contact_id)
            logged = self.register.contacts([contact_id])[contact_id].time_entry_id
            assert logged is not None  # the contact was logged with its minutes
            # The contact's path saves the day and duration; the agenda also knows when.
            self.core.update_entry(replace(entry, id=logged))
            done.added.append(logged)
            return logged
        entry_id = self.core.add_entry(entry).entry_id
        done.added.append(entry_id)
        return entry_id


@dataclass
class _Done:
    """What an acceptance wrote so far (see ``AgendaSaved``)."""

    added: list[str] = field(default_factory=list)
    updated: list[TimeEntry] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    removed_contacts: list[str] = field(default_factory=list)
    moved_contacts: list[Contact] = field(default_factory=list)


class _Decisions:
    """Record the decisions of one acceptance, keeping what they replaced."""

    def __init__(self, service: AgendaService) -> None:
        self.carnet = service.carnet
        self.added: list[str] = []
        self.updated: list[AgendaItem] = []

    def record(self, proposal: Proposal, decision: Decision, reason: str, entry_id: str | None) -> None:
        entry = proposal.entry
        before = self.carnet.agenda_items.get_many([proposal.item_id]).get(proposal.item_id)
        start = datetime.combine(entry.day, entry.start_time or datetime.min.time())
        item = AgendaItem(
            ambassador_id=entry.ambassador_id,
            uid=proposal.uid,
            recurrence_id=proposal.recurrence_id,
            fingerprint=proposal.fingerprint,
            starts_at=start.isoformat(timespec="minutes"),
            minutes=entry.minutes,
            summary=proposal.summary,
            decision=decision,
            reason=reason,
            # A dismissed change keeps the entry it made: a later move still updates it.
            time_entry_id=entry_id or (before.time_entry_id if before else None),
            source=proposal.source,
        )
        if before is None:
            self.added.append(self.carnet.agenda_items.add(item))
        else:
            self.carnet.agenda_items.update(replace(item, id=before.id))
            self.updated.append(before)


class _Rules:
    """The carnet's rules for proposals: closed months, the period, 24 h a day (with the
    proposals before it that would be saved too)."""

    def __init__(self, core: CarnetCore, name: str, day_use: dict[date, int]) -> None:
        self.programme = core.programme()
        self.today = core.today()
        self.closed = core.closed_months()
        self.name = name
        self.day_use = day_use

    def closed_months(self, *entries: TimeEntry) -> list[str]:
        return [
            f"mois {month.of_label()} clôturé"
            for month in sorted({e.month for e in entries})
            if month in self.closed
        ]

    def problems(self, entry: TimeEntry, previous: TimeEntry | None, counted: bool) -> tuple[str, ...]:
        found = self.closed_months(entry, *([previous] if previous else []))
        if reason := exclusion_reason(entry.day, Mission.PROMOTION, self.programme, self.today):
            found.append(reason)
        try:
            validate_entry(entry)
        except InvalidInput as exc:
            return (*found, exc.message[0].lower() + exc.message[1:].rstrip("."))
        others = self.day_use.get(entry.day, 0) - (
            previous.minutes if previous and previous.day == entry.day else 0
        )
        if others + entry.minutes > MAX_ENTRY_MINUTES:
            found.append(f"{self.name} dépasserait 24 h le {format_date(entry.day)}")
        elif counted and not found:
            self.day_use[entry.day] = self.day_use.get(entry.day, 0) + entry.minutes
        return tuple(found)


def _entry(
    event: AgendaEvent,
    ambassador_id: str,
    mission: Mission,
    activity: str,
    previous: TimeEntry | None,
    item: AgendaItem | None,
) -> TimeEntry:
    """Return the entry an event proposes: a new one, or the entry it made before, moved."""
    start_time = None if event.all_day else event.start.time()
    minutes = max(event.minutes, 0)
    if previous is None:
        return TimeEntry(
            day=event.start.date(),
            ambassador_id=ambassador_id,
            mission=mission,
            activity=activity,
            minutes=minutes,
            start_time=start_time,
            place=event.location,
            description=event.summary,
        )
    # What the user chose (mission, activity, a description retyped) stays; what moved follows.
    renamed = item is not None and item.summary != event.summary
    return replace(
        previous,
        day=event.start.date(),
        start_time=start_time,
        minutes=minutes,
        place=event.location or previous.place,
        description=event.summary if renamed else previous.description,
    )


def _series_moves(
    agenda: Agenda, known: dict[tuple[str, str], AgendaItem]
) -> dict[tuple[str, str], AgendaItem]:
    """Match the occurrences of a series moved as a whole (a new start, so new recurrence ids)
    with the decisions taken on their former selves: same UID, the same day, else the same
    rank when as many are missing as appeared. Return the decision each new occurrence follows."""
    found = {(e.uid, e.recurrence_id) for e in agenda.events} | agenda.written
    lost: dict[str, list[AgendaItem]] = defaultdict(list)
    for item in known.values():
        day = item.starts_at[:10]
        if (
            item.recurrence_id
            and item.key not in found
            and item.uid in agenda.uids
            and agenda.first.isoformat() <= day <= agenda.last.isoformat()
        ):
            lost[item.uid].append(item)
    appeared: dict[str, list[AgendaEvent]] = defaultdict(list)
    for event in agenda.events:
        if event.recurrence_id and event.uid in lost and (event.uid, event.recurrence_id) not in known:
            appeared[event.uid].append(event)
    moves: dict[tuple[str, str], AgendaItem] = {}
    for uid, items in lost.items():
        events = appeared.get(uid, [])
        unmatched = []
        for item in sorted(items, key=lambda i: i.starts_at):
            twin = next(
                (
                    e
                    for e in events
                    if e.start.date().isoformat() == item.starts_at[:10]
                    and (e.uid, e.recurrence_id) not in moves
                ),
                None,
            )
            if twin is None:
                unmatched.append(item)
            else:
                moves[(twin.uid, twin.recurrence_id)] = item
        rest = [e for e in events if (e.uid, e.recurrence_id) not in moves]
        if len(rest) == len(unmatched):
            moves.update({(e.uid, e.recurrence_id): item for e, item in zip(rest, unmatched, strict=True)})
    return moves


# The agendas recognised by their events (files that name no calendar), told apart from the
# calendars their files name (``Agenda.source``: ``agenda-`` and a hash).
_NAMELESS = "nameless-"


def _source(agenda: Agenda, known: dict[tuple[str, str], AgendaItem]) -> str:
    """Return which of the ambassador's agendas ``agenda`` is (``AgendaItem.source``).

    The calendar the file names (``Agenda.source``), whatever the file's name; never another one,
    not even one whose decisions are mostly meetings the file holds too (sent to both agendas),
    nor itself under its former name (a false proposal to remove is worse than a missed one). A
    file that names no calendar (Thunderbird's) is the agenda of such files that holds decisions
    for more than half of the file's events, two at least: the same agenda exported again under
    another file name or for fewer days. Else it is a new agenda.
    """
    if agenda.source:
        return agenda.source
    uids = {event.uid for event in agenda.events}
    held: dict[str, set[str]] = defaultdict(set)
    for item in known.values():
        if item.source.startswith(_NAMELESS) and item.uid in uids:
            held[item.source].add(item.uid)
    found = next((n for n, some in held.items() if len(some) >= 2 and 2 * len(some) > len(uids)), "")
    return found or f"{_NAMELESS}{uuid4().hex}"


def _gone(
    agenda: Agenda,
    source: str,
    known: dict[tuple[str, str], AgendaItem],
    moves: dict[tuple[str, str], AgendaItem],
    linked: dict[str, TimeEntry],
) -> list[tuple[AgendaItem, str]]:
    """Return the accepted decisions of the period whose entry is still in the carnet but whose
    occurrence is no longer in the agenda, each with why: an occurrence of a series still in the
    file, or an event of this agenda (``source``) between the file's first and last occurrences
    of the period (a file exported for fewer days says nothing of the others). Another agenda of
    the same person says nothing of this one's events. A decision taken before the carnet kept
    its agenda counts as then: when the file is an agenda imported before (it shares UIDs with
    those decisions)."""
    found = {(e.uid, e.recurrence_id) for e in agenda.events} | agenda.written
    followed = {item.id for item in moves.values()}
    imported_before = any(item.uid in agenda.uids for item in known.values() if not item.source)
    starts = [e.start.isoformat(timespec="minutes") for e in agenda.events] or [""]
    gone = []
    for item in known.values():
        if (
            item.decision != "accepted"
            or item.time_entry_id not in linked
            or item.key in found
            or item.id in followed
            or not agenda.first.isoformat() <= item.starts_at[:10] <= agenda.last.isoformat()
        ):
            continue
        if item.uid in agenda.uids:
            gone.append((item, ABSENT))
        elif item.source == source and starts[0] <= item.starts_at <= starts[-1]:
            gone.append((item, DELETED))
        elif not item.source and imported_before:
            gone.append((item, ABSENT_FROM_FILE))
    return sorted(gone, key=lambda g: g[0].starts_at)


def _removal(
    item: AgendaItem, entry: TimeEntry, why: str, fingerprint: str, source: str, rules: _Rules
) -> Proposal:
    """Propose to delete the entry an event made, the event being cancelled or removed; one
    absent from the file (deleted, or out of the file's dates or agenda) is proposed dismissed
    (kept)."""
    return Proposal(
        uid=item.uid,
        recurrence_id=item.recurrence_id,
        fingerprint=fingerprint,
        entry=entry,
        state="removed",
        dismissed="à vérifier avant de retirer l'entrée" if why in (DELETED, ABSENT_FROM_FILE) else "",
        problems=tuple(rules.closed_months(entry)),
        change=why,
        summary=item.summary,
        item_id=item.id,
        source=source,
    )


def _double(entry: TimeEntry, same_day: list[TimeEntry], planned: list[Proposal]) -> str:
    """Say why a proposal doubles an entry of the carnet or another proposal, or ``""``."""
    for other in same_day:
        if other.minutes != entry.minutes:
            continue
        if other.start_time == entry.start_time:
            return "déjà dans le carnet"
        if other.start_time is None and _alike(other.description, entry.description):
            return f"déjà dans le carnet ? (« {other.description} », sans heure)"
    for proposal in planned:
        if (proposal.entry.start_time, proposal.entry.minutes) == (entry.start_time, entry.minutes):
            return f"en double dans l'agenda (« {proposal.summary} » à la même heure)"
    return ""


def _alike(one: str, other: str) -> bool:
    """Tell whether two descriptions share at least half of the words of the shorter."""
    first, second = words(one), words(other)
    return bool(first and second) and 2 * len(first & second) >= min(len(first), len(second))


def _change(item: AgendaItem, event: AgendaEvent) -> str:
    if item.decision == "dismissed" and item.reason in _REMOVED:
        return "de nouveau dans l'agenda"
    if item.fingerprint == event.fingerprint:
        return "série modifiée dans l'agenda"
    return describe_change((item.starts_at, item.minutes, item.summary), event)


def _named(proposal: Proposal) -> str:
    """Name a proposal's event in a message: « Visite MSP » du 12/03/2026 à 10:00."""
    entry = proposal.entry
    at = f" à {entry.start_time:%H:%M}" if entry.start_time else ""
    title = proposal.summary or entry.description
    return f"« {title if len(title) <= 60 else title[:60] + '…'} » du {format_date(entry.day)}{at}"


def _overlap(entry: TimeEntry, other: TimeEntry) -> bool:
    if entry.start_time is None or other.start_time is None:
        return False
    start = datetime.combine(entry.day, entry.start_time)
    other_start = datetime.combine(other.day, other.start_time)
    return start < other_start + timedelta(minutes=other.minutes) and other_start < start + timedelta(
        minutes=entry.minutes
    )


def _contact(proposal: Proposal) -> Contact:
    entry = proposal.entry
    return Contact(
        day=entry.day,
        ambassador_id=entry.ambassador_id,
        channel=Channel(channel_words(entry.place, entry.description)),
        mission=entry.mission,
        subject=entry.description or entry.activity,
        professional_ids=proposal.professional_ids,
    )

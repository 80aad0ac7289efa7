"""Events and training: the catalogue, events, invitations, attendance, and their counts.

``EventsService`` works on the carnet of a ``CarnetCore`` (``core.py``) and the register
(``register.py``): a participant is a professional of the register, matched or created, never
doubled; the time spent on an event is carnet time, logged through the core's own rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ambassadeur_app.domain.dates import check_year
from ambassadeur_app.domain.events import (
    Attendance,
    Event,
    EventKind,
    EventStatus,
    Invitation,
    InvitationChannel,
    TrainingModule,
    check_presence,
    tally,
    validate_event,
    validate_module,
)
from ambassadeur_app.domain.formatting import format_date, plural
from ambassadeur_app.domain.model import TimeEntry
from ambassadeur_app.domain.register import Professional, validate_professional
from ambassadeur_app.errors import AppError, InvalidInput
from ambassadeur_app.nomenclatures import professions
from ambassadeur_app.services.core import ShortIdWords, find_by_short_id

if TYPE_CHECKING:
    from ambassadeur_app.services.core import CarnetCore, Saved
    from ambassadeur_app.services.register import RegisterService

NO_STRUCTURE = "Sans structure"
_EVENT_WORDS = ShortIdWords("de l'événement", "Aucun événement", "Plusieurs événements", "evenements")


@dataclass(frozen=True)
class ParticipantCounts:
    """Distinct participants, by profession and by structure type (one person counts once in
    each type of the structures they practise in)."""

    total: int
    by_profession: dict[str, int]
    by_structure_type: dict[str, int]


@dataclass(frozen=True)
class WalkIn:
    """A walk-in recorded: the professional of the register, and whether it was created."""

    professional_id: str
    created: bool


class EventsService:
    """The operations on the events of one open carnet."""

    def __init__(self, core: CarnetCore, register: RegisterService) -> None:
        self.core = core
        self.register = register
        self.carnet = core.carnet

    # --- catalogue ----------------------------------------------------------------------------

    def module_ids(self) -> list[str]:
        return self.carnet.training_modules.ids()

    def modules(self, ids: Iterable[str]) -> dict[str, TrainingModule]:
        return self.carnet.training_modules.get_many(ids)

    def module(self, module_id: str) -> TrainingModule:
        found = self.carnet.training_modules.get(module_id)
        if found is None or not self.carnet.training_modules.is_live(module_id):
            raise AppError("Ce module n'existe plus dans le catalogue.")
        return found

    def save_module(self, module: TrainingModule) -> str:
        """Add (empty id) or update a module of the catalogue; return its id."""
        checked = validate_module(module)
        with self.carnet.write():
            if checked.id and self.carnet.training_modules.get(checked.id):
                self.carnet.training_modules.update(checked)
                return checked.id
            return self.carnet.training_modules.add(checked)

    def delete_module(self, module_id: str) -> None:
        """Take a module out of the catalogue.

        Raises:
            InvalidInput: training sessions refer to it.
        """
        using = self.carnet.events.using_module(module_id)
        if using:
            raise InvalidInput(
                f"Ce module est celui de {plural(len(using), 'session', 'sessions')} de formation du "
                "carnet : supprimez-les ou changez leur module d'abord."
            )
        with self.carnet.write():
            self.carnet.training_modules.delete([module_id])

    # --- events -------------------------------------------------------------------------------

    def event_ids(
        self,
        kind: EventKind | None = None,
        status: EventStatus | None = None,
        first: date | None = None,
        last: date | None = None,
        text: str = "",
    ) -> list[str]:
        """Return the live events matching the filters, by first day."""
        return self.carnet.events.ids(kind, status, first, last, text)

    def events(self, ids: Iterable[str]) -> dict[str, Event]:
        return self.carnet.events.get_many(ids)

    def event(self, event_id: str) -> Event:
        found = self.carnet.events.get(event_id)
        if found is None or not self.carnet.events.is_live(event_id):
            raise AppError("Cet événement n'existe plus dans le carnet.")
        return found

    def find_event(self, text: str) -> Event:
        """Return the event whose id is ``text`` or starts with it (the short id of the list).

        Raises:
            InvalidInput: no event, or several, start so.
        """
        return self.event(find_by_short_id(text, self.carnet.events.starting_with, _EVENT_WORDS))

    def save_event(self, event: Event) -> str:
        """Add (empty id) or update an event; return its id.

        Raises:
            InvalidInput: a field is wrong, an unknown module or organiser, or a removed or
                moved half-day that holds a presence.
        """
        checked = validate_event(event)
        if checked.module_id is not None:
            self.module(checked.module_id)
        known = self.core.ambassador_names()
        if unknown := [i for i in checked.organiser_ids if i not in known]:
            raise InvalidInput(
                f"Ambassadeur inconnu parmi les organisateurs : {', '.join(unknown)}.", "organisateurs"
            )
        before = self.carnet.events.get(checked.id) if checked.id else None
        if checked.id and before is None:
            raise AppError("Cet événement n'existe plus dans le carnet.")
        if checked.id and not self.carnet.events.is_live(checked.id):
            raise InvalidInput("Cet événement a été supprimé : restaurez-le avant de le modifier.")
        with self.carnet.write():
            if before is not None:
                self._fit_attendance(before, checked)
                self.carnet.events.update(checked)
                return checked.id
            return self.carnet.events.add(checked)

    def _fit_attendance(self, before: Event, event: Event) -> None:
        """Keep each presence mark with its half-day when an event's half-days change: an
        added half-day starts absent; a removed one must hold no presence."""
        if before.sessions == event.sessions:
            return
        for attendance in self.carnet.attendances.of_event(event.id):
            marks = dict(zip(before.sessions, attendance.present, strict=False))
            if gone := [s for s, here in marks.items() if here and s not in event.sessions]:
                raise InvalidInput(
                    f"Des présences sont notées à la demi-journée du {gone[0].label} : retirez-les "
                    "avant de supprimer ou de déplacer cette demi-journée.",
                    "demi-journées",
                )
            present = tuple(marks.get(session, False) for session in event.sessions)
            if present != attendance.present:
                self.carnet.attendances.update(replace(attendance, present=present))

    def delete_event(self, event_id: str) -> None:
        """Delete an event (undoable with ``restore_event``); its invitations and attendance stay
        in the file but no longer count.

        Raises:
            InvalidInput: quotes or invoices are linked to it (the money stays justified by its
                event: they are deleted or linked to another event first).
        """
        self.event(event_id)
        if linked := self.carnet.expenses.ids(event_id):
            raise InvalidInput(
                f"Cet événement a {plural(len(linked), 'dépense')} (devis ou factures) : supprimez-"
                f"{'les' if len(linked) > 1 else 'la'} ou rattachez-"
                f"{'les' if len(linked) > 1 else 'la'} à un autre événement avant de le supprimer."
            )
        with self.carnet.write():
            self.carnet.events.delete([event_id])

    def open_event(self, event_id: str, refused: str) -> Event:
        """Return a live event that is not cancelled (``refused``: what the message says is refused).

        Raises:
            InvalidInput: the event is cancelled.
        """
        event = self.event(event_id)
        if event.status is EventStatus.CANCELLED:
            raise InvalidInput(
                f"L'événement « {event.title} » est annulé : {refused}. S'il a eu lieu, "
                "changez d'abord son statut."
            )
        return event

    def restore_event(self, event_id: str) -> None:
        """Bring a deleted event back, and its training module if that was taken out of the
        catalogue since (a session never points to a deleted module)."""
        event = self.carnet.events.get(event_id)
        if event is None:
            raise AppError("Cet événement n'existe plus dans le carnet.")
        with self.carnet.write():
            self.carnet.events.restore([event_id])
            if event.module_id and not self.carnet.training_modules.is_live(event.module_id):
                self.carnet.training_modules.restore([event.module_id])

    def counts(self, event_ids: list[str]) -> dict[str, tuple[int, int]]:
        """Return, by event, the number of people invited and present (at one half-day at least)."""
        return self.carnet.events.counts(event_ids)

    # --- invitations --------------------------------------------------------------------------

    def invitations(self, event_id: str) -> list[Invitation]:
        return self.carnet.invitations.of_event(event_id)

    def invite(
        self,
        event_id: str,
        professional_ids: Iterable[str],
        invited_on: date,
        channel: InvitationChannel = InvitationChannel.EMAIL,
    ) -> list[str]:
        """Invite professionals of the register to an event; return those newly invited (a person
        already invited is not invited twice).

        Raises:
            AppError: the event or one of the professionals no longer exists.
        """
        self.event(event_id)
        check_year(invited_on.year, format_date(invited_on), "date d'invitation")
        wanted = list(dict.fromkeys(professional_ids))
        live = self.named_professionals(wanted)
        if missing := [p for p in wanted if p not in live]:
            raise AppError(
                f"{plural(len(missing), 'professionnel')} à inviter "
                + ("n'existe" if len(missing) == 1 else "n'existent")
                + " plus dans le registre."
            )
        already = {i.professional_id for i in self.invitations(event_id)}
        fresh = [p for p in wanted if p not in already]
        with self.carnet.write():
            self.carnet.invitations.add_many([Invitation(event_id, p, invited_on, channel) for p in fresh])
        return fresh

    def uninvite(self, event_id: str, professional_ids: Iterable[str]) -> None:
        """Withdraw invitations (their attendance, if any, stays)."""
        gone = set(professional_ids)
        ids = [i.id for i in self.invitations(event_id) if i.professional_id in gone]
        with self.carnet.write():
            self.carnet.invitations.delete(ids)

    # --- attendance ---------------------------------------------------------------------------

    def attendances(self, event_id: str) -> list[Attendance]:
        return self.carnet.attendances.of_event(event_id)

    def record_attendance(
        self, event_id: str, professional_id: str, present: tuple[bool, ...] | None = None
    ) -> str:
        """Record who came (``present``: per half-day, every one by default); the attendance of a
        person recorded before is replaced. A person who was not invited is a walk-in.

        Raises:
            InvalidInput: a presence for a wrong number of half-days, or a cancelled event.
        """
        event = self.open_event(event_id, "on n'y note pas de présence")
        marks = present if present is not None else (True,) * len(event.sessions)
        check_presence(marks, event)
        if not self.carnet.professionals.first_ids("id", [professional_id]):
            raise AppError("Ce professionnel n'existe plus dans le registre.")
        invited = any(i.professional_id == professional_id for i in self.invitations(event_id))
        previous = next((a for a in self.attendances(event_id) if a.professional_id == professional_id), None)
        with self.carnet.write():
            if previous is not None:
                self.carnet.attendances.update(replace(previous, present=marks, walk_in=not invited))
                return previous.id
            return self.carnet.attendances.add(Attendance(event_id, professional_id, marks, not invited))

    def remove_attendance(self, event_id: str, professional_id: str) -> None:
        ids = [a.id for a in self.attendances(event_id) if a.professional_id == professional_id]
        with self.carnet.write():
            self.carnet.attendances.delete(ids)

    def add_walk_in(
        self, event_id: str, professional: Professional, present: tuple[bool, ...] | None = None
    ) -> WalkIn:
        """Record a person who came: matched to the register's professional who is this person
        (same RPPS, or same name, profession group and commune: ``RegisterService.duplicates_of``)
        or created in it, in one transaction.

        Raises:
            InvalidInput: a field of the person, or the presence, is wrong (nothing written).
        """
        self.open_event(event_id, "on n'y note pas de présence")
        checked = validate_professional(replace(professional, id=""), professions())
        same = self.register.duplicates_of(checked)
        with self.carnet.write():
            professional_id = same[0].id if same else self.register.save_professional(checked)
            self.record_attendance(event_id, professional_id, present)
        return WalkIn(professional_id, not same)

    # --- counts -------------------------------------------------------------------------------

    def participant_counts(self, event_ids: list[str] | None = None) -> ParticipantCounts:
        """Count the distinct participants of live events (``event_ids``, or all of them)."""
        return self._counts(self.carnet.attendances.participants(event_ids))

    def _counts(self, people_ids: list[str]) -> ParticipantCounts:
        people = self.register.professionals(people_ids).values()
        labels = {code: profession.label for code, profession in professions().items()}
        structures = self.register.structures({s for p in people for s in p.structure_ids})
        return ParticipantCounts(
            total=len(people),
            by_profession=tally([[labels.get(p.profession_code, p.profession_code)] for p in people], ""),
            by_structure_type=tally(
                [[structures[s].type.label for s in p.structure_ids if s in structures] for p in people],
                NO_STRUCTURE,
            ),
        )

    def trained_ids(self) -> list[str]:
        """Return the professionals trained: distinct attendees of the training sessions held."""
        return self.carnet.attendances.participants(kind=EventKind.TRAINING, status=EventStatus.DONE)

    def trained_count(self) -> int:
        return len(self.trained_ids())

    # --- time ---------------------------------------------------------------------------------

    def log_time(self, event_id: str, entry: TimeEntry) -> Saved:
        """Log carnet time spent on an event (preparing or running it), through the core's rules
        (closed month, 24 h a day...), in one transaction.

        Raises:
            InvalidInput, MonthClosed: the entry is refused (nothing written).
        """
        self.event(event_id)
        with self.carnet.write():
            saved = self.core.add_entry(entry)
            self.carnet.event_time.link(saved.entry_id, event_id)
        return saved

    def time_entry_ids(self, event_id: str) -> list[str]:
        return self.carnet.event_time.entry_ids(event_id)

    def named_professionals(self, professional_ids: Iterable[str]) -> dict[str, Professional]:
        """Return those of these professionals still in the register with their identity: nobody
        removed from it or erased on request is invited or printed on a sheet."""
        live = self.carnet.professionals.first_ids("id", professional_ids)
        return {k: p for k, p in self.register.professionals(live).items() if not p.anonymized}

    # --- documents ----------------------------------------------------------------------------

    def write_sign_in_sheet(self, event_id: str, out: Path, blank_rows: int = 10) -> Path:
        """Write the event's sign-in sheet (PDF): its invitees by name, ``blank_rows`` for walk-ins."""
        from ambassadeur_app.reports.attendance import build_sign_in_sheet, write_pdf

        event = self.open_event(event_id, "sa feuille d'émargement ne s'imprime pas")
        people = self.named_professionals(i.professional_id for i in self.invitations(event_id))
        structures = self.register.structures({s for p in people.values() for s in p.structure_ids})
        sheet = build_sign_in_sheet(
            self.core.programme(), event, list(people.values()), structures, professions(), blank_rows
        )
        return write_pdf(sheet, out)

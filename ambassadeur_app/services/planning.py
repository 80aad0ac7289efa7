"""The rétroplanning and the journal: planned actions and what carried them out, late actions,
the journal's notes, the pertinence text and the key figures of the retour d'expérience.

``PlanningService`` works on the carnet of a ``CarnetCore`` (``core.py``) and on the events
(``events.py``, with the register behind them): a link points to an event, an entry, a
professional or a structure that is in the carnet when it is made; what it shows follows the
target (a target deleted since is shown as such, never silently dropped).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from ambassadeur_app.domain.events import EventKind, EventStatus
from ambassadeur_app.domain.formatting import format_date, format_euros, format_hours, plural
from ambassadeur_app.domain.journal import JournalNote, NoteTag, validate_note
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.planning import (
    Link,
    LinkKind,
    LinkView,
    PlannedAction,
    days_late,
    validate_action,
)
from ambassadeur_app.domain.register import RegisterFilter
from ambassadeur_app.errors import AppError, InvalidInput

if TYPE_CHECKING:
    from ambassadeur_app.services.core import CarnetCore
    from ambassadeur_app.services.events import EventsService

PERTINENCE = "pertinence"
_GONE = {
    LinkKind.EVENT: "Cet événement n'existe plus dans le carnet.",
    LinkKind.ENTRY: "Cette entrée n'existe plus dans le carnet.",
    LinkKind.PROFESSIONAL: "Ce professionnel n'est plus dans le registre.",
    LinkKind.STRUCTURE: "Cette structure n'est plus dans le registre.",
}


@dataclass(frozen=True)
class KeyFigure:
    """One line of the key figures of the period: its label and its value as shown."""

    label: str
    value: str


class PlanningService:
    """The rétroplanning and the journal of one open carnet."""

    def __init__(self, core: CarnetCore, events: EventsService) -> None:
        self.core = core
        self.events = events
        self.carnet = core.carnet

    # --- actions ------------------------------------------------------------------------------

    def action_ids(self) -> list[str]:
        """Return the live actions, by planned start."""
        return self.carnet.actions.ids()

    def actions(self, ids: Iterable[str]) -> dict[str, PlannedAction]:
        return self.carnet.actions.get_many(ids)

    def action(self, action_id: str) -> PlannedAction:
        found = self.carnet.actions.get(action_id)
        if found is None or not self.carnet.actions.is_live(action_id):
            raise AppError("Cette action n'existe plus dans le rétroplanning.")
        return found

    def save_action(self, action: PlannedAction) -> str:
        """Add (empty id) or update an action; return its id.

        Raises:
            InvalidInput: a field is wrong, an unknown ambassador, or a new link to something
                no longer in the carnet (nothing written).
        """
        checked = validate_action(action, self.core.today())
        if checked.ambassador_id and checked.ambassador_id not in self.core.ambassador_names():
            raise InvalidInput("Cet ambassadeur n'existe pas dans le carnet.", "responsable")
        before = self.action(checked.id).links if checked.id else ()
        self._check_new_links(checked.links, before)
        with self.carnet.write():
            if checked.id:
                self.carnet.actions.update(checked)
                return checked.id
            return self.carnet.actions.add(checked)

    def delete_action(self, action_id: str) -> None:
        """Delete an action (undoable with ``restore_action``)."""
        self.action(action_id)
        with self.carnet.write():
            self.carnet.actions.delete([action_id])

    def restore_action(self, action_id: str) -> None:
        if self.carnet.actions.get(action_id) is None:
            raise AppError("Cette action n'existe plus dans le rétroplanning.")
        with self.carnet.write():
            self.carnet.actions.restore([action_id])

    def link_action(self, action_id: str, link: Link) -> None:
        """Link an action to an event or an entry that carried it out (once)."""
        action = self.action(action_id)
        self.save_action(replace(action, links=(*action.links, link)))

    def unlink_action(self, action_id: str, link: Link) -> None:
        action = self.action(action_id)
        self.save_action(replace(action, links=tuple(k for k in action.links if k != link)))

    def late_actions(self, today: date | None = None) -> list[PlannedAction]:
        """Return the live actions late on ``today`` (the service's today by default), by
        planned start: not done after their planned end, or done after it."""
        day = today or self.core.today()
        ids = self.action_ids()
        found = self.actions(ids)
        return [found[i] for i in ids if days_late(found[i], day)]

    # --- links --------------------------------------------------------------------------------

    def _check_new_links(self, links: Iterable[Link], before: Iterable[Link]) -> None:
        """Refuse a new link to a target not (or no longer) in the carnet; a link made earlier
        to a target deleted since is kept."""
        kept = set(before)
        for link in links:
            if link in kept:
                continue
            repo = {
                LinkKind.EVENT: self.carnet.events,
                LinkKind.ENTRY: self.carnet.entries,
                LinkKind.PROFESSIONAL: self.carnet.professionals,
                LinkKind.STRUCTURE: self.carnet.structures,
            }[link.kind]
            if not repo.is_live(link.target_id):
                raise InvalidInput(_GONE[link.kind], "liens")
            if link.kind is LinkKind.PROFESSIONAL:
                person = self.carnet.professionals.get(link.target_id)
                if person is None or person.anonymized:
                    raise InvalidInput("Cette personne a été effacée du registre.", "liens")

    def link_views(self, links: Iterable[Link]) -> list[LinkView]:
        """Return what each link shows: an event's title and first day, an entry's day, duration
        and description, a professional's or a structure's name; a target deleted since is
        marked so."""
        wanted = list(links)
        ids = {kind: [k.target_id for k in wanted if k.kind is kind] for kind in LinkKind}
        texts: dict[Link, LinkView] = {}
        for event_id, event in self.events.events(ids[LinkKind.EVENT]).items():
            link = Link(LinkKind.EVENT, event_id)
            text = f"{event.title} ({format_date(event.first_day)})"
            texts[link] = LinkView(link, text, self.carnet.events.is_live(event_id))
        for entry_id, entry in self.core.entries(ids[LinkKind.ENTRY]).items():
            link = Link(LinkKind.ENTRY, entry_id)
            what = entry.description or entry.activity
            text = f"{format_date(entry.day)}, {format_hours(entry.minutes)} — {what}"
            texts[link] = LinkView(link, text, self.carnet.entries.is_live(entry_id))
        register = self.events.register
        for person_id, person in register.professionals(ids[LinkKind.PROFESSIONAL]).items():
            link = Link(LinkKind.PROFESSIONAL, person_id)
            texts[link] = LinkView(link, person.full_name, self.carnet.professionals.is_live(person_id))
        for structure_id, structure in register.structures(ids[LinkKind.STRUCTURE]).items():
            link = Link(LinkKind.STRUCTURE, structure_id)
            texts[link] = LinkView(link, structure.name, self.carnet.structures.is_live(structure_id))
        return [texts.get(link, LinkView(link, "introuvable", live=False)) for link in wanted]

    # --- journal ------------------------------------------------------------------------------

    def note_ids(
        self, tag: NoteTag | None = None, first: date | None = None, last: date | None = None
    ) -> list[str]:
        return self.carnet.notes.ids(tag, first, last)

    def notes(
        self, tag: NoteTag | None = None, first: date | None = None, last: date | None = None
    ) -> list[JournalNote]:
        """Return the live notes of a tag and a period (each optional), by day."""
        ids = self.note_ids(tag, first, last)
        found = self.carnet.notes.get_many(ids)
        return [found[i] for i in ids]

    def note(self, note_id: str) -> JournalNote:
        found = self.carnet.notes.get(note_id)
        if found is None or not self.carnet.notes.is_live(note_id):
            raise AppError("Cette note n'existe plus dans le journal.")
        return found

    def save_note(self, note: JournalNote) -> str:
        """Add (empty id) or update a note of the journal; return its id.

        Raises:
            InvalidInput: a field is wrong, or a new link to something no longer in the carnet.
        """
        checked = validate_note(note)
        before = self.note(checked.id).links if checked.id else ()
        self._check_new_links(checked.links, before)
        with self.carnet.write():
            if checked.id:
                self.carnet.notes.update(checked)
                return checked.id
            return self.carnet.notes.add(checked)

    def delete_note(self, note_id: str) -> None:
        """Delete a note (undoable with ``restore_note``)."""
        self.note(note_id)
        with self.carnet.write():
            self.carnet.notes.delete([note_id])

    def restore_note(self, note_id: str) -> None:
        if self.carnet.notes.get(note_id) is None:
            raise AppError("Cette note n'existe plus dans le journal.")
        with self.carnet.write():
            self.carnet.notes.restore([note_id])

    # --- retour d'expérience ------------------------------------------------------------------

    def pertinence(self) -> str:
        """Return the binôme's text on the pertinence of renewing or generalising the experiment."""
        return self.carnet.rex_texts.get(PERTINENCE)

    def save_pertinence(self, text: str) -> None:
        with self.carnet.write():
            self.carnet.rex_texts.save(PERTINENCE, text.strip())

    def key_figures(self) -> list[KeyFigure]:
        """Return the key figures of the experiment's period: hours per mission, the amounts
        funded, the professionals contacted and trained, the events held.

        A small list on purpose: the indicators (``service.indicators``) will enrich it."""
        programme = self.core.programme()
        first, last = programme.start_date, programme.end_date
        entries = self.carnet.entries
        figures = [
            KeyFigure(
                f"Heures — {mission.label}", format_hours(entries.minutes_between(first, last, (mission,)))
            )
            for mission in Mission
        ]
        figures.append(
            KeyFigure("Forfait horaire : montant financé", format_euros(self.core.progress().claimed_cents))
        )
        contacted = self.carnet.professionals.ids(
            RegisterFilter(first_day=first, last_day=last), [], include_erased=True
        )
        held = self.events.events(self.events.event_ids(status=EventStatus.DONE, first=first, last=last))
        promotional = [e for e in held.values() if e.kind is not EventKind.TRAINING]
        open_to_all = sum(1 for e in promotional if e.open_to_departement)
        figures += [
            KeyFigure("Professionnels contactés", str(len(contacted))),
            KeyFigure("Professionnels formés", str(self.events.trained_count())),
            KeyFigure(
                "Ateliers et événements réalisés",
                f"{len(promotional)} (dont {plural(open_to_all, 'ouvert', 'ouverts')} à tout le département)",
            ),
            KeyFigure("Sessions de formation réalisées", str(len(held) - len(promotional))),
        ]
        return figures

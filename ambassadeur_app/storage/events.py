"""Events, the training catalogue, invitations, attendance, and the carnet time linked to events.

An event's half-days, speakers and organisers are held in JSON columns of its row: they are
read and written with the event, and the two laptops of a binôme merge an event as one record.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date, time
from typing import Any

from ambassadeur_app.domain.events import (
    Attendance,
    Event,
    EventKind,
    EventStatus,
    Invitation,
    InvitationChannel,
    NationalService,
    Session,
    TrainingModule,
)
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.text import fold
from ambassadeur_app.storage.records import Repo, days_sql, words_sql

_EVENT_COLUMNS = (
    "id, kind, mission, title, sessions, place, online, link, open_to_departement, agenda, speakers, "
    "pulsy_trainer, organiser_ids, status, module_id"
)
_MODULE_COLUMNS = "id, title, minutes, objectives, audience, content, services"


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values) or "NULL"


def _event(row: dict[str, Any]) -> Event:
    return Event(
        id=row["id"],
        kind=EventKind(row["kind"]),
        mission=Mission(row["mission"]),
        title=row["title"],
        sessions=tuple(
            Session(date.fromisoformat(day), time.fromisoformat(start), time.fromisoformat(end))
            for day, start, end in json.loads(row["sessions"])
        ),
        place=row["place"],
        online=bool(row["online"]),
        link=row["link"],
        open_to_departement=bool(row["open_to_departement"]),
        agenda=row["agenda"],
        speakers=tuple(json.loads(row["speakers"])),
        pulsy_trainer=bool(row["pulsy_trainer"]),
        organiser_ids=tuple(json.loads(row["organiser_ids"])),
        status=EventStatus(row["status"]),
        module_id=row["module_id"],
    )


def _event_values(event: Event) -> dict[str, Any]:
    sessions = [[s.day.isoformat(), f"{s.start:%H:%M}", f"{s.end:%H:%M}"] for s in event.sessions]
    return {
        "kind": event.kind.value,
        "mission": event.mission.value,
        "title": event.title,
        "sessions": json.dumps(sessions),
        "first_day": event.first_day.isoformat(),
        "place": event.place,
        "online": int(event.online),
        "link": event.link,
        "open_to_departement": int(event.open_to_departement),
        "agenda": event.agenda,
        "speakers": json.dumps(list(event.speakers), ensure_ascii=False),
        "pulsy_trainer": int(event.pulsy_trainer),
        "organiser_ids": json.dumps(list(event.organiser_ids)),
        "status": event.status.value,
        "module_id": event.module_id,
        "search": fold(f"{event.title} {event.place} {' '.join(event.speakers)}"),
    }


class EventRepo(Repo):
    table = "events"

    def ids(
        self,
        kind: EventKind | None = None,
        status: EventStatus | None = None,
        first: date | None = None,
        last: date | None = None,
        text: str = "",
    ) -> list[str]:
        """Return the ids of the live events matching the filters, by first day then title."""
        clauses, params = days_sql("first_day", first, last)
        words, values = words_sql("search", text)
        clauses += [*words, "deleted_at IS NULL"]
        params += values
        if kind is not None:
            clauses.append("kind = ?")
            params.append(kind.value)
        if status is not None:
            clauses.append("status = ?")
            params.append(status.value)
        order = "first_day, title COLLATE NOCASE, id"
        sql = f"SELECT id FROM events WHERE {' AND '.join(clauses)} ORDER BY {order}"
        return [row[0] for row in self.db.execute(sql, params).fetchall()]

    def get_many(self, ids: Iterable[str]) -> dict[str, Event]:
        """Return the events with these ids (deleted ones included), by id."""
        return {row["id"]: _event(row) for row in self._by_ids(_EVENT_COLUMNS, ids)}

    def get(self, event_id: str) -> Event | None:
        return self.get_many([event_id]).get(event_id)

    def add(self, event: Event) -> str:
        return self._insert(_event_values(event), event.id or None)

    def update(self, event: Event) -> None:
        self._update(event.id, _event_values(event))

    def rewrite_linked_texts(self, professional_id: str, rewrite: Callable[[str], str]) -> int:
        """Pass the texts of the events a person was invited to or attended (title, place,
        agenda, speakers) through ``rewrite``; return the events changed (erasure on request)."""
        linked = [
            row[0]
            for row in self.db.execute(
                "SELECT event_id FROM event_invitations WHERE professional_id = ?1 "
                "UNION SELECT event_id FROM event_attendances WHERE professional_id = ?1",
                [professional_id],
            ).fetchall()
        ]
        changed = 0
        for event in self.get_many(linked).values():
            new = replace(
                event,
                title=rewrite(event.title),
                place=rewrite(event.place),
                agenda=rewrite(event.agenda),
                speakers=tuple(rewrite(speaker) for speaker in event.speakers),
            )
            if new != event:
                self.update(new)
                changed += 1
        return changed

    def using_module(self, module_id: str) -> list[str]:
        return [
            row[0]
            for row in self.db.execute(
                "SELECT id FROM events WHERE deleted_at IS NULL AND module_id = ?", [module_id]
            ).fetchall()
        ]

    def counts(self, event_ids: Sequence[str]) -> dict[str, tuple[int, int]]:
        """Return, by event, the live invitations and the people present at one half-day at least
        (people removed from the register no longer count)."""
        found = {event_id: (0, 0) for event_id in event_ids}
        for start in range(0, len(event_ids), 500):
            chunk = list(event_ids[start : start + 500])
            for event_id, invited, present in self.db.execute(
                "SELECT e.id, "
                "(SELECT COUNT(*) FROM event_invitations i JOIN professionals p ON p.id = i.professional_id "
                "WHERE i.event_id = e.id AND i.deleted_at IS NULL AND p.deleted_at IS NULL), "
                "(SELECT COUNT(*) FROM event_attendances a JOIN professionals p ON p.id = a.professional_id "
                "WHERE a.event_id = e.id AND a.deleted_at IS NULL AND p.deleted_at IS NULL "
                "AND instr(a.present, '1') > 0) "
                f"FROM events e WHERE e.id IN ({_marks(chunk)})",
                chunk,
            ).fetchall():
                found[event_id] = (int(invited), int(present))
        return found


class TrainingModuleRepo(Repo):
    table = "training_modules"

    def ids(self) -> list[str]:
        """Return the ids of the live modules of the catalogue, by title."""
        return [
            row[0]
            for row in self.db.execute(
                "SELECT id FROM training_modules WHERE deleted_at IS NULL ORDER BY title COLLATE NOCASE, id"
            ).fetchall()
        ]

    def get_many(self, ids: Iterable[str]) -> dict[str, TrainingModule]:
        return {
            row["id"]: TrainingModule(
                id=row["id"],
                title=row["title"],
                minutes=row["minutes"],
                objectives=row["objectives"],
                audience=row["audience"],
                content=row["content"],
                services=frozenset(NationalService(s) for s in json.loads(row["services"])),
            )
            for row in self._by_ids(_MODULE_COLUMNS, ids)
        }

    def get(self, module_id: str) -> TrainingModule | None:
        return self.get_many([module_id]).get(module_id)

    def add(self, module: TrainingModule) -> str:
        return self._insert(self._values(module), module.id or None)

    def update(self, module: TrainingModule) -> None:
        self._update(module.id, self._values(module))

    @staticmethod
    def _values(module: TrainingModule) -> dict[str, Any]:
        services = [s.value for s in NationalService if s in module.services]  # in the list's order
        return {
            "title": module.title,
            "minutes": module.minutes,
            "objectives": module.objectives,
            "audience": module.audience,
            "content": module.content,
            "services": json.dumps(services),
        }


def _invitation(row: dict[str, Any]) -> Invitation:
    return Invitation(
        id=row["id"],
        event_id=row["event_id"],
        professional_id=row["professional_id"],
        invited_on=date.fromisoformat(row["invited_on"]),
        channel=InvitationChannel(row["channel"]),
    )


class InvitationRepo(Repo):
    table = "event_invitations"

    def of_event(self, event_id: str) -> list[Invitation]:
        """Return the live invitations of an event, in the order they were recorded."""
        return [
            _invitation(row)
            for row in self.db.query(
                "SELECT id, event_id, professional_id, invited_on, channel FROM event_invitations "
                "WHERE event_id = ? AND deleted_at IS NULL ORDER BY created_at, rowid",
                [event_id],
            )
        ]

    def of_professional(self, professional_id: str) -> dict[str, Invitation]:
        """Return the live invitations of a professional, by event id."""
        return {
            row["event_id"]: _invitation(row)
            for row in self.db.query(
                "SELECT id, event_id, professional_id, invited_on, channel FROM event_invitations "
                "WHERE professional_id = ? AND deleted_at IS NULL",
                [professional_id],
            )
        }

    def add_many(self, invitations: Sequence[Invitation]) -> list[str]:
        return self._insert_many(
            [
                {
                    "event_id": i.event_id,
                    "professional_id": i.professional_id,
                    "invited_on": i.invited_on.isoformat(),
                    "channel": i.channel.value,
                }
                for i in invitations
            ]
        )


def _attendance(row: dict[str, Any]) -> Attendance:
    return Attendance(
        id=row["id"],
        event_id=row["event_id"],
        professional_id=row["professional_id"],
        present=tuple(flag == "1" for flag in row["present"]),
        walk_in=bool(row["walk_in"]),
    )


class AttendanceRepo(Repo):
    table = "event_attendances"

    def of_event(self, event_id: str) -> list[Attendance]:
        """Return the live attendance records of an event, in the order they were recorded."""
        return [
            _attendance(row)
            for row in self.db.query(
                "SELECT id, event_id, professional_id, present, walk_in FROM event_attendances "
                "WHERE event_id = ? AND deleted_at IS NULL ORDER BY created_at, rowid",
                [event_id],
            )
        ]

    def of_professional(self, professional_id: str) -> dict[str, Attendance]:
        """Return the live attendance records of a professional: {event id: record}."""
        return {
            row["event_id"]: _attendance(row)
            for row in self.db.query(
                "SELECT id, event_id, professional_id, present, walk_in FROM event_attendances "
                "WHERE professional_id = ? AND deleted_at IS NULL",
                [professional_id],
            )
        }

    def add(self, attendance: Attendance) -> str:
        return self._insert(self._values(attendance))

    def update(self, attendance: Attendance) -> None:
        self._update(attendance.id, self._values(attendance))

    @staticmethod
    def _values(attendance: Attendance) -> dict[str, Any]:
        return {
            "event_id": attendance.event_id,
            "professional_id": attendance.professional_id,
            "present": "".join("1" if flag else "0" for flag in attendance.present),
            "walk_in": int(attendance.walk_in),
        }

    def participants(
        self,
        event_ids: Sequence[str] | None = None,
        kind: EventKind | None = None,
        status: EventStatus | None = None,
    ) -> list[str]:
        """Return the distinct professionals present at one half-day at least of the live events
        (those of ``event_ids``, of a ``kind``, of a ``status``)."""
        clauses = [
            "a.deleted_at IS NULL",
            "e.deleted_at IS NULL",
            "p.deleted_at IS NULL",
            "instr(a.present, '1') > 0",
        ]
        params: list[Any] = []
        if event_ids is not None:
            clauses.append(f"a.event_id IN ({_marks(event_ids)})")
            params += event_ids
        if kind is not None:
            clauses.append("e.kind = ?")
            params.append(kind.value)
        if status is not None:
            clauses.append("e.status = ?")
            params.append(status.value)
        return [
            row[0]
            for row in self.db.execute(
                "SELECT DISTINCT a.professional_id FROM event_attendances a "
                "JOIN events e ON e.id = a.event_id JOIN professionals p ON p.id = a.professional_id "
                f"WHERE {' AND '.join(clauses)}",
                params,
            ).fetchall()
        ]


class EventTimeRepo(Repo):
    """The link from the carnet's time entries to the event they were spent on."""

    table = "time_entries"

    def link(self, entry_id: str, event_id: str | None) -> None:
        self._update(entry_id, {"event_id": event_id})

    def entry_ids(self, event_id: str) -> list[str]:
        """Return the live entries logged to an event, by day."""
        return [
            row[0]
            for row in self.db.execute(
                "SELECT id FROM time_entries WHERE event_id = ? AND deleted_at IS NULL "
                "ORDER BY day, start_time, created_at",
                [event_id],
            ).fetchall()
        ]

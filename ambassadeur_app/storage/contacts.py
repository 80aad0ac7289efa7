"""Contacts (interactions) and solicitations (requests received) of the register."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from ambassadeur_app.domain.dates import utc_now_iso
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.register import (
    Channel,
    Contact,
    RegisterFilter,
    RequestCategory,
    RequestStatus,
    Solicitation,
)
from ambassadeur_app.storage.records import Conditions, Repo, days_sql, words_sql


def contacted_sql(where: RegisterFilter, source: str, link: str) -> Conditions:
    """When ``where`` names an ambassador or days: keep the records with a live contact made by
    that ambassador on those days, reached through ``source`` (which names the contact ``c``)."""
    if not (where.ambassador_id or where.first_day or where.last_day):
        return [], []
    conditions, params = days_sql("c.day", where.first_day, where.last_day)
    if where.ambassador_id:
        conditions.append("c.ambassador_id = ?")
        params.append(where.ambassador_id)
    conditions.append("c.deleted_at IS NULL")
    return [f"EXISTS (SELECT 1 FROM {source} WHERE {link} AND {' AND '.join(conditions)})"], params


_CONTACT_COLUMNS = (
    "id, day, ambassador_id, channel, mission, subject, structure_id, outcome, next_step, next_step_due, "
    "next_step_done, time_entry_id"
)


def _contact(row: dict[str, Any], professionals: tuple[str, ...]) -> Contact:
    return Contact(
        id=row["id"],
        day=date.fromisoformat(row["day"]),
        ambassador_id=row["ambassador_id"],
        channel=Channel(row["channel"]),
        mission=Mission(row["mission"]),
        subject=row["subject"],
        professional_ids=professionals,
        structure_id=row["structure_id"],
        outcome=row["outcome"],
        next_step=row["next_step"],
        next_step_due=date.fromisoformat(row["next_step_due"]) if row["next_step_due"] else None,
        next_step_done=bool(row["next_step_done"]),
        time_entry_id=row["time_entry_id"],
    )


class ContactRepo(Repo):
    table = "contacts"

    def add(self, contact: Contact) -> str:
        contact_id = self._insert(self._values(contact), contact.id or None)
        self._link(contact_id, contact.professional_ids)
        return contact_id

    def update(self, contact: Contact) -> None:
        self._update(contact.id, self._values(contact))
        now = utc_now_iso()
        self.db.execute(
            "UPDATE contact_professionals SET deleted_at = ?, updated_at = ?, device_id = ? "
            "WHERE contact_id = ? AND deleted_at IS NULL",
            [now, now, self.device_id, contact.id],
        )
        self._link(contact.id, contact.professional_ids)

    def _values(self, contact: Contact) -> dict[str, Any]:
        return {
            "day": contact.day.isoformat(),
            "ambassador_id": contact.ambassador_id,
            "channel": contact.channel.value,
            "mission": contact.mission.value,
            "subject": contact.subject.strip(),
            "structure_id": contact.structure_id,
            "outcome": contact.outcome.strip(),
            "next_step": contact.next_step.strip(),
            "next_step_due": contact.next_step_due.isoformat() if contact.next_step_due else None,
            "next_step_done": int(contact.next_step_done),
            "time_entry_id": contact.time_entry_id,
        }

    def _link(self, contact_id: str, professional_ids: Iterable[str]) -> None:
        links = _ContactLinkRepo(self.db, self.device_id)
        for professional_id in dict.fromkeys(professional_ids):
            links.link(contact_id, professional_id)

    def get_many(self, ids: Iterable[str]) -> dict[str, Contact]:
        rows = list(self._by_ids(_CONTACT_COLUMNS, ids))
        people: dict[str, list[str]] = {}
        wanted = [row["id"] for row in rows]
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            for contact, professional in self.db.execute(
                "SELECT contact_id, professional_id FROM contact_professionals "
                f"WHERE deleted_at IS NULL AND contact_id IN ({marks}) ORDER BY created_at",
                chunk,
            ).fetchall():
                people.setdefault(contact, []).append(professional)
        return {row["id"]: _contact(row, tuple(people.get(row["id"], ()))) for row in rows}

    def get(self, contact_id: str) -> Contact | None:
        return self.get_many([contact_id]).get(contact_id)

    def ids(
        self,
        first: date | None = None,
        last: date | None = None,
        professional_id: str | None = None,
        structure_id: str | None = None,
        ambassador_id: str | None = None,
    ) -> list[str]:
        """Return contact ids, newest first."""
        clauses, params = days_sql("c.day", first, last)
        clauses.append("c.deleted_at IS NULL")
        if professional_id:
            clauses.append(
                "EXISTS (SELECT 1 FROM contact_professionals cp WHERE cp.contact_id = c.id "
                "AND cp.deleted_at IS NULL AND cp.professional_id = ?)"
            )
            params.append(professional_id)
        if structure_id:
            clauses.append("c.structure_id = ?")
            params.append(structure_id)
        if ambassador_id:
            clauses.append("c.ambassador_id = ?")
            params.append(ambassador_id)
        where = " AND ".join(clauses)
        sql = f"SELECT c.id FROM contacts c WHERE {where} ORDER BY c.day DESC, c.created_at DESC"
        return [row[0] for row in self.db.execute(sql, params).fetchall()]

    def due(self, until: date) -> list[str]:
        """Return the contacts whose next step is due by ``until`` and not done, oldest due first
        (then oldest contact first)."""
        return [
            row[0]
            for row in self.db.execute(
                # NOT INDEXED: one pass over the file, not the day index and a lookup per contact
                # (which the partial index on live rows tempts SQLite into): six times faster.
                "SELECT id FROM contacts NOT INDEXED WHERE deleted_at IS NULL AND next_step_done = 0 "
                "AND next_step_due IS NOT NULL AND next_step_due <= ? "
                "ORDER BY next_step_due, day, created_at, id",
                [until.isoformat()],
            ).fetchall()
        ]

    def last_contacts(self, before: date | None = None) -> dict[str, date]:
        """Return each contacted professional's last contact day, oldest first; with ``before``,
        only those whose last contact came before that day. Erased and deleted people are left out."""
        having, params = ("HAVING MAX(c.day) < ?", [before.isoformat()]) if before else ("", [])
        # One pass over the contacts in file order, each reaching its people through the index
        # on contact_id, then the people of the few groups kept: left to itself, SQLite walks
        # the day index and looks every contact up by its UUID, three times slower.
        return {
            professional: date.fromisoformat(day)
            for professional, day in self.db.execute(
                "SELECT l.professional_id, l.last_day FROM ("
                "SELECT cp.professional_id, MAX(c.day) AS last_day FROM contacts c NOT INDEXED "
                "CROSS JOIN contact_professionals cp ON cp.contact_id = c.id "
                "WHERE cp.deleted_at IS NULL AND c.deleted_at IS NULL "
                f"GROUP BY cp.professional_id {having}) l "
                "CROSS JOIN professionals p ON p.id = l.professional_id "
                "WHERE p.deleted_at IS NULL AND p.anonymized_at IS NULL "
                "ORDER BY l.last_day, p.name_key, p.id",  # the register's order: « Émile » among the E
                params,
            ).fetchall()
        }

    def move_professional(self, from_professional: str, to_professional: str) -> None:
        """Give one professional's contacts to another (merging duplicates)."""
        _ContactLinkRepo(self.db, self.device_id).reassign(
            "professional_id", from_professional, to_professional
        )


class _ContactLinkRepo(Repo):
    table = "contact_professionals"

    def link(self, contact_id: str, professional_id: str) -> str:
        return self._insert({"contact_id": contact_id, "professional_id": professional_id})


_REQUEST_COLUMNS = (
    "id, received_at, channel, category, description, professional_id, structure_id, requester, status, "
    "answered_at, answered_by, resolution"
)


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _solicitation(row: dict[str, Any]) -> Solicitation:
    received = _moment(row["received_at"])
    assert received is not None
    return Solicitation(
        id=row["id"],
        received_at=received,
        channel=Channel(row["channel"]),
        category=RequestCategory(row["category"]),
        description=row["description"],
        professional_id=row["professional_id"],
        structure_id=row["structure_id"],
        requester=row["requester"],
        status=RequestStatus(row["status"]),
        answered_at=_moment(row["answered_at"]),
        answered_by=row["answered_by"],
        resolution=row["resolution"],
    )


class SolicitationRepo(Repo):
    table = "solicitations"

    def _values(self, request: Solicitation) -> dict[str, Any]:
        return {
            "received_at": request.received_at.isoformat(timespec="minutes"),
            "channel": request.channel.value,
            "category": request.category.value,
            "description": request.description.strip(),
            "professional_id": request.professional_id,
            "structure_id": request.structure_id,
            "requester": request.requester.strip(),
            "status": request.status.value,
            "answered_at": request.answered_at.isoformat(timespec="minutes") if request.answered_at else None,
            "answered_by": request.answered_by,
            "resolution": request.resolution.strip(),
        }

    def add(self, request: Solicitation) -> str:
        return self._insert(self._values(request), request.id or None)

    def update(self, request: Solicitation) -> None:
        self._update(request.id, self._values(request))

    def get_many(self, ids: Iterable[str]) -> dict[str, Solicitation]:
        return {row["id"]: _solicitation(row) for row in self._by_ids(_REQUEST_COLUMNS, ids)}

    def get(self, request_id: str) -> Solicitation | None:
        return self.get_many([request_id]).get(request_id)

    def ids(
        self,
        open_first: bool = True,
        status: RequestStatus | None = None,
        professional_id: str | None = None,
        structure_id: str | None = None,
        first: date | None = None,
        last: date | None = None,
        text: str = "",
        unanswered: bool | None = None,
    ) -> list[str]:
        """Return request ids: unanswered first (oldest first), then answered (newest first)."""
        clauses, params = words_sql("fold(description || ' ' || requester)", text)
        clauses.append("deleted_at IS NULL")
        if unanswered is not None:
            clauses.append(
                "status NOT IN ('repondue', 'close')" if unanswered else "status IN ('repondue', 'close')"
            )
        if status is not None:
            clauses.append("status = ?")
            params.append(status.value)
        if professional_id:
            clauses.append("professional_id = ?")
            params.append(professional_id)
        if structure_id:
            clauses.append("structure_id = ?")
            params.append(structure_id)
        days, values = days_sql("received_at", first, last)
        clauses += days
        params += values
        answered = "status IN ('repondue', 'close')"
        order = (
            f"{answered}, CASE WHEN {answered} THEN NULL ELSE received_at END, received_at DESC"
            if open_first
            else "received_at"
        )
        sql = f"SELECT id FROM solicitations WHERE {' AND '.join(clauses)} ORDER BY {order}"
        return [row[0] for row in self.db.execute(sql, params).fetchall()]

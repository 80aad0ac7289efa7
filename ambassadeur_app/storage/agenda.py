"""What the agenda import decided for each agenda event (``agenda_items``).

An occurrence is known by its ambassador, ``uid`` and ``recurrence_id``; its ``fingerprint``
(start, duration, title, place as imported) tells an event moved since. Accepted ones point at
the entry they created. ``source`` says which of the ambassador's agendas it came from
(``AgendaService.propose``); ``""`` for the decisions taken before it was kept.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from ambassadeur_app.domain.agenda import PastEntry
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.storage.records import Repo

if TYPE_CHECKING:
    from ambassadeur_app.storage.connection import Db

Decision = Literal["accepted", "dismissed"]
_COLUMNS = (
    "id, ambassador_id, uid, recurrence_id, fingerprint, starts_at, minutes, summary, decision, reason, "
    "time_entry_id, source"
)


@dataclass(frozen=True)
class AgendaItem:
    """The decision taken on one agenda occurrence."""

    ambassador_id: str
    uid: str
    recurrence_id: str
    fingerprint: str
    starts_at: str  # Paris wall-clock, ISO
    minutes: int
    summary: str
    decision: Decision
    reason: str = ""
    time_entry_id: str | None = None
    id: str = ""
    source: str = ""  # the agenda it came from; "" when unknown (decided before it was kept)

    @property
    def key(self) -> tuple[str, str]:
        return self.uid, self.recurrence_id


class AgendaItemRepo(Repo):
    table = "agenda_items"

    def of_ambassador(self, ambassador_id: str) -> dict[tuple[str, str], AgendaItem]:
        """Return the live decisions about an ambassador's agenda, by (uid, recurrence id)."""
        rows = self.db.query(
            f"SELECT {_COLUMNS} FROM agenda_items WHERE deleted_at IS NULL AND ambassador_id = ? "
            "ORDER BY created_at, rowid",
            [ambassador_id],
        )
        return {(row["uid"], row["recurrence_id"]): AgendaItem(**row) for row in rows}

    def get_many(self, ids: Iterable[str]) -> dict[str, AgendaItem]:
        return {row["id"]: AgendaItem(**row) for row in self._by_ids(_COLUMNS, ids)}

    def add(self, item: AgendaItem) -> str:
        return self._insert(_values(item), item.id or None)

    def update(self, item: AgendaItem) -> None:
        self._update(item.id, _values(item))

    def rewrite_texts(self, rewrite: Callable[[str], str]) -> int:
        """Pass every title kept (deleted rows included) through ``rewrite`` (an erasure);
        return the rows changed."""
        changed = 0
        for item_id, summary in self.db.execute("SELECT id, summary FROM agenda_items").fetchall():
            if (new := rewrite(summary)) != summary:
                self._update(item_id, {"summary": new})
                changed += 1
        return changed


def _values(item: AgendaItem) -> dict[str, Any]:
    return {
        "ambassador_id": item.ambassador_id,
        "uid": item.uid,
        "recurrence_id": item.recurrence_id,
        "fingerprint": item.fingerprint,
        "starts_at": item.starts_at,
        "minutes": item.minutes,
        "summary": item.summary,
        "decision": item.decision,
        "reason": item.reason,
        "time_entry_id": item.time_entry_id,
        "source": item.source,
    }


# The guesser learns from the latest descriptions: enough for any carnet's habits, quick to read.
HISTORY_LIMIT = 5000


def entry_history(db: Db) -> list[PastEntry]:
    """Return the carnet's distinct descriptions with their mission and activity, each with the
    last day it was used, latest first (the guesser's history)."""
    return [
        PastEntry(description, Mission(mission), activity, date.fromisoformat(day))
        for description, mission, activity, day in db.execute(
            "SELECT description, mission, activity, MAX(day) AS last FROM time_entries "
            "WHERE deleted_at IS NULL AND description != '' GROUP BY description, mission, activity "
            "ORDER BY last DESC, description LIMIT ?",
            [HISTORY_LIMIT],
        ).fetchall()
    ]


def contacts_of_entries(db: Db, entry_ids: Iterable[str]) -> dict[str, list[str]]:
    """Return the live contacts that logged each of these entries' time, by entry."""
    found: dict[str, list[str]] = defaultdict(list)
    ids = list(entry_ids)
    for contact_id, entry_id in db.execute(
        f"SELECT id, time_entry_id FROM contacts WHERE deleted_at IS NULL AND time_entry_id IN "
        f"({', '.join('?' * len(ids))}) ORDER BY created_at, rowid",
        ids,
    ).fetchall():
        found[entry_id].append(contact_id)
    return dict(found)


def professionals_by_email(db: Db) -> dict[str, str]:
    """Return the register's live professionals by e-mail address (lower case): an agenda's
    attendees are matched on it."""
    return {
        email.strip().lower(): professional_id
        for professional_id, email in db.execute(
            "SELECT id, email FROM professionals WHERE deleted_at IS NULL AND email != '' "
            "ORDER BY created_at, rowid"  # two people with one address: the newest record
        ).fetchall()
    }

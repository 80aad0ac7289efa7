"""The journal's notes and their links, and the texts of the retour d'expérience the binôme
writes (the pertinence of renewing or generalising the experiment)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from typing import Any

from ambassadeur_app.domain.journal import JournalNote, NoteTag
from ambassadeur_app.domain.planning import LinkKind
from ambassadeur_app.storage.planning import LinkRepo
from ambassadeur_app.storage.records import Repo, days_sql


class NoteLinkRepo(LinkRepo):
    table = "journal_note_links"
    kinds = (LinkKind.EVENT, LinkKind.ENTRY, LinkKind.PROFESSIONAL, LinkKind.STRUCTURE)


class NoteRepo(Repo):
    table = "journal_notes"

    def __init__(self, db: Any, device_id: str) -> None:
        super().__init__(db, device_id)
        self.links = NoteLinkRepo(db, device_id)

    def ids(
        self, tag: NoteTag | None = None, first: date | None = None, last: date | None = None
    ) -> list[str]:
        """Return the live notes of a tag and a period (each optional), by day then writing."""
        clauses, params = days_sql("day", first, last)
        clauses.append("deleted_at IS NULL")
        if tag is not None:
            clauses.append("tag = ?")
            params.append(tag.value)
        sql = f"SELECT id FROM journal_notes WHERE {' AND '.join(clauses)} ORDER BY day, created_at, rowid"
        return [row[0] for row in self.db.execute(sql, params).fetchall()]

    def get_many(self, ids: Iterable[str]) -> dict[str, JournalNote]:
        """Return the notes with these ids (deleted ones included) with their live links."""
        rows = list(self._by_ids("id, day, tag, text", ids))
        links = self.links.of_owners(row["id"] for row in rows)
        return {
            row["id"]: JournalNote(
                date.fromisoformat(row["day"]), NoteTag(row["tag"]), row["text"], links[row["id"]], row["id"]
            )
            for row in rows
        }

    def get(self, note_id: str) -> JournalNote | None:
        return self.get_many([note_id]).get(note_id)

    def add(self, note: JournalNote) -> str:
        note_id = self._insert(self._values(note), note.id or None)
        self.links.set_links(note_id, note.links)
        return note_id

    def update(self, note: JournalNote) -> None:
        self._update(note.id, self._values(note))
        self.links.set_links(note.id, note.links)

    @staticmethod
    def _values(note: JournalNote) -> dict[str, Any]:
        return {"day": note.day.isoformat(), "tag": note.tag.value, "text": note.text}

    def about_professional(self, professional_id: str) -> list[str]:
        """Return the live notes linked to a person (right of access), by day."""
        return [
            row[0]
            for row in self.db.execute(
                "SELECT n.id FROM journal_notes n JOIN journal_note_links l ON l.owner_id = n.id "
                "WHERE l.professional_id = ? AND l.deleted_at IS NULL AND n.deleted_at IS NULL "
                "GROUP BY n.id ORDER BY n.day, n.created_at",
                [professional_id],
            ).fetchall()
        ]

    def rewrite_linked_texts(self, professional_id: str, rewrite: Callable[[str], str]) -> int:
        """Pass the text of the notes about a person through ``rewrite`` (erasure on request):
        the notes linked to them, and those linked to an event they were invited to or attended.
        Deleted notes too: they stay in the file. Return the notes changed."""
        linked = self.db.execute(
            "SELECT owner_id FROM journal_note_links WHERE professional_id = ?1 UNION "
            "SELECT owner_id FROM journal_note_links WHERE event_id IN ("
            "SELECT event_id FROM event_invitations WHERE professional_id = ?1 "
            "UNION SELECT event_id FROM event_attendances WHERE professional_id = ?1)",
            [professional_id],
        ).fetchall()
        changed = 0
        for note in self.get_many(row[0] for row in linked).values():
            new = replace(note, text=rewrite(note.text))
            if new != note:
                self._update(note.id, self._values(new))
                changed += 1
        return changed


class RexTextRepo(Repo):
    """The texts of the retour d'expérience, one live row per key (``pertinence``)."""

    table = "rex_texts"

    def _latest(self, key: str) -> tuple[str, str] | None:
        row = self.db.execute(
            "SELECT id, text FROM rex_texts WHERE key = ? AND deleted_at IS NULL "
            "ORDER BY updated_at DESC LIMIT 1",
            [key],
        ).fetchone()
        return (row[0], row[1]) if row else None

    def get(self, key: str) -> str:
        latest = self._latest(key)
        return latest[1] if latest else ""

    def save(self, key: str, text: str) -> None:
        latest = self._latest(key)
        if latest:
            self._update(latest[0], {"text": text})
        else:
            self._insert({"key": key, "text": text})

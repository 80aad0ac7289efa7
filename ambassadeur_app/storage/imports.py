"""The record of each import, so that an import can be undone as a whole."""

from __future__ import annotations

from dataclasses import dataclass

from ambassadeur_app.domain.dates import utc_now_iso
from ambassadeur_app.storage.records import Repo


@dataclass(frozen=True)
class ImportRecord:
    id: str
    kind: str
    filename: str
    row_count: int
    created_at: str
    undone_at: str | None


class ImportRepo(Repo):
    table = "imports"

    def add(self, kind: str, filename: str, row_count: int) -> str:
        return self._insert({"kind": kind, "filename": filename, "row_count": row_count, "undone_at": None})

    def all(self) -> list[ImportRecord]:
        """Return the imports, newest first."""
        return [
            ImportRecord(**row)
            for row in self.db.query(
                "SELECT id, kind, filename, row_count, created_at, undone_at FROM imports "
                "WHERE deleted_at IS NULL ORDER BY created_at DESC"
            )
        ]

    def mark_undone(self, import_id: str) -> None:
        self._update(import_id, {"undone_at": utc_now_iso()})

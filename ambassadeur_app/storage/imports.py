"""The record of each import, so that an import can be undone as a whole."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

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

    def set_count(self, import_id: str, row_count: int) -> None:
        self._update(import_id, {"row_count": row_count})


class ImportChangeRepo(Repo):
    """What an import changed in records it did not create, to put it back on undo."""

    table = "import_changes"

    def record(self, import_id: str, record_table: str, record_id: str, before: dict[str, Any]) -> None:
        self._insert(
            {
                "import_id": import_id,
                "record_table": record_table,
                "record_id": record_id,
                "before": json.dumps(before, default=str),
            }
        )

    def of(self, import_id: str) -> list[tuple[str, str, dict[str, Any]]]:
        """Return each record an import changed with its state before the import.

        That is the first copy saved of the record: an import that changed a record twice (a
        carnet written before one copy per record) kept two, saved in the same millisecond.
        """
        first: dict[tuple[str, str], str] = {}
        for table, record_id, before in self.db.execute(
            "SELECT record_table, record_id, before FROM import_changes WHERE import_id = ? "
            "AND deleted_at IS NULL ORDER BY created_at, rowid",
            [import_id],
        ).fetchall():
            first.setdefault((table, record_id), before)
        return [(table, record_id, json.loads(before)) for (table, record_id), before in first.items()]

"""The programme settings of the carnet (one row)."""

from __future__ import annotations

from dataclasses import asdict, fields
from datetime import date
from typing import Any

from ambassadeur_app.domain.model import Programme
from ambassadeur_app.storage.records import Repo

_FIELDS = [f.name for f in fields(Programme)]


class ProgrammeRepo(Repo):
    table = "programme"

    def get(self) -> Programme | None:
        """Return the settings, or ``None`` for a carnet not yet set up."""
        rows = list(
            self.db.query(
                f"SELECT {', '.join(_FIELDS)} FROM programme WHERE deleted_at IS NULL "
                "ORDER BY created_at LIMIT 1"
            )
        )
        if not rows:
            return None
        row = rows[0]
        row["start_date"] = date.fromisoformat(row["start_date"])
        return Programme(**row)

    def save(self, programme: Programme) -> None:
        """Create or replace the settings."""
        values: dict[str, Any] = asdict(programme)
        values["start_date"] = programme.start_date.isoformat()
        existing = list(self.db.query("SELECT id FROM programme WHERE deleted_at IS NULL LIMIT 1"))
        if existing:
            self._update(existing[0]["id"], values)
        else:
            self._insert(values)

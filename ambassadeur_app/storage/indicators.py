"""The indicators' own data: the active Parceo users readings (and the baseline) typed from
Pulsy's statistics, and the carnet's targets (one row; none: the defaults)."""

from __future__ import annotations

from dataclasses import asdict, fields
from datetime import date
from typing import Any

from ambassadeur_app.domain.indicators import Reading, Targets
from ambassadeur_app.storage.records import Repo

_TARGET_FIELDS = [f.name for f in fields(Targets)]
_FLAGS = {f.name for f in fields(Targets) if f.type in ("bool", bool)}  # stored as 0 or 1


def _reading(row: dict[str, Any]) -> Reading:
    return Reading(date.fromisoformat(row["day"]), row["users"], bool(row["baseline"]), row["id"])


class ReadingRepo(Repo):
    table = "user_readings"

    def all(self) -> list[Reading]:
        """Return the live readings, the baseline first, then by date."""
        return [
            _reading(row)
            for row in self.db.query(
                "SELECT id, day, users, baseline FROM user_readings WHERE deleted_at IS NULL "
                "ORDER BY baseline DESC, day, created_at"
            )
        ]

    def find(self, day: date, baseline: bool) -> str | None:
        """Return the live baseline (``baseline``), or the live reading of ``day``."""
        sql = "SELECT id FROM user_readings WHERE deleted_at IS NULL AND baseline = ?"
        params: list[Any] = [int(baseline)]
        if not baseline:
            sql += " AND day = ?"
            params.append(day.isoformat())
        row = self.db.execute(sql + " LIMIT 1", params).fetchone()
        return str(row[0]) if row else None

    def save(self, reading: Reading) -> str:
        """Write a reading over the baseline or the reading of its day, if any; return its id."""
        values = {"day": reading.day.isoformat(), "users": reading.users, "baseline": int(reading.baseline)}
        existing = reading.id or self.find(reading.day, reading.baseline)
        if existing:
            self._update(existing, values)
            return existing
        return self._insert(values)


class TargetsRepo(Repo):
    table = "indicator_targets"

    def get(self) -> Targets:
        row = self.db.execute(
            f"SELECT {', '.join(_TARGET_FIELDS)} FROM indicator_targets WHERE deleted_at IS NULL "
            "ORDER BY created_at LIMIT 1"
        ).fetchone()
        if row is None:
            return Targets()
        return Targets(
            **{
                name: bool(value) if name in _FLAGS else value
                for name, value in zip(_TARGET_FIELDS, row, strict=True)
            }
        )

    def save(self, targets: Targets) -> None:
        values: dict[str, Any] = {k: int(v) for k, v in asdict(targets).items()}
        row = self.db.execute("SELECT id FROM indicator_targets WHERE deleted_at IS NULL LIMIT 1").fetchone()
        if row:
            self._update(row[0], values)
        else:
            self._insert(values)

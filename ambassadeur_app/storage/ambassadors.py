"""The ambassadors of the binôme."""

from __future__ import annotations

from typing import Any

from ambassadeur_app.domain.model import Ambassador, Role
from ambassadeur_app.domain.text import clean_line
from ambassadeur_app.storage.records import Repo

_COLUMNS = "id, name, role, profession, email, active"


def _ambassador(row: dict[str, Any]) -> Ambassador:
    return Ambassador(
        id=row["id"],
        name=row["name"],
        role=Role(row["role"]),
        profession=row["profession"],
        email=row["email"],
        active=bool(row["active"]),
    )


class AmbassadorRepo(Repo):
    table = "ambassadors"

    def all(self, include_inactive: bool = True) -> list[Ambassador]:
        """Return the ambassadors, medical first, then by name (then by creation: a stable order)."""
        where = "deleted_at IS NULL" + ("" if include_inactive else " AND active = 1")
        return [
            _ambassador(row)
            for row in self.db.query(
                f"SELECT {_COLUMNS} FROM ambassadors WHERE {where} "
                "ORDER BY role = 'administratif', name COLLATE NOCASE, created_at, id"
            )
        ]

    def get(self, ambassador_id: str) -> Ambassador | None:
        rows = list(self.db.query(f"SELECT {_COLUMNS} FROM ambassadors WHERE id = ?", [ambassador_id]))
        return _ambassador(rows[0]) if rows else None

    def add(self, ambassador: Ambassador, import_id: str | None = None) -> str:
        return self._insert(
            {
                "name": clean_line(ambassador.name),
                "role": ambassador.role.value,
                "profession": ambassador.profession.strip(),
                "email": ambassador.email.strip(),
                "active": int(ambassador.active),
                "import_id": import_id,
            },
            ambassador.id or None,
        )

    def update(self, ambassador: Ambassador) -> None:
        self._update(
            ambassador.id,
            {
                "name": clean_line(ambassador.name),
                "role": ambassador.role.value,
                "profession": ambassador.profession.strip(),
                "email": ambassador.email.strip(),
                "active": int(ambassador.active),
            },
        )

    def created_by_import(self, import_id: str) -> list[str]:
        return [
            row["id"]
            for row in self.db.query(
                "SELECT id FROM ambassadors WHERE import_id = ? AND deleted_at IS NULL", [import_id]
            )
        ]

    def has_entries(self, ambassador_id: str) -> bool:
        return bool(
            list(
                self.db.query(
                    "SELECT 1 FROM time_entries WHERE ambassador_id = ? AND deleted_at IS NULL LIMIT 1",
                    [ambassador_id],
                )
            )
        )

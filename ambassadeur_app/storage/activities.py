"""The per-mission activity lists, which the user can extend."""

from __future__ import annotations

from collections import defaultdict

from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.text import fold
from ambassadeur_app.storage.records import Repo


class ActivityRepo(Repo):
    table = "activities"

    def by_mission(self) -> dict[Mission, list[str]]:
        """Return every mission's activities in their list order."""
        result: dict[Mission, list[str]] = defaultdict(list)
        for row in self.db.query(
            "SELECT mission, label FROM activities WHERE deleted_at IS NULL ORDER BY position, created_at"
        ):
            result[Mission(row["mission"])].append(row["label"])
        return {mission: result.get(mission, []) for mission in Mission}

    def find(self, mission: Mission, label: str) -> str | None:
        """Return the stored spelling of ``label`` in ``mission``'s list, ignoring case/accents."""
        wanted = fold(label)
        for existing in self.by_mission()[mission]:
            if fold(existing) == wanted:
                return existing
        return None

    def ensure(self, mission: Mission, label: str, import_id: str | None = None) -> str:
        """Add ``label`` to ``mission``'s list unless it is there; return the stored spelling."""
        label = " ".join(label.split())
        existing = self.find(mission, label)
        if existing is not None:
            return existing
        position = next(
            iter(
                self.db.query(
                    "SELECT COALESCE(MAX(position), -1) + 1 AS p FROM activities WHERE mission = ?",
                    [mission.value],
                )
            )
        )["p"]
        self._insert({"mission": mission.value, "label": label, "position": position, "import_id": import_id})
        return label

    def remove(self, mission: Mission, label: str) -> None:
        """Take ``label`` off ``mission``'s list (entries keep their text)."""
        ids = [
            row["id"]
            for row in self.db.query(
                "SELECT id FROM activities WHERE mission = ? AND label = ? AND deleted_at IS NULL",
                [mission.value, label],
            )
        ]
        self.delete(ids)

    def created_by_import(self, import_id: str) -> list[str]:
        return [
            row["id"]
            for row in self.db.query(
                "SELECT id FROM activities WHERE import_id = ? AND deleted_at IS NULL", [import_id]
            )
        ]

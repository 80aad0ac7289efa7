"""The rétroplanning's actions, and the links of actions and journal notes to what they concern
(one row per link: see ``m012_create_planning`` for why)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, ClassVar

from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.planning import ActionStatus, Link, LinkKind, PlannedAction
from ambassadeur_app.storage.records import Repo

_ACTION_COLUMNS = (
    "id, title, mission, planned_start, planned_end, ambassador_id, status, actual_start, actual_end, "
    "description"
)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


# The column of a link table that holds each kind of target.
COLUMNS = {
    LinkKind.EVENT: "event_id",
    LinkKind.ENTRY: "time_entry_id",
    LinkKind.PROFESSIONAL: "professional_id",
    LinkKind.STRUCTURE: "structure_id",
}


class LinkRepo(Repo):
    """The links of one kind of record (its ``owner_id``) to events, entries, people..."""

    kinds: ClassVar[tuple[LinkKind, ...]]

    def of_owners(self, owner_ids: Iterable[str]) -> dict[str, tuple[Link, ...]]:
        """Return the live links of these records, by owner, in the order they were made."""
        wanted = list(owner_ids)
        found: dict[str, list[Link]] = {owner: [] for owner in wanted}
        columns = ", ".join(COLUMNS[kind] for kind in self.kinds)
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            for row in self.db.query(
                f"SELECT owner_id, {columns} FROM {self.table} WHERE deleted_at IS NULL "
                f"AND owner_id IN ({marks}) ORDER BY created_at, rowid",
                chunk,
            ):
                found[row["owner_id"]].append(self._link(row))
        return {owner: tuple(links) for owner, links in found.items()}

    def set_links(self, owner_id: str, links: Iterable[Link]) -> None:
        """Make ``links`` the live links of ``owner_id``: the new ones are added, those no longer
        wanted are deleted (kept in the file for merging), the others are left as they are."""
        wanted = list(dict.fromkeys(links))
        present = {
            self._link(row): row["id"]
            for row in self.db.query(
                f"SELECT id, {', '.join(COLUMNS[kind] for kind in self.kinds)} FROM {self.table} "
                "WHERE owner_id = ? AND deleted_at IS NULL",
                [owner_id],
            )
        }
        self.delete([link_id for link, link_id in present.items() if link not in wanted])
        self._insert_many([self._values(owner_id, link) for link in wanted if link not in present])

    def _link(self, row: dict[str, Any]) -> Link:
        kind = next(kind for kind in self.kinds if row[COLUMNS[kind]] is not None)
        return Link(kind, row[COLUMNS[kind]])

    def _values(self, owner_id: str, link: Link) -> dict[str, Any]:
        return {
            "owner_id": owner_id,
            **{COLUMNS[kind]: link.target_id if kind is link.kind else None for kind in self.kinds},
        }


class ActionLinkRepo(LinkRepo):
    table = "planned_action_links"
    kinds = (LinkKind.EVENT, LinkKind.ENTRY)


def _action(row: dict[str, Any], links: tuple[Link, ...]) -> PlannedAction:
    return PlannedAction(
        id=row["id"],
        title=row["title"],
        mission=Mission(row["mission"]),
        planned_start=date.fromisoformat(row["planned_start"]),
        planned_end=date.fromisoformat(row["planned_end"]),
        ambassador_id=row["ambassador_id"],
        status=ActionStatus(row["status"]),
        actual_start=_day(row["actual_start"]),
        actual_end=_day(row["actual_end"]),
        description=row["description"],
        links=links,
    )


class ActionRepo(Repo):
    table = "planned_actions"

    def __init__(self, db: Any, device_id: str) -> None:
        super().__init__(db, device_id)
        self.links = ActionLinkRepo(db, device_id)

    def ids(self) -> list[str]:
        """Return the live actions, by planned start, planned end, then title."""
        return [
            row[0]
            for row in self.db.execute(
                "SELECT id FROM planned_actions WHERE deleted_at IS NULL "
                "ORDER BY planned_start, planned_end, fold(title), id"
            ).fetchall()
        ]

    def get_many(self, ids: Iterable[str]) -> dict[str, PlannedAction]:
        """Return the actions with these ids (deleted ones included) with their live links."""
        rows = list(self._by_ids(_ACTION_COLUMNS, ids))
        links = self.links.of_owners(row["id"] for row in rows)
        return {row["id"]: _action(row, links[row["id"]]) for row in rows}

    def get(self, action_id: str) -> PlannedAction | None:
        return self.get_many([action_id]).get(action_id)

    def add(self, action: PlannedAction) -> str:
        action_id = self._insert(self._values(action), action.id or None)
        self.links.set_links(action_id, action.links)
        return action_id

    def update(self, action: PlannedAction) -> None:
        self._update(action.id, self._values(action))
        self.links.set_links(action.id, action.links)

    @staticmethod
    def _values(action: PlannedAction) -> dict[str, Any]:
        return {
            "title": action.title,
            "mission": action.mission.value,
            "planned_start": action.planned_start.isoformat(),
            "planned_end": action.planned_end.isoformat(),
            "ambassador_id": action.ambassador_id,
            "status": action.status.value,
            "actual_start": action.actual_start.isoformat() if action.actual_start else None,
            "actual_end": action.actual_end.isoformat() if action.actual_end else None,
            "description": action.description,
        }

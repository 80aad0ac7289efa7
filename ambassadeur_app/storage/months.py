"""Month closures: a closed month's entries are read-only until it is reopened with a reason."""

from __future__ import annotations

from typing import Any

from ambassadeur_app.domain.dates import Month, utc_now_iso
from ambassadeur_app.domain.model import MonthLock
from ambassadeur_app.storage.records import Repo


def _lock(row: dict[str, Any]) -> MonthLock:
    return MonthLock(
        id=row["id"],
        month=Month.parse(row["month"]),
        closed_at=row["closed_at"],
        reopened_at=row["reopened_at"],
        reopen_reason=row["reopen_reason"],
    )


class MonthLockRepo(Repo):
    table = "month_locks"

    def history(self, month: Month) -> list[MonthLock]:
        """Return every closure of ``month``, oldest first."""
        return [
            _lock(row)
            for row in self.db.query(
                "SELECT * FROM month_locks WHERE month = ? AND deleted_at IS NULL ORDER BY closed_at, id",
                [str(month)],
            )
        ]

    def active(self, month: Month) -> MonthLock | None:
        """Return the closure in force for ``month``, if it is closed."""
        locks = [lock for lock in self.history(month) if lock.active]
        return locks[-1] if locks else None

    def closed_months(self) -> set[Month]:
        return {
            Month.parse(row["month"])
            for row in self.db.query(
                "SELECT DISTINCT month FROM month_locks WHERE deleted_at IS NULL AND reopened_at IS NULL"
            )
        }

    def close(self, month: Month) -> str:
        return self._insert(
            {
                "month": str(month),
                "closed_at": utc_now_iso(),
                "reopened_at": None,
                "reopen_reason": "",
            }
        )

    def reopen(self, lock: MonthLock, reason: str) -> None:
        self._update(lock.id, {"reopened_at": utc_now_iso(), "reopen_reason": reason})

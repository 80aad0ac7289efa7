"""The timers: one running per device at most (``stopped_at`` empty), started and stopped in UTC."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.timer import Timer
from ambassadeur_app.storage.records import Repo

_COLUMNS = "id, ambassador_id, mission, activity, description, started_at, stopped_at"


def _iso(moment: datetime) -> str:
    """Return a moment as the carnet stores it: UTC, to the millisecond, ``…Z``."""
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None


def _timer(row: dict[str, Any]) -> Timer:
    started = _moment(row["started_at"])
    assert started is not None
    return Timer(
        ambassador_id=row["ambassador_id"] or "",
        mission=Mission(row["mission"]),
        activity=row["activity"],
        description=row["description"],
        started_at=started,
        stopped_at=_moment(row["stopped_at"]),
        id=row["id"],
    )


class TimerRepo(Repo):
    table = "timers"

    def running(self) -> Timer | None:
        """Return this device's running timer, if any."""
        rows = list(
            self.db.query(
                f"SELECT {_COLUMNS} FROM timers WHERE device_id = ? AND stopped_at IS NULL "
                "AND deleted_at IS NULL",
                [self.device_id],
            )
        )
        return _timer(rows[0]) if rows else None

    def get(self, timer_id: str) -> Timer | None:
        """Return a timer (a deleted one too)."""
        rows = list(self._by_ids(_COLUMNS, [timer_id]))
        return _timer(rows[0]) if rows else None

    def add(self, timer: Timer) -> str:
        return self._insert(
            {
                "ambassador_id": timer.ambassador_id,
                "mission": timer.mission.value,
                "activity": timer.activity,
                "description": timer.description,
                "started_at": _iso(timer.started_at),
                "stopped_at": None,
                "time_entry_id": None,
            }
        )

    def set_stopped(self, timer_id: str, moment: datetime | None) -> None:
        """Stop a timer at ``moment`` (``None``: it runs again)."""
        self._update(timer_id, {"stopped_at": _iso(moment) if moment else None})

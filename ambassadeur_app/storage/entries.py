"""Time entries: the lines of the carnet."""

from __future__ import annotations

import string
from collections.abc import Iterable
from datetime import date, time
from enum import StrEnum
from typing import Any

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import DayTotal, EntryFilter, Mission, TimeEntry
from ambassadeur_app.domain.text import fold
from ambassadeur_app.storage.records import Repo, words_sql

_COLUMNS = (
    "id, day, ambassador_id, mission, activity, minutes, start_time, place, description, "
    "import_id, created_at, updated_at"
)


class EntryOrder(StrEnum):
    """Sort keys of the carnet table; each ends with the id, so that no two rows tie."""

    DATE = "e.day {d}, e.start_time {d}, e.created_at {d}, e.id {d}"
    AMBASSADOR = "a.name COLLATE NOCASE {d}, e.day, e.start_time, e.created_at, e.id"
    MISSION = "e.mission {d}, e.day, e.start_time, e.created_at, e.id"
    ACTIVITY = "e.activity COLLATE NOCASE {d}, e.day, e.start_time, e.created_at, e.id"
    DURATION = "e.minutes {d}, e.day, e.start_time, e.created_at, e.id"
    DESCRIPTION = "e.description COLLATE NOCASE {d}, e.day, e.start_time, e.created_at, e.id"
    PLACE = "e.place COLLATE NOCASE {d}, e.day, e.start_time, e.created_at, e.id"

    def key(self, entry: TimeEntry, ambassador_name: str) -> tuple[Any, tuple[Any, ...]]:
        """Return where ``entry`` sorts in this order, as the SQL above sorts it: (what the
        direction applies to, the ascending tie-breakers). A table inserts a saved entry at its
        row with it, without querying the ids again.

        SQLite puts NULL first and compares COLLATE NOCASE texts with only A-Z folded.
        """
        ties = (
            entry.day,
            entry.start_time is not None,
            entry.start_time or time.min,
            entry.created_at,
            entry.id,
        )
        if self is EntryOrder.DATE:
            return ties, ()
        column: str | int = {
            EntryOrder.AMBASSADOR: ambassador_name,
            EntryOrder.MISSION: entry.mission.value,
            EntryOrder.ACTIVITY: entry.activity,
            EntryOrder.DURATION: entry.minutes,
            EntryOrder.DESCRIPTION: entry.description,
            EntryOrder.PLACE: entry.place,
        }[self]
        return (column.translate(_NOCASE) if isinstance(column, str) else column), ties


_NOCASE = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def _entry(row: dict[str, Any]) -> TimeEntry:
    return TimeEntry(
        id=row["id"],
        day=date.fromisoformat(row["day"]),
        ambassador_id=row["ambassador_id"],
        mission=Mission(row["mission"]),
        activity=row["activity"],
        minutes=row["minutes"],
        start_time=time.fromisoformat(row["start_time"]) if row["start_time"] else None,
        place=row["place"],
        description=row["description"],
        import_id=row["import_id"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def _values(entry: TimeEntry) -> dict[str, Any]:
    return {
        "day": entry.day.isoformat(),
        "ambassador_id": entry.ambassador_id,
        "mission": entry.mission.value,
        "activity": entry.activity.strip(),
        "minutes": entry.minutes,
        "start_time": entry.start_time.strftime("%H:%M") if entry.start_time else None,
        "place": entry.place.strip(),
        "description": entry.description.strip(),
    }


def matches(where: EntryFilter, entry: TimeEntry, ambassador_name: str) -> bool:
    """Tell whether ``TimeEntryRepo.ids(where)`` lists the live ``entry``, as its SQL decides."""
    if where.month is not None and not where.month.contains(entry.day):
        return False
    if where.ambassador_id and entry.ambassador_id != where.ambassador_id:
        return False
    if where.mission is not None and entry.mission is not where.mission:
        return False
    words = fold(where.text).split()
    if not words:
        return True
    text = fold(" ".join((entry.activity, entry.description, entry.place, ambassador_name)))
    return all(word in text for word in words)


class TimeEntryRepo(Repo):
    table = "time_entries"

    def ids(
        self, where: EntryFilter, order: EntryOrder = EntryOrder.DATE, descending: bool = False
    ) -> list[str]:
        """Return the ids of the entries matching ``where``, sorted in SQL."""
        clauses = ["e.deleted_at IS NULL"]
        params: list[Any] = []
        if where.month is not None:
            clauses.append("e.day BETWEEN ? AND ?")
            params += [where.month.first_day.isoformat(), where.month.last_day.isoformat()]
        if where.ambassador_id:
            clauses.append("e.ambassador_id = ?")
            params.append(where.ambassador_id)
        if where.mission is not None:
            clauses.append("e.mission = ?")
            params.append(where.mission.value)
        words, values = words_sql(
            "fold(e.activity || ' ' || e.description || ' ' || e.place || ' ' || a.name)", where.text
        )
        clauses += words
        params += values
        direction = "DESC" if descending else "ASC"
        join = (
            " JOIN ambassadors a ON a.id = e.ambassador_id"
            if where.text.strip() or order is EntryOrder.AMBASSADOR
            else ""
        )
        sql = (
            f"SELECT e.id FROM time_entries e{join} "
            f"WHERE {' AND '.join(clauses)} ORDER BY {order.value.format(d=direction)}"
        )
        return [row[0] for row in self.db.execute(sql, params).fetchall()]

    def get(self, entry_id: str) -> TimeEntry | None:
        rows = list(self.db.query(f"SELECT {_COLUMNS} FROM time_entries WHERE id = ?", [entry_id]))
        return _entry(rows[0]) if rows else None

    def get_many(self, entry_ids: Iterable[str], live_only: bool = False) -> dict[str, TimeEntry]:
        """Return the entries with these ids (deleted ones included unless ``live_only``), by id."""
        rows = self._by_ids(f"{_COLUMNS}, deleted_at", entry_ids)
        return {row["id"]: _entry(row) for row in rows if not (live_only and row["deleted_at"])}

    def in_range(self, first: date, last: date, ambassador_id: str | None = None) -> list[TimeEntry]:
        """Return the live entries between two days, in timesheet order."""
        sql = f"SELECT {_COLUMNS} FROM time_entries WHERE deleted_at IS NULL AND day BETWEEN ? AND ?"
        params: list[Any] = [first.isoformat(), last.isoformat()]
        if ambassador_id:
            sql += " AND ambassador_id = ?"
            params.append(ambassador_id)
        sql += " ORDER BY day, start_time IS NULL, start_time, created_at"
        return [_entry(row) for row in self.db.query(sql, params)]

    def add(self, entry: TimeEntry, import_id: str | None = None) -> str:
        return self._insert({**_values(entry), "import_id": import_id}, entry.id or None)

    def update(self, entry: TimeEntry) -> None:
        self._update(entry.id, _values(entry))

    def day_minutes(self, ambassador_id: str, day: date, exclude_id: str = "") -> int:
        """Return what an ambassador has logged on ``day``, one entry excluded (the day's sum is
        read from the sums index, then the excluded entry's minutes taken off)."""
        total, excluded = self.db.execute(
            "SELECT COALESCE(SUM(minutes), 0), (SELECT minutes FROM time_entries WHERE id = ? "
            "AND deleted_at IS NULL AND ambassador_id = ? AND day = ?) "
            "FROM time_entries INDEXED BY time_entries_totals "
            "WHERE deleted_at IS NULL AND day = ? AND ambassador_id = ?",
            [exclude_id, ambassador_id, day.isoformat(), day.isoformat(), ambassador_id],
        ).fetchone()
        return int(total) - int(excluded or 0)

    def day_totals(self, first: date, last: date) -> list[DayTotal]:
        """Return minutes per day, ambassador and mission between two days (aggregated in SQL)."""
        return [
            DayTotal(date.fromisoformat(day), ambassador_id, Mission(mission), minutes)
            for day, ambassador_id, mission, minutes in self.db.execute(
                "SELECT day, ambassador_id, mission, SUM(minutes) FROM time_entries "
                "WHERE deleted_at IS NULL AND day BETWEEN ? AND ? "
                "GROUP BY day, ambassador_id, mission",
                [first.isoformat(), last.isoformat()],
            ).fetchall()
        ]

    def minutes_between(self, first: date, last: date, missions: Iterable[Mission]) -> int:
        """Return the minutes logged for ``missions`` between two days (read from the day sums,
        which the entries' triggers keep)."""
        wanted = [m.value for m in missions]
        marks = ", ".join("?" for _ in wanted)
        row = self.db.execute(
            "SELECT COALESCE(SUM(minutes), 0) FROM _time_entry_day_sums "
            f"WHERE day BETWEEN ? AND ? AND mission IN ({marks})",
            [first.isoformat(), last.isoformat(), *wanted],
        ).fetchone()
        return int(row[0])

    def by_import(self, import_id: str) -> list[str]:
        return [
            row[0]
            for row in self.db.execute(
                "SELECT id FROM time_entries WHERE import_id = ? AND deleted_at IS NULL",
                [import_id],
            ).fetchall()
        ]

    def months_of(self, entry_ids: Iterable[str]) -> set[Month]:
        """Return the months the given entries fall in."""
        return {entry.month for entry in self.get_many(entry_ids).values()}

    def count(self) -> int:
        return int(
            self.db.execute("SELECT COUNT(*) FROM time_entries WHERE deleted_at IS NULL").fetchone()[0]
        )

    def last_activities(self) -> dict[Mission, tuple[str, str]]:
        """Return, per mission, the creation time and activity of the entry saved last."""
        last = {}
        for mission in Mission:
            row = self.db.execute(
                "SELECT created_at, activity FROM time_entries WHERE deleted_at IS NULL AND mission = ? "
                "ORDER BY created_at DESC LIMIT 1",
                [mission.value],
            ).fetchone()
            if row is not None:
                last[mission] = (row[0], row[1])
        return last

    def places(self) -> list[str]:
        """Return the distinct places typed in the entries."""
        return [
            row[0]
            for row in self.db.execute(
                "SELECT DISTINCT place FROM time_entries WHERE deleted_at IS NULL AND place != ''"
            ).fetchall()
        ]

    def date_bounds(self) -> tuple[date, date] | None:
        """Return the first and last day with an entry (read at both ends of the date index:
        ``MIN`` and ``MAX`` together would scan all of it)."""
        ends = [
            self.db.execute(
                f"SELECT day FROM time_entries WHERE deleted_at IS NULL ORDER BY day {direction} LIMIT 1"
            ).fetchone()
            for direction in ("ASC", "DESC")
        ]
        if ends[0] is None:
            return None
        return date.fromisoformat(ends[0][0]), date.fromisoformat(ends[1][0])

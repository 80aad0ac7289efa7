"""The timer of "what I am doing now": what a running timer becomes once stopped, and when it was
likely forgotten (left running past midnight or for more than ten hours)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from decimal import Decimal

from ambassadeur_app.domain.durations import format_duration, hours_to_minutes
from ambassadeur_app.domain.formatting import format_date_long
from ambassadeur_app.domain.model import Mission, TimeEntry

FORGOTTEN_MINUTES = 10 * 60  # a timer running longer is asked about before it fills an entry


@dataclass(frozen=True)
class Timer:
    """A timer of this laptop; running while ``stopped_at`` is ``None`` (times in UTC)."""

    ambassador_id: str
    mission: Mission
    activity: str
    description: str
    started_at: datetime
    stopped_at: datetime | None = None
    id: str = ""


@dataclass(frozen=True)
class TimerSpan:
    """What a timer stopped at a moment covers, in local time, as the carnet counts it.

    ``minutes`` is the elapsed time rounded to the minute as every duration of the carnet
    (half up); ``until_midnight`` the minutes from its start to the end of its first day, the
    most one entry can hold.
    """

    day: date
    start: time
    minutes: int
    until_midnight: int
    past_midnight: bool

    @property
    def forgotten(self) -> bool:
        """Whether the timer was likely forgotten: it ran past midnight or too long."""
        return self.past_midnight or self.minutes > FORGOTTEN_MINUTES


def timer_span(started_at: datetime, end: datetime, zone: tzinfo | None = None) -> TimerSpan:
    """Return what a timer started at ``started_at`` and stopped at ``end`` covers.

    Args:
        zone: the local time zone (the system's when ``None``); both moments are aware.
    """
    start = started_at.astimezone(zone)
    local_end = end.astimezone(zone)
    seconds = max(0.0, (end - started_at).total_seconds())
    midnight = datetime.combine(start.date() + timedelta(days=1), time(), start.tzinfo)
    until_midnight = (midnight.astimezone(UTC) - started_at.astimezone(UTC)).total_seconds()
    return TimerSpan(
        day=start.date(),
        start=start.time().replace(second=0, microsecond=0),
        minutes=_minutes(seconds),
        until_midnight=_minutes(until_midnight),
        past_midnight=local_end.date() > start.date(),
    )


def _minutes(seconds: float) -> int:
    return hours_to_minutes(Decimal(seconds) / 3600)


def elapsed_text(started_at: datetime, now: datetime) -> str:
    """Return the time a timer has run as a clock shows it: ``1:05:12``."""
    seconds = max(0, int((now - started_at).total_seconds()))
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def clock_text(moment: time) -> str:
    """Return ``17 h 05``."""
    return f"{moment.hour}\u00a0h\u00a0{moment.minute:02d}"


def forgotten_question(span: TimerSpan, today: date) -> str:
    """Return the question asked about a timer likely forgotten, e.g. « Le chronomètre tourne
    depuis hier 17 h 05 (15 h 20). L'avez-vous oublié ? »."""
    if span.day == today:
        since = clock_text(span.start)
    elif span.day == today - timedelta(days=1):
        since = f"hier {clock_text(span.start)}"
    else:
        since = f"le {format_date_long(span.day)} à {clock_text(span.start)}"
    return f"Le chronomètre tourne depuis {since} ({format_duration(span.minutes)}). L'avez-vous oublié ?"


def timer_entry(timer: Timer, span: TimerSpan, minutes: int) -> TimeEntry:
    """Return the entry a stopped timer proposes, with ``minutes`` (its span's, or less)."""
    return TimeEntry(
        day=span.day,
        ambassador_id=timer.ambassador_id,
        mission=timer.mission,
        activity=timer.activity,
        minutes=minutes,
        start_time=span.start,
        description=timer.description,
    )

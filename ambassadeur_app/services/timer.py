"""The timer of "what I am doing now": started, stopped, resumed (undo) and discarded.

Its start is written in the carnet at once, so a timer survives the app's restart or a crash;
one timer runs per laptop (its device id). Stopping it saves nothing in the carnet's entries:
it proposes an entry (``TimerStop.entry``) that the user saves through the usual path, where
the rules apply (closed month, 24 h...).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from functools import cached_property

from ambassadeur_app.domain.formatting import format_timestamp
from ambassadeur_app.domain.model import Mission, TimeEntry
from ambassadeur_app.domain.text import blank
from ambassadeur_app.domain.timer import Timer, TimerSpan, timer_entry, timer_span
from ambassadeur_app.errors import AppError, InvalidInput
from ambassadeur_app.services.core import CarnetCore
from ambassadeur_app.storage.timers import TimerRepo

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class TimerStop:
    """A timer just stopped, and what it covers."""

    timer: Timer
    span: TimerSpan

    def entry(self, minutes: int | None = None) -> TimeEntry:
        """Return the entry it proposes: its whole span, or ``minutes``."""
        return timer_entry(self.timer, self.span, self.span.minutes if minutes is None else minutes)


class TimerService:
    """This laptop's timer in one open carnet."""

    def __init__(self, core: CarnetCore, now: Clock = utc_now, zone: tzinfo | None = None) -> None:
        self.core = core
        self.now = now
        self.zone = zone  # the local time zone of the entries (the system's when None)

    @cached_property
    def _repo(self) -> TimerRepo:
        return TimerRepo(self.core.carnet.db, self.core.carnet.device_id)

    def running(self) -> Timer | None:
        """Return the timer running on this laptop, if any."""
        return self._repo.running()

    def start(self, ambassador_id: str, mission: Mission, activity: str, description: str) -> Timer:
        """Start a timer now.

        Raises:
            InvalidInput: no such ambassador, or a timer runs already.
        """
        if self.core.carnet.ambassadors.get(ambassador_id) is None:
            raise InvalidInput("Choisissez l'ambassadeur qui travaille.", "ambassadeur")
        if blank(activity):
            raise InvalidInput("Indiquez l'activité en cours.", "activité")
        self._check_none_running()
        timer = Timer(ambassador_id, mission, " ".join(activity.split()), description.strip(), self.now())
        with self.core.carnet.write():
            timer_id = self._repo.add(timer)
        return self._get(timer_id)

    def span(self, timer: Timer) -> TimerSpan:
        """Return what a running timer would cover if stopped now."""
        return timer_span(timer.started_at, self.now(), self.zone)

    def stop(self, timer_id: str) -> TimerStop:
        """Stop a running timer now; return what it covers (undone by ``resume``)."""
        timer = self._get(timer_id)
        if timer.stopped_at is not None:
            raise AppError("Ce chronomètre est déjà arrêté.")
        end = self.now()
        with self.core.carnet.write():
            self._repo.set_stopped(timer_id, end)
        return TimerStop(self._get(timer_id), timer_span(timer.started_at, end, self.zone))

    def resume(self, timer_id: str) -> None:
        """Let a stopped timer run again from its start (undo of ``stop``)."""
        self._check_none_running()
        with self.core.carnet.write():
            self._repo.set_stopped(timer_id, None)

    def discard(self, timer_id: str) -> None:
        """Drop a timer without proposing an entry (undone by ``restore``)."""
        self._get(timer_id)
        with self.core.carnet.write():
            self._repo.delete([timer_id])

    def restore(self, timer_id: str) -> None:
        """Bring a discarded timer back (undo of ``discard``)."""
        timer = self._get(timer_id)
        if timer.stopped_at is None:
            self._check_none_running()
        with self.core.carnet.write():
            self._repo.restore([timer_id])

    def _get(self, timer_id: str) -> Timer:
        timer = self._repo.get(timer_id)
        if timer is None:
            raise AppError("Ce chronomètre n'existe plus dans le carnet.")
        return timer

    def _check_none_running(self) -> None:
        running = self._repo.running()
        if running is not None:
            started = format_timestamp(running.started_at.isoformat())
            raise InvalidInput(
                f"Un chronomètre tourne déjà depuis le {started} : arrêtez-le d'abord.", "chronomètre"
            )

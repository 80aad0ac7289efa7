"""The timer: kept in the carnet across a restart, one per laptop, what it proposes once stopped,
and the question about a timer left running."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.timer import elapsed_text, forgotten_question, timer_span
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.services import CarnetService, open_service
from tests.conftest import TODAY, ambassador_id, plain

PARIS_WINTER = timezone(timedelta(hours=1))


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def _clocked(service: CarnetService, moment: datetime) -> Clock:
    clock = Clock(moment)
    service.timer.now = clock
    service.timer.zone = PARIS_WINTER
    return clock


def test_a_running_timer_survives_closing_the_carnet(service: CarnetService, carnet_path: Path) -> None:
    start = datetime(2024, 11, 15, 8, 5, 30, tzinfo=UTC)
    _clocked(service, start)
    marie = ambassador_id(service, "Marie Durand")
    started = service.timer.start(marie, Mission.PROMOTION, "  Visite   MSP ", " Toul ")
    service.close()

    with open_service(carnet_path, today=lambda: TODAY) as reopened:
        running = reopened.timer.running()
        assert running is not None
        assert running.id == started.id
        assert running.started_at == start
        assert (running.ambassador_id, running.mission, running.activity, running.description) == (
            marie,
            Mission.PROMOTION,
            "Visite MSP",
            "Toul",
        )
        row = reopened.carnet.db.execute("SELECT started_at, stopped_at FROM timers").fetchone()
        assert row == ("2024-11-15T08:05:30.000Z", None)


def test_one_timer_runs_per_laptop_and_stop_proposes_the_entry(service: CarnetService) -> None:
    clock = _clocked(service, datetime(2024, 11, 15, 8, 5, 40, tzinfo=UTC))
    marie = ambassador_id(service, "Marie Durand")
    timer = service.timer.start(marie, Mission.FORMATION, "Formation Parceo", "MSP de Toul")
    with pytest.raises(InvalidInput, match="tourne déjà"):
        service.timer.start(marie, Mission.PROMOTION, "Appel", "")
    # 1 h 29 min 30 s: rounded half up to the minute, as every duration of the carnet
    clock.moment += timedelta(hours=1, minutes=29, seconds=30)
    stop = service.timer.stop(timer.id)
    entry = stop.entry()
    assert (entry.day, entry.start_time, entry.minutes) == (date(2024, 11, 15), time(9, 5), 90)
    assert (entry.mission, entry.activity, entry.description, entry.ambassador_id) == (
        Mission.FORMATION,
        "Formation Parceo",
        "MSP de Toul",
        marie,
    )
    assert service.timer.running() is None
    # Stopping saved no entry: the user saves the proposal.
    assert service.carnet.db.execute("SELECT count(*) FROM time_entries").fetchone() == (0,)
    saved = service.add_entry(entry)
    assert service.entry(saved.entry_id).minutes == 90


def test_stop_resume_discard_restore_are_each_undone(service: CarnetService) -> None:
    _clocked(service, datetime(2024, 11, 15, 8, 0, tzinfo=UTC))
    marie = ambassador_id(service, "Marie Durand")
    timer = service.timer.start(marie, Mission.PROMOTION, "Appel", "")
    service.timer.stop(timer.id)
    service.timer.resume(timer.id)
    running = service.timer.running()
    assert running is not None
    assert running.id == timer.id
    assert running.stopped_at is None
    service.timer.discard(timer.id)
    assert service.timer.running() is None
    other = service.timer.start(marie, Mission.AUTRE, "Réunion", "")
    with pytest.raises(InvalidInput, match="tourne déjà"):
        service.timer.restore(timer.id)  # two would run
    service.timer.discard(other.id)
    service.timer.restore(timer.id)
    running = service.timer.running()
    assert running is not None
    assert running.id == timer.id


def test_a_timer_needs_an_ambassador_and_an_activity(service: CarnetService) -> None:
    with pytest.raises(InvalidInput, match="ambassadeur"):
        service.timer.start("nobody", Mission.PROMOTION, "Appel", "")
    with pytest.raises(InvalidInput, match="activité"):
        service.timer.start(ambassador_id(service, "Marie Durand"), Mission.PROMOTION, " ", "")


def test_a_timer_past_midnight_is_forgotten_and_holds_until_midnight() -> None:
    # Started 14/11 at 17:05 local (16:05 UTC), stopped the next day at 08:25 local.
    started = datetime(2024, 11, 14, 16, 5, tzinfo=UTC)
    span = timer_span(started, datetime(2024, 11, 15, 7, 25, tzinfo=UTC), PARIS_WINTER)
    assert (span.day, span.start, span.minutes, span.until_midnight) == (
        date(2024, 11, 14),
        time(17, 5),
        15 * 60 + 20,
        6 * 60 + 55,
    )
    assert span.past_midnight
    assert span.forgotten
    assert plain(forgotten_question(span, date(2024, 11, 15))) == (
        "Le chronomètre tourne depuis hier 17 h 05 (15 h 20). L'avez-vous oublié ?"
    )
    assert plain(forgotten_question(span, date(2024, 11, 17))) == (
        "Le chronomètre tourne depuis le jeudi 14 novembre 2024 à 17 h 05 (15 h 20). L'avez-vous oublié ?"
    )


def test_more_than_ten_hours_the_same_day_is_forgotten() -> None:
    started = datetime(2024, 11, 15, 6, 0, tzinfo=UTC)  # 07:00 local
    ten = timer_span(started, started + timedelta(hours=10), PARIS_WINTER)
    assert not ten.forgotten
    longer = timer_span(started, started + timedelta(hours=10, minutes=1), PARIS_WINTER)
    assert longer.forgotten
    assert not longer.past_midnight
    assert plain(forgotten_question(longer, date(2024, 11, 15))) == (
        "Le chronomètre tourne depuis 7 h 00 (10 h 01). L'avez-vous oublié ?"
    )


def test_elapsed_text_reads_like_a_clock() -> None:
    start = datetime(2024, 11, 15, 8, 0, tzinfo=UTC)
    assert elapsed_text(start, start + timedelta(hours=1, minutes=5, seconds=12)) == "1:05:12"
    assert elapsed_text(start, start - timedelta(seconds=3)) == "0:00:00"

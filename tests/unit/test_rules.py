from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import DayTotal, Mission, Programme
from ambassadeur_app.domain.rules import (
    amount_cents,
    check_day_limit,
    date_warnings,
    exclusion_reason,
    month_claim,
    month_summary,
    programme_progress,
)
from ambassadeur_app.errors import InvalidInput
from tests.conftest import plain

PROGRAMME = Programme("CPTS", "54", "Meurthe-et-Moselle", date(2024, 9, 1))
TODAY = date(2024, 11, 15)
SEPT = Month(2024, 9)


def test_programme_period_and_caps() -> None:
    assert PROGRAMME.end_date == date(2025, 2, 28)
    assert len(PROGRAMME.period_months) == 6
    assert PROGRAMME.hourly_total_cap_cents == 1_200_000
    assert PROGRAMME.month_cap_cents(SEPT) == 200_000
    assert PROGRAMME.month_cap_cents(Month(2025, 3)) == 0


def test_partial_months_have_a_prorated_cap() -> None:
    mid = replace(PROGRAMME, start_date=date(2024, 9, 16))  # ends 15 March 2025
    assert mid.month_cap_cents(SEPT) == 100_000  # 15 days of 30
    assert mid.month_cap_cents(Month(2025, 3)) == round(200_000 * 15 / 31)
    assert len(mid.period_months) == 7


def test_amount_is_minutes_times_rate_rounded_to_the_cent() -> None:
    assert amount_cents(90, PROGRAMME) == 7_500
    assert amount_cents(10, PROGRAMME) == 833
    assert amount_cents(2_400, PROGRAMME) == 200_000


def test_month_claim_below_and_above_the_cap() -> None:
    below = month_claim(30 * 60, PROGRAMME, SEPT)
    assert (below.claimed_cents, below.over_cap_minutes, below.funded_minutes) == (150_000, 0, 1_800)
    above = month_claim(47 * 60, PROGRAMME, SEPT)
    assert above.amount_cents == 235_000
    assert above.claimed_cents == 200_000
    assert above.cap_minutes == 2_400
    assert above.over_cap_minutes == 7 * 60


@pytest.mark.parametrize(
    ("day", "mission", "reason"),
    [
        (date(2024, 9, 10), Mission.PROMOTION, ""),
        (date(2024, 9, 10), Mission.AUTRE, "mission non financée"),
        (date(2024, 8, 31), Mission.FORMATION, "avant le début"),
        (date(2025, 3, 1), Mission.FORMATION, "après la fin"),
        (date(2024, 11, 16), Mission.ACCOMPAGNEMENT, "date future"),
    ],
)
def test_exclusion_reasons(day: date, mission: Mission, reason: str) -> None:
    assert reason in exclusion_reason(day, mission, PROGRAMME, TODAY)
    assert bool(exclusion_reason(day, mission, PROGRAMME, TODAY)) == bool(reason)


def test_date_warnings_name_the_dates() -> None:
    assert date_warnings(date(2024, 10, 1), PROGRAMME, TODAY) == []
    (before,) = date_warnings(date(2024, 8, 30), PROGRAMME, TODAY)
    assert "30/08/2024 est avant le début de l'expérimentation (01/09/2024)" in before
    assert "dans le futur" in date_warnings(date(2024, 12, 1), PROGRAMME, TODAY)[0]


def test_day_limit_is_24_hours_per_ambassador() -> None:
    check_day_limit(date(2024, 9, 2), "Marie", 20 * 60, 4 * 60)
    with pytest.raises(InvalidInput) as caught:
        check_day_limit(date(2024, 9, 2), "Marie", 20 * 60, 4 * 60 + 30)
    assert "Marie aurait 24 h 30 le lundi 2 septembre 2024" in plain(caught.value.message)


def test_month_summary_sums_by_mission_ambassador_week_and_caps() -> None:
    rows = [
        DayTotal(date(2024, 8, 30), "a", Mission.PROMOTION, 120),  # previous month, same week
        DayTotal(date(2024, 9, 2), "a", Mission.PROMOTION, 600),
        DayTotal(date(2024, 9, 3), "b", Mission.FORMATION, 900),
        DayTotal(date(2024, 9, 10), "a", Mission.ACCOMPAGNEMENT, 1_200),
        DayTotal(date(2024, 9, 20), "b", Mission.FORMATION, 300),
        DayTotal(date(2024, 9, 21), "b", Mission.AUTRE, 60),
    ]
    summary = month_summary(rows, PROGRAMME, SEPT, TODAY)
    assert summary.total_minutes == 3_060
    assert summary.by_mission[Mission.FORMATION] == 1_200
    assert summary.by_ambassador == {"a": 1_800, "b": 1_260}
    assert summary.other_minutes == 60
    assert summary.claim.fundable_minutes == 3_000
    assert summary.claim.claimed_cents == 200_000
    assert summary.claim.over_cap_minutes == 600
    assert summary.cap_reached_on == date(2024, 9, 10)  # 600 + 900 + 1 200 passes 2 400
    assert summary.not_funded_minutes == 660
    weeks = {week.monday: week.minutes for week in summary.weeks}
    assert weeks[date(2024, 8, 26)] == 120  # the week of 1 September counts 30 August too
    assert weeks[date(2024, 9, 2)] == 1_500
    assert all(week.base_minutes == 600 for week in summary.weeks)


def test_programme_progress_caps_the_total_and_counts_months() -> None:
    minutes = {month: 50 * 60 for month in PROGRAMME.period_months}
    progress = programme_progress(minutes, PROGRAMME, date(2025, 6, 1))
    assert progress.claimed_cents == 1_200_000
    assert progress.months_elapsed == 6
    early = programme_progress({SEPT: 600}, PROGRAMME, date(2024, 10, 5))
    assert early.months_elapsed == 2
    assert early.claimed_cents == 50_000
    assert early.ratio == pytest.approx(50_000 / 1_200_000)
    assert programme_progress({}, PROGRAMME, date(2024, 8, 1)).months_elapsed == 0

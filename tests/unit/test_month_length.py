"""A month's length, worked out without the calendar module, is the calendar's."""

from __future__ import annotations

import calendar
from datetime import timedelta

from ambassadeur_app.domain.dates import Month


def test_every_month_has_the_calendars_length() -> None:
    for year in (1900, 2000, 2023, 2024, 2025, 2026, 2100, 9999):
        for number in range(1, 13):
            month = Month(year, number)
            assert month.days == calendar.monthrange(year, number)[1], month
            assert month.last_day.month == number
            assert month.last_day.day == month.days
            if (year, number) != (9999, 12):
                assert (month.last_day + timedelta(days=1)).day == 1

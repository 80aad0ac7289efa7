"""The demonstration's active Parceo users: the baseline read in Pulsy's statistics on the first
day of the experiment, then a reading at the start of each month and one a few days before
``today``; the +20 % target is reached only in the last weeks. (The onboarding at 30 % and the
hospital and nursing home engaged are the register's own data: ``demo/register.py``.)"""

from __future__ import annotations

from datetime import date, timedelta

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.services import CarnetService

BASELINE = 412
# The readings at the start of the second to sixth months, then the latest one: +21 % at the end.
READINGS = (419, 433, 452, 468, 484)
LATEST = 498


def build_indicators(service: CarnetService, months: list[Month], today: date) -> None:
    """Add the baseline and the readings of active users (none after ``today``)."""
    indicators = service.indicators
    indicators.save_reading(months[0].first_day, BASELINE, baseline=True)
    for month, users in zip(months[1:], READINGS, strict=True):
        if month.first_day <= today:
            indicators.save_reading(month.first_day, users)
    latest = max(today - timedelta(days=3), months[-1].first_day + timedelta(days=1))
    if latest <= today:
        indicators.save_reading(latest, LATEST)

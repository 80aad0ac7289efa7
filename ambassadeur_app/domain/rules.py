"""The money and time rules: what counts as funded, the monthly cap, weeks, the 24 h rule.

Every figure shown on screen, printed on a timesheet or written by the CLI comes from here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, time

from ambassadeur_app.domain.dates import Month, add_months, check_year, week_start, weeks_of_month
from ambassadeur_app.domain.durations import MAX_ENTRY_MINUTES, check_minutes, format_duration
from ambassadeur_app.domain.formatting import format_date, format_date_long
from ambassadeur_app.domain.model import DayTotal, Mission, Programme, TimeEntry
from ambassadeur_app.domain.text import printable, unprintable_problem
from ambassadeur_app.errors import InvalidInput

MAX_TEXT = 2000


def funding_window(programme: Programme, today: date) -> tuple[date, date]:
    """Return the first and last day whose hours can be funded (the period, up to today)."""
    return programme.start_date, min(programme.end_date, today)


def exclusion_reason(day: date, mission: Mission, programme: Programme, today: date) -> str:
    """Return why hours are not counted towards the funding, or ``""`` when they are."""
    if not mission.funded:
        return "mission non financée"
    if day < programme.start_date:
        return "avant le début de l'expérimentation"
    if day > programme.end_date:
        return "après la fin de l'expérimentation"
    if day > today:
        return "date future"
    return ""


def is_fundable(day: date, mission: Mission, programme: Programme, today: date) -> bool:
    """Tell whether hours logged on ``day`` for ``mission`` count towards the funding."""
    return not exclusion_reason(day, mission, programme, today)


def date_warnings(day: date, programme: Programme, today: date) -> list[str]:
    """Return French warnings for a date outside the experiment or in the future."""
    suffix = "l'entrée est enregistrée mais n'est pas comptée dans les heures financées."
    warnings = []
    if day < programme.start_date:
        warnings.append(
            f"Le {format_date(day)} est avant le début de l'expérimentation "
            f"({format_date(programme.start_date)}) : {suffix}"
        )
    elif day > programme.end_date:
        warnings.append(
            f"Le {format_date(day)} est après la fin de l'expérimentation "
            f"({format_date(programme.end_date)}) : {suffix}"
        )
    if day > today:
        warnings.append(f"Le {format_date(day)} est dans le futur : {suffix}")
    return warnings


def validate_entry(entry: TimeEntry) -> None:
    """Check one entry on its own (the 24 h rule and closed months need the carnet).

    Raises:
        InvalidInput: naming the field at fault, in French.
    """
    if not entry.ambassador_id:
        raise InvalidInput("Choisissez l'ambassadeur qui a travaillé.", "ambassadeur")
    check_year(entry.day.year, format_date(entry.day))
    if not entry.activity.strip():
        raise InvalidInput("Indiquez l'activité (par exemple « Rencontre / visite »).", "activité")
    check_minutes(entry.minutes)
    for label, value in (("description", entry.description), ("lieu", entry.place)):
        if len(value) > MAX_TEXT:
            raise InvalidInput(f"Le champ {label} dépasse {MAX_TEXT} caractères.", label)


def clean_entry(entry: TimeEntry) -> tuple[TimeEntry, list[str]]:
    """Remove from an entry's texts what no document can hold; say what was removed.

    Such characters (a bell or a vertical tab pasted from another program) would stop the
    month's timesheet from being written; they are invisible, so removing them loses nothing.
    """
    notes = []
    for label, value in (
        ("La description", entry.description),
        ("Le lieu", entry.place),
        ("L'activité", entry.activity),
    ):
        problem = unprintable_problem(value)
        if problem:
            notes.append(f"{label} {problem} : il a été retiré.")
    if not notes:
        return entry, notes
    cleaned = replace(
        entry,
        description=printable(entry.description),
        place=printable(entry.place),
        activity=printable(entry.activity),
    )
    return cleaned, notes


def check_day_limit(day: date, ambassador_name: str, others_minutes: int, minutes: int) -> None:
    """Refuse more than 24 h for one ambassador on one day.

    Args:
        others_minutes: what the ambassador already has that day, this entry excluded.

    Raises:
        InvalidInput: with the total the day would reach.
    """
    total = others_minutes + minutes
    if total > MAX_ENTRY_MINUTES:
        raise InvalidInput(
            f"{ambassador_name} aurait {format_duration(total)} le {format_date_long(day)} : "
            f"une personne ne peut pas dépasser 24 h dans une journée "
            f"({format_duration(others_minutes)} déjà saisies).",
            "durée",
        )


def amount_cents(minutes: int, programme: Programme) -> int:
    """Return minutes × hourly rate, rounded half up to the cent."""
    return (minutes * programme.hourly_rate_cents * 2 + 60) // 120


@dataclass(frozen=True)
class MonthClaim:
    """What one month's fundable hours earn against its cap."""

    fundable_minutes: int
    amount_cents: int
    cap_cents: int  # the month's (prorated) cap, at most what the months before left of the period's
    cap_minutes: int
    claimed_cents: int
    funded_minutes: int
    over_cap_minutes: int


def month_claim(
    fundable_minutes: int, programme: Programme, month: Month, left_cents: int | None = None
) -> MonthClaim:
    """Apply the hourly rate and the (prorated) monthly cap to a month's fundable minutes.

    Args:
        left_cents: what the months before left of the period's cap (``period_left``): the
            month's cap is at most that, so its funded minutes are those the amount pays and
            the rest is beyond the cap; ``None`` for a month seen alone (no period cap).
    """
    cap = programme.month_cap_cents(month)
    if left_cents is not None:
        cap = min(cap, max(left_cents, 0))
    amount = amount_cents(fundable_minutes, programme)
    cap_minutes = cap * 60 // programme.hourly_rate_cents
    funded = min(fundable_minutes, cap_minutes)
    return MonthClaim(
        fundable_minutes=fundable_minutes,
        amount_cents=amount,
        cap_cents=cap,
        cap_minutes=cap_minutes,
        claimed_cents=min(amount, cap),
        funded_minutes=funded,
        over_cap_minutes=fundable_minutes - funded,
    )


@dataclass(frozen=True)
class WeekTotal:
    monday: date
    minutes: int
    base_minutes: int


@dataclass
class MonthSummary:
    """The month at a glance: hours by mission, ambassador and week, and the money."""

    month: Month
    claim: MonthClaim
    total_minutes: int = 0
    excluded_minutes: int = 0
    other_minutes: int = 0
    cap_reached_on: date | None = None
    by_mission: dict[Mission, int] = field(default_factory=dict)
    by_ambassador: dict[str, int] = field(default_factory=dict)
    by_ambassador_mission: dict[tuple[str, Mission], int] = field(default_factory=dict)
    weeks: list[WeekTotal] = field(default_factory=list)

    @property
    def not_funded_minutes(self) -> int:
        """Return every minute of the month that earns nothing (cap, outside period, Autre)."""
        return self.claim.over_cap_minutes + self.excluded_minutes + self.other_minutes


def month_summary(
    day_totals: Iterable[DayTotal],
    programme: Programme,
    month: Month,
    today: date,
    left_cents: int | None = None,
) -> MonthSummary:
    """Sum a month's entries; ``day_totals`` may include the days of its overlapping weeks;
    ``left_cents`` as ``month_claim`` takes it."""
    by_mission: dict[Mission, int] = dict.fromkeys(Mission, 0)
    by_ambassador: dict[str, int] = defaultdict(int)
    by_pair: dict[tuple[str, Mission], int] = defaultdict(int)
    by_week: dict[date, int] = defaultdict(int)
    fundable_by_day: dict[date, int] = defaultdict(int)
    total = excluded = other = 0
    for row in day_totals:
        by_week[week_start(row.day)] += row.minutes
        if not month.contains(row.day):
            continue
        total += row.minutes
        by_mission[row.mission] += row.minutes
        by_ambassador[row.ambassador_id] += row.minutes
        by_pair[(row.ambassador_id, row.mission)] += row.minutes
        if is_fundable(row.day, row.mission, programme, today):
            fundable_by_day[row.day] += row.minutes
        elif row.mission.funded:
            excluded += row.minutes
        else:
            other += row.minutes
    claim = month_claim(sum(fundable_by_day.values()), programme, month, left_cents)
    return MonthSummary(
        month=month,
        claim=claim,
        total_minutes=total,
        excluded_minutes=excluded,
        other_minutes=other,
        cap_reached_on=_cap_day(fundable_by_day, claim) if claim.over_cap_minutes else None,
        by_mission=by_mission,
        by_ambassador=dict(by_ambassador),
        by_ambassador_mission=dict(by_pair),
        weeks=[
            WeekTotal(monday, by_week.get(monday, 0), programme.weekly_base_minutes)
            for monday in weeks_of_month(month)
        ],
    )


def _cap_day(fundable_by_day: dict[date, int], claim: MonthClaim) -> date | None:
    """Return the day whose hours pass the cap; later hours of the month are not funded."""
    running = 0
    for day in sorted(fundable_by_day):
        running += fundable_by_day[day]
        if running > claim.funded_minutes:
            return day
    return None


def entry_order(entry: TimeEntry) -> tuple[date, bool, time, str, str]:
    """Return the key that puts entries in timesheet order (day, start time, creation)."""
    return (entry.day, entry.start_time is None, entry.start_time or time.min, entry.created_at, entry.id)


def over_cap_split(
    entries: Sequence[TimeEntry],
    programme: Programme,
    month: Month,
    today: date,
    left_cents: int | None = None,
) -> list[int]:
    """Return, for each of ``entries``, its minutes beyond the month's cap (0 for most).

    The binôme's fundable entries of ``month`` fill the cap in timesheet order (``entry_order``);
    the entry that crosses it is split, every later one is wholly beyond. The parts add up
    exactly to ``month_claim(...).over_cap_minutes``, so every document can show them line by
    line and reconcile with its summary. Pass all the binôme's entries of the month, even to
    show one ambassador's: the cap is shared; and the same ``left_cents`` as to ``month_summary``.
    """
    fundable = _fundable(entries, programme, month, today)
    claim = month_claim(sum(entries[i].minutes for i in fundable), programme, month, left_cents)
    return _fill(entries, fundable, claim.funded_minutes, 0)


def over_cap_of_day(
    entries: Sequence[TimeEntry], programme: Programme, month: Month, today: date, funded: int, before: int
) -> list[int]:
    """Return ``over_cap_split`` for the entries of one day only, knowing the month's funded
    minutes and the fundable minutes of the days before (the screen loads just the day on
    which the cap is reached: earlier days are under it, later ones wholly over)."""
    return _fill(entries, _fundable(entries, programme, month, today), funded, before)


def _fundable(entries: Sequence[TimeEntry], programme: Programme, month: Month, today: date) -> list[int]:
    return [
        index
        for index, entry in enumerate(entries)
        if month.contains(entry.day) and is_fundable(entry.day, entry.mission, programme, today)
    ]


def _fill(entries: Sequence[TimeEntry], fundable: list[int], funded: int, running: int) -> list[int]:
    over = [0] * len(entries)
    for index in sorted(fundable, key=lambda i: entry_order(entries[i])):
        minutes = entries[index].minutes
        over[index] = min(minutes, max(0, running + minutes - funded))
        running += minutes
    return over


def entry_summary(entries: Iterable[TimeEntry]) -> list[DayTotal]:
    """Aggregate entries into day totals (used where entries are already loaded)."""
    sums: dict[tuple[date, str, Mission], int] = defaultdict(int)
    for entry in entries:
        sums[(entry.day, entry.ambassador_id, entry.mission)] += entry.minutes
    return [DayTotal(d, a, m, minutes) for (d, a, m), minutes in sums.items()]


@dataclass(frozen=True)
class ProgrammeProgress:
    """Where the whole experiment stands."""

    months_total: int
    months_elapsed: int
    claimed_cents: int
    hourly_cap_cents: int
    by_month: dict[Month, MonthClaim]

    @property
    def ratio(self) -> float:
        return self.claimed_cents / self.hourly_cap_cents if self.hourly_cap_cents else 0.0


def period_claims(fundable_by_month: Mapping[Month, int], programme: Programme) -> dict[Month, MonthClaim]:
    """Return the claim of every month of the period, in order: each within its own cap and
    what the months before left of the period's cap (the hourly forfait's total)."""
    left = programme.hourly_total_cap_cents
    claims = {}
    for month in programme.period_months:
        claims[month] = claim = month_claim(fundable_by_month.get(month, 0), programme, month, left)
        left -= claim.claimed_cents
    return claims


def period_left(fundable_by_month: Mapping[Month, int], programme: Programme, month: Month) -> int:
    """Return what the months of the period before ``month`` leave of the period's cap: the
    ``left_cents`` of ``month``'s claim, summary and over-cap split."""
    return programme.hourly_total_cap_cents - sum(
        claim.claimed_cents for m, claim in period_claims(fundable_by_month, programme).items() if m < month
    )


def programme_progress(
    fundable_by_month: dict[Month, int], programme: Programme, today: date
) -> ProgrammeProgress:
    """Sum the claims of every month of the experiment, within the period's cap (``period_claims``)."""
    by_month = period_claims(fundable_by_month, programme)
    claimed = sum(c.claimed_cents for c in by_month.values())
    elapsed = sum(1 for k in range(programme.months) if add_months(programme.start_date, k) <= today)
    return ProgrammeProgress(
        months_total=programme.months,
        months_elapsed=elapsed,
        claimed_cents=claimed,
        hourly_cap_cents=programme.hourly_total_cap_cents,
        by_month=by_month,
    )

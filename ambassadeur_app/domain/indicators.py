"""The indicators the CPTS is judged on (cahier des charges §5) and its money, against their
targets: pure computations over the carnet's figures (no SQL, no files).

Each ``*_figures`` function takes what the carnet holds and returns the numbers; the service
(``services/indicators.py``) turns them into the ``Indicator`` lines the dashboard, the CLI and
the tableau de bord show, with their charts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ambassadeur_app.domain.dates import Month, check_year
from ambassadeur_app.domain.events import Event, EventKind, EventStatus
from ambassadeur_app.domain.formatting import format_date
from ambassadeur_app.domain.structures import Onboarding, Structure, StructureType
from ambassadeur_app.domain.text import blank
from ambassadeur_app.errors import InvalidInput

if TYPE_CHECKING:
    from ambassadeur_app.domain.expenses import Expense, ForfaitUse
    from ambassadeur_app.domain.model import Programme
    from ambassadeur_app.domain.rules import ProgrammeProgress
    from ambassadeur_app.reports.charts import Chart

MAX_USERS = 10_000_000  # more active users than the Grand Est has inhabitants: a typing slip

# The events §5 counts: those organised to promote the tool (training sessions and internal
# meetings are the other missions' work).
PROMOTION_KINDS = frozenset(
    {EventKind.WORKSHOP, EventKind.PROMOTIONAL, EventKind.WORKING_GROUP, EventKind.WEBINAR}
)
HOSPITAL_TYPES = frozenset({StructureType.CH, StructureType.CHU})
# The structures the indicators read (``structure_figures``, ``engagement_figures``): the others
# (pharmacies, practices... most of a département's register) are not read to count them.
COUNTED_TYPES = HOSPITAL_TYPES | {StructureType.EHPAD} | {t for t in StructureType if t.coordinated}
_ORDER = list(Onboarding)


@dataclass(frozen=True)
class Targets:
    """The targets of §5, each a setting of the carnet (defaults: the cahier des charges)."""

    users_increase_percent: int = 20
    min_events: int = 2
    coordinated_percent: int = 30
    hospitals: int = 1
    nursing_homes: int = 1
    hospital_it_commitment: bool = True  # the hospital's IT department sends admission/discharge notices
    tool_surveys: int = 1


_TARGET_LIMITS = {
    "users_increase_percent": (1, 500, "l'augmentation des utilisateurs actifs (en %)"),
    "min_events": (0, 50, "le nombre d'événements"),
    "coordinated_percent": (1, 100, "la part des structures d'exercice coordonné (en %)"),
    "hospitals": (0, 20, "le nombre de centres hospitaliers"),
    "nursing_homes": (0, 20, "le nombre d'EHPAD"),
    "tool_surveys": (0, 20, "le nombre de diffusions du questionnaire sur l'outil"),
}


def validate_targets(targets: Targets) -> Targets:
    """Check the targets.

    Raises:
        InvalidInput: a value out of its range, naming it in French.
    """
    for name, (low, high, label) in _TARGET_LIMITS.items():
        value = getattr(targets, name)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise InvalidInput(f"Objectif invalide pour {label} : « {value} » (de {low} à {high}).", name)
    return targets


@dataclass(frozen=True)
class Reading:
    """Active Parceo users of the département on a day (Pulsy's statistics); the baseline is
    the count at the start of the experiment."""

    day: date
    users: int
    baseline: bool = False
    id: str = ""


def validate_reading(reading: Reading) -> Reading:
    """Check a reading.

    Raises:
        InvalidInput: a negative or absurd count, a date out of range.
    """
    check_year(reading.day.year, format_date(reading.day), "date")
    if isinstance(reading.users, bool) or not 0 <= reading.users <= MAX_USERS:
        raise InvalidInput(
            f"Nombre d'utilisateurs actifs invalide : « {reading.users} » (un nombre entier positif).",
            "utilisateurs",
        )
    return reading


def target_users(baseline: int, percent: int) -> int:
    """Return the users to reach: the baseline increased by ``percent`` %, rounded up, and at
    least one more than the baseline (an increase from 0 is one user at least)."""
    return max(-(-baseline * (100 + percent) // 100), baseline + 1)


@dataclass(frozen=True)
class UsersFigures:
    """Where the active users stand: baseline, readings in date order, target and projection."""

    baseline: Reading | None
    readings: list[Reading]  # the baseline excluded, one per day (the last saved), by date
    target: int | None
    latest: Reading | None  # the latest reading, or the baseline without any
    slope_per_day: float | None
    projection: float | None  # users expected on the last day of the experiment
    end: date

    @property
    def increase(self) -> float | None:
        """Return the increase over the baseline as a ratio (``None``: no baseline, or it is 0)."""
        if self.baseline is None or self.latest is None or self.baseline.users == 0:
            return None
        return (self.latest.users - self.baseline.users) / self.baseline.users

    @property
    def met(self) -> bool:
        return self.target is not None and self.latest is not None and self.latest.users >= self.target


def least_squares(points: Sequence[tuple[float, float]]) -> tuple[float, float] | None:
    """Return the slope and intercept of the least-squares line through ``points``, or ``None``
    when they do not define one (fewer than two distinct x)."""
    if len({x for x, _ in points}) < 2:
        return None
    count = len(points)
    mean_x = sum(x for x, _ in points) / count
    mean_y = sum(y for _, y in points) / count
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / spread
    return slope, mean_y - slope * mean_x


def users_figures(readings: Iterable[Reading], targets: Targets, end: date) -> UsersFigures:
    """Compute the active users indicator.

    The projection is the least-squares line through the baseline and every reading (days on
    the x axis), read on the last day of the experiment: it weighs every reading alike, so
    one odd reading moves it less than a line through the last two would. With a single
    dated value (the baseline alone, or all on one day) there is no trend and no projection.
    Readings may come in any order; two on the same day count once (the last given).
    """
    baseline: Reading | None = None
    by_day: dict[date, Reading] = {}
    for reading in readings:
        if reading.baseline:
            baseline = reading
        else:
            by_day[reading.day] = reading
    ordered = [by_day[day] for day in sorted(by_day)]
    latest = ordered[-1] if ordered else baseline
    points = [(float(r.day.toordinal()), float(r.users)) for r in ([baseline] if baseline else []) + ordered]
    line = least_squares(points)
    slope = projection = None
    if line is not None:
        slope = line[0]
        projection = max(0.0, line[0] * end.toordinal() + line[1])
    target = target_users(baseline.users, targets.users_increase_percent) if baseline else None
    return UsersFigures(baseline, ordered, target, latest, slope, projection, end)


@dataclass(frozen=True)
class EventFigures:
    """The events organised to promote the tool, and which meet every condition of §5."""

    held: list[Event]
    open_ids: set[str]
    surveyed_ids: set[str]  # followed by a satisfaction questionnaire (answers recorded)
    planned: list[Event]
    training_sessions: int

    @property
    def qualifying(self) -> list[Event]:
        return [e for e in self.held if e.id in self.open_ids and e.id in self.surveyed_ids]


def event_figures(events: Iterable[Event], answered: set[str], today: date) -> EventFigures:
    """Sort the carnet's events: held (« réalisé »), open to the whole département, with a
    questionnaire answered (``answered``: the ids of events whose survey has responses)."""
    held: list[Event] = []
    planned: list[Event] = []
    training = 0
    for event in sorted(events, key=lambda e: e.first_day):
        if event.kind is EventKind.TRAINING and event.status is EventStatus.DONE:
            training += 1
        if event.kind not in PROMOTION_KINDS or event.status is EventStatus.CANCELLED:
            continue
        if event.status is EventStatus.DONE:
            held.append(event)
        elif event.first_day >= today:
            planned.append(event)
    return EventFigures(
        held,
        {e.id for e in held if e.open_to_departement},
        {e.id for e in held if e.id in answered},
        planned,
        training,
    )


@dataclass(frozen=True)
class StructureFigures:
    """The coordinated-care structures (MSP, ESP, CDS) of the département and those onboarded."""

    coordinated: list[Structure]
    onboarded: list[Structure]
    target: int
    elsewhere: int  # coordinated structures of the register in another département

    @property
    def ratio(self) -> float | None:
        return len(self.onboarded) / len(self.coordinated) if self.coordinated else None

    @property
    def met(self) -> bool:
        return bool(self.coordinated) and len(self.onboarded) >= self.target

    def onboarded_by(self, day: date) -> int:
        """Return how many were onboarded on or before ``day`` (an undated one counts always)."""
        return sum(1 for s in self.onboarded if s.onboarding_dates.get(Onboarding.ONBOARDED, date.min) <= day)


def structure_figures(
    structures: Iterable[Structure], departement_code: str, targets: Targets
) -> StructureFigures:
    """Count the département's MSP, ESP and CDS (a structure without a département is taken as
    the carnet's: the register is the département's) and those onboarded in Parceo."""
    coordinated: list[Structure] = []
    elsewhere = 0
    for structure in structures:
        if not structure.type.coordinated:
            continue
        if structure.departement_code.strip() in ("", departement_code):
            coordinated.append(structure)
        else:
            elsewhere += 1
    onboarded = [s for s in coordinated if s.onboarding is Onboarding.ONBOARDED]
    target = -(-len(coordinated) * targets.coordinated_percent // 100)
    return StructureFigures(coordinated, onboarded, target, elsewhere)


@dataclass(frozen=True)
class Engagement:
    """A hospital or nursing home on its way: engaged, its services, its IT commitment."""

    structure: Structure
    engaged: bool  # at the « engagée » step or beyond
    services: str
    it_commitment_on: date | None

    def complete(self, it_required: bool) -> bool:
        """Tell whether it counts: engaged, at least one service named, the IT commitment if
        required."""
        return (
            self.engaged
            and not blank(self.services)
            and (self.it_commitment_on is not None or not it_required)
        )


@dataclass(frozen=True)
class EngagementFigures:
    hospitals: list[Engagement]
    nursing_homes: list[Engagement]
    targets: Targets

    @property
    def hospitals_done(self) -> int:
        return sum(e.complete(self.targets.hospital_it_commitment) for e in self.hospitals)

    @property
    def nursing_homes_done(self) -> int:
        return sum(e.complete(False) for e in self.nursing_homes)

    @property
    def met(self) -> bool:
        return (
            self.hospitals_done >= self.targets.hospitals
            and self.nursing_homes_done >= self.targets.nursing_homes
        )


def engagement_figures(structures: Iterable[Structure], targets: Targets) -> EngagementFigures:
    """Read the hospitals' and nursing homes' engagement from the register's structures (their
    onboarding step, services engaged and IT commitment date); those not yet contacted are left out."""
    hospitals: list[Engagement] = []
    homes: list[Engagement] = []
    for structure in structures:
        if structure.onboarding is Onboarding.TO_CONTACT:
            continue
        engaged = _ORDER.index(structure.onboarding) >= _ORDER.index(Onboarding.ENGAGED)
        item = Engagement(structure, engaged, structure.services_engaged, structure.it_commitment_on)
        if structure.type in HOSPITAL_TYPES:
            hospitals.append(item)
        elif structure.type is StructureType.EHPAD:
            homes.append(item)
    rank = lambda e: (not e.engaged, e.structure.name)  # noqa: E731
    return EngagementFigures(sorted(hospitals, key=rank), sorted(homes, key=rank), targets)


@dataclass(frozen=True)
class MoneyFigures:
    """The grant: hourly forfait month by month, the forfait événement, spent and projected.

    The projection of the hourly forfait gives each month still to come the mean claim of the
    months already over (the current month: what it holds, or that mean prorated to its days
    left if more), within each month's cap; the forfait événement is projected with the pending
    quotes that can still be ordered within the period (``projectable_quote``), within the
    forfait. Once the period has ended there is nothing left to project: the projection is
    what was spent, the bilan's figure.
    """

    progress: ProgrammeProgress
    forfait: ForfaitUse
    total_grant_cents: int
    projected_hourly_cents: int
    over_cap: dict[Month, int]  # months whose fundable minutes went beyond the cap
    complete_months: int
    projected_quotes_cents: int  # the pending quotes counted in the projection
    ended: bool  # the period is over: the projection is the actual figure

    @property
    def forfait_spent_cents(self) -> int:
        return min(self.forfait.committed_cents, self.forfait.forfait_cents)

    @property
    def spent_cents(self) -> int:
        return self.progress.claimed_cents + self.forfait_spent_cents

    @property
    def projected_cents(self) -> int:
        forfait = min(self.forfait.committed_cents + self.projected_quotes_cents, self.forfait.forfait_cents)
        return self.projected_hourly_cents + forfait


def projectable_quote(expense: Expense, event_day: date | None, programme: Programme, today: date) -> bool:
    """Tell whether a pending quote counts in the projection: the period still runs, and neither
    the quote nor its event (first day) is after the period's end (it would be spent, if ever,
    outside the grant)."""
    end = programme.end_date
    return (
        not expense.committed
        and today <= end
        and expense.issued_on <= end
        and (event_day is None or event_day <= end)
    )


def money_figures(
    progress: ProgrammeProgress,
    forfait: ForfaitUse,
    programme: Programme,
    today: date,
    projected_quotes_cents: int,
) -> MoneyFigures:
    """Compute the money figures and their projection to the end of the experiment, the pending
    quotes of ``projected_quotes_cents`` ordered (those ``projectable_quote`` keeps)."""
    ended = today > programme.end_date
    done = [claim for month, claim in progress.by_month.items() if month.last_day < today]
    mean = sum(c.claimed_cents for c in done) // len(done) if done else 0
    projected = 0
    for month, claim in progress.by_month.items():
        if month.last_day < today:
            projected += claim.claimed_cents
        elif month.first_day > today:
            projected += min(mean, claim.cap_cents)
        else:
            left = (month.last_day - today).days
            projected += min(
                claim.cap_cents, max(claim.claimed_cents, claim.claimed_cents + mean * left // month.days)
            )
    return MoneyFigures(
        progress,
        forfait,
        programme.total_grant_cents,
        min(projected, programme.hourly_total_cap_cents),
        {m: c.over_cap_minutes for m, c in progress.by_month.items() if c.over_cap_minutes},
        len(done),
        0 if ended else projected_quotes_cents,
        ended,
    )


@dataclass(frozen=True)
class Indicator:
    """One line of the dashboard and of the tableau de bord.

    ``met``: the target is reached (for a money line: within its limits); ``status`` says it
    in words; ``group`` is « objectif » for the §5 indicators, « budget » for the money.
    """

    key: str
    title: str
    target_text: str
    current_text: str
    missing_text: str
    met: bool
    trend: str
    chart: Chart | None = None
    detail_lines: tuple[str, ...] = ()
    status: str = ""
    group: str = "objectif"
    values: tuple[tuple[str, str], ...] = field(default=())  # the chart's values, as a table

    @property
    def status_text(self) -> str:
        return self.status or ("Atteint" if self.met else "Non atteint")

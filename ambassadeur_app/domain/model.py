"""The carnet's records as plain dataclasses, and the fixed lists (missions, roles...)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from enum import StrEnum
from functools import lru_cache

from ambassadeur_app.domain.dates import Month, add_months, months_between


class Mission(StrEnum):
    """The three funded missions of the binôme, plus unfunded work."""

    PROMOTION = "promotion"
    FORMATION = "formation"
    ACCOMPAGNEMENT = "accompagnement"
    AUTRE = "autre"

    @property
    def label(self) -> str:
        return _MISSION_LABELS[self]

    @property
    def funded(self) -> bool:
        return self is not Mission.AUTRE

    @classmethod
    def funded_missions(cls) -> tuple[Mission, ...]:
        return (cls.PROMOTION, cls.FORMATION, cls.ACCOMPAGNEMENT)


_MISSION_LABELS = {
    Mission.PROMOTION: "Promotion",
    Mission.FORMATION: "Formation",
    Mission.ACCOMPAGNEMENT: "Accompagnement",
    Mission.AUTRE: "Autre (non financé)",
}

DEFAULT_ACTIVITIES: dict[Mission, tuple[str, ...]] = {
    Mission.PROMOTION: (
        "Atelier d'information",
        "Rencontre / visite",
        "Appel",
        "Réunion",
        "Communication",
        "Préparation",
    ),
    Mission.FORMATION: (
        "Session de formation",
        "Création de compte",
        "Mise à jour de compte",
        "Préparation",
        "Réunion",
    ),
    Mission.ACCOMPAGNEMENT: (
        "Réponse à une sollicitation",
        "Assistance à l'usage",
        "Appel",
        "Rencontre / visite",
        "Suivi des utilisateurs",
    ),
    Mission.AUTRE: ("Administratif", "Formation Pulsy", "Déplacement", "Autre"),
}


class Role(StrEnum):
    """The two seats of the binôme."""

    MEDICAL = "medical"
    ADMINISTRATIF = "administratif"

    @property
    def label(self) -> str:
        return "Médical" if self is Role.MEDICAL else "Administratif"


GRAND_EST_DEPARTEMENTS: dict[str, str] = {
    "08": "Ardennes",
    "10": "Aube",
    "51": "Marne",
    "52": "Haute-Marne",
    "54": "Meurthe-et-Moselle",
    "55": "Meuse",
    "57": "Moselle",
    "67": "Bas-Rhin",
    "68": "Haut-Rhin",
    "88": "Vosges",
}


@dataclass(frozen=True)
class Programme:
    """The programme settings of one carnet; every money figure is in cents."""

    cpts_name: str
    departement_code: str
    departement_name: str
    start_date: date
    programme_name: str = "Parceo"
    months: int = 6
    hourly_rate_cents: int = 5_000
    weekly_base_minutes: int = 600
    monthly_cap_cents: int = 200_000
    event_forfait_cents: int = 160_000
    total_grant_cents: int = 1_360_000
    representative_name: str = ""
    representative_title: str = "Président(e) de la CPTS"

    @property
    def cpts_label(self) -> str:
        """Return « CPTS Val de Meurthe — 54 Meurthe-et-Moselle », as the documents name it."""
        return f"{self.cpts_name} — {self.departement_code} {self.departement_name}"

    @property
    def end_date(self) -> date:
        """Return the last day of the experiment (asked for every line a screen or document
        shows: computed once per programme)."""
        return _end_date(self.start_date, self.months)

    @property
    def period_months(self) -> list[Month]:
        """Return the calendar months the experiment touches."""
        return months_between(Month.of(self.start_date), Month.of(self.end_date))

    @property
    def hourly_total_cap_cents(self) -> int:
        """Return the most the hourly forfait can pay over the whole experiment."""
        return self.months * self.monthly_cap_cents

    def month_cap_cents(self, month: Month) -> int:
        """Return the cap of ``month``, prorated by day when the experiment covers it partly."""
        first = max(month.first_day, self.start_date)
        last = min(month.last_day, self.end_date)
        if last < first:
            return 0
        days = (last - first).days + 1
        if days == month.days:
            return self.monthly_cap_cents
        return (self.monthly_cap_cents * days * 2 + month.days) // (2 * month.days)


@lru_cache(maxsize=8)
def _end_date(start_date: date, months: int) -> date:
    return add_months(start_date, months) - timedelta(days=1)


@dataclass(frozen=True)
class Ambassador:
    id: str
    name: str
    role: Role
    profession: str = ""
    email: str = ""
    active: bool = True

    @property
    def label(self) -> str:
        return f"{self.name} ({self.role.label.lower()})"


@dataclass(frozen=True)
class TimeEntry:
    """One line of the carnet: time spent by one ambassador on one mission."""

    day: date
    ambassador_id: str
    mission: Mission
    activity: str
    minutes: int
    start_time: time | None = None
    place: str = ""
    description: str = ""
    id: str = ""
    import_id: str | None = None
    created_at: str = ""
    updated_at: str = ""

    @property
    def month(self) -> Month:
        return Month.of(self.day)


@dataclass(frozen=True)
class DayTotal:
    """Minutes logged by one ambassador on one mission on one day (an SQL aggregate)."""

    day: date
    ambassador_id: str
    mission: Mission
    minutes: int


@dataclass(frozen=True)
class MonthLock:
    """A closure of a month; a reopened closure keeps its reason for the next timesheet."""

    id: str
    month: Month
    closed_at: str
    reopened_at: str | None = None
    reopen_reason: str = ""

    @property
    def active(self) -> bool:
        return self.reopened_at is None


@dataclass(frozen=True)
class EntryFilter:
    """What the carnet table shows: a month plus optional narrowing."""

    month: Month | None = None
    ambassador_id: str | None = None
    mission: Mission | None = None
    text: str = ""

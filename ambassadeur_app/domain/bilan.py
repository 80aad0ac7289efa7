"""The bilan d'exécution's figures: the postes de dépense of the budget annex (Annexe 1 of the
call for applications), the hourly forfait month by month split by mission, the forfait
événement expense by expense, the grant and its payments, and the balance. Pure functions (no
SQL, no files).

The hourly amount of a month is the core's claim (``rules.month_claim``: the month's cap) and
is split by mission from the funded part of each line (``rules.over_cap_split``: the part of a
line beyond the cap funds nothing), by largest remainder, so that the three mission rows add up
exactly to the month's amount. Hours of the « Autre » mission are worked but never funded: they
are counted in the hours worked and have no poste. The forfait événement pays the TTC of the
committed expenses (ordered, invoiced or paid) in date order up to the forfait; a pending quote
is not an expense.

The balance (« Dépenses = Recettes ») compares what the ARS actually paid (``GrantPayment``: an
advance, the balance) with the expenses it funds, the « dépenses retenues »: the expenses within
the grant awarded. What was paid beyond them is the surplus to return (titre de recette); what
they pass the payments is the balance the ARS still owes; expenses beyond the grant are borne by
the CPTS. So ``received − refund + due + uncovered = expenses``, always.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from ambassadeur_app.domain.dates import Month, check_year
from ambassadeur_app.domain.events import SHORT_TEXT, EventKind
from ambassadeur_app.domain.expenses import MAX_AMOUNT_CENTS, Expense, settlement_text
from ambassadeur_app.domain.formatting import format_date, format_euros, format_hours, format_number
from ambassadeur_app.domain.labels import Labelled
from ambassadeur_app.domain.model import Mission, Programme
from ambassadeur_app.domain.rules import MonthClaim, MonthSummary
from ambassadeur_app.domain.text import printable
from ambassadeur_app.errors import InvalidInput

DRAFT_MARK = "BROUILLON — période en cours"
OPEN_MONTHS_MARK = "BROUILLON — mois non clôturés"


class Forfait(Labelled):
    HOURLY = "horaire", "Forfait horaire"
    EVENT = "evenement", "Forfait événement"


class Poste(Labelled):
    """A poste de dépense of the budget annex, in its order."""

    PROMOTION = "promotion", "Mission de promotion de Parceo"
    FORMATION = "formation", "Mission de formation des professionnels"
    ACCOMPAGNEMENT = "accompagnement", "Mission d'accompagnement des professionnels à l'usage"
    WORKING_GROUPS = "groupes_travail", "Mise en place de groupes de travail"
    PROMOTIONAL_EVENTS = "evenements", "Mise en place d'événements promotionnels"

    @property
    def forfait(self) -> Forfait:
        return Forfait.EVENT if self in EVENT_POSTES else Forfait.HOURLY

    @property
    def expected(self) -> str:
        """Return the justifications the annex expects for this poste (its own words)."""
        return _EXPECTED[self]


MISSION_POSTES = {
    Mission.PROMOTION: Poste.PROMOTION,
    Mission.FORMATION: Poste.FORMATION,
    Mission.ACCOMPAGNEMENT: Poste.ACCOMPAGNEMENT,
}
EVENT_POSTES = (Poste.WORKING_GROUPS, Poste.PROMOTIONAL_EVENTS)
_EVENT_DOCUMENTS = (
    "devis, factures, liste des invitations envoyées, liste des participants (feuille d'émargement "
    "par profession/type de structure)"
)
_EXPECTED = {
    Poste.PROMOTION: "rétroplanning/planning, carnet de bord, tableau de suivi des ateliers organisés et "
    "animés, liste des professionnels et structures contactés (par profession, type de structures…)",
    Poste.FORMATION: "tableau de suivi des temps de formation organisés, catalogue de formation proposé, "
    "nombre de professionnels ayant participé à la formation",
    Poste.ACCOMPAGNEMENT: "tableau de suivi sur le nombre de sollicitations reçues par rapport au nombre "
    "de sollicitations ayant fait l'objet d'une réponse, nombre de contacts pris avec les "
    "professionnels (par profession)",
    Poste.WORKING_GROUPS: _EVENT_DOCUMENTS,
    Poste.PROMOTIONAL_EVENTS: _EVENT_DOCUMENTS,
}


def event_poste(kind: EventKind | None) -> Poste:
    """Return the poste of an expense from its event's kind.

    The forfait événement funds « tout évènement ainsi que des groupes de travail dédiés à la
    promotion de l'outil » (§4.A): working groups and internal meetings or committees are
    « groupes de travail »; every other event — information workshop, promotional event,
    webinar, training session (its room or buffet; the trainers' hours go to the formation
    mission of the hourly forfait) — promotes the tool to the professionals, as does an expense
    not tied to an event.
    """
    if kind in (EventKind.WORKING_GROUP, EventKind.MEETING):
        return Poste.WORKING_GROUPS
    return Poste.PROMOTIONAL_EVENTS


def forfait_label(forfait: Forfait, programme: Programme) -> str:
    """Return the forfait's cell of the annex: ``Forfait horaire : 50 €/heure, 2 000 €/mois maximum``."""
    if forfait is Forfait.HOURLY:
        return (
            f"{forfait.label} : {format_euros(programme.hourly_rate_cents)}/heure, "
            f"{format_euros(programme.monthly_cap_cents)}/mois maximum"
        )
    return f"{forfait.label} : {format_euros(programme.event_forfait_cents)}/{programme.months} mois maximum"


def split_cents(total: int, weights: Sequence[int]) -> list[int]:
    """Split ``total`` cents in proportion to ``weights`` by largest remainder: the shares add
    up exactly to ``total``; equal remainders go to the first weights.

    Raises:
        ValueError: a positive total and no positive weight.
    """
    whole = sum(weights)
    if whole <= 0:
        if total:
            raise ValueError("no weight to split an amount by")
        return [0] * len(weights)
    shares = [total * weight // whole for weight in weights]
    remainders = [total * weight % whole for weight in weights]
    for index in sorted(range(len(weights)), key=lambda i: (-remainders[i], i))[: total - sum(shares)]:
        shares[index] += 1
    return shares


@dataclass(frozen=True)
class MonthLine:
    """One entry of a month as its timesheet counts it."""

    mission: Mission
    minutes: int
    counted: bool  # fundable: a funded mission, in the period, not in the future
    over_cap_minutes: int  # its part beyond the month's cap

    @property
    def funded_minutes(self) -> int:
        return self.minutes - self.over_cap_minutes if self.counted else 0


@dataclass(frozen=True)
class MonthBilan:
    """The hourly forfait of one month of the period."""

    month: Month
    summary: MonthSummary  # the binôme's month, as on its timesheet
    funded_by_mission: dict[Mission, int]  # minutes, the three funded missions
    cents_by_mission: dict[Mission, int]

    @property
    def claim(self) -> MonthClaim:
        return self.summary.claim

    @property
    def claimed_cents(self) -> int:
        """Return the month's claim, within its cap and what is left of the period's cap."""
        return self.claim.claimed_cents

    @property
    def worked_minutes(self) -> int:
        return self.summary.total_minutes

    @property
    def not_counted_minutes(self) -> int:
        """Return the minutes outside the period, in the future, or of the « Autre » mission."""
        return self.summary.excluded_minutes + self.summary.other_minutes


def month_bilans(months: Iterable[tuple[MonthSummary, Sequence[MonthLine]]]) -> list[MonthBilan]:
    """Return each month's hourly bilan: its claim (within its cap and what the months before
    left of the period's cap: ``rules.period_claims``), split by mission.

    Raises:
        ValueError: the lines' funded minutes do not add up to the month's funded minutes (the
            lines and the summary come from different entries).
    """
    bilans = []
    for summary, lines in months:
        funded = {mission: 0 for mission in MISSION_POSTES}
        fundable = dict(funded)
        for line in lines:
            if line.counted:
                funded[line.mission] += line.funded_minutes
                fundable[line.mission] += line.minutes
        if sum(funded.values()) != summary.claim.funded_minutes:
            raise ValueError(f"{summary.month}: the lines do not add up to the month's funded minutes")
        claimed = summary.claim.claimed_cents
        # A cap below one minute funds no minute but some cents: split them by the hours counted.
        weights = list(funded.values()) if any(funded.values()) else list(fundable.values())
        cents = dict(zip(funded, split_cents(claimed, weights), strict=True))
        bilans.append(MonthBilan(summary.month, summary, funded, cents))
    return bilans


@dataclass(frozen=True)
class ExpenseLine:
    """A committed expense of the forfait événement and its part within the forfait."""

    expense: Expense
    poste: Poste
    event: str  # its event's title, "" for none
    funded_cents: int  # what the forfait pays of it
    documents: tuple[str, ...]  # its intact quote and invoice files, as the bilan cites them
    missing: str | None  # the document it lacks (``expenses.missing_document``, then its quote),
    # and its files altered or absent

    @property
    def over_forfait_cents(self) -> int:
        return self.expense.amount_ttc_cents - self.funded_cents


def fill_forfait(amounts: Sequence[int], forfait_cents: int) -> list[int]:
    """Return the part of each amount (in order) the forfait pays: later ones get what is left."""
    left = forfait_cents
    parts = []
    for amount in amounts:
        part = min(amount, max(left, 0))
        parts.append(part)
        left -= part
    return parts


@dataclass(frozen=True)
class GrantPayment:
    """A payment of the grant the ARS actually made (an advance, the balance), in cents."""

    day: date
    amount_cents: int
    label: str = ""
    id: str = ""

    @property
    def title(self) -> str:
        """Return ``Versement du 15/03/2026`` (the line of the bilan that shows it)."""
        return f"Versement du {format_date(self.day)}"

    @property
    def line(self) -> str:
        """Return ``Versement du 15/03/2026 : 6 800,00 € (avance)``."""
        label = f" ({self.label})" if self.label else ""
        return f"{self.title} : {format_euros(self.amount_cents)}{label}"


def validate_payment(payment: GrantPayment, today: date) -> GrantPayment:
    """Check a payment and return it cleaned (its label on one line, trimmed): a payment is
    recorded once received, so never dated after ``today``.

    Raises:
        InvalidInput: naming the field at fault (``date``, ``montant``, ``libellé``).
    """
    check_year(payment.day.year, format_date(payment.day), "date")
    if payment.day > today:
        raise InvalidInput(
            f"Le {format_date(payment.day)} est à venir : un versement se note une fois reçu, à la date "
            "où il l'a été.",
            "date",
        )
    if payment.amount_cents <= 0:
        raise InvalidInput(
            f"Le montant d'un versement doit être positif ({format_euros(payment.amount_cents)} saisis).",
            "montant",
        )
    if payment.amount_cents > MAX_AMOUNT_CENTS:
        raise InvalidInput(
            f"Le montant dépasse {format_euros(MAX_AMOUNT_CENTS)} : vérifiez le nombre de zéros.", "montant"
        )
    label = " ".join(printable(payment.label).split())
    if len(label) > SHORT_TEXT:
        raise InvalidInput(
            f"Libellé trop long ({format_number(len(label), 0)} caractères ; "
            f"{format_number(SHORT_TEXT, 0)} au plus).",
            "libellé",
        )
    return GrantPayment(payment.day, payment.amount_cents, label, payment.id)


def over_grant_warning(received_cents: int, grant_cents: int) -> str | None:
    """Say that the payments received pass the grant awarded (a typo, or a payment the ARS
    will take back), or ``None``."""
    if received_cents <= grant_cents:
        return None
    return (
        f"Les versements reçus ({format_euros(received_cents)}) dépassent la subvention accordée "
        f"({format_euros(grant_cents)}) de {format_euros(received_cents - grant_cents)} : vérifiez les "
        "montants."
    )


def payment_warnings(
    payment: GrantPayment, received: Sequence[GrantPayment], programme: Programme
) -> list[str]:
    """Return what to confirm before recording ``payment`` besides those ``received``: the
    payments passing the grant awarded, the same payment (date and amount) already recorded, a
    date before the experiment's start."""
    warnings = []
    total = sum(p.amount_cents for p in received) + payment.amount_cents
    if warning := over_grant_warning(total, programme.total_grant_cents):
        warnings.append(warning)
    if any((p.day, p.amount_cents) == (payment.day, payment.amount_cents) for p in received):
        warnings.append(
            f"Un versement de {format_euros(payment.amount_cents)} du {format_date(payment.day)} est déjà "
            "enregistré : ne le saisissez pas deux fois."
        )
    if payment.day < programme.start_date:
        warnings.append(
            f"Le {format_date(payment.day)} est avant le début de l'expérimentation "
            f"({format_date(programme.start_date)}) : vérifiez la date."
        )
    return warnings


@dataclass(frozen=True)
class Bilan:
    """The quantitative part of the bilan d'exécution."""

    programme: Programme
    today: date
    months: list[MonthBilan]
    expenses: list[ExpenseLine]
    quotes_cents: int  # pending quotes: not expenses, shown for information
    open_months: list[Month]  # months of the period not closed (their timesheets are provisional)
    payments: list[GrantPayment]  # what the ARS paid of the grant, by date

    @property
    def draft(self) -> bool:
        """Tell whether the bilan is a draft: the period still runs, or a month of it is not
        closed (its timesheet, so its figures, can still change)."""
        return self.today <= self.programme.end_date or bool(self.open_months)

    @property
    def draft_mark(self) -> str:
        """Return why the bilan is a draft, in capitals (``draft``)."""
        return DRAFT_MARK if self.today <= self.programme.end_date else OPEN_MONTHS_MARK

    @property
    def hourly_cents(self) -> int:
        return sum(m.claimed_cents for m in self.months)

    @property
    def event_cents(self) -> int:
        return sum(line.funded_cents for line in self.expenses)

    @property
    def total_cents(self) -> int:
        return self.hourly_cents + self.event_cents

    @property
    def grant_cents(self) -> int:
        """Return the grant awarded (the programme's total), not what was paid."""
        return self.programme.total_grant_cents

    @property
    def received_cents(self) -> int:
        """Return the payments of the grant received."""
        return sum(payment.amount_cents for payment in self.payments)

    @property
    def retained_cents(self) -> int:
        """Return the « dépenses retenues »: the expenses within the grant awarded."""
        return min(self.total_cents, self.grant_cents)

    @property
    def refund_cents(self) -> int:
        """Return the surplus to return to the ARS (titre de recette): paid beyond the expenses
        retained."""
        return max(0, self.received_cents - self.retained_cents)

    @property
    def due_cents(self) -> int:
        """Return the balance the ARS still has to pay: the expenses retained beyond the payments."""
        return max(0, self.retained_cents - self.received_cents)

    @property
    def surplus_cents(self) -> int:
        """Return the part of the grant awarded not spent (never paid, or returned)."""
        return self.grant_cents - self.retained_cents

    @property
    def uncovered_cents(self) -> int:
        """Return the expenses beyond the grant (borne by the CPTS)."""
        return self.total_cents - self.retained_cents

    @property
    def over_cap_cents(self) -> int:
        """Return the value, at the hourly rate, of the hours worked beyond the caps (monthly,
        and the period's): real work the forfait horaire does not fund."""
        return sum(m.claim.amount_cents - m.claimed_cents for m in self.months)

    @property
    def over_forfait_cents(self) -> int:
        """Return the committed expenses beyond the forfait événement: not funded."""
        return sum(line.over_forfait_cents for line in self.expenses)

    @property
    def beyond_forfaits_text(self) -> str:
        """Say what the forfaits do not fund (for information: out of the balance)."""
        hours = format_hours(sum(m.claim.over_cap_minutes for m in self.months))
        return (
            f"heures au-delà des plafonds : {hours}, soit {format_euros(self.over_cap_cents)} au taux du "
            f"forfait ; dépenses au-delà du forfait événement : {format_euros(self.over_forfait_cents)}"
        )

    def poste_cents(self, poste: Poste) -> int:
        """Return a poste's amount: a mission's over the months, or its expenses' funded parts."""
        if poste.forfait is Forfait.EVENT:
            return sum(line.funded_cents for line in self.expenses if line.poste is poste)
        mission = next(m for m, p in MISSION_POSTES.items() if p is poste)
        return sum(m.cents_by_mission[mission] for m in self.months)

    def forfait_cents(self, forfait: Forfait) -> int:
        return self.hourly_cents if forfait is Forfait.HOURLY else self.event_cents

    @property
    def funded_minutes(self) -> int:
        return sum(m.claim.funded_minutes for m in self.months)

    @property
    def settlement_text(self) -> str:
        return settlement_text(self.received_cents, self.total_cents, self.grant_cents)

    @property
    def balance_text(self) -> str:
        """Say how Dépenses = Recettes balances."""
        text = (
            f"Dépenses retenues au titre des forfaits {format_euros(self.total_cents)} (couvertes par la "
            f"subvention : {format_euros(self.retained_cents)}) ; versements reçus "
            f"{format_euros(self.received_cents)} sur {format_euros(self.grant_cents)} accordés"
        )
        text += f" ; {self.settlement_text[0].lower()}{self.settlement_text[1:]}"
        if self.uncovered_cents:
            uncovered = format_euros(self.uncovered_cents)
            text += f" ; dépenses retenues au-delà de la subvention, à la charge de la CPTS : {uncovered}"
        text += "."
        if self.over_cap_cents or self.over_forfait_cents:
            text += (
                f" Non financé, à la charge de la CPTS (pour information, hors balance) : "
                f"{self.beyond_forfaits_text}."
            )
        return text

    @property
    def hours_text(self) -> str:
        return f"{format_hours(self.funded_minutes)} financées"


def budget_estimate(programme: Programme) -> dict[Poste, int]:
    """Return the amounts of the budget prévisionnel from the programme's settings: the hourly
    forfait's most over the period (months × monthly cap) shared equally by the three missions,
    the forfait événement equally by its two postes (to the cent, by largest remainder); an
    indicative split the CPTS adjusts to its plan."""
    hourly = split_cents(programme.hourly_total_cap_cents, [1] * len(MISSION_POSTES))
    events = split_cents(programme.event_forfait_cents, [1] * len(EVENT_POSTES))
    return dict(zip([*MISSION_POSTES.values(), *EVENT_POSTES], [*hourly, *events], strict=True))

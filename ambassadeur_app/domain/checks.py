"""The checks before the justification pack: what is missing or inconsistent in the carnet,
each finding with where to fix it. Pure rules over dataclasses (no SQL, no files).

Severity:
- « bloquant »: the pack would not justify the money it claims — a month that has ended but is
  not closed (its timesheet can still change, it is not the signed one), an event held without
  its signed sign-in sheet (the funder's proof of attendance), an expense that counts against
  the forfait without its invoice, or without its quote (§4.B: « les devis, factures et les
  listes d'émargement … sont obligatoires »; an invoice without the quote it follows is what a
  controller rejects), or whose file is missing or changed.
- « à vérifier »: the pack stands, but a controller will ask — the month under way (closed at
  its end), an event without answers to its questionnaire (a §5 target, not a justification of
  money), an online event without a signed sheet (the participants' list stands in for it), a
  request never answered, an entry or an event dated outside the period (not counted, not
  funded: a typing slip?), a payment of the grant dated before the start or in the future, the
  forfait événement exceeded (the excess is not funded), an action late in the rétroplanning.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ambassadeur_app.domain.bilan import GrantPayment
from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.events import Event, EventKind, EventStatus
from ambassadeur_app.domain.expenses import (
    AttachmentRole,
    Expense,
    ExpenseStatus,
    ForfaitUse,
    missing_document,
)
from ambassadeur_app.domain.formatting import format_date, format_euros, plural
from ambassadeur_app.domain.model import Programme, TimeEntry
from ambassadeur_app.domain.planning import PlannedAction, days_late
from ambassadeur_app.domain.register import Solicitation


class Severity(StrEnum):
    BLOCKING = "bloquant"
    TO_CHECK = "à vérifier"


class RecordKind(StrEnum):
    """What ``Finding.record_id`` names (how the window selects it on its page)."""

    MONTH = "mois"  # record_id: "AAAA-MM"
    ENTRY = "entrée"
    EVENT = "événement"
    EXPENSE = "dépense"
    REQUEST = "sollicitation"
    ACTION = "action"
    NONE = ""  # the finding has no record (the forfait)


# The pages of the window (``gui/pages/__init__.py`` names) where each finding is fixed.
CARNET_PAGE = "carnet"
EVENTS_PAGE = "events"
SOLICITATIONS_PAGE = "solicitations"
PLANNING_PAGE = "planning"

CLOSE_HINT = "Clôturez-le (menu Mois > Clôturer le mois…) : son relevé d'heures signé est celui du dossier."
SHEET_HINT = "joignez le scan de la feuille signée (onglet Événements, « Joindre la feuille signée… »)."
DOCUMENT_HINT = "joignez le document (onglet Événements, « Dépenses… »)."
QUOTE_MISSING = "Devis non joint"


@dataclass(frozen=True)
class Finding:
    """One thing to fix before sending the pack, and where to fix it."""

    severity: Severity
    title: str
    detail: str
    target_page: str
    record_id: str = ""
    record_kind: RecordKind = RecordKind.NONE

    @property
    def blocking(self) -> bool:
        return self.severity is Severity.BLOCKING

    @property
    def line(self) -> str:
        """Return the finding on one line: ``[bloquant] title : detail``."""
        return f"[{self.severity.value}] {self.title} : {self.detail}"


def unclosed_months(programme: Programme, closed: Collection[Month], today: date) -> list[Finding]:
    """The months of the period not closed: blocking once ended, to check while under way; a
    month not begun yet is not listed (the period is not over: the pack is a draft)."""
    found = []
    for month in programme.period_months:
        if month in closed or month.first_day > today:
            continue
        ended = month.last_day < today
        found.append(
            Finding(
                Severity.BLOCKING if ended else Severity.TO_CHECK,
                f"Mois {month.of_label()} non clôturé",
                CLOSE_HINT
                if ended
                else "Mois en cours : clôturez-le à sa fin ; son relevé du dossier est provisoire.",
                CARNET_PAGE,
                str(month),
                RecordKind.MONTH,
            )
        )
    return found


def event_findings(
    events: Iterable[Event],
    programme: Programme,
    with_signed_sheet: Collection[str],
    with_answers: Collection[str],
    today: date,
) -> list[Finding]:
    """The events held (done, or planned and past) without their signed sign-in sheet or without
    answers to their questionnaire, and the events dated outside the period. Internal meetings
    and cancelled events need neither."""
    found = []
    for event in events:
        if event.status is EventStatus.CANCELLED or event.kind is EventKind.MEETING:
            continue
        when = f"« {event.title} » du {format_date(event.first_day)}"
        if not programme.start_date <= event.first_day <= programme.end_date:
            found.append(
                Finding(
                    Severity.TO_CHECK,
                    "Événement hors de la période",
                    f"{when} : il ne compte pas dans les tableaux ; corrigez sa date si c'est une erreur.",
                    EVENTS_PAGE,
                    event.id,
                    RecordKind.EVENT,
                )
            )
            continue
        held = event.status is EventStatus.DONE or event.sessions[-1].day < today
        if not held:
            continue
        if event.status is EventStatus.PLANNED:
            found.append(
                Finding(
                    Severity.TO_CHECK,
                    "Événement passé encore « planifié »",
                    f"{when} : passez-le à « Réalisé » (ou « Annulé ») pour qu'il compte juste.",
                    EVENTS_PAGE,
                    event.id,
                    RecordKind.EVENT,
                )
            )
        if event.id not in with_signed_sheet:
            online = event.online and not event.place
            found.append(
                Finding(
                    Severity.TO_CHECK if online else Severity.BLOCKING,
                    "Feuille d'émargement signée non jointe",
                    f"{when} : {SHEET_HINT}"
                    + (" En ligne : la liste des participants peut en tenir lieu." if online else ""),
                    EVENTS_PAGE,
                    event.id,
                    RecordKind.EVENT,
                )
            )
        if event.id not in with_answers:
            found.append(
                Finding(
                    Severity.TO_CHECK,
                    "Questionnaire de satisfaction sans réponse",
                    f"{when} : saisissez ou importez les réponses à son questionnaire (objectif : chaque "
                    "événement suivi d'un questionnaire).",
                    EVENTS_PAGE,
                    event.id,
                    RecordKind.EVENT,
                )
            )
    return found


def missing_quote(expense: Expense, roles: Collection[AttachmentRole]) -> bool:
    """Tell whether a committed expense lacks its quote (§4.B: quotes are compulsory); an order
    with no document at all is already asked for its quote or invoice (``missing_document``)."""
    if not expense.committed or AttachmentRole.QUOTE in roles:
        return False
    return not (expense.status is ExpenseStatus.ORDERED and missing_document(expense, roles) is not None)


def expense_findings(
    expenses: Iterable[Expense],
    roles: Mapping[str, Collection[AttachmentRole]],
    file_problems: Mapping[str, list[str]],
) -> list[Finding]:
    """The expenses that count against the forfait without their document or without their
    quote (``roles``: the roles of each expense's attachments), and every attachment whose file
    is missing or changed (``file_problems``: by owner id, an expense's or an event's)."""
    found = []
    for expense in expenses:
        missing = missing_document(expense, roles.get(expense.id, ()))
        if missing is not None:
            found.append(
                Finding(
                    Severity.BLOCKING,
                    missing,
                    f"{expense.label} ({format_euros(expense.amount_ttc_cents)} TTC, "
                    f"{expense.status.label.lower()}) : {DOCUMENT_HINT}",
                    EVENTS_PAGE,
                    expense.id,
                    RecordKind.EXPENSE,
                )
            )
        if missing_quote(expense, roles.get(expense.id, ())):
            found.append(
                Finding(
                    Severity.BLOCKING,
                    QUOTE_MISSING,
                    f"{expense.label} ({format_euros(expense.amount_ttc_cents)} TTC, "
                    f"{expense.status.label.lower()}) : le cahier des charges (§4.B) rend les devis "
                    f"obligatoires ; {DOCUMENT_HINT}",
                    EVENTS_PAGE,
                    expense.id,
                    RecordKind.EXPENSE,
                )
            )
        for problem in file_problems.get(expense.id, []):
            found.append(
                Finding(
                    Severity.BLOCKING,
                    "Pièce jointe absente ou modifiée",
                    problem,
                    EVENTS_PAGE,
                    expense.id,
                    RecordKind.EXPENSE,
                )
            )
    return found


def sheet_file_findings(file_problems: Mapping[str, list[str]], event_ids: Collection[str]) -> list[Finding]:
    """The signed sign-in sheets whose file is missing or changed (by event id)."""
    return [
        Finding(
            Severity.BLOCKING,
            "Pièce jointe absente ou modifiée",
            problem,
            EVENTS_PAGE,
            event_id,
            RecordKind.EVENT,
        )
        for event_id in event_ids
        for problem in file_problems.get(event_id, [])
    ]


def unanswered_requests(requests: Iterable[Solicitation]) -> list[Finding]:
    """The requests never answered, the oldest first: the table « reçues / répondues » shows
    them open."""
    return [
        Finding(
            Severity.TO_CHECK,
            "Sollicitation sans réponse",
            f"Reçue le {format_date(request.received_at.date())} : "
            f"{' '.join(request.description.split())[:120]}",
            SOLICITATIONS_PAGE,
            request.id,
            RecordKind.REQUEST,
        )
        for request in sorted(requests, key=lambda request: request.received_at)
        if not request.status.answered
    ]


def open_conflicts(count: int) -> list[Finding]:
    """The sync's conflicts not settled yet: a figure of the pack may still change with them
    (an entry typed on both laptops, one set aside in a closed month…)."""
    if not count:
        return []
    open_ones = plural(count, "conflit n'est pas réglé", "conflits ne sont pas réglés")
    return [
        Finding(
            Severity.TO_CHECK,
            "Conflits de synchronisation à vérifier",
            f"{open_ones} : les chiffres du dossier peuvent encore changer selon le choix fait. Voyez "
            "« Carnet > Conflits à vérifier » (commande « conflits »).",
            CARNET_PAGE,
        )
    ]


def entries_outside(entries: Iterable[TimeEntry], programme: Programme) -> list[Finding]:
    """The time entries dated outside the period: in no timesheet of the pack, not funded."""
    return [
        Finding(
            Severity.TO_CHECK,
            "Entrée hors de la période",
            f"Entrée du {format_date(entry.day)} ({entry.activity}) : la période va du "
            f"{format_date(programme.start_date)} au {format_date(programme.end_date)} ; elle n'est ni "
            "dans les relevés ni financée. Corrigez sa date si c'est une erreur.",
            CARNET_PAGE,
            entry.id,
            RecordKind.ENTRY,
        )
        for entry in entries
        if not programme.start_date <= entry.day <= programme.end_date
    ]


def payments_outside(payments: Iterable[GrantPayment], programme: Programme, today: date) -> list[Finding]:
    """The payments of the grant dated before the experiment's start, or after today (recorded
    before they were received): the bilan counts them as received."""
    found = []
    for payment in payments:
        if payment.day > today:
            why = "il est daté d'un jour à venir : un versement se note une fois reçu"
        elif payment.day < programme.start_date:
            why = f"il est antérieur au début de l'expérimentation ({format_date(programme.start_date)})"
        else:
            continue
        found.append(
            Finding(
                Severity.TO_CHECK,
                "Versement de la subvention à vérifier",
                f"{payment.line} : {why}. Le bilan le compte comme reçu ; corrigez-le s'il le faut (menu "
                "Carnet > Versements de la subvention…).",
                CARNET_PAGE,
            )
        )
    return found


def forfait_exceeded(use: ForfaitUse) -> list[Finding]:
    """The forfait événement exceeded by the committed expenses: the excess is not funded."""
    if use.remaining_cents >= 0:
        return []
    return [
        Finding(
            Severity.TO_CHECK,
            "Forfait événement dépassé",
            f"{format_euros(use.committed_cents)} engagés sur {format_euros(use.forfait_cents)} : "
            f"{format_euros(-use.remaining_cents)} ne seront pas financés.",
            EVENTS_PAGE,
        )
    ]


def late_actions(actions: Iterable[PlannedAction], today: date) -> list[Finding]:
    """The actions of the rétroplanning late on ``today``."""
    found = []
    for action in actions:
        late = days_late(action, today)
        if late:
            found.append(
                Finding(
                    Severity.TO_CHECK,
                    "Action en retard dans le rétroplanning",
                    f"« {action.title} » : prévue jusqu'au {format_date(action.planned_end)}, "
                    f"{plural(late, 'jour')} de retard.",
                    PLANNING_PAGE,
                    action.id,
                    RecordKind.ACTION,
                )
            )
    return found


def ordered(findings: Iterable[Finding]) -> list[Finding]:
    """Return the findings blocking first, each group in the order found."""
    return sorted(findings, key=lambda finding: not finding.blocking)


def summary(findings: Collection[Finding]) -> str:
    """Say how many findings block and how many are to check."""
    blocking = sum(1 for finding in findings if finding.blocking)
    if not findings:
        return "Aucun point à corriger : le carnet est prêt pour le dossier de justification."
    return (
        f"{plural(blocking, 'point bloquant', 'points bloquants')}, "
        f"{plural(len(findings) - blocking, 'point à vérifier', 'points à vérifier')}."
    )

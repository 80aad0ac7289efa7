"""The bilan d'exécution's figures and justifications, read from the carnet.

``BilanService`` sums each month of the period as its timesheet does (``rules.month_summary``
and ``rules.over_cap_split`` over the binôme's entries of the month), reads the committed
expenses with their files (``expenses.py``) and their events' kinds (``events.py``), and says,
for each poste de dépense of the budget annex, which justifications the carnet holds, under the
file names the justification pack gives them. The figures come from ``domain/bilan.py``; the
documents from ``reports/bilan.py`` and ``reports/budget.py``. It also keeps the payments of
the grant the ARS actually made (``grant_payments``), which the balance compares with the
expenses.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ambassadeur_app.domain.bilan import (
    Bilan,
    ExpenseLine,
    GrantPayment,
    MonthLine,
    Poste,
    event_poste,
    fill_forfait,
    month_bilans,
    payment_warnings,
    validate_payment,
)
from ambassadeur_app.domain.checks import QUOTE_MISSING, missing_quote
from ambassadeur_app.domain.events import Event, EventKind, EventStatus
from ambassadeur_app.domain.expenses import AttachmentRole, Expense, missing_document
from ambassadeur_app.domain.formatting import plural
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.planning import ActionStatus, PlannedAction
from ambassadeur_app.domain.rules import (
    MonthSummary,
    entry_summary,
    is_fundable,
    month_summary,
    over_cap_split,
)
from ambassadeur_app.errors import AppError
from ambassadeur_app.services.core import ShortIdWords, find_by_short_id

if TYPE_CHECKING:
    from ambassadeur_app.domain.dates import Month
    from ambassadeur_app.domain.expenses import Attachment
    from ambassadeur_app.services.core import CarnetCore
    from ambassadeur_app.services.events import EventsService
    from ambassadeur_app.services.expenses import ExpensesService
    from ambassadeur_app.services.planning import PlanningService
    from ambassadeur_app.services.register import RegisterService


_PAYMENT_WORDS = ShortIdWords("du versement", "Aucun versement", "Plusieurs versements", "versements")


def _both(pdf_path: str) -> str:
    """Return a document of the pack written in both formats: ``…/x.pdf (et .xlsx)``."""
    return f"{pdf_path} (et .xlsx)"


@dataclass(frozen=True)
class Citations:
    """How the bilan cites the other documents: in the justification pack (``in_pack``), by
    their paths in it; written alone, the attached files by the name they were attached under
    and the tables by their title (no pack lies next to it). ``files``: by attachment id, how
    each intact attached file is cited; a file missing from it is altered or absent (and the
    pack does not hold it)."""

    files: Mapping[str, str]
    in_pack: bool

    def table(self, kind: str) -> str:
        """Return a justification table (``kind``: a key of ``manifest.TABLE_STEMS``)."""
        from ambassadeur_app.reports.manifest import table_path

        if self.in_pack:
            return _both(table_path(kind, "pdf"))
        return f"Tableau « {_table_titles()[kind]} »"

    def timesheets(self, months: list[Month]) -> str:
        from ambassadeur_app.reports.manifest import timesheet_path

        if self.in_pack:
            return ", ".join(timesheet_path(m, "pdf") for m in months)
        return "relevés d'heures mensuels (un par mois)"

    def event_file(self, event: Event) -> str:
        from ambassadeur_app.reports.manifest import event_file_path

        return _both(event_file_path(event, "pdf")) if self.in_pack else "Dossier d'événement"


def _table_titles() -> dict[str, str]:
    """Return the titles of the justification tables the bilan cites, by export kind."""
    from ambassadeur_app.reports import event_tables, justification, planning

    return {**justification.KINDS, **event_tables.KINDS, "planning": planning.TITLE}


def broken_file(attachment: Attachment) -> str:
    """Say that an attached file is altered or absent (so not in the pack)."""
    return (
        f"{attachment.role.label.lower()} « {attachment.filename} » : fichier altéré ou absent, à joindre "
        "de nouveau"
    )


@dataclass(frozen=True)
class ActivityHours:
    """The hours of one activity of a mission over the period: worked, and funded."""

    mission: Mission
    activity: str
    minutes: int
    funded_minutes: int


@dataclass(frozen=True)
class DoneAction:
    """An action of the rétroplanning carried out, and what carried it out."""

    action: PlannedAction
    links: list[str]


class BilanService:
    """The bilan d'exécution of one open carnet."""

    def __init__(
        self,
        core: CarnetCore,
        register: RegisterService,
        events: EventsService,
        expenses: ExpensesService,
        planning: PlanningService,
    ) -> None:
        self.core = core
        self.register = register
        self.events = events
        self.expenses = expenses
        self.planning = planning
        self.carnet = core.carnet

    def citations(self) -> Citations:
        """Return how a bilan written alone cites the files: intact ones by the name they were
        attached under (each file is hashed)."""
        owners = [*self.expenses.expense_ids(), *(e.id for e in self._held_events())]
        return Citations(
            {
                c.attachment.id: f"« {c.attachment.filename} »"
                for found in self.expenses.checks(owners).values()
                for c in found
                if c.problem is None
            },
            in_pack=False,
        )

    def bilan(self, citations: Citations | None = None) -> tuple[Bilan, list[ActivityHours]]:
        """Return the quantitative bilan and the hours per mission and activity of the period;
        the expenses' files cited as ``citations`` say (by default, as a bilan written alone)."""
        programme, today = self.core.programme(), self.core.today()
        months: list[tuple[MonthSummary, list[MonthLine]]] = []
        activities: dict[tuple[Mission, str], list[int]] = defaultdict(lambda: [0, 0])
        left = programme.hourly_total_cap_cents  # what the months so far left of the period's cap
        for month in programme.period_months:
            entries = self.carnet.entries.in_range(month.first_day, month.last_day)
            summary = month_summary(entry_summary(entries), programme, month, today, left)
            lines = [
                MonthLine(
                    entry.mission,
                    entry.minutes,
                    is_fundable(entry.day, entry.mission, programme, today),
                    over,
                )
                for entry, over in zip(
                    entries,
                    over_cap_split(entries, programme, month, today, left),
                    strict=True,
                )
            ]
            for entry, line in zip(entries, lines, strict=True):
                if programme.start_date <= entry.day <= programme.end_date:
                    sums = activities[(entry.mission, entry.activity)]
                    sums[0] += entry.minutes
                    sums[1] += line.funded_minutes
            months.append((summary, lines))
            left -= summary.claim.claimed_cents
        closed = self.core.closed_months()
        bilan = Bilan(
            programme,
            today,
            month_bilans(months),
            self._expense_lines(programme.event_forfait_cents, citations or self.citations()),
            self.expenses.forfait_use().quoted_cents,
            [m for m in programme.period_months if m not in closed],
            self.payments(),
        )
        order = list(Mission)
        hours = [
            ActivityHours(mission, activity, worked, funded)
            for (mission, activity), (worked, funded) in sorted(
                activities.items(), key=lambda item: (order.index(item[0][0]), item[0][1].lower())
            )
        ]
        return bilan, hours

    # --- payments of the grant ----------------------------------------------------------------

    def payments(self) -> list[GrantPayment]:
        """Return the payments of the grant received, by date."""
        return self.carnet.payments.all()

    def payment_warnings(self, payment: GrantPayment) -> list[str]:
        """Return what to confirm before recording ``payment`` (``bilan.payment_warnings``).

        Raises:
            InvalidInput: a wrong date, amount or label (nothing to confirm).
        """
        payment = validate_payment(payment, self.core.today())
        return payment_warnings(payment, self.payments(), self.core.programme())

    def add_payment(self, payment: GrantPayment) -> str:
        """Record a payment of the grant; return its id.

        Raises:
            InvalidInput: a wrong date, amount or label.
        """
        payment = validate_payment(payment, self.core.today())
        with self.carnet.write():
            return self.carnet.payments.add(payment)

    def find_payment(self, text: str) -> GrantPayment:
        """Return the live payment whose id is ``text`` or starts with it (the list's short id).

        Raises:
            InvalidInput: no payment, or several, start so.
        """
        found = find_by_short_id(text, self.carnet.payments.starting_with, _PAYMENT_WORDS)
        return next(p for p in self.payments() if p.id == found)

    def delete_payment(self, payment_id: str) -> None:
        if not self.carnet.payments.is_live(payment_id):
            raise AppError("Ce versement n'existe plus dans le carnet.")
        with self.carnet.write():
            self.carnet.payments.delete([payment_id])

    # --- forfait événement --------------------------------------------------------------------

    def _expense_files(self) -> list[tuple[Expense, list[Attachment]]]:
        """Return the live expenses (by date then supplier) and their quotes and invoices."""
        ids = self.expenses.expense_ids()
        expenses = self.expenses.expenses(ids)
        files = self.carnet.attachments.of_owners(ids)
        return [
            (expenses[i], [a for a in files[i] if a.role is not AttachmentRole.SIGN_IN_SHEET]) for i in ids
        ]

    def _sign_in_sheets(self) -> list[tuple[Event, list[Attachment]]]:
        held = self._held_events()
        sheets = self.carnet.attachments.of_owners(e.id for e in held)
        return [(e, [a for a in sheets[e.id] if a.role is AttachmentRole.SIGN_IN_SHEET]) for e in held]

    def _held_events(self) -> list[Event]:
        programme = self.core.programme()
        ids = self.events.event_ids(
            status=EventStatus.DONE, first=programme.start_date, last=programme.end_date
        )
        found = self.events.events(ids)
        return [found[i] for i in ids]

    def _expense_lines(self, forfait_cents: int, citations: Citations) -> list[ExpenseLine]:
        files = self._expense_files()
        committed = [(e, found) for e, found in files if e.committed]
        events = self.events.events(e.event_id for e, _ in committed if e.event_id)
        parts = fill_forfait([e.amount_ttc_cents for e, _ in committed], forfait_cents)
        lines = []
        for (expense, found), part in zip(committed, parts, strict=True):
            roles = [a.role for a in found]
            missing = [
                missing_document(expense, roles)
                or (QUOTE_MISSING if missing_quote(expense, roles) else None),
                *(broken_file(a) for a in found if a.id not in citations.files),
            ]
            lines.append(
                ExpenseLine(
                    expense,
                    event_poste(events[expense.event_id].kind if expense.event_id in events else None),
                    self.expenses.event_title(expense.event_id),
                    part,
                    tuple(citations.files[a.id] for a in found if a.id in citations.files),
                    " ; ".join(filter(None, missing)) or None,
                )
            )
        return lines

    # --- justifications -----------------------------------------------------------------------

    def justifications(self, bilan: Bilan, citations: Citations | None = None) -> dict[Poste, list[str]]:
        """Return, for each poste, the justifications the carnet holds: each the document (as
        ``citations`` cite it, by default as a bilan written alone) and what it shows, or what
        is missing."""
        cite = citations or self.citations()
        programme = bilan.programme
        first, last = programme.start_date, programme.end_date
        actions = self.planning.actions(self.planning.action_ids()).values()
        done = sum(1 for a in actions if a.status is ActionStatus.DONE)
        held = self._held_events()
        training = [e for e in held if e.kind is EventKind.TRAINING]  # as in the key figures
        promotion = [e for e in held if e.kind is not EventKind.TRAINING]
        contacts = len(self.register.contact_ids(first=first, last=last))
        requests = len(self.register.solicitation_ids(first=first, last=last))
        answered = len(self.register.solicitation_ids(first=first, last=last, unanswered=False))
        closed = len(programme.period_months) - len(bilan.open_months)
        timesheets = cite.timesheets(programme.period_months)
        docs = cite.table

        found: dict[Poste, list[str]] = {
            Poste.PROMOTION: [
                f"{docs('planning')} : rétroplanning, {plural(len(actions), 'action')} dont "
                f"{plural(done, 'réalisée', 'réalisées')}"
                if actions
                else "Rétroplanning : aucune action saisie",
                f"Carnet de bord : {timesheets} (relevés d'heures mensuels ; "
                f"{closed} mois clôturé{'s' if closed > 1 else ''} sur {len(programme.period_months)})",
                f"{docs('ateliers')} : "
                + plural(len(promotion), "atelier ou événement réalisé", "ateliers et événements réalisés"),
                f"{docs('contacts')} : {plural(contacts, 'contact')} avec des professionnels et structures, "
                "par profession et type de structure",
            ],
            Poste.FORMATION: [
                f"{docs('formations')} : "
                + plural(len(training), "session de formation réalisée", "sessions de formation réalisées")
                + f", {plural(self.events.trained_count(), 'professionnel formé', 'professionnels formés')}",
                f"{docs('catalogue')} : {plural(len(self.events.module_ids()), 'module')} de formation",
                f"{docs('comptes')} : {plural(len(self.register.account_events(first, last)), 'opération')} "
                "sur les comptes Parceo",
            ],
            Poste.ACCOMPAGNEMENT: [
                f"{docs('sollicitations')} : "
                + plural(requests, "sollicitation reçue", "sollicitations reçues")
                + f", {plural(answered, 'répondue', 'répondues')}",
                f"{docs('contacts')} : {plural(contacts, 'contact')} avec les professionnels, par profession",
            ],
            Poste.WORKING_GROUPS: [],
            Poste.PROMOTIONAL_EVENTS: [],
        }
        for line in bilan.expenses:
            what = f"{line.expense.label}"
            if line.documents:
                found[line.poste].append(f"{', '.join(line.documents)} : {what}")
            if line.missing:
                found[line.poste].append(f"{line.missing} — {what}")
        # A training session proves the formation mission (its participants); it is cited
        # under the forfait événement only when one of its expenses is.
        expense_postes: dict[str, set[Poste]] = defaultdict(set)
        for line in bilan.expenses:
            if line.expense.event_id:
                expense_postes[line.expense.event_id].add(line.poste)
        for event, sheets in self._sign_in_sheets():
            signed = "; ".join(
                [
                    *(cite.files[a.id] for a in sheets if a.id in cite.files),
                    *(broken_file(a) for a in sheets if a.id not in cite.files),
                ]
            ) or ("feuille d'émargement signée manquante")
            postes = expense_postes[event.id] | {
                Poste.FORMATION if event.kind is EventKind.TRAINING else event_poste(event.kind)
            }
            for poste in sorted(postes, key=list(Poste).index):
                found[poste].append(
                    f"{cite.event_file(event)} : invitations et participants ; {signed} — {event.title}"
                )
        for poste in (Poste.WORKING_GROUPS, Poste.PROMOTIONAL_EVENTS):
            if found[poste]:
                found[poste].append(f"{docs('depenses')} : état du forfait événement")
            else:
                found[poste].append("Aucune dépense ni aucun événement réalisé")
        return found

    # --- qualitative part ---------------------------------------------------------------------

    def done_actions(self) -> dict[Mission, list[DoneAction]]:
        """Return the actions of the rétroplanning carried out, by mission, with their links."""
        ids = self.planning.action_ids()
        found = self.planning.actions(ids)
        done = [found[i] for i in ids if found[i].status is ActionStatus.DONE]
        views = {v.link: v.label for v in self.planning.link_views(k for a in done for k in a.links)}
        by_mission: dict[Mission, list[DoneAction]] = {m: [] for m in Mission}
        for action in done:
            by_mission[action.mission].append(DoneAction(action, [views[k] for k in action.links]))
        return by_mission

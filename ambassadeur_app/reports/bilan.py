"""The bilan d'exécution: the quantitative part laid out like the budget annex (forfait, poste de
dépense, montant, justificatifs attendus / fournis), the grant and the surplus to return, the
hourly forfait month by month and the expenses of the forfait événement; then the qualitative
part: each indicator against its target, the actions carried out per mission, the hours per
activity and the retour d'expérience. A draft until the period ends.

In the workbook the annex's amounts are formulas over the tables below them (a mission's amount
is the sum of its monthly column, an event poste's the sum of its expenses), and every total is
a formula whose result equals the app's figure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ambassadeur_app import APP_NAME
from ambassadeur_app.domain.bilan import (
    MISSION_POSTES,
    Bilan,
    Forfait,
    Poste,
    forfait_label,
    over_grant_warning,
)
from ambassadeur_app.domain.formatting import format_date, format_euros, format_hours, plural
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.reports import pdf as pdfkit
from ambassadeur_app.reports import xlsx as xlsxkit

if TYPE_CHECKING:
    from ambassadeur_app.domain.indicators import Indicator
    from ambassadeur_app.domain.model import Programme
    from ambassadeur_app.reports.rex import Rex
    from ambassadeur_app.services import CarnetService
    from ambassadeur_app.services.bilan import ActivityHours, DoneAction

TITLE = "Bilan d'exécution"
FORMATS = ("xlsx", "pdf")
ANNEX_TITLES = ["Forfait", "Poste de dépense", "Montant", "Justificatifs attendus", "Justificatifs fournis"]
MONTH_TITLES = [
    "Mois",
    "Heures saisies",
    "Heures non comptées",
    "Heures au-delà du plafond",
    "Heures financées",
    "Plafond du mois",
    "Montant financé",
    *(f"dont {mission.label.lower()}" for mission in MISSION_POSTES),
]
EXPENSE_TITLES = [
    "Date",
    "Fournisseur",
    "N°",
    "Objet",
    "Événement",
    "Poste de dépense",
    "Statut",
    "HT",
    "TVA",
    "TTC",
    "Pris sur le forfait",
    "Justificatifs",
]
NOT_COUNTED_NOTE = (
    "Heures non comptées : hors de la période de l'expérimentation, à une date future, ou de la mission "
    "« Autre (non financé) » (travail réel, sans poste de dépense). Les heures au-delà du plafond mensuel "
    "ne financent rien ; le montant de chaque mois est réparti entre les missions selon la part financée "
    "de chaque entrée (au plus fort reste, au centime)."
)
# The workbook keeps hours as the timesheets do (decimal hours): said, so that 40,52 is not read
# as 40 h 52.
HOURS_NOTE = (
    "Dans ce classeur, les heures sont en heures décimales, comme dans les relevés d'heures "
    "(40,50 = 40 h 30 min ; 40,52 = 40 h 31 min). Montant financé = heures comptées (financées et "
    "au-delà du plafond) × taux horaire, au plus le plafond du mois et ce que les mois précédents "
    "laissent du plafond de la période ; chaque montant est une formule."
)
RATE_LABEL = "Taux horaire du forfait"
PERIOD_CAP_LABEL = "Plafond du forfait horaire sur la période"
NO_NOTE = "Aucune note de ce type dans le journal."
# The lines of the balance, in both formats.
RECETTES = (
    "Subvention FIR (ARS Grand Est) accordée",
    "Versements reçus",
    "Dépenses retenues au titre des forfaits",
    "Dépenses couvertes par la subvention",
    "Part de la subvention non employée",
    "Excédent à reverser à l'ARS",
    "Solde restant à verser par l'ARS",
    "Dépenses retenues au-delà de la subvention",
)
CONTROL = "N.B : Dépenses = Recettes"
CONTROL_TEXT = (
    "Contrôle : versements reçus, moins l'excédent, plus le solde et les dépenses au-delà de la "
    "subvention, moins la somme des tableaux détaillés (montants financés des mois et parts prises "
    "sur le forfait des dépenses) ; doit valoir 0"
)
BEYOND = "Non financé : au-delà des forfaits"
BEYOND_TEXT = "Pour information, hors balance : à la charge de la CPTS"
NO_PAYMENT = "Aucun versement saisi"
NO_PAYMENT_WARNING = (
    "Aucun versement de la subvention n'est saisi (Carnet > Versements de la subvention…, ou la commande "
    "« ambassadeur versement ») : le solde est calculé sur 0 € reçu."
)
NO_PERTINENCE = "(Texte à rédiger par le binôme ambassadeur.)"
CERTIFIED = "Certifié exact à l'euro près."
NOT_TO_SIGN = (
    "Brouillon : à ne pas signer. Le bilan définitif, une fois la période terminée et tous ses mois "
    "clôturés, portera la mention « Certifié exact à l'euro près » et la signature de la CPTS."
)


def cpts_line(programme: Programme) -> tuple[str, str]:
    """Return the header line naming the CPTS and its département."""
    return ("CPTS", programme.cpts_label)


@dataclass
class BilanReport:
    """Everything the bilan shows, read once for both formats."""

    bilan: Bilan
    activities: list[ActivityHours]
    justifications: dict[Poste, list[str]]
    indicators: list[Indicator]
    actions: dict[Mission, list[DoneAction]]
    rex: Rex
    generated_at: datetime = field(default_factory=datetime.now)

    @property
    def header(self) -> list[tuple[str, str]]:
        programme = self.bilan.programme
        status = (
            f"{self.bilan.draft_mark} (situation au {format_date(self.bilan.today)})"
            if self.bilan.draft
            else f"Période terminée le {format_date(programme.end_date)}"
        )
        return [
            cpts_line(programme),
            (
                "Expérimentation",
                f"Ambassadeurs {programme.programme_name}, du {format_date(programme.start_date)} au "
                f"{format_date(programme.end_date)} ({programme.months} mois)",
            ),
            ("Statut", status),
        ]

    @property
    def warnings(self) -> list[str]:
        """Return what makes the figures provisional: months not closed, missing invoices."""
        lines = []
        if self.bilan.open_months:
            names = ", ".join(m.label() for m in self.bilan.open_months)
            lines.append(f"Mois non clôturés (relevés provisoires) : {names}.")
        missing = [line for line in self.bilan.expenses if line.missing]
        if missing:
            their = "sa" if len(missing) < 2 else "leur"
            lines.append(f"{plural(len(missing), 'dépense')} sans {their} pièce justificative.")
        if not self.bilan.payments:
            lines.append(NO_PAYMENT_WARNING)
        if warning := over_grant_warning(self.bilan.received_cents, self.bilan.grant_cents):
            lines.append(warning)
        return lines


def build_report(service: CarnetService, pack_files: Mapping[str, str] | None = None) -> BilanReport:
    """Read the bilan; ``pack_files`` (attachment id -> its path in the justification pack, see
    ``PackService.placement``) when it goes into the pack, else it cites the files by the name
    they were attached under and the tables by their title."""
    from ambassadeur_app.reports.rex import build_rex
    from ambassadeur_app.services.bilan import Citations

    citations = Citations(pack_files, in_pack=True) if pack_files is not None else service.bilan.citations()
    bilan, activities = service.bilan.bilan(citations)
    return BilanReport(
        bilan,
        activities,
        service.bilan.justifications(bilan, citations),
        service.indicators.all(),
        service.bilan.done_actions(),
        build_rex(service),
    )


def export(service: CarnetService, fmt: str, out: Path) -> Path:
    """Write the bilan d'exécution as ``xlsx`` or ``pdf`` to ``out`` (atomically)."""
    if fmt not in FORMATS:
        raise InvalidInput(f"Format inconnu : « {fmt} » (xlsx ou pdf).", "format")
    report = build_report(service)
    return write_xlsx(report, out) if fmt == "xlsx" else write_pdf(report, out)


# --- rows shared by both formats ------------------------------------------------------------


def month_rows(bilan: Bilan) -> list[list[Any]]:
    """Return the month table: hours in decimal hours, amounts in euros."""
    return [
        [
            m.month.title(),
            m.worked_minutes / 60,
            m.not_counted_minutes / 60,
            m.claim.over_cap_minutes / 60,
            m.claim.funded_minutes / 60,
            m.claim.cap_cents / 100,
            m.claimed_cents / 100,
            *(m.cents_by_mission[mission] / 100 for mission in MISSION_POSTES),
        ]
        for m in bilan.months
    ]


def expense_rows(bilan: Bilan) -> list[list[Any]]:
    return [
        [
            line.expense.issued_on,
            line.expense.supplier,
            line.expense.number,
            line.expense.description,
            line.event,
            line.poste.label,
            line.expense.status.label,
            line.expense.amount_ht_cents / 100,
            line.expense.vat_cents / 100,
            line.expense.amount_ttc_cents / 100,
            line.funded_cents / 100,
            # What it holds, then what it lacks (a missing quote, a file altered).
            " ; ".join(filter(None, (", ".join(line.documents), line.missing))),
        ]
        for line in bilan.expenses
    ]


def _period_cut_note(bilan: Bilan) -> str:
    """Name the months whose cap the period's cap lowers (the months before used it up)."""
    programme = bilan.programme
    cut = [m for m in bilan.months if m.claim.cap_cents < programme.month_cap_cents(m.month)]
    if not cut:
        return ""
    names = ", ".join(m.month.of_label() for m in cut)
    return (
        f"Plafond du forfait horaire sur la période ({format_euros(programme.hourly_total_cap_cents)}) "
        f"atteint : le plafond {names} est réduit à ce qu'en laissent les mois précédents, et "
        "les heures au-delà ne sont pas financées."
    )


def _expense_note(bilan: Bilan) -> str:
    note = (
        "Dépenses commandées, facturées ou payées, montants TTC (la CPTS ne récupère pas la TVA) ; "
        "le forfait les prend dans l'ordre des dates jusqu'à son montant."
    )
    if bilan.quotes_cents:
        note += f" Devis en attente, non comptés : {format_euros(bilan.quotes_cents)}."
    return note


def quality_rows(report: BilanReport) -> dict[str, tuple[list[str], list[list[Any]]]]:
    """Return the qualitative part as tables: titles and rows, by section title."""
    names = {mission: mission.label for mission in Mission}
    actions = [
        [
            names[mission],
            done.action.title,
            done.action.actual_start or done.action.planned_start,
            done.action.actual_end or done.action.planned_end,
            "\n".join(done.links) or done.action.description,
        ]
        for mission, items in report.actions.items()
        for done in items
    ]
    rex = [
        [section.heading, note.day, note.text, note.about]
        for section in report.rex.sections
        for note in section.notes
    ]
    return {
        "Indicateurs et objectifs": (
            ["Indicateur", "Objectif", "Résultat", "État"],
            [[i.title, i.target_text, i.current_text, i.status_text] for i in report.indicators],
        ),
        "Actions réalisées par mission": (
            ["Mission", "Action", "Début", "Fin", "Réalisée par (liens)"],
            actions,
        ),
        "Heures du carnet par mission et activité": (
            ["Mission", "Activité", "Heures saisies", "Heures financées"],
            [
                [names[a.mission], a.activity, a.minutes / 60, a.funded_minutes / 60]
                for a in report.activities
            ],
        ),
        "Retour d'expérience": (["Rubrique", "Date", "Note", "Lié à"], rex),
    }


# --- xlsx -------------------------------------------------------------------------------------


def write_xlsx(report: BilanReport, out: Path) -> Path:
    """Write the quantitative part (annex, months, expenses) and the qualitative part as two sheets."""
    with xlsxkit.workbook_to(out) as workbook:
        _xlsx_money(report, xlsxkit.SheetWriter(workbook, "Bilan financier", landscape=True))
        _xlsx_quality(report, xlsxkit.SheetWriter(workbook, "Bilan qualitatif", landscape=True))
    return out


def _xlsx_header(report: BilanReport, out: xlsxkit.SheetWriter, title: str) -> None:
    out.append([out.cell(title, title=True)])
    for label, value in report.header:
        out.append([out.cell(label, bold=True), out.cell(value, bold=label == "Statut")])
    for line in report.warnings:
        out.append([None, line])
    out.append([])


def _xlsx_money(report: BilanReport, out: xlsxkit.SheetWriter) -> None:
    bilan = report.bilan
    programme = bilan.programme
    euros = xlsxkit.EURO_FORMAT
    out.widths([30, 34, 14, 48, 70, 14, 14, 14, 14, 14, 14, 30])
    _xlsx_header(report, out, f"{TITLE} — {programme.cpts_name}")
    # The annex's rows come first; their amounts point at the tables below, whose rows are
    # known before anything is written.
    annex_top = out.row + 2  # the "DÉPENSES" line, then the titles
    postes = list(Poste)
    rows_of = {poste: annex_top + 1 + index + (1 if poste.forfait is Forfait.EVENT else 0)
               for index, poste in enumerate(postes)}  # fmt: skip
    hourly_total = rows_of[Poste.ACCOMPAGNEMENT] + 1
    event_total = rows_of[Poste.PROMOTIONAL_EVENTS] + 1
    total = event_total + 1
    grant = total + 3
    payments_last = grant + max(1, len(bilan.payments))
    received = payments_last + 1
    # spent, retained, not spent, refund, due, uncovered, the control, then what is beyond
    control = received + 8
    rate = control + 4  # blank, title, note, then the rate and the period's cap
    months_first = rate + 3  # titles
    months_last = months_first + len(bilan.months)  # an empty row closes the sums
    months_total = months_last + 1
    missions_first = months_total + 5
    missions_last = missions_first + len(bilan.months)
    expenses_first = missions_last + 1 + 5
    expenses_last = expenses_first + len(bilan.expenses)
    mission_column = {mission: chr(ord("H") + index) for index, mission in enumerate(MISSION_POSTES)}

    out.append([out.cell("DÉPENSES", bold=True)])
    out.append([out.cell(title, header=True) for title in ANNEX_TITLES])
    for poste in postes:
        if poste.forfait is Forfait.HOURLY:
            mission = next(m for m, p in MISSION_POSTES.items() if p is poste)
            letter = mission_column[mission]
            amount = out.formula(
                cents(f"SUM({letter}{months_first}:{letter}{months_last})"),
                euros,
                border=True,
                value=bilan.poste_cents(poste) / 100,
            )
        else:
            amount = out.formula(
                cents(
                    f'SUMIF(F{expenses_first}:F{expenses_last},"{poste.label}",K{expenses_first}:K{expenses_last})'
                ),
                euros,
                border=True,
                value=bilan.poste_cents(poste) / 100,
            )
        row = out.append(
            [
                forfait_label(poste.forfait, programme),
                poste.label,
                amount,
                poste.expected,
                "\n".join(report.justifications[poste]),
            ],
            border=True,
        )
        assert row == rows_of[poste]
        if poste is Poste.ACCOMPAGNEMENT:
            out.append(
                [
                    out.cell("Total forfait horaire", bold=True),
                    bilan.hours_text,
                    out.formula(
                        cents(f"SUM(C{rows_of[Poste.PROMOTION]}:C{row})"),
                        euros,
                        bold=True,
                        value=bilan.hourly_cents / 100,
                    ),
                    None,
                    None,
                ],
                border=True,
            )
    out.append(
        [
            out.cell("Total forfait événement", bold=True),
            None,
            out.formula(
                cents(f"SUM(C{rows_of[Poste.WORKING_GROUPS]}:C{rows_of[Poste.PROMOTIONAL_EVENTS]})"),
                euros,
                bold=True,
                value=bilan.event_cents / 100,
            ),
            None,
            None,
        ],
        border=True,
    )
    assert out.row == event_total
    out.append(
        [
            out.cell("TOTAL Dépenses", bold=True),
            None,
            out.formula(
                cents(f"C{hourly_total}+C{event_total}"), euros, bold=True, value=bilan.total_cents / 100
            ),
        ],
        border=True,
    )
    out.append([])
    out.append([out.cell("RECETTES", bold=True)])
    detail = f"G{months_total}+K{expenses_last + 1}"  # the detailed tables' totals, below
    _xlsx_recettes(out, bilan, grant, total, detail)
    assert out.row == control
    out.append([])
    out.append([out.cell("Forfait horaire, mois par mois", bold=True)])
    out.append([" ".join(filter(None, (NOT_COUNTED_NOTE, _period_cut_note(bilan), HOURS_NOTE)))])
    out.append([RATE_LABEL, out.cell(programme.hourly_rate_cents / 100, number_format=euros)], border=True)
    out.append(
        [PERIOD_CAP_LABEL, out.cell(programme.hourly_total_cap_cents / 100, number_format=euros)], border=True
    )
    out.append([out.cell(title, header=True) for title in MONTH_TITLES])
    kinds = ["text", "hours", "hours", "hours", "hours", "euros"]
    for index, (values, m) in enumerate(zip(month_rows(bilan), bilan.months, strict=True)):
        row, funded_row = months_first + index, missions_first + index
        claimed = _claimed_formula(row, months_first, f"$B${rate}", f"$B${rate + 1}")
        out.append(
            [
                *(
                    out.cell(v, number_format=_XLSX_FORMATS.get(k))
                    for v, k in zip(values, kinds, strict=False)
                ),
                out.formula(claimed, euros, value=m.claimed_cents / 100),
                *(
                    out.formula(
                        _share_formula(f"G{row}", [f"{c}{funded_row}" for c in "BCD"], f"E{row}", index_),
                        euros,
                        value=m.cents_by_mission[mission] / 100,
                    )
                    if any(m.funded_by_mission.values()) or not m.claimed_cents
                    else out.cell(m.cents_by_mission[mission] / 100, number_format=euros)
                    for index_, mission in enumerate(MISSION_POSTES)
                ),
            ],
            border=True,
        )
    out.append([None] * len(MONTH_TITLES), border=True)
    kinds += ["euros"] * (len(MONTH_TITLES) - len(kinds))
    assert out.row == months_last
    _xlsx_totals(out, kinds, months_first, months_last, "Total", month_rows(bilan))
    out.append([])
    out.append([out.cell("Heures financées par mission", bold=True)])
    out.append([])
    titles = ["Mois", *(mission.label for mission in MISSION_POSTES), "Total"]
    out.append([out.cell(title, header=True) for title in titles])
    for index, m in enumerate(bilan.months):
        row = missions_first + index
        out.append(
            [
                m.month.title(),
                *(
                    out.cell(m.funded_by_mission[mission] / 60, number_format=xlsxkit.HOURS_FORMAT)
                    for mission in MISSION_POSTES
                ),
                out.formula(f"SUM(B{row}:D{row})", xlsxkit.HOURS_FORMAT, value=m.claim.funded_minutes / 60),
            ],
            border=True,
        )
    out.append([None] * len(titles), border=True)
    assert out.row == missions_last
    funded = [
        ["", *(m.funded_by_mission[x] / 60 for x in MISSION_POSTES), m.claim.funded_minutes / 60]
        for m in bilan.months
    ]
    _xlsx_totals(
        out, ["text", "hours", "hours", "hours", "hours"], missions_first, missions_last, "Total", funded
    )
    out.append([])
    out.append([out.cell("Forfait événement : dépenses et justificatifs", bold=True)])
    out.append([_expense_note(bilan)])
    out.append([out.cell(title, header=True) for title in EXPENSE_TITLES])
    kinds = [
        "date",
        "text",
        "text",
        "text",
        "text",
        "text",
        "text",
        "euros",
        "euros",
        "euros",
        "euros",
        "text",
    ]
    expenses = expense_rows(bilan)
    _xlsx_rows(out, expenses, kinds)
    assert out.row == expenses_last
    _xlsx_totals(out, kinds, expenses_first, expenses_last, "Total", expenses)
    _xlsx_signature(report, out)
    out.print_setup(title_row=None, footer=f"{TITLE} — {programme.cpts_name}")


def _xlsx_recettes(out: xlsxkit.SheetWriter, bilan: Bilan, grant: int, total: int, detail: str) -> None:
    """Write the grant awarded, each payment received and their total, then the balance: every
    amount a formula over the lines above it; a control line that must be 0, comparing the
    recettes with the totals of the detailed tables (``detail``, a formula), not with the annex
    they are drawn from; and, for information, what the forfaits do not fund."""
    euros = xlsxkit.EURO_FORMAT
    first = grant + 1

    def line(label: str, text: str, amount: Any, bold: bool = False) -> int:
        return out.append([out.cell(label, bold=bold), text, amount], border=True)

    line(
        RECETTES[0], "Montant total octroyé à la CPTS", out.cell(bilan.grant_cents / 100, number_format=euros)
    )
    for payment in bilan.payments:
        line(payment.title, payment.label, out.cell(payment.amount_cents / 100, number_format=euros))
    if not bilan.payments:
        line(NO_PAYMENT, "", None)
    last = out.row
    received = line(
        RECETTES[1],
        "Somme des versements ci-dessus",
        out.formula(cents(f"SUM(C{first}:C{last})"), euros, value=bilan.received_cents / 100),
        True,
    )
    spent = line(
        RECETTES[2],
        "TOTAL Dépenses de l'annexe",
        out.formula(cents(f"C{total}"), euros, value=bilan.total_cents / 100),
    )
    retained = line(
        RECETTES[3],
        "Dépenses retenues, dans la limite de la subvention accordée",
        out.formula(cents(f"MIN(C{grant},C{spent})"), euros, value=bilan.retained_cents / 100),
    )
    line(
        RECETTES[4],
        "Subvention accordée − dépenses couvertes par la subvention",
        out.formula(cents(f"C{grant}-C{retained}"), euros, value=bilan.surplus_cents / 100),
    )
    refund = line(
        RECETTES[5],
        "Versements reçus − dépenses couvertes ; titre de recette après le bilan",
        out.formula(cents(f"MAX(0,C{received}-C{retained})"), euros, value=bilan.refund_cents / 100),
        True,
    )
    due = line(
        RECETTES[6],
        "Dépenses couvertes − versements reçus",
        out.formula(cents(f"MAX(0,C{retained}-C{received})"), euros, value=bilan.due_cents / 100),
        True,
    )
    uncovered = line(
        RECETTES[7],
        "Dépenses retenues − dépenses couvertes par la subvention, à la charge de la CPTS",
        out.formula(cents(f"C{spent}-C{retained}"), euros, value=bilan.uncovered_cents / 100),
    )
    line(
        CONTROL,
        CONTROL_TEXT,
        out.formula(
            cents(f"C{received}-C{refund}+C{due}+C{uncovered}-({detail})"),
            euros,
            value=control_cents(bilan) / 100,
        ),
    )
    line(
        BEYOND,
        f"{BEYOND_TEXT} ({bilan.beyond_forfaits_text})",
        out.cell((bilan.over_cap_cents + bilan.over_forfait_cents) / 100, number_format=euros),
    )


_XLSX_FORMATS = {"date": xlsxkit.DATE_FORMAT, "hours": xlsxkit.HOURS_FORMAT, "euros": xlsxkit.EURO_FORMAT}


def _xlsx_rows(out: xlsxkit.SheetWriter, rows: list[list[Any]], kinds: list[str]) -> None:
    """Append a table's rows, then the empty row its sums end on (a row inserted there joins them)."""
    for values in rows:
        out.append(
            [
                out.cell(value, number_format=_XLSX_FORMATS[kind]) if kind in _XLSX_FORMATS else value
                for value, kind in zip(values, kinds, strict=True)
            ],
            border=True,
        )
    out.append([None] * len(kinds), border=True)


def _claimed_formula(row: int, first: int, rate: str, period_cap: str) -> str:
    """Return the formula of a month's « Montant financé » (``month_claim``, ``month_bilans``): the
    hours counted (funded and beyond the cap, in whole minutes) at the hourly rate, rounded to
    the cent, at most the month's cap and what the months above left of the period's cap."""
    minutes = f"ROUND((D{row}+E{row})*60,0)"
    amount = f"ROUND({minutes}*ROUND({rate}*100,0)/60,0)/100"
    left = period_cap if row == first else f"ROUND({period_cap}-SUM(G{first}:G{row - 1}),2)"
    return cents(f"MIN({amount},F{row},{left})")


def _share_formula(amount: str, hours: list[str], all_hours: str, index: int) -> str:
    """Return the formula of the share ``index`` of ``amount`` split by the funded ``hours`` of
    each mission (cells in decimal hours, adding up to ``all_hours``) as ``split_cents`` does: by
    largest remainder, to the cent, equal remainders to the first."""
    total = f"ROUND({amount}*100,0)"
    weights = [f"ROUND({cell}*60,0)" for cell in hours]
    whole = f"ROUND({all_hours}*60,0)"
    base = [f"INT({total}*{w}/{whole})" for w in weights]
    rest = [f"MOD({total}*{w},{whole})" for w in weights]
    left = f"({total}-{'-'.join(base)})"
    ahead = "+".join(
        f"({rest[other]}{'>=' if other < index else '>'}{rest[index]})"
        for other in range(len(weights))
        if other != index
    )
    return cents(f"IF({whole}=0,0,({base[index]}+(({ahead})<{left}))/100)")


def cents(expression: str) -> str:
    """Return a formula of euros rounded to the cent: sums of decimal euros drift (1207.8700000000008)."""
    return f"ROUND({expression},2)"


def _xlsx_totals(
    out: xlsxkit.SheetWriter, kinds: list[str], first: int, last: int, label: str, rows: list[list[Any]]
) -> None:
    """Append the row of the sums of the hours and euros columns of ``rows`` (written from row
    ``first`` to ``last``): formulas, with the sums the PDF prints as their values."""
    from openpyxl.utils import get_column_letter

    cells: list[Any] = [out.cell(label, bold=True)]
    for index, kind in enumerate(kinds[1:], start=1):
        if kind not in ("hours", "euros"):
            cells.append(None)
            continue
        letter = get_column_letter(index + 1)
        total = f"SUM({letter}{first}:{letter}{last})"
        value = sum(row[index] or 0 for row in rows)
        cells.append(
            out.formula(cents(total), _XLSX_FORMATS[kind], bold=True, value=round(value, 2))
            if kind == "euros"
            else out.formula(total, _XLSX_FORMATS[kind], bold=True, value=value)
        )
    out.append(cells, border=True)


def _xlsx_signature(report: BilanReport, out: xlsxkit.SheetWriter) -> None:
    programme = report.bilan.programme
    out.append([])
    if report.bilan.draft:
        out.append([out.cell(NOT_TO_SIGN, bold=True)])
        return
    out.append([out.cell(CERTIFIED, bold=True)])
    out.append(["Fait à …………………………………………, le ……………………………"])
    who = programme.representative_name or "………………………………"
    out.append([out.box("lt", f"Pour la CPTS : {who}, {programme.representative_title}"), out.box("tr")])
    out.append([out.box("l", "Date, signature et cachet :"), out.box("r")])
    out.append([out.box("lb"), out.box("rb")], height=xlsxkit.SIGNATURE_HEIGHT)


def _xlsx_quality(report: BilanReport, out: xlsxkit.SheetWriter) -> None:
    out.widths([34, 48, 48, 22, 50])
    _xlsx_header(report, out, f"{TITLE} — volet qualitatif")
    kinds_of = {
        "Début": "date",
        "Fin": "date",
        "Date": "date",
        "Heures saisies": "hours",
        "Heures financées": "hours",
    }
    for title, (titles, rows) in quality_rows(report).items():
        out.append([out.cell(title, bold=True)])
        out.append([out.cell(t, header=True) for t in titles])
        kinds = [kinds_of.get(t, "text") for t in titles]
        first = out.row + 1
        _xlsx_rows(out, rows, kinds)
        if "hours" in kinds:
            _xlsx_totals(out, kinds, first, out.row, "Total", rows)
        out.append([])
    out.append([out.cell("Pertinence de reconduire ou de généraliser l'expérimentation", bold=True)])
    out.append([out.cell(report.rex.pertinence or NO_PERTINENCE, wrap=True)])
    out.print_setup(title_row=None, footer=f"{TITLE} — volet qualitatif")


# --- pdf --------------------------------------------------------------------------------------


def _cells(rows: list[list[str]], titles: list[str], widths: list[float], style: Any) -> list[list[Any]]:
    header = pdfkit.header_style(style)
    data: list[list[Any]] = [[pdfkit.fit(t, w, header) for t, w in zip(titles, widths, strict=True)]]
    data += [[pdfkit.fit(t, w, style) for t, w in zip(row, widths, strict=True)] for row in rows]
    return data


def grid(
    rows: list[list[str]],
    titles: list[str],
    available: float,
    numeric: set[int],
    totals: list[str] | None = None,
    bold: Sequence[int] = (),
) -> Any:
    """Return a table sized so that no word is cut; ``numeric`` columns right-aligned; ``totals``
    a closing bold row, and the ``bold`` rows (counted from the first under the titles) in bold."""
    style = pdfkit.styles()["small"]
    every = rows + ([totals] if totals else [])
    columns = [list(texts) for texts in zip(*every, strict=True)] if every else [[] for _ in titles]
    widths = pdfkit.column_widths(columns, titles, available, style)
    data = _cells(every, titles, widths, style)
    extra: list[tuple[Any, ...]] = [("ALIGN", (i, 1), (i, -1), "RIGHT") for i in numeric]
    if totals:
        extra.append(("FONT", (0, -1), (-1, -1), pdfkit.FONT_BOLD, style.fontSize))
    extra += [("FONT", (0, row), (-1, row), pdfkit.FONT_BOLD, style.fontSize) for row in bold]
    if not rows and not totals:
        data.append(["Aucune donnée."] + [""] * (len(titles) - 1))
        extra.append(("SPAN", (0, 1), (-1, 1)))
    grid = pdfkit.table_style(extra=extra, size=style.fontSize)
    return pdfkit.long_table(data, widths, grid, footer_rows=1 if totals else 0)


def _hours(value: float) -> str:
    return format_hours(round(value * 60))


def _euros(value: float) -> str:
    return format_euros(round(value * 100))


def _shown(value: Any) -> str:
    if isinstance(value, date):
        return format_date(value)
    return "" if value is None else str(value)


def _annex_table(report: BilanReport, available: float) -> Any:
    from reportlab.lib.units import mm

    bilan = report.bilan
    rows: list[list[str]] = []
    spans: list[tuple[int, int]] = []
    bold: list[int] = []
    for forfait in Forfait:
        postes = [p for p in Poste if p.forfait is forfait]
        start = len(rows) + 1
        for poste in postes:
            rows.append(
                [
                    forfait_label(forfait, bilan.programme),
                    poste.label,
                    format_euros(bilan.poste_cents(poste)),
                    poste.expected,
                    "\n".join(f"• {line}" for line in report.justifications[poste]),
                ]
            )
        spans.append((start, start + len(postes) - 1))
        extra = bilan.hours_text if forfait is Forfait.HOURLY else ""
        rows.append(
            [f"Total {forfait.label.lower()}", extra, format_euros(bilan.forfait_cents(forfait)), "", ""]
        )
        bold.append(len(rows))
    rows.append(["TOTAL Dépenses", "", format_euros(bilan.total_cents), "", ""])
    bold.append(len(rows))
    widths = [34 * mm, 42 * mm, 24 * mm, 58 * mm]
    widths.append(available - sum(widths))
    return annex_grid(ANNEX_TITLES, widths, rows, spans, bold)


def annex_grid(
    titles: list[str],
    widths: list[float],
    rows: list[list[str]],
    spans: list[tuple[int, int]],
    bold: list[int],
) -> Any:
    """Return the annex's table: the forfait's cell spans its postes (rows ``spans``, counted
    from the first under the titles), the amounts (third column) right-aligned, the ``bold``
    rows (totals) in bold."""
    style = pdfkit.styles()["small"]
    data = _cells(rows, titles, widths, style)
    extra: list[tuple[Any, ...]] = [("ALIGN", (2, 1), (2, -1), "RIGHT")]
    extra += [("SPAN", (0, a), (0, b)) for a, b in spans]
    extra += [("FONT", (0, r), (-1, r), pdfkit.FONT_BOLD, style.fontSize) for r in bold]
    return pdfkit.long_table(data, widths, pdfkit.table_style(extra=extra, size=style.fontSize))


def _recettes_table(bilan: Bilan, available: float) -> Any:
    payments = [
        [f"{p.title}" + (f" ({p.label})" if p.label else ""), format_euros(p.amount_cents)]
        for p in bilan.payments
    ]
    rows = [
        [RECETTES[0], format_euros(bilan.grant_cents)],
        *(payments or [[NO_PAYMENT, ""]]),
        [RECETTES[1], format_euros(bilan.received_cents)],
        [f"{RECETTES[2]} (total de l'annexe)", format_euros(bilan.total_cents)],
        [f"{RECETTES[3]} (dans la limite de la subvention accordée)", format_euros(bilan.retained_cents)],
        [RECETTES[4], format_euros(bilan.surplus_cents)],
        [f"{RECETTES[5]} (titre de recette)", format_euros(bilan.refund_cents)],
        [RECETTES[6], format_euros(bilan.due_cents)],
        [f"{RECETTES[7]}, à la charge de la CPTS", format_euros(bilan.uncovered_cents)],
        [f"{CONTROL} — {CONTROL_TEXT}", format_euros(control_cents(bilan))],
        [
            f"{BEYOND} — {BEYOND_TEXT} ({bilan.beyond_forfaits_text})",
            format_euros(bilan.over_cap_cents + bilan.over_forfait_cents),
        ],
    ]
    bold = [1 + len(payments or [1]) + 1, len(rows) - 4, len(rows) - 3]
    return grid(rows, ["Recettes et solde", "Montant"], available, {1}, bold=bold)


def control_cents(bilan: Bilan) -> int:
    """Return the control of the balance: the recettes less the totals of the detailed tables
    (each month's amount, each expense's part on the forfait); 0 when they agree."""
    detail = sum(m.claimed_cents for m in bilan.months) + sum(line.funded_cents for line in bilan.expenses)
    return bilan.received_cents - bilan.refund_cents + bilan.due_cents + bilan.uncovered_cents - detail


def write_pdf(report: BilanReport, out: Path) -> Path:
    """Write the bilan on A4 landscape pages: the annex, the money tables, the qualitative part,
    the signature."""
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table

    bilan = report.bilan
    style = pdfkit.styles()
    available = 267 * mm
    story: list[Any] = [
        Paragraph(pdfkit.para_text(TITLE), style["title"]),
        pdfkit.info_table(report.header, 35 * mm, available - 35 * mm),
        Spacer(1, 2 * mm),
    ]
    if bilan.draft:
        banner = Paragraph(
            f"<b>{pdfkit.para_text(bilan.draft_mark, pdfkit.FONT_BOLD)}</b> — document provisoire, "
            "à ne pas signer ni transmettre",
            style["title"],
        )
        story.append(
            Table(
                [[banner]],
                colWidths=[available],
                style=[
                    ("BOX", (0, 0), (-1, -1), 2, "#000000"),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ],
            )
        )
    story += [Paragraph(f"• {pdfkit.para_text(line)}", style["base"]) for line in report.warnings]

    def section(title: str, table: Any, note: str = "", whole: bool = False) -> None:
        """Add a section; ``whole``: a short table (one row a month) kept on one page, never
        a lone row at the foot of a page."""
        heading: list[Any] = [Paragraph(pdfkit.para_text(title, pdfkit.FONT_BOLD), style["h2"])]
        if note:
            heading.append(Paragraph(pdfkit.para_text(note), style["small"]))
        flowables = pdfkit.titled([*heading, Spacer(1, 1 * mm)], table, available)
        story.extend([KeepTogether(flowables)] if whole else flowables)

    section("Volet quantitatif — dépenses (modèle de l'annexe budgétaire)", _annex_table(report, available))
    section("Recettes — N.B : Dépenses = Recettes", _recettes_table(bilan, 140 * mm), bilan.balance_text)
    months = month_rows(bilan)
    totals = [
        "Total",
        *(_hours(sum(r[i] for r in months)) for i in range(1, 5)),
        *(_euros(sum(r[i] for r in months)) for i in range(5, 10)),
    ]
    shown = [[r[0], *map(_hours, r[1:5]), *map(_euros, r[5:])] for r in months]
    note = " ".join(filter(None, (NOT_COUNTED_NOTE, _period_cut_note(bilan))))
    section(
        "Forfait horaire, mois par mois",
        grid(shown, MONTH_TITLES, available, set(range(1, 10)), totals),
        note,
        whole=True,
    )
    funded = [
        [
            m.month.title(),
            *(format_hours(m.funded_by_mission[x]) for x in MISSION_POSTES),
            format_hours(m.claim.funded_minutes),
        ]
        for m in bilan.months
    ]
    totals = [
        "Total",
        *(format_hours(sum(m.funded_by_mission[x] for m in bilan.months)) for x in MISSION_POSTES),
        format_hours(bilan.funded_minutes),
    ]
    section(
        "Heures financées par mission",
        grid(funded, ["Mois", *(x.label for x in MISSION_POSTES), "Total"], 160 * mm, {1, 2, 3, 4}, totals),
        whole=True,
    )
    expenses = expense_rows(bilan)
    shown = [[format_date(r[0]), *r[1:7], *map(_euros, r[7:11]), r[11]] for r in expenses]
    totals = [
        "Total",
        "",
        "",
        "",
        "",
        "",
        "",
        *(_euros(sum(r[i] for r in expenses)) for i in range(7, 11)),
        "",
    ]
    section(
        "Forfait événement : dépenses et justificatifs",
        grid(shown, EXPENSE_TITLES, available, {7, 8, 9, 10}, totals if expenses else None),
        _expense_note(bilan),
    )
    story += [PageBreak(), Paragraph("Volet qualitatif", style["title"])]
    for title, (titles, rows) in quality_rows(report).items():
        hours = {i for i, t in enumerate(titles) if t.startswith("Heures")}
        shown = [[_hours(v) if i in hours else _shown(v) for i, v in enumerate(row)] for row in rows]
        sums = [
            "Total",
            *("" if i not in hours else _hours(sum(r[i] for r in rows)) for i in range(1, len(titles))),
        ]
        section(title, grid(shown, titles, available, hours, sums if hours and rows else None))
    story.append(Paragraph("Pertinence de reconduire ou de généraliser l'expérimentation", style["h2"]))
    for paragraph in (report.rex.pertinence or NO_PERTINENCE).split("\n\n"):
        story.append(Paragraph(pdfkit.para_text(paragraph), style["base"]))
    programme = bilan.programme
    who = programme.representative_name or "………………………………"
    if bilan.draft:
        story += [Spacer(1, 6 * mm), Paragraph(f"<b>{pdfkit.para_text(NOT_TO_SIGN)}</b>", style["base"])]
    else:
        story.append(
            KeepTogether(
                [
                    Spacer(1, 6 * mm),
                    Paragraph(f"<b>{CERTIFIED}</b>", style["base"]),
                    Paragraph("Fait à …………………………………………, le ……………………………", style["base"]),
                    Spacer(1, 2 * mm),
                    Table(
                        [
                            [
                                Paragraph(
                                    pdfkit.para_text(
                                        f"Pour la CPTS : {who}, {programme.representative_title}\n"
                                        "Date, signature et cachet :"
                                    ),
                                    style["base"],
                                )
                            ]
                        ],
                        colWidths=[110 * mm],
                        rowHeights=[30 * mm],
                        style=[
                            ("BOX", (0, 0), (-1, -1), 0.5, "#7F8C99"),
                            ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ],
                        hAlign="LEFT",
                    ),
                ]
            )
        )
    header = report.header[0][1]
    frame = pdfkit.PageFrame(
        title=TITLE,
        header_left=header,
        header_right=f"{TITLE} — {bilan.draft_mark}" if bilan.draft else TITLE,
        footer_left=f"Édité le {report.generated_at:%d/%m/%Y à %H:%M} par {APP_NAME}",
        landscape=True,
    )
    return pdfkit.build_pdf(out, story, frame)

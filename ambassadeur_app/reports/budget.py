"""The budget prévisionnel of a CPTS that applies, on the model of Annexe 1 of the call for
applications: each poste de dépense with its estimated amount and the justifications expected,
the total of the expenses and the FIR grant (« Dépenses = Recettes »), from the programme's
settings (months, hourly rate, monthly cap, forfait événement, total grant).

In the workbook the amounts of the postes are plain numbers the CPTS adjusts; the subtotals, the
total and the balance are formulas, and the basis of the calculation is shown beside them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ambassadeur_app import APP_NAME
from ambassadeur_app.domain.bilan import Forfait, Poste, budget_estimate, forfait_label
from ambassadeur_app.domain.durations import format_duration
from ambassadeur_app.domain.formatting import format_date, format_euros
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.reports import pdf as pdfkit
from ambassadeur_app.reports import xlsx as xlsxkit
from ambassadeur_app.reports.bilan import annex_grid, cpts_line

if TYPE_CHECKING:
    from ambassadeur_app.domain.model import Programme

TITLE = "Budget prévisionnel"
FORMATS = ("xlsx", "pdf")
TITLES = [
    "Forfait",
    "Poste de dépense ciblé",
    "Montant estimé (justifié par des factures)",
    "Justificatifs attendus",
]
SPLIT_NOTE = (
    "Répartition indicative entre les postes (à parts égales) : ajustez les montants estimés à votre "
    "plan d'actions, dans la limite de chaque forfait."
)


@dataclass
class Budget:
    programme: Programme
    amounts: dict[Poste, int]
    generated_at: datetime = field(default_factory=datetime.now)

    @property
    def header(self) -> list[tuple[str, str]]:
        p = self.programme
        return [
            cpts_line(p),
            (
                "Expérimentation",
                f"Ambassadeurs {p.programme_name}, {p.months} mois à partir du {format_date(p.start_date)}",
            ),
        ]

    @property
    def basis(self) -> list[tuple[str, int | str]]:
        """Return the basis of the calculation: (label, cents or text)."""
        p = self.programme
        cap_minutes = p.monthly_cap_cents * 60 // p.hourly_rate_cents if p.hourly_rate_cents else 0
        return [
            ("Forfait horaire (par heure)", p.hourly_rate_cents),
            ("Base hebdomadaire indicative", format_duration(p.weekly_base_minutes) + " par semaine"),
            ("Plafond mensuel du binôme", p.monthly_cap_cents),
            ("Heures financées au plus par mois", format_duration(cap_minutes)),
            ("Durée de l'expérimentation", f"{p.months} mois"),
            ("Forfait horaire sur la période", p.hourly_total_cap_cents),
            ("Forfait événement sur la période", p.event_forfait_cents),
        ]

    def forfait_cents(self, forfait: Forfait) -> int:
        return sum(cents for poste, cents in self.amounts.items() if poste.forfait is forfait)

    @property
    def total_cents(self) -> int:
        return sum(self.amounts.values())

    @property
    def grant_cents(self) -> int:
        return self.programme.total_grant_cents

    @property
    def balance_note(self) -> str:
        if self.total_cents == self.grant_cents:
            return "N.B : Dépenses = Recettes."
        return (
            f"Attention : les dépenses ({format_euros(self.total_cents)}) diffèrent de la subvention "
            f"({format_euros(self.grant_cents)}) ; vérifiez les paramètres du programme."
        )


def build_budget(programme: Programme) -> Budget:
    return Budget(programme, budget_estimate(programme))


def write_budget(programme: Programme, fmt: str, out: Path) -> Path:
    """Write the budget prévisionnel as ``xlsx`` or ``pdf`` to ``out`` (atomically)."""
    if fmt not in FORMATS:
        raise InvalidInput(f"Format inconnu : « {fmt} » (xlsx ou pdf).", "format")
    budget = build_budget(programme)
    return write_xlsx(budget, out) if fmt == "xlsx" else write_pdf(budget, out)


def write_xlsx(budget: Budget, out: Path) -> Path:
    """Write the annex's table (amounts to adjust, totals as formulas), recettes and basis."""
    euros = xlsxkit.EURO_FORMAT
    with xlsxkit.workbook_to(out) as workbook:
        sheet = xlsxkit.SheetWriter(workbook, TITLE, landscape=True)
        sheet.widths([34, 44, 22, 70])
        sheet.append([sheet.cell(TITLE, title=True)])
        for label, value in budget.header:
            sheet.append([sheet.cell(label, bold=True), value])
        sheet.append([SPLIT_NOTE])
        sheet.append([sheet.cell("DÉPENSES", bold=True)])
        sheet.append([sheet.cell(title, header=True) for title in TITLES])
        subtotals = []
        for forfait in Forfait:
            first = sheet.row + 1
            for poste in (p for p in Poste if p.forfait is forfait):
                sheet.append(
                    [
                        forfait_label(forfait, budget.programme),
                        poste.label,
                        sheet.cell(budget.amounts[poste] / 100, number_format=euros, border=True),
                        poste.expected,
                    ],
                    border=True,
                )
            subtotals.append(
                sheet.append(
                    [
                        sheet.cell(f"Total {forfait.label.lower()}", bold=True),
                        None,
                        sheet.formula(
                            f"SUM(C{first}:C{sheet.row})",
                            euros,
                            bold=True,
                            value=budget.forfait_cents(forfait) / 100,
                        ),
                        None,
                    ],
                    border=True,
                )
            )
        total = sheet.append(
            [
                sheet.cell("TOTAL Dépenses", bold=True),
                None,
                sheet.formula(
                    "+".join(f"C{row}" for row in subtotals), euros, bold=True, value=budget.total_cents / 100
                ),
                None,
            ],
            border=True,
        )
        sheet.append([])
        sheet.append([sheet.cell("RECETTES", bold=True)])
        grant = sheet.append(
            [
                sheet.cell("Subvention FIR (ARS Grand Est)", bold=True),
                "Fonds d'intervention régional",
                sheet.cell(budget.grant_cents / 100, number_format=euros),
                None,
            ],
            border=True,
        )
        sheet.append(
            [
                "N.B : Dépenses = Recettes",
                "Écart dépenses − recettes (doit valoir 0)",
                sheet.formula(
                    f"C{total}-C{grant}", euros, value=(budget.total_cents - budget.grant_cents) / 100
                ),
                None,
            ],
            border=True,
        )
        sheet.append([])
        sheet.append([sheet.cell("Base de calcul", bold=True)])
        for name, basis in budget.basis:
            cell = sheet.cell(basis / 100, number_format=euros) if isinstance(basis, int) else basis
            sheet.append([name, cell], border=True)
        sheet.print_setup(title_row=None, footer=f"{TITLE} — {budget.programme.cpts_name}")
    return out


def write_pdf(budget: Budget, out: Path) -> Path:
    """Write the annex's table, the recettes and the basis on an A4 landscape page."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer

    style = pdfkit.styles()
    small = style["small"]
    available = 267 * mm
    rows: list[list[str]] = []
    spans: list[tuple[int, int]] = []
    bold: list[int] = []
    for forfait in Forfait:
        start = len(rows) + 1
        for poste in (p for p in Poste if p.forfait is forfait):
            label = forfait_label(forfait, budget.programme)
            rows.append([label, poste.label, format_euros(budget.amounts[poste]), poste.expected])
        spans.append((start, len(rows)))
        rows.append([f"Total {forfait.label.lower()}", "", format_euros(budget.forfait_cents(forfait)), ""])
        bold.append(len(rows))
    rows.append(["TOTAL Dépenses", "", format_euros(budget.total_cents), ""])
    bold.append(len(rows))
    rows.append(["Recettes : subvention FIR (ARS Grand Est)", "", format_euros(budget.grant_cents), ""])
    bold.append(len(rows))
    widths = [50 * mm, 70 * mm, 40 * mm]
    widths.append(available - sum(widths))
    table = annex_grid(TITLES, widths, rows, spans, bold)
    basis = [[label, format_euros(v) if isinstance(v, int) else v] for label, v in budget.basis]
    basis_widths = [70 * mm, 40 * mm]
    basis_table = pdfkit.long_table(
        [
            ["Base de calcul", ""],
            *[[pdfkit.fit(t, w, small) for t, w in zip(r, basis_widths, strict=True)] for r in basis],
        ],
        basis_widths,
        pdfkit.table_style(extra=[("ALIGN", (1, 1), (1, -1), "RIGHT")], size=small.fontSize),
    )
    story: list[Any] = [
        Paragraph(pdfkit.para_text(TITLE), style["title"]),
        pdfkit.info_table(budget.header, 35 * mm, available - 35 * mm),
        Spacer(1, 2 * mm),
        Paragraph(pdfkit.para_text(SPLIT_NOTE), small),
        Paragraph("DÉPENSES", style["h2"]),
        table,
        Spacer(1, 2 * mm),
        Paragraph(f"<b>{pdfkit.para_text(budget.balance_note, pdfkit.FONT_BOLD)}</b>", style["base"]),
        Spacer(1, 4 * mm),
        basis_table,
    ]
    frame = pdfkit.PageFrame(
        title=TITLE,
        header_left=budget.header[0][1],
        header_right=TITLE,
        footer_left=f"Édité le {budget.generated_at:%d/%m/%Y à %H:%M} par {APP_NAME}",
        landscape=True,
    )
    return pdfkit.build_pdf(out, story, frame)

"""The tableau de bord: each indicator against its target (one row each: target, result, what
is missing, met or not, trend), the active users readings, the hourly forfait month by month,
and, in the PDF, each indicator's chart beside the values it draws.

The workbook is a house ``TableDocument`` (real numbers, totals as formulas); the PDF is laid out
here with the house helpers, since it interleaves charts and tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ambassadeur_app import APP_NAME
from ambassadeur_app.domain.formatting import format_date
from ambassadeur_app.reports import pdf as pdfkit
from ambassadeur_app.reports.tables import Column, Section, TableDocument

if TYPE_CHECKING:
    from ambassadeur_app.domain.indicators import Indicator, Reading
    from ambassadeur_app.domain.model import Programme
    from ambassadeur_app.domain.rules import ProgrammeProgress
    from ambassadeur_app.services.indicators import IndicatorsService

TITLE = "Tableau de bord des indicateurs"
INDICATOR_COLUMNS = [
    Column("Indicateur", width=30),
    Column("Objectif", width=40),
    Column("Résultat", width=40),
    Column("Reste à faire", width=36),
    Column("État", width=16),
    Column("Tendance", width=40),
]


@dataclass
class IndicatorsReport:
    """What the tableau de bord shows, built once for both formats."""

    programme: Programme
    indicators: list[Indicator]
    readings: list[Reading]
    progress: ProgrammeProgress
    today: date
    generated_at: datetime = field(default_factory=datetime.now)

    @property
    def header(self) -> list[tuple[str, str]]:
        programme = self.programme
        return [
            ("CPTS", programme.cpts_label),
            (
                "Expérimentation",
                f"{programme.programme_name}, du {format_date(programme.start_date)} au "
                f"{format_date(programme.end_date)}",
            ),
            ("Situation au", format_date(self.today)),
        ]


def build_report(service: IndicatorsService) -> IndicatorsReport:
    core = service.core
    return IndicatorsReport(
        core.programme(), service.all(), service.readings(), core.progress(), core.today()
    )


def table_document(report: IndicatorsReport) -> TableDocument:
    """Return the tableau de bord as tables (the workbook's sheets)."""
    rows = [
        [i.title, i.target_text, i.current_text, i.missing_text, i.status_text, i.trend]
        for i in report.indicators
    ]
    readings = [[r.day, r.users, "Valeur de référence" if r.baseline else "Relevé"] for r in report.readings]
    months = [
        [
            month.title(),
            claim.funded_minutes / 60,
            claim.claimed_cents / 100,
            claim.cap_cents / 100,
            claim.over_cap_minutes / 60,
        ]
        for month, claim in report.progress.by_month.items()
    ]
    details = [[i.title, line] for i in report.indicators for line in i.detail_lines]
    return TableDocument(
        TITLE,
        report.header,
        [
            Section(
                "Indicateurs",
                INDICATOR_COLUMNS,
                rows,
                note="Objectifs du cahier des charges (§5) puis suivi de la subvention.",
                unit=("indicateur", "indicateurs"),
            ),
            Section(
                "Utilisateurs actifs",
                [
                    Column("Date", "date", 14),
                    Column("Utilisateurs actifs", "int", 18),
                    Column("Type", width=22),
                ],
                readings,
                note="Utilisateurs Parceo actifs du département (au moins une connexion par mois), "
                "relevés dans les statistiques de Pulsy.",
                empty="Aucun relevé saisi.",
                unit=("relevé", "relevés"),
            ),
            Section(
                "Forfait horaire par mois",
                [
                    Column("Mois", width=18),
                    Column("Heures financées", "hours", 16, True),
                    Column("Montant financé", "euros", 16, True),
                    Column("Plafond du mois", "euros", 16, True),
                    Column("Heures au-delà du plafond", "hours", 18, True),
                ],
                months,
            ),
            Section(
                "Détail",
                [Column("Indicateur", width=34), Column("Détail", width=90)],
                details,
                empty="Aucun détail.",
                unit=("ligne", "lignes"),
            ),
        ],
        generated_at=report.generated_at,
    )


def write_indicators(service: IndicatorsService, fmt: str, out: Path) -> Path:
    """Write the tableau de bord as ``fmt`` (xlsx or pdf) to ``out``."""
    from ambassadeur_app.reports.tables import write_xlsx

    report = build_report(service)
    if fmt == "xlsx":
        return write_xlsx(table_document(report), out)
    return write_pdf(report, out)


def _table(rows: list[list[str]], titles: list[str], available: float, grow: int | None = None) -> Any:
    """Return a grid of texts sized so that no word is cut (the house's column sizing)."""
    style = pdfkit.styles()["small"]
    columns = [list(texts) for texts in zip(*rows, strict=True)] if rows else [[] for _ in titles]
    widths = pdfkit.column_widths(columns, titles, available, style, grow=grow)
    header = pdfkit.header_style(style)
    data: list[list[Any]] = [[pdfkit.fit(t, w, header) for t, w in zip(titles, widths, strict=True)]]
    data += [[pdfkit.fit(t, w, style) for t, w in zip(row, widths, strict=True)] for row in rows]
    return pdfkit.long_table(data, widths, pdfkit.table_style(size=style.fontSize))


def write_pdf(report: IndicatorsReport, out: Path) -> Path:
    """Write the indicators table, then each chart beside its values, then the details."""
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

    from ambassadeur_app.reports.charts import drawing

    style = pdfkit.styles()
    available = 267 * mm
    story: list[Any] = [
        Paragraph(pdfkit.para_text(TITLE), style["title"]),
        pdfkit.info_table(report.header, 35 * mm, available - 35 * mm),
        Spacer(1, 3 * mm),
    ]
    rows = [
        [i.title, i.target_text, i.current_text, i.missing_text, i.status_text, i.trend]
        for i in report.indicators
    ]
    story += pdfkit.titled(
        [Paragraph("Indicateurs et objectifs", style["h2"])],
        _table(rows, [c.title for c in INDICATOR_COLUMNS], available),
        available,
    )
    for indicator in report.indicators:
        if indicator.chart is None:
            continue
        picture = drawing(indicator.chart, 160 * mm, 70 * mm)
        values = _table([list(v) for v in indicator.values], ["", "Valeur"], 95 * mm, grow=0)
        pair = Table(
            [[picture, values]], colWidths=[165 * mm, 100 * mm], style=[("VALIGN", (0, 0), (-1, -1), "TOP")]
        )
        story.append(
            KeepTogether([Paragraph(pdfkit.para_text(indicator.title, pdfkit.FONT_BOLD), style["h2"]), pair])
        )
    details = [i for i in report.indicators if i.detail_lines]
    if details:
        story.append(Paragraph("Détail des indicateurs", style["h2"]))
        for indicator in details:
            story.append(
                Paragraph(f"<b>{pdfkit.para_text(indicator.title, pdfkit.FONT_BOLD)}</b>", style["base"])
            )
            story += [
                Paragraph(f"• {pdfkit.para_text(line)}", style["small"]) for line in indicator.detail_lines
            ]
            story.append(Spacer(1, 2 * mm))
    frame = pdfkit.PageFrame(
        title=TITLE,
        header_left=report.header[0][1],
        header_right=TITLE,
        footer_left=f"Édité le {report.generated_at:%d/%m/%Y à %H:%M} par {APP_NAME}",
        landscape=True,
    )
    return pdfkit.build_pdf(out, story, frame)

"""The monthly timesheet (relevé d'heures mensuel), in xlsx and PDF.

``build_timesheet`` gathers the content once (rows, subtotals, money) from the domain rules;
``write_xlsx`` and ``write_pdf`` render it. In the xlsx every total is a formula over the rows
whose result equals the app's own figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ambassadeur_app import APP_NAME
from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.durations import format_duration
from ambassadeur_app.domain.formatting import (
    format_date,
    format_euros,
    format_hours_decimal,
    format_timestamp,
)
from ambassadeur_app.domain.model import Ambassador, Mission, MonthLock, Programme, TimeEntry
from ambassadeur_app.domain.rules import (
    MonthSummary,
    amount_cents,
    entry_summary,
    exclusion_reason,
    month_summary,
)
from ambassadeur_app.domain.text import fold
from ambassadeur_app.reports import pdf as pdfkit
from ambassadeur_app.reports import xlsx as xlsxkit

if TYPE_CHECKING:
    from openpyxl import Workbook


@dataclass(frozen=True)
class TimesheetRow:
    day: date
    ambassador: str
    mission: Mission
    activity: str
    place: str
    description: str
    minutes: int
    note: str

    @property
    def counted(self) -> bool:
        return not self.note or self.note == OVER_CAP


OVER_CAP = "au-delà du plafond mensuel"


@dataclass(frozen=True)
class Timesheet:
    """Everything printed on one month's timesheet."""

    programme: Programme
    month: Month
    ambassadors: list[Ambassador]
    only: Ambassador | None
    rows: list[TimesheetRow]
    summary: MonthSummary
    binome: MonthSummary
    lock: MonthLock | None
    reopenings: list[MonthLock]
    generated_at: datetime

    @property
    def title(self) -> str:
        suffix = f" — {self.only.name}" if self.only else ""
        return f"Relevé d'heures — {self.month.title()}{suffix}"

    @property
    def status(self) -> str:
        if self.lock is not None:
            return f"Mois clôturé le {format_timestamp(self.lock.closed_at)}"
        return "Mois non clôturé — document provisoire"

    @property
    def period(self) -> str:
        return (
            f"du {format_date(self.programme.start_date)} au {format_date(self.programme.end_date)}"
            f" ({self.programme.months} mois)"
        )

    @property
    def departement(self) -> str:
        return f"{self.programme.departement_code} — {self.programme.departement_name}"

    @property
    def counted_minutes(self) -> int:
        return sum(row.minutes for row in self.rows if row.counted)

    def file_stem(self) -> str:
        from ambassadeur_app.reports.output import slug

        stem = f"releve-heures-{self.month}"
        return f"{stem}-{slug(self.only.name)}" if self.only else stem


def build_timesheet(
    programme: Programme,
    month: Month,
    entries: list[TimeEntry],
    ambassadors: list[Ambassador],
    locks: list[MonthLock],
    today: date,
    only: Ambassador | None = None,
    now: datetime | None = None,
) -> Timesheet:
    """Assemble a month's timesheet from its entries (all of the binôme's, even for one person)."""
    names = {a.id: a.name for a in ambassadors}
    binome = month_summary(entry_summary(entries), programme, month, today)
    shown = [e for e in entries if only is None or e.ambassador_id == only.id]
    rows = []
    for entry in shown:
        note = exclusion_reason(entry.day, entry.mission, programme, today)
        if not note and binome.cap_reached_on and entry.day > binome.cap_reached_on:
            note = OVER_CAP
        rows.append(
            TimesheetRow(
                day=entry.day,
                ambassador=names.get(entry.ambassador_id, "?"),
                mission=entry.mission,
                activity=entry.activity,
                place=entry.place,
                description=entry.description,
                minutes=entry.minutes,
                note=note,
            )
        )
    present = {e.ambassador_id for e in entries}
    people = [a for a in ambassadors if a.active or a.id in present]
    return Timesheet(
        programme=programme,
        month=month,
        ambassadors=[only] if only else people,
        only=only,
        rows=rows,
        summary=month_summary(entry_summary(shown), programme, month, today),
        binome=binome,
        lock=next((lock for lock in locks if lock.active), None),
        reopenings=[lock for lock in locks if not lock.active],
        generated_at=now or datetime.now(),
    )


def _signature_lines(sheet: Timesheet) -> list[tuple[str, str]]:
    """Return (who, name) for each signature block."""
    lines = [(f"Ambassadeur ({a.role.label.lower()})", a.name) for a in sheet.ambassadors]
    representative = sheet.programme.representative_name or "………………………………"
    title = sheet.programme.representative_title or "Représentant(e) de la CPTS"
    cpts = sheet.programme.cpts_name
    lines.append(
        (
            f"Pour la {cpts}" if fold(cpts).startswith("cpts") else f"Pour la CPTS {cpts}",
            f"{representative}, {title}",
        )
    )
    return lines


def _reopening_lines(sheet: Timesheet) -> list[str]:
    return [
        f"Clôturé le {format_timestamp(lock.closed_at)}, rouvert le "
        f"{format_timestamp(lock.reopened_at or '')} — motif : {lock.reopen_reason}"
        for lock in sheet.reopenings
    ]


# --- xlsx -------------------------------------------------------------------------------------


def write_xlsx(sheet: Timesheet, path: Path) -> Path:
    """Write the timesheet as a workbook whose totals are formulas over the rows."""
    with xlsxkit.workbook_to(path) as workbook:
        _write_sheet(sheet, workbook)
    return path


def _write_sheet(sheet: Timesheet, workbook: Workbook) -> None:
    """Lay out the header, the rows, the totals as formulas and the signature blocks."""
    out = xlsxkit.SheetWriter(workbook, "Relevé", landscape=True)
    out.widths([12, 22, 20, 26, 18, 60, 12, 10, 30])
    programme = sheet.programme
    info = (
        ("CPTS", programme.cpts_name),
        ("Département", sheet.departement),
        ("Programme", f"Ambassadeurs {programme.programme_name}"),
        ("Période de l'expérimentation", sheet.period),
        ("Ambassadeurs", ", ".join(a.label for a in sheet.ambassadors)),
        ("Statut du mois", sheet.status),
    )
    out.freeze_above(len(info) + 4)  # title, info lines, blank line, header row
    out.append([out.cell(sheet.title, title=True)])
    for label, text in info:
        out.append([out.cell(label, bold=True), None, text])  # the label spans A and B
    out.append([])
    headers = [
        "Date",
        "Ambassadeur",
        "Mission",
        "Activité",
        "Lieu",
        "Description",
        "Durée (h)",
        "Comptée",
        "Remarque",
    ]
    header_row = out.append([out.cell(h, header=True) for h in headers])
    first = header_row + 1
    for row in sheet.rows:
        out.append(
            [
                row.day,
                row.ambassador,
                row.mission.label,
                row.activity,
                row.place,
                row.description,
                out.cell(row.minutes / 60, number_format=xlsxkit.HOURS_FORMAT),
                "oui" if row.counted else "non",
                row.note,
            ]
        )
    if not sheet.rows:
        out.append([None, None, None, None, None, "Aucune entrée ce mois-ci."])
    # The ranges end on the blank row that closes the table: they always span two rows or
    # more (an empty month included), and a row inserted at the end of the table joins them.
    last = out.row + 1
    hours = f"$G${first}:$G${last}"

    def total(label: str, expression: str, fmt: str = xlsxkit.HOURS_FORMAT, bold: bool = False) -> int:
        """Append a labelled formula in the duration column; return its row."""
        return out.append([None] * 5 + [out.cell(label, bold=bold), out.formula(expression, fmt, bold)])

    def fixed(label: str, amount: Any, fmt: str, bold: bool = False) -> int:
        """Append a labelled figure of the programme (rate, cap) that formulas refer to."""
        return out.append(
            [None] * 5 + [out.cell(label, bold=bold), out.cell(amount, number_format=fmt, bold=bold)]
        )

    out.append([])
    out.append([None, None, None, None, out.cell("Sous-totaux par mission", bold=True)])
    for mission in Mission:
        row_number = out.row + 1
        total(mission.label, f"SUMPRODUCT(($C${first}:$C${last}=F{row_number})*{hours})")
    out.append([None, None, None, None, out.cell("Sous-totaux par ambassadeur", bold=True)])
    for ambassador in sheet.ambassadors:
        row_number = out.row + 1
        total(ambassador.name, f"SUMPRODUCT(($B${first}:$B${last}=F{row_number})*{hours})")
    out.append([])
    total("Total des heures", f"SUM({hours})", bold=True)
    counted = total(
        "Heures comptées (missions financées, dans la période)",
        f'SUMIF($H${first}:$H${last},"oui",{hours})',
    )
    total(
        "Heures non comptées (hors période, date future ou mission non financée)",
        f'SUMIF($H${first}:$H${last},"non",{hours})',
    )
    rate = fixed("Forfait horaire", programme.hourly_rate_cents / 100, xlsxkit.EURO_FORMAT)
    if sheet.only is None:
        amount = total(
            "Montant des heures comptées (heures × forfait)",
            f"ROUND(G{counted}*G{rate},2)",
            xlsxkit.EURO_FORMAT,
        )
        cap = fixed("Plafond mensuel", sheet.summary.claim.cap_cents / 100, xlsxkit.EURO_FORMAT)
        total("Montant demandé", f"MIN(G{amount},G{cap})", xlsxkit.EURO_FORMAT, bold=True)
        cap_hours = fixed("Plafond en heures", sheet.summary.claim.cap_minutes / 60, xlsxkit.HOURS_FORMAT)
        total(
            "Heures au-delà du plafond (non financées)",
            f"MAX(0,G{counted}-G{cap_hours})",
            bold=True,
        )
    else:
        total(
            "Valorisation des heures comptées (heures × forfait)",
            f"ROUND(G{counted}*G{rate},2)",
            xlsxkit.EURO_FORMAT,
            bold=True,
        )
        claim = sheet.binome.claim
        fixed("Heures comptées du binôme", claim.fundable_minutes / 60, xlsxkit.HOURS_FORMAT)
        fixed("Plafond mensuel du binôme", claim.cap_cents / 100, xlsxkit.EURO_FORMAT)
        fixed("Montant demandé pour le binôme", claim.claimed_cents / 100, xlsxkit.EURO_FORMAT)
    reopenings = _reopening_lines(sheet)
    if reopenings:
        out.append([])
        out.append([out.cell("Réouvertures du mois", bold=True)])
        for line in reopenings:
            out.append([line])
    out.append([])
    out.append([out.cell("Signatures", bold=True)])
    for who, name in _signature_lines(sheet):
        out.append([out.cell(who, bold=True), None, None, name, None, "Date et signature :"])
        out.append([])
        out.append([])
    out.print_setup(title_row=header_row, footer=f"{programme.cpts_name} — {sheet.title}")


# --- pdf --------------------------------------------------------------------------------------


def write_pdf(sheet: Timesheet, path: Path) -> Path:
    """Write the timesheet as printable A4 pages with page numbers and signature blocks."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, LongTable, Paragraph, Spacer, Table

    style = pdfkit.styles()
    text = pdfkit.pdf_text
    programme = sheet.programme
    story: list[Any] = [Paragraph(pdfkit.para_text(sheet.title), style["title"])]
    info = [
        ("CPTS", f"{programme.cpts_name} — {sheet.departement}"),
        ("Programme", f"Ambassadeurs {programme.programme_name}, expérimentation {sheet.period}"),
        ("Ambassadeurs", ", ".join(a.label for a in sheet.ambassadors)),
        ("Statut", sheet.status),
    ]
    story.append(
        Table(
            [
                [
                    Paragraph(f"<b>{k}</b>", style["base"]),
                    pdfkit.fit(v, 148 * mm, style["base"]),
                ]
                for k, v in info
            ],
            colWidths=[32 * mm, 148 * mm],
            style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)],
        )
    )
    story.append(Spacer(1, 4 * mm))
    data: list[list[Any]] = [["Date", "Ambassadeur", "Mission", "Activité", "Lieu — description", "Durée"]]
    grey_rows = []
    widths = [18 * mm, 30 * mm, 24 * mm, 32 * mm, 62 * mm, 14 * mm]
    small = style["small"]
    for index, row in enumerate(sheet.rows, start=1):
        detail = " — ".join(part for part in (row.place, row.description) if part)
        if row.note:
            detail = f"{detail} [{row.note}]" if detail else f"[{row.note}]"
            grey_rows.append(index)
        data.append(
            [
                row.day.strftime("%d/%m/%Y"),
                pdfkit.fit(row.ambassador, widths[1], small),
                row.mission.label.replace(" (non financé)", "*"),
                pdfkit.fit(row.activity, widths[3], small),
                pdfkit.fit(detail, widths[4], small),
                text(format_duration(row.minutes)),
            ]
        )
    if not sheet.rows:
        data.append(["", "", "", "", "Aucune entrée ce mois-ci.", ""])
    extra: list[tuple[Any, ...]] = [("ALIGN", (5, 0), (5, -1), "RIGHT")]
    extra += [("TEXTCOLOR", (0, r), (-1, r), colors.HexColor("#666666")) for r in grey_rows]
    story.append(
        LongTable(
            data,
            colWidths=widths,
            repeatRows=1,
            style=pdfkit.table_style(extra=extra),
        )
    )
    if any(row.mission is Mission.AUTRE for row in sheet.rows):
        story.append(Paragraph("* Autre : temps non financé.", style["small"]))
    story.append(Spacer(1, 5 * mm))
    story.append(KeepTogether(_pdf_totals(sheet, style)))
    reopenings = _reopening_lines(sheet)
    if reopenings:
        story.append(Paragraph("Réouvertures du mois", style["h2"]))
        story += [Paragraph(pdfkit.para_text(line), style["base"]) for line in reopenings]
    story.append(KeepTogether(_pdf_signatures(sheet, style)))
    frame = pdfkit.PageFrame(
        title=sheet.title,
        header_left=f"{programme.cpts_name} — Ambassadeurs {programme.programme_name}",
        header_right=f"Relevé d'heures — {sheet.month.title()}",
        footer_left=f"Édité le {sheet.generated_at:%d/%m/%Y à %H:%M} par {APP_NAME}",
    )
    return pdfkit.build_pdf(path, story, frame)


def _pdf_totals(sheet: Timesheet, style: dict[str, Any]) -> list[Any]:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table

    text = pdfkit.pdf_text
    summary = sheet.summary
    hours: list[list[str]] = [["Par mission", "Heures"]]
    hours += [[m.label, text(format_hours_decimal(summary.by_mission.get(m, 0)))] for m in Mission]
    people: list[list[str]] = [["Par ambassadeur", "Heures"]]
    people += [
        [text(a.name), text(format_hours_decimal(summary.by_ambassador.get(a.id, 0)))]
        for a in sheet.ambassadors
    ]
    claim = summary.claim
    rate = sheet.programme.hourly_rate_cents
    money: list[list[str]] = [
        ["Total des heures", format_hours_decimal(summary.total_minutes)],
        ["Heures comptées", format_hours_decimal(sheet.counted_minutes)],
        [
            "Heures non comptées (hors période, futur, autre)",
            format_hours_decimal(summary.excluded_minutes + summary.other_minutes),
        ],
        ["Forfait horaire", format_euros(rate)],
    ]
    if sheet.only is None:
        money += [
            ["Montant des heures comptées", format_euros(claim.amount_cents)],
            ["Plafond mensuel", format_euros(claim.cap_cents)],
            ["Montant demandé", format_euros(claim.claimed_cents)],
            [
                "Heures au-delà du plafond (non financées)",
                format_hours_decimal(claim.over_cap_minutes),
            ],
        ]
        bold_rows = [6, 7]
    else:
        binome = sheet.binome.claim
        money += [
            [
                "Valorisation des heures comptées",
                format_euros(amount_cents(sheet.counted_minutes, sheet.programme)),
            ],
            ["Plafond mensuel du binôme", format_euros(binome.cap_cents)],
            ["Montant demandé pour le binôme", format_euros(binome.claimed_cents)],
        ]
        bold_rows = [4, 6]
    money = [[text(a), text(b)] for a, b in money]
    bold = [("FONT", (0, r), (-1, r), pdfkit.FONT_BOLD, 8) for r in bold_rows]
    left = Table(
        [*hours, ["", ""], *people],
        colWidths=[40 * mm, 20 * mm],
        style=pdfkit.table_style(
            extra=[
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("FONT", (0, len(hours) + 1), (-1, len(hours) + 1), pdfkit.FONT_BOLD, 8),
                ("BACKGROUND", (0, len(hours) + 1), (-1, len(hours) + 1), "#DCE6F1"),
                ("GRID", (0, len(hours)), (-1, len(hours)), 0, "#FFFFFF"),
            ]
        ),
    )
    right = Table(
        money,
        colWidths=[72 * mm, 28 * mm],
        style=pdfkit.table_style(header_rows=0, extra=[("ALIGN", (1, 0), (1, -1), "RIGHT"), *bold]),
    )
    return [
        Paragraph("Récapitulatif", style["h2"]),
        Table(
            [[left, right]],
            colWidths=[70 * mm, 110 * mm],
            style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)],
        ),
    ]


def _pdf_signatures(sheet: Timesheet, style: dict[str, Any]) -> list[Any]:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table

    blocks = [
        Paragraph(
            f"<b>{pdfkit.para_text(who)}</b><br/>{pdfkit.para_text(name)}<br/><br/>Date et signature :",
            style["base"],
        )
        for who, name in _signature_lines(sheet)
    ]
    width = 180 * mm / len(blocks)
    return [
        Paragraph("Signatures", style["h2"]),
        Table(
            [blocks],
            colWidths=[width] * len(blocks),
            rowHeights=[32 * mm],
            style=pdfkit.table_style(header_rows=0),
        ),
    ]

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
from ambassadeur_app.domain.formatting import (
    format_amount_of_hours,
    format_date,
    format_euros,
    format_hours,
    format_timestamp,
)
from ambassadeur_app.domain.model import Ambassador, Mission, MonthLock, Programme, TimeEntry
from ambassadeur_app.domain.rules import (
    MonthSummary,
    amount_cents,
    entry_summary,
    exclusion_reason,
    month_summary,
    over_cap_split,
)
from ambassadeur_app.domain.text import fold
from ambassadeur_app.reports import xlsx as xlsxkit

if TYPE_CHECKING:
    from openpyxl import Workbook


OVER_CAP = "au-delà du plafond mensuel"


@dataclass(frozen=True)
class TimesheetRow:
    day: date
    ambassador: str
    mission: Mission
    activity: str
    place: str
    description: str
    minutes: int
    reason: str  # why the hours are not counted at all, "" when they are
    over_cap_minutes: int = 0  # the part of a counted line beyond the monthly cap

    @property
    def counted(self) -> bool:
        return not self.reason

    @property
    def note(self) -> str:
        """Return the line's remark: why it is not counted, or which part is beyond the cap."""
        if self.reason:
            return self.reason
        if self.over_cap_minutes == self.minutes:
            return OVER_CAP
        if self.over_cap_minutes:
            return f"dont {format_hours(self.over_cap_minutes)} {OVER_CAP}"
        return ""


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

    def cap_label(self, whose: str = "") -> str:
        """Return the label of the month's cap (``whose``: « du binôme »); lowered to what the
        months before left of the period's cap, it says so."""
        cut = self.binome.claim.cap_cents < self.programme.month_cap_cents(self.month)
        return f"Plafond mensuel{whose}" + (" (reste du plafond de la période)" if cut else "")

    @property
    def counted_minutes(self) -> int:
        return sum(row.minutes for row in self.rows if row.counted)

    @property
    def over_cap_minutes(self) -> int:
        """Return the sum of the lines' parts beyond the cap (the binôme's, or one person's)."""
        return sum(row.over_cap_minutes for row in self.rows)

    def file_stem(self) -> str:
        from ambassadeur_app.reports.output import slug

        stem = timesheet_stem(self.month)
        return f"{stem}-{slug(self.only.name)}" if self.only else stem


def timesheet_stem(month: Month) -> str:
    """Return the file name (without suffix) of a month's timesheet for the whole binôme."""
    return f"releve-heures-{month}"


def build_timesheet(
    programme: Programme,
    month: Month,
    entries: list[TimeEntry],
    ambassadors: list[Ambassador],
    locks: list[MonthLock],
    today: date,
    only: Ambassador | None = None,
    now: datetime | None = None,
    left_cents: int | None = None,
) -> Timesheet:
    """Assemble a month's timesheet from its entries (all of the binôme's, even for one person);
    ``left_cents``: what the months before left of the period's cap (``rules.period_left``)."""
    names = {a.id: a.name for a in ambassadors}
    binome = month_summary(entry_summary(entries), programme, month, today, left_cents)
    over_cap = over_cap_split(entries, programme, month, today, left_cents)
    rows = [
        TimesheetRow(
            day=entry.day,
            ambassador=names.get(entry.ambassador_id, "?"),
            mission=entry.mission,
            activity=entry.activity,
            place=entry.place,
            description=entry.description,
            minutes=entry.minutes,
            reason=exclusion_reason(entry.day, entry.mission, programme, today),
            over_cap_minutes=over,
        )
        for entry, over in zip(entries, over_cap, strict=True)
        if only is None or entry.ambassador_id == only.id
    ]
    shown = [e for e in entries if only is None or e.ambassador_id == only.id]
    present = {e.ambassador_id for e in entries}
    people = [a for a in ambassadors if a.active or a.id in present]
    return Timesheet(
        programme=programme,
        month=month,
        ambassadors=[only] if only else people,
        only=only,
        rows=rows,
        summary=month_summary(entry_summary(shown), programme, month, today, left_cents),
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


ATTESTATION = "Nous certifions l'exactitude des heures déclarées ci-dessus."
PROVISIONAL = (
    "DOCUMENT PROVISOIRE — le mois n'est pas clôturé : ne pas signer ni transmettre. Clôturez le "
    "mois (menu Mois > Clôturer) pour obtenir le relevé à signer."
)
PLACE_AND_DATE = "Fait à …………………………………………, le ……………………………"
SIGNING_ROOM = 24  # millimetres left blank to sign in, below the texts of a signature box


# --- xlsx -------------------------------------------------------------------------------------

# Columns of the rows: A date ... F description, G duration, H beyond the cap, I counted, J remark.
_WIDTHS = [11, 17, 15, 20, 16, 34, 9, 11, 9, 18]
_HEADERS = [
    "Date",
    "Ambassadeur",
    "Mission",
    "Activité",
    "Lieu",
    "Description",
    "Durée (h)",
    "Au-delà du plafond (h)",
    "Comptée",
    "Remarque",
]


def write_xlsx(sheet: Timesheet, path: Path) -> Path:
    """Write the timesheet as a workbook whose totals are formulas over the rows."""
    with xlsxkit.workbook_to(path) as workbook:
        _write_sheet(sheet, workbook)
    return path


def _write_sheet(sheet: Timesheet, workbook: Workbook) -> None:
    """Lay out the header, the rows, the totals as formulas and the signature blocks."""
    out = xlsxkit.SheetWriter(workbook, "Relevé", landscape=True)
    out.widths(_WIDTHS)
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
    header_row = out.append([out.cell(h, header=True) for h in _HEADERS])
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
                out.cell(row.over_cap_minutes / 60, number_format=xlsxkit.HOURS_FORMAT)
                if row.over_cap_minutes
                else None,
                "oui" if row.counted else "non",
                row.note,
            ],
            border=True,
        )
    if not sheet.rows:
        out.append([None] * 5 + ["Aucune entrée ce mois-ci."] + [None] * 4, border=True)
    # The ranges end on the empty row that closes the table: they always span two rows or
    # more (an empty month included), and a row inserted at the end of the table joins them.
    last = out.append([None] * len(_HEADERS), border=True)
    hours = f"$G${first}:$G${last}"
    worked = sum(row.minutes for row in sheet.rows)
    beyond = f"$H${first}:$H${last}"
    out.append(
        [
            out.cell("Total du mois", bold=True),
            *[None] * 5,
            out.formula(f"SUM({hours})", xlsxkit.HOURS_FORMAT, bold=True, value=worked / 60),
            out.formula(f"SUM({beyond})", xlsxkit.HOURS_FORMAT, bold=True, value=sheet.over_cap_minutes / 60),
            None,
            None,
        ],
        border=True,
    )

    def total(label: str, expression: str, value: int, euros: bool = False, bold: bool = False) -> int:
        """Append a labelled formula in the duration column, whose result is ``value`` (minutes,
        or cents if ``euros``); return its row."""
        fmt, unit = (xlsxkit.EURO_FORMAT, 100) if euros else (xlsxkit.HOURS_FORMAT, 60)
        return out.append(
            [None] * 5
            + [
                out.cell(label, bold=bold, border=True, wrap=True),
                out.formula(expression, fmt, bold, border=True, value=value / unit),
            ]
        )

    def fixed(label: str, amount: Any, fmt: str, bold: bool = False) -> int:
        """Append a labelled figure of the programme (rate, cap) that formulas refer to."""
        return out.append(
            [None] * 5
            + [
                out.cell(label, bold=bold, border=True, wrap=True),
                out.cell(amount, number_format=fmt, bold=bold, border=True),
            ]
        )

    def heading(label: str) -> None:
        out.append([None] * 5 + [out.cell(label, header=True), out.cell("Heures", header=True)])

    out.append([])
    heading("Par mission")
    top = out.row + 1
    for mission in Mission:
        row_number = out.row + 1
        of_mission = sum(row.minutes for row in sheet.rows if row.mission is mission)
        total(mission.label, f"SUMPRODUCT(($C${first}:$C${last}=F{row_number})*{hours})", of_mission)
    total("Total, toutes missions", f"SUM(G{top}:G{out.row})", worked, bold=True)
    out.append([])
    heading("Par ambassadeur")
    top = out.row + 1
    for ambassador in sheet.ambassadors:
        row_number = out.row + 1
        of_person = sum(row.minutes for row in sheet.rows if row.ambassador == ambassador.name)
        total(ambassador.name, f"SUMPRODUCT(($B${first}:$B${last}=F{row_number})*{hours})", of_person)
    if len(sheet.ambassadors) < 2:  # an empty row keeps the range two rows long (pycel)
        fixed("", None, xlsxkit.HOURS_FORMAT)
    people = sum(row.minutes for row in sheet.rows if row.ambassador in {a.name for a in sheet.ambassadors})
    total("Total, tous ambassadeurs", f"SUM(G{top}:G{out.row})", people, bold=True)
    out.append([])
    heading("Récapitulatif")
    total("Total des heures", f"SUM({hours})", worked, bold=True)
    counted = total(
        "Heures comptées (missions financées, dans la période)",
        f'SUMIF($I${first}:$I${last},"oui",{hours})',
        sheet.counted_minutes,
    )
    total(
        "Heures non comptées (hors période, date future ou mission non financée)",
        f'SUMIF($I${first}:$I${last},"non",{hours})',
        worked - sheet.counted_minutes,
    )
    rate = fixed("Forfait horaire", programme.hourly_rate_cents / 100, xlsxkit.EURO_FORMAT)
    if sheet.only is None:
        claim = sheet.summary.claim
        amount = total(
            "Montant des heures comptées (heures × forfait)",
            f"ROUND(G{counted}*G{rate},2)",
            claim.amount_cents,
            euros=True,
        )
        cap = fixed(sheet.cap_label(), claim.cap_cents / 100, xlsxkit.EURO_FORMAT)
        total("Montant demandé", f"MIN(G{amount},G{cap})", claim.claimed_cents, euros=True, bold=True)
        fixed("Plafond en heures", claim.cap_minutes / 60, xlsxkit.HOURS_FORMAT)
        # The sum of the rows' column: the flagged parts add up to it, line by line.
        total(
            "Heures au-delà du plafond (non financées)", f"SUM({beyond})", sheet.over_cap_minutes, bold=True
        )
    else:
        total(
            "Valorisation des heures comptées (heures × forfait)",
            f"ROUND(G{counted}*G{rate},2)",
            amount_cents(sheet.counted_minutes, programme),
            euros=True,
            bold=True,
        )
        name = sheet.only.name
        total(f"Heures de {name} au-delà du plafond du binôme", f"SUM({beyond})", sheet.over_cap_minutes)
        claim = sheet.binome.claim
        fixed("Heures comptées du binôme", claim.fundable_minutes / 60, xlsxkit.HOURS_FORMAT)
        fixed(sheet.cap_label(" du binôme"), claim.cap_cents / 100, xlsxkit.EURO_FORMAT)
        fixed("Montant demandé pour le binôme", claim.claimed_cents / 100, xlsxkit.EURO_FORMAT)
        fixed("Heures du binôme au-delà du plafond", claim.over_cap_minutes / 60, xlsxkit.HOURS_FORMAT)
    reopenings = _reopening_lines(sheet)
    if reopenings:
        out.append([])
        out.append([out.cell("Réouvertures du mois", bold=True)])
        for line in reopenings:
            out.append([line])
    _xlsx_signatures(sheet, out)
    out.print_setup(title_row=header_row, footer=f"{programme.cpts_name} — {sheet.title}")


def _xlsx_signatures(sheet: Timesheet, out: xlsxkit.SheetWriter) -> None:
    """Append the attestation and one framed box per signatory, tall enough to sign in."""
    out.append([])
    if sheet.lock is None:
        out.append([out.cell(PROVISIONAL, bold=True)])
    out.append([out.cell(ATTESTATION, bold=True)])
    out.append([])
    out.append([PLACE_AND_DATE])
    for who, name in _signature_lines(sheet):
        out.append([])
        # The frame spans columns A to F (about 12 cm); its middle row is the room to sign.
        out.append([out.cell(who, bold=True), None, None, out.cell(name)])
        out.append([out.box("lt", "Date et signature :"), *[out.box("t")] * 4, out.box("tr")])
        out.append([out.box("l"), *[None] * 4, out.box("r")], height=xlsxkit.SIGNATURE_HEIGHT)
        out.append([out.box("lb"), *[out.box("b")] * 4, out.box("rb")])


# --- pdf --------------------------------------------------------------------------------------


def write_pdf(sheet: Timesheet, path: Path) -> Path:
    """Write the timesheet as printable A4 pages with page numbers and signature blocks."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

    from ambassadeur_app.reports import pdf as pdfkit  # here: an xlsx export does not need it

    style = pdfkit.styles()
    text = pdfkit.pdf_text
    programme = sheet.programme
    story: list[Any] = [Paragraph(pdfkit.para_text(sheet.title, pdfkit.FONT_BOLD), style["title"])]
    info = [
        ("CPTS", f"{programme.cpts_name} — {sheet.departement}"),
        ("Programme", f"Ambassadeurs {programme.programme_name}, expérimentation {sheet.period}"),
        ("Ambassadeurs", ", ".join(a.label for a in sheet.ambassadors)),
        ("Statut", sheet.status),
    ]
    base = style["base"]
    story.append(
        Table(
            [[Paragraph(f"<b>{k}</b>", base), pdfkit.fit(v, 148 * mm, base)] for k, v in info],
            colWidths=[32 * mm, 148 * mm],
            style=[
                ("FONT", (0, 0), (-1, -1), base.fontName, base.fontSize),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ],
        )
    )
    story.append(Spacer(1, 4 * mm))
    small = style["small"]
    header = pdfkit.header_style(small)
    missions = [row.mission.label.replace(" (non financé)", "*") for row in sheet.rows]
    details = [" — ".join(part for part in (row.place, row.description) if part) for row in sheet.rows]
    # The remark ends the text, never cut away with a long description (see ``fit``).
    remarks = [
        (" " if detail else "") + f"[{row.note}]" if row.note else ""
        for row, detail in zip(sheet.rows, details, strict=True)
    ]
    grey_rows = [index for index, row in enumerate(sheet.rows, start=1) if not row.counted]
    days = [row.day.strftime("%d/%m/%Y") for row in sheet.rows]
    durations = [text(format_hours(row.minutes)) for row in sheet.rows]
    beyond = [text(format_hours(row.over_cap_minutes)) if row.over_cap_minutes else "" for row in sheet.rows]
    # The closing row, in bold: "Total du mois" spans the first five columns.
    totals = ["", "", "", "", ""]
    totals += [
        text(format_hours(sum(r.minutes for r in sheet.rows))),
        text(format_hours(sheet.over_cap_minutes)),
    ]
    titles = [
        "Date",
        "Ambassadeur",
        "Mission",
        "Activité",
        "Lieu — description",
        "Durée",
        "Au-delà du plafond",
    ]
    columns = [
        days,
        [row.ambassador for row in sheet.rows],
        missions,
        [row.activity for row in sheet.rows],
        details,
        durations,
        beyond,
    ]
    none = [""] * len(sheet.rows)
    tails = [none, none, none, none, remarks, none, none]
    whole = [[c + t for c, t in zip(*pair, strict=True)] for pair in zip(columns, tails, strict=True)]
    widths = pdfkit.column_widths(whole, titles, 180 * mm, small, grow=4, totals=totals)
    data: list[list[Any]] = [[pdfkit.fit(t, w, header) for t, w in zip(titles, widths, strict=True)]]
    for cells, ends in zip(zip(*columns, strict=True), zip(*tails, strict=True), strict=True):
        data.append([pdfkit.fit(c, w, small, e) for c, w, e in zip(cells, widths, ends, strict=True)])
    if not sheet.rows:
        data.append(["", "", "", "", "Aucune entrée ce mois-ci.", "", ""])
    # The total row closes the table: it is never alone on a page.
    data.append(["Total du mois", *totals[1:]])
    extra: list[tuple[Any, ...]] = [("ALIGN", (5, 0), (6, -1), "RIGHT")]
    extra += [("TEXTCOLOR", (0, r), (-1, r), colors.HexColor("#666666")) for r in grey_rows]
    extra += [("FONT", (0, -1), (-1, -1), pdfkit.FONT_BOLD, small.fontSize), ("SPAN", (0, -1), (4, -1))]
    grid = pdfkit.table_style(extra=extra, size=small.fontSize)
    story.append(pdfkit.long_table(data, widths, grid, footer_rows=1))
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
    from reportlab.platypus import Paragraph, Spacer, Table

    from ambassadeur_app.reports import pdf as pdfkit

    text = pdfkit.pdf_text
    summary = sheet.summary
    hours: list[list[Any]] = [["Par mission", "Heures"]]
    hours += [[m.label, text(format_hours(summary.by_mission.get(m, 0)))] for m in Mission]
    hours.append(["Total", text(format_hours(sum(summary.by_mission.values())))])
    people: list[list[Any]] = [["Par ambassadeur", "Heures"]]
    people += [
        [pdfkit.fit(a.name, 44 * mm, style["cell"]), text(format_hours(summary.by_ambassador.get(a.id, 0)))]
        for a in sheet.ambassadors
    ]
    people.append(["Total", text(format_hours(sum(summary.by_ambassador.values())))])
    claim = summary.claim
    rate = sheet.programme.hourly_rate_cents
    money: list[list[str]] = [
        ["Total des heures", format_hours(summary.total_minutes)],
        ["Heures comptées", format_hours(sheet.counted_minutes)],
        [
            "Heures non comptées (hors période, futur, autre)",
            format_hours(summary.excluded_minutes + summary.other_minutes),
        ],
    ]
    if sheet.only is None:
        money += [
            [
                "Montant des heures comptées",
                format_amount_of_hours(claim.fundable_minutes, rate, claim.amount_cents),
            ],
            [sheet.cap_label(), format_euros(claim.cap_cents)],
            ["Montant demandé", format_euros(claim.claimed_cents)],
            ["Heures au-delà du plafond (non financées)", format_hours(sheet.over_cap_minutes)],
        ]
        bold_rows = [5, 6]
    else:
        binome = sheet.binome.claim
        money += [
            [
                "Valorisation des heures comptées",
                format_amount_of_hours(
                    sheet.counted_minutes, rate, amount_cents(sheet.counted_minutes, sheet.programme)
                ),
            ],
            [
                f"Heures de {sheet.only.name} au-delà du plafond du binôme",
                format_hours(sheet.over_cap_minutes),
            ],
            [sheet.cap_label(" du binôme"), format_euros(binome.cap_cents)],
            ["Montant demandé pour le binôme", format_euros(binome.claimed_cents)],
            ["Heures du binôme au-delà du plafond", format_hours(binome.over_cap_minutes)],
        ]
        bold_rows = [3, 6]
    cells = [[pdfkit.fit(a, 64 * mm, style["cell"]), text(b)] for a, b in money]
    bold = [("FONT", (0, r), (-1, r), pdfkit.FONT_BOLD, pdfkit.CELL_SIZE) for r in bold_rows]

    def subtable(rows: list[list[Any]]) -> Any:
        return Table(
            rows,
            colWidths=[44 * mm, 20 * mm],
            style=pdfkit.table_style(
                extra=[
                    ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                    ("FONT", (0, -1), (-1, -1), pdfkit.FONT_BOLD, pdfkit.CELL_SIZE),
                ]
            ),
        )

    right = Table(
        cells,
        colWidths=[64 * mm, 46 * mm],
        style=pdfkit.table_style(header_rows=0, extra=[("ALIGN", (1, 0), (1, -1), "RIGHT"), *bold]),
    )
    return [
        Paragraph("Récapitulatif", style["h2"]),
        Table(
            [[[subtable(hours), Spacer(1, 3 * mm), subtable(people)], right]],
            colWidths=[70 * mm, 110 * mm],
            style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)],
        ),
    ]


def _pdf_signatures(sheet: Timesheet, style: dict[str, Any]) -> list[Any]:
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table

    from ambassadeur_app.reports import pdf as pdfkit

    # Each box holds its texts and, below them, the room to sign: the row grows with the texts.
    blocks = [
        [
            Paragraph(
                f"<b>{pdfkit.para_text(who, pdfkit.FONT_BOLD)}</b><br/>{pdfkit.para_text(name)}"
                "<br/><br/>Date et signature :",
                style["base"],
            ),
            Spacer(1, SIGNING_ROOM * mm),
        ]
        for who, name in _signature_lines(sheet)
    ]
    width = 180 * mm / len(blocks)
    provisional = [Paragraph(pdfkit.para_text(PROVISIONAL), style["bold"])] if sheet.lock is None else []
    return [
        Paragraph("Attestation et signatures", style["h2"]),
        *provisional,
        Paragraph(pdfkit.para_text(ATTESTATION), style["bold"]),
        Spacer(1, 3 * mm),
        Paragraph(pdfkit.para_text(PLACE_AND_DATE), style["base"]),
        Spacer(1, 3 * mm),
        Table(
            [blocks],
            colWidths=[width] * len(blocks),
            style=pdfkit.table_style(header_rows=0),
        ),
    ]

"""The regional view (xlsx or pdf): one row per CPTS with its hours, its amounts within the caps,
its grant and balance, its events held and its indicators against their targets; the regional totals over the
verified rows only, drafts included (« vérifié (provisoire) », formulas in the workbook); and the
list of every input with its SHA-256 and its check.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from ambassadeur_app import APP_NAME
from ambassadeur_app.domain.formatting import format_date, format_euros, format_hours
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.reports import pdf as pdfkit
from ambassadeur_app.reports import xlsx as xlsxkit
from ambassadeur_app.services.region import VERIFIED, VERIFIED_DRAFT, Consolidation, InputResult

TITLE = "Vue régionale des binômes ambassadeurs Parceo"
FORMATS = ("xlsx", "pdf")
HOURS_TITLES = ["Heures saisies", "Heures financées"]
MONEY_TITLES = [
    "Forfait horaire (dans le plafond)",
    "Forfait événement utilisé",
    "Total des forfaits",
    "Subvention accordée",
    "Versements reçus",
    "Solde : reste à verser (+) ou à reverser (-)",  # « - »: the PDF's Helvetica has no « − »
]
EVENTS_TITLE = "Événements tenus"
NUMBER_TITLES = [*HOURS_TITLES, *MONEY_TITLES, EVENTS_TITLE]  # the columns number_rows gives
TOTAL_LABEL = "Total régional (lignes vérifiées)"
NOTE = (
    "Totaux régionaux : lignes « vérifié » seulement, y compris les lignes « vérifié (provisoire) » "
    "(bilan d'une période en cours ou dont un mois n'est pas clôturé : comptées pour une vue "
    "intermédiaire, leurs chiffres peuvent encore changer). Un dossier dont un fichier ne "
    "correspond pas à son manifeste, dont le manifeste ne liste pas le bilan ou les relevés "
    "d'heures de la période, ou dont le fichier chiffres.json ne concorde pas avec le bilan, est "
    "listé « non vérifié » et n'est pas compté. Événements tenus : vide quand le dossier ne le dit "
    "pas (dossier écrit avant son fichier chiffres.json). Versements reçus : 0,00 € quand la CPTS "
    "n'en a saisi aucun."
)
# The workbook keeps hours as numbers (decimal hours); the PDF writes them « 230 h 30 ».
XLSX_HOURS_NOTE = "Heures en heures décimales (40,50 = 40 h 30 min)."
FILE_TITLES = ["Fichier", "Type", "SHA-256 (d'un dossier : de son manifeste)", "Vérification"]


def output_format(out: Path) -> str:
    """Return the format ``out``'s extension asks for (``xlsx`` or ``pdf``).

    Raises:
        InvalidInput: another extension.
    """
    fmt = out.suffix.lower().removeprefix(".")
    if fmt not in FORMATS:
        raise InvalidInput(f"« {out.name} » : la vue régionale s'écrit en .xlsx ou en .pdf.", "sortie")
    return fmt


def write(consolidation: Consolidation, out: Path) -> Path:
    """Write the regional view to ``out``, as its extension says (.xlsx or .pdf).

    Raises:
        InvalidInput: another extension.
    """
    fmt = output_format(out)
    return write_xlsx(consolidation, out) if fmt == "xlsx" else write_pdf(consolidation, out)


def shown(consolidation: Consolidation) -> list[InputResult]:
    """Return the inputs whose figures were read (verified or not): the rows of the view."""
    return [i for i in consolidation.inputs if i.figures is not None]


def indicator_titles(consolidation: Consolidation) -> list[str]:
    """Return the indicators' titles, in the order the CPTS' documents give them."""
    titles: list[str] = []
    for result in shown(consolidation):
        assert result.figures is not None
        titles += [line.title for line in result.figures.indicators if line.title not in titles]
    return titles


def number_rows(consolidation: Consolidation) -> list[list[Any]]:
    """Return, per CPTS read, the ``NUMBER_TITLES``: its hours (decimal hours), amounts (euros)
    and events held (None: unknown)."""
    rows = []
    for result in shown(consolidation):
        figures = result.figures
        assert figures is not None
        rows.append(
            [
                figures.worked_minutes / 60,
                figures.funded_minutes / 60,
                figures.hourly_cents / 100,
                figures.event_cents / 100,
                figures.total_cents / 100,
                figures.grant_cents / 100,
                (figures.received_cents or 0) / 100,  # None: no payment recorded
                figures.balance_cents / 100,
                figures.events_held,
            ]
        )
    return rows


def indicator_cells(result: InputResult, titles: list[str]) -> list[str]:
    assert result.figures is not None
    lines = {line.title: line for line in result.figures.indicators}
    return [
        " ; ".join((lines[t].target, lines[t].result, lines[t].status)) if t in lines else "" for t in titles
    ]


def regional_sums(consolidation: Consolidation) -> list[Any]:
    """Return the sums of ``number_rows`` over the verified rows (the workbook's formulas)."""
    counted = [
        values
        for result, values in zip(shown(consolidation), number_rows(consolidation), strict=True)
        if not result.refused
    ]
    return [sum(v[i] or 0 for v in counted) for i in range(len(NUMBER_TITLES))]


def number_texts(values: list[Any]) -> list[str]:
    """Return ``number_rows``' values (or their sums) as the French texts a reader sees."""
    hours = [format_hours(round(v * 60)) for v in values[: len(HOURS_TITLES)]]
    money = [
        format_euros(round(v * 100))
        for v in values[len(HOURS_TITLES) : len(HOURS_TITLES) + len(MONEY_TITLES)]
    ]
    events = values[len(HOURS_TITLES) + len(MONEY_TITLES)]
    return [*hours, *money, "" if events is None else str(events)]


# --- xlsx -------------------------------------------------------------------------------------


def write_xlsx(consolidation: Consolidation, out: Path, generated_at: datetime | None = None) -> Path:
    """Write the regional workbook to ``out`` (atomically)."""
    from openpyxl.utils import get_column_letter

    generated_at = generated_at or datetime.now()
    read = shown(consolidation)
    indicators = indicator_titles(consolidation)
    titles = [
        "CPTS",
        "Département",
        "Période",
        *NUMBER_TITLES,
        *(f"{t} (objectif ; résultat ; état)" for t in indicators),
        "Source",
        "Vérification",
    ]
    status_letter = get_column_letter(len(titles))
    with xlsxkit.workbook_to(out) as workbook:
        sheet = xlsxkit.SheetWriter(workbook, "Vue régionale", landscape=True)
        sheet.widths([30, 24, 34, 12, 12, *[16] * len(MONEY_TITLES), 12, *[40] * len(indicators), 30, 40])
        sheet.append([sheet.cell(TITLE, title=True)])
        sheet.append([sheet.cell("Édité le", bold=True), sheet.cell(generated_at.date())])
        sheet.append([f"{NOTE} {XLSX_HOURS_NOTE}"])
        sheet.append([])
        header = sheet.append([sheet.cell(t, header=True) for t in titles])
        first = header + 1
        for result, numbers in zip(read, number_rows(consolidation), strict=True):
            figures = result.figures
            assert figures is not None
            formats = [
                *[xlsxkit.HOURS_FORMAT] * len(HOURS_TITLES),
                *[xlsxkit.EURO_FORMAT] * len(MONEY_TITLES),
                "0",
            ]
            sheet.append(
                [
                    figures.cpts,
                    figures.departement,
                    figures.period,
                    *(sheet.cell(n, number_format=f) for n, f in zip(numbers, formats, strict=True)),
                    *indicator_cells(result, indicators),
                    result.path.name,
                    result.status,
                ],
                border=True,
            )
        last = max(sheet.row, first)
        totals: list[object] = [sheet.cell(TOTAL_LABEL, bold=True), None, None]
        sums = regional_sums(consolidation)
        for index, (title, value) in enumerate(zip(NUMBER_TITLES, sums, strict=True), start=4):
            letter = get_column_letter(index)
            status = f"${status_letter}${first}:${status_letter}${last}"
            expression = "+".join(
                f'SUMIF({status},"{counted}",{letter}{first}:{letter}{last})'
                for counted in (VERIFIED, VERIFIED_DRAFT)
            )
            if title in HOURS_TITLES:
                totals.append(sheet.formula(expression, xlsxkit.HOURS_FORMAT, bold=True, value=value))
            elif title in MONEY_TITLES:
                money = round(value, 2)
                totals.append(
                    sheet.formula(f"ROUND({expression},2)", xlsxkit.EURO_FORMAT, bold=True, value=money)
                )
            else:
                totals.append(sheet.formula(expression, "0", bold=True, value=value))
        sheet.append(totals, border=True)
        sheet.print_setup(title_row=header, footer=TITLE)

        files = xlsxkit.SheetWriter(workbook, "Fichiers reçus", landscape=True)
        files.widths([40, 14, 68, 60])
        files.append([files.cell("Fichiers reçus et leur vérification", title=True)])
        files.append([])
        top = files.append([files.cell(t, header=True) for t in FILE_TITLES])
        for result in consolidation.inputs:
            files.append([str(result.path), result.kind, result.sha256, result.status], border=True)
        files.print_setup(title_row=top, footer=TITLE)
    return out


# --- pdf --------------------------------------------------------------------------------------


def write_pdf(consolidation: Consolidation, out: Path, generated_at: datetime | None = None) -> Path:
    """Write the regional view on A4 landscape pages: the figures, the indicators, the inputs."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph

    from ambassadeur_app.reports.bilan import grid

    generated_at = generated_at or datetime.now()
    style = pdfkit.styles()
    available = 267 * mm
    read = shown(consolidation)
    numbers = number_rows(consolidation)

    rows = []
    for result, values in zip(read, numbers, strict=True):
        assert result.figures is not None
        rows.append([result.figures.cpts, result.figures.departement, *number_texts(values), result.status])
    totals = [TOTAL_LABEL, "", *number_texts(regional_sums(consolidation)), ""]
    titles = ["CPTS", "Département", *NUMBER_TITLES, "Vérification"]
    numeric = set(range(2, 2 + len(NUMBER_TITLES)))
    indicators = indicator_titles(consolidation)
    indicator_rows = [
        [result.figures.cpts, title, cell]
        for result in read
        if result.figures is not None
        for title, cell in zip(indicators, indicator_cells(result, indicators), strict=True)
        if cell
    ]
    story: list[Any] = [
        Paragraph(pdfkit.para_text(TITLE), style["title"]),
        Paragraph(pdfkit.para_text(NOTE), style["small"]),
        *pdfkit.titled(
            [Paragraph("Heures et montants par CPTS", style["h2"])],
            grid(rows, titles, available, numeric, totals),
            available,
        ),
        *pdfkit.titled(
            [Paragraph("Indicateurs et objectifs", style["h2"])],
            grid(indicator_rows, ["CPTS", "Indicateur", "Objectif ; résultat ; état"], available, set()),
            available,
        ),
        *pdfkit.titled(
            [Paragraph("Fichiers reçus et leur vérification", style["h2"])],
            grid(
                [[r.path.name, r.kind, r.sha256, r.status] for r in consolidation.inputs],
                FILE_TITLES,
                available,
                set(),
            ),
            available,
        ),
    ]
    frame = pdfkit.PageFrame(
        title=TITLE,
        header_left=TITLE,
        header_right=f"Édité le {format_date(generated_at.date())}",
        footer_left=f"Édité le {generated_at:%d/%m/%Y à %H:%M} par {APP_NAME}",
        landscape=True,
    )
    return pdfkit.build_pdf(out, story, frame)

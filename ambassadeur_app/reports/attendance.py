"""The feuille d'émargement (sign-in sheet) of an event, in PDF.

A4 landscape: the CPTS, the event, its half-days, place, speakers and funder above a table of
the invitees by name (nom, prénom, profession, structure, commune), one signature column per
half-day, blank rows for the people who come without an invitation, and a box where the
speakers sign.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ambassadeur_app import APP_NAME
from ambassadeur_app.domain.events import FUNDER, Event
from ambassadeur_app.domain.model import Programme
from ambassadeur_app.domain.register import Profession, Professional, Structure, person_key
from ambassadeur_app.reports import pdf as pdfkit

COLUMNS = ("Nom", "Prénom", "Profession", "Structure", "Commune")
ROW_PADDING = 6  # points above and below a row's text: rows 7.6 mm high for a signature, 22 a page
SIGNATURE_MM = (25, 45)  # a half-day's signature column, narrowest and widest, in millimetres
TEXT_MM = 150  # what the five texts keep at least (up to four half-days)
PAGE_WIDTH_MM = 267  # A4 landscape within the margins
WRITING_ROOM = "_" * 10  # measured as a word of every column when blank rows follow: room to write


@dataclass(frozen=True)
class SignInSheet:
    """What the sheet prints, built once from the carnet."""

    cpts: str
    event: Event
    rows: list[tuple[str, str, str, str, str]]
    blank_rows: int
    funder: str
    generated_at: datetime = field(default_factory=datetime.now)

    @property
    def title(self) -> str:
        return f"Feuille d'émargement — {self.event.title}"

    @property
    def session_titles(self) -> list[str]:
        return [f"Signature\n{session.label}" for session in self.event.sessions]


def build_sign_in_sheet(
    programme: Programme,
    event: Event,
    invitees: Iterable[Professional],
    structures: Mapping[str, Structure],
    professions: Mapping[str, Profession],
    blank_rows: int = 10,
) -> SignInSheet:
    """Return the sheet of ``event``: one row per invitee, sorted by name, then ``blank_rows``."""
    rows = []
    for person in sorted(invitees, key=person_key):
        profession = professions.get(person.profession_code)
        names = ", ".join(structures[s].name for s in person.structure_ids if s in structures)
        if person.anonymized:
            rows.append((person.full_name, "", profession.label if profession else "", "", ""))
            continue
        rows.append(
            (
                person.last_name.upper(),
                person.first_name,
                profession.label if profession else person.profession_code,
                names,
                person.commune,
            )
        )
    cpts = programme.cpts_label
    return SignInSheet(cpts, event, rows, max(blank_rows, 0), funder_text(programme))


def funder_text(programme: Programme) -> str:
    """Return the funder as every event document names it."""
    return f"{FUNDER}, programme Ambassadeurs {programme.programme_name}"


def write_pdf(sheet: SignInSheet, path: Path) -> Path:
    """Write the sign-in sheet as A4 landscape pages numbered « Page X sur Y »."""
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    style = pdfkit.styles()
    body = style["cell"]
    event = sheet.event
    story: list[Any] = [Paragraph(pdfkit.para_text(sheet.title, pdfkit.FONT_BOLD), style["title"])]
    dates = "\n".join(session.label for session in event.sessions)
    info = [
        ("CPTS", sheet.cpts),
        ("Événement", f"{event.kind.label} — {event.title}"),
        ("Date" if len(event.sessions) == 1 else "Dates", dates),
        ("Lieu", event.where),
        ("Intervenants", ", ".join(event.speakers) or "—"),
        ("Financeur", sheet.funder),
    ]
    story.append(pdfkit.info_table(info, 32 * mm, 235 * mm))
    story.append(Spacer(1, 3 * mm))
    count = len(event.sessions)
    signature = min(SIGNATURE_MM[1], max(SIGNATURE_MM[0], (PAGE_WIDTH_MM - TEXT_MM) / count)) * mm
    available = PAGE_WIDTH_MM * mm - signature * count
    room = [WRITING_ROOM] if sheet.blank_rows else []
    columns = [[row[index] for row in sheet.rows] + room for index in range(len(COLUMNS))]
    widths = pdfkit.column_widths(columns, COLUMNS, available, body, grow=3) + [signature] * count
    header = pdfkit.header_style(body)
    titles = [*COLUMNS, *sheet.session_titles]
    data: list[list[Any]] = [[pdfkit.fit(t, w, header) for t, w in zip(titles, widths, strict=True)]]
    data += [
        [*(pdfkit.fit(text, width, body) for text, width in zip(row, widths, strict=False)), *[""] * count]
        for row in sheet.rows
    ]
    data += [[""] * len(titles) for _ in range(sheet.blank_rows)]
    extra: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 1), (-1, -1), ROW_PADDING),
        ("BOTTOMPADDING", (0, 1), (-1, -1), ROW_PADDING),
        ("ALIGN", (len(COLUMNS), 0), (-1, 0), "CENTER"),
    ]
    if not sheet.rows and not sheet.blank_rows:
        data.append(["Aucune personne invitée."] + [""] * (len(titles) - 1))
        extra.append(("SPAN", (0, 1), (-1, 1)))
    story.append(pdfkit.long_table(data, widths, pdfkit.table_style(extra=extra, size=body.fontSize)))
    if sheet.blank_rows:
        story.append(Spacer(1, 2 * mm))
        story.append(
            Paragraph(
                "Les lignes vides sont pour les participants non inscrits : nom, prénom, profession, "
                "structure et commune en capitales, puis signature.",
                style["small"],
            )
        )
    story.append(Spacer(1, 5 * mm))
    story.append(KeepTogether(_speakers_box(event.speakers, style)))
    frame = pdfkit.PageFrame(
        title=sheet.title,
        header_left=sheet.cpts,
        header_right=f"Feuille d'émargement — {' ; '.join(session.label for session in event.sessions)}",
        footer_left=f"Édité le {sheet.generated_at:%d/%m/%Y à %H:%M} par {APP_NAME}",
        landscape=True,
    )
    return pdfkit.build_pdf(path, story, frame)


def _speakers_box(speakers: tuple[str, ...], style: dict[str, Any]) -> list[Any]:
    """Return the box where the speakers sign: one cell per speaker (two blank ones without)."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table

    names = list(speakers) or ["", ""]
    per_row = 3
    text = "{}<br/><br/>Signature :"
    cells: list[Any] = [
        Paragraph(text.format(pdfkit.para_text(name or "Nom :")), style["base"]) for name in names
    ]
    rows = [cells[start : start + per_row] for start in range(0, len(cells), per_row)]
    rows[-1] += [""] * (per_row - len(rows[-1]))
    grid = pdfkit.table_style(header_rows=0)
    table = Table(rows, colWidths=[89 * mm] * per_row, rowHeights=[28 * mm] * len(rows), style=grid)
    return [Paragraph("Signature des intervenants", style["h2"]), table]

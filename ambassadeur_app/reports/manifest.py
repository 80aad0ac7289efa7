"""The justification pack's layout and manifest.

The layout: where each document lies in the pack (its folder and its name), in one place, so
that the pack writes each file where the bilan d'exécution says it is. The manifest: each file,
its size, its SHA-256 and what it justifies, as a CSV (semicolons and a BOM: Excel and
LibreOffice open it in French as it is) and as a text summary a controller reads first.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.events import Event
from ambassadeur_app.domain.expenses import Attachment, Expense, format_size
from ambassadeur_app.domain.formatting import plural
from ambassadeur_app.reports.output import slug

# --- layout -------------------------------------------------------------------------------------

README_NAME = "LISEZMOI.txt"
TIMESHEETS = "01-releves-d-heures"
TABLES = "02-tableaux-de-justification"
EVENTS = "03-evenements"
INVOICES = "04-devis-et-factures"
REPORTS = "05-bilan-et-rapport"
SLUG_LENGTH = 48  # characters of a title in a file or folder name (paths stay short on Windows)
# The justification tables, by the export kind that writes them (``ambassadeur export KIND``).
# The register of professionals is not among them: the pack holds no list of the people.
TABLE_STEMS = {
    "structures": "registre-structures",
    "contacts": "registre-contacts",
    "sollicitations": "registre-sollicitations",
    "comptes": "registre-comptes",
    "ateliers": "evenements-ateliers",
    "formations": "evenements-formations",
    "catalogue": "evenements-catalogue",
    "depenses": "evenements-depenses",
    "questionnaire-outil": "evenements-questionnaire-outil",
    "indicateurs": "indicateurs",
    "planning": "retroplanning",
}
REPORT_STEMS = {"bilan": "bilan-execution", "rapport": "rapport-retour-experience"}


def short_slug(text: str) -> str:
    """Return ``slug(text)`` cut to ``SLUG_LENGTH`` characters at a word's end."""
    whole = slug(text)
    if len(whole) <= SLUG_LENGTH:
        return whole
    cut = whole[: SLUG_LENGTH + 1]
    return cut.rsplit("-", 1)[0] if "-" in cut else cut[:SLUG_LENGTH]


def timesheet_path(month: Month, fmt: str) -> str:
    """Return a month's timesheet in the pack."""
    from ambassadeur_app.reports.timesheet import timesheet_stem

    return f"{TIMESHEETS}/{timesheet_stem(month)}.{fmt}"


def table_path(kind: str, fmt: str) -> str:
    """Return a justification table in the pack (``kind``: a key of ``TABLE_STEMS``)."""
    return f"{TABLES}/{TABLE_STEMS[kind]}.{fmt}"


def report_path(kind: str, fmt: str) -> str:
    """Return the bilan (``bilan``) or the retour d'expérience (``rapport``) in the pack."""
    return f"{REPORTS}/{REPORT_STEMS[kind]}.{fmt}"


def event_folder(event: Event) -> str:
    return f"{EVENTS}/{event.first_day.isoformat()}-{short_slug(event.title)}"


def event_file_path(event: Event, fmt: str) -> str:
    """Return an event's file (invitations, participants, questionnaire, expenses) in the pack."""
    return f"{event_folder(event)}/dossier-evenement.{fmt}"


def blank_sheet_path(event: Event) -> str:
    return f"{event_folder(event)}/feuille-emargement-vierge.pdf"


def signed_sheet_paths(event: Event, sheets: Sequence[Attachment]) -> dict[str, str]:
    """Return, by attachment id, the pack's path of each signed sign-in sheet of an event."""
    return {
        sheet.id: f"{event_folder(event)}/feuille-emargement-signee-{number}{sheet.suffix}"
        for number, sheet in enumerate(sheets, 1)
    }


def invoice_paths(
    expenses: Iterable[Expense], attachments: Mapping[str, Sequence[Attachment]]
) -> dict[str, str]:
    """Return, by attachment id, the pack's path of each quote and invoice of these expenses
    (``attachments``: by expense id): date-supplier-number-role, a repeated name numbered."""
    found: dict[str, str] = {}
    taken: set[str] = set()
    for expense in expenses:
        for attachment in attachments.get(expense.id, ()):
            parts = [expense.issued_on.isoformat(), short_slug(expense.supplier), short_slug(expense.number)]
            stem = "-".join(p for p in [*parts, attachment.role.value] if p and p != "document")
            name, number = f"{stem}{attachment.suffix}", 1
            while name.lower() in taken:
                number += 1
                name = f"{stem}-{number}{attachment.suffix}"
            taken.add(name.lower())
            found[attachment.id] = f"{INVOICES}/{name}"
    return found


# --- manifest -----------------------------------------------------------------------------------

CSV_NAME = "manifeste.csv"
TEXT_NAME = "manifeste.txt"
# The bilan's figures for a program (the regional view): listed in the manifest like every file.
FIGURES_NAME = "chiffres.json"
COLUMNS = ("Fichier", "Taille (octets)", "SHA-256", "Justifie")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class ManifestEntry:
    """One file of the pack: its path inside the pack (with « / »), size, hash, and purpose."""

    path: str
    size: int
    sha256: str
    justifies: str


def file_hash(path: Path) -> tuple[int, str]:
    """Return the size and the SHA-256 (hexadecimal) of a file."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def entry_of(root: Path, path: Path, justifies: str) -> ManifestEntry:
    size, sha256 = file_hash(path)
    return ManifestEntry(path.relative_to(root).as_posix(), size, sha256, justifies)


def _cell(text: str) -> str:
    # A spreadsheet opening the CSV must never read a title typed by a user as a formula.
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write_csv(entries: Iterable[ManifestEntry], out: Path) -> Path:
    with open(out, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(COLUMNS)
        for entry in entries:
            writer.writerow([_cell(entry.path), entry.size, entry.sha256, _cell(entry.justifies)])
    return out


def read_csv(path: Path) -> list[ManifestEntry]:
    """Read a manifest written by ``write_csv``."""
    return parse_csv(path.read_bytes())


def parse_csv(data: bytes) -> list[ManifestEntry]:
    """Read the bytes of a manifest written by ``write_csv`` (a file of a zip, say)."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    return [
        ManifestEntry(name.removeprefix("'"), int(size), sha256, justifies.removeprefix("'"))
        for name, size, sha256, justifies in rows[1:]
    ]


def summary_text(entries: Sequence[ManifestEntry], header: Sequence[str]) -> str:
    """Return the text summary: the header lines, then per folder its files, each with its size,
    what it justifies and its SHA-256."""
    lines = [*header, "", f"{plural(len(entries), 'fichier')}, {format_size(sum(e.size for e in entries))}."]
    folder = None
    for entry in entries:
        parent = entry.path.rpartition("/")[0] or "."
        if parent != folder:
            folder = parent
            inside = [e for e in entries if (e.path.rpartition("/")[0] or ".") == parent]
            lines += ["", f"{parent}/ ({plural(len(inside), 'fichier')})"]
        lines.append(f"  {entry.path.rpartition('/')[2]} ({format_size(entry.size)}) : {entry.justifies}")
        lines.append(f"    SHA-256 {entry.sha256}")
    return "\n".join(lines) + "\n"

"""Read the rows of an ``.xlsx`` or ``.csv`` file, with French errors for unreadable files."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ambassadeur_app.domain.text import fold
from ambassadeur_app.errors import ImportFileError

MAX_ROWS = 200_000


@dataclass(frozen=True)
class Table:
    """A file's header and data rows; ``rows`` pairs each row with its line number in the file."""

    path: Path
    headers: list[str]
    rows: list[tuple[int, list[Any]]]


def read_table(path: Path) -> Table:
    """Read the first sheet of an ``.xlsx`` file or a ``.csv`` file (``;``, ``,`` or tab).

    The header is the first non-empty row; empty rows are skipped.

    Raises:
        ImportFileError: unknown extension, unreadable or empty file, in French.
    """
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ImportFileError(f"Le fichier « {path} » n'existe pas.")
    if suffix in (".xlsx", ".xlsm"):
        lines = _xlsx_lines(path)
    elif suffix in (".csv", ".txt"):
        lines = _csv_lines(path)
    elif suffix in (".xls", ".ods"):
        raise ImportFileError(
            f"Le fichier « {path.name} » est au format {suffix[1:].upper()}, "
            "que l'application ne lit pas : enregistrez-le au format .xlsx ou .csv."
        )
    else:
        raise ImportFileError(f"Le fichier « {path.name} » n'est ni un classeur .xlsx ni un fichier .csv.")
    headers: list[str] | None = None
    rows: list[tuple[int, list[Any]]] = []
    for number, values in lines:
        if all(_blank(v) for v in values):
            continue
        if headers is None:
            headers = ["" if v is None else str(v).strip() for v in values]
            continue
        rows.append((number, list(values)))
        if len(rows) > MAX_ROWS:
            raise ImportFileError(f"Le fichier « {path.name} » dépasse {MAX_ROWS} lignes : découpez-le.")
    if headers is None:
        raise ImportFileError(f"Le fichier « {path.name} » est vide.")
    return Table(path, headers, rows)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _xlsx_lines(path: Path) -> Iterator[tuple[int, list[Any]]]:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise ImportFileError(
            f"Le fichier « {path.name} » n'est pas un classeur Excel lisible "
            f"(fichier abîmé, tronqué ou d'un autre format) : {exc}."
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        lines = [
            (number, list(values))
            for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1)
        ]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError) as exc:
        raise ImportFileError(
            f"Le classeur « {path.name} » est abîmé et n'a pas pu être lu jusqu'au bout : {exc}."
        ) from exc
    finally:
        workbook.close()
    return iter(lines)


def decode_text(raw: bytes) -> str:
    """Decode text saved in UTF-8 or, failing that, in Windows-1252 (Latin-1 for the letters)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _csv_lines(path: Path) -> Iterator[tuple[int, list[Any]]]:
    text = decode_text(path.read_bytes()).lstrip("\ufeff")
    if "\x00" in text:
        raise ImportFileError(f"Le fichier « {path.name} » n'est pas un fichier texte CSV.")
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return iter([(reader.line_num, row) for row in reader])
    except csv.Error as exc:
        raise ImportFileError(
            f"Le fichier « {path.name} » est mal formé à la ligne {reader.line_num} : {exc}."
        ) from exc


def match_columns(
    headers: list[str], spec: dict[str, tuple[str, ...]], required: tuple[str, ...], path: Path
) -> dict[str, int]:
    """Find each wanted column by its header, ignoring case and accents.

    Args:
        spec: column key -> accepted header names (the first is the one shown to the user).

    Raises:
        ImportFileError: listing the missing required columns and the headers found.
    """
    folded = [fold(h) for h in headers]
    found: dict[str, int] = {}
    for key, names in spec.items():
        for name in names:
            if fold(name) in folded:
                found[key] = folded.index(fold(name))
                break
    missing = [spec[key][0] for key in required if key not in found]
    if missing:
        shown = ", ".join(h for h in headers if h) or "aucune"
        raise ImportFileError(
            f"Colonne{'s' if len(missing) > 1 else ''} manquante{'s' if len(missing) > 1 else ''} "
            f"dans « {path.name} » : {', '.join(missing)}. Colonnes trouvées : {shown}."
        )
    return found

"""Read the rows of an ``.xlsx`` or ``.csv`` file, with French errors for unreadable files.

Nothing in a file is trusted to be what it claims: a workbook's declared size is ignored and its
rows are counted while they stream, a CSV's quotes must close, each line of a text file is decoded
on its own (files mix UTF-8 and Windows-1252 lines), and a CSV row with more values than its
header is reported rather than shifted into the wrong columns.

A CSV cut short (a copy or a download interrupted) is told from a whole one as far as its bytes
allow, here only: a file whose last line has no line break and fewer values than the header (or
than the separators the header and the line before it have, right of the named columns too) is
refused, as is a UTF-8 file that stops inside a letter (``_cut_letter``); one that ends inside an
unquoted value (``Table.open_end``) has the problem found in that value say that the file seems
cut there (``note_cut``). A value cut short that still passes its own check (« Très bie », a 10
read as 1, an optional last value cut just after its separator: empty) cannot be told from a
whole one. One DOS end-of-file byte (0x1A) after the text is ignored.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Generator, Sequence
from contextlib import closing
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ambassadeur_app.domain.formatting import format_number, plural
from ambassadeur_app.domain.text import MAX_TEXT_LENGTH, fold, too_long, unprintable_problem
from ambassadeur_app.errors import ImportFileError

if TYPE_CHECKING:
    from ambassadeur_app.importers.carnet import LineProblem

MAX_ROWS = 200_000
# What a spreadsheet shows instead of a value when its formula fails.
EXCEL_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"}
)
# A workbook whose parts unpack to more than this is refused before openpyxl reads them (a
# compressed file of a few KB can unpack to gigabytes).
MAX_UNPACKED_BYTES = 400_000_000
MAX_COLUMNS = 200
Rows = Generator[tuple[int, Sequence[Any]], None, None]  # (line number, values)
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Why a CSV row can have more values than its header, by separator.
_EXTRA_VALUE_HINTS = {
    ",": 'une virgule décimale sans guillemets ? Écrivez "1,5" entre guillemets, ou 1.5',
    ";": "un point-virgule dans une valeur sans guillemets ? Mettez la valeur entre guillemets",
    "\t": "une tabulation dans une valeur ?",
}


@dataclass(frozen=True)
class Table:
    """A file's header and data rows; ``rows`` pairs each row with its line number in the file.

    ``problems`` maps a line number to why that row cannot be read column by column (a CSV row
    with more values than the header: its values would land in the wrong columns).

    ``open_end`` is the line and the column header of the value a CSV file ends inside: its last
    value, unquoted, with no line break after it. The file may have been cut there.
    """

    path: Path
    headers: list[str]
    rows: list[tuple[int, list[Any]]]
    problems: dict[int, str] = field(default_factory=dict)
    open_end: tuple[int, str] | None = None


def read_table(path: Path) -> Table:
    """Read the first sheet of an ``.xlsx`` file or a ``.csv`` file (``;``, ``,`` or tab).

    The header is the first non-empty row; empty rows are skipped. Rows are cut to the header's
    width: a value right of the last named column has no column to go to.

    Raises:
        ImportFileError: unknown extension, unreadable, empty or oversized file, or a CSV cut
            short in its last line, in French.
    """
    suffix = path.suffix.lower()
    check_regular_file(path)
    separator, tail = "", ""
    uncomputed: dict[int, set[int]] = {}  # formula cells without a value: {row: columns}
    if suffix in (".xlsx", ".xlsm"):
        lines = _xlsx_lines(path, uncomputed)
    elif suffix in (".csv", ".txt"):
        separator, lines, tail = _csv_lines(path)
    elif suffix in (".xls", ".ods"):
        raise ImportFileError(
            f"Le fichier « {path.name} » est au format {suffix[1:].upper()}, "
            "que l'application ne lit pas : enregistrez-le au format .xlsx ou .csv."
        )
    else:
        raise ImportFileError(f"Le fichier « {path.name} » n'est ni un classeur .xlsx ni un fichier .csv.")
    headers: list[str] | None = None
    rows: list[tuple[int, list[Any]]] = []
    problems: dict[int, str] = {}
    number = header_width = previous = width = 0  # the header's values, the line before the last's
    with closing(lines):
        for number, values in lines:
            previous, width = width, len(values)
            if _blank_row(values):
                continue
            if headers is None:
                headers = ["" if v is None else str(v).strip() for v in values[: _width(values)]]
                header_width = width
                if len(headers) > MAX_COLUMNS:
                    raise ImportFileError(
                        f"Le fichier « {path.name} » a plus de {MAX_COLUMNS} colonnes : "
                        "gardez seulement les colonnes utiles."
                    )
                continue
            # In a workbook a value cannot slip into the next column: cells right of the
            # header are notes. In a CSV they are a separator too many, and every value after
            # it is one column off.
            if separator and len(values) > len(headers) and not _blank_row(values[len(headers) :]):
                count = _width(values)
                problems[number] = (
                    f"{count} valeurs pour {len(headers)} colonnes ({_EXTRA_VALUE_HINTS[separator]})"
                )
            elif separator and len(values) < len(headers):
                # A spreadsheet writes every separator of every row: a missing one means the
                # values after it sit one column to the left.
                problems[number] = (
                    f"{plural(len(values), 'valeur')} pour {len(headers)} colonnes (un séparateur manque : "
                    "les valeurs suivantes seraient décalées d'une colonne)"
                )
            if columns := sorted(c for c in uncomputed.get(number, ()) if c <= len(headers)):
                # openpyxl reads a formula no spreadsheet computed as an empty cell: it would
                # pass for « no answer ».
                named = ", ".join(f"« {headers[c - 1] or f'colonne {c}'} »" for c in columns)
                problems[number] = (
                    f"formule sans valeur calculée ({named}) : ouvrez et enregistrez le fichier dans "
                    "votre tableur"
                )
            rows.append((number, list(values[: len(headers)])))
            if len(rows) > MAX_ROWS:
                raise _too_many_rows(path)
    if headers is None:
        raise ImportFileError(f"Le fichier « {path.name} » est vide.")
    open_end = None
    if tail.strip():  # the file ends inside its last line; ``values`` are that line's
        # A spreadsheet writes every separator of every line (even an empty one's, even right
        # of the named columns): the file stops inside it. A file written by hand may end its
        # header with a separator its lines lack: the line before the last one tells.
        expected = max(len(headers), min(header_width, previous))
        if len(values) < expected:
            raise _cut_file(path, number, f"après {plural(len(values), 'valeur')} sur {expected}")
        # A closing quote ends a whole value; one right of the last column is no column's.
        if not tail.endswith('"') and len(values) == len(headers) and rows and rows[-1][0] == number:
            open_end = (number, headers[-1])
    return Table(path, headers, rows, problems, open_end)


def _cut_file(path: Path, number: int, where: str) -> ImportFileError:
    return ImportFileError(
        f"Le fichier « {path.name} » semble coupé : sa dernière ligne ({number}) s'arrête {where}, "
        "sans fin de ligne (copie ou téléchargement interrompu ?). Rien n'a été importé : reprenez "
        "le fichier d'origine, ou enregistrez-le de nouveau depuis votre tableur."
    )


CUT_NOTE = (
    "le fichier semble coupé à cet endroit : c'est sa dernière valeur, sans fin de ligne après "
    "elle (copie ou téléchargement interrompu ?) ; vérifiez le fichier d'origine"
)


def note_cut(table: Table, problems: list[LineProblem]) -> None:
    """Say, in the problem found in the value a CSV file ends inside (``Table.open_end``), that
    the file seems cut there: only the value's failing its own check tells it."""
    for index, problem in enumerate(problems):
        if (problem.line, problem.column) == table.open_end:
            problems[index] = replace(problem, reason=f"{problem.reason.rstrip('.')} ; {CUT_NOTE}")


def check_regular_file(path: Path) -> None:
    """Refuse what is not a regular file (a folder, a device like /dev/zero, a pipe).

    Raises:
        ImportFileError: saying what ``path`` is, in French.
    """
    if path.is_dir():
        raise ImportFileError(
            f"« {path} » est un dossier, pas un fichier : choisissez le fichier à importer."
        )
    if not path.exists():
        raise ImportFileError(f"Le fichier « {path} » n'existe pas.")
    if not path.is_file():
        raise ImportFileError(
            f"« {path} » n'est pas un fichier ordinaire (périphérique, tube ou prise) : "
            "choisissez un fichier .xlsx ou .csv."
        )


def cell_text(value: Any) -> str:
    """Return a cell's value as single-spaced text (``2.0`` -> ``2``, ``None`` -> ``""``)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def unreadable(table: Table, number: int, cells: dict[str, Any]) -> list[tuple[str, str]]:
    """Return why a row's values cannot be taken as they are: (column key, French reason).

    The key is ``""`` when the whole row is concerned (more values than columns). A cell with a
    control character is reported rather than cleaned: the character may stand for a lost one.
    """
    found = [("", table.problems[number])] if number in table.problems else []
    for key, value in cells.items():
        if not isinstance(value, str):
            continue
        if value in EXCEL_ERRORS:
            found.append((key, f"erreur de formule du tableur ({value}) à la place d'une valeur"))
        elif len(value) > MAX_TEXT_LENGTH:
            found.append((key, too_long(len(value))))
        elif reason := unprintable_problem(value):
            found.append((key, reason))
    return found


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _blank_row(values: Sequence[Any]) -> bool:
    # count() first: a sheet can hold a million empty rows, each a run of None.
    return values.count(None) == len(values) or all(_blank(v) for v in values)


def _width(values: Sequence[Any]) -> int:
    """Return how many values a row has, up to its last non-blank one."""
    width = len(values)
    while width and _blank(values[width - 1]):
        width -= 1
    return width


def _xlsx_lines(path: Path, uncomputed: dict[int, set[int]]) -> Rows:
    """Stream the rows of the first sheet, at most ``MAX_COLUMNS + 1`` values each; fill
    ``uncomputed`` with the formula cells that hold no computed value before the first row."""
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    # SyntaxError below: XML that is not well-formed (ElementTree's ParseError). The library's
    # own message (in English, « There is no item named… ») is left out of the French one.
    try:
        count, found = _scan_sheet(path)
        uncomputed.update(found)
        too_many = count > MAX_ROWS + 1  # the header and the data rows
        if not too_many:
            workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, SyntaxError) as exc:
        raise ImportFileError(
            f"Le fichier « {path.name} » n'est pas un classeur Excel lisible "
            "(fichier abîmé, tronqué ou d'un autre format) : ouvrez-le dans votre tableur et "
            "enregistrez-le de nouveau au format .xlsx, ou exportez-le en .csv."
        ) from exc
    if too_many:
        raise _too_many_rows(path)
    try:
        sheet = workbook.worksheets[0]
        # The size a sheet declares (up to A1:XFD1048576) is only a claim, and openpyxl pads
        # every row to it: forget it, read the cells that are there, never more columns than
        # the widest header we accept (one more, to tell that a header is too wide).
        sheet.reset_dimensions()
        yield from enumerate(sheet.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True), start=1)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError, SyntaxError) as exc:
        raise ImportFileError(
            f"Le classeur « {path.name} » est abîmé et n'a pas pu être lu jusqu'au bout (fichier "
            "tronqué ?) : ouvrez-le dans votre tableur et enregistrez-le de nouveau."
        ) from exc
    finally:
        workbook.close()


def _scan_sheet(path: Path) -> tuple[int, dict[int, set[int]]]:
    """Count the rows the first sheet's XML holds, without building them (1 s per 300 MB), and
    find its formula cells without a computed value: {row number: column numbers}.

    openpyxl scans a whole sheet that does not declare its size (openpyxl's own files) when it
    opens it, then reads its rows at some 20 000 a second: a million-row workbook would take
    a minute to be refused. Counting the row tags first refuses it at once.

    A spreadsheet saves the value of each formula next to it; a file written by a program may
    hold the formula alone, which openpyxl reads as an empty cell. The cells are looked at one by
    one only when the sheet has formulas (a form tool's export has none).
    """
    from openpyxl.reader.excel import ExcelReader

    reader = ExcelReader(path, read_only=True)
    try:
        if sum(info.file_size for info in reader.archive.infolist()) > MAX_UNPACKED_BYTES:
            raise ImportFileError(
                f"Le classeur « {path.name} » occupe plus de {MAX_UNPACKED_BYTES // 1_000_000} Mo une fois "
                "décompressé : ce n'est pas un carnet ni une liste de contacts ordinaire. Il n'a pas été lu."
            )
        reader.read_manifest()
        reader.read_workbook()
        first = next(iter(reader.parser.find_sheets()), None)
        if first is None or first[1].target not in reader.archive.namelist():
            return 0, {}  # load_workbook says what is wrong
        count, formulas, tail = 0, 0, b""
        with reader.archive.open(first[1].target) as source:
            while chunk := source.read(1 << 20):
                data = tail + chunk
                # A tag split between two chunks is found in ``data``; one wholly in ``tail``
                # was counted with the previous chunk.
                count += _tags(_ROW_TAG, data) - _tags(_ROW_TAG, tail)
                formulas += _tags(_FORMULA_TAG, data) - _tags(_FORMULA_TAG, tail)
                tail = data[-40:]
        if not formulas or count > MAX_ROWS + 1:
            return count, {}
        with reader.archive.open(first[1].target) as source:
            return count, _uncomputed_cells(source)
    finally:
        reader.archive.close()


def _uncomputed_cells(source: IO[bytes]) -> dict[int, set[int]]:
    """Return the formula cells of a sheet's XML that hold no value: {row: columns}."""
    from xml.etree.ElementTree import iterparse

    from openpyxl.utils.cell import coordinate_to_tuple

    found: dict[int, set[int]] = {}
    row = column = 0
    for event, element in iterparse(source, events=("start", "end")):
        tag = element.tag.rsplit("}", 1)[-1]
        if event == "start" and tag == "row":
            row, column = int(element.get("r") or row + 1), 0
        elif event == "start" and tag == "c":
            reference = element.get("r")
            column = coordinate_to_tuple(reference)[1] if reference else column + 1
        elif event == "end" and tag == "c":
            children = {child.tag.rsplit("}", 1)[-1]: child.text for child in element}
            # An empty value is no value (openpyxl writes <v></v>), but for a formula typed
            # « str »: a spreadsheet's formula whose result is an empty text.
            if (
                "f" in children
                and not children.get("v")
                and element.get("t") != "str"
                and column <= MAX_COLUMNS + 1
            ):
                found.setdefault(row, set()).add(column)
            element.clear()
    return found


def _too_many_rows(path: Path) -> ImportFileError:
    return ImportFileError(
        f"Le fichier « {path.name} » dépasse {format_number(MAX_ROWS, 0)} lignes : découpez-le."
    )


_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s/>]")
_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")


def _tags(tag: re.Pattern[bytes], data: bytes) -> int:
    """Count the opening tags of a kind in a piece of sheet XML (``<row …>``, ``<row/>``, ``<x:row>``)."""
    return len(tag.findall(data))


# Windows-1252 gives letters and signs to the bytes 0x80-0x9F but five of them; those stay the
# Latin-1 control characters they are, so that the cell holding one is reported (see
# domain.text.unprintable_problem) instead of silently becoming "?".
_WINDOWS_1252 = str.maketrans(
    {chr(byte): bytes([byte]).decode("cp1252", "ignore") or chr(byte) for byte in range(0x80, 0xA0)}
)


def decode_text(raw: bytes) -> str:
    """Decode text saved in UTF-8 or in Windows-1252, line by line.

    A file can mix both (lines pasted from two programs): deciding once for the whole file
    would turn the UTF-8 lines' accents into "Ã©". A line that is UTF-8 but for a broken
    character (a file cut in the middle of a letter) stays UTF-8, the broken character shown
    as U+FFFD.
    """
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return "".join(_decode_line(line) for line in raw.splitlines(keepends=True))


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        as_utf8 = line.decode("utf-8", "replace")
    if any("\x7f" < char != "\ufffd" for char in as_utf8):
        return as_utf8
    return line.decode("latin-1").translate(_WINDOWS_1252)


def _cut_letter(raw: bytes, error: UnicodeDecodeError) -> bool:
    """Tell whether ``raw``, not UTF-8 because of ``error``, is UTF-8 cut inside its last letter.

    Its bytes are then UTF-8 up to the start of a letter whose end is missing (a copy stopped
    there). When they are ASCII up to there, the same bytes may be a Windows-1252 file ending
    with an accented letter (« Café », « ANDRÉ »): read so when the letter fits — lower case
    after a letter, upper case after an upper-case one (« Zo » then « Ã » does not), or « à ».
    """
    if error.reason != "unexpected end of data" or error.end != len(raw):
        return False
    if not raw[: error.start].isascii() or len(raw) - error.start > 1:
        return True  # UTF-8 letters before, or a letter then a sign (« Ã© ») to end a file
    ending = f" {raw[-2:].decode('cp1252')}"
    before, last = ending[-2], ending[-1]
    lower_fits = last.islower() and (before.isalpha() or last == "à")
    return not (lower_fits or (last.isupper() and before.isupper()))


def refuse_utf16(first_line: bytes, path: Path) -> None:
    """Refuse a national extract saved as UTF-16 (it is read line by line, as bytes).

    Raises:
        ImportFileError: the line starts with a UTF-16 byte order mark.
    """
    if first_line.startswith(UTF16_BOMS):
        raise ImportFileError(
            f"Le fichier « {path.name} » est enregistré en UTF-16, ce que l'extrait national n'est "
            "jamais : téléchargez-le de nouveau sans l'ouvrir ni l'enregistrer dans un tableur."
        )


def _csv_lines(path: Path) -> tuple[str, Rows, str]:
    """Return the separator and the rows of a CSV file, each with the line it starts on, and
    its last line's text if no line break ends it (else ``""``).

    A missing final line break alone is no sign of a cut: Google Sheets writes its CSV with CRLF
    line breaks and none after the last line. A file cut inside a quoted value is refused while
    its rows are read (the quote is left open); one cut inside a letter, at once.
    """
    raw = path.read_bytes()
    if raw.startswith(UTF16_BOMS):  # Excel's "Texte Unicode"
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                f"Le fichier « {path.name} » se dit en UTF-16 mais ne l'est pas jusqu'au bout "
                "(fichier tronqué ou abîmé)."
            ) from exc
    else:
        raw = raw.removesuffix(b"\x1a")  # a DOS end of file
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            if _cut_letter(raw, exc):
                raise _cut_file(path, raw.count(b"\n") + 1, "au milieu d'une lettre") from exc
            text = decode_text(raw)
    text = text.lstrip("\ufeff")
    if "\x00" in text:
        raise ImportFileError(
            f"Le fichier « {path.name} » n'est pas un fichier texte CSV (octets nuls : fichier "
            "binaire, ou texte UTF-16 sans marque d'ordre des octets) : enregistrez-le en CSV UTF-8."
        )
    first_line = text.split("\n", 1)[0]
    separator = max((";", ",", "\t"), key=first_line.count)
    tail = "" if text.endswith(("\n", "\r")) else text[text.rfind("\n") + 1 :]
    return separator, _csv_rows(text, separator, path), tail


def _csv_rows(text: str, separator: str, path: Path) -> Rows:
    # strict: a quote left open must not swallow the lines after it into one value (nor a
    # file cut inside a quoted value pass for a shorter one).
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    start = 1
    try:
        for row in reader:
            yield start, row
            start = reader.line_num + 1
    except csv.Error as exc:
        end, swallowed = reader.line_num, ""
        if end == start + 1:
            swallowed = f", et la ligne {end} y est avalée"
        elif end > start:
            swallowed = f", et les lignes {start + 1} à {end} y sont avalées"
        raise ImportFileError(
            f"Le fichier « {path.name} » est mal formé : le guillemet ouvert à la ligne {start} "
            f"n'est pas refermé correctement{swallowed}. Une valeur entre guillemets se termine par "
            "un guillemet suivi du séparateur ou de la fin de la ligne ; un guillemet à l'intérieur "
            "s'écrit deux fois (\"\"). Rien n'a été importé."
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

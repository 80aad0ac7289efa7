"""Hostile and damaged import files: an import never shifts a column nor swallows a line.

Each test builds its hostile files in ``tmp_path``; a refusal is an ``ImportFileError`` naming
the file, and nothing reaches the carnet.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TypeVar

import openpyxl
import pytest

from ambassadeur_app import paths
from ambassadeur_app.domain.model import EntryFilter, Mission, TimeEntry
from ambassadeur_app.errors import ImportFileError, InvalidInput
from ambassadeur_app.importers import tabular
from ambassadeur_app.importers.carnet import parse_carnet_file
from ambassadeur_app.importers.contacts import guess_mapping, parse_contacts
from ambassadeur_app.importers.finess import scan_finess
from ambassadeur_app.importers.rpps import Territory, scan_rpps
from ambassadeur_app.importers.tabular import read_table
from ambassadeur_app.nomenclatures import professions
from ambassadeur_app.services import CarnetService
from tests.conftest import ambassador_id

EXAMPLES = paths.resource_dir() / "exemples"
RPPS = EXAMPLES / "PS_LibreAcces_Personne_activite_exemple.txt"
FINESS = EXAMPLES / "etalab-cs1100507-stock-exemple.csv"
T = TypeVar("T")
HEADER = "Date;Ambassadeur;Mission;Activité;Durée;Description"


def write(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes("\n".join([*lines, ""]).encode(encoding))
    return path


def entries(service: CarnetService) -> list[TimeEntry]:
    return list(service.entries(service.entry_ids(EntryFilter())).values())


def refused(service: CarnetService, path: Path, message: str) -> None:
    """Assert that previewing ``path`` is refused with ``message`` and the carnet is untouched."""
    before = entries(service)
    with pytest.raises(ImportFileError, match=message) as caught:
        service.preview_import(path)
    assert f"« {path.name} »" in str(caught.value)
    assert entries(service) == before


# --- 1. more values than columns -----------------------------------------------------------


def test_a_value_too_many_is_an_invalid_line_never_a_shifted_one(
    service: CarnetService, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "virgules.csv",
        [
            "Date,Ambassadeur,Mission,Activité,Durée,Description",
            "02/09/2024,Marie Durand,Promotion,Appel,1,5,Appel à la MSP",  # 2: 1,5 unquoted
            '03/09/2024,Marie Durand,Promotion,Appel,"1,5",Appel à la MSP',  # 3: quoted: fine
            "04/09/2024,Marie Durand,Promotion,Appel,2,",  # 4: a trailing separator is harmless
            "05/09/2024,Marie Durand,Promotion",  # 5: fewer values: the missing ones are reported
        ],
    )
    preview = service.preview_import(path)
    problems = {(p.line, p.column): p.reason for p in preview.problems}
    assert problems[(2, "")] == (
        '7 valeurs pour 6 colonnes (une virgule décimale sans guillemets ? Écrivez "1,5" '
        "entre guillemets, ou 1.5)"
    )
    assert str(preview.problems[0]).startswith("ligne 2 : 7 valeurs pour 6 colonnes")
    assert [(line.line, line.minutes, line.description) for line in preview.valid] == [
        (3, 90, "Appel à la MSP"),
        (4, 120, ""),
    ]
    assert problems[(5, "")].startswith("3 valeurs pour 6 colonnes (un séparateur manque")
    assert problems[(5, "Activité")] == "Activité manquante"
    assert problems[(5, "Durée")] == "Durée manquante"
    with pytest.raises(InvalidInput, match="2 lignes invalides"):
        service.apply_import(preview)
    assert entries(service) == []

    contacts = write(
        tmp_path / "contacts.csv",
        ["Nom;Prénom;Profession", "Durand;Paul;Infirmier;en trop", "Moreau;Léa;Sage-femme", "Petit"],
    )
    table = read_table(contacts)
    lines = parse_contacts(table, guess_mapping(table.headers), professions())
    assert [str(p) for p in lines[0].problems] == [
        "ligne 2 : 4 valeurs pour 3 colonnes (un point-virgule dans une valeur sans guillemets ? "
        "Mettez la valeur entre guillemets)"
    ]
    assert lines[0].professional is None
    assert lines[1].professional is not None
    assert [p.reason for p in lines[2].problems] == [
        "1 valeur pour 3 colonnes (un séparateur manque : les valeurs suivantes seraient décalées "
        "d'une colonne)",
        "Profession manquante",
    ]


# --- 2. a quote left open ------------------------------------------------------------------


SWALLOWED = (
    "le guillemet ouvert à la ligne 3 n'est pas refermé correctement, et les lignes 4 à 5 y sont avalées"
)
ONE_LINE = r"le guillemet ouvert à la ligne 3 n'est pas refermé correctement\. "


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # never closed: everything after it would become one description
        ('...;"Appel à la MSP\n...;avalée\n...;avalée aussi\n', SWALLOWED),
        # the same, swallowing the last line only
        (
            '...;"Appel à la MSP\n...;avalée\n',
            "ligne 3 n'est pas refermé correctement, et la ligne 4 y est avalée",
        ),
        # closed by the next quoted value, two lines further
        ('...;"Appel à la MSP\n...;avalée\n...;"Visite"\n', SWALLOWED),
        # on one line: a quoted word followed by more text
        ('...;"MSP" de Toul\n', ONE_LINE),
        # the file stops inside a quoted value
        ('...;"Appel à la M', ONE_LINE),
    ],
)
def test_an_open_quote_never_swallows_the_lines_after_it(
    service: CarnetService, tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "guillemet.csv"
    lines = f"{HEADER}\n...;ok\n{text}".replace("...", "02/09/2024;Marie Durand;Promotion;Appel;1h")
    path.write_text(lines, encoding="utf-8")
    refused(service, path, message)


def test_a_quoted_value_on_several_lines_is_still_read(service: CarnetService, tmp_path: Path) -> None:
    path = write(
        tmp_path / "multiligne.csv",
        [
            HEADER,
            '02/09/2024;Marie Durand;Promotion;Appel;1h;"Appel à la MSP,\nsuite ""urgente"""',
            "03/09/2024;Marie Durand;Promotion;Appel;1h;ok",
        ],
    )
    preview = service.preview_import(path)
    assert [(line.line, line.description) for line in preview.valid] == [
        (2, 'Appel à la MSP, suite "urgente"'),
        (4, "ok"),
    ]


# --- 3. encodings --------------------------------------------------------------------------


def test_each_line_is_decoded_on_its_own_and_utf16_is_read(service: CarnetService, tmp_path: Path) -> None:
    mixed = tmp_path / "melange.csv"
    mixed.write_bytes(
        "\n".join([HEADER, "02/09/2024;Marie Durand;Promotion;Appel;1h;Réunion à Lunéville"]).encode()
        + "\n03/09/2024;Marie Durand;Promotion;Appel;1h;Réunion à Lunéville\n".encode("cp1252")
        + "04/09/2024;Marie Durand;Promotion;Appel;1h;Présentation « Parcéo »\n".encode()
    )
    preview = service.preview_import(mixed)
    assert [line.description for line in preview.valid] == [
        "Réunion à Lunéville",
        "Réunion à Lunéville",
        "Présentation « Parcéo »",
    ]
    # A byte Windows-1252 leaves unassigned is reported, not turned into "?".
    odd = tmp_path / "octet.csv"
    odd.write_bytes(HEADER.encode() + b"\n02/09/2024;Marie Durand;Promotion;Appel;1h;R\xe9union\x81\n")
    (problem,) = service.preview_import(odd).problems
    assert (problem.column, problem.value) == ("Description", "Réunion")
    assert "U+0081" in problem.reason
    # Excel's "Texte Unicode": UTF-16 with its byte order mark, tab-separated.
    text = HEADER.replace(";", "\t") + "\r\n02/09/2024\tMarie Durand\tPromotion\tAppel\t1h\tRéunion ☕\r\n"
    for name, raw in (
        ("le.txt", codecs.BOM_UTF16_LE + text.encode("utf-16-le")),
        ("be.txt", codecs.BOM_UTF16_BE + text.encode("utf-16-be")),
    ):
        path = tmp_path / name
        path.write_bytes(raw)
        assert [line.description for line in service.preview_import(path).valid] == ["Réunion ☕"], name
    cut = tmp_path / "coupe.txt"
    cut.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le")[:-1])
    refused(service, cut, "UTF-16")
    no_bom = tmp_path / "sans-bom.txt"
    no_bom.write_bytes(text.encode("utf-16-le"))
    refused(service, no_bom, "UTF-16")
    # The national extracts are read as bytes, line by line: UTF-16 is refused, by name.
    imports = service.register_imports
    rpps, finess = tmp_path / "rpps.txt", tmp_path / "finess.csv"
    for source, path in ((RPPS, rpps), (FINESS, finess)):
        path.write_bytes(codecs.BOM_UTF16_LE + source.read_bytes().decode("latin-1").encode("utf-16-le"))
    with pytest.raises(ImportFileError, match=r"« rpps\.txt » est enregistré en UTF-16"):
        imports.preview_rpps(rpps, Territory(departement="54"))
    with pytest.raises(ImportFileError, match=r"« finess\.csv » est enregistré en UTF-16"):
        imports.preview_finess(finess, "54")


# --- 4. oversized workbooks ----------------------------------------------------------------


def rewrite_sheet(source: Path, target: Path, change: dict[str, str]) -> Path:
    """Copy a workbook, replacing text in its first sheet's XML (regular expression -> text)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                for pattern, replacement in change.items():
                    text, count = re.subn(pattern, replacement, text, count=1)
                    assert count == 1, pattern
                data = text.encode()
            dst.writestr(item, data)
    return target


def test_a_workbook_s_declared_size_is_not_trusted(service: CarnetService, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(HEADER.split(";"))
    for day in (2, 3, 4):
        sheet.append([date(2024, 9, day), "Marie Durand", "Promotion", "Appel", 1, f"le {day}"])
    sheet["ZZ3"] = "une note très à droite"  # column 702: read no further than the header
    workbook.save(tmp_path / "petit.xlsx")
    hostile = rewrite_sheet(
        tmp_path / "petit.xlsx",
        tmp_path / "geant.xlsx",
        {
            r'<dimension ref="[^"]*"\s*/>': '<dimension ref="A1:XFD1048576"/>',
            "</sheetData>": '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
            "</sheetData>",
        },
    )
    assert hostile.stat().st_size < 10_000
    # Before: every row padded to 16 384 columns, a million of them: memory ran out.
    table = read_table(hostile)
    assert len(table.headers) == 6
    assert [(number, len(values)) for number, values in table.rows] == [(2, 6), (3, 6), (4, 6)]
    preview = service.preview_import(hostile)
    assert [line.description for line in preview.valid] == ["le 2", "le 3", "le 4"]
    wide = tmp_path / "large.csv"
    wide.write_text(";".join(f"C{i}" for i in range(tabular.MAX_COLUMNS + 1)) + "\n1\n", encoding="utf-8")
    refused(service, wide, f"a plus de {tabular.MAX_COLUMNS} colonnes")


def test_rows_are_counted_while_they_stream(
    service: CarnetService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(HEADER.split(";"))
    for index in range(3000):
        sheet.append(["02/09/2024", "Marie Durand", "Promotion", "Appel", 1, f"n{index}"])
    workbook.save(tmp_path / "long.xlsx")
    # Damage the sheet after its 2000th row: only a reader that reads it all gets there. (The
    # <dimension> Excel writes spares openpyxl a scan of the whole sheet when it opens it.)
    path = rewrite_sheet(
        tmp_path / "long.xlsx",
        tmp_path / "long-abime.xlsx",
        {"<sheetData>": '<dimension ref="A1:F3001"/><sheetData>', '<row r="2001"': "<row <<<"},
    )
    refused(service, path, "est abîmé et n'a pas pu être lu jusqu'au bout")
    monkeypatch.setattr(tabular, "MAX_ROWS", 1000)
    refused(service, path, "dépasse 1\u00a0000 lignes : découpez-le")


def test_an_oversized_workbook_is_refused_from_its_row_count_before_it_is_opened(
    service: CarnetService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()  # openpyxl declares no size: opening it scans every row
    sheet.append(HEADER.split(";"))
    for index in range(1500):
        sheet.append(["02/09/2024", "Marie Durand", "Promotion", "Appel", 1, f"<row {index}>"])
    workbook.save(tmp_path / "grand.xlsx")
    monkeypatch.setattr(tabular, "MAX_ROWS", 1500)
    assert len(read_table(tmp_path / "grand.xlsx").rows) == 1500  # counted, not fooled by the text
    monkeypatch.setattr(tabular, "MAX_ROWS", 1000)

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the workbook was opened")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    refused(service, tmp_path / "grand.xlsx", "dépasse 1\u00a0000 lignes : découpez-le")


# --- 5. truncated files: cut at every byte ---------------------------------------------------


def read_cut(read: Callable[[Path], T], path: Path, raw: bytes) -> T | str:
    """Write ``raw`` to ``path`` and read it; return the refusal's message instead of raising it."""
    path.write_bytes(raw)
    try:
        return read(path)
    except ImportFileError as exc:
        message = str(exc)
    assert f"« {path.name} »" in message
    return message


def content_ends(raw: bytes) -> list[int]:
    """Return, for each line of ``raw``, the offset where its content (before the line break) ends."""
    ends, offset = [], 0
    for line in raw.splitlines(keepends=True):
        ends.append(offset + len(line.rstrip(b"\r\n")))
        offset += len(line)
    return ends


def test_a_finess_extract_cut_anywhere_is_refused_or_read_whole(tmp_path: Path) -> None:
    full = FINESS.read_bytes()
    ends = content_ends(full)
    # Which line each kept establishment sits on, to tell which are whole at a cut.
    line_of = {
        line.split(b";")[1].decode(): number
        for number, line in enumerate(full.splitlines())
        if line.startswith(b"structureet;")
    }
    everything = scan_finess(FINESS, "54")
    assert everything is not None
    assert len(everything) == 5
    path = tmp_path / "finess-coupe.csv"
    refusals = accepted_inside_a_line = 0
    for cut in range(len(full) + 1):
        found = read_cut(lambda path: scan_finess(path, "54"), path, full[:cut])
        if isinstance(found, str):
            refusals += 1
            continue
        assert found == [s for s in everything if ends[line_of[s.finess]] <= cut], cut
        accepted_inside_a_line += cut not in (0, len(full)) and full[cut - 1 : cut] != b"\n"
    # Accepted: the cuts after a whole line with at least one establishment, and those between a
    # last line's final field and its line break (nothing this reader uses is missing).
    # 7 structureet lines × 2 (cut before CR, between CR and LF), the final geolocalisation line
    # × 12 (the same 2, and 10 inside its last field, a date this reader ignores).
    assert accepted_inside_a_line == 7 * 2 + 12
    # And the 8 cuts just after a whole line holding at least one establishment.
    assert refusals == len(full) + 1 - 8 - accepted_inside_a_line


def test_an_rpps_extract_cut_anywhere_is_refused_or_read_whole(tmp_path: Path) -> None:
    full = RPPS.read_bytes()
    ends = content_ends(full)
    lines = full.splitlines(keepends=True)
    territory = Territory(departement="54")
    whole: dict[int, object] = {}  # complete data lines -> what reading them gives
    for count in range(1, len(lines)):
        prefix = tmp_path / f"prefix-{count}.txt"
        prefix.write_bytes(b"".join(lines[: count + 1]))
        whole[count] = scan_rpps(prefix, territory)
    path = tmp_path / "rpps-coupe.txt"
    refusals = 0
    for cut in range(len(full) + 1):
        found = read_cut(lambda path: scan_rpps(path, territory), path, full[:cut])
        if isinstance(found, str):
            refusals += 1
            continue
        assert found == whole[sum(end <= cut for end in ends[1:])], cut
    # Accepted: the cuts just before and just after each data line's line break.
    assert refusals == len(full) + 1 - 2 * (len(lines) - 1)


def test_a_csv_cut_anywhere_is_refused_or_read_up_to_the_cut(tmp_path: Path) -> None:
    # Every value quoted, as spreadsheets export them: a cut inside a value is inside quotes.
    rows = [
        ["Description", "Date", "Ambassadeur", "Mission", "Activité", "Durée"],
        ['Réunion "CPTS"; suite', "02/09/2024", "Marie Durand", "Promotion", "Appel", "1h30"],
        ["Appel à l'EHPAD\nLes Tilleuls", "03/09/2024", "Paul Martin", "Formation", "Session", "2h"],
        ["", "04/09/2024", "Marie Durand", "Accompagnement", "Appel", "0h45"],
    ]
    full = quoted_csv(rows)
    ends = content_ends(full)
    record_ends = [ends[1], ends[3], ends[4]]  # the second record spans lines 3 and 4
    path = tmp_path / "carnet-coupe.csv"
    expected = read_cut(parse_carnet_file, path, full)
    assert not isinstance(expected, str)
    assert [line.description for line in expected] == [
        'Réunion "CPTS"; suite',
        "Appel à l'EHPAD Les Tilleuls",
        "",
    ]
    refusals = 0
    for cut in range(len(full) + 1):
        lines = read_cut(parse_carnet_file, path, full[:cut])
        if isinstance(lines, str):
            refusals += 1
            continue
        whole = sum(end <= cut for end in record_ends)
        assert lines[:whole] == expected[:whole], cut
        # A record cut just after its last separator lacks its Durée (the last column): invalid,
        # and said cut.
        assert [line.valid for line in lines[whole:]] in ([], [False]), cut
        assert all("le fichier semble coupé" in str(p) for line in lines[whole:] for p in line.problems)
    # Accepted: 3 cuts around the header's line break (before, inside, after CR LF), 3 around each
    # record's, and 3 just after a record's last separator (read, reported invalid and cut). Cut
    # between two other values or inside a doubled quote, the last line lacks values: refused.
    assert refusals == len(full) + 1 - (3 + 3 * 3 + 3)

    contacts = quoted_csv(
        [["Nom", "Prénom", "E-mail", "Profession"], ["Durand", "Paul", "p@x.fr", "Infirmier"]]
    )
    header_end, record_end = contacts.index(b"\n") + 1, content_ends(contacts)[1]
    mapping = {"last_name": 0, "first_name": 1, "email": 2, "profession": 3}
    path = tmp_path / "contacts-coupe.csv"
    refusals = 0
    for cut in range(header_end, len(contacts) + 1):
        table = read_cut(read_table, path, contacts[:cut])
        if isinstance(table, str):
            refusals += 1
            continue
        found = [line.professional is not None for line in parse_contacts(table, mapping, professions())]
        assert found == ([] if cut == header_end else [cut >= record_end]), cut
    # Accepted: just after the header, 3 around the record's line break, 1 just after its last
    # separator (its Profession empty: reported).
    assert refusals == len(contacts) + 1 - header_end - (1 + 3 + 1)


def test_a_csv_without_a_final_line_break_is_read_whole(service: CarnetService, tmp_path: Path) -> None:
    # Google Sheets writes CRLF line breaks and none after the last line: every line is read.
    out = io.StringIO()
    rows = [
        HEADER.split(";"),
        *[[f"0{d}/09/2024", "Marie Durand", "Promotion", "Appel", "1h30", "Appel à la MSP"] for d in (2, 3)],
    ]
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    sheets = tmp_path / "sheets.csv"
    sheets.write_bytes(out.getvalue().encode("utf-8").rstrip(b"\r\n"))
    preview = service.preview_import(sheets)
    assert [line.line for line in preview.valid] == [2, 3]
    assert preview.problems == []
    assert read_table(sheets).problems == {}


def quoted_csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8")


# --- 6. identical lines ----------------------------------------------------------------------


def test_identical_lines_are_counted_not_collapsed(service: CarnetService, tmp_path: Path) -> None:
    marie = ambassador_id(service, "Marie Durand")
    service.add_entry(TimeEntry(date(2024, 9, 2), marie, Mission.PROMOTION, "Appel", 60, description="MSP"))
    line = "02/09/2024;Marie Durand;Promotion;Appel;1h;MSP"
    newcomers = ["03/09/2024;Sophie Leroy;Promotion;Appel;1h;", "03/09/2024;Luc Petit;Promotion;Appel;1h;"]
    path = write(tmp_path / "deux-fois.csv", [HEADER, line, line, *newcomers])
    preview = service.preview_import(path)
    assert [d.line for d in preview.duplicates] == [2]
    assert [v.line for v in preview.valid] == [3, 4, 5]
    assert preview.warnings == [
        "1 ligne déjà dans le carnet, donc ignorée : 2.",
        "Lignes 2, 3 identiques entre elles : chacune compte comme une séance (1 importée, "
        "1 déjà dans le carnet).",
    ]
    service.apply_import(preview)
    assert sum(e.day == date(2024, 9, 2) for e in entries(service)) == 2
    again = service.preview_import(path)
    assert [d.line for d in again.duplicates] == [2, 3, 4, 5]
    assert again.warnings == ["4 lignes déjà dans le carnet, donc ignorées : 2, 3, 4, 5."]

    twice = write(tmp_path / "jumelles.csv", [HEADER, *["10/09/2024;Paul Martin;Formation;Session;2h;"] * 2])
    preview = service.preview_import(twice)
    assert [v.line for v in preview.valid] == [2, 3]
    assert preview.warnings == [
        "Lignes 2, 3 identiques entre elles : chacune compte comme une séance (2 importées)."
    ]
    assert service.apply_import(preview).imported == 2


# --- 7. control characters -------------------------------------------------------------------


def test_control_characters_make_a_line_invalid_or_are_dropped_from_extracts(
    service: CarnetService, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "controle.csv",
        [
            HEADER,
            "02/09/2024;Marie Durand;Promotion;Appel;1h;Appel\x07 urgent",
            "03/09/2024;Marie\x1cDurand;Promotion;Appel;1h;",  # a separator Python's split() eats
            "04/09/2024;Marie Durand;Promotion;Appel;1h;propre",
        ],
    )
    preview = service.preview_import(path)
    assert [str(p) for p in preview.problems] == [
        "ligne 2, colonne Description « Appel urgent » : contient un caractère invisible (U+0007, "
        "position 6), sans doute venu d'un copier-coller",
        "ligne 3, colonne Ambassadeur « Marie Durand » : contient un caractère invisible (U+001C, "
        "position 6), sans doute venu d'un copier-coller",
    ]
    assert [line.line for line in preview.valid] == [4]

    contacts = write(tmp_path / "contacts.csv", ["Nom;Prénom;Profession", "Du\x0brand;Paul;Infirmier"])
    table = read_table(contacts)
    (line,) = parse_contacts(table, guess_mapping(table.headers), professions())
    assert [(p.column, p.value) for p in line.problems] == [("Nom", "Du rand")]
    assert "U+000B" in line.problems[0].reason

    imports = service.register_imports
    rpps = tmp_path / "rpps.txt"
    rpps.write_bytes(RPPS.read_bytes().replace(b"|MARTIN|Sophie|", b"|MAR\x07TIN|So\x1bphie|"))
    people = imports.preview_rpps(rpps, Territory(departement="54"))
    assert people is not None
    assert "Sophie Martin" in [f"{p.first_name} {p.last_name}" for p in people.professionals]
    finess = tmp_path / "finess.csv"
    finess.write_bytes(
        FINESS.read_bytes().replace(b"CENTRE HOSPITALIER DE TOUL", b"CENTRE\x07 HOSPITALIER DE TOUL")
    )
    structures = imports.preview_finess(finess, "54")
    assert structures is not None
    assert "Centre Hospitalier de Toul" in [s.name for s in structures.structures]


# --- second round of attacks --------------------------------------------------------------


def test_cells_a_spreadsheet_could_not_compute_or_date_are_invalid_lines(
    service: CarnetService, tmp_path: Path
) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(HEADER.split(";"))
    sheet.append([datetime(2024, 9, 2), "Marie Durand", "Promotion", "Appel", 1, "ok"])  # 2
    sheet.append([datetime(9999, 12, 31), "Marie Durand", "Promotion", "Appel", 1, "an 9999"])  # 3
    sheet.append([datetime(1900, 1, 1), "Marie Durand", "Promotion", "Appel", 1, "an 1900"])  # 4
    sheet.append([datetime(2024, 9, 3), "#REF!", "Promotion", "Appel", 1, "#VALUE!"])  # 5
    sheet.append([datetime(2024, 9, 4), "Marie\u200b Durand", "Promotion", "Appel", 1, "x" * 20_001])  # 6
    workbook.save(tmp_path / "pieges.xlsx")
    preview = service.preview_import(tmp_path / "pieges.xlsx")
    problems = {(p.line, p.column): p.reason for p in preview.problems}
    assert "l'année doit aller de 2000 à 2099" in problems[(3, "Date")]
    assert "l'année doit aller de 2000 à 2099" in problems[(4, "Date")]
    assert problems[(5, "Ambassadeur")] == "erreur de formule du tableur (#REF!) à la place d'une valeur"
    assert problems[(5, "Description")] == "erreur de formule du tableur (#VALUE!) à la place d'une valeur"
    assert "caractère invisible (U+200B" in problems[(6, "Ambassadeur")]
    assert problems[(6, "Description")] == "texte trop long (20\u00a0001 caractères ; 20\u00a0000 au plus)"
    assert [line.line for line in preview.valid] == [2]
    outcome = service.apply_import(preview, skip_invalid=True)
    assert outcome.imported == 1
    assert [a.name for a in service.ambassadors()] == ["Marie Durand", "Paul Martin"]


@pytest.mark.parametrize("row", ["<row/>", "<row\n/>", '<row\nr="{n}"/>'])
def test_row_tags_of_every_spelling_are_counted_before_opening(
    service: CarnetService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, row: str
) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(HEADER.split(";"))
    workbook.save(tmp_path / "base.xlsx")
    blank_rows = "".join(row.format(n=n) for n in range(2, 1200))
    path = rewrite_sheet(
        tmp_path / "base.xlsx", tmp_path / "vides.xlsx", {"</sheetData>": blank_rows + "</sheetData>"}
    )
    monkeypatch.setattr(tabular, "MAX_ROWS", 1000)
    refused(service, path, "dépasse 1\u00a0000 lignes")


def test_a_workbook_that_unpacks_to_gigabytes_is_refused_unread(
    service: CarnetService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(HEADER.split(";"))
    workbook.save(tmp_path / "base.xlsx")
    spaces = " " * 3_000_000  # a few KB once compressed
    path = rewrite_sheet(
        tmp_path / "base.xlsx", tmp_path / "bombe.xlsx", {"<sheetData>": spaces + "<sheetData>"}
    )
    monkeypatch.setattr(tabular, "MAX_UNPACKED_BYTES", 2_000_000)
    assert path.stat().st_size < 100_000

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the workbook was opened")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    refused(service, path, "occupe plus de 2 Mo une fois décompressé")


def test_a_finess_line_with_a_field_too_many_is_refused_not_dropped(tmp_path: Path) -> None:
    sample = paths.resource_dir() / "exemples" / "etalab-cs1100507-stock-exemple.csv"
    lines = sample.read_bytes().split(b"\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(b"structureet;"))
    fields = lines[index].split(b";")
    fields[3] = fields[3][:3] + b";" + fields[3][3:]  # « CH; DE TOUL »: a semicolon in a name
    lines[index] = b";".join(fields)
    path = tmp_path / "finess.csv"
    path.write_bytes(b"\n".join(lines))
    with pytest.raises(
        ImportFileError, match=f"mal formé à la ligne {index + 1} \\(33 champs au lieu de 32\\)"
    ):
        scan_finess(path, "54")


def test_the_same_known_person_twice_in_a_contact_list_is_counted_once(
    service: CarnetService, tmp_path: Path
) -> None:
    from ambassadeur_app.domain.register import Professional

    service.register.save_professional(
        Professional(last_name="Durand", first_name="Marie", profession_code="G15-60")
    )
    path = write(
        tmp_path / "deux.csv", ["Nom;Prénom;Profession", "Durand;Marie;Infirmier", "DURAND;Marie;Infirmier"]
    )
    imports = service.register_imports
    table = imports.contact_table(path)
    preview = imports.preview_contacts(table, guess_mapping(table.headers))
    assert len(preview.matched) == 1
    assert preview.repeated_lines == [3]
    assert (
        "0 fiche existante complétée, 1 fiche déjà à jour, 1 ligne en double (n° 3 : la même personne"
        in preview.summary()
    )

"""A CSV cut short inside its last line, cut at every byte of that line, for every importer that
reads a table (journal lines, contacts, readings, survey answers).

What each cut must give is worked out from two readings: the cut file, and the same bytes with a
line break added (a whole file by construction, whose lines the importer judges on their own).
The last line lacking values, or stopping inside a letter, is refused, naming the file and the
line; otherwise both readings
are equal but for the problems found in the last value, which say the file seems cut. A value
cut short that still passes its own check cannot be told: those cuts are counted, not hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from ambassadeur_app.domain.surveys import Question, QuestionKind
from ambassadeur_app.errors import ImportFileError
from ambassadeur_app.importers.carnet import LineProblem, parse_carnet_file
from ambassadeur_app.importers.contacts import guess_mapping, parse_contacts
from ambassadeur_app.importers.readings import parse_readings_file
from ambassadeur_app.importers.survey_answers import read_answers
from ambassadeur_app.importers.tabular import CUT_NOTE, read_table
from ambassadeur_app.nomenclatures import professions

# What an importer read: each line's number, its problems, and what it would import.
Read = list[tuple[int, list[LineProblem], object]]


def carnet(path: Path) -> Read:
    return [
        (line.line, line.problems, (line.day, line.ambassador, line.mission, line.minutes, line.description))
        for line in parse_carnet_file(path)
    ]


def contacts(path: Path) -> Read:
    table = read_table(path)
    lines = parse_contacts(table, guess_mapping(table.headers), professions())
    return [(line.line, line.problems, line.professional) for line in lines]


def readings(path: Path) -> Read:
    return [(line.line, line.problems, line.reading) for line in parse_readings_file(path)]


QUESTIONS = (
    Question("Recommanderiez-vous l'outil ?", QuestionKind.RECOMMENDATION),
    Question("Êtes-vous satisfait de la séance ?", QuestionKind.SATISFACTION),
)


def answers(path: Path) -> Read:
    table = read_table(path)
    read = read_answers(table, QUESTIONS)
    taken = {number: found for number, found, _signature in read.lines}
    return [
        (number, [p for p in read.problems if p.line == number], taken.get(number))
        for number, _values in table.rows
    ]


@dataclass
class Case:
    read: Callable[[Path], Read]
    text: str  # the whole file, its last line without a line break, as Google Sheets writes it
    # How the cuts inside the last value come out: said cut (the value fails its check), read
    # as a shorter value that passes its check, read whole.
    said_cut: int
    undetected: int


CASES = {
    "journal": Case(
        carnet,
        "Date;Ambassadeur;Mission;Activité;Description;Durée\r\n"
        "02/09/2024;Marie Durand;Promotion;Appel;MSP de Toul;1h30\r\n"
        "04/09/2024;Paul Martin;Accompagnement;Visite;Pharmacie;0h45",
        # "" (missing), "0" and "0h" (zero) fail; "0h4" passes as 4 minutes; "0h45" is whole.
        said_cut=3,
        undetected=1,
    ),
    "contacts": Case(
        contacts,
        "Nom;Prénom;Profession;E-mail\r\nDurand;Paul;Infirmier;p.durand@exemple.fr\r\n"
        "Leroy;Anne;Masseur-kinésithérapeute;anne.leroy@exemple.fr",
        # An address without « @ » or without a dot after it fails: "" is no address (optional).
        said_cut=len("anne.leroy@exemple"),
        undetected=1 + len(".f"),
    ),
    "relevés": Case(
        readings,
        "Date;Utilisateurs actifs\r\n01/09/2024;120\r\n01/10/2024;134",
        # "" fails (missing); "1" and "13" pass as smaller counts.
        said_cut=1,
        undetected=2,
    ),
    "réponses": Case(
        answers,
        "Horodateur;Recommanderiez-vous l'outil ?;Êtes-vous satisfait de la séance ?\r\n"
        "12/09/2024 10:02;9;Très satisfait\r\n"
        "12/09/2024 10:05;10;Plutôt satisfait",
        # Every cut of « Plutôt satisfait » but the whole and the one inside « ô » (refused: a
        # letter cut) is no answer; "" is no answer to that question, the line keeps its score.
        said_cut=len("Plutôt satisfait") - 1,
        undetected=1,
    ),
}


def noted(lines: Read, number: int, column: str) -> Read:
    """Return ``lines`` with the problems found on line ``number``, column ``column`` saying
    the file seems cut there."""
    return [
        (
            line,
            [
                replace(p, reason=f"{p.reason.rstrip('.')} ; {CUT_NOTE}")
                if (p.line, p.column) == (number, column)
                else p
                for p in problems
            ],
            taken,
        )
        for line, problems, taken in lines
    ]


@pytest.mark.parametrize("name", CASES)
def test_a_csv_cut_at_every_byte_of_its_last_line(tmp_path: Path, name: str) -> None:
    case = CASES[name]
    whole = case.text.encode("utf-8")
    start = whole.rfind(b"\n") + 1  # where the last line starts
    headers = case.text.split("\r\n", 1)[0].split(";")
    number = case.text.count("\n") + 1  # the last line's number
    cut_file, ended_file = tmp_path / f"{name}-coupé.csv", tmp_path / f"{name}-fini.csv"
    refused = said_cut = undetected = 0
    for cut in range(start, len(whole) + 1):
        cut_file.write_bytes(whole[:cut])
        ended_file.write_bytes(whole[:cut] + b"\r\n")
        expected = case.read(ended_file)
        tail = whole[start:cut]
        if whole[:cut].decode("utf-8", "ignore").encode() != whole[:cut]:  # inside a letter
            with pytest.raises(ImportFileError) as raised:
                case.read(cut_file)
            assert raised.value.message.startswith(
                f"Le fichier « {cut_file.name} » semble coupé : sa dernière ligne ({number}) s'arrête "
                "au milieu d'une lettre, sans fin de ligne"
            ), cut
            refused += 1
            continue
        if tail.count(b";") < len(headers) - 1:
            if not tail:  # cut just after a line break: a whole file, one line shorter
                assert case.read(cut_file) == expected, cut
                continue
            with pytest.raises(ImportFileError) as raised:
                case.read(cut_file)
            assert raised.value.message.startswith(
                f"Le fichier « {cut_file.name} » semble coupé : sa dernière ligne ({number}) s'arrête "
                f"après {tail.count(b';') + 1} valeur"
            ), cut
            assert f"sur {len(headers)}, sans fin de ligne" in raised.value.message
            refused += 1
            continue
        found = case.read(cut_file)
        assert found == noted(expected, number, headers[-1]), cut
        assert found[:-1] == expected[:-1]  # the lines before are read as they are
        last_problems = found[-1][1]
        if any(CUT_NOTE in str(p) for p in last_problems):
            said_cut += 1
        elif cut < len(whole):
            undetected += 1
        else:
            assert last_problems == []  # the whole file, without a final line break: read whole
            assert found == expected
    # Every cut inside the line before its last separator, and inside a letter of its last value.
    last_value = whole[start + whole[start:].rfind(b";") :]
    assert refused == whole[start:].rfind(b";") + len(last_value) - len(last_value.decode())
    assert (said_cut, undetected) == (case.said_cut, case.undetected)


def test_a_cut_in_a_value_that_is_not_the_last_one_says_nothing_of_a_cut(tmp_path: Path) -> None:
    """Only the last value may be cut: a problem elsewhere on the last line is the line's own."""
    path = tmp_path / "journal.csv"
    path.write_bytes(
        "Date;Ambassadeur;Mission;Activité;Durée\r\n31/02/2024;Paul Martin;Promotion;Appel;".encode()
    )
    (line,) = parse_carnet_file(path)
    assert [(p.column, CUT_NOTE in p.reason) for p in line.problems] == [("Date", False), ("Durée", True)]


def test_a_quoted_last_value_closed_is_whole(tmp_path: Path) -> None:
    """A closing quote ends a whole value: a problem in it is no sign of a cut."""
    path = tmp_path / "journal.csv"
    path.write_bytes(
        '"Date";"Ambassadeur";"Mission";"Activité";"Durée"\r\n"02/09/2024";"Paul";"Promotion";"Appel";"0"'.encode()
    )
    (line,) = parse_carnet_file(path)
    assert [p.column for p in line.problems] == ["Durée"]
    assert CUT_NOTE not in line.problems[0].reason
    assert read_table(path).open_end is None


def test_a_value_right_of_the_last_column_is_no_column_s(tmp_path: Path) -> None:
    """A last line ending with one separator too many ends in no column: nothing said cut."""
    path = tmp_path / "journal.csv"
    path.write_bytes("Date;Ambassadeur;Mission;Activité;Durée\r\n02/09/2024;Paul;Promotion;Appel;0;".encode())
    assert read_table(path).open_end is None
    (line,) = parse_carnet_file(path)
    assert [p.column for p in line.problems] == ["Durée"]
    assert CUT_NOTE not in line.problems[0].reason


JOURNAL_HEADER = "Date;Mission;Activite;Duree;Description;Ambassadeur\n"


@pytest.mark.parametrize(
    "data",
    [
        # ASCII up to a letter's first byte: « Zo » then « Ã » (0xC3) is no Windows-1252 word.
        JOURNAL_HEADER.encode() + b"04/11/2026;Formation;Session;2;Atelier;Zo\xc3",
        # UTF-8 letters before: a lone « Å » (0xC5) is the start of « Ł ».
        "Date;Ambassadeur;Mission;Activité;Durée;Description\n"
        "04/11/2026;Julien Marchal;Formation;Session;2;Atelier ".encode()
        + b"\xc5",
        # A letter's first two bytes of three (« ’ »), after ASCII only.
        JOURNAL_HEADER.encode() + b"04/11/2026;Formation;Session;2;Atelier;L\xe2\x80",
        # After a DOS end-of-file byte too.
        JOURNAL_HEADER.encode() + b"04/11/2026;Formation;Session;2;Atelier;Zo\xc3\x1a",
    ],
)
def test_a_utf8_file_cut_inside_its_last_letter_is_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "coupé.csv"
    path.write_bytes(data)
    with pytest.raises(ImportFileError) as raised:
        parse_carnet_file(path)
    assert "semble coupé : sa dernière ligne (2) s'arrête au milieu d'une lettre" in raised.value.message


@pytest.mark.parametrize(
    ("last", "name"),
    [
        (b"Caf\xe9", "Café"),
        (b"ANDR\xc9", "ANDRÉ"),
        (b"Strau\xdf", "Strauß"),
        (b"Nicolas \xe0", "Nicolas à"),
        # Windows-1252 letters before: the whole file is Windows-1252.
        (b"Ren\xe9e D\xc3", "Renée DÃ"),
    ],
)
def test_a_windows_1252_file_ending_with_an_accented_letter_is_whole(
    tmp_path: Path, last: bytes, name: str
) -> None:
    path = tmp_path / "ancien.csv"
    path.write_bytes(JOURNAL_HEADER.encode() + b"04/11/2026;Formation;Session;2;Atelier;" + last)
    (line,) = parse_carnet_file(path)
    assert (line.ambassador, line.problems) == (name, [])


def test_one_dos_end_of_file_byte_is_ignored(tmp_path: Path) -> None:
    whole = "Date;Ambassadeur;Mission;Activité;Durée;Description\n03/11/2026;Julien;Promotion;Appel;1,5;Été\n"
    for text in (whole, whole.rstrip("\n")):
        plain, dos = tmp_path / "plain.csv", tmp_path / "dos.csv"
        plain.write_bytes(text.encode())
        dos.write_bytes(text.encode() + b"\x1a")
        assert carnet(dos) == carnet(plain) != []
    dos.write_bytes(whole.encode() + b"04/11/2026;Julien;Promotion\x1a")
    with pytest.raises(ImportFileError, match="s'arrête après 3 valeurs sur 6"):
        parse_carnet_file(dos)


def test_a_last_line_cut_just_after_a_separator(tmp_path: Path) -> None:
    """An empty last value is what a spreadsheet writes for an empty cell: a cut is told only when
    that column must have a value."""
    path = tmp_path / "journal.csv"
    path.write_bytes(
        b"Date;Ambassadeur;Mission;Activite;Duree;Description\n04/11/2026;Paul;Formation;Session;2;"
    )
    (line,) = parse_carnet_file(path)
    assert (line.problems, line.description) == ([], "")  # cannot be told from a whole line
    path.write_bytes(
        b"Date;Ambassadeur;Mission;Activite;Description;Duree\n04/11/2026;Paul;Formation;Session;x;"
    )
    (line,) = parse_carnet_file(path)
    assert [(p.column, CUT_NOTE in p.reason) for p in line.problems] == [("Duree", True)]


def test_a_header_s_unnamed_columns_count_for_a_cut(tmp_path: Path) -> None:
    path = tmp_path / "journal.csv"
    header = "Date;Ambassadeur;Mission;Activite;Duree;Description;;\n"
    path.write_bytes(
        f"{header}03/11/2026;Paul;Promotion;Appel;1;Un;;\n04/11/2026;Paul;Formation;Session;2;".encode()
    )
    with pytest.raises(ImportFileError, match="s'arrête après 6 valeurs sur 8"):
        parse_carnet_file(path)
    # Written so, the line is whole.
    path.write_bytes(
        f"{header}03/11/2026;Paul;Promotion;Appel;1;Un;;\n04/11/2026;Paul;Formation;Session;2;;;".encode()
    )
    assert len(parse_carnet_file(path)) == 2
    # A header ending with a separator its lines lack (a file written by hand): the line
    # before the last one tells.
    path.write_bytes(
        f"{header}03/11/2026;Paul;Promotion;Appel;1;Un\n04/11/2026;Paul;Formation;Session;2;".encode()
    )
    assert [line.problems for line in parse_carnet_file(path)] == [[], []]

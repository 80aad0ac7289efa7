"""The RPPS scan skips, on raw bytes, only lines that the full parse would not keep.

``scan_rpps`` decodes and splits only the lines holding one of the territory's code prefixes
after a separator. These properties compare it with a plain reading of every line (split,
decode, ``Territory.contains``) on random files: random fields where the département's code
also shows up in other columns, quotes, stray separators, carriage returns, Latin-1 and UTF-8
bytes, blank lines, a last line without its line break, columns in any order, and blocks of any
size so that lines straddle two reads.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ambassadeur_app import paths
from ambassadeur_app.errors import ImportFileError
from ambassadeur_app.importers import rpps
from ambassadeur_app.importers.rpps import Territory, scan_rpps

COLUMNS = [
    "Identifiant PP",
    "Identification nationale PP",
    "Nom d'exercice",
    "Code profession",
    "Code postal (coord. structure)",
    "Code commune (coord. structure)",
    "Libellé rôle",  # carries each line's number, to tell which lines were kept
    "Libellé commune (coord. structure)",
    "Raison sociale site",
]
POSTAL, COMMUNE, ROLE, NATIONAL = (
    COLUMNS.index("Code postal (coord. structure)"),
    COLUMNS.index("Code commune (coord. structure)"),
    COLUMNS.index("Libellé rôle"),
    COLUMNS.index("Identification nationale PP"),
)
CODES = ["54000", "54395", "54", "5400", "540", "57463", "2A004", "2B033", "20100", "20200", "97411", "974"]
CODES += ["9741", "97", "", "A54", " 54000", "\t54395 ", "54\r", "5é4", "\u00e954", "54110"]
# Text a field may hold: the codes again, quotes, separators of other formats, odd bytes.
PIECES = [*CODES, '"', "'", ";", ",", "\t", "\r", " ", "é", "Ã©", "\x07", "NANCY", "8"]


def field(draw: st.DrawFn) -> bytes:
    text = "".join(draw(st.lists(st.sampled_from(PIECES), max_size=3)))
    return text.encode(draw(st.sampled_from(["utf-8", "cp1252"])), "replace")


@st.composite
def extracts(draw: st.DrawFn) -> tuple[list[int], list[bytes], bool]:
    """Return a column order, the data lines (without line breaks) and whether the last one ends."""
    order = draw(st.permutations(range(len(COLUMNS))))
    lines: list[bytes] = []
    for number in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(["line"] * 8 + ["blank", "extra", "missing"]))
        if kind == "blank":
            lines.append(draw(st.sampled_from([b"", b" ", b"\r", b"\t \r"])))
            continue
        values = {index: field(draw) for index in range(len(COLUMNS))}
        # Postal codes are read when the commune code is empty: often so.
        values[POSTAL] = draw(st.sampled_from(CODES)).encode("utf-8")
        values[COMMUNE] = draw(st.sampled_from(["", "", "", *CODES])).encode("utf-8")
        values[NATIONAL] = draw(st.sampled_from([b"81", b"82", b"83"]))
        values[ROLE] = f"L{number}".encode()
        fields = [values[index] for index in order] + [b""]  # the trailing separator
        if kind == "extra":
            fields.insert(draw(st.integers(0, len(fields))), field(draw))
        elif kind == "missing":
            fields.pop(draw(st.integers(0, len(fields) - 1)))
        lines.append(b"|".join(fields) + draw(st.sampled_from([b"", b"\r"])))
    return list(order), lines, draw(st.booleans())


# A territory typed by hand can hold anything (but blank codes only: it is refused).
TYPED = [*filter(str.strip, CODES), "\n54", "5|4", "5\n"]
PLACES = st.frozensets(st.sampled_from(TYPED), min_size=1, max_size=3)
territories = st.one_of(
    st.builds(
        Territory, departement=st.sampled_from(["54", "2A", "2B", "974", "20", "5", "é", "\ufffd", "\n5"])
    ),
    st.builds(Territory, communes=PLACES),
    st.builds(Territory, postal_codes=PLACES),
)


def full_parse(name: str, order: list[int], body: bytes, territory: Territory) -> object:
    """Read every line as the format says, without any shortcut: the expected outcome."""
    width = len(COLUMNS) + 1
    lines = body.split(b"\n")
    ends = lines.pop() == b""  # what follows the last line break: nothing, or a cut line
    if not ends:
        lines.append(body.rsplit(b"\n", 1)[-1])
    kept: dict[bytes, list[str]] = {}
    for number, line in enumerate(lines, start=2):
        fields = line.rstrip(b"\r").split(b"|")
        if len(fields) != width:
            if not line.strip():
                continue
            if number == len(lines) + 1 and not ends:
                return f"Le fichier « {name} » est tronqué : sa dernière ligne ({number}) est incomplète."
            return (
                f"Le fichier « {name} » est mal formé à la ligne {number} "
                f"({len(fields)} champs au lieu de {width})."
            )
        cells = {COLUMNS[column]: value for column, value in zip(order, fields, strict=False)}
        # Codes are compared without the blanks after them.
        commune = cells["Code commune (coord. structure)"].rstrip().decode("ascii", "replace")
        postal = cells["Code postal (coord. structure)"].rstrip().decode("ascii", "replace")
        if territory.contains(commune, postal):
            kept.setdefault(cells["Identification nationale PP"], []).append(cells["Libellé rôle"].decode())
    if not lines:
        return f"Le fichier « {name} » ne contient que sa ligne d'en-tête"
    return len(lines), sum(map(len, kept.values())), [(key.decode(), roles) for key, roles in kept.items()]


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(extracts(), territories, st.integers(1, 300))
def test_the_bytes_filter_keeps_what_the_full_parse_keeps(
    tmp_path: Path, extract: tuple[list[int], list[bytes], bool], territory: Territory, chunk: int
) -> None:
    order, lines, ends = extract
    header = "|".join(COLUMNS[index] for index in order) + "|\n"
    body = b"\n".join(lines) + (b"\n" if ends and lines else b"")
    path = tmp_path / "extrait.txt"
    path.write_bytes(header.encode("utf-8") + body)
    expected = full_parse(path.name, order, body, territory)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rpps, "CHUNK", chunk)
        found: object
        try:
            scan = scan_rpps(path, territory)
            assert scan is not None
            people = [(key, [a.role for a in person.activities]) for key, person in scan.people.items()]
            found = (scan.lines, scan.kept_lines, people)
        except ImportFileError as exc:
            found = str(exc)
    if isinstance(expected, str):
        assert isinstance(found, str), (found, expected)
        assert found.startswith(expected.rstrip(".")), (found, expected)
    else:
        assert found == expected


@given(
    territories,
    st.text(st.sampled_from("0123456789AB|é\ufffd \r"), max_size=6),
    st.text(st.sampled_from("0123456789AB|é\ufffd \r"), max_size=6),
)
def test_a_kept_place_starts_with_one_of_the_territory_s_prefixes(
    territory: Territory, commune: str, postal: str
) -> None:
    if territory.contains(commune, postal):
        assert any(commune.startswith(p) or postal.startswith(p) for p in territory.prefixes())


def test_a_code_typed_with_a_line_break_does_not_join_two_lines(tmp_path: Path) -> None:
    name = COLUMNS.index("Nom d'exercice")
    order = [name, *(index for index in range(len(COLUMNS)) if index != name)]

    def line(commune: bytes, postal: bytes) -> bytes:
        values = {index: b"x" for index in range(len(COLUMNS))}
        values |= {name: b"5", COMMUNE: commune, POSTAL: postal, NATIONAL: commune, ROLE: commune}
        return b"|".join([*(values[index] for index in order), b""])  # ends with its separator

    path = tmp_path / "extrait.txt"
    header = "|".join(COLUMNS[index] for index in order) + "|\n"
    body = line(b"57463", b"57000") + b"\n" + line(b"54395", b"54000") + b"\n"
    path.write_bytes(header.encode("utf-8") + body)
    # The needle of "\n54" would be "|\n5": the end of the first line and the start of the second.
    territory = Territory(communes=frozenset({"\n54", "54395"}))
    scan = scan_rpps(path, territory)
    assert scan is not None
    found = (
        scan.lines,
        scan.kept_lines,
        [(k, [a.role for a in p.activities]) for k, p in scan.people.items()],
    )
    assert found == full_parse(path.name, order, body, territory) == (2, 1, [("54395", ["54395"])])


def test_a_line_outside_the_territory_with_a_field_too_many_is_refused(tmp_path: Path) -> None:
    sample = paths.resource_dir() / "exemples" / "PS_LibreAcces_Personne_activite_exemple.txt"
    lines = sample.read_bytes().split(b"\n")
    assert b"|57463|" in lines[12]  # Metz: never decoded, still counted
    lines[12] = lines[12].replace(b"|SIMON|", b"|SI|MON|")
    path = tmp_path / "extrait.txt"
    path.write_bytes(b"\n".join(lines))
    with pytest.raises(ImportFileError, match=r"mal formé à la ligne 13 \(58 champs au lieu de 57\)"):
        scan_rpps(path, Territory(departement="54"))

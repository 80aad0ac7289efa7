"""Stream the national RPPS extract (``PS_LibreAcces_Personne_activite_*.txt``).

Pipe-separated, no quoting, a trailing pipe, one line per activity, ~2.4 million lines. The file
is read as bytes, in blocks of whole lines (memory stays flat), columns are found by their
normalised header name, and only the professionals practising in the chosen territory are kept,
one per national identifier with all their activities.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ambassadeur_app.domain.text import MAX_TEXT_LENGTH, fold, printable, too_long
from ambassadeur_app.errors import ImportFileError, os_reason
from ambassadeur_app.importers.carnet import LineProblem
from ambassadeur_app.importers.tabular import decode_text, refuse_utf16

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
CHECK_EVERY = 20_000
_NOT_SEPARATORS = bytes(byte for byte in range(256) if byte not in b"|\n")
CHUNK = 1 << 21  # bytes read at a time: progress and cancel are checked between blocks

# Column key -> accepted header names (spelling drifts between extracts).
COLUMNS: dict[str, tuple[str, ...]] = {
    "national_id": ("Identification nationale PP",),
    "id_type": ("Type d'identifiant PP",),
    "id": ("Identifiant PP",),
    "civility": ("Code civilité d'exercice", "Code civilite exercice", "Code civilité"),
    "last_name": ("Nom d'exercice",),
    "first_name": ("Prénom d'exercice",),
    "profession": ("Code profession",),
    "skill_type": ("Code type savoir-faire",),
    "skill": ("Code savoir-faire",),
    "mode": ("Code mode exercice",),
    "siret": ("Numéro SIRET site",),
    "finess": ("Numéro FINESS site",),
    "site_name": ("Raison sociale site",),
    "brand": ("Enseigne commerciale site",),
    "postal_code": ("Code postal (coord. structure)",),
    "commune_code": ("Code commune (coord. structure)",),
    "commune": ("Libellé commune (coord. structure)",),
    "phone": ("Téléphone (coord. structure)",),
    "email": ("Adresse e-mail (coord. structure)",),
    "sector": ("Code secteur d'activité",),
    "role": ("Libellé rôle",),
}
REQUIRED = ("national_id", "id", "last_name", "profession", "postal_code", "commune_code")


@dataclass(frozen=True)
class Territory:
    """Where the kept professionals practise: INSEE commune codes, postal codes or a département."""

    communes: frozenset[str] = frozenset()
    postal_codes: frozenset[str] = frozenset()
    departement: str = ""

    def __post_init__(self) -> None:
        # Typed or pasted: spaces around, lower case, the leading zero a spreadsheet drops.
        object.__setattr__(self, "communes", _typed_codes(self.communes))
        object.__setattr__(self, "postal_codes", _typed_codes(self.postal_codes))
        departement = self.departement.strip().upper()
        object.__setattr__(self, "departement", departement.zfill(2) if departement else "")
        if not (self.communes or self.postal_codes or self.departement):
            raise ImportFileError("Indiquez les communes, les codes postaux ou le département à garder.")

    def contains(self, commune_code: str, postal_code: str) -> bool:
        if self.communes:
            return commune_code in self.communes
        if self.postal_codes:
            return postal_code in self.postal_codes
        if commune_code:
            return departement_of(commune_code) == self.departement
        return departement_of(postal_code) == self.departement

    def prefixes(self) -> frozenset[str]:
        """Return what the commune or the postal code of every place ``contains`` keeps starts with."""
        if self.communes:
            return frozenset(code[:2] for code in self.communes)
        if self.postal_codes:
            return frozenset(code[:2] for code in self.postal_codes)
        # departement_of gives 2A/2B to the Corsican postal codes, which start with 20.
        return frozenset({self.departement, "20"} if self.departement in ("2A", "2B") else {self.departement})


def _typed_codes(codes: frozenset[str]) -> frozenset[str]:
    """Return commune or postal codes as the extract writes them (``1053 `` -> ``01053``)."""
    stripped = {code.strip().upper() for code in codes} - {""}
    return frozenset(code.zfill(5) if len(code) == 4 and code.isdigit() else code for code in stripped)


def departement_of(code: str) -> str:
    """Return the département of an INSEE commune code or a postal code (2A/2B, 97x)."""
    if code.startswith("97"):
        return code[:3]
    if len(code) == 5 and code.startswith("20"):  # a Corsican postal code
        return "2A" if code < "20200" else "2B"
    return code[:2]


@dataclass
class RppsActivity:
    site_name: str
    finess: str
    siret: str
    postal_code: str
    commune_code: str
    commune: str
    mode: str
    sector: str
    role: str
    phone: str
    email: str


@dataclass
class RppsPerson:
    national_id: str
    rpps: str
    adeli: str
    civility: str
    last_name: str
    first_name: str
    profession: str
    skills: set[str] = field(default_factory=set)
    activities: list[RppsActivity] = field(default_factory=list)


@dataclass
class RppsScan:
    people: dict[str, RppsPerson]
    lines: int
    kept_lines: int
    problems: list[LineProblem] = field(default_factory=list)  # the territory's lines not kept


def _header_index(header: list[str], path: Path) -> dict[str, int]:
    folded = {fold(name): index for index, name in enumerate(header)}
    found: dict[str, int] = {}
    for key, names in COLUMNS.items():
        for name in names:
            if fold(name) in folded:
                found[key] = folded[fold(name)]
                break
    missing = [COLUMNS[key][0] for key in REQUIRED if key not in found]
    if missing:
        raise ImportFileError(
            f"« {path.name} » n'a pas la forme d'un extrait RPPS « PS_LibreAcces_Personne_activite » "
            f"(séparateur | attendu) : colonnes manquantes : {', '.join(missing)}."
        )
    return found


def _identifiers(row: dict[str, str]) -> tuple[str, str]:
    """Return the RPPS number and the ADELI number of a line (one of them at most)."""
    identifier = row["id"].strip()
    kind = row.get("id_type", "").strip() or ("8" if len(identifier) == 11 else "")
    if kind == "8" and len(identifier) == 11 and identifier.isdigit():
        return identifier, ""
    return "", identifier if kind == "0" else ""


class _InvalidLine(Exception):
    """A line of the territory that cannot be kept: which column, which value, why."""

    def __init__(self, column: str, value: str, reason: str) -> None:
        super().__init__(reason)
        self.problem = (column, value, reason)


def scan_rpps(
    path: Path,
    territory: Territory,
    progress: Progress = lambda done, total: None,
    cancelled: Cancelled = lambda: False,
) -> RppsScan | None:
    """Read the extract and keep the territory's professionals; ``None`` if cancelled.

    The file is read in blocks of whole lines. Every line's fields are counted (a separator
    too many or too few refuses the file), but only the lines holding one of the territory's
    code prefixes (``Territory.prefixes``) after a separator are decoded and split: the other
    99 % cannot be kept, whatever their other fields hold.

    Raises:
        ImportFileError: missing file, wrong layout or separator, truncated file.
    """
    try:
        total = path.stat().st_size
        handle = open(path, "rb")  # noqa: SIM115 - closed in the finally below
    except OSError as exc:
        raise ImportFileError(f"Le fichier « {path} » est illisible : {os_reason(exc)}.") from exc
    try:
        header_line = handle.readline()
        refuse_utf16(header_line, path)
        if not header_line.strip():
            raise ImportFileError(f"Le fichier « {path.name} » est vide.")
        if not header_line.endswith(b"\n"):
            raise ImportFileError(
                f"Le fichier « {path.name} » est tronqué : il s'arrête dans sa ligne d'en-tête. "
                "Rien n'a été importé ; téléchargez de nouveau l'extrait."
            )
        header = decode_text(header_line).lstrip("\ufeff").rstrip("\r\n").split("|")
        get = _header_index(header, path)
        needles = _needles(territory, get)
        people: dict[str, RppsPerson] = {}
        problems: list[LineProblem] = []
        read, lines, kept = len(header_line), 0, 0
        while True:
            if cancelled():
                return None
            progress(read, total)
            data = handle.read(CHUNK)
            if not data:
                break
            if not data.endswith(b"\n"):  # whole lines only, but for a last line cut short
                data += handle.readline()
            read += len(data)
            count = _check_fields(data, len(header), lines, path)
            for start, line in _candidates(data, needles):
                try:
                    kept += _keep(line, header, get, territory, people)
                except _InvalidLine as invalid:
                    number = lines + data.count(b"\n", 0, start) + 2  # the header is line 1
                    problems.append(LineProblem(number, *invalid.problem))
            lines += count
        if not lines:
            raise ImportFileError(
                f"Le fichier « {path.name} » ne contient que sa ligne d'en-tête : aucun professionnel "
                "à lire. Rien n'a été importé."
            )
        progress(total, total)
        return RppsScan(people, lines, kept, problems)
    finally:
        handle.close()


def _needles(territory: Territory, get: dict[str, int]) -> re.Pattern[bytes]:
    """Return what every line the territory keeps holds (an empty pattern: any line may be kept).

    A kept line's commune or postal code starts with one of the territory's prefixes, and a
    separator comes before that field unless it is the first one.
    """
    # A field never holds a line break: a prefix with one matches nothing (and would join lines).
    prefixes = {prefix for prefix in territory.prefixes() if "\n" not in prefix}
    if min(get["commune_code"], get["postal_code"]) == 0 or not all(p.isascii() for p in prefixes):
        # A field decoded as ASCII shows a non-ASCII byte as U+FFFD: no bytes to look for.
        return re.compile(b"")
    return re.compile(b"|".join(re.escape(b"|" + prefix.encode("ascii")) for prefix in sorted(prefixes)))


def _check_fields(data: bytes, width: int, before: int, path: Path) -> int:
    """Count the lines of ``data``; refuse the file at the first one without ``width`` fields.

    Blank lines pass (they are skipped).

    Args:
        data: whole lines; the last one lacks its line break if the file ends there.
        before: how many data lines came before ``data``.
    """
    # Fast path: the separators and line breaks alone are width - 1 separators per line.
    skeleton = data.translate(None, _NOT_SEPARATORS)
    count, rest = divmod(len(skeleton), width)
    if not rest and data.endswith(b"\n") and skeleton == (b"|" * (width - 1) + b"\n") * count:
        return count
    rows = data.split(b"\n")
    for offset, row in enumerate(rows[:-1] if data.endswith(b"\n") else rows):
        if (fields := row.count(b"|") + 1) == width or not row.strip():
            continue
        number = before + offset + 2  # the header is line 1
        if offset == len(rows) - 1:  # the file's last line, without its line break
            raise ImportFileError(
                f"Le fichier « {path.name} » est tronqué : sa dernière ligne ({number}) est "
                "incomplète. Rien n'a été importé ; téléchargez de nouveau l'extrait."
            )
        raise ImportFileError(
            f"Le fichier « {path.name} » est mal formé à la ligne {number} "
            f"({fields} champs au lieu de {width}). Rien n'a été importé."
        )
    return len(rows) - data.endswith(b"\n")


def _candidates(data: bytes, needles: re.Pattern[bytes]) -> Iterator[tuple[int, bytes]]:
    """Yield the lines of ``data`` in which ``needles`` are found, in order, with their offsets."""
    at = 0
    while at < len(data) and (found := needles.search(data, at)) is not None:
        start = data.rfind(b"\n", 0, found.start()) + 1
        end = data.find(b"\n", found.end())
        if end < 0:
            end = len(data)
        yield start, data[start:end]
        at = end + 1


def _keep(
    line: bytes, header: list[str], get: dict[str, int], territory: Territory, people: dict[str, RppsPerson]
) -> int:
    """Add the line's activity to ``people`` if it is in the territory; return 1 if kept.

    Raises:
        _InvalidLine: a line of the territory without an identifier, or with a text too long.
    """
    fields = line.rstrip(b"\r\n").split(b"|")
    if len(fields) != len(header):  # a blank line
        return 0
    # Codes are compared without the blanks after them, and stored without those around them
    # too. (A code after blanks, never seen, is not one: the separator and a prefix must touch.)
    commune_code = fields[get["commune_code"]].rstrip().decode("ascii", "replace")
    postal_code = fields[get["postal_code"]].rstrip().decode("ascii", "replace")
    if not territory.contains(commune_code, postal_code):
        return 0
    commune_code, postal_code = commune_code.lstrip(), postal_code.lstrip()
    # Control characters (pasted into a name upstream) would only break the documents.
    try:  # a UTF-8 line is decoded at once; one mixing encodings, field by field
        texts = printable(line.rstrip(b"\r\n").decode("utf-8")).split("|")
    except UnicodeDecodeError:
        texts = [printable(decode_text(value)) for value in fields]
    row = {key: texts[index] for key, index in get.items()}
    if len(line) > MAX_TEXT_LENGTH:  # a text too long would refuse the whole import
        for key, index in get.items():
            if len(text := row[key]) > MAX_TEXT_LENGTH:
                reason = too_long(len(text))
                raise _InvalidLine(header[index], f"{text[:30]}…", reason)
    rpps, adeli = _identifiers(row)
    # The national identifier is the type of identifier followed by the identifier.
    national_id = row["national_id"].strip() or (row.get("id_type", "").strip() + row["id"].strip())
    if not national_id:
        raise _InvalidLine(header[get["id"]], "", "identifiant du professionnel manquant")
    person = people.get(national_id)
    if person is None:
        person = people[national_id] = RppsPerson(
            national_id=national_id,
            rpps=rpps,
            adeli=adeli,
            civility=row.get("civility", ""),
            last_name=row["last_name"],
            first_name=row.get("first_name", ""),
            profession=row["profession"],
        )
    if row.get("skill"):
        person.skills.add(row["skill"])
    person.activities.append(
        RppsActivity(
            site_name=row.get("site_name", "") or row.get("brand", ""),
            finess=row.get("finess", ""),
            siret=row.get("siret", ""),
            postal_code=postal_code,
            commune_code=commune_code,
            commune=row.get("commune", ""),
            mode=row.get("mode", ""),
            sector=row.get("sector", ""),
            role=row.get("role", ""),
            phone=row.get("phone", ""),
            email=row.get("email", ""),
        )
    )
    return 1

"""Stream the national RPPS extract (``PS_LibreAcces_Personne_activite_*.txt``).

Pipe-separated, no quoting, a trailing pipe, one line per activity, ~2.4 million lines. The file
is read as bytes, line by line (memory stays flat), columns are found by their normalised header
name, and only the professionals practising in the chosen territory are kept, one per national
identifier with all their activities.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ambassadeur_app.domain.text import fold, printable
from ambassadeur_app.errors import ImportFileError, os_reason
from ambassadeur_app.importers.tabular import decode_text, refuse_utf16

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
CHECK_EVERY = 20_000

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


def _rpps(row: list[str], get: dict[str, int]) -> str:
    """Return the RPPS number of a line (ADELI identifiers are not RPPS numbers)."""
    identifier = row[get["id"]]
    kind = row[get["id_type"]] if "id_type" in get else ("8" if len(identifier) == 11 else "")
    return identifier if kind == "8" and len(identifier) == 11 and identifier.isdigit() else ""


def scan_rpps(
    path: Path,
    territory: Territory,
    progress: Progress = lambda done, total: None,
    cancelled: Cancelled = lambda: False,
) -> RppsScan | None:
    """Read the extract and keep the territory's professionals; ``None`` if cancelled.

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
        index = _header_index(header, path)
        width = len(header)
        get = {key: index[key] for key in index}
        people: dict[str, RppsPerson] = {}
        read = len(header_line)
        lines = kept = 0
        for raw in handle:
            lines += 1
            read += len(raw)
            if lines % CHECK_EVERY == 1:  # from the first line on, then every CHECK_EVERY
                if cancelled():
                    return None
                progress(read, total)
            fields = raw.rstrip(b"\r\n").split(b"|")
            if len(fields) != width:
                if not raw.strip():
                    continue
                if not raw.endswith(b"\n"):
                    raise ImportFileError(
                        f"Le fichier « {path.name} » est tronqué : sa dernière ligne ({lines + 1}) est "
                        "incomplète. Rien n'a été importé ; téléchargez de nouveau l'extrait."
                    )
                raise ImportFileError(
                    f"Le fichier « {path.name} » est mal formé à la ligne {lines + 1} "
                    f"({len(fields)} champs au lieu de {width}). Rien n'a été importé."
                )
            commune_code = fields[get["commune_code"]].decode("ascii", "replace")
            postal_code = fields[get["postal_code"]].decode("ascii", "replace")
            if not territory.contains(commune_code, postal_code):
                continue
            kept += 1
            # Control characters (pasted into a name upstream) would only break the documents.
            row = [printable(decode_text(value)) for value in fields]
            national_id = row[get["national_id"]]
            person = people.get(national_id)
            if person is None:
                person = people[national_id] = RppsPerson(
                    national_id=national_id,
                    rpps=_rpps(row, get),
                    civility=row[get["civility"]] if "civility" in get else "",
                    last_name=row[get["last_name"]],
                    first_name=row[get["first_name"]] if "first_name" in get else "",
                    profession=row[get["profession"]],
                )
            if "skill" in get and row[get["skill"]]:
                person.skills.add(row[get["skill"]])
            person.activities.append(
                RppsActivity(
                    site_name=(row[get["site_name"]] if "site_name" in get else "")
                    or (row[get["brand"]] if "brand" in get else ""),
                    finess=row[get["finess"]] if "finess" in get else "",
                    siret=row[get["siret"]] if "siret" in get else "",
                    postal_code=postal_code,
                    commune_code=commune_code,
                    commune=row[get["commune"]] if "commune" in get else "",
                    mode=row[get["mode"]] if "mode" in get else "",
                    sector=row[get["sector"]] if "sector" in get else "",
                    role=row[get["role"]] if "role" in get else "",
                    phone=row[get["phone"]] if "phone" in get else "",
                    email=row[get["email"]] if "email" in get else "",
                )
            )
        if not lines:
            raise ImportFileError(
                f"Le fichier « {path.name} » ne contient que sa ligne d'en-tête : aucun professionnel "
                "à lire. Rien n'a été importé."
            )
        progress(total, total)
        return RppsScan(people, lines, kept)
    finally:
        handle.close()

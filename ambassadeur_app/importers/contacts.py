"""Read a contact list (e.g. the CPTS's member list) from ``.xlsx`` or ``.csv``.

Columns are matched by their header (case and accents ignored), and the user can change the
mapping; each line is checked on its own and the service matches it against the register.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ambassadeur_app.domain.register import (
    Civility,
    PracticeMode,
    Profession,
    Professional,
    Specialty,
    StructureType,
    normalize_rpps,
)
from ambassadeur_app.domain.text import fold, printable
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.importers.carnet import LineProblem
from ambassadeur_app.importers.tabular import Table, cell_text, note_cut, read_table, unreadable

FIELDS: dict[str, tuple[str, ...]] = {
    "last_name": ("Nom", "Nom d'exercice", "Nom de famille"),
    "first_name": ("Prénom", "Prénom d'exercice"),
    "profession": ("Profession", "Métier", "Fonction"),
    "civility": ("Civilité",),
    "rpps": ("RPPS", "N° RPPS", "Numéro RPPS", "Identifiant RPPS"),
    "practice_mode": ("Mode d'exercice", "Exercice"),
    "structure": ("Structure", "Lieu d'exercice", "Établissement"),
    "structure_type": ("Type de structure",),
    "commune": ("Commune", "Ville"),
    "postal_code": ("Code postal", "CP"),
    "email": ("E-mail", "Email", "Mail", "Courriel", "Adresse e-mail"),
    "phone": ("Téléphone", "Tél", "Portable"),
}
LABELS = {key: names[0] for key, names in FIELDS.items()}
REQUIRED = ("last_name", "profession")


@dataclass
class ContactLine:
    line: int
    professional: Professional | None = None
    structure: str = ""
    structure_type: StructureType = StructureType.AUTRE
    problems: list[LineProblem] = field(default_factory=list)


def guess_mapping(headers: list[str]) -> dict[str, int]:
    """Return field -> column index for the headers that look like a known field."""
    folded = [fold(h) for h in headers]
    mapping: dict[str, int] = {}
    for key, names in FIELDS.items():
        for name in names:
            if fold(name) in folded and folded.index(fold(name)) not in mapping.values():
                mapping[key] = folded.index(fold(name))
                break
    return mapping


def read_contact_table(path: Path) -> Table:
    return read_table(path)


def match_profession(text: str, professions: dict[str, Profession]) -> tuple[str, Specialty] | None:
    """Return the profession code (and physician specialty) a free text names, if any."""
    wanted = fold(text)
    if not wanted:
        return None
    if "medecin" in wanted or wanted == "mg":
        if "generaliste" in wanted or wanted == "mg":
            return "G15-10", Specialty.GENERAL
        return "G15-10", Specialty.OTHER if "specialiste" in wanted else Specialty.NONE
    for profession in professions.values():
        if wanted in (fold(profession.label), fold(profession.group)):
            return profession.code, Specialty.NONE
    for profession in professions.values():
        label = fold(profession.label)
        if profession.active and (wanted.startswith(label) or label.startswith(wanted) or wanted in label):
            return profession.code, Specialty.NONE
    return None


def parse_contacts(
    table: Table, mapping: dict[str, int], professions: dict[str, Profession]
) -> list[ContactLine]:
    """Check every line of a contact list on its own.

    Raises:
        InvalidInput: the mapping lacks the name or the profession column.
    """
    missing = [LABELS[key] for key in REQUIRED if key not in mapping]
    if missing:
        raise InvalidInput(f"Choisissez la colonne de : {', '.join(missing)}.")
    header = {key: table.headers[index] for key, index in mapping.items()}
    # A list names a few professions again and again: each text is matched once.
    profession_of = cache(lambda text: match_profession(text, professions))
    lines = []
    for number, values in table.rows:
        raw = {key: values[index] if index < len(values) else None for key, index in mapping.items()}
        lines.append(_parse(number, raw, header, profession_of, unreadable(table, number, raw)))
    if lines:
        note_cut(table, lines[-1].problems)
    return lines


def _parse(
    number: int,
    raw: dict[str, Any],
    header: dict[str, str],
    profession_of: Callable[[str], tuple[str, Specialty] | None],
    row_problems: list[tuple[str, str]],
) -> ContactLine:
    cells = {key: cell_text(value) for key, value in raw.items()}
    line = ContactLine(number, structure=cells.get("structure", ""))

    def problem(key: str, reason: str) -> None:
        column = header.get(key, LABELS.get(key, ""))
        line.problems.append(LineProblem(number, column, printable(cells.get(key, "")), reason))

    for key, reason in row_problems:
        problem(key, reason)
    if not cells.get("last_name"):
        problem("last_name", "Nom manquant")
    matched = profession_of(cells.get("profession", ""))
    if matched is None:
        problem(
            "profession", "Profession manquante" if not cells.get("profession") else "Profession inconnue"
        )
    try:
        rpps = normalize_rpps(cells.get("rpps", ""))
    except InvalidInput as exc:
        problem("rpps", exc.message.rstrip("."))
        rpps = ""
    if cells.get("structure_type"):
        try:
            line.structure_type = StructureType.parse(cells["structure_type"])  # type: ignore[assignment]
        except InvalidInput:
            problem("structure_type", "Type de structure inconnu")
    email = cells.get("email", "")
    if email and ("@" not in email or "." not in email.split("@")[-1]):
        problem("email", "Adresse e-mail invalide")
    if line.problems or matched is None:
        return line
    said = fold(cells.get("civility", "")).rstrip(".")
    civility = next(
        (c for c in Civility if c.value and said in (c.value, fold(c.label).rstrip("."))), Civility.NONE
    )
    practice = fold(cells.get("practice_mode", ""))
    mode = next(
        (m for m in PracticeMode if m.value and practice.startswith(m.value[:5])), PracticeMode.UNKNOWN
    )
    line.professional = Professional(
        last_name=cells["last_name"],
        first_name=cells.get("first_name", ""),
        profession_code=matched[0],
        specialty=matched[1],
        civility=civility,
        rpps=rpps,
        practice_mode=mode,
        commune=cells.get("commune", ""),
        postal_code=cells.get("postal_code", ""),
        email=email,
        phone=cells.get("phone", ""),
    )
    return line

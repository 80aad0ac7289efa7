"""Read the FINESS establishment extract (``etalab-cs1100507-stock-*.csv``).

Semicolon-separated, Latin-1, no header: a first line ``finess;etalab;…`` to skip, then
``structureet`` records (and ``geolocalisation`` records, ignored). Only the chosen département's
establishments of the categories the register uses are kept.

A truncated extract is refused, never read as a shorter one: every line must end with its line
break, except a last line that holds all the fields of its record (a file may lack the final line
break; a cut inside the last field of such a line loses nothing this reader uses).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ambassadeur_app.domain.register import StructureType
from ambassadeur_app.domain.text import printable
from ambassadeur_app.errors import ImportFileError, os_reason
from ambassadeur_app.importers.rpps import CHECK_EVERY
from ambassadeur_app.importers.tabular import decode_text, refuse_utf16
from ambassadeur_app.nomenclatures import finess_categories

STRUCTURE_FIELDS = 32  # a structureet record: record type, then 31 fields (etalab layout)
RECORD_FIELDS = {"structureet": STRUCTURE_FIELDS, "geolocalisation": 6}


@dataclass(frozen=True)
class FinessStructure:
    finess: str
    name: str
    type: StructureType
    category: str
    postal_code: str
    commune: str
    departement: str


def scan_finess(
    path: Path,
    departement: str,
    progress: Callable[[int, int], None] = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[FinessStructure] | None:
    """Return the kept establishments of the extract; ``None`` if cancelled.

    Raises:
        ImportFileError: missing file, wrong layout, separator or truncated file.
    """
    categories = finess_categories()
    try:
        total = path.stat().st_size
        handle = open(path, "rb")  # noqa: SIM115 - closed in the finally below
    except OSError as exc:
        raise ImportFileError(f"Le fichier « {path} » est illisible : {os_reason(exc)}.") from exc
    try:
        first_line = handle.readline()
        refuse_utf16(first_line, path)
        first = decode_text(first_line).lstrip("\ufeff")
        if not first.lower().startswith("finess;"):
            raise ImportFileError(
                f"« {path.name} » n'a pas la forme d'un extrait FINESS etalab (cs1100507) : la première "
                "ligne devrait commencer par « finess; » et les champs être séparés par des points-virgules."
            )
        if not first_line.endswith(b"\n"):
            raise ImportFileError(
                f"Le fichier « {path.name} » est tronqué : il s'arrête dans sa première ligne. "
                "Rien n'a été importé ; téléchargez de nouveau l'extrait."
            )
        kept: list[FinessStructure] = []
        read, number, records = len(first_line), 1, 0
        for raw in handle:
            number += 1
            read += len(raw)
            if number % CHECK_EVERY == 2:  # from the first record on
                if cancelled():
                    return None
                progress(read, total)
            fields = decode_text(raw).rstrip("\r\n").split(";")
            wanted = RECORD_FIELDS.get(fields[0])
            if not raw.endswith(b"\n") and (wanted is None or len(fields) < wanted):
                raise ImportFileError(
                    f"Le fichier « {path.name} » est tronqué : sa dernière ligne ({number}) est "
                    "incomplète. Rien n'a été importé ; téléchargez de nouveau l'extrait."
                )
            if fields[0] != "structureet":
                continue
            records += 1
            if len(fields) != STRUCTURE_FIELDS:
                # One field more or less and every field after it is read in the wrong place
                # (the département among them): the line would vanish without a word.
                raise ImportFileError(
                    f"Le fichier « {path.name} » est mal formé à la ligne {number} ({len(fields)} champs "
                    f"au lieu de {STRUCTURE_FIELDS}). Rien n'a été importé."
                )
            if fields[13] != departement or fields[18] not in categories:
                continue
            routing = printable(fields[15]).strip()
            postal_code, _, town = routing.partition(" ")
            kept.append(
                FinessStructure(
                    finess=fields[1],
                    name=printable(fields[4] or fields[3]).strip(),
                    type=categories[fields[18]][1],
                    category=categories[fields[18]][0],
                    postal_code=postal_code if postal_code.isdigit() else "",
                    commune=town.strip() if postal_code.isdigit() else routing,
                    departement=departement,
                )
            )
        if not records:
            raise ImportFileError(
                f"Le fichier « {path.name} » ne contient aucun établissement (aucune ligne "
                "« structureet »). Rien n'a été importé."
            )
        progress(total, total)
        return kept
    finally:
        handle.close()

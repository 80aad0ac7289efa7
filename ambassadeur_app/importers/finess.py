"""Read the FINESS establishment extract (``etalab-cs1100507-stock-*.csv``).

Semicolon-separated, Latin-1, no header: a first line ``finess;etalab;…`` to skip, then
``structureet`` records (and ``geolocalisation`` records, ignored). Only the chosen département's
establishments of the categories the register uses are kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ambassadeur_app.domain.register import StructureType
from ambassadeur_app.errors import ImportFileError
from ambassadeur_app.importers.rpps import CHECK_EVERY
from ambassadeur_app.importers.tabular import decode_text
from ambassadeur_app.nomenclatures import finess_categories

STRUCTURE_FIELDS = 32  # a structureet record: record type, then 31 fields (etalab layout)


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
        raise ImportFileError(f"Le fichier « {path} » est illisible : {exc.strerror or exc}.") from exc
    try:
        first = decode_text(handle.readline()).lstrip("\ufeff")
        if not first.lower().startswith("finess;"):
            raise ImportFileError(
                f"« {path.name} » n'a pas la forme d'un extrait FINESS etalab (cs1100507) : la première "
                "ligne devrait commencer par « finess; » et les champs être séparés par des points-virgules."
            )
        kept: list[FinessStructure] = []
        read, number = len(first), 1
        for raw in handle:
            number += 1
            read += len(raw)
            if number % CHECK_EVERY == 2:  # from the first record on
                if cancelled():
                    return None
                progress(read, total)
            line = decode_text(raw).rstrip("\r\n")
            if not line.startswith("structureet;"):
                continue
            fields = line.split(";")
            if len(fields) < STRUCTURE_FIELDS:
                problem = "est tronqué" if not raw.endswith(b"\n") else "est mal formé"
                raise ImportFileError(
                    f"Le fichier « {path.name} » {problem} à la ligne {number} ({len(fields)} champs au lieu "
                    f"de {STRUCTURE_FIELDS}). Rien n'a été importé."
                )
            if fields[13] != departement or fields[18] not in categories:
                continue
            routing = fields[15].strip()
            postal_code, _, town = routing.partition(" ")
            kept.append(
                FinessStructure(
                    finess=fields[1],
                    name=(fields[4] or fields[3]).strip(),
                    type=categories[fields[18]][1],
                    category=categories[fields[18]][0],
                    postal_code=postal_code if postal_code.isdigit() else "",
                    commune=town.strip() if postal_code.isdigit() else routing,
                    departement=departement,
                )
            )
        progress(total, total)
        return kept
    finally:
        handle.close()

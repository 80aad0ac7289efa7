"""The national code lists shipped with the app (``resources/nomenclatures``), read once."""

from __future__ import annotations

import csv
from functools import cache

from ambassadeur_app.domain.register import Profession, StructureType
from ambassadeur_app.paths import resource_dir

# Professions in the RPPS extract carry bare codes from several national lists.
_RPPS_SYSTEMS = {"71": "R95", "72": "R95", "73": "R95", "93": "R95"}
OTHER_PROFESSION = "APP-AUT"


def _rows(name: str) -> list[dict[str, str]]:
    with open(resource_dir() / "nomenclatures" / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


@cache
def professions() -> dict[str, Profession]:
    """Return the profession list by code (``G15-10`` Médecin...), in file order."""
    return {
        row["code"]: Profession(
            code=row["code"],
            label=row["libelle"],
            group=row["groupe"],
            system=row["systeme"],
            version=row["version"],
            active=row["statut"] == "actif",
        )
        for row in _rows("professions.csv")
    }


def profession_for_rpps(code: str) -> str:
    """Return our profession code for an RPPS ``Code profession`` (unknown codes: Autre)."""
    code = code.strip()
    system = _RPPS_SYSTEMS.get(code) or ("R94" if code.startswith("4") and code != "40" else "G15")
    candidate = f"{system}-{code}"
    return candidate if candidate in professions() else OTHER_PROFESSION


@cache
def finess_categories() -> dict[str, tuple[str, StructureType]]:
    """Return the kept FINESS categories: code -> (official label, structure type)."""
    return {
        row["code"]: (row["libelle"], StructureType(row["type"])) for row in _rows("finess_categories.csv")
    }

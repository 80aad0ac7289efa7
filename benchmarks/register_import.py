"""Importing a contact list (``ambassadeur import contacts``) of 2 000, 8 000 and 60 000 people.

Floor: a bare ``csv`` read of the same file, with one dict look-up per row (the least a reader
that matches each line against something does). Measured, app and floor runs alternated: the
preview and the apply of the import, in process, on a fresh copy of a set-up carnet with an empty
register. The time per line must stay flat from one size to the next (the import was quadratic:
each line compared with every earlier one).
Run: python benchmarks/register_import.py   (the lists are written once under BENCH_DIR)
"""

from __future__ import annotations

import csv
import shutil
from functools import partial
from pathlib import Path

from common import WORK, alternated, built_once, report

from ambassadeur_app.importers.contacts import guess_mapping
from ambassadeur_app.services import open_service

SIZES = (2_000, 8_000, 60_000)
PROFESSIONS = ["Infirmier", "Médecin généraliste", "Kinésithérapeute", "Pharmacien", "Sage-femme"]
TOWNS = ["Nancy", "Toul", "Lunéville", "Vandœuvre-lès-Nancy", "Pont-à-Mousson"]


def contact_list(rows: int) -> Path:
    """Return a list of ``rows`` distinct people (written once), a few of them repeated."""
    path = WORK / f"contacts-{rows}.csv"
    if not path.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        lines = ["Nom;Prénom;Profession;Commune;E-mail"]
        people = rows - rows // 50  # 2 % of the lines repeat an earlier one
        lines += [
            f"Nom{i % people};Prénom{i % people % 997};{PROFESSIONS[i % people % 5]};{TOWNS[i % 5]};p{i}@x.fr"
            for i in range(rows)
        ]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def import_list(carnet: Path, path: Path) -> None:
    with open_service(carnet) as service:
        imports = service.register_imports
        table = imports.contact_table(path)
        preview = imports.preview_contacts(table, guess_mapping(table.headers))
        imports.apply(preview)


def floor(path: Path) -> None:
    seen: dict[str, int] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter=";"):
            seen.setdefault(row[0], len(seen))


def main() -> None:
    empty = built_once("import-contacts-vide.ambassadeur", lambda service: None)
    carnet = WORK / "import-contacts.ambassadeur"

    def fresh() -> None:
        for old in WORK.glob("import-contacts.ambassadeur*"):
            if old.is_dir():
                shutil.rmtree(old)
            else:
                old.unlink()
        shutil.copy(empty, carnet)

    for rows in SIZES:
        path = contact_list(rows)
        app, bare = alternated(
            partial(import_list, carnet, path),
            partial(floor, path),
            repeat=3,
            before=fresh,
        )
        lines = f"{rows:,}".replace(",", " ")
        report(f"import contacts, {lines} lines", app, bare, "csv read + dict look-up")
        print(f"    {app / rows * 1e6:.0f} µs a line")


if __name__ == "__main__":
    main()

"""The batched RPPS import writes exactly the people, practice sites and undo record expected.

The expected rows are worked out here from the extract's text, line by line, with the rules of
the format (a plain split, the département of the commune code or else of the postal code, one
person per national identifier, one site per distinct activity): not by the import's code.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ambassadeur_app.domain.register import ParceoStatus, PracticeSite, Professional, Structure, StructureType
from ambassadeur_app.domain.text import MAX_TEXT_LENGTH, fold, title_name
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.importers.rpps import Territory
from ambassadeur_app.services import CarnetService
from ambassadeur_app.storage.professionals import folded_name_and_search
from tests.synthetic import RPPS_HEADER, write_rpps

COLUMN = {name: index for index, name in enumerate(RPPS_HEADER)}
PROFESSIONS = {"10": "G15-10", "60": "G15-60", "70": "G15-70", "21": "G15-21", "40": "G15-40"}
PROFESSIONS |= {"50": "G15-50", "91": "G15-91", "93": "R95-93"}
CH_TOUL = "540000239"
SITE_COLUMNS = (
    "site_name, finess_site, siret, postal_code, commune_code, commune, mode, sector, role, import_id, "
    "device_id, deleted_at"
)
PERSON_COLUMNS = (
    "civility, last_name, first_name, profession_code, specialty, rpps, practice_mode, commune, "
    "postal_code, email, phone, parceo_status, parceo_since, notes, search, name_key, import_id, "
    "device_id, deleted_at, anonymized_at"
)


def extract(tmp_path: Path) -> tuple[Path, list[list[str]]]:
    """Write an extract where some activities name the CH de Toul and one line is repeated."""
    path = write_rpps(tmp_path / "extrait.txt", 900, local_every=3)
    header, *lines = path.read_text(encoding="utf-8").splitlines()
    rows = [line.split("|") for line in lines]
    for number, row in enumerate(rows):
        if number % 7 == 0:
            row[COLUMN["Numéro FINESS site"]] = CH_TOUL
        if number % 11 == 0:
            row[COLUMN["Nom d'exercice"]] = "MAR\x07TIN"  # a control character: never stored
    rows.insert(5, list(rows[4]))
    path.write_text("\n".join([header, *("|".join(row) for row in rows)]) + "\n", encoding="utf-8")
    return path, rows


def in_54(row: list[str]) -> bool:
    commune, postal = (
        row[COLUMN["Code commune (coord. structure)"]],
        row[COLUMN["Code postal (coord. structure)"]],
    )
    return (commune or postal).startswith("54")


def expected_people(rows: list[list[str]]) -> dict[str, list[list[str]]]:
    people: dict[str, list[list[str]]] = {}
    for row in rows:
        if in_54(row):
            people.setdefault(row[COLUMN["Identification nationale PP"]], []).append(row)
    return people


def person_row(lines: list[list[str]], import_id: str, device_id: str) -> dict[str, Any]:
    first = lines[0]

    def cell(name: str, row: list[str] = first) -> str:
        return row[COLUMN[name]]

    profession = PROFESSIONS[cell("Code profession")]
    skills = {cell("Code savoir-faire", row) for row in lines}
    modes = {cell("Code mode exercice", row) for row in lines}
    last = cell("Nom d'exercice").replace("\x07", "").capitalize()
    given = cell("Prénom d'exercice").capitalize()
    commune = title_name(cell("Libellé commune (coord. structure)"))
    email = next((e for row in lines if (e := cell("Adresse e-mail (coord. structure)", row))), "")
    rpps = cell("Identifiant PP")
    return {
        "civility": "dr" if cell("Code civilité d'exercice") == "DR" else "",
        "last_name": last,
        "first_name": given,
        "profession_code": profession,
        "specialty": ("mg" if "SM54" in skills else "autre") if profession == "G15-10" else "",
        "rpps": rpps,
        "practice_mode": "mixte" if len(modes) == 2 else {"L": "liberal", "S": "salarie"}[modes.pop()],
        "commune": commune,
        "postal_code": cell("Code postal (coord. structure)"),
        "email": email,
        "phone": cell("Téléphone (coord. structure)"),
        "parceo_status": ParceoStatus.NONE.value,
        "parceo_since": None,
        "notes": "",
        "search": fold(f"{last} {given} {commune} {cell('Code postal (coord. structure)')} {rpps} {email}"),
        "name_key": fold(f"{last} {given}"),
        "import_id": import_id,
        "device_id": device_id,
        "deleted_at": None,
        "anonymized_at": None,
    }


def site_rows(lines: list[list[str]], import_id: str, device_id: str) -> list[dict[str, Any]]:
    sites: list[dict[str, Any]] = []
    for row in lines:
        site = {
            "site_name": row[COLUMN["Raison sociale site"]],
            "finess_site": row[COLUMN["Numéro FINESS site"]],
            "siret": row[COLUMN["Numéro SIRET site"]],
            "postal_code": row[COLUMN["Code postal (coord. structure)"]],
            "commune_code": row[COLUMN["Code commune (coord. structure)"]],
            "commune": title_name(row[COLUMN["Libellé commune (coord. structure)"]]),
            "mode": row[COLUMN["Code mode exercice"]],
            "sector": row[COLUMN["Code secteur d'activité"]],
            "role": row[COLUMN["Libellé rôle"]],
            "import_id": import_id,
            "device_id": device_id,
            "deleted_at": None,
        }
        if site not in sites:  # the repeated line is one site
            sites.append(site)
    return sites


def rows_of(service: CarnetService, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    return list(service.carnet.db.query(sql, params))


def test_the_batched_import_writes_the_expected_people_sites_and_undo_record(
    service: CarnetService, tmp_path: Path
) -> None:
    path, rows = extract(tmp_path)
    people = expected_people(rows)
    ch = service.register.save_structure(Structure("CH de Toul", StructureType.CH, finess=CH_TOUL))
    # A person already in the register, known by RPPS number, without a first name.
    known_national, known_lines = next(iter(people.items()))
    known_rpps = known_lines[0][COLUMN["Identifiant PP"]]
    known = service.register.save_professional(Professional("Ancien", "", "G15-10", rpps=known_rpps))
    before_known = rows_of(service, f"SELECT {PERSON_COLUMNS} FROM professionals WHERE id = ?", [known])[0]

    preview = service.register_imports.preview_rpps(path, Territory(departement="54"))
    assert preview is not None
    outcome = service.register_imports.apply(preview)
    device = service.carnet.device_id
    assert (outcome.created, outcome.updated) == (len(people) - 1, 1)

    new = rows_of(
        service,
        f"SELECT id, created_at, updated_at, {PERSON_COLUMNS} FROM professionals WHERE import_id = ? "
        "ORDER BY rowid",
        [outcome.import_id],
    )
    expected = [
        person_row(lines, outcome.import_id, device) for key, lines in people.items() if key != known_national
    ]
    assert [{k: row[k] for k in expected[0]} for row in new] == expected
    assert len({row["created_at"] for row in new}) == 1  # one batch, one timestamp
    assert all(row["created_at"] == row["updated_at"] for row in new)
    ids = {row["rpps"]: row["id"] for row in new} | {known_rpps: known}

    for lines in people.values():
        owner = ids[lines[0][COLUMN["Identifiant PP"]]]
        stored = rows_of(
            service,
            f"SELECT {SITE_COLUMNS} FROM professional_activities WHERE professional_id = ? ORDER BY rowid",
            [owner],
        )
        assert stored == site_rows(lines, outcome.import_id, device)
    total_sites = sum(len(site_rows(lines, "", "")) for lines in people.values())
    assert (
        service.carnet.db.execute("SELECT count(*) FROM professional_activities").fetchone()[0] == total_sites
    )

    # Linked to the CH de Toul: everyone with an activity there (the new people as they are
    # created); the undo record keeps one copy of the known person, filled in and linked at once.
    at_ch = {
        ids[lines[0][COLUMN["Identifiant PP"]]]
        for lines in people.values()
        if any(r[COLUMN["Numéro FINESS site"]] == CH_TOUL for r in lines)
    }
    linked = {
        row[0]
        for row in service.carnet.db.execute(
            "SELECT professional_id FROM professional_structures "
            "WHERE structure_id = ? AND deleted_at IS NULL",
            [ch],
        ).fetchall()
    }
    assert linked == at_ch
    changes = rows_of(
        service,
        "SELECT record_table, record_id, before FROM import_changes WHERE import_id = ? ORDER BY rowid",
        [outcome.import_id],
    )
    assert known in at_ch
    assert [c["record_id"] for c in changes] == [known]
    first_known = json.loads(changes[0]["before"])
    assert (first_known["last_name"], first_known["first_name"], first_known["structure_ids"]) == (
        "Ancien",
        "",
        [],
    )
    assert service.carnet.imports.all()[0].row_count == outcome.created + outcome.updated

    assert service.undo_import(outcome.import_id) == outcome.created + 1
    assert (
        rows_of(service, f"SELECT {PERSON_COLUMNS} FROM professionals WHERE id = ?", [known])[0]
        == before_known
    )
    assert service.register.professional_ids() == [known]
    live_sites = "SELECT count(*) FROM professional_activities WHERE deleted_at IS NULL"
    assert service.carnet.db.execute(live_sites).fetchone()[0] == 0
    assert service.register.professional(known).structure_ids == ()


def test_every_batched_value_is_cleaned_and_a_text_too_long_writes_nothing(service: CarnetService) -> None:
    people = [Professional("Du\x0brand", "Pa\u200bul", "G15-60"), Professional("Petit", "Léa\x1c", "G15-70")]
    with service.carnet.write():
        ids = service.carnet.professionals.add_many(people)
        service.carnet.practice_sites.add_many([(ids[0], PracticeSite("", "CABINET\x07 DU PARC"))])
    assert [service.register.professional(i).full_name for i in ids] == ["Paul Durand", "Léa Petit"]
    assert [s.site_name for s in service.carnet.practice_sites.of(ids[0])] == ["CABINET DU PARC"]
    too_long = [Professional("Martin", "Luc", "G15-60"), Professional("Robert", "x" * (MAX_TEXT_LENGTH + 1))]
    with pytest.raises(InvalidInput, match="trop long"), service.carnet.write():
        service.carnet.professionals.add_many(too_long)
    assert sorted(service.register.professional_ids()) == sorted(ids)


texts = st.text(st.sampled_from("aZé\u0301œÆ’ \t\u00a0ßﬁǅΣ-'0"), max_size=6)


@given(texts, texts, texts, texts, texts, texts)
def test_the_search_text_is_the_fold_of_all_its_parts(
    last: str, first: str, commune: str, postal: str, rpps: str, email: str
) -> None:
    person = Professional(last, first, commune=commune, postal_code=postal, rpps=rpps, email=email)
    name_key, search = folded_name_and_search(person)
    assert name_key == fold(f"{last} {first}")
    assert search == fold(" ".join((last, first, commune, postal, rpps, email)))

"""Imports never merge two people, never double one, and are undone exactly.

The same person: the same RPPS or ADELI number, else the same name, profession and commune when
the two records do not both carry a national identifier that differs.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ambassadeur_app import paths
from ambassadeur_app.domain.register import Professional, Structure, StructureType
from ambassadeur_app.domain.text import MAX_TEXT_LENGTH
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.importers.carnet import LineProblem
from ambassadeur_app.importers.contacts import guess_mapping
from ambassadeur_app.importers.rpps import Territory
from ambassadeur_app.services import CarnetService
from ambassadeur_app.storage import records
from tests.synthetic import RPPS_HEADER, luhn_digit
from tests.unit.test_cli import run
from tests.unit.test_register_imports import dump

CH = "540000239"
FINESS = paths.resource_dir() / "exemples" / "etalab-cs1100507-stock-exemple.csv"


def rpps(stem: str) -> str:
    return stem + luhn_digit(stem)


ANNE_A, ANNE_B = rpps("1000000100"), rpps("1000000101")


RPPS_COLUMNS = {
    "kind": "Type d'identifiant PP",
    "id": "Identifiant PP",
    "national": "Identification nationale PP",
    "last": "Nom d'exercice",
    "first": "Prénom d'exercice",
    "profession": "Code profession",
    "site": "Raison sociale site",
    "finess": "Numéro FINESS site",
    "email": "Adresse e-mail (coord. structure)",
    "postal": "Code postal (coord. structure)",
    "commune": "Code commune (coord. structure)",
}


def line(**cells: str) -> str:
    """Return an extract line: a nurse practising in Nancy, with ``cells`` (column: value)."""
    values = {
        "Type d'identifiant PP": "8",
        "Nom d'exercice": "MARTIN",
        "Prénom d'exercice": "Anne",
        "Code profession": "60",
        "Code mode exercice": "L",
        "Raison sociale site": "CABINET",
        "Code postal (coord. structure)": "54000",
        "Code commune (coord. structure)": "54395",
        "Libellé commune (coord. structure)": "NANCY",
    }
    values |= {RPPS_COLUMNS.get(key, key): value for key, value in cells.items()}
    if "Identification nationale PP" not in values:
        values["Identification nationale PP"] = values["Type d'identifiant PP"] + values.get(
            "Identifiant PP", ""
        )
    return "|".join(values.get(name, "") for name in RPPS_HEADER) + "|"


def extract(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(["|".join(RPPS_HEADER) + "|", *lines]) + "\n", encoding="utf-8")
    return path


def import_rpps(service: CarnetService, path: Path, territory: Territory | None = None) -> str:
    preview = service.register_imports.preview_rpps(path, territory or Territory(departement="54"))
    assert preview is not None
    return service.register_imports.apply(preview).import_id


def people(service: CarnetService) -> list[tuple[str, str, str, str, list[str]]]:
    """Return each live person: name, RPPS, ADELI, e-mail and practice sites."""
    register = service.register
    return sorted(
        (
            p.sort_name,
            p.rpps,
            p.adeli,
            p.email,
            sorted(s.site_name for s in service.carnet.practice_sites.of(p.id)),
        )
        for p in register.professionals(register.professional_ids()).values()
    )


def live(service: CarnetService) -> dict[str, list[tuple[object, ...]]]:
    """Return the live rows of the register's tables, all columns but ``updated_at``."""
    found = {}
    for table in ("professionals", "professional_structures", "structures", "professional_activities"):
        columns = [row[1] for row in service.carnet.db.execute(f"PRAGMA table_info({table})")]
        kept = ", ".join(column for column in columns if column != "updated_at")
        sql = f"SELECT {kept} FROM {table} WHERE deleted_at IS NULL ORDER BY rowid"
        found[table] = service.carnet.db.execute(sql).fetchall()
    return found


# --- 1. undo ------------------------------------------------------------------------------------


def test_undo_restores_a_person_filled_in_and_linked_within_one_millisecond(
    service: CarnetService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service.register.save_structure(Structure("CH de Nancy", StructureType.CH, finess=CH))
    service.register.save_professional(Professional("Martin", "Anne", "G15-60", rpps=ANNE_A))
    before = live(service)
    # Every write of the import in the same millisecond: copies saved for the undo tie.
    monkeypatch.setattr(records, "utc_now_iso", lambda: "2024-11-15T10:00:00.000Z")
    path = extract(tmp_path / "a.txt", line(id=ANNE_A, email="anne@example.org", finess=CH))
    import_id = import_rpps(service, path)
    assert people(service) == [("Martin Anne", ANNE_A, "", "anne@example.org", ["CABINET"])]
    (anne,) = service.register.professionals(service.register.professional_ids()).values()
    assert len(anne.structure_ids) == 1
    service.undo_import(import_id)
    assert live(service) == before
    assert people(service) == [("Martin Anne", ANNE_A, "", "", [])]


def test_undo_puts_back_the_first_copy_kept_of_a_record(
    service: CarnetService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A carnet may hold two copies of a record for one import, saved in the same millisecond."""
    monkeypatch.setattr(records, "utc_now_iso", lambda: "2024-11-15T10:00:00.000Z")
    with service.carnet.write():
        import_id = service.carnet.imports.add("rpps", "a.txt", 1)
        changes = service.carnet.import_changes
        changes.record(import_id, "professionals", "p1", {"email": ""})
        changes.record(import_id, "structures", "s1", {"notes": "avant"})
        changes.record(import_id, "professionals", "p1", {"email": "anne@example.org"})
    assert changes.of(import_id) == [
        ("professionals", "p1", {"email": ""}),
        ("structures", "s1", {"notes": "avant"}),
    ]


def test_imports_that_touched_the_same_people_are_undone_newest_first(
    service: CarnetService, tmp_path: Path
) -> None:
    first = import_rpps(service, extract(tmp_path / "a.txt", line(id=ANNE_A, site="CABINET A")))
    second = import_rpps(
        service, extract(tmp_path / "b.txt", line(id=ANNE_A, site="CABINET B", email="anne@example.org"))
    )
    completed = people(service)
    assert completed == [("Martin Anne", ANNE_A, "", "anne@example.org", ["CABINET A", "CABINET B"])]
    with pytest.raises(InvalidInput, match=r"L'import de « b\.txt », fait après celui-ci, a complété"):
        service.undo_import(first)
    assert people(service) == completed  # refused: nothing changed
    service.undo_import(second)
    assert people(service) == [("Martin Anne", ANNE_A, "", "", ["CABINET A"])]
    service.undo_import(first)
    assert people(service) == []
    assert service.carnet.db.execute(
        "SELECT count(*) FROM professional_activities WHERE deleted_at IS NULL"
    ).fetchone() == (0,)


# --- 2. namesakes with national identifiers ----------------------------------------------------


def test_namesakes_with_two_rpps_numbers_stay_two_people(service: CarnetService, tmp_path: Path) -> None:
    service.register.save_professional(Professional("Martin", "Anne", "G15-60", commune="Nancy", rpps=ANNE_A))
    preview = service.register_imports.preview_rpps(
        extract(tmp_path / "b.txt", line(id=ANNE_B, site="CABINET B")), Territory(departement="54")
    )
    assert preview is not None
    assert (preview.new, preview.completed) == (1, 0)
    service.register_imports.apply(preview)
    assert people(service) == [
        ("Martin Anne", ANNE_A, "", "", []),
        ("Martin Anne", ANNE_B, "", "", ["CABINET B"]),
    ]


def test_a_record_without_rpps_is_completed_by_its_first_namesake_only(
    service: CarnetService, tmp_path: Path
) -> None:
    service.register.save_professional(Professional("Martin", "Anne", "G15-60", commune="Nancy"))
    path = extract(tmp_path / "ab.txt", line(id=ANNE_A, site="CABINET A"), line(id=ANNE_B, site="CABINET B"))
    import_id = import_rpps(service, path)
    assert people(service) == [
        ("Martin Anne", ANNE_A, "", "", ["CABINET A"]),
        ("Martin Anne", ANNE_B, "", "", ["CABINET B"]),
    ]
    service.undo_import(import_id)
    assert people(service) == [("Martin Anne", "", "", "", [])]


def test_contact_lines_of_namesakes_with_two_rpps_numbers_are_two_people(
    service: CarnetService, tmp_path: Path
) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text(
        f"Nom;Prénom;Profession;Commune;RPPS\nMartin;Anne;Infirmier;Nancy;{ANNE_A}\nMartin;Anne;Infirmier;Nancy;{ANNE_B}\n"
        f"Martin;Anne;Infirmier;Nancy;{ANNE_B}\n",
        encoding="utf-8",
    )
    imports = service.register_imports
    table = imports.contact_table(path)
    preview = imports.preview_contacts(table, guess_mapping(table.headers))
    assert (preview.new, preview.repeated_lines) == (2, [4])
    imports.apply(preview)
    assert [(name, number) for name, number, *_ in people(service)] == [
        ("Martin Anne", ANNE_A),
        ("Martin Anne", ANNE_B),
    ]


# --- 3. ADELI ------------------------------------------------------------------------------------


def test_adeli_namesakes_stay_apart_and_a_second_import_changes_nothing(
    service: CarnetService, tmp_path: Path
) -> None:
    kine = {"kind": "0", "last": "BERNARD", "first": "Paul", "profession": "70"}
    path = extract(
        tmp_path / "adeli.txt",
        line(id="541234567", site="KINE A", **kine),
        line(id="541234568", site="KINE B", **kine),
    )
    import_rpps(service, path)
    assert people(service) == [
        ("Bernard Paul", "", "541234567", "", ["KINE A"]),
        ("Bernard Paul", "", "541234568", "", ["KINE B"]),
    ]
    before = dump(service)
    again = service.register_imports.preview_rpps(path, Territory(departement="54"))
    assert again is not None
    assert again.summary() == "0 nouveau professionnel, 0 fiche existante complétée, 2 fiches déjà à jour."
    with pytest.raises(InvalidInput, match="2 fiches déjà à jour"):
        service.register_imports.apply(again)
    assert dump(service) == before


def test_an_erased_person_keeps_no_adeli_number(service: CarnetService, tmp_path: Path) -> None:
    import_rpps(service, extract(tmp_path / "adeli.txt", line(kind="0", id="541234567", profession="70")))
    (person,) = service.register.professional_ids()
    service.carnet.professionals.anonymize(person)
    row = service.carnet.db.execute("SELECT adeli FROM professionals WHERE id = ?", [person]).fetchone()
    assert row == ("",)


# --- 4. lines without national identification ---------------------------------------------------


def test_lines_without_national_identification_are_told_apart_by_type_and_identifier(
    service: CarnetService, tmp_path: Path
) -> None:
    path = extract(
        tmp_path / "sans.txt",
        line(id=ANNE_A, national="", site="CABINET A"),
        line(id=ANNE_B, national="", last="DURAND", site="CABINET B"),
        line(id=ANNE_A, site="CABINET C"),  # the first one, with her national identification
        line(kind="", id="", national="", last="PETIT", site="CABINET D"),
    )
    preview = service.register_imports.preview_rpps(path, Territory(departement="54"))
    assert preview is not None
    assert preview.problems == [LineProblem(5, "Identifiant PP", "", "identifiant du professionnel manquant")]
    with pytest.raises(InvalidInput, match="1 ligne invalide"):
        service.register_imports.apply(preview)
    service.register_imports.apply(preview, skip_invalid=True)
    assert people(service) == [
        ("Durand Anne", ANNE_B, "", "", ["CABINET B"]),
        ("Martin Anne", ANNE_A, "", "", ["CABINET A", "CABINET C"]),
    ]


# --- 5. texts too long ---------------------------------------------------------------------------


def test_a_text_too_long_is_an_invalid_line_naming_its_line_and_column(
    service: CarnetService, tmp_path: Path
) -> None:
    long = "X" * (MAX_TEXT_LENGTH + 1)
    path = extract(tmp_path / "long.txt", line(id=ANNE_A), line(id=ANNE_B, last="DURAND", site=long))
    preview = service.register_imports.preview_rpps(path, Territory(departement="54"))
    assert preview is not None
    reason = "texte trop long (20\u00a0001 caractères ; 20\u00a0000 au plus)"
    assert preview.problems == [LineProblem(3, "Raison sociale site", "X" * 30 + "…", reason)]
    assert str(preview.problems[0]).startswith("ligne 3, colonne Raison sociale site « XXX")
    assert preview.summary() == "1 nouveau professionnel, 0 fiche existante complétée, 1 ligne invalide."
    with pytest.raises(InvalidInput, match=r"1 ligne invalide dans « long\.txt »"):
        service.register_imports.apply(preview)
    assert service.register.professional_ids() == []
    service.register_imports.apply(preview, skip_invalid=True)
    assert people(service) == [("Martin Anne", ANNE_A, "", "", ["CABINET"])]


# --- 6. territory ---------------------------------------------------------------------------------


def test_typed_codes_lose_their_spaces_and_get_their_leading_zero() -> None:
    assert Territory(departement=" 1 ").departement == "01"
    assert Territory(departement="2a").departement == "2A"
    assert Territory(communes=frozenset({" 1053", "2a004 ", " "})).communes == {"01053", "2A004"}
    assert Territory(postal_codes=frozenset({"1000 ", "54000"})).postal_codes == {"01000", "54000"}


def test_codes_of_the_extract_are_read_without_spaces(service: CarnetService, tmp_path: Path) -> None:
    path = extract(
        tmp_path / "ain.txt",
        line(id=ANNE_A, postal=" 01000", commune="01053 "),
        line(id=ANNE_B, last="DURAND", postal="01000\t", commune=""),
    )
    import_rpps(service, path, Territory(communes=frozenset({"1053"})))
    import_rpps(service, path, Territory(postal_codes=frozenset({" 1000"})))
    sites = service.carnet.db.execute(
        "SELECT postal_code, commune_code FROM professional_activities ORDER BY rowid"
    ).fetchall()
    assert sites == [("01000", "01053"), ("01000", "")]
    assert [(name, number) for name, number, *_ in people(service)] == [
        ("Durand Anne", ANNE_B),
        ("Martin Anne", ANNE_A),
    ]


def test_the_command_line_reads_a_departement_typed_with_spaces(private_home: Path, tmp_path: Path) -> None:
    carnet = tmp_path / "cli.ambassadeur"
    init = ("init", "--cpts", "CPTS", "--departement", " 54 ", "--debut", "2024-09-01")
    assert run("--carnet", carnet, *init, home=private_home).returncode == 0
    path = extract(tmp_path / "a.txt", line(id=ANNE_A))
    done = run("--carnet", carnet, "import", "rpps", path, "--departement", " 54 ", home=private_home)
    assert done.stdout.startswith("1 nouveau professionnel, 0 fiche existante complétée."), done.stderr
    finess = run("--carnet", carnet, "import", "finess", FINESS, "--departement", " 54 ", home=private_home)
    assert finess.stdout.startswith("5 nouvelles structures"), finess.stderr


def test_the_command_line_skips_invalid_extract_lines_only_when_asked(
    private_home: Path, tmp_path: Path
) -> None:
    carnet = tmp_path / "cli.ambassadeur"
    init = ("init", "--cpts", "CPTS", "--departement", "54", "--debut", "2024-09-01")
    assert run("--carnet", carnet, *init, home=private_home).returncode == 0
    long = "X" * (MAX_TEXT_LENGTH + 1)
    path = extract(tmp_path / "long.txt", line(id=ANNE_A), line(id=ANNE_B, last="DURAND", site=long))
    refused = run("--carnet", carnet, "import", "rpps", path, "--departement", "54", home=private_home)
    assert refused.returncode == 1
    assert "ligne 3, colonne Raison sociale site" in refused.stdout + refused.stderr
    args = ("import", "rpps", path, "--departement", "54", "--ignorer-invalides")
    done = run("--carnet", carnet, *args, home=private_home)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("1 nouveau professionnel"), done.stdout


# --- 7. summaries ---------------------------------------------------------------------------------


def test_a_re_import_counts_only_the_records_it_changes(service: CarnetService, tmp_path: Path) -> None:
    path = extract(
        tmp_path / "trois.txt",
        line(id=ANNE_A, email="anne@example.org"),
        line(id=ANNE_B, last="DURAND"),
        line(id=rpps("1000000102"), last="PETIT"),
    )
    import_rpps(service, path)
    register = service.register
    martin = next(p for p in register.professionals(register.professional_ids()).values() if p.rpps == ANNE_A)
    with service.carnet.write():  # her e-mail erased by hand: the extract gives it back
        service.carnet.professionals.update(replace(martin, email=""))
    again = service.register_imports.preview_rpps(path, Territory(departement="54"))
    assert again is not None
    assert again.summary() == ("0 nouveau professionnel, 1 fiche existante complétée, 2 fiches déjà à jour.")
    outcome = service.register_imports.apply(again)
    assert (outcome.created, outcome.updated) == (0, 1)
    assert service.carnet.imports.all()[0].row_count == 1


def test_a_finess_extract_imported_again_changes_nothing(service: CarnetService) -> None:
    imports = service.register_imports
    first = imports.preview_finess(FINESS, "54")
    assert first is not None
    imports.apply(first)
    before = dump(service)
    again = imports.preview_finess(FINESS, "54")
    assert again is not None
    assert again.summary() == "0 nouvelle structure, 0 fiche existante complétée, 5 fiches déjà à jour."
    with pytest.raises(InvalidInput, match="5 fiches déjà à jour"):
        imports.apply(again)
    assert dump(service) == before

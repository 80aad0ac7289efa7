from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from ambassadeur_app import paths
from ambassadeur_app.domain.register import (
    PracticeMode,
    Professional,
    RegisterFilter,
    Specialty,
    Structure,
    StructureType,
)
from ambassadeur_app.errors import ImportFileError, InvalidInput
from ambassadeur_app.importers.contacts import guess_mapping
from ambassadeur_app.importers.rpps import Territory
from ambassadeur_app.services import CarnetService
from tests.synthetic import RPPS_HEADER, write_rpps

EXAMPLES = paths.resource_dir() / "exemples"
RPPS = EXAMPLES / "PS_LibreAcces_Personne_activite_exemple.txt"
FINESS = EXAMPLES / "etalab-cs1100507-stock-exemple.csv"
CONTACTS = EXAMPLES / "liste-contacts.xlsx"


def dump(service: CarnetService) -> dict[str, list[tuple[object, ...]]]:
    """Return every row of the register's tables and of the imports' records."""
    tables = ("professionals", "professional_activities", "professional_structures", "structures")
    tables += ("imports", "import_changes")
    return {t: service.carnet.db.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}


def names(service: CarnetService) -> list[str]:
    register = service.register
    return sorted(p.full_name for p in register.professionals(register.professional_ids()).values())


def test_rpps_extract_keeps_the_territory_one_person_per_identifier(service: CarnetService) -> None:
    imports = service.register_imports
    preview = imports.preview_rpps(RPPS, Territory(departement="54"))
    assert preview is not None
    assert preview.read_lines == 14
    assert preview.new == 10  # 11 lines in 54, Sophie Martin twice; Moreau has no place
    outcome = imports.apply(preview)
    assert (outcome.created, outcome.updated) == (10, 0)
    register = service.register
    (martin,) = register.professionals(
        register.professional_ids(RegisterFilter(text="sophie martin"))
    ).values()
    assert martin.full_name == "Dr Sophie Martin"
    assert martin.specialty is Specialty.GENERAL
    assert martin.practice_mode is PracticeMode.MIXTE  # libéral and salarié activities
    assert [s.site_name for s in service.carnet.practice_sites.of(martin.id)] == [
        "CABINET MEDICAL DU PARC",
        "MAISON DE SANTE DES PROVINCES",
    ]
    (psy,) = register.professional_ids(RegisterFilter(text="laurent"))
    assert register.professional(psy).profession_code == "R95-93"  # département from the postal code
    (cardio,) = register.professionals(register.professional_ids(RegisterFilter(text="bernard"))).values()
    assert cardio.specialty is Specialty.OTHER
    again = imports.preview_rpps(RPPS, Territory(departement="54"))
    assert again is not None
    assert (again.new, len(again.matched)) == (0, 10)  # matched on the RPPS number, not doubled
    # Imported again: nothing to change, and said so; nothing written (not even an import).
    assert again.summary() == ("0 nouveau professionnel, 0 fiche existante complétée, 10 fiches déjà à jour.")
    before = dump(service)
    with pytest.raises(InvalidInput, match=r"Rien à importer .* : 10 fiches déjà à jour dans le registre"):
        imports.apply(again)
    assert dump(service) == before


def test_personal_data_lists_practice_sites_until_erased(service: CarnetService, tmp_path: Path) -> None:
    imports = service.register_imports
    preview = imports.preview_rpps(RPPS, Territory(departement="54"))
    assert preview is not None
    imports.apply(preview)
    register = service.register
    (martin,) = register.professional_ids(RegisterFilter(text="sophie martin"))
    sheet = openpyxl.load_workbook(register.personal_data(martin, tmp_path / "acces.xlsx"))[
        "Lieux d'exercice (extrait RPPS)"
    ]
    sites = [row[0] for row in sheet.iter_rows(values_only=True) if str(row[0]).startswith(("CAB", "MAI"))]
    assert sites == [
        "CABINET MEDICAL DU PARC — Nancy (54000), libéral, titulaire de cabinet",
        "MAISON DE SANTE DES PROVINCES — Laxou (54520), salarié",
    ]
    text = "".join(
        page.extract_text() for page in PdfReader(register.personal_data(martin, tmp_path / "a.pdf")).pages
    )
    assert "MAISON DE SANTE DES PROVINCES" in text
    register.erase_professional(martin)
    assert register.practice_sites(martin) == []


def test_rpps_filters_by_communes_or_postal_codes(service: CarnetService) -> None:
    imports = service.register_imports
    by_commune = imports.preview_rpps(RPPS, Territory(communes=frozenset({"54528"})))
    assert by_commune is not None
    assert sorted(p.last_name for p in by_commune.professionals) == ["Bernard", "Richard"]
    by_postal = imports.preview_rpps(RPPS, Territory(postal_codes=frozenset({"54110", "54300"})))
    assert by_postal is not None
    assert sorted(p.last_name for p in by_postal.professionals) == ["Laurent", "Robert"]
    with pytest.raises(ImportFileError, match="Indiquez les communes"):
        Territory()


def test_rpps_links_activities_to_known_structures(service: CarnetService) -> None:
    ch = service.register.save_structure(Structure("CH de Toul", StructureType.CH, finess="540000239"))
    preview = service.register_imports.preview_rpps(RPPS, Territory(communes=frozenset({"54528"})))
    assert preview is not None
    service.register_imports.apply(preview)
    (cardio,) = service.register.professional_ids(RegisterFilter(text="bernard"))
    assert service.register.professional(cardio).structure_ids == (ch,)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "est tronqué"),
        (b"a;b;c\n1;2;3\n", "n'a pas la forme d'un extrait RPPS"),
        (b"", "est vide"),
        (RPPS.read_bytes()[:1500], "s'arrête dans sa ligne d'en-tête"),
        (RPPS.read_bytes().splitlines(keepends=True)[0], "ne contient que sa ligne d'en-tête"),
    ],
)
def test_bad_rpps_files_change_nothing(
    service: CarnetService, tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "rpps.txt"
    if content is None:
        full = RPPS.read_bytes()
        path.write_bytes(full[: len(full) - 300])  # cut inside the last line
    else:
        path.write_bytes(content)
    with pytest.raises(ImportFileError, match=message):
        service.register_imports.preview_rpps(path, Territory(departement="54"))
    assert service.register.professional_ids() == []


def test_rpps_wrong_separator_and_latin1_encoding(service: CarnetService, tmp_path: Path) -> None:
    semicolons = tmp_path / "semicolons.txt"
    semicolons.write_text(RPPS.read_text(encoding="utf-8").replace("|", ";"), encoding="utf-8")
    with pytest.raises(ImportFileError, match=r"séparateur \| attendu"):
        service.register_imports.preview_rpps(semicolons, Territory(departement="54"))
    latin = tmp_path / "latin.txt"
    latin.write_bytes(RPPS.read_text(encoding="utf-8").encode("cp1252"))
    preview = service.register_imports.preview_rpps(latin, Territory(departement="54"))
    assert preview is not None
    assert "Léa" in [p.first_name for p in preview.professionals]


def test_rpps_scan_can_be_cancelled_and_reports_progress(service: CarnetService, tmp_path: Path) -> None:
    big = write_rpps(tmp_path / "big.txt", 50_000)
    seen: list[tuple[int, int]] = []
    preview = service.register_imports.preview_rpps(
        big, Territory(departement="54"), lambda done, total: seen.append((done, total))
    )
    assert preview is not None
    assert seen[-1][0] == seen[-1][1] == big.stat().st_size
    assert len(seen) > 2
    assert (
        service.register_imports.preview_rpps(big, Territory(departement="54"), cancelled=lambda: True)
        is None
    )
    assert len(RPPS_HEADER) == 56


def test_finess_extract_keeps_the_departement_s_categories(service: CarnetService, tmp_path: Path) -> None:
    existing = service.register.save_structure(
        Structure("Centre de santé de Lunéville", StructureType.CDS, commune="Lunéville")
    )
    imports = service.register_imports
    preview = imports.preview_finess(FINESS, "54")
    assert preview is not None
    assert sorted(s.type.value for s in preview.structures) == ["cds", "ch", "ehpad", "msp", "pharmacie"]
    assert len(preview.matched) == 1
    outcome = imports.apply(preview)
    assert (outcome.created, outcome.updated) == (4, 1)
    assert service.register.structure(existing).finess == "540013000"
    ch = service.carnet.structures.by_finess("540000239")
    assert ch is not None
    assert service.register.structure(ch).name == "Centre Hospitalier de Toul"
    assert service.register.structure(ch).commune == "Toul"
    utf8 = tmp_path / "utf8.csv"
    utf8.write_text(FINESS.read_bytes().decode("latin-1"), encoding="utf-8")
    again = imports.preview_finess(utf8, "54")
    assert again is not None
    assert again.new == 0
    assert {s.notes for s in again.structures} >= {"FINESS : Centre Hospitalier (C.H.)"}
    truncated = tmp_path / "cut.csv"
    truncated.write_bytes(FINESS.read_bytes()[:400])
    with pytest.raises(ImportFileError, match="tronqué"):
        imports.preview_finess(truncated, "54")
    wrong = tmp_path / "wrong.csv"
    wrong.write_bytes(FINESS.read_bytes().replace(b";", b","))
    with pytest.raises(ImportFileError, match="extrait FINESS"):
        imports.preview_finess(wrong, "54")


def test_contact_list_maps_matches_and_undoes(service: CarnetService) -> None:
    register = service.register
    thomas = register.save_professional(
        Professional("Thomas", "Claire", "G15-60", commune="Villers-lès-Nancy")
    )
    imports = service.register_imports
    table = imports.contact_table(CONTACTS)
    mapping = guess_mapping(table.headers)
    assert set(mapping) == {
        "civility",
        "last_name",
        "first_name",
        "profession",
        "structure",
        "structure_type",
        "commune",
        "postal_code",
        "email",
        "phone",
        "rpps",
    }
    preview = imports.preview_contacts(table, mapping)
    assert preview.invalid_lines == 0
    assert (preview.new, len(preview.matched)) == (5, 1)  # Claire Thomas is already known
    professions = sorted(p.profession_code for p in preview.professionals)
    assert professions == ["APP-SEC", "G15-10", "G15-21", "G15-50", "G15-60", "G15-70"]
    outcome = imports.apply(preview)
    assert (outcome.created, outcome.updated) == (5, 1)
    assert register.professional(thomas).structure_ids  # linked to her cabinet
    msp = service.carnet.structures.by_name("MSP des Provinces")
    assert len(msp) == 1
    assert len(service.carnet.professionals.professionals_of(msp[0])) == 3
    assert service.undo_import(outcome.import_id) == 5 + 3 + 1
    assert names(service) == ["Claire Thomas"]
    assert register.professional(thomas).structure_ids == ()
    assert register.structure_ids() == []


def test_contact_list_invalid_lines(service: CarnetService, tmp_path: Path) -> None:
    path = tmp_path / "contacts.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Nom", "Prénom", "Profession", "RPPS", "E-mail"])
    sheet.append(["Durand", "Paul", "Infirmier", "", ""])
    sheet.append(["", "Sans nom", "Infirmier", "", ""])
    sheet.append(["Astro", "Naute", "Astronaute", "", ""])
    sheet.append(["Faux", "Rpps", "Médecin", "12345678901", ""])
    sheet.append(["Mail", "Faux", "Médecin", "", "pas-un-mail"])
    workbook.save(path)
    imports = service.register_imports
    table = imports.contact_table(path)
    preview = imports.preview_contacts(table, guess_mapping(table.headers))
    reasons = {(p.line, p.column): p.reason for p in preview.problems}
    assert reasons[(3, "Nom")] == "Nom manquant"
    assert reasons[(4, "Profession")] == "Profession inconnue"
    assert "clé de contrôle" in reasons[(5, "RPPS")]
    assert reasons[(6, "E-mail")] == "Adresse e-mail invalide"
    with pytest.raises(InvalidInput, match="4 lignes invalides"):
        imports.apply(preview)
    assert imports.apply(preview, skip_invalid=True).created == 1
    with pytest.raises(InvalidInput, match="Choisissez la colonne de : Profession"):
        imports.preview_contacts(table, {"last_name": 0})

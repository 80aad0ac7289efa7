"""What the conflicts and the merge summary say, read as a user reads them: every record and
every field named in French, the same professional imported on both laptops recognised as one
(no conflict about the imports' ids), values in words (lists' labels, euros, dates)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from ambassadeur_app import paths
from ambassadeur_app.cli import main
from ambassadeur_app.domain.model import Ambassador, Role
from ambassadeur_app.domain.register import ParceoStatus, Professional, RegisterFilter
from ambassadeur_app.services import open_service
from ambassadeur_app.services.sync import (
    _COLUMN_NAMES,
    TABLE_NAMES,
    TECHNICAL_COLUMNS,
    _label,
    merge_lines,
    technical,
)
from ambassadeur_app.sync.capture import META_COLUMNS, SYNCED_TABLES, columns_of
from ambassadeur_app.sync.merge import MATCHED, Merged
from tests.conftest import PROGRAMME, TODAY
from tests.sync.conftest import PHRASE, Binome, contents, everyone_syncs

RPPS_EXTRACT = paths.resource_dir() / "exemples" / "PS_LibreAcces_Personne_activite_exemple.txt"


def schema(tmp_path: Path) -> dict[str, list[str]]:
    """The columns of every synced table a user may see (not the stamps every change writes)."""
    with open_service(tmp_path / "schema.ambassadeur", create=True) as service:
        db = service.carnet.db
        return {table: [c for c in columns_of(db, table) if c not in META_COLUMNS] for table in SYNCED_TABLES}


def test_every_synced_table_has_its_names_in_french() -> None:
    assert set(TABLE_NAMES) == set(SYNCED_TABLES)  # a new synced table cannot fall back silently
    assert {table for table, _, _ in MATCHED} <= set(TABLE_NAMES)
    for table, (one, several) in TABLE_NAMES.items():
        for name in (one, several):
            assert re.fullmatch(r"[^\W\d_]+([ '’–-]+[^\W\d_]+)*", name), table  # words, not a table's name
            assert "enquête" not in name  # the window says « questionnaire »


def test_every_field_a_user_may_see_has_a_french_label(tmp_path: Path) -> None:
    columns = schema(tmp_path)
    unnamed = [
        f"{table}.{column}"
        for table, names in columns.items()
        for column in names
        if not technical(table, column) and _label(table, column) == "autre donnée"
    ]
    assert unnamed == []
    # The lists name real columns: a renamed column cannot leave its label or its exemption behind.
    known = {column for names in columns.values() for column in names}
    known |= {f"{table}.{column}" for table, names in columns.items() for column in names}
    assert set(TECHNICAL_COLUMNS) - known == set()
    assert {key for key in _COLUMN_NAMES if "." in key} - known == set()


def test_the_summary_agrees_in_number() -> None:
    (_, one) = merge_lines(Merged(records=1, matched={"surveys": 1, "event_attendances": 1}))
    assert "questionnaire diffusé : 1, présence à un événement : 1" in one
    (_, several) = merge_lines(Merged(records=9, matched={"surveys": 2, "event_attendances": 3}))
    assert "questionnaires diffusés : 2, présences aux événements : 3" in several
    (first,) = merge_lines(Merged(records=1))
    assert first.startswith("Fusion : 1 fiche du carnet tenu à part")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert (code, err) == (0, ""), err
    return out


def test_a_professional_imported_on_both_laptops_is_one_and_only_what_was_typed_differs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same RPPS extract imported on both laptops before sharing: after the merge each person
    is one record and the imports' ids raise no conflict; what one laptop typed differently
    (a phone, a Parceo account) is listed in French, naming the person and the field."""
    monkeypatch.setenv("AMBASSADEUR_PHRASE_SECRETE", PHRASE)
    a, b, folder = tmp_path / "a.ambassadeur", tmp_path / "b.ambassadeur", tmp_path / "partage"
    for path in (a, b):
        with open_service(path, create=True, today=lambda: TODAY) as service:
            service.setup(PROGRAMME, [Ambassador("", "Marie Durand", Role.MEDICAL)])
        out = run(capsys, "--carnet", str(path), "import", "rpps", "--departement", "54", str(RPPS_EXTRACT))
        assert out.startswith("10 nouveaux professionnels")
    with open_service(b, today=lambda: TODAY) as service:
        register = service.register
        (martin,) = register.professional_ids(RegisterFilter(text="sophie martin"))
        changed = replace(
            register.professional(martin), phone="06 12 34 56 78", parceo_status=ParceoStatus.CREATED
        )
        register.save_professional(changed)

    run(capsys, "--carnet", str(a), "partager", "--dossier", str(folder))
    out = run(capsys, "--carnet", str(b), "rejoindre", "--dossier", str(folder), "--fusionner")
    assert "professionnels : 10" in out
    assert "lieux d'exercice : 11" in out
    run(capsys, "--carnet", str(a), "sync")

    listings = [run(capsys, "--carnet", str(path), "conflits") for path in (a, b)]
    assert listings[0] == listings[1]
    descriptions = [line.strip() for line in listings[0].splitlines()[1::2] if line.startswith("    ")]
    assert len(descriptions) == 2, listings[0]  # the phone and the account, nothing about the imports
    assert "autre donnée" not in listings[0]
    assert "(une autre fiche)" not in listings[0]
    by_field = {re.search(r"« ([^»]+) » a été modifié", d)[1]: d for d in descriptions}  # type: ignore[index]
    assert set(by_field) == {"téléphone", "compte Parceo"}
    for description in descriptions:
        assert description.startswith("La fiche « Sophie Martin » (professionnel) : le champ")
    assert "Retenu : « 0383000001 » ; écarté : « 06 12 34 56 78 »." in by_field["téléphone"]
    assert "Retenu : Aucun compte ; écarté : Compte créé." in by_field["compte Parceo"]
    assert "\n2 conflits à vérifier.\n" in listings[0]
    phone = next(line for line in listings[0].splitlines() if "téléphone" in line)
    settled = listings[0].splitlines()[listings[0].splitlines().index(phone) - 1].split()[0]
    run(capsys, "--carnet", str(b), "conflits", "--garder", settled, "ecartee")
    out = run(capsys, "--carnet", str(b), "conflits", "--tous")
    assert "\n1 conflit à vérifier ; 1 conflit réglé.\n" in out
    for path in (a, b):
        with open_service(path, readonly=True) as service:
            register = service.register
            assert len(register.professional_ids()) == 10
            (martin,) = register.professional_ids(RegisterFilter(text="sophie martin"))
            assert register.professional(martin).phone == ("06 12 34 56 78" if path == b else "0383000001")


def test_a_name_taken_back_from_the_conflicts_is_found_by_search(binome: Binome) -> None:
    """Two spellings of one name typed on the two laptops: one conflict (the name, never the
    search keys drawn from it), and the name taken back is the one search finds, everywhere."""
    a = binome.first()
    person = a.service.register.save_professional(Professional("Fontaine", "Claire", "G15-10"))
    a.sync()
    b = binome.join("b")
    for laptop, name in ((a, "Fontaine-Morel"), (b, "Fontaine Morelle")):
        register = laptop.service.register
        register.save_professional(replace(register.professional(person), last_name=name))
    everyone_syncs([a, b])
    (conflict,) = a.sync_service.conflicts()
    assert conflict.column == "last_name"
    assert "le champ « nom »" in conflict.description
    a.sync_service.keep(conflict.id, "ecartee")
    everyone_syncs([a, b])
    taken = conflict.set_aside
    for laptop in (a, b):
        register = laptop.service.register
        assert register.professional(person).last_name == taken
        assert register.professional_ids(RegisterFilter(text=taken)) == [person]
        assert laptop.sync_service.conflicts() == []
    assert contents(a) == contents(b)


def test_values_read_in_words(binome: Binome) -> None:
    a = binome.first()
    marie = a.service.find_ambassador("Marie Durand").id
    read = a.sync_service._value
    expected = {
        ("programme", "hourly_rate_cents", 123450): "1\xa0234,50\xa0€",
        ("programme", "weekly_base_minutes", 2100): "35\xa0h",
        ("professionals", "parceo_status", "cree"): "Compte créé",
        ("professionals", "parceo_status", "statut d'une version future"): "« statut d'une version future »",
        ("professionals", "profession_code", "G15-10"): "Médecin",
        ("structures", "type", "cds"): "Centre de santé",
        ("contacts", "channel", "visio"): "Visio",
        ("contacts", "next_step_due", "2024-11-05"): "05/11/2024",
        ("contacts", "next_step_done", 1): "oui",
        ("contacts", "subject", "Visite"): "« Visite »",
        ("contacts", "structure_id", "une-fiche-effacee"): "(une fiche qui n'existe plus)",
        ("time_entries", "ambassador_id", marie): "Marie Durand",
        ("time_entries", "deleted_at", None): "présente",
        ("time_entries", "place", ""): "(vide)",
        ("events", "sessions", '[["2024-09-02", "14:00", "17:00"]]'): "02/09/2024 14:00–17:00",
        ("events", "organiser_ids", f'["{marie}"]'): "Marie Durand",
        ("event_attendances", "present", "10"): "présent à 1 demi-journée sur 2",
        ("event_attendances", "present", "110"): "présent à 2 demi-journées sur 3",
        ("event_attendances", "present", "11"): "présent aux 2 demi-journées",
        ("event_attendances", "present", "1"): "présent",
        ("event_attendances", "present", "0"): "absent",
        ("event_attendances", "present", "00"): "absent",
        # Numbers without quotes, with their unit.
        ("programme", "months", 6): "6 mois",
        ("programme", "months", 1): "1 mois",
        ("indicator_targets", "users_increase_percent", 20): "20\xa0%",
        ("indicator_targets", "hospitals", 3): "3",
        ("user_readings", "users", 1234): "1\xa0234",
        ("imports", "row_count", 10): "10",
        ("month_locks", "month", "2024-10"): "octobre 2024",
        ("surveys", "channel", "lettre"): "Lettre d'information",
        ("journal_notes", "tag", "frein"): "Frein",
        ("agenda_items", "decision", "dismissed"): "écarté",
    }
    assert {case: read(*case) for case in expected} == expected


def test_a_number_edited_on_both_laptops_reads_with_its_unit(binome: Binome) -> None:
    """« durée (mois) » : 18 mois, not « 18 » between quotes."""
    a = binome.first()
    a.sync()
    b = binome.join("b")
    for laptop, months in ((a, 18), (b, 24)):
        laptop.service.save_programme(replace(laptop.service.programme(), months=months))
    everyone_syncs([a, b])
    (conflict,) = b.sync_service.conflicts()
    kept, aside = sorted((conflict.kept, conflict.set_aside))
    assert (kept, aside) == (18, 24)
    assert "le champ « durée (mois) » a été modifié sur les deux ordinateurs" in conflict.description
    assert f"Retenu : {conflict.kept} mois ; écarté : {conflict.set_aside} mois." in conflict.description

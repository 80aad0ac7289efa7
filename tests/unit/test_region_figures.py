"""chiffres.json: the pack's figures for a program, listed in its manifest; the regional view
reads it (checked by the manifest: tampered, the pack is « non vérifié »), and still reads a pack
written before it from its bilan d'exécution."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from ambassadeur_app.demo import REFERENCE_DAY
from ambassadeur_app.reports.manifest import CSV_NAME, FIGURES_NAME, read_csv, write_csv
from ambassadeur_app.services.region import (
    FIGURES_VERSION,
    VERIFIED_DRAFT,
    RegionInputError,
    consolidate,
    figures_from_json,
)
from tests.unit.test_region import make_carnet, own_figures, sha


@pytest.fixture
def carnet(tmp_path: Path) -> Path:
    return make_carnet(tmp_path, "CPTS du Saintois", "54", "Meurthe-et-Moselle", extra_minutes=45)


@pytest.fixture
def pack(carnet: Path, tmp_path: Path) -> Path:
    from ambassadeur_app.services import open_service

    with open_service(carnet, readonly=True, today=lambda: REFERENCE_DAY) as service:
        result = service.pack.write(tmp_path / "dossier")
    assert result is not None
    return result.folder


def test_the_pack_holds_its_figures_listed_in_its_manifest(carnet: Path, pack: Path) -> None:
    path = pack / FIGURES_NAME
    listed = {entry.path: entry for entry in read_csv(pack / CSV_NAME)}
    assert listed[FIGURES_NAME].sha256 == sha(path)
    assert listed[FIGURES_NAME].size == path.stat().st_size
    document = json.loads(path.read_text(encoding="utf-8"))
    expected = own_figures(carnet)
    assert document["version"] == FIGURES_VERSION
    assert document["cpts"] == "CPTS du Saintois"
    assert document["periode"] == {"debut": "2025-09-01", "fin": "2026-02-28"}
    assert document["situation_au"] == REFERENCE_DAY.isoformat()
    assert document["provisoire"] is True  # the period still runs on the reference day
    assert document["heures_minutes"] == {
        "saisies": expected.worked_minutes,
        "financees": expected.funded_minutes,
    }
    money = document["montants_centimes"]
    assert money["forfait_horaire_dans_le_plafond"] == expected.hourly_cents
    assert money["total_des_forfaits"] == expected.hourly_cents + expected.event_cents
    assert money["solde"] == expected.balance_cents
    assert document["evenements_tenus"] == expected.events_held > 0
    assert [line["indicateur"] for line in document["indicateurs"]] == [i.title for i in expected.indicators]
    assert "chiffres.json" in (pack / "LISEZMOI.txt").read_text(encoding="utf-8")
    # The regional view reads it: the same figures as the carnet's own.
    found = consolidate([pack]).inputs[0]
    assert found.status == VERIFIED_DRAFT
    assert found.figures == expected


def test_a_tampered_figures_file_makes_the_pack_not_verified(pack: Path) -> None:
    path = pack / FIGURES_NAME
    document = json.loads(path.read_text(encoding="utf-8"))
    document["heures_minutes"]["saisies"] += 600
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = consolidate([pack])
    found = result.inputs[0]
    assert found.status == (
        f"non vérifié : fichier modifié : {FIGURES_NAME} ; "
        f"{FIGURES_NAME} ne concorde pas avec le bilan : heures saisies"
    )
    assert result.counted == []


def test_a_pack_written_before_the_figures_file_is_read_from_its_bilan(carnet: Path, pack: Path) -> None:
    (pack / FIGURES_NAME).unlink()
    entries = [entry for entry in read_csv(pack / CSV_NAME) if entry.path != FIGURES_NAME]
    write_csv(entries, pack / CSV_NAME)
    found = consolidate([pack]).inputs[0]
    assert found.status == VERIFIED_DRAFT
    # The bilan does not say how many events were held: unknown, the rest the same.
    assert found.figures == replace(own_figures(carnet), events_held=None)


def test_a_figures_file_added_to_an_older_pack_is_not_verified(pack: Path) -> None:
    entries = [entry for entry in read_csv(pack / CSV_NAME) if entry.path != FIGURES_NAME]
    write_csv(entries, pack / CSV_NAME)
    found = consolidate([pack]).inputs[0]
    assert found.status == f"non vérifié : fichier absent du manifeste : {FIGURES_NAME}"


def test_garbled_newer_or_inconsistent_figures_are_refused(pack: Path) -> None:
    data = (pack / FIGURES_NAME).read_bytes()
    document = json.loads(data)
    with pytest.raises(RegionInputError, match="pas du JSON"):
        figures_from_json(data[:-20])
    newer = {**document, "version": FIGURES_VERSION + 1}
    with pytest.raises(RegionInputError, match="version plus récente"):
        figures_from_json(json.dumps(newer).encode())
    wrong = json.loads(data)
    wrong["montants_centimes"]["solde"] += 1
    with pytest.raises(RegionInputError, match="incohérent"):
        figures_from_json(json.dumps(wrong).encode())
    mistyped = json.loads(data)
    mistyped["heures_minutes"]["saisies"] = "12"
    with pytest.raises(RegionInputError, match="forme inattendue"):
        figures_from_json(json.dumps(mistyped).encode())
    # Through the regional view: the pack is refused with the reason, by name.
    (pack / FIGURES_NAME).write_bytes(json.dumps(newer).encode())
    found = consolidate([pack]).inputs[0]
    assert found.figures is None
    assert found.status.startswith("refusé : chiffres.json d'une version plus récente")

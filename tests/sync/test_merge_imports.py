"""The same RPPS extract imported on both laptops before sharing is one import after the merge
(« imports » lists it once, and undoing it undoes it on both laptops); another file of the same
name (other content) stays a second import."""

from __future__ import annotations

from pathlib import Path

import pytest

from ambassadeur_app.domain.model import Ambassador, Role
from ambassadeur_app.services import open_service
from tests.conftest import PROGRAMME, TODAY
from tests.sync.conftest import PHRASE
from tests.sync.test_merge_wording import RPPS_EXTRACT, run


def carnets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    monkeypatch.setenv("AMBASSADEUR_PHRASE_SECRETE", PHRASE)
    a, b = tmp_path / "a.ambassadeur", tmp_path / "b.ambassadeur"
    for path in (a, b):
        with open_service(path, create=True, today=lambda: TODAY) as service:
            service.setup(PROGRAMME, [Ambassador("", "Marie Durand", Role.MEDICAL)])
    return a, b, tmp_path / "partage"


def imported(capsys: pytest.CaptureFixture[str], path: Path, extract: Path) -> None:
    run(capsys, "--carnet", str(path), "import", "rpps", "--departement", "54", str(extract))


def merged(capsys: pytest.CaptureFixture[str], a: Path, b: Path, folder: Path) -> str:
    run(capsys, "--carnet", str(a), "partager", "--dossier", str(folder))
    out = run(capsys, "--carnet", str(b), "rejoindre", "--dossier", str(folder), "--fusionner")
    run(capsys, "--carnet", str(a), "sync")
    return out


def people(path: Path) -> int:
    with open_service(path, readonly=True, today=lambda: TODAY) as service:
        return len(service.register.professional_ids())


def test_the_same_extract_imported_on_both_laptops_is_listed_once_and_undone_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, folder = carnets(tmp_path, monkeypatch)
    for path in (a, b):
        imported(capsys, path, RPPS_EXTRACT)
    out = merged(capsys, a, b, folder)
    (recognised,) = [line for line in out.splitlines() if line.startswith("Fiches reconnues")]
    assert ", import : 1, " in recognised
    listings = [run(capsys, "--carnet", str(path), "imports") for path in (a, b)]
    assert listings[0] == listings[1]
    (line,) = listings[0].splitlines()
    assert RPPS_EXTRACT.name in line
    assert "10 fiches  (actif)" in line
    assert "Aucun conflit à vérifier." in run(capsys, "--carnet", str(b), "conflits")

    import_id = line.split()[0]
    assert run(capsys, "--carnet", str(b), "annuler-import", import_id).startswith("Import annulé : ")
    run(capsys, "--carnet", str(b), "sync")
    run(capsys, "--carnet", str(a), "sync")
    for path in (a, b):
        assert people(path) == 0  # what either laptop's import made is undone
        assert "(annulé le " in run(capsys, "--carnet", str(path), "imports")


def test_another_file_of_the_same_name_stays_another_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, folder = carnets(tmp_path, monkeypatch)
    imported(capsys, a, RPPS_EXTRACT)
    shorter = tmp_path / "extrait" / RPPS_EXTRACT.name  # an older extract, under the same name
    shorter.parent.mkdir()
    lines = RPPS_EXTRACT.read_text(encoding="utf-8").splitlines(keepends=True)
    shorter.write_text("".join(lines[:6]), encoding="utf-8")
    imported(capsys, b, shorter)
    merged(capsys, a, b, folder)
    listings = [run(capsys, "--carnet", str(path), "imports") for path in (a, b)]
    assert listings[0] == listings[1]
    assert len(listings[0].splitlines()) == 2
    assert people(a) == people(b) == 10

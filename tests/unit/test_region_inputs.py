"""The regional view's inputs attacked through the real command (``ambassadeur consolider``):
a damaged, truncated, encrypted or unknown .zip refused with a French reason only; an encrypted
copy of a carnet read with its passphrase (a wrong one writes nothing); the output's two formats
in the help; a manifest listing a file twice, a zip member pointing outside the archive or in it
twice. Each workbook written is read back."""

from __future__ import annotations

import io
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from ambassadeur_app import cli
from ambassadeur_app.reports.manifest import CSV_NAME
from ambassadeur_app.services.outside_copy import PASSPHRASE_ENV
from tests.unit.test_region import make_carnet, own_figures, sha, write_pack

PHRASE = "cheval batterie agrafe correcte"
# What the zip library says in English: never shown.
ENGLISH = ("File is not", "Bad CRC", "Error -", "compression method", "encrypted", "Truncated", "magic")


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A carnet, its pack's folder and .zip (built once: the tests copy what they change)."""
    folder = tmp_path_factory.mktemp("sources")
    carnet = make_carnet(folder, "CPTS du Saintois", "54", "Meurthe-et-Moselle")
    other = make_carnet(folder, "CPTS des Vosges", "88", "Vosges", extra_minutes=95)
    archive = write_pack(carnet, folder / "dossier")
    return {"carnet": carnet, "other": other, "zip": archive, "folder": folder / "dossier"}


def consolider(capsys: pytest.CaptureFixture[str], *inputs: Path, out: Path) -> tuple[int, list[str], str]:
    """Run ``ambassadeur consolider``; return its status, its output lines and its errors."""
    status = cli.main(["consolider", *map(str, inputs), "--sortie", str(out)])
    said = capsys.readouterr()
    return status, said.out.splitlines(), said.err


def sheet(out: Path, name: str) -> list[list[Any]]:
    return [list(row) for row in openpyxl.load_workbook(out)[name].iter_rows(values_only=True)]


def patched_central_directory(archive: Path, target: Path, offset: int, change: Callable[[int], int]) -> Path:
    """Copy ``archive`` to ``target`` with a 2-byte field of every central directory entry
    changed (8: the flags, 10: the compression method)."""
    data = bytearray(archive.read_bytes())
    start = data.find(b"PK\x01\x02")
    while start != -1:
        value = int.from_bytes(data[start + offset : start + offset + 2], "little")
        data[start + offset : start + offset + 2] = change(value).to_bytes(2, "little")
        start = data.find(b"PK\x01\x02", start + 4)
    target.write_bytes(bytes(data))
    return target


def altered_member(archive: Path, target: Path) -> Path:
    """Rewrite ``archive`` uncompressed into ``target``, then flip a byte of its chiffres.json
    (its CRC no longer matches)."""
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as out:
        for info in source.infolist():
            out.writestr(info.filename, source.read(info))
            if info.filename.endswith("chiffres.json"):
                figures = source.read(info)
    flipped = figures[:-2] + bytes([figures[-2] ^ 0xFF]) + figures[-1:]
    target.write_bytes(target.read_bytes().replace(figures, flipped, 1))
    return target


DAMAGED: dict[str, tuple[Callable[[Path, Path], Path], str]] = {
    "not a zip": (
        lambda archive, target: (target.write_bytes(b"PK\x03\x04 rien d'autre"), target)[1],
        "archive .zip tronquée ou abîmée : sa table des fichiers est introuvable ou altérée",
    ),
    "truncated": (
        lambda archive, target: (
            target.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2]),
            target,
        )[1],
        "archive .zip tronquée ou abîmée : sa table des fichiers est introuvable ou altérée",
    ),
    "altered member": (
        altered_member,
        "archive .zip abîmée ou tronquée : « chiffres.json » ne se décompresse pas à l'identique",
    ),
    "unknown compression": (
        lambda archive, target: patched_central_directory(archive, target, 10, lambda _: 99),
        "archive .zip d'un format que l'application ne lit pas (« manifeste.csv » : compression ou "
        "chiffrement non pris en charge) : refaites-la avec « ambassadeur dossier --zip »",
    ),
    "encrypted": (
        lambda archive, target: patched_central_directory(archive, target, 8, lambda flags: flags | 1),
        "archive .zip protégée par un mot de passe : l'application ne lit pas les .zip chiffrés ; "
        "demandez le .zip tel qu'écrit par « ambassadeur dossier --zip »",
    ),
}


@pytest.mark.parametrize("case", list(DAMAGED))
def test_a_damaged_zip_is_refused_with_a_french_reason_only(
    case: str,
    sources: dict[str, Path],
    tmp_path: Path,
    private_home: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    make, reason = DAMAGED[case]
    damaged = make(sources["zip"], tmp_path / "reçu.zip")
    out = tmp_path / "region.xlsx"
    status, lines, errors = consolider(capsys, sources["carnet"], damaged, out=out)
    assert status == 1
    assert lines[1] == f"{damaged} : refusé : {reason}"
    assert errors == "erreur : 1 fichier refusé ou non vérifié : « reçu.zip ».\n"
    files = sheet(out, "Fichiers reçus")
    assert files[4][:2] == [str(damaged), "dossier .zip"]
    assert files[4][3] == f"refusé : {reason}"
    assert not any(word in "\n".join(lines) + errors for word in ENGLISH)
    assert [row[0] for row in sheet(out, "Vue régionale") if row[-1] == "vérifié (provisoire)"] == [
        "CPTS du Saintois"
    ]


@pytest.fixture
def copy(
    sources: dict[str, Path],
    tmp_path: Path,
    private_home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Path:
    """An encrypted copy of the Vosges carnet, written by ``backup --chiffrer``."""
    monkeypatch.setenv(PASSPHRASE_ENV, PHRASE)
    target = tmp_path / "vosges.carnet-chiffre"
    assert cli.main(["--carnet", str(sources["other"]), "backup", "--chiffrer", "--sortie", str(target)]) == 0
    capsys.readouterr()
    return target


def test_an_encrypted_copy_is_read_with_its_passphrase_and_left_untouched(
    copy: Path, sources: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sha(copy)
    out = tmp_path / "sortie" / "region.xlsx"
    out.parent.mkdir()
    beside = sorted(p.name for p in tmp_path.iterdir())
    status, lines, errors = consolider(capsys, sources["carnet"], copy, out=out)
    assert (status, errors) == (0, "")
    assert lines[1] == f"{copy} : vérifié (provisoire)"
    expected = own_figures(sources["other"])
    rows = sheet(out, "Vue régionale")
    row = next(r for r in rows if r[0] == "CPTS des Vosges")
    assert round(row[3] * 60) == expected.worked_minutes
    assert round(row[4] * 60) == expected.funded_minutes
    assert [round(v * 100) for v in row[5:10]] == [
        expected.hourly_cents,
        expected.event_cents,
        expected.total_cents,
        expected.grant_cents,
        expected.received_cents,
    ]
    files = sheet(out, "Fichiers reçus")
    assert files[4][:3] == [str(copy), "copie chiffrée", before]
    # The copy received is only read; nothing is left beside it.
    assert sha(copy) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == beside


def test_a_wrong_passphrase_is_refused_by_name_and_nothing_is_written(
    copy: Path,
    sources: dict[str, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = sha(copy)
    private = tmp_path / "tmp"
    private.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    monkeypatch.setenv(PASSPHRASE_ENV, "une autre phrase secrète")
    out = tmp_path / "region.xlsx"
    status, lines, errors = consolider(capsys, sources["carnet"], copy, out=out)
    assert status == 1
    assert errors.startswith(
        "erreur : La phrase secrète ne correspond pas à la copie « vosges.carnet-chiffre »"
    )
    assert errors.endswith("La vue régionale n'a pas été écrite.\n")
    assert not out.exists()
    assert list(private.iterdir()) == []  # nothing decrypted left behind
    assert sha(copy) == before

    # No passphrase at all (none in the environment, nothing typed): the copy is refused by name,
    # the other input still consolidated.
    monkeypatch.delenv(PASSPHRASE_ENV)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    status, lines, errors = consolider(capsys, sources["carnet"], copy, out=out)
    assert status == 1
    assert lines[1] == (
        f"{copy} : refusé : Aucune phrase secrète saisie (pour un script, définissez "
        "AMBASSADEUR_PHRASE_SECRETE)."
    )
    assert errors.startswith(f"« {copy} » est une copie chiffrée.\n")
    assert sheet(out, "Fichiers reçus")[4][1] == "copie chiffrée"


def test_the_help_names_both_output_formats(private_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["consolider", "--help"])
    assert done.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "--sortie FICHIER.xlsx|FICHIER.pdf" in text
    assert "copie chiffrée" in text


def test_a_manifest_listing_a_file_twice_is_not_verified(
    sources: dict[str, Path], tmp_path: Path, private_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "dossier"
    shutil.copytree(sources["folder"], pack)
    manifest = pack / CSV_NAME
    lines = manifest.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    manifest.write_text("\ufeff" + "".join([*lines, lines[1]]), encoding="utf-8")
    twice = lines[1].split(";")[0]
    out = tmp_path / "region.xlsx"
    status, said, _ = consolider(capsys, pack, out=out)
    assert status == 1
    assert said[0] == f"{pack} : non vérifié : le manifeste liste deux fois : {twice}"
    rows = sheet(out, "Vue régionale")
    assert [row[-1] for row in rows if row[0] == "CPTS du Saintois"] == [
        f"non vérifié : le manifeste liste deux fois : {twice}"
    ]


SUSPECT = {
    "../x": "« ../x » pointe hors de l'archive (chemin absolu ou avec « .. »)",
    "dossier/../../x": "« dossier/../../x » pointe hors de l'archive (chemin absolu ou avec « .. »)",
    "/etc/x": "« /etc/x » pointe hors de l'archive (chemin absolu ou avec « .. »)",
    # A second chiffres.json: tools disagree on which of the two they show.
    "dossier/chiffres.json": "« dossier/chiffres.json » y figure deux fois",
}


@pytest.mark.filterwarnings("ignore:Duplicate name")  # what zipfile says as it writes the second
@pytest.mark.parametrize("name", list(SUSPECT))
def test_a_zip_member_outside_the_archive_or_twice_in_it_is_refused(
    name: str,
    sources: dict[str, Path],
    tmp_path: Path,
    private_home: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bundle = tmp_path / "reçu.zip"
    shutil.copyfile(sources["zip"], bundle)
    with zipfile.ZipFile(bundle, "a") as out:
        out.writestr(name, b"ailleurs")
    out = tmp_path / "region.xlsx"
    status, lines, _ = consolider(capsys, bundle, sources["carnet"], out=out)
    assert status == 1
    reason = f"archive .zip suspecte : {SUSPECT[name]} : non lue"
    assert lines[0] == f"{bundle} : refusé : {reason}"
    assert sheet(out, "Fichiers reçus")[3][3] == f"refusé : {reason}"


def test_a_wrong_output_extension_is_refused_before_any_passphrase(
    copy: Path,
    sources: dict[str, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO("une phrase tapée pour rien\n"))
    status, lines, errors = consolider(capsys, sources["carnet"], copy, out=tmp_path / "region.ods")
    assert (status, lines) == (1, [])
    assert errors == "erreur : « region.ods » : la vue régionale s'écrit en .xlsx ou en .pdf.\n"
    assert not (tmp_path / "region.ods").exists()  # the passphrase was not even asked

"""A document never takes the place of a carnet, a backup, a folder or a device (``--sortie``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ambassadeur_app.errors import ExportError
from ambassadeur_app.reports.output import atomic_output
from tests.unit.test_cli import run


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("demo")
    home, carnet = folder / "home", folder / "demo.ambassadeur"
    assert run("--carnet", carnet, "demo", home=home).returncode == 0
    return carnet, home


def test_an_export_aimed_at_the_carnet_itself_is_refused_and_the_carnet_kept(demo: tuple[Path, Path]) -> None:
    carnet, home = demo
    before = carnet.read_bytes()
    events = run("--carnet", carnet, "evenements", home=home).stdout.split()
    commands = [
        ("export", "releve", "--mois", "2026-10", "--format", "pdf", "--sortie", carnet),
        ("export", "professionnels", "--format", "xlsx", "--sortie", carnet),
        ("emargement", events[0], "--sortie", carnet),
    ]
    for command in commands:
        done = run("--carnet", carnet, *command, home=home)
        assert done.returncode == 1, command
        assert "est un carnet, une sauvegarde ou son journal : il ne sera pas remplacé" in done.stderr
        assert "Traceback" not in done.stderr
    assert carnet.read_bytes() == before


def test_a_backup_a_folder_or_a_device_is_never_replaced_by_a_document(tmp_path: Path) -> None:
    backup = tmp_path / "copie.ambassadeur"
    backup.write_bytes(b"SQLite format 3\x00" + bytes(100))
    wal = tmp_path / "copie.ambassadeur-wal"
    wal.write_bytes(b"\x37\x7f\x06\x82" + bytes(28))
    for target, message in (
        (backup, "est un carnet"),
        (wal, "est un carnet"),
        (tmp_path, "n'est pas un fichier ordinaire"),
        (Path("/dev/null"), "n'est pas un fichier ordinaire"),
    ):
        with pytest.raises(ExportError, match=message), atomic_output(target) as part:
            part.write_bytes(b"%PDF-")
    assert backup.read_bytes().startswith(b"SQLite format 3")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copie.ambassadeur", "copie.ambassadeur-wal"]
    document = tmp_path / "ancien.pdf"
    document.write_bytes(b"%PDF-1.4 old")
    with atomic_output(document) as part:  # an earlier document is replaced as before
        part.write_bytes(b"%PDF-1.4 new")
    assert document.read_bytes() == b"%PDF-1.4 new"


def test_a_file_name_too_long_is_said_in_french(tmp_path: Path) -> None:
    target = tmp_path / ("r" * 251 + ".pdf")  # a legal name, but its « .part » is not
    with pytest.raises(ExportError, match="nom de fichier trop long"), atomic_output(target) as part:
        part.write_bytes(b"%PDF-")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("r")]

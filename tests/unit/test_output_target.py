"""A document never takes the place of a carnet, a backup, a folder or a device (``--sortie``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ambassadeur_app.errors import ExportError
from ambassadeur_app.reports.output import atomic_output
from ambassadeur_app.storage.attachments import store_folder
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


def test_no_document_is_written_into_a_carnets_attachment_folder(
    demo: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    carnet, home = demo
    monkeypatch.setenv("AMBASSADEUR_PHRASE_SECRETE", "cheval agrafe pile correcte lune")
    pieces = store_folder(carnet)
    stored = sorted(pieces.iterdir())
    before = {path: (path.read_bytes(), path.stat().st_mode) for path in stored}
    assert stored, "the demo attaches its invoices"
    event = run("--carnet", carnet, "evenements", home=home).stdout.split()[0]
    commands = [
        ("emargement", event, "--sortie", stored[0]),  # a read-only invoice: rename ignores the mode
        ("export", "evenement", event, "--format", "pdf", "--sortie", pieces / "nouveau.pdf"),
        ("export", "depenses", "--format", "xlsx", "--sortie", pieces / ".." / pieces.name / "d.xlsx"),
        ("invitation", event, "--sortie", pieces / "invitation.ics"),
        ("backup", "--sortie", stored[0]),  # nor a copy of the carnet, plain or encrypted
        ("backup", "--chiffrer", "--sortie", pieces / "copie.ambassadeur-chiffre"),
    ]
    for command in commands:
        done = run("--carnet", carnet, *command, home=home)
        assert done.returncode == 1, command
        assert "est dans le dossier des pièces jointes d'un carnet : rien n'y est écrit" in done.stderr
    assert {path: (path.read_bytes(), path.stat().st_mode) for path in pieces.iterdir()} == before
    # Any carnet's folder, found by its name, whatever the carnet open (and below it).
    other = tmp_path / "autre.ambassadeur.pieces" / "sous-dossier"
    other.mkdir(parents=True)
    with (
        pytest.raises(ExportError, match="dossier des pièces jointes"),
        atomic_output(other / "a.pdf") as part,
    ):
        part.write_bytes(b"%PDF-")
    assert list(other.iterdir()) == []


def test_a_document_whose_extension_says_another_format_is_refused(
    demo: tuple[Path, Path], tmp_path: Path
) -> None:
    carnet, home = demo
    event = run("--carnet", carnet, "evenements", home=home).stdout.split()[0]
    mail = tmp_path / "x.eml"
    mail.write_bytes(b"Subject: un message a garder\n\nBonjour\n")
    for command, name, message in (
        (
            ("emargement", event, "--sortie", mail),
            "x.eml",
            "document PDF : son extension doit être .pdf (par exemple « x.pdf »)",
        ),
        (
            ("export", "evenement", event, "--format", "pdf", "--sortie", tmp_path / "y.xlsx"),
            "y.xlsx",
            "document PDF",
        ),
        (
            ("export", "evenement", event, "--format", "xlsx", "--sortie", tmp_path / "y.pdf"),
            "y.pdf",
            "document Excel : son extension doit être .xlsx",
        ),
        (
            ("invitation", event, "--format", "eml", "--sortie", tmp_path / "i.pdf"),
            "i.pdf",
            "document d'e-mail : son extension doit être .eml",
        ),
        (
            ("invitation", event, "--format", "ics", "--sortie", tmp_path / "i.eml"),
            "i.eml",
            "document d'agenda (iCalendar) : son extension doit être .ics",
        ),
        (
            ("export", "rapport", "--format", "docx", "--sortie", tmp_path / "r.pdf"),
            "r.pdf",
            "document Word : son extension doit être .docx",
        ),
    ):
        done = run("--carnet", carnet, *command, home=home)
        assert done.returncode == 1, command
        assert f"« {name} » ne peut pas recevoir un {message}" in done.stderr, done.stderr
        assert "Rien n'a été écrit." in done.stderr
    assert mail.read_bytes() == b"Subject: un message a garder\n\nBonjour\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.eml"]
    # The right extension, in any case, or none at all (the format then given by --format): written.
    for command, out, start in (
        (("emargement", event, "--sortie", tmp_path / "F.PDF"), tmp_path / "F.PDF", b"%PDF-"),
        (("emargement", event, "--sortie", tmp_path / "feuille"), tmp_path / "feuille", b"%PDF-"),
        (
            ("invitation", event, "--format", "ics", "--sortie", tmp_path / "agenda"),
            tmp_path / "agenda",
            b"BEGIN:VCALENDAR",
        ),
        (("invitation", event, "--sortie", tmp_path / "i.eml"), tmp_path / "i.eml", b""),
        (
            ("export", "evenement", event, "--format", "xlsx", "--sortie", tmp_path / "e.xlsx"),
            tmp_path / "e.xlsx",
            b"PK",
        ),
    ):
        assert run("--carnet", carnet, *command, home=home).returncode == 0, command
        assert out.read_bytes().startswith(start)

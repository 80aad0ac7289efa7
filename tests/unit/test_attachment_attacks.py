"""The attachment store against hostile or damaged input: a file cut short, a pipe, a symbolic
link put inside the store, a file name carrying line breaks or bytes the system cannot decode."""

from __future__ import annotations

import hashlib
import io
import os
import stat
import sys
from pathlib import Path

import pytest

from ambassadeur_app.domain.expenses import Attachment, AttachmentRole
from ambassadeur_app.errors import AppError
from ambassadeur_app.services import CarnetService
from tests.unit.test_cli import run
from tests.unit.test_expenses import PDF, expense, pdf

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links and pipes: POSIX")


def closed_with_an_expense(service: CarnetService) -> tuple[Path, str]:
    """Save an expense and close the carnet for a command to open: return its path, the id."""
    expense_id = service.expenses.save_expense(expense())
    service.close()
    return service.path, expense_id


def real_pdf() -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.drawString(100, 700, "Facture n° 12 : 110,00 €")
    canvas.save()
    return out.getvalue()


def image(fmt: str) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(out, fmt)
    return out.getvalue()


COMPLETE = {
    "PDF": real_pdf(),
    "PNG": image("PNG"),
    "JPEG": image("JPEG"),
    "TIFF": image("TIFF"),
    "WebP": image("WEBP"),
}


@pytest.mark.parametrize("kind", COMPLETE)
def test_a_file_cut_short_is_refused_and_the_whole_file_taken(
    service: CarnetService, tmp_path: Path, kind: str
) -> None:
    expense_id = service.expenses.save_expense(expense())
    whole = COMPLETE[kind]
    cut = pdf(tmp_path, f"coupe.{kind.lower()}", whole[: len(whole) * 2 // 3])
    with pytest.raises(AppError) as refused:
        service.expenses.attach(expense_id, cut)
    assert refused.value.message == (
        f"« coupe.{kind.lower()} » semble incomplet (fin de fichier {kind} absente) : "
        "téléchargez-le ou numérisez-le de nouveau."
    )
    assert service.expenses.attachments_of(expense_id) == []
    attached = service.expenses.attach(expense_id, pdf(tmp_path, f"entier.{kind.lower()}", whole))
    assert service.expenses.attachment_path(attached).read_bytes() == whole
    assert service.expenses.check_attachment(attached) is None


def test_a_pdf_ends_with_its_eof_marker_whitespace_after_it_allowed(
    service: CarnetService, tmp_path: Path
) -> None:
    expense_id = service.expenses.save_expense(expense())
    padded = PDF + b"\r\n  \n"
    assert service.expenses.attach(expense_id, pdf(tmp_path, "a.pdf", padded)).size == len(padded)
    fake = b"%PDF-1.4\n" + b"0" * 5000  # a header and nothing of a PDF after it
    with pytest.raises(AppError, match=r"« b\.pdf » semble incomplet \(fin de fichier PDF absente\)"):
        service.expenses.attach(expense_id, pdf(tmp_path, "b.pdf", fake))


def test_a_stored_file_cut_short_is_not_certified_in_order(service: CarnetService, tmp_path: Path) -> None:
    # As an older version stored it: the row's hash matches the cut file.
    expense_id = service.expenses.save_expense(expense())
    cut = COMPLETE["PDF"][:500]
    sha256 = hashlib.sha256(cut).hexdigest()
    folder = service.expenses.store.folder
    folder.mkdir()
    (folder / f"{sha256}.pdf").write_bytes(cut)
    row = Attachment(expense_id, AttachmentRole.INVOICE, "facture.pdf", sha256, len(cut), suffix=".pdf")
    service.carnet.attachments.add(row)
    [stored] = service.expenses.attachments_of(expense_id)
    assert service.expenses.check_attachment(stored) == (
        "La pièce jointe « facture.pdf » (facture Traiteur Dupont n° F-2024-12 du 08/10/2024) semble "
        "incomplète (fin de fichier PDF absente) : joignez de nouveau le document complet."
    )


@posix_only
def test_a_pipe_is_refused_at_once_and_the_carnet_left_free(
    service: CarnetService, tmp_path: Path, private_home: Path
) -> None:
    carnet, expense_id = closed_with_an_expense(service)
    fifo = tmp_path / "facture.pdf"
    os.mkfifo(fifo)
    link = tmp_path / "lien.pdf"
    link.symlink_to(fifo)
    for source in (fifo, link, Path("/dev/zero")):
        # Before the check, reading the pipe waited for a writer forever (run's timeout ends it).
        done = run("--carnet", carnet, "depenses", "joindre", expense_id[:8], source, home=private_home)
        assert done.returncode == 1, source
        assert (
            f"« {source.name} » n'est pas un fichier ordinaire (dossier, tube, périphérique…) : seuls les "
            "fichiers PDF ou image PNG, JPEG, TIFF ou WebP peuvent être joints."
        ) in done.stderr
    # The carnet is free: the real invoice is attached at once.
    invoice = pdf(tmp_path, "vraie facture.pdf")
    assert (
        run("--carnet", carnet, "depenses", "joindre", expense_id[:8], invoice, home=private_home).returncode
        == 0
    )


@posix_only
def test_a_link_put_in_the_store_is_reported_never_followed_and_replaced(
    service: CarnetService, tmp_path: Path
) -> None:
    expense_id = service.expenses.save_expense(expense())
    attached = service.expenses.attach(expense_id, pdf(tmp_path))
    stored = service.expenses.store.path_of(attached)
    outside = tmp_path / "ailleurs"
    outside.mkdir()
    same = outside / "identique.pdf"
    same.write_bytes(PDF)
    same.chmod(0o644)
    victim = outside / "passwd"
    victim.write_bytes(b"root:x:0:0:root:/root:/bin/bash\n")
    victim.chmod(0o644)
    owner = "facture Traiteur Dupont n° F-2024-12 du 08/10/2024"
    for target in (same, victim):
        stored.unlink()
        stored.symlink_to(target)
        assert service.expenses.check_attachment(attached) == (
            f"La pièce jointe « facture.pdf » ({owner}) n'est plus un fichier ordinaire dans le dossier "
            "des pièces jointes (lien symbolique, dossier…) : joignez de nouveau le document."
        )
        with pytest.raises(AppError, match="Elle n'est pas ouverte"):
            service.expenses.attachment_path(attached)
        # Attached again: the link is replaced by the file, what it pointed to is left as it was.
        assert service.expenses.attach(expense_id, pdf(tmp_path)) == attached
        assert not stored.is_symlink()
        assert stored.read_bytes() == PDF
        assert not stored.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
        assert service.expenses.check_attachment(attached) is None
    assert stat.S_IMODE(victim.stat().st_mode) == 0o644
    assert victim.read_bytes() == b"root:x:0:0:root:/root:/bin/bash\n"
    assert same.read_bytes() == PDF
    assert stat.S_IMODE(same.stat().st_mode) == 0o644


@posix_only  # Windows allows no control character in a file name
@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("fac\r\nture\t n°1\x07\u200b.pdf", "fac ture n°1.pdf"),
        ("\x1b[31m.pdf", "[31m.pdf"),
        ("\x07", "document"),
    ],
)
def test_a_file_name_is_kept_on_one_line_without_control_characters(
    service: CarnetService, tmp_path: Path, name: str, kept: str
) -> None:
    expense_id = service.expenses.save_expense(expense())
    service.expenses.attach(expense_id, pdf(tmp_path, name))
    assert [a.filename for a in service.expenses.attachments_of(expense_id)] == [kept]


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="a file name of any bytes: Linux")
def test_a_byte_the_system_cannot_decode_is_shown_not_dropped(
    service: CarnetService, tmp_path: Path, private_home: Path
) -> None:
    carnet, expense_id = closed_with_an_expense(service)
    latin1 = Path(os.fsdecode(bytes(tmp_path) + b"/factur\xe9 d\xe9cembre.pdf"))  # written on an old system
    latin1.write_bytes(PDF)
    done = run("--carnet", carnet, "depenses", "joindre", expense_id[:8], latin1, home=private_home)
    assert done.returncode == 0, done.stderr
    from ambassadeur_app.services import open_service

    with open_service(carnet, readonly=True) as reader:
        assert [a.filename for a in reader.expenses.attachments_of(expense_id)] == ["factur? d?cembre.pdf"]

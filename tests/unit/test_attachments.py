"""The attachment store: files checked by their first bytes, stored once under their SHA-256,
never half written (full disk, read-only folder, kill -9), checked again on every read."""

from __future__ import annotations

import errno
import hashlib
import signal
import stat
from pathlib import Path

import pytest

from ambassadeur_app import partfiles
from ambassadeur_app.domain.expenses import AttachmentRole
from ambassadeur_app.errors import AppError
from ambassadeur_app.services import CarnetService, open_service
from ambassadeur_app.storage import attachments
from ambassadeur_app.storage.attachments import sniff, store_folder
from tests.unit.test_cli import run
from tests.unit.test_crash_leftovers import run_killed_at
from tests.unit.test_expenses import PDF, expense, pdf

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40 + b"\x00\x00\x00\x00IEND\xaeB`\x82"
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 30


def rows(service: CarnetService) -> int:
    return int(service.carnet.db.execute("SELECT COUNT(*) FROM attachments").fetchone()[0])


@pytest.mark.parametrize(
    ("head", "suffix"),
    [
        (PDF, ".pdf"),
        (PNG, ".png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", ".jpg"),
        (b"II*\x00\x08\x00\x00\x00", ".tif"),
        (b"MM\x00*\x00\x00\x00\x08", ".tif"),
        (WEBP, ".webp"),
        (b"PK\x03\x04 a docx or xlsx", None),
        (b"RIFF\x24\x00\x00\x00WAVEfmt ", None),
        (b"", None),
    ],
)
def test_a_file_is_recognised_by_its_first_bytes(head: bytes, suffix: str | None) -> None:
    assert sniff(head[:12]) == suffix


def test_the_store_lies_beside_the_carnet(service: CarnetService) -> None:
    assert service.expenses.store.folder == store_folder(service.path)
    assert service.expenses.store.folder == service.path.with_name("carnet.ambassadeur.pieces")


def test_a_file_is_stored_read_only_under_its_hash(service: CarnetService, tmp_path: Path) -> None:
    expense_id = service.expenses.save_expense(expense())
    attached = service.expenses.attach(expense_id, pdf(tmp_path, "Facture Dupont.PDF"))
    sha256 = hashlib.sha256(PDF).hexdigest()
    assert (attached.filename, attached.sha256, attached.size, attached.role) == (
        "Facture Dupont.PDF",
        sha256,
        len(PDF),
        AttachmentRole.INVOICE,
    )
    stored = service.expenses.attachment_path(attached)
    assert stored == service.expenses.store.folder / f"{sha256}.pdf"
    assert stored.read_bytes() == PDF
    assert not stored.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    assert service.expenses.attachments_of(expense_id) == [attached]
    assert service.expenses.check_attachment(attached) is None


def test_a_file_that_is_neither_a_pdf_nor_an_image_is_refused(service: CarnetService, tmp_path: Path) -> None:
    expense_id = service.expenses.save_expense(expense())
    fake = pdf(tmp_path, "facture.pdf", b"PK\x03\x04 un document Word renomme")
    with pytest.raises(
        AppError, match=r"« facture\.pdf » n'est ni un PDF ni une image : seuls les fichiers PDF"
    ):
        service.expenses.attach(expense_id, fake)
    with pytest.raises(AppError, match="n'est pas un fichier ordinaire \\(dossier, tube, périphérique…\\)"):
        service.expenses.attach(expense_id, tmp_path)
    assert rows(service) == 0
    assert not service.expenses.store.folder.exists()


def test_the_same_file_attached_twice_is_stored_once(service: CarnetService, tmp_path: Path) -> None:
    first = service.expenses.save_expense(expense())
    second = service.expenses.save_expense(expense(supplier="Salle des fêtes"))
    one = service.expenses.attach(first, pdf(tmp_path, "a.pdf"))
    again = service.expenses.attach(first, pdf(tmp_path, "copie de a.pdf"))
    other = service.expenses.attach(second, pdf(tmp_path, "b.pdf"), AttachmentRole.QUOTE)
    image = service.expenses.attach(second, pdf(tmp_path, "scan.png", PNG))
    assert again == one  # the same file for the same expense: one attachment
    assert other.sha256 == one.sha256
    assert other.id != one.id
    assert sorted(p.name for p in service.expenses.store.folder.iterdir()) == sorted(
        [one.stored_name, image.stored_name]
    )
    assert rows(service) == 3
    assert [a.role for a in service.expenses.attachments_of(second)] == [
        AttachmentRole.QUOTE,
        AttachmentRole.INVOICE,
    ]
    service.expenses.detach(other.id)
    assert service.expenses.attachments_of(second) == [image]
    assert service.expenses.attachment_path(one).is_file()  # still stored for the first expense
    service.expenses.restore_attachment(other.id)
    assert len(service.expenses.attachments_of(second)) == 2


def test_a_changed_or_lost_file_is_reported_and_never_handed_out(
    service: CarnetService, tmp_path: Path
) -> None:
    expense_id = service.expenses.save_expense(expense())
    changed = service.expenses.attach(expense_id, pdf(tmp_path, "facture.pdf"))
    lost = service.expenses.attach(expense_id, pdf(tmp_path, "photo.png", PNG))
    stored = service.expenses.store.path_of(changed)
    stored.chmod(0o644)
    stored.write_bytes(PDF.replace(b"1 0", b"2 0"))  # same size, other content
    service.expenses.store.path_of(lost).unlink()
    owner = "facture Traiteur Dupont n° F-2024-12 du 08/10/2024"
    assert service.expenses.check_attachment(changed) == (
        f"La pièce jointe « facture.pdf » ({owner}) a été modifiée depuis qu'elle a été jointe "
        "(son contenu n'est plus le même)."
    )
    assert service.expenses.check_attachment(lost) == (
        f"La pièce jointe « photo.png » ({owner}) est introuvable dans le dossier des pièces jointes "
        f"« {service.expenses.store.folder} »."
    )
    for attachment in (changed, lost):
        with pytest.raises(AppError, match="Elle n'est pas ouverte"):
            service.expenses.attachment_path(attachment)
    checks = service.expenses.checks([expense_id])[expense_id]
    assert [bool(check.problem) for check in checks] == [True, True]
    # The original attached again repairs the stored copy.
    assert service.expenses.attach(expense_id, pdf(tmp_path, "facture.pdf")) == changed
    assert service.expenses.check_attachment(changed) is None


@pytest.mark.parametrize(
    ("code", "reason"), [(errno.ENOSPC, "le disque est plein"), (errno.EROFS, "lecture seule")]
)
def test_a_full_disk_or_read_only_folder_leaves_nothing_behind(
    service: CarnetService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, reason: str
) -> None:
    expense_id = service.expenses.save_expense(expense())
    service.expenses.store.folder.mkdir()

    def half_copy(source: Path, part: Path) -> str:
        part.write_bytes(PDF[:10])  # half the file written, then the disk refuses the rest
        raise OSError(code, "refused", str(part))

    monkeypatch.setattr(attachments, "_copy", half_copy)
    before = service.carnet.db.execute("SELECT COUNT(*), MAX(updated_at) FROM expenses").fetchone()
    with pytest.raises(AppError) as caught:
        service.expenses.attach(expense_id, pdf(tmp_path))
    assert reason in caught.value.message
    assert "Rien n'a été joint." in caught.value.message
    assert list(service.expenses.store.folder.iterdir()) == []
    assert rows(service) == 0
    assert service.carnet.db.execute("SELECT COUNT(*), MAX(updated_at) FROM expenses").fetchone() == before


def test_a_leftover_part_is_ignored_then_cleaned(service: CarnetService, tmp_path: Path) -> None:
    expense_id = service.expenses.save_expense(expense())
    attached = service.expenses.attach(expense_id, pdf(tmp_path))
    leftover = service.expenses.store.folder / f"{'0' * 64}.pdf.1a2b3c.part"
    leftover.write_bytes(PDF[:7])
    assert service.expenses.check_attachment(attached) is None
    assert service.expenses.attachments_of(expense_id) == [attached]
    service.expenses.attach(expense_id, pdf(tmp_path, "devis.png", PNG))
    assert not leftover.exists()


def test_killed_while_copying_leaves_no_attachment_and_the_next_start_cleans(
    service: CarnetService, tmp_path: Path, private_home: Path
) -> None:
    expense_id = service.expenses.save_expense(expense())
    carnet = service.path
    service.close()
    source = pdf(tmp_path)
    code = f"""
from pathlib import Path
from ambassadeur_app.services import open_service
with open_service(Path({str(carnet)!r})) as service:
    service.expenses.attach({expense_id!r}, Path({str(source)!r}))
"""
    # Killed once the copy is written under its temporary name, before it is synced and renamed.
    assert run_killed_at("os:fsync", code, private_home) == -signal.SIGKILL
    folder = store_folder(carnet)
    assert [p.name.endswith(".part") for p in folder.iterdir()] == [True]
    with open_service(carnet, readonly=True) as reopened:
        assert reopened.expenses.attachments_of(expense_id) == []
    assert run("--carnet", carnet, "depenses", home=private_home).returncode == 0  # the next start
    assert list(folder.iterdir()) == []
    assert list(partfiles.journal_dir().iterdir()) == []
    with open_service(carnet) as reopened:
        attached = reopened.expenses.attach(expense_id, source)
        assert reopened.expenses.attachment_path(attached).read_bytes() == PDF


def test_a_carnet_opened_read_only_hands_out_its_checked_files(
    service: CarnetService, tmp_path: Path
) -> None:
    expense_id = service.expenses.save_expense(expense())
    attached = service.expenses.attach(expense_id, pdf(tmp_path))
    carnet = service.path
    service.close()
    with open_service(carnet, readonly=True) as reader:
        [found] = reader.expenses.attachments_of(expense_id)
        assert found == attached
        assert reader.expenses.attachment_path(found).read_bytes() == PDF
        with pytest.raises(AppError, match="ouvert en lecture seule"):
            reader.expenses.attach(expense_id, pdf(tmp_path, "autre.png", PNG))

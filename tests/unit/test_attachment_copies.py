"""The attached files travel with every copy of the carnet: encrypted copies, plain copies in a
file, automatic backups. Attacked: a full disk, a kill -9, a file missing or changed in the
store, a read-only destination, the same copy restored twice, a copy in the older format."""

from __future__ import annotations

import errno
import signal
import stat
import tarfile
from pathlib import Path
from typing import Any

import pytest

from ambassadeur_app import partfiles, paths
from ambassadeur_app.domain.expenses import Attachment
from ambassadeur_app.errors import CarnetError
from ambassadeur_app.services import CarnetService, open_service
from ambassadeur_app.services.outside_copy import (
    PASSPHRASE_ENV,
    last_outside_copy,
    restore_plain_copy,
    restore_sealed_copy,
    write_plain_copy,
    write_sealed_copy,
)
from ambassadeur_app.storage import backup, sealed
from ambassadeur_app.storage.attachments import store_folder
from ambassadeur_app.storage.backup import BackupKind, copy_database
from ambassadeur_app.storage.db import restore_carnet
from ambassadeur_app.storage.sealed import FORMAT_VERSION, KdfParams, seal_file, unseal_file
from tests.conftest import TODAY
from tests.unit.test_cli import run
from tests.unit.test_crash_leftovers import run_killed_at
from tests.unit.test_expenses import PDF, expense, pdf
from tests.unit.test_sealed_copy import fingerprint

PHRASE = "cheval agrafe batterie correcte"
FAST = KdfParams(log2_n=14, r=8, p=1)  # tests only: the app writes 2**17
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40 + b"IEND\xaeB`\x82"
SCAN = b"%PDF-1.4\n" + b"scan " * 3000 + b"\n%%EOF\n"  # a removed attachment's file


def files(folder: Path) -> dict[str, bytes]:
    """Return the attached files of a store or a copy's folder, by name (no .part, no litter)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.is_dir() else {}


def parts(*folders: Path) -> list[Path]:
    return [p for folder in folders if folder.is_dir() for p in folder.rglob("*") if ".part" in p.name]


@pytest.fixture
def attached(service: CarnetService, tmp_path: Path) -> list[Attachment]:
    """Three attachments: an invoice (PDF), a quote (PNG), and a scan removed since (undoable)."""
    first = service.expenses.save_expense(expense())
    second = service.expenses.save_expense(expense(supplier="Salle des fêtes", number="D-7"))
    originals = tmp_path / "originaux"
    originals.mkdir()
    invoice = service.expenses.attach(first, pdf(originals, "facture.pdf"))
    quote = service.expenses.attach(second, pdf(originals, "devis.png", PNG))
    removed = service.expenses.attach(second, pdf(originals, "scan.pdf", SCAN))
    service.expenses.detach(removed.id)
    return [invoice, quote, removed]


def stored(attachments: list[Attachment]) -> dict[str, bytes]:
    contents = {".pdf": PDF, ".png": PNG}
    return {a.stored_name: SCAN if a.filename == "scan.pdf" else contents[a.suffix] for a in attachments}


def elsewhere(tmp_path: Path) -> Path:
    """The carnet's place on a new laptop: an empty folder, no attachment store yet."""
    folder = tmp_path / "nouvel-ordinateur"
    folder.mkdir(exist_ok=True)
    return folder / "carnet.ambassadeur"


def check_restored(
    carnet: Path, attachments: list[Attachment], extra: dict[str, bytes] | None = None
) -> None:
    """The restored carnet finds every file, the removed one included once its removal is undone."""
    assert files(store_folder(carnet)) == stored(attachments) | (extra or {})
    with open_service(carnet, today=lambda: TODAY) as restored:
        assert restored.expenses.attachment_problems() == []
        restored.expenses.restore_attachment(attachments[2].id)
        assert restored.expenses.attachment_problems() == []
        assert restored.expenses.attachment_path(attachments[0]).read_bytes() == PDF


def make_copy(service: CarnetService, folder: Path, encrypted: bool, warn: Any = None) -> Path:
    """Write an encrypted or a plain copy of the carnet into ``folder``."""
    if encrypted:
        return write_sealed_copy(service, folder / "c.carnet-chiffre", PHRASE, params=FAST, warn=warn)
    return write_plain_copy(service, folder / "c.ambassadeur", warn)


def restore(carnet: Path, copy: Path, warn: Any = None) -> Path | None:
    """Restore an encrypted or a plain copy into ``carnet``, as the command ``restore`` does."""
    if sealed.is_sealed(copy):
        return restore_sealed_copy(carnet, copy, PHRASE, backup_root=paths.backup_root(), warn=warn)
    return restore_plain_copy(carnet, copy, backup_root=paths.backup_root(), warn=warn)


def copied_then_moved(service: CarnetService, tmp_path: Path, encrypted: bool) -> tuple[Path, Path]:
    """Copy the carnet, close it, and put the carnet file alone (no attachment folder) on the new
    laptop; return the copy and that carnet."""
    copy = make_copy(service, tmp_path, encrypted)
    service.close()
    carnet = elsewhere(tmp_path)
    carnet.write_bytes(service.path.read_bytes())
    return copy, carnet


# --- what each copy carries -------------------------------------------------------------------


def test_the_encrypted_copy_carries_the_files_and_its_restore_puts_them_back(
    service: CarnetService, attached: list[Attachment], tmp_path: Path
) -> None:
    copy = tmp_path / "cle" / "carnet.carnet-chiffre"
    copy.parent.mkdir()
    write_sealed_copy(service, copy, PHRASE, params=FAST)
    service.close()
    raw = copy.read_bytes()
    assert raw[8] == FORMAT_VERSION == 2
    assert b"%PDF" not in raw  # nothing readable on the key
    # Inside: the carnet first, then each stored file once (the removed one too).
    archive = tmp_path / "archive.tar"
    assert unseal_file(copy, PHRASE, archive) == 2
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        assert names[0] == "carnet.ambassadeur"
        assert sorted(names[1:]) == sorted(f"pieces/{name}" for name in stored(attached))
        for name, content in stored(attached).items():
            member = tar.extractfile(f"pieces/{name}")
            assert member is not None
            assert member.read() == content
    # The laptop is gone: restored on another one, the carnet finds its files.
    carnet = elsewhere(tmp_path)
    assert restore_sealed_copy(carnet, copy, PHRASE, backup_root=paths.backup_root()) is None
    assert fingerprint(carnet) == fingerprint(service.path)
    check_restored(carnet, attached)
    assert parts(paths.backup_root(), carnet.parent) == []


def test_a_plain_copy_writes_its_files_beside_it_and_opens_as_a_carnet(
    service: CarnetService, attached: list[Attachment], tmp_path: Path
) -> None:
    copy = tmp_path / "cle" / "copie.ambassadeur"
    copy.parent.mkdir()
    assert write_plain_copy(service, copy) == copy
    assert files(store_folder(copy)) == stored(attached)
    for path in store_folder(copy).iterdir():
        assert not path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    service.close()
    with open_service(copy, readonly=True) as opened:  # the copy opened as it is, on the key
        assert opened.expenses.attachment_problems() == []
    carnet = elsewhere(tmp_path)
    restore_plain_copy(carnet, copy, backup_root=paths.backup_root())
    assert fingerprint(carnet) == fingerprint(service.path)
    check_restored(carnet, attached)


def test_a_carnet_without_attachments_is_copied_without_a_folder(
    service: CarnetService, tmp_path: Path
) -> None:
    copy = tmp_path / "copie.ambassadeur"
    write_plain_copy(service, copy)
    assert copy.is_file()
    assert not store_folder(copy).exists()


def test_a_restored_automatic_backup_finds_its_files_in_the_append_only_store(
    service: CarnetService, attached: list[Attachment], tmp_path: Path
) -> None:
    taken = service.carnet.backups.create(service.carnet.db.conn, BackupKind.DAILY)
    # Afterwards the invoice is removed and another file attached: the store only grows.
    service.expenses.detach(attached[0].id)
    later = service.expenses.attach(
        service.expenses.expense_ids()[0], pdf(tmp_path, "autre.pdf", PDF + b"%2")
    )
    carnet = service.path
    service.close()
    restore_carnet(carnet, taken.path, backup_root=paths.backup_root())
    check_restored(carnet, attached, extra={later.stored_name: PDF + b"%2"})
    # The automatic backups do not protect the folder itself: lost, only a copy off the laptop
    # (encrypted or "backup --sortie") has the files.
    for path in store_folder(carnet).iterdir():
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)
        path.unlink()
    restore_carnet(carnet, taken.path, backup_root=paths.backup_root())
    with open_service(carnet, readonly=True) as restored:
        assert len(restored.expenses.attachment_problems()) == 2
        assert "est introuvable" in restored.expenses.attachment_problems()[0]


# --- a file missing or changed in the store when the copy is made ------------------------------


def spoil(service: CarnetService, attachments: list[Attachment]) -> None:
    """The invoice's stored file is lost, the quote's changed, the removed scan's lost too."""
    store = service.expenses.store
    store.path_of(attachments[0]).unlink()
    changed = store.path_of(attachments[1])
    changed.chmod(stat.S_IRUSR | stat.S_IWUSR)
    changed.write_bytes(PNG[:-1] + b"\x01")
    store.path_of(attachments[2]).unlink()


@pytest.mark.parametrize("encrypted", [True, False])
def test_a_missing_or_changed_file_is_left_out_and_named_the_rest_is_copied(
    service: CarnetService, attached: list[Attachment], tmp_path: Path, encrypted: bool
) -> None:
    extra = service.expenses.attach(service.expenses.expense_ids()[0], pdf(tmp_path, "bon.pdf", PDF + b"%3"))
    spoil(service, attached)
    said: list[str] = []
    copy = make_copy(service, tmp_path, encrypted, said.append)
    assert copy.is_file()
    # Only the live attachments are worth a word; the removed one was left out quietly.
    wanted = [("facture.pdf", "introuvable"), ("devis.png", "modifiée")]
    for message, (name, problem) in zip(said, wanted, strict=True):
        assert message.startswith(f"La pièce jointe « {name} » (facture ")
        assert problem in message
        assert message.endswith(
            "Elle n'est pas dans la copie : retrouvez l'original et joignez-le de nouveau."
        )
    service.close()
    carnet = elsewhere(tmp_path)
    restore(carnet, copy)
    assert files(store_folder(carnet)) == {extra.stored_name: PDF + b"%3"}  # never the changed file
    with open_service(carnet, readonly=True) as restored:
        assert len(restored.expenses.attachment_problems()) == 2


def test_the_command_line_says_which_files_the_copy_lacks(
    service: CarnetService, attached: list[Attachment], tmp_path: Path, private_home: Path
) -> None:
    spoil(service, attached)
    carnet = service.path
    service.close()
    copy = tmp_path / "copie.ambassadeur"
    done = run("--carnet", carnet, "backup", "--sortie", copy, home=private_home)
    assert done.returncode == 0, done.stderr  # the copy is made: what exists is saved
    assert "Sauvegarde écrite" in done.stdout
    warnings = [line for line in done.stderr.splitlines() if line.startswith("attention : La pièce jointe")]
    assert len(warnings) == 2
    assert "« facture.pdf »" in warnings[0]
    assert "Elle n'est pas dans la copie" in warnings[1]


# --- a full disk in the middle ----------------------------------------------------------------


def test_a_full_disk_while_the_encrypted_copy_takes_the_files_leaves_nothing(
    service: CarnetService, attached: list[Attachment], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tarfile.TarFile.addfile
    calls: list[str] = []

    def full_after_the_first_file(self: tarfile.TarFile, info: tarfile.TarInfo, fileobj: Any = None) -> None:
        calls.append(info.name)
        if len(calls) == 3:  # the carnet and one attached file are in; the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")
        real(self, info, fileobj)

    monkeypatch.setattr(tarfile.TarFile, "addfile", full_after_the_first_file)
    target = tmp_path / "cle" / "plein.carnet-chiffre"
    target.parent.mkdir()
    with pytest.raises(CarnetError, match="le disque est plein") as caught:
        write_sealed_copy(service, target, PHRASE, params=FAST)
    assert str(target) in caught.value.message
    assert list(target.parent.iterdir()) == []
    assert parts(paths.backup_root(), tmp_path) == []
    assert last_outside_copy(service.carnet.backups.folder) is None  # no copy counted as made


def test_a_full_disk_while_a_plain_copy_writes_its_files_leaves_nothing(
    service: CarnetService, attached: list[Attachment], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "cle" / "copie.ambassadeur"
    copy.parent.mkdir()
    real = Path.write_bytes
    written: list[Path] = []

    def full_at_the_second_file(path: Path, data: Any) -> int:
        written.append(path)
        if len(written) == 2:
            real(path, bytes(data)[:100])  # half the file, then the key is full
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real(path, data)

    monkeypatch.setattr(Path, "write_bytes", full_at_the_second_file)
    with pytest.raises(CarnetError) as caught:
        write_plain_copy(service, copy)
    assert "le disque est plein. La copie n'a pas été faite." in caught.value.message
    assert len(written) == 2
    assert list(copy.parent.iterdir()) == []  # neither the carnet, nor a file, nor a folder


def test_a_full_disk_while_the_files_are_put_back_replaces_nothing(
    service: CarnetService, attached: list[Attachment], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy, carnet = copied_then_moved(service, tmp_path, True)
    before = fingerprint(carnet)
    real = backup.write_piece

    def full(folder: Path, name: str, data: bytes) -> bool:
        if files(folder):
            raise OSError(errno.ENOSPC, "No space left on device", str(folder / name))
        return real(folder, name, data)

    monkeypatch.setattr(sealed, "write_piece", full)
    with pytest.raises(CarnetError, match=r"le disque est plein\. Le carnet n'a pas été remplacé"):
        restore_sealed_copy(carnet, copy, PHRASE, backup_root=paths.backup_root())
    assert fingerprint(carnet) == before
    assert parts(paths.backup_root(), carnet.parent) == []
    assert len(files(store_folder(carnet))) == 1  # a whole, checked file: harmless, and kept


# --- a kill -9 in the middle ------------------------------------------------------------------


def test_killed_while_the_encrypted_copy_takes_the_files_nothing_looks_done(
    service: CarnetService, attached: list[Attachment], tmp_path: Path, private_home: Path
) -> None:
    carnet = service.path
    backups = service.carnet.backups.folder
    service.close()
    target = tmp_path / "cle" / "copie.carnet-chiffre"
    target.parent.mkdir()
    code = f"""
from pathlib import Path
from ambassadeur_app.services import open_service
from ambassadeur_app.services.outside_copy import write_sealed_copy
from ambassadeur_app.storage.sealed import KdfParams
with open_service(Path({str(carnet)!r}), readonly=True) as service:
    write_sealed_copy(service, Path({str(target)!r}), {PHRASE!r}, params=KdfParams(14, 8, 1))
"""
    # Killed when the first attached file is read: the carnet is already encrypted, in the .part.
    assert run_killed_at("ambassadeur_app.storage.sealed:read_piece", code, private_home) == -signal.SIGKILL
    assert [p.name.endswith(".part") for p in target.parent.iterdir()] == [True]
    assert len(parts(backups)) == 1  # the plaintext carnet, in the backup folder
    assert last_outside_copy(backups) is None
    assert run("--carnet", carnet, "check", home=private_home).returncode == 0  # the next start
    assert list(target.parent.iterdir()) == []
    assert parts(backups) == []


def test_killed_while_a_plain_copy_writes_its_files_nothing_looks_done(
    service: CarnetService, attached: list[Attachment], tmp_path: Path, private_home: Path
) -> None:
    carnet = service.path
    service.close()
    copy = tmp_path / "cle" / "copie.ambassadeur"
    code = f"""
from pathlib import Path
from ambassadeur_app.services import open_service
from ambassadeur_app.services.outside_copy import write_plain_copy
with open_service(Path({str(carnet)!r}), readonly=True) as service:
    write_plain_copy(service, Path({str(copy)!r}))
"""
    # Killed before the first file: the files come first, so there is no copy without its files.
    assert run_killed_at("ambassadeur_app.storage.backup:write_piece", code, private_home) == -signal.SIGKILL
    assert not copy.exists()
    # Killed as the first file is about to be synced under its temporary name.
    assert run_killed_at("os:fsync", code, private_home) == -signal.SIGKILL
    assert not copy.exists()
    assert [p.name.endswith(".part") for p in store_folder(copy).iterdir()] == [True]
    # Killed once every file is written, before the carnet is copied: still no copy.
    assert (
        run_killed_at("ambassadeur_app.storage.backup:copy_database", code, private_home) == -signal.SIGKILL
    )
    assert not copy.exists()
    assert run("--carnet", carnet, "check", home=private_home).returncode == 0  # the next start
    assert files(store_folder(copy)) == stored(attached)  # only whole, checked files are left
    done = run("--carnet", carnet, "backup", "--sortie", copy, home=private_home)
    assert done.returncode == 0, done.stderr
    assert files(store_folder(copy)) == stored(attached)
    assert list(partfiles.journal_dir().iterdir()) == []


def test_killed_while_the_files_are_put_back_the_carnet_is_not_replaced(
    service: CarnetService, attached: list[Attachment], tmp_path: Path, private_home: Path
) -> None:
    copy, carnet = copied_then_moved(service, tmp_path, True)
    before = fingerprint(carnet)
    code = f"""
from pathlib import Path
from ambassadeur_app import paths
from ambassadeur_app.services.outside_copy import restore_sealed_copy
restore_sealed_copy(Path({str(carnet)!r}), Path({str(copy)!r}), {PHRASE!r}, backup_root=paths.backup_root())
"""
    assert run_killed_at("ambassadeur_app.storage.sealed:write_piece", code, private_home) == -signal.SIGKILL
    assert fingerprint(carnet) == before
    assert len(parts(paths.backup_root())) == 2  # the decrypted archive and the carnet in it
    assert run("--carnet", carnet, "check", home=private_home).returncode == 1  # files still missing
    assert parts(paths.backup_root()) == []
    restore_sealed_copy(carnet, copy, PHRASE, backup_root=paths.backup_root())
    check_restored(carnet, attached)


# --- a read-only destination ------------------------------------------------------------------


def read_only(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Make ``folder`` refuse every new file or folder, as a locked key does (tests run as root)."""
    real_open, real_mkdir = open, Path.mkdir

    def refuse(path: Any) -> None:
        if Path(path).absolute().is_relative_to(folder):
            raise OSError(errno.EROFS, "Read-only file system", str(path))

    def guarded_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if any(flag in mode for flag in "wxa+"):
            refuse(file)
        return real_open(file, mode, *args, **kwargs)

    def guarded_mkdir(path: Path, *args: Any, **kwargs: Any) -> None:
        refuse(path)
        real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", guarded_open)
    monkeypatch.setattr(Path, "mkdir", guarded_mkdir)


@pytest.mark.parametrize("encrypted", [True, False])
def test_a_read_only_destination_is_said_and_nothing_is_written(
    service: CarnetService,
    attached: list[Attachment],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    encrypted: bool,
) -> None:
    key = tmp_path / "cle"
    key.mkdir()
    backups = paths.backup_root()  # read first: ``undo()`` also drops the test's private home
    read_only(monkeypatch, key)
    with pytest.raises(CarnetError, match="le support est en lecture seule"):
        make_copy(service, key, encrypted)
    monkeypatch.undo()
    assert list(key.iterdir()) == []
    assert parts(backups) == []


@pytest.mark.parametrize("encrypted", [True, False])
def test_restoring_into_a_read_only_folder_replaces_nothing(
    service: CarnetService,
    attached: list[Attachment],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    encrypted: bool,
) -> None:
    copy, carnet = copied_then_moved(service, tmp_path, encrypted)
    before = fingerprint(carnet)
    backups = paths.backup_root()  # read first: ``undo()`` also drops the test's private home
    read_only(monkeypatch, carnet.parent)
    with pytest.raises(CarnetError, match=r"en lecture seule\. Le carnet n'a pas été remplacé\."):
        restore(carnet, copy)
    monkeypatch.undo()
    assert fingerprint(carnet) == before
    assert not store_folder(carnet).exists()
    assert parts(backups) == []


# --- the same copy restored twice, a damaged file, the older format ------------------------------


@pytest.mark.parametrize("encrypted", [True, False])
def test_the_same_copy_restored_twice_keeps_the_files_already_there(
    service: CarnetService, attached: list[Attachment], tmp_path: Path, encrypted: bool
) -> None:
    copy = make_copy(service, tmp_path, encrypted)
    service.close()
    carnet = elsewhere(tmp_path)

    def identities() -> dict[str, tuple[int, int]]:
        return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in store_folder(carnet).iterdir()}

    assert restore(carnet, copy) is None
    first = identities()
    assert restore(carnet, copy) is not None  # the first restore's carnet, kept as "avant restauration"
    assert identities() == first  # the same files, untouched
    assert fingerprint(carnet) == fingerprint(service.path)
    check_restored(carnet, attached)


def test_a_damaged_file_in_the_store_is_replaced_by_the_good_copy(
    service: CarnetService, attached: list[Attachment], tmp_path: Path
) -> None:
    copy = write_sealed_copy(service, tmp_path / "c.carnet-chiffre", PHRASE, params=FAST)
    service.close()
    damaged = service.expenses.store.path_of(attached[0])
    damaged.chmod(stat.S_IRUSR | stat.S_IWUSR)
    damaged.write_bytes(b"%PDF-abime")
    restore_sealed_copy(service.path, copy, PHRASE, backup_root=paths.backup_root())
    check_restored(service.path, attached)


@pytest.mark.parametrize("encrypted", [True, False])
def test_a_file_of_the_copy_that_does_not_match_its_name_is_refused(
    service: CarnetService,
    attached: list[Attachment],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    encrypted: bool,
) -> None:
    invoice = attached[0].stored_name
    if encrypted:
        real = sealed.read_piece

        def forged(path: Path, expected: Attachment) -> bytes | None:
            data = real(path, expected)
            return b"%PDF-faux" if expected.stored_name == invoice else data

        with monkeypatch.context() as patched:  # a copy whose invoice is not the one its name says
            patched.setattr(sealed, "read_piece", forged)
            copy = make_copy(service, tmp_path, encrypted)
    else:
        copy = make_copy(service, tmp_path, encrypted)
        on_key = store_folder(copy) / invoice
        on_key.chmod(stat.S_IRUSR | stat.S_IWUSR)
        on_key.write_bytes(b"%PDF-faux")  # the key rotted
    service.close()
    carnet = elsewhere(tmp_path)
    said: list[str] = []
    restore(carnet, copy, said.append)
    assert said == [
        "La pièce jointe « facture.pdf » est abîmée dans la copie (son contenu ne correspond plus à son "
        f"empreinte) : elle n'a pas été remise dans « {store_folder(carnet)} ». Retrouvez l'original et "
        "joignez-le de nouveau."
    ]
    expected = stored(attached)
    del expected[invoice]
    assert files(store_folder(carnet)) == expected  # the others are back
    with open_service(carnet, readonly=True) as restored:
        [problem] = restored.expenses.attachment_problems()
        assert "« facture.pdf »" in problem


def test_a_copy_in_the_older_format_is_still_restored(
    service: CarnetService, attached: list[Attachment], tmp_path: Path
) -> None:
    """Version 1, as the app wrote before attachments: the SQLite file alone, encrypted."""
    plain = tmp_path / "clair.ambassadeur"
    copy_database(service.carnet.db.conn, plain)
    old = tmp_path / "ancienne.carnet-chiffre"
    seal_file(plain, old, PHRASE, params=FAST)
    assert old.read_bytes()[8] == 1
    service.close()
    before = files(service.expenses.store.folder)
    restore_sealed_copy(service.path, old, PHRASE, backup_root=paths.backup_root())
    assert fingerprint(service.path) == fingerprint(plain)
    assert files(service.expenses.store.folder) == before  # the files stayed where they were
    check_restored(service.path, attached)
    # Elsewhere, the older copy brings the carnet back, and says which files it never had.
    carnet = elsewhere(tmp_path)
    restore_sealed_copy(carnet, old, PHRASE, backup_root=paths.backup_root())
    with open_service(carnet, readonly=True) as restored:
        assert len(restored.expenses.attachment_problems()) == 2


def test_an_archive_holding_anything_else_is_refused_whole(
    service: CarnetService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only this patch is undone: ``undo()`` would also drop the test's private home.
    with monkeypatch.context() as patched:
        patched.setattr(sealed, "CARNET_MEMBER", "../carnet.ambassadeur")
        copy = write_sealed_copy(service, tmp_path / "c.carnet-chiffre", PHRASE, params=FAST)
    service.close()
    before = fingerprint(service.path)
    with pytest.raises(sealed.SealedCopyError, match=r"ne contient pas un carnet .* Rien n'a été modifié"):
        restore_sealed_copy(service.path, copy, PHRASE, backup_root=paths.backup_root())
    assert fingerprint(service.path) == before
    assert parts(paths.backup_root()) == []


def test_the_command_line_round_trip_carries_the_files(
    service: CarnetService,
    attached: list[Attachment],
    tmp_path: Path,
    private_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(PASSPHRASE_ENV, PHRASE)
    carnet = service.path
    service.close()
    key = tmp_path / "cle"
    key.mkdir()
    for args in (["--sortie", key / "copie.ambassadeur"], ["--chiffrer", "--sortie", key]):
        done = run("--carnet", carnet, "backup", *args, home=private_home)
        assert done.returncode == 0, done.stderr
    [sealed_copy] = key.glob("*.carnet-chiffre")
    other = elsewhere(tmp_path)
    for copy in (key / "copie.ambassadeur", sealed_copy):
        done = run("--carnet", other, "restore", copy, home=private_home)
        assert done.returncode == 0, done.stderr
        assert "Carnet restauré" in done.stdout
        check_restored(other, attached)
        files_there = store_folder(other)
        for path in files_there.iterdir():
            path.chmod(stat.S_IRUSR | stat.S_IWUSR)
            path.unlink()

"""Copies of the carnet that leave the laptop (encrypted, or a plain copy in a file the user
chose), with the files attached to it, and restoring from one.

The date of the last encrypted copy is kept beside the carnet's backups
(``copie-hors-ordinateur.json`` in its backup folder), never inside the carnet: restoring an old
copy must not make the app believe a fresh copy exists. The plaintext copy made on the way in or
out is a ``.part`` file in that same folder, removed at once and, after a crash, at the next start.

Both kinds of copy carry the files of every attachment row, live or removed (a removal can be
undone in the restored carnet); how, and why a missing or changed file does not stop the copy
but is named, is told in ``storage/backup.py``. A restore puts the files back into the restored
carnet's ``.pieces`` folder before the carnet itself, so a restored carnet finds its files.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ambassadeur_app.errors import CarnetError, os_reason
from ambassadeur_app.partfiles import part_for, tracked, written_in_place_of
from ambassadeur_app.storage.attachments import store_folder, store_write_problem
from ambassadeur_app.storage.backup import (
    copy_database,
    copy_with_pieces,
    read_only_connection,
    restore_pieces,
)
from ambassadeur_app.storage.db import restore_carnet

if TYPE_CHECKING:
    from ambassadeur_app.domain.expenses import Attachment
    from ambassadeur_app.services.carnet import CarnetService
    from ambassadeur_app.storage.sealed import Cancelled, KdfParams, Progress

Warn = Callable[[str], None]

PASSPHRASE_ENV = "AMBASSADEUR_PHRASE_SECRETE"
RECORD_NAME = "copie-hors-ordinateur.json"
# A copy older than this is worth a reminder: a month of evidence would be lost with the laptop.
OVERDUE_DAYS = 31


@dataclass(frozen=True)
class OutsideCopy:
    day: date
    path: Path


def passphrase_from_env() -> str | None:
    """Return the passphrase scripts give in ``AMBASSADEUR_PHRASE_SECRETE``, or ``None``."""
    value = os.environ.get(PASSPHRASE_ENV)
    return value if value else None


def last_outside_copy(backups_folder: Path) -> OutsideCopy | None:
    """Return the last encrypted copy made of the carnet whose backups are in ``backups_folder``."""
    try:
        text = (backups_folder / RECORD_NAME).read_text(encoding="utf-8", errors="surrogateescape")
        data = json.loads(text)
        return OutsideCopy(date.fromisoformat(data["day"]), Path(data["path"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _record(backups_folder: Path, copy: OutsideCopy) -> None:
    try:
        backups_folder.mkdir(parents=True, exist_ok=True)
        with written_in_place_of(backups_folder / RECORD_NAME) as part:
            part.write_text(
                json.dumps({"day": copy.day.isoformat(), "path": str(copy.path)}, ensure_ascii=False),
                encoding="utf-8",
                errors="surrogateescape",
            )
    except OSError:
        pass  # the copy itself is made; at worst the reminder comes back too early


def outside_copy_overdue(service: CarnetService) -> bool:
    """Say whether the carnet's last copy off the laptop is more than a month old.

    A carnet never copied is overdue once its experiment has run for a month.
    """
    today = service.today()
    last = last_outside_copy(service.carnet.backups.folder)
    if last is not None:
        return (today - last.day).days > OVERDUE_DAYS
    if not service.is_set_up:
        return False
    return (today - service.programme().start_date).days > OVERDUE_DAYS


def reminder_text(service: CarnetService) -> str:
    """Say in French when the carnet was last copied off the laptop."""
    last = last_outside_copy(service.carnet.backups.folder)
    if last is None:
        return "Aucune copie chiffrée de ce carnet n'a encore été faite hors de cet ordinateur."
    days = (service.today() - last.day).days
    ago = "aujourd'hui" if days <= 0 else ("hier" if days == 1 else f"il y a {days} jours")
    return (
        f"Dernière copie chiffrée hors de cet ordinateur : le {last.day:%d/%m/%Y} ({ago}), « {last.path} »."
    )


def _attached_files(service: CarnetService) -> list[Attachment]:
    """Return one attachment per stored file that a row of the carnet names (live or removed)."""
    return list({a.stored_name: a for a in service.carnet.attachments.stored()}.values())


def _say_left_out(service: CarnetService, skipped: list[Attachment], warn: Warn | None) -> None:
    """Name (in French, through ``warn``) each live attachment whose file the copy could not carry."""
    names = {a.stored_name for a in skipped}
    if warn is None or not names:
        return
    for attachment in service.carnet.attachments.live():
        if attachment.stored_name in names:
            problem = service.expenses.check_attachment(attachment)
            warn(
                f"{problem or f'La pièce jointe « {attachment.filename} » ne peut pas être lue.'} "
                "Elle n'est pas dans la copie : retrouvez l'original et joignez-le de nouveau."
            )


def _say_refused(refused: list[str], carnet: Path, warn: Warn | None) -> None:
    """Name (in French, through ``warn``) the attachments of the restored ``carnet`` whose file
    the copy held damaged, so it was not put back."""
    if warn is None or not refused:
        return
    conn = read_only_connection(carnet)
    try:
        for name in refused:
            found = conn.execute(
                "SELECT DISTINCT filename FROM attachments WHERE sha256 = ? ORDER BY filename", (name[:64],)
            ).fetchall()
            shown = ", ".join(f"« {row[0]} »" for row in found) or f"« {name} »"
            warn(
                f"La pièce jointe {shown} est abîmée dans la copie (son contenu ne correspond plus à "
                f"son empreinte) : elle n'a pas été remise dans « {store_folder(carnet)} ». Retrouvez "
                "l'original et joignez-le de nouveau."
            )
    finally:
        conn.close()


# How the note of a restored shared carnet begins: the window shows it apart from the files.
SHARED_NOTE = "Ce carnet est partagé avec l'autre ordinateur"


def _say_shared(carnet: Path, kept: Path | None, warn: Warn | None) -> None:
    """Say (in French, through ``warn``) that the restored ``carnet`` is a shared one: it becomes
    a new copy of the shared carnet at its next sync (docs/synchronisation.md)."""
    if warn is None:
        return
    conn = read_only_connection(carnet)
    try:
        row = conn.execute("SELECT shared_id, folder FROM _sync_state").fetchone()
    except sqlite3.Error:  # a carnet from before the sync
        row = None
    finally:
        conn.close()
    if not row or not row[0]:
        return
    before = f" (gardé ici : « {kept} »)" if kept else ""
    warn(
        f"{SHARED_NOTE} par le dossier « {row[1]} ». À la prochaine "
        "synchronisation, la sauvegarde restaurée reçoit tout ce qui a été synchronisé depuis (de "
        "l'autre ordinateur comme de celui-ci) ; si ce carnet avait envoyé des changements depuis la "
        "sauvegarde, elle le signale et devient une nouvelle copie du carnet partagé, qui envoie ses "
        "changements sous un nouveau nom : rien n'est perdu. Seuls les changements faits ici après la "
        f"sauvegarde et jamais synchronisés n'y sont pas : ils restent dans le carnet remplacé{before}."
    )


def _real(carnet: Path) -> Path:
    """Return the carnet file at ``carnet`` as it opens (its attachments lie beside that one)."""
    return Path(carnet).expanduser().absolute().resolve()


def write_plain_copy(service: CarnetService, target: Path, warn: Warn | None = None) -> Path:
    """Copy the open carnet to ``target`` and its attached files to ``target.pieces/`` (first).

    Raises:
        CarnetError: the copy could not be written (the files written so far are removed).
    """
    target = Path(target)
    files = _attached_files(service)
    skipped = copy_with_pieces(
        service.carnet.db.conn, service.expenses.store.folder, files, target, store_folder(target)
    )
    _say_left_out(service, skipped, warn)
    return target


def restore_plain_copy(
    carnet: Path,
    copy: Path,
    *,
    backup_root: Path,
    clock: Callable[[], datetime] = datetime.now,
    warn: Warn | None = None,
) -> Path | None:
    """Replace ``carnet`` with the (unencrypted) ``copy``, after putting back the attached files
    of ``copy.pieces/`` when there is one. Returns where the previous carnet was kept.

    Raises:
        CarnetError (see ``restore_carnet``).
    """
    copy, carnet = Path(copy).expanduser().absolute(), _real(carnet)
    pieces = store_folder(copy)
    refused = restore_pieces(pieces, store_folder(carnet)) if pieces.is_dir() else []
    kept = restore_carnet(carnet, copy, backup_root=backup_root, clock=clock)
    _say_refused(refused, carnet, warn)
    _say_shared(carnet, kept, warn)
    return kept


def write_sealed_copy(
    service: CarnetService,
    target: Path,
    passphrase: str,
    *,
    params: KdfParams | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    warn: Warn | None = None,
) -> Path:
    """Write an encrypted copy of the open carnet and its attached files to ``target`` and
    remember its date; ``warn`` hears of each attached file that could not be carried.

    Raises:
        InvalidInput: weak passphrase. CarnetError: the copy could not be written.
    """
    # The encryption is imported when used: the window asks at start whether a copy is due.
    from ambassadeur_app.storage.sealed import DEFAULT_KDF, check_passphrase, seal_carnet, suggested_name

    check_passphrase(passphrase)  # before the (possibly long) plaintext copy
    target = Path(target)
    if target.is_dir():  # "backup --chiffrer --sortie /media/cle": the usual name, in that folder
        target = target / suggested_name(service.path, service.today().isoformat())
    if problem := store_write_problem(target):
        raise CarnetError(problem)
    folder = service.carnet.backups.folder
    plain = part_for(folder / "copie-en-clair.ambassadeur")
    files = _attached_files(service)
    try:
        with tracked(plain):
            copy_database(service.carnet.db.conn, plain)
            skipped = seal_carnet(
                plain,
                service.expenses.store.folder,
                files,
                target,
                passphrase,
                params=DEFAULT_KDF if params is None else params,
                progress=progress,
                cancelled=cancelled,
            )
    finally:
        with suppress(OSError):
            plain.unlink(missing_ok=True)
    _record(folder, OutsideCopy(service.today(), target.absolute()))
    _say_left_out(service, skipped, warn)
    return target


def restore_sealed_copy(
    carnet: Path,
    copy: Path,
    passphrase: str,
    *,
    backup_root: Path,
    clock: Callable[[], datetime] = datetime.now,
    progress: Progress | None = None,
    warn: Warn | None = None,
) -> Path | None:
    """Replace ``carnet`` with the carnet inside the encrypted ``copy``, after putting its
    attached files back into the carnet's ``.pieces`` folder.

    The copy is decrypted and checked before anything is touched: a wrong passphrase, a
    damaged copy or a file that is not a carnet changes nothing. Returns where the previous
    carnet was kept (as ``restore_carnet`` does).

    Raises:
        SealedCopyError, WrongPassphrase, CarnetError (see ``restore_carnet``).
    """
    from ambassadeur_app.storage.sealed import (
        SINGLE_FILE_VERSION,
        SealedCopyError,
        is_sealed,
        unpack_archive,
        unseal_file,
    )

    copy = Path(copy).expanduser().absolute()
    if not is_sealed(copy):
        raise SealedCopyError(
            f"Le fichier « {copy} » n'est pas une copie chiffrée du Carnet de bord. Rien n'a été modifié."
        )
    # Directly under the backup root, not in the carnet's own backup folder: that folder is named
    # after the carnet, and a "#" or "?" in it would break the SQLite URI restore_carnet opens.
    folder = Path(backup_root)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CarnetError(
            f"Impossible de préparer la restauration dans « {folder} » : {os_reason(exc)}."
        ) from exc
    carnet = _real(carnet)
    archive = part_for(folder / "copie-dechiffree.tar")
    plain = part_for(folder / "copie-dechiffree.ambassadeur")
    refused: list[str] = []
    try:
        with tracked(archive), tracked(plain):
            if unseal_file(copy, passphrase, archive, progress) == SINGLE_FILE_VERSION:
                archive.replace(plain)  # a copy made before attachments: the carnet file alone
            else:
                refused = unpack_archive(archive, copy, plain, store_folder(carnet))
            try:
                kept = restore_carnet(carnet, plain, backup_root=backup_root, clock=clock)
            except CarnetError as exc:
                # Name the copy the user chose, not the temporary file it was decrypted into.
                exc.message = exc.message.replace(str(plain), str(copy))
                exc.args = (exc.message,)
                raise
    finally:
        for leftover in (archive, plain, *(Path(f"{plain}{side}") for side in ("-journal", "-wal", "-shm"))):
            with suppress(OSError):
                leftover.unlink(missing_ok=True)
    _say_refused(refused, carnet, warn)
    _say_shared(carnet, kept, warn)
    return kept

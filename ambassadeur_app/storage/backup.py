"""Automatic and manual backups of a carnet, made with SQLite's online backup API, and the
copies of its attached files that go with a copy of the carnet.

A carnet's backups live in their own folder. Daily backups are thinned (7 daily, 4 weekly,
6 monthly); backups taken before a migration, an import or a restore keep the 10 most recent
of each kind; manual backups are never deleted.

Attached files (quotes, invoices, signed sheets) live in the carnet's ``.pieces`` folder, named by
their SHA-256 (``storage/attachments.py``). How each kind of copy keeps them:

- The automatic backups (and those taken before a migration, an import or a restore) copy the
  SQLite file only. The attachment folder is append-only: a file is never deleted from it (removing
  an attachment only marks its row), so a restored backup finds every file its rows name in the
  same ``.pieces`` folder. Copying the folder into each daily backup would multiply megabytes of
  scans for nothing. The price: these backups do not protect the folder itself; if it is lost,
  only a copy made off the laptop has the files.
- A copy the user asks for in a file (``backup --sortie COPIE``) writes the files into
  ``COPIE.pieces/`` first, then the carnet: the same layout as a carnet and its folder, so the copy
  opens as a carnet as it is, and a copy that exists is complete (a failure midway removes the
  files it wrote; a kill -9 leaves only whole files, whose ``.part`` is cleaned at the next start).
- The encrypted copy (``storage/sealed.py``) carries them inside the encrypted file.

A stored file that is missing or changed when the copy is made does not stop it: a laptop that is
failing must still be copied, so the copy carries the carnet and every intact file, and says which
ones it could not carry. A file is only ever written under its name once its content has been
hashed to that name: a copy never holds, and a restore never puts back, a false document.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import stat
import threading
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from ambassadeur_app.errors import CarnetError, os_reason
from ambassadeur_app.partfiles import written_in_place_of
from ambassadeur_app.storage.attachments import MAX_SIZE, holds, store_write_problem

if TYPE_CHECKING:
    from ambassadeur_app.domain.expenses import Attachment

SQLITE_HEADER = b"SQLite format 3\x00"
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY, KEEP_EVENT = 7, 4, 6, 10
BACKUP_SUFFIX = ".ambassadeur"
# An attached file's name in a store or a copy: its SHA-256 and the extension found in its content.
PIECE_NAME = re.compile(r"[0-9a-f]{64}\.[a-z]{3,4}")
# The day's backup written beside the window goes in steps of this many pages (1 MB of 4 KB
# pages, ~1 ms of copy), pausing after each: copied at once, the 80 MB of a large carnet took
# ~90 ms of a core, and the day's first save waited for it to be repainted (5–15 ms more).
PACED_STEP_PAGES = 256
PACED_PAUSE = 0.004  # seconds
PACED_START = 0.05  # seconds: the save that starts the backup is repainted before it begins


class BackupKind(StrEnum):
    DAILY = "quotidienne"
    BEFORE_MIGRATION = "avant-migration"
    BEFORE_IMPORT = "avant-import"
    BEFORE_RESTORE = "avant-restauration"
    MANUAL = "manuelle"

    @property
    def label(self) -> str:
        return {
            BackupKind.DAILY: "quotidienne",
            BackupKind.BEFORE_MIGRATION: "avant mise à jour du format",
            BackupKind.BEFORE_IMPORT: "avant import",
            BackupKind.BEFORE_RESTORE: "avant restauration",
            BackupKind.MANUAL: "manuelle",
        }[self]


@dataclass(frozen=True)
class Backup:
    path: Path
    kind: BackupKind
    taken_at: datetime
    size: int


def backup_folder(root: Path, carnet_path: Path) -> Path:
    """Return the folder of ``carnet_path``'s backups under ``root`` (one per carnet file)."""
    # surrogateescape: a path may hold bytes that are not UTF-8 (an old USB key, a zip).
    digest = hashlib.sha1(str(carnet_path.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:8]
    return root / f"{carnet_path.stem}-{digest}"


def copy_database(source: sqlite3.Connection, target: Path, hurry: threading.Event | None = None) -> None:
    """Write a consistent copy of an open database to ``target`` (via ``target.part``); with
    ``hurry``, in steps, pausing after each until ``hurry`` is set (``_paced_backup``).

    Raises:
        CarnetError: when the copy cannot be written (full disk, no permission...), or
            ``target`` lies in a carnet's attachment folder (it would replace an invoice).
    """
    if problem := store_write_problem(target):
        raise CarnetError(problem)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with written_in_place_of(target) as part:
            dest = sqlite3.connect(str(part))
            try:
                if hurry is not None:
                    _paced_backup(source, dest, hurry)
                else:
                    source.backup(dest)
                dest.execute("PRAGMA journal_mode=DELETE")
            finally:
                dest.close()
    except (OSError, sqlite3.Error) as exc:
        raise CarnetError(f"Impossible d'écrire la sauvegarde « {target} » : {_reason(exc)}.") from exc


def _paced_backup(source: sqlite3.Connection, dest: sqlite3.Connection, hurry: threading.Event) -> None:
    """Copy ``source`` into ``dest`` in steps, pausing after each until ``hurry`` is set (then
    the rest goes at full speed). One read transaction holds the state copied from the first
    step to the last: without it, a save made meanwhile on another connection would start the
    copy again at its next step."""
    source.execute("BEGIN")
    try:
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the state copied
        source.backup(dest, pages=PACED_STEP_PAGES, progress=lambda *_: _pause(PACED_PAUSE, hurry))
    finally:
        source.rollback()


def _pause(seconds: float, hurry: threading.Event) -> None:
    """Wait ``seconds``, or until ``hurry`` is set (at once if it is)."""
    hurry.wait(seconds)


def _regular(path: Path) -> bool:
    """Say whether ``path`` is a regular file itself (not a link, a pipe, a folder)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def read_piece(path: Path, expected: Attachment) -> bytes | None:
    """Return the content of a stored file if it is still the attachment's (size and SHA-256),
    else ``None`` (missing, unreadable, changed, or not a regular file: never followed)."""
    if not _regular(path):
        return None
    try:
        with open(path, "rb") as handle:
            data = handle.read(expected.size + 1)
    except OSError:
        return None
    intact = len(data) == expected.size and hashlib.sha256(data).hexdigest() == expected.sha256
    return data if intact else None


def write_piece(folder: Path, name: str, data: bytes) -> bool:
    """Write an attached file into ``folder`` under ``name`` (its SHA-256 and extension: the caller
    checked it), read-only, via a ``.part``; an identical file already there is kept. Return
    whether a file was written.

    Raises:
        OSError: the file cannot be written (``folder`` is then as it was).
    """
    target = folder / name
    if holds(target, name[:64]):
        return False
    folder.mkdir(parents=True, exist_ok=True)
    if _regular(target):  # damaged: the good copy replaces it (Windows renames over no read-only file)
        target.chmod(stat.S_IRUSR | stat.S_IWUSR)
    with written_in_place_of(target) as part:
        part.write_bytes(data)
    target.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    return True


def remove_pieces(written: Iterable[Path]) -> None:
    """Remove files ``write_piece`` wrote (a copy that failed), and their folder once empty."""
    folders = set()
    for path in written:
        folders.add(path.parent)
        with suppress(OSError):
            path.chmod(stat.S_IRUSR | stat.S_IWUSR)
            path.unlink()
    for folder in folders:
        with suppress(OSError):
            folder.rmdir()  # only when empty: files of earlier copies stay


def copy_with_pieces(
    conn: sqlite3.Connection, store: Path, attachments: Iterable[Attachment], target: Path, pieces: Path
) -> list[Attachment]:
    """Write the attached files into ``pieces``, then a copy of the carnet to ``target``; return
    the attachments whose file was missing or changed in ``store`` (not copied).

    Raises:
        CarnetError: the copy cannot be written; the files written so far are removed.
    """
    skipped: list[Attachment] = []
    written: list[Path] = []
    try:
        for attachment in attachments:
            data = read_piece(store / attachment.stored_name, attachment)
            if data is None:
                skipped.append(attachment)
            elif write_piece(pieces, attachment.stored_name, data):
                written.append(pieces / attachment.stored_name)
        copy_database(conn, target)
    except OSError as exc:
        remove_pieces(written)
        raise CarnetError(
            f"Impossible d'écrire les pièces jointes de la copie dans « {pieces} » : {os_reason(exc)}. "
            "La copie n'a pas été faite."
        ) from exc
    except BaseException:
        remove_pieces(written)
        raise
    return skipped


def restore_pieces(source: Path, store: Path) -> list[str]:
    """Put the attached files of a copy's folder ``source`` back into ``store``; return the names
    of those refused (their content no longer matches their name: the copy was damaged).

    Raises:
        CarnetError: ``store`` cannot be written (what was written stays: whole, checked files).
    """
    refused = []
    try:
        for path in sorted(source.iterdir()):
            if not PIECE_NAME.fullmatch(path.name):
                continue  # a leftover .part, a file someone put there
            try:
                data = path.read_bytes() if _regular(path) and path.stat().st_size <= MAX_SIZE else b""
            except OSError:
                data = b""
            if hashlib.sha256(data).hexdigest() != path.name[:64]:
                refused.append(path.name)
                continue
            write_piece(store, path.name, data)
    except OSError as exc:
        raise CarnetError(
            f"Impossible de remettre les pièces jointes dans « {store} » : {os_reason(exc)}. "
            "Le carnet n'a pas été remplacé."
        ) from exc
    return refused


FULL_DISK = "le disque est plein"
BUSY = "le fichier est occupé par un autre programme"


def sqlite_reason(exc: sqlite3.Error) -> str:
    """Say in French why SQLite refused to read or write a file."""
    name = getattr(exc, "sqlite_errorname", "")
    # SHMSIZE: the shared-memory file beside the carnet could not grow (no space left).
    if name.startswith(("SQLITE_FULL", "SQLITE_IOERR_SHMSIZE")) or "disk is full" in str(exc):
        return FULL_DISK
    if name.startswith(("SQLITE_READONLY", "SQLITE_PERM")):
        return "le fichier ou son dossier est en lecture seule"
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return BUSY
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return "le fichier est endommagé"
    if name.startswith("SQLITE_CANTOPEN"):
        return (
            "le fichier, ou son journal (« -wal », « -shm ») à côté de lui, ne peut pas être "
            "ouvert (droits d'accès, dossier protégé)"
        )
    if name.startswith("SQLITE_IOERR"):
        return "erreur de lecture ou d'écriture sur le disque"
    return str(exc)


def is_damage(exc: sqlite3.Error) -> bool:
    """Tell whether SQLite refused because the file itself is damaged, rather than busy, on a
    full disk, protected or out of reach (which say nothing against its content)."""
    name = getattr(exc, "sqlite_errorname", "")
    return isinstance(exc, sqlite3.DatabaseError) and (
        name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in str(exc)
    )


# What to do when a carnet could not be read to the end to be checked, by reason.
_RETRY = {
    FULL_DISK: "Libérez de la place sur ce disque, puis réessayez.",
    BUSY: (
        "Attendez que cet autre programme ait fini (synchronisation, sauvegarde, antivirus) ou "
        "fermez-le, puis réessayez."
    ),
}
_RETRY_READING = (
    "Vérifiez que le disque (ou la clé USB, le dossier réseau) est bien branché et que vous avez "
    "le droit de lire ce fichier, puis réessayez."
)


def unchecked(path: Path, exc: OSError | sqlite3.Error) -> CarnetError:
    """Say that the carnet at ``path`` could not be read to be checked, and why (busy, full
    disk, unreadable): that says nothing against its content, so no restore is offered."""
    reason = _reason(exc)
    return CarnetError(
        f"Le carnet « {path} » n'a pas pu être vérifié : {reason}. Cela ne dit rien de son "
        f"contenu, et il n'a pas été modifié. {_RETRY.get(reason, _RETRY_READING)}"
    )


def _reason(exc: OSError | sqlite3.Error) -> str:
    return sqlite_reason(exc) if isinstance(exc, sqlite3.Error) else os_reason(exc)


def sqlite_uri(path: Path, query: str) -> str:
    """Return the URI SQLite opens ``path`` by, whatever its characters (``#``, ``%``, spaces,
    bytes that are not UTF-8) or its place (``//serveur/partage/…`` on Windows)."""
    text = path.absolute().as_posix()
    return f"file:{'//' if text.startswith('/') else '///'}{quote(os.fsencode(text))}?{query}"


def has_live_log(path: Path) -> bool:
    """Tell whether the database at ``path`` has changes still in its write-ahead log."""
    wal = Path(f"{path}-wal")
    return wal.exists() and wal.stat().st_size > 0


def read_only_connection(path: Path) -> sqlite3.Connection:
    """Connect to read ``path``; in a read-only folder, without creating anything beside it."""
    immutable = ""
    if not os.access(path.parent, os.W_OK) and not has_live_log(path):
        # Closed cleanly on read-only media: nothing can change it, so SQLite may read it as
        # immutable (it could not create its -shm file there).
        immutable = "&immutable=1"
    return sqlite3.connect(sqlite_uri(path, f"mode=ro{immutable}"), uri=True, timeout=5)


def check_file(path: Path) -> str | None:
    """Return ``None`` if ``path`` is a sound SQLite file, else a French reason why it is not
    (not an SQLite file, damaged).

    Raises:
        CarnetError: the file could not be read to be checked (busy, full disk, protected, out
            of reach): nothing is known against it, so it must be neither set aside nor replaced.
    """
    try:
        with open(path, "rb") as handle:
            header = handle.read(16)
    except OSError as exc:
        raise unchecked(path, exc) from exc
    if header != SQLITE_HEADER:
        return "ce n'est pas un fichier de carnet (SQLite)"
    try:
        conn = read_only_connection(path)
    except sqlite3.Error as exc:
        if is_damage(exc):
            return f"fichier endommagé ({exc})"
        raise unchecked(path, exc) from exc
    try:
        result = quick_check(conn)
    finally:
        conn.close()
    return None if result == "ok" else f"fichier endommagé ({result})"


def quick_check(conn: sqlite3.Connection) -> str:
    """Return ``ok``, or what SQLite's integrity check found wrong in the file (a file too
    damaged to be read at all raises, and is reported the same way). A check interrupted
    (``Connection.interrupt``) returns SQLite's words, for the caller that interrupted it.

    Raises:
        CarnetError: the file could not be read to the end (busy, full disk, read error): that
            says nothing against its content.
    """
    try:
        return str(conn.execute("PRAGMA quick_check").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        if is_damage(exc) or getattr(exc, "sqlite_errorname", "") == "SQLITE_INTERRUPT":
            return str(exc)
        # The file SQLite opened, whatever URI it was opened by.
        path = Path(conn.execute("PRAGMA database_list").fetchone()[2])
        raise unchecked(path, exc) from exc


class BackupManager:
    """The backups of one carnet file.

    A daily backup that fails never undoes or hides the change that triggered it: the problem
    is kept in ``status_file`` (outside the backup folder, which may be the very thing that is
    broken) and shown by every later command until a backup succeeds.
    """

    def __init__(self, folder: Path, status_file: Path | None = None) -> None:
        self.folder = folder
        self.status_file = status_file
        self._last_daily: date | None = None
        self._scanned = False
        self._problem: str | None = None
        self._problem_read = False
        # Set when someone waits for the paced daily backup being written (the carnet closing,
        # another copy): its pauses end and the rest is copied at full speed. The carnet clears
        # it before starting the next one (``Carnet.daily_backup``).
        self.hurry = threading.Event()

    @property
    def problem(self) -> str | None:
        """Return why the last automatic backup failed (French), or ``None`` if it succeeded."""
        if not self._problem_read and self.status_file is not None:
            try:
                self._problem = self.status_file.read_text(encoding="utf-8").strip() or None
            except (OSError, UnicodeDecodeError):
                self._problem = None
        self._problem_read = True
        return self._problem

    def _set_problem(self, problem: str | None) -> None:
        if problem == self.problem:
            return
        self._problem = problem
        if self.status_file is None:
            return
        try:
            if problem is None:
                self.status_file.unlink(missing_ok=True)
            else:
                self.status_file.parent.mkdir(parents=True, exist_ok=True)
                self.status_file.write_text(problem, encoding="utf-8")
        except OSError:
            pass  # the warning still shows in this session, and the next change retries the backup

    def all(self) -> list[Backup]:
        """Return the backups, newest first."""
        if not self.folder.is_dir():
            return []
        backups = []
        for path in self.folder.glob(f"*{BACKUP_SUFFIX}"):
            parsed = _parse_name(path)
            if parsed is not None:
                backups.append(parsed)
        # Names carry the second; the file time orders backups taken within the same second.
        backups.sort(key=lambda b: (b.taken_at, b.path.stat().st_mtime_ns), reverse=True)
        return backups

    def create(
        self,
        conn: sqlite3.Connection,
        kind: BackupKind,
        now: datetime | None = None,
        paced: bool = False,
    ) -> Backup:
        """Copy the open carnet into the backup folder (``paced``: in steps with pauses, until
        ``hurry`` is set; see ``copy_database``), then thin old backups."""
        moment = (now or datetime.now()).replace(microsecond=0)
        stamp = moment.strftime("%Y-%m-%d_%H-%M-%S")
        target = self.folder / f"{stamp}_{kind.value}{BACKUP_SUFFIX}"
        counter = 1
        try:
            while target.exists():
                counter += 1
                target = self.folder / f"{stamp}_{kind.value}-{counter}{BACKUP_SUFFIX}"
            copy_database(conn, target, self.hurry if paced else None)
            size = target.stat().st_size
        except OSError as exc:
            raise CarnetError(f"Impossible d'écrire la sauvegarde « {target} » : {_reason(exc)}.") from exc
        if kind is BackupKind.DAILY:
            self._last_daily = moment.date()
        self._set_problem(None)
        self.thin(moment.date())
        return Backup(target, kind, moment, size)

    def claim_daily(self, moment: datetime) -> bool:
        """Tell whether the day's backup is still to take, and count it as taken from now on
        (so that the changes that follow while it is being written start no other)."""
        if not self._scanned:
            dailies = [b for b in self.all() if b.kind is BackupKind.DAILY]
            self._last_daily = dailies[0].taken_at.date() if dailies else None
            self._scanned = True
        if self._last_daily == moment.date():
            return False
        self._last_daily = moment.date()
        return True

    def take_daily(self, conn: sqlite3.Connection, moment: datetime, paced: bool = False) -> Backup | None:
        """Take the day's backup now; a failure is noted (and retried at the next change).

        ``paced`` (written by a thread beside the window, ``Carnet.daily_backup``): the copy
        begins after a pause and goes in steps with pauses, so that the window's thread keeps
        the cores (the day's first save is repainted as fast as the others), until ``hurry`` is
        set; otherwise (the command line) it is written at once.
        """
        if paced:
            _pause(PACED_START, self.hurry)
        try:
            return self.create(conn, BackupKind.DAILY, moment, paced)
        except CarnetError as exc:
            self.daily_failed(moment, exc.message)
            return None

    def daily_failed(self, moment: datetime, reason: str) -> None:
        """Note why the day's backup failed; the next change tries again."""
        self._last_daily = None
        self._set_problem(
            f"La sauvegarde automatique du {moment:%d/%m/%Y à %H:%M} a échoué : {reason} "
            "Vos saisies sont bien enregistrées dans le carnet, mais elles n'ont pas de copie "
            "de secours : libérez de la place ou vérifiez le dossier des sauvegardes."
        )

    def thin(self, today: date) -> list[Path]:
        """Delete the backups the retention policy no longer keeps; return them."""
        backups = self.all()
        keep = set(_kept_dailies([b for b in backups if b.kind is BackupKind.DAILY]))
        for kind in (
            BackupKind.BEFORE_MIGRATION,
            BackupKind.BEFORE_IMPORT,
            BackupKind.BEFORE_RESTORE,
        ):
            keep.update([b.path for b in backups if b.kind is kind][:KEEP_EVENT])
        keep.update(b.path for b in backups if b.kind is BackupKind.MANUAL)
        removed = []
        for backup in backups:
            if backup.path not in keep:
                try:
                    backup.path.unlink()
                    removed.append(backup.path)
                except OSError:
                    pass  # a locked or vanished file is retried at the next thinning
        return removed

    def latest_sound(self) -> Backup | None:
        """Return the newest backup that passes SQLite's integrity check."""
        for backup in self.all():
            if check_file(backup.path) is None:
                return backup
        return None


def _kept_dailies(dailies: Iterable[Backup]) -> list[Path]:
    """Grandfather-father-son: newest per day (7 days), per ISO week (4), per month (6)."""
    ordered = sorted(dailies, key=lambda b: b.taken_at, reverse=True)
    kept: list[Path] = []
    for key, limit in (
        (lambda d: d.date(), KEEP_DAILY),
        (lambda d: d.isocalendar()[:2], KEEP_WEEKLY),
        (lambda d: (d.year, d.month), KEEP_MONTHLY),
    ):
        seen: list[object] = []
        for backup in ordered:
            period = key(backup.taken_at)
            if period in seen:
                continue
            if len(seen) == limit:
                break
            seen.append(period)
            kept.append(backup.path)
    return kept


def _stamp(text: str) -> datetime:
    """Read the moment a backup's name starts with (``2026-11-30_14-05-09``, as ``create`` writes
    it): sliced, where ``strptime`` would import ``_strptime`` and compile its patterns (~1 ms,
    on the status bar's way to the screen).

    Raises:
        ValueError: not such a moment.
    """
    digits = text[:4] + text[5:7] + text[8:10] + text[11:13] + text[14:16] + text[17:]
    if len(text) != 19 or text[4::3] != "--_--" or not (digits.isascii() and digits.isdigit()):
        raise ValueError(f"not a backup's moment: {text!r}")
    return datetime(
        int(digits[:4]),
        int(digits[4:6]),
        int(digits[6:8]),
        int(digits[8:10]),
        int(digits[10:12]),
        int(digits[12:]),
    )


def _parse_name(path: Path) -> Backup | None:
    stem = path.name[: -len(BACKUP_SUFFIX)]
    kind_text = stem[20:]
    if kind_text.rpartition("-")[2].isdigit():  # "-2" added to a second backup in the same second
        kind_text = kind_text.rpartition("-")[0]
    try:
        taken_at = _stamp(stem[:19])
        kind = BackupKind(kind_text)
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return Backup(path, kind, taken_at, size)

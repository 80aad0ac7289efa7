"""Open a carnet file: single-writer lock, version guard, integrity check, pragmas, migrations.

One carnet is one SQLite file. ``open_carnet`` returns a ``Carnet`` holding the connection and
one repository per table; every change goes through ``Carnet.write()``, a transaction after
which the day's first change triggers the daily backup.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ambassadeur_app.domain.text import fold
from ambassadeur_app.errors import (
    CarnetDamaged,
    CarnetError,
    CarnetLocked,
    CarnetReadOnly,
    CarnetTooNew,
    os_reason,
)
from ambassadeur_app.lockfile import LockFile
from ambassadeur_app.storage.activities import ActivityRepo
from ambassadeur_app.storage.ambassadors import AmbassadorRepo
from ambassadeur_app.storage.backup import (
    SQLITE_HEADER,
    BackupKind,
    BackupManager,
    backup_folder,
    check_file,
    copy_database,
    has_live_log,
    is_damage,
    quick_check,
    read_only_connection,
    sqlite_reason,
    sqlite_uri,
    unchecked,
)
from ambassadeur_app.storage.connection import Db
from ambassadeur_app.storage.entries import TimeEntryRepo
from ambassadeur_app.storage.migrations import FILE_FORMAT, MIGRATION_SET, migrations
from ambassadeur_app.storage.months import MonthLockRepo
from ambassadeur_app.storage.programme import ProgrammeRepo

if TYPE_CHECKING:
    from ambassadeur_app.storage.agenda import AgendaItemRepo
    from ambassadeur_app.storage.attachments import AttachmentRepo
    from ambassadeur_app.storage.contacts import ContactRepo, SolicitationRepo
    from ambassadeur_app.storage.events import (
        AttendanceRepo,
        EventRepo,
        EventTimeRepo,
        InvitationRepo,
        TrainingModuleRepo,
    )
    from ambassadeur_app.storage.expenses import ExpenseRepo
    from ambassadeur_app.storage.imports import ImportChangeRepo, ImportRepo
    from ambassadeur_app.storage.indicators import ReadingRepo, TargetsRepo
    from ambassadeur_app.storage.journal import NoteRepo, RexTextRepo
    from ambassadeur_app.storage.payments import GrantPaymentRepo
    from ambassadeur_app.storage.planning import ActionRepo
    from ambassadeur_app.storage.professionals import AccountEventRepo, PracticeSiteRepo, ProfessionalRepo
    from ambassadeur_app.storage.structures import StructureRepo
    from ambassadeur_app.storage.surveys import SurveyRepo, SurveyResponseRepo, SurveyTemplateRepo

Clock = Callable[[], datetime]


def acquire_lock(path: Path) -> LockFile:
    """Take the single-writer lock of a carnet (``CARNET.lock`` beside it; the system releases
    it if the app dies).

    Raises:
        CarnetLocked: when another instance holds it.
    """
    lock = LockFile(Path(f"{path}.lock"))
    try:
        taken = lock.acquire()
    except OSError as exc:
        raise CarnetError(f"Impossible de verrouiller le carnet « {path} » : {os_reason(exc)}.") from exc
    if not taken:
        raise CarnetLocked(
            f"Le carnet « {path} » est déjà ouvert dans une autre fenêtre du Carnet de bord "
            "(ou par une commande en cours). Fermez-la, puis réessayez."
        )
    return lock


def _try_lock(path: Path) -> LockFile | None:
    try:
        return acquire_lock(path)
    except CarnetLocked:
        return None


def sqlite_problem(exc: sqlite3.Error, path: Path) -> CarnetError:
    """Turn an SQLite error during a change into a French ``CarnetError`` (nothing written)."""
    return CarnetError(
        f"Le carnet « {path} » n'a pas pu être modifié : {sqlite_reason(exc)}. "
        "Rien n'a été enregistré de cette dernière action ; le carnet est intact."
    )


def diagnose(exc: sqlite3.Error, path: Path, backups: BackupManager, *, opening: bool = False) -> CarnetError:
    """Turn any SQLite error met while opening, reading or writing a carnet into its French
    diagnosis.

    Only a damaged file gets the restore offer (and the next opening runs the full integrity
    check); a full disk, a locked or protected file says so.
    """
    if is_damage(exc):
        with suppress(OSError):
            (backups.folder / SEAL_NAME).unlink(missing_ok=True)
        return _damaged(path, str(exc), backups)
    if opening:
        return CarnetError(
            f"Le carnet « {path} » n'a pas pu être ouvert : {sqlite_reason(exc)}. Il n'a pas été modifié."
        )
    return sqlite_problem(exc, path)


# How long a worker thread's connection waits for the file to be free before giving up.
BACKGROUND_BUSY_TIMEOUT_MS = 120_000


class _Writers:
    """How many of the app's connections to one carnet (the carnet and its thread copies) are
    inside a change: a busy file is then the app's own doing, not another program's."""

    def __init__(self) -> None:
        self.count = 0
        self._lock = threading.Lock()

    def add(self, change: int) -> None:
        with self._lock:
            self.count += change


class Carnet:
    """An open carnet: its connection, its repositories and its backups."""

    def __init__(
        self,
        path: Path,
        db: Db,
        device_id: str,
        backups: BackupManager,
        lock: LockFile | None,
        clock: Clock,
        media_readonly: bool = False,
    ) -> None:
        self.path = path
        self.media_readonly = media_readonly
        # The integrity check was due but left to ``check_integrity`` (the window runs it in
        # the background): until it finds the file sound, the carnet is not sealed at closing.
        self.unchecked = False
        self.daily_backups = True
        self.backup_in_background = False
        # Called from the backup's thread when it ends (the window then updates its status).
        self.on_backup_done: Callable[[], None] | None = None
        self._backup_thread: threading.Thread | None = None
        # The integrity check's connection, held under ``_check_lock`` (see ``stop_check``).
        self._check_lock = threading.Lock()
        self._check_conn: sqlite3.Connection | None = None
        self._check_stopped = threading.Event()
        self.db = db
        self.device_id = device_id
        self.backups = backups
        self.readonly = lock is None
        self._lock = lock
        self._clock = clock
        self._depth = 0
        self._writers = _Writers()
        self.programme = ProgrammeRepo(db, device_id)
        self.ambassadors = AmbassadorRepo(db, device_id)
        self.activities = ActivityRepo(db, device_id)
        self.entries = TimeEntryRepo(db, device_id)
        self.months = MonthLockRepo(db, device_id)

    # The repositories of the register and of the tabs and commands met less often are made on
    # their first use: their modules (and their domain's) are imported then, not by every
    # opening (the CLI's exports, the window's first paint).

    @cached_property
    def imports(self) -> ImportRepo:
        from ambassadeur_app.storage.imports import ImportRepo

        return ImportRepo(self.db, self.device_id)

    @cached_property
    def import_changes(self) -> ImportChangeRepo:
        from ambassadeur_app.storage.imports import ImportChangeRepo

        return ImportChangeRepo(self.db, self.device_id)

    @cached_property
    def professionals(self) -> ProfessionalRepo:
        from ambassadeur_app.storage.professionals import ProfessionalRepo

        return ProfessionalRepo(self.db, self.device_id)

    @cached_property
    def practice_sites(self) -> PracticeSiteRepo:
        from ambassadeur_app.storage.professionals import PracticeSiteRepo

        return PracticeSiteRepo(self.db, self.device_id)

    @cached_property
    def account_events(self) -> AccountEventRepo:
        from ambassadeur_app.storage.professionals import AccountEventRepo

        return AccountEventRepo(self.db, self.device_id)

    @cached_property
    def structures(self) -> StructureRepo:
        from ambassadeur_app.storage.structures import StructureRepo

        return StructureRepo(self.db, self.device_id)

    @cached_property
    def contacts(self) -> ContactRepo:
        from ambassadeur_app.storage.contacts import ContactRepo

        return ContactRepo(self.db, self.device_id)

    @cached_property
    def solicitations(self) -> SolicitationRepo:
        from ambassadeur_app.storage.contacts import SolicitationRepo

        return SolicitationRepo(self.db, self.device_id)

    @cached_property
    def events(self) -> EventRepo:
        from ambassadeur_app.storage.events import EventRepo

        return EventRepo(self.db, self.device_id)

    @cached_property
    def training_modules(self) -> TrainingModuleRepo:
        from ambassadeur_app.storage.events import TrainingModuleRepo

        return TrainingModuleRepo(self.db, self.device_id)

    @cached_property
    def invitations(self) -> InvitationRepo:
        from ambassadeur_app.storage.events import InvitationRepo

        return InvitationRepo(self.db, self.device_id)

    @cached_property
    def attendances(self) -> AttendanceRepo:
        from ambassadeur_app.storage.events import AttendanceRepo

        return AttendanceRepo(self.db, self.device_id)

    @cached_property
    def event_time(self) -> EventTimeRepo:
        from ambassadeur_app.storage.events import EventTimeRepo

        return EventTimeRepo(self.db, self.device_id)

    @cached_property
    def survey_templates(self) -> SurveyTemplateRepo:
        from ambassadeur_app.storage.surveys import SurveyTemplateRepo

        return SurveyTemplateRepo(self.db, self.device_id)

    @cached_property
    def surveys(self) -> SurveyRepo:
        from ambassadeur_app.storage.surveys import SurveyRepo

        return SurveyRepo(self.db, self.device_id)

    @cached_property
    def survey_responses(self) -> SurveyResponseRepo:
        from ambassadeur_app.storage.surveys import SurveyResponseRepo

        return SurveyResponseRepo(self.db, self.device_id)

    @cached_property
    def expenses(self) -> ExpenseRepo:
        from ambassadeur_app.storage.expenses import ExpenseRepo

        return ExpenseRepo(self.db, self.device_id)

    @cached_property
    def attachments(self) -> AttachmentRepo:
        from ambassadeur_app.storage.attachments import AttachmentRepo

        return AttachmentRepo(self.db, self.device_id)

    @cached_property
    def readings(self) -> ReadingRepo:
        from ambassadeur_app.storage.indicators import ReadingRepo

        return ReadingRepo(self.db, self.device_id)

    @cached_property
    def targets(self) -> TargetsRepo:
        from ambassadeur_app.storage.indicators import TargetsRepo

        return TargetsRepo(self.db, self.device_id)

    @cached_property
    def actions(self) -> ActionRepo:
        from ambassadeur_app.storage.planning import ActionRepo

        return ActionRepo(self.db, self.device_id)

    @cached_property
    def notes(self) -> NoteRepo:
        from ambassadeur_app.storage.journal import NoteRepo

        return NoteRepo(self.db, self.device_id)

    @cached_property
    def rex_texts(self) -> RexTextRepo:
        from ambassadeur_app.storage.journal import RexTextRepo

        return RexTextRepo(self.db, self.device_id)

    @cached_property
    def agenda_items(self) -> AgendaItemRepo:
        from ambassadeur_app.storage.agenda import AgendaItemRepo

        return AgendaItemRepo(self.db, self.device_id)

    @cached_property
    def payments(self) -> GrantPaymentRepo:
        from ambassadeur_app.storage.payments import GrantPaymentRepo

        return GrantPaymentRepo(self.db, self.device_id)

    @contextmanager
    def write(self, backup: bool = True) -> Iterator[None]:
        """Run a change as one transaction; the day's first change triggers a backup.

        A backup that fails after the commit does not raise: the change is saved, and the
        problem is kept in ``backup_problem`` until a backup succeeds. ``backup=False`` leaves
        it to the caller (``daily_backup``), to finish first what must follow the commit.

        Raises:
            CarnetError: read-only carnet, or the disk refused the change (nothing written).
        """
        if self.media_readonly:
            raise CarnetReadOnly(
                f"Le carnet « {self.path} » est sur un support en lecture seule : il ne peut pas "
                "être modifié. Copiez-le sur votre ordinateur pour le modifier."
            )
        if self.readonly:
            raise CarnetError(f"Le carnet « {self.path} » est ouvert en lecture seule.")
        self._depth += 1
        outermost = self._depth == 1
        self._writers.add(outermost)
        try:
            with self.db.atomic():
                yield
        except sqlite3.Error as exc:
            if getattr(exc, "sqlite_errorname", "").startswith("SQLITE_BUSY") and self._writers.count > 1:
                raise CarnetError(
                    f"Le carnet « {self.path} » n'a pas pu être modifié : l'application y enregistrait "
                    "déjà autre chose (synchronisation, import…). Rien n'a été enregistré de cette "
                    "dernière action ; réessayez dans un instant."
                ) from exc
            raise diagnose(exc, self.path, self.backups) from exc
        finally:
            self._writers.add(-outermost)
            self._depth -= 1
        if self._depth == 0 and backup:
            self.daily_backup()

    def daily_backup(self) -> None:
        """Take the day's backup if none was taken yet (a failure is noted, never raised).

        With ``backup_in_background`` (the window), the copy is written by a thread on a
        connection of its own, so that the day's first save returns at once: SQLite's backup
        copies one consistent state while the app goes on writing.
        """
        moment = self._clock()
        if not self.daily_backups or not self.backups.claim_daily(moment):
            return
        if not self.backup_in_background:
            self.backups.take_daily(self.db.conn, moment)
            return
        self.settle_backup()
        self.backups.hurry.clear()  # paced, until someone waits for it
        self._backup_thread = threading.Thread(
            target=self._daily_in_background, args=(moment,), name="sauvegarde quotidienne"
        )
        self._backup_thread.start()

    def _daily_in_background(self, moment: datetime) -> None:
        try:
            conn = sqlite3.connect(str(self.path), timeout=5)
        except sqlite3.Error as exc:
            self.backups.daily_failed(moment, f"le carnet n'a pas pu être relu ({sqlite_reason(exc)}).")
            return
        try:
            self.backups.take_daily(conn, moment, paced=True)
        finally:
            conn.close()
            if self.on_backup_done is not None:
                self.on_backup_done()

    def settle_backup(self) -> None:
        """Wait for a daily backup being written in the background (before reading the backups
        to change them, and before closing): what is left of it is copied at full speed."""
        if self._backup_thread is not None:
            self.backups.hurry.set()
            self._backup_thread.join()
            self._backup_thread = None

    def check_integrity(self) -> None:
        """Run the integrity check left out at opening, on a read-only connection of its own
        (from any thread: the app goes on reading and writing meanwhile).

        Stopped by ``stop_check`` (the carnet is being closed), it returns at once and the
        carnet stays unchecked.

        Raises:
            CarnetDamaged: the file is damaged; it stays unchecked, so it is not sealed at
                closing and the next opening checks it again.
            CarnetError: the file could not be read to be checked (busy, full disk, read
                error): nothing is known against it; it stays unchecked the same way.
        """
        with self._check_lock:
            if self._check_stopped.is_set():
                return
            try:
                conn = read_only_connection(self.path)
            except sqlite3.Error as exc:
                if not is_damage(exc):
                    raise unchecked(self.path, exc) from exc
                problem = str(exc)
            else:
                self._check_conn = conn
                try:
                    problem = quick_check(conn)
                finally:
                    self._check_conn = None
                    conn.close()
            if self._check_stopped.is_set():
                return  # interrupted: "interrupted" is no diagnosis
        if problem != "ok":
            raise _damaged(self.path, problem, self.backups)
        self.unchecked = False

    def stop_check(self) -> None:
        """Interrupt the integrity check running in another thread and wait until it has let go
        of the file: its reading connection would keep the ``-wal`` and ``-shm`` files beside
        the carnet once closed. The carnet stays unchecked (not sealed at closing)."""
        self._check_stopped.set()
        # Interrupted again until it lets go: an interrupt that comes just before SQLite starts
        # reading is lost.
        while not self._check_lock.acquire(timeout=0.05):
            conn = self._check_conn
            if conn is not None:
                with suppress(sqlite3.ProgrammingError):  # the check has just closed it
                    conn.interrupt()
        self._check_lock.release()

    @property
    def backup_problem(self) -> str | None:
        """Why the last automatic backup failed (French), or ``None``."""
        return self.backups.problem

    def checkpoint(self, wait: float = 0.0) -> bool:
        """Move the write-ahead log into the file and empty it (no older page versions left).

        Waits up to ``wait`` seconds for the readers of an older version to finish (SQLite's
        busy handler retries meanwhile). Returns ``False`` when one still kept the log from
        being emptied: old page versions may then remain in the ``-wal`` file.
        """
        previous = self.db.execute("PRAGMA busy_timeout").fetchone()[0]
        self.db.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")
        try:
            busy = self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            self.db.execute(f"PRAGMA busy_timeout = {int(previous)}")
        return bool(busy == 0)

    def backup(self, kind: BackupKind) -> Path:
        """Take a backup of the given kind now; return its path."""
        self.settle_backup()  # one copy at a time: both thin the same folder
        return self.backups.create(self.db.conn, kind, self._clock()).path

    def thread_copy(self) -> Carnet:
        """Return this carnet on a new connection, for a worker thread, writing under the lock
        this carnet holds: close only its ``db`` (the lock stays with this carnet)."""
        db = _database(sqlite3.connect(str(self.path), timeout=5))
        db.execute("PRAGMA synchronous = FULL")
        # In the background, waiting for a long change of the app's own (an import) is no failure.
        db.execute(f"PRAGMA busy_timeout = {BACKGROUND_BUSY_TIMEOUT_MS}")
        copy = Carnet(self.path, db, self.device_id, self.backups, self._lock, self._clock)
        copy._writers = self._writers
        return copy

    def close(self) -> None:
        """Close the connection and release the lock."""
        try:
            self.stop_check()
            self.settle_backup()
            if self._lock is not None:
                # SQLite empties the log only when the last connection closes; an idle reader
                # elsewhere would keep old page versions (erased data) in the -wal file.
                with suppress(sqlite3.Error):
                    self.checkpoint()
            self.db.close()
            if self._lock is not None and not self.unchecked:
                _seal(self.path, self.backups, self._clock())
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> Carnet:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def backup_manager(backup_root: Path, path: Path) -> BackupManager:
    """Return the manager of ``path``'s backups; failures are noted beside ``backup_root``."""
    folder = backup_folder(backup_root, path)
    status = backup_root.with_name(backup_root.name + "-en-echec") / f"{folder.name}.txt"
    return BackupManager(folder, status)


def _database(conn: sqlite3.Connection) -> Db:
    """Return ``conn`` as the carnet's ``Db``, with the settings every connection to it has."""
    db = Db(conn)
    db.execute("PRAGMA recursive_triggers = ON")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 5000")
    db.execute("PRAGMA secure_delete = ON")  # erased personal data is overwritten, not left over
    conn.create_function("fold", 1, fold, deterministic=True)
    return db


def open_carnet(
    path: Path,
    *,
    device_id: str,
    backup_root: Path,
    create: bool = False,
    readonly: bool = False,
    clock: Clock = datetime.now,
    integrity_check: bool = True,
) -> Carnet:
    """Open (or create) a carnet file.

    Args:
        readonly: take no lock and never write (exports while the app is open, worker threads,
            a carnet on read-only media).
        integrity_check: run the check due at the day's first opening now (the CLI); with
            ``False``, the returned carnet is marked ``unchecked`` and its caller runs
            ``Carnet.check_integrity`` later (the window, in the background).

    Raises:
        CarnetError: missing or unreadable file, or not a carnet; CarnetLocked, CarnetTooNew,
            CarnetDamaged; CarnetReadOnly when a change is asked of a carnet on read-only media.
    """
    # The lock and the backups follow the real file, whatever name (a link) it is opened by.
    path = Path(path).expanduser().absolute().resolve()
    backups = backup_manager(backup_root, path)
    size = path.stat().st_size if path.exists() else None
    exists = bool(size)
    if size == 0 and not create:
        raise CarnetError(
            f"Le fichier « {path} » est vide (0 octet) : ce n'est pas un carnet (une copie interrompue, "
            "un disque plein ?). Restaurez-y une sauvegarde, ou ouvrez un autre carnet."
        )
    if not exists and not create:
        raise CarnetError(
            f"Le carnet « {path} » n'existe pas. Créez-le (« ambassadeur init … » ou, pour essayer, "
            "« ambassadeur demo »), ou indiquez un autre carnet avec --carnet CHEMIN."
        )
    # Sealed: the app closed this very file cleanly today (or a reader checked it). It is a carnet
    # as the app left it, with no need to look again (a probe is one more reading of its schema).
    sealed = exists and _sealed_today(path, backups, clock())
    if exists and not sealed:
        _check_is_carnet(path)
    elif not exists and not path.parent.is_dir():
        raise CarnetError(f"Le dossier « {path.parent} » n'existe pas.")
    media_readonly = exists and _on_read_only_media(path)
    if media_readonly and not readonly:
        raise CarnetReadOnly(
            f"Le carnet « {path} » est sur un support en lecture seule (clé USB verrouillée, CD, "
            "dossier protégé) : il peut être consulté et exporté, pas modifié. Copiez-le sur votre "
            "ordinateur pour le modifier."
        )
    lock = None if readonly else acquire_lock(path)
    conn: sqlite3.Connection | None = None
    try:
        conn = read_only_connection(path) if media_readonly else sqlite3.connect(str(path), timeout=5)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > FILE_FORMAT:
            raise CarnetTooNew(
                f"Le carnet « {path} » a été enregistré par une version plus récente du "
                f"Carnet de bord (format {version} ; cette version lit jusqu'au format "
                f"{FILE_FORMAT}). Installez la dernière version de l'application pour l'ouvrir."
            )
        unchecked = exists and not sealed
        if unchecked and integrity_check:
            before = path.stat()
            result = quick_check(conn)
            if result != "ok":
                raise _damaged(path, result, backups)
            if lock is None and not has_live_log(path):
                # A reader checked the file as it is: the day's next openings need not again
                # (a writer seals it when it closes).
                _seal(path, backups, clock(), unchanged_since=before)
        db = _database(conn)
        pending = migrations.pending(conn)
        if pending or not readonly:
            # A reader of an old file migrates it first, when no other instance is writing.
            if media_readonly:
                raise CarnetReadOnly(
                    f"Le carnet « {path} » vient d'une version plus ancienne de l'application et "
                    "doit être mis à jour avant d'être lu, mais il est sur un support en lecture "
                    "seule : copiez-le sur votre ordinateur, puis ouvrez la copie."
                )
            migrating_lock = lock or _try_lock(path)
            if migrating_lock is None:
                raise CarnetError(
                    f"Le carnet « {path} » doit d'abord être mis à jour par l'application, "
                    "qui l'a ouvert avec une version plus ancienne : fermez-la, puis réessayez."
                )
            try:
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = FULL")
                if pending and exists and version > 0:
                    backups.create(conn, BackupKind.BEFORE_MIGRATION, clock())
                if pending:
                    migrations.apply(db.utils)
            finally:
                if migrating_lock is not lock:
                    migrating_lock.release()
        if not media_readonly:
            db.execute("PRAGMA synchronous = FULL")
        carnet = Carnet(path, db, device_id, backups, lock, clock, media_readonly)
        carnet.unchecked = unchecked and not integrity_check
        return carnet
    except sqlite3.DatabaseError as exc:
        if conn is not None:
            conn.close()
        if lock is not None:
            lock.release()
        if media_readonly and getattr(exc, "sqlite_errorname", "").startswith("SQLITE_CANTOPEN"):
            raise CarnetReadOnly(
                f"Le carnet « {path} » est sur un support en lecture seule et n'a pas été fermé "
                "proprement (son journal « -wal » est encore à côté de lui) : il ne peut pas être lu "
                "sur place. Copiez le carnet et ses fichiers « -wal » et « -shm » sur votre "
                "ordinateur, puis ouvrez la copie."
            ) from exc
        raise diagnose(exc, path, backups, opening=True) from exc
    except BaseException:
        if conn is not None:
            conn.close()
        if lock is not None:
            lock.release()
        raise


# The integrity check reads the whole file. It runs at the first opening of each day, and
# whenever the file changed since the app last closed it (a copy, a sync tool, a crash);
# otherwise the file is byte for byte what the app left, checked earlier that day.
SEAL_NAME = "fermeture.json"


def _seal(
    path: Path, backups: BackupManager, now: datetime, unchanged_since: os.stat_result | None = None
) -> None:
    """Record which file the app has just closed cleanly (or checked as it was at
    ``unchanged_since``: nothing is recorded if it changed since)."""
    try:
        stat = path.stat()
        if unchanged_since is not None and _identity(stat) != _identity(unchanged_since):
            return
        seal = {**_identity(stat), "day": now.date().isoformat()}
        backups.folder.mkdir(parents=True, exist_ok=True)
        (backups.folder / SEAL_NAME).write_text(json.dumps(seal), encoding="utf-8")
    except OSError:
        pass  # without a seal, the next opening simply runs the full check


def _identity(stat: os.stat_result) -> dict[str, int]:
    """What tells this very file as it was: another file put in its place (renamed over it, its
    size and modification time copied) has another inode, and no program can set the time of
    its last status change."""
    return {
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "inode": stat.st_ino,
        "ctime_ns": stat.st_ctime_ns,
    }


def _sealed_today(path: Path, backups: BackupManager, now: datetime) -> bool:
    try:
        seal = json.loads((backups.folder / SEAL_NAME).read_text(encoding="utf-8"))
        stat = path.stat()
    except (OSError, ValueError):
        return False
    return seal == {**_identity(stat), "day": now.date().isoformat()} and not has_live_log(path)


def _on_read_only_media(path: Path) -> bool:
    """Tell whether the carnet file ``path`` (or its folder) cannot be written: a locked USB
    key, a CD, a protected folder."""
    return not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def _damaged(path: Path, problem: str, backups: BackupManager) -> CarnetDamaged:
    """Say that the carnet is damaged, and how to get it back from its latest sound backup.

    On read-only media the file cannot be set aside nor replaced: no restore is offered
    (``backup`` is ``None``); the message says where that backup is, to be copied and opened.
    """
    latest = backups.latest_sound()
    if _on_read_only_media(path):
        where = (
            f" Sa dernière sauvegarde saine, du {latest.taken_at:%d/%m/%Y à %H:%M}, est sur cet "
            f"ordinateur : « {latest.path} ». Copiez-la dans vos documents, puis ouvrez la copie "
            "(menu Fichier, « Ouvrir un carnet »)."
            if latest
            else " Aucune sauvegarde saine n'a été trouvée."
        )
        return CarnetDamaged(
            f"Le carnet « {path} » est endommagé ({problem}). Il n'a pas été modifié. Il est sur un "
            "support en lecture seule (clé USB verrouillée, CD, dossier protégé) : il ne peut pas "
            f"être réparé sur place.{where}"
        )
    advice = (
        f" La dernière sauvegarde saine date du {latest.taken_at:%d/%m/%Y à %H:%M} : "
        "vous pouvez la restaurer."
        if latest
        else " Aucune sauvegarde saine n'a été trouvée."
    )
    return CarnetDamaged(
        f"Le carnet « {path} » est endommagé ({problem}). Il n'a pas été modifié.{advice}",
        latest.path if latest else None,
    )


def _check_is_carnet(path: Path) -> None:
    """Refuse a file of another program before anything (lock, log) is created beside it.

    Raises:
        CarnetError: not an SQLite file, or the database of another program.
    """
    _check_header(path)
    reason = foreign_reason(path)
    if reason is not None:
        raise CarnetError(
            f"Le fichier « {path} » n'est pas un carnet du Carnet de bord ambassadeur : {reason}. "
            "Il n'a pas été modifié."
        )


def foreign_reason(path: Path) -> str | None:
    """Return why an SQLite file is another program's database, or ``None``.

    A carnet holds the app's ``programme`` table and its migrations; an empty database (no
    object, no application id, no version) may become one. A file SQLite cannot read is not
    judged here: the integrity check says what is wrong with it.
    """
    # Immutable reading creates no -wal or -shm file beside a stranger's file; with a live log,
    # plain read-only reading also sees the tables that are still only in the log.
    uri = sqlite_uri(path, "mode=ro" + ("" if has_live_log(path) else "&immutable=1"))
    try:
        probe = sqlite3.connect(uri, uri=True)
        try:
            objects = probe.execute("SELECT type, name FROM sqlite_master").fetchall()
            marks = [
                probe.execute(f"PRAGMA {name}").fetchone()[0] for name in ("application_id", "user_version")
            ]
            tables = sorted(name for kind, name in objects if kind == "table")
            try:
                ours = "programme" in tables and bool(
                    probe.execute(
                        "SELECT 1 FROM _sqlite_migrations WHERE migration_set = ? LIMIT 1", [MIGRATION_SET]
                    ).fetchone()
                )
            except sqlite3.OperationalError:  # no such table or column: someone else's
                ours = False
        finally:
            probe.close()
    except sqlite3.DatabaseError:
        return None
    if ours or (not objects and not any(marks)):
        return None
    if not tables:
        return "c'est une base de données d'un autre programme (elle n'a aucune table de carnet)"
    shown = ", ".join(tables[:5]) + ("…" if len(tables) > 5 else "")
    return f"c'est la base de données d'un autre programme (tables : {shown})"


def _check_header(path: Path) -> None:
    try:
        with open(path, "rb") as handle:
            header = handle.read(16)
    except OSError as exc:
        raise CarnetError(f"Le fichier « {path} » est illisible : {os_reason(exc)}.") from exc
    if header != SQLITE_HEADER:
        raise CarnetError(f"Le fichier « {path} » n'est pas un carnet du Carnet de bord ambassadeur.")


def restore_carnet(
    path: Path, backup: Path, *, backup_root: Path, clock: Clock = datetime.now
) -> Path | None:
    """Replace the carnet at ``path`` with the backup file ``backup``.

    The current file is first saved as an "avant restauration" backup, or, when it is damaged,
    moved aside next to itself. Returns where the previous file was kept.

    Raises:
        CarnetError: unreadable or too recent backup; CarnetLocked when the carnet is open.
    """
    path = Path(path).expanduser().absolute().resolve()  # the real file, as the lock does
    backup = Path(backup).expanduser().absolute()
    _check_restorable(backup)
    if path.is_file() and path.stat().st_size > 0:
        _check_is_carnet(path)  # a restore never replaces another program's file
    lock = acquire_lock(path)
    try:
        kept: Path | None = None
        if path.exists() and path.stat().st_size > 0:
            if check_file(path) is None:
                conn = sqlite3.connect(str(path))
                try:
                    kept = (
                        backup_manager(backup_root, path)
                        .create(conn, BackupKind.BEFORE_RESTORE, clock())
                        .path
                    )
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    conn.close()
            else:
                kept = path.with_name(f"{path.name}.endommage-{clock():%Y-%m-%d_%H-%M-%S}")
                for suffix in ("", "-wal", "-shm"):
                    side = Path(str(path) + suffix)
                    if side.exists():
                        side.replace(Path(str(kept) + suffix))
        for suffix in ("-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        source = sqlite3.connect(sqlite_uri(backup, "mode=ro"), uri=True)
        try:
            copy_database(source, path)
        finally:
            source.close()
        return kept
    finally:
        lock.release()


def _check_restorable(backup: Path) -> None:
    problem = check_file(backup)
    if problem is None:
        conn = sqlite3.connect(sqlite_uri(backup, "mode=ro"), uri=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            has_programme = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'programme'"
            ).fetchone()
        finally:
            conn.close()
        if not has_programme or foreign_reason(backup) is not None:
            problem = "ce n'est pas un carnet du Carnet de bord ambassadeur"
        elif version > FILE_FORMAT:
            problem = "elle vient d'une version plus récente de l'application"
    if problem is not None:
        raise CarnetError(f"La sauvegarde « {backup} » ne peut pas être restaurée : {problem}.")

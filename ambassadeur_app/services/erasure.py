"""Erasing a person on request (RGPD, article 17): from the carnet, its file and its backups.

``erase_person`` is the one erasure: the live carnet and each backup go through it. A backup is
erased on a temporary copy opened as a carnet (so an old format is migrated first), compacted
so that no free page keeps the old bytes, then put back in its place atomically.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ambassadeur_app.domain.erasure import identity_patterns, scrub
from ambassadeur_app.domain.formatting import plural
from ambassadeur_app.domain.register import Professional
from ambassadeur_app.errors import AppError
from ambassadeur_app.storage.backup import check_file, copy_database, sqlite_uri
from ambassadeur_app.storage.db import Carnet, open_carnet
from ambassadeur_app.sync.engine import Engine

_WORK_PREFIX = ".effacement-"


@dataclass(frozen=True)
class Erasure:
    """What an erasure did, and what it could not do yet."""

    texts: int  # rows of free text rewritten in the carnet
    backups: int  # backups rewritten
    unreached: tuple[str, ...]  # names of the backups that could not be rewritten
    complete: bool  # False: another connection kept old page versions in the -wal file
    backup_folder: Path

    @property
    def summary(self) -> str:
        """The status bar line (French)."""
        backups = f" et de {plural(self.backups, 'sauvegarde', 'sauvegardes')}" if self.backups else ""
        return f"Personne effacée du carnet{backups} ; les décomptes anonymes sont conservés."

    @property
    def warning(self) -> str:
        """What the user must know and do when the erasure is not complete (French), else ``""``."""
        lines = []
        if not self.complete:
            lines.append(
                "La personne est effacée du carnet, mais le fichier est encore lu ailleurs (une autre "
                "fenêtre, une commande ou un export en cours) : des traces de ses données y restent "
                "jusqu'à la fin de cette lecture. Fermez-la, puis réessayez ; sinon, l'effacement sera "
                "complet dans le fichier à la première ouverture du carnet après cette lecture."
            )
        if self.unreached:
            lines.append(
                "Ces sauvegardes n'ont pas pu être traitées (endommagées, en lecture seule ou d'une "
                f"version plus récente) et peuvent encore la contenir : {', '.join(self.unreached)}. "
                f"Supprimez-les du dossier « {self.backup_folder} »."
            )
        return "\n\n".join(lines)


def erase_person(carnet: Carnet, professional_id: str, known_as: Professional | None = None) -> int:
    """Erase a person's identity, and what identifies them in the free text linked to them.

    ``known_as``: the person as the carnet knows them, when erasing a backup whose own record
    may be older (no phone yet, another e-mail); both identities are looked for. One transaction;
    return how many texts were rewritten. A person already erased, or absent (a backup older
    than their record), is left as is.
    """
    person = carnet.professionals.get(professional_id)
    if person is None or person.anonymized:
        return 0
    rewrite = _rewriter(person, known_as)
    with carnet.write():
        texts = scrub_texts(carnet, professional_id, rewrite)
        carnet.professionals.set_structures(professional_id, ())
        carnet.practice_sites.purge("professional_id", professional_id)
        forget_identity(carnet, professional_id)
        # The values a shared carnet's sync keeps, sent or not (in each backup erased too).
        Engine(carnet).scrub_log(rewrite)
    return texts


def scrub_texts(carnet: Carnet, professional_id: str, rewrite: Callable[[str], str]) -> int:
    """Rewrite the free text naming a person (theirs, their structures', the events', the notes',
    every agenda title); return how many texts were rewritten."""
    texts = carnet.professionals.rewrite_linked_texts(professional_id, rewrite)
    texts += carnet.events.rewrite_linked_texts(professional_id, rewrite)
    texts += carnet.notes.rewrite_linked_texts(professional_id, rewrite)
    # An agenda's titles name people whatever they are linked to: all of them are scrubbed.
    texts += carnet.agenda_items.rewrite_texts(rewrite)
    return texts


def erased_elsewhere(carnet: Carnet, person: Professional) -> None:
    """An erasure made on the other laptop arrives (the sync calls it, in the same transaction,
    with the person as this carnet knew them): this laptop scrubs its own texts naming them,
    those typed here before the erasure was known included, and the values its sync keeps."""
    rewrite = _rewriter(person)
    scrub_texts(carnet, person.id, rewrite)
    Engine(carnet).scrub_log(rewrite)


def _rewriter(person: Professional, known_as: Professional | None = None) -> Callable[[str], str]:
    patterns = identity_patterns(person, *([known_as] if known_as else []))
    return lambda text: scrub(text, patterns)


def forget_identity(carnet: Carnet, professional_id: str) -> None:
    """Remove a person's identity and the copies an import kept to undo its changes."""
    carnet.professionals.anonymize(professional_id)
    carnet.import_changes.purge("record_id", professional_id)


def erase_from_backups(carnet: Carnet, person: Professional) -> tuple[int, list[str]]:
    """Erase a person from every backup in the carnet's backup folder that still holds them.

    Return how many backups were rewritten, and the names of those that could not be.
    """
    # A working copy left by an erasure the system killed still holds the person: only one
    # instance writes to a carnet, so none of these is in use.
    for leftover in carnet.backups.folder.glob(f"{_WORK_PREFIX}*"):
        shutil.rmtree(leftover, ignore_errors=True)
    carnet.settle_backup()  # a daily backup being written holds the person too
    rewritten, unreached = 0, []
    for backup in carnet.backups.all():
        try:
            # A damaged backup is not skipped: opening it as a carnet reports it.
            if check_file(backup.path) is None and not _holds(backup.path, person):
                continue
            _erase_from_backup(backup.path, person, carnet.device_id)
            rewritten += 1
        except (AppError, OSError, sqlite3.Error):
            unreached.append(backup.path.name)
    return rewritten, unreached


def _holds(path: Path, person: Professional) -> bool:
    """Tell, reading only, whether a backup still holds this person's identity (their record,
    or the sync's log of a shared carnet, erased before the log was scrubbed with it)."""
    conn = sqlite3.connect(sqlite_uri(path, "mode=ro"), uri=True)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return (
            "professionals" in tables
            and bool(
                conn.execute(
                    "SELECT 1 FROM professionals WHERE id = ? AND anonymized_at IS NULL", [person.id]
                ).fetchone()
            )
        ) or (
            "_sync_log" in tables
            and bool(person.last_name)
            and bool(
                conn.execute(
                    "SELECT 1 FROM _sync_log WHERE instr(value, ?) LIMIT 1", [person.last_name]
                ).fetchone()
            )
        )
    finally:
        conn.close()


def _erase_from_backup(path: Path, person: Professional, device_id: str) -> None:
    """Rewrite one backup without the person, keeping its name, times and permissions (the
    retention orders backups by name and time)."""
    stat = path.stat()
    # The working copy stays beside the backup: same disk, and nothing personal goes elsewhere.
    with tempfile.TemporaryDirectory(prefix=_WORK_PREFIX, dir=path.parent) as folder:
        work = Path(folder) / path.name
        work.write_bytes(path.read_bytes())
        copy = open_carnet(work, device_id=device_id, backup_root=Path(folder) / "sauvegardes")
        copy.daily_backups = False  # a working copy needs no backup of its own
        try:
            erase_person(copy, person.id, known_as=person)
            copy.db.execute("VACUUM")  # no free page keeps the erased bytes
            copy_database(copy.db.conn, path)  # via path.part, synced, then renamed
        finally:
            copy.close()
    os.chmod(path, stat.st_mode)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))

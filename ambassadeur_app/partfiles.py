"""Files in the making: every ``.part`` file (or folder) the app writes is noted until it is
renamed.

Documents and backups are written under a temporary ``name.part`` and renamed once complete
(a justification pack is made in a ``.part`` folder),
so a crash never leaves half a document under its real name. A writer killed in the middle
(power cut, kill -9) cannot remove its ``.part`` itself: each one is noted in a journal folder,
beside a lock that its writer holds and that the system releases when the writer dies. At the
next start, the notes whose lock is free name the leftovers to remove; a ``.part`` still being
written by another running instance is left alone. Nothing else is ever deleted.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from ambassadeur_app import paths
from ambassadeur_app.lockfile import LockFile

PART_SUFFIX = ".part"
# What SQLite may leave beside a database file it was writing (a backup being copied), and the
# lock of a carnet being built (a shared carnet being joined or merged).
_SIDE_FILES = ("-journal", "-wal", "-shm", ".lock")


def part_for(target: Path) -> Path:
    """Return a new temporary name beside ``target`` (``rapport.pdf.3f9a1c.part``).

    The random piece keeps the app from ever taking a ``rapport.pdf.part`` of someone else's.
    """
    return target.with_name(f"{target.name}.{os.urandom(3).hex()}{PART_SUFFIX}")


def final_name(path: Path) -> Path:
    """Return the name the temporary file ``path`` made by ``part_for`` will be renamed to
    (``path`` itself when it is no such file)."""
    made = re.fullmatch(rf"(.+)\.[0-9a-f]{{6}}{re.escape(PART_SUFFIX)}", path.name)
    return path.with_name(made[1]) if made else path


@contextmanager
def written_in_place_of(target: Path) -> Iterator[Path]:
    """Yield a noted temporary path beside ``target`` to write; when the block ends well, the
    file is synced to disk and renamed to ``target``; when anything fails, it is removed and
    the error goes on (``target`` is never half written)."""
    part = part_for(target)
    try:
        with tracked(part):
            yield part
            with open(part, "rb+") as handle:
                os.fsync(handle.fileno())
            part.replace(target)
    except BaseException:
        with suppress(OSError):  # an unusable folder: then nothing was written there
            part.unlink(missing_ok=True)
        raise


def journal_dir() -> Path:
    return paths.user_data_dir() / "en-cours"


@contextmanager
def tracked(part: Path) -> Iterator[None]:
    """Note ``part`` as being written for the duration of the block."""
    note = journal_dir() / f"{os.urandom(16).hex()}.txt"
    lock = LockFile(note.with_suffix(".lock"))
    try:
        note.parent.mkdir(parents=True, exist_ok=True)
        lock.acquire()  # a new name: no one else holds it
        note.write_text(str(Path(part).absolute()), encoding="utf-8", errors="surrogateescape")
    except OSError:
        # Without a journal (a read-only profile), the file is still written atomically;
        # only a crash's leftover would stay.
        _forget(note, lock)
        yield
        return
    try:
        yield
    finally:
        _forget(note, lock)


def clean_leftovers() -> list[Path]:
    """Remove the ``.part`` files and folders that writers killed earlier left behind; return
    them."""
    removed: list[Path] = []
    folder = journal_dir()
    notes = list(folder.glob("*.txt")) if folder.is_dir() else []
    if not notes:
        return removed
    for note in notes:
        lock = LockFile(note.with_suffix(".lock"))
        try:
            if not lock.acquire():
                continue  # its writer is still at work
        except OSError:
            continue
        try:
            part = Path(note.read_text(encoding="utf-8", errors="surrogateescape").strip())
            if part.name.endswith(PART_SUFFIX) and part.is_dir() and not part.is_symlink():
                import shutil

                shutil.rmtree(part)  # a folder in the making (a justification pack's staging)
                removed.append(part)
            elif part.name.endswith(PART_SUFFIX):
                removed += remove_part(part)
        except (OSError, UnicodeDecodeError):
            pass  # an unreadable note: dropped below, the part (if any) stays
        _forget(note, lock)
    return removed


def remove_part(part: Path) -> list[Path]:
    """Remove a file in the making and what SQLite or a carnet's lock left beside it; return
    what was removed.

    Raises:
        OSError: one of them could not be removed.
    """
    removed = []
    for leftover in (part, *(Path(f"{part}{side}") for side in _SIDE_FILES)):
        if leftover.is_file():
            leftover.unlink()
            removed.append(leftover)
    return removed


def _forget(note: Path, lock: LockFile) -> None:
    with suppress(OSError):
        note.unlink(missing_ok=True)
    lock.release()
    with suppress(OSError):
        lock.path.unlink(missing_ok=True)

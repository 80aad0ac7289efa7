"""The files attached to the carnet's records (quotes, invoices, signed sign-in sheets).

Each file is copied into a folder beside the carnet (``carnet.ambassadeur.pieces/``), named by
the SHA-256 of its content: the same file attached twice is stored once, and a file changed or
lost after it was attached is found by hashing it again. The ``attachments`` table holds one row
per attachment (owner, role, original name, hash, size).

Why a folder and not the SQLite file: scans of several megabytes would make the carnet, its
daily backups and its integrity check heavy; the folder keeps the carnet small, and a file named
by its hash can be checked at any time against its row. The price: the folder must travel with
the carnet (copy both).

A file is written under a temporary ``.part`` name, synced to disk, then renamed and made
read-only: a full disk or a kill -9 never leaves half a file under a real name, and a leftover
``.part`` is never taken for an attachment (it is removed at the next attachment).

Only complete regular files are taken: a pipe or a device is refused before it is opened (reading
one would wait forever, the carnet locked), and a PDF or image must end as its format requires
(a download cut short is refused). Inside the store, anything that is not a regular file (a
symbolic link put there) is reported, never followed, and replaced when the file is attached
again.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal

from ambassadeur_app.domain.text import printable
from ambassadeur_app.errors import AppError, os_reason
from ambassadeur_app.partfiles import PART_SUFFIX, written_in_place_of
from ambassadeur_app.storage.records import Repo

if TYPE_CHECKING:
    from ambassadeur_app.domain.expenses import Attachment

STORE_SUFFIX = ".pieces"
# A scanned sheet or an invoice is a few megabytes; beyond this it is not the right file.
MAX_SIZE = 50 * 1024 * 1024
_CHUNK = 1024 * 1024
_COLUMNS = "id, owner_id, role, filename, sha256, suffix, size"

# The files that can be attached, by their first bytes (the name's extension proves nothing).
_SIGNATURES = (
    (b"%PDF-", ".pdf"),
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
    (b"II*\x00", ".tif"),
    (b"MM\x00*", ".tif"),
)
ACCEPTED = "PDF ou image PNG, JPEG, TIFF ou WebP"
_KINDS = {".pdf": "PDF", ".png": "PNG", ".jpg": "JPEG", ".tif": "TIFF", ".webp": "WebP"}
# What ends a complete file, looked for in its last bytes: a PDF reader looks for « %%EOF » in
# the last kilobyte (whitespace or a few bytes may follow), a PNG ends with its IEND chunk and
# its CRC, a JPEG with its end-of-image marker (a camera may pad it).
_END_MARKERS = {".pdf": b"%%EOF", ".png": b"IEND\xaeB`\x82", ".jpg": b"\xff\xd9"}
_TAIL = 2048
# Opening a pipe must not wait for a writer (POSIX), and Windows must read bytes as they are.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def store_folder(carnet_path: Path) -> Path:
    """Return the attachment folder of the carnet at ``carnet_path`` (the one place it is named)."""
    return carnet_path.with_name(carnet_path.name + STORE_SUFFIX)


def store_write_problem(path: Path) -> str | None:
    """Say why nothing may be written at ``path`` when it lies in the attachment folder of a
    carnet (any carnet, followed through links): only the store itself writes there. ``None``
    elsewhere."""
    folder = path.absolute().parent.resolve()
    if not any(f.name.endswith(STORE_SUFFIX) for f in (folder, *folder.parents)):
        return None
    return (
        f"« {path} » est dans le dossier des pièces jointes d'un carnet : rien n'y est écrit "
        "(un document ou une copie y remplacerait une facture ou une feuille signée). "
        "Choisissez un autre dossier."
    )


def sniff(head: bytes) -> str | None:
    """Return the extension of a PDF or image from its first 12 bytes, or ``None``."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return ".webp"
    return next((suffix for signature, suffix in _SIGNATURES if head.startswith(signature)), None)


def attachment_name(name: str) -> str:
    """Return the file name to keep of an attached file: on one line, without control or
    invisible characters, a byte the system could not decode shown as « ? » (never dropped)."""
    shown = re.sub("[\ud800-\udfff\ufffd]", "?", name)
    return " ".join(printable(shown).split()) or "document"


def _open(path: Path) -> BinaryIO:
    """Open a file to read; a pipe or a device is never waited on (``_truncation`` and the
    copy then find it empty or not a regular file)."""
    return os.fdopen(os.open(path, _OPEN_FLAGS), "rb")


def _truncation(handle: BinaryIO, suffix: str) -> str | None:
    """Say (in French) what shows that the PDF or image open in ``handle`` is cut short, or
    ``None`` when its end is where its format puts it."""
    size = os.fstat(handle.fileno()).st_size
    head = handle.read(12)
    if suffix == ".webp":  # the RIFF header gives the size of the rest of the file
        complete = int.from_bytes(head[4:8], "little") + 8 <= size
    elif suffix == ".tif":
        complete = _tiff_end(handle, "little" if head[:2] == b"II" else "big", size) <= size
    else:
        handle.seek(max(0, size - _TAIL))
        complete = _END_MARKERS[suffix] in handle.read()
    return None if complete else f"fin de fichier {_KINDS[suffix]} absente"


# The TIFF fields that place the image's data: strip offsets and sizes, tile offsets and sizes.
_TIFF_PLACES = ((273, 279), (324, 325))


def _tiff_end(handle: BinaryIO, order: Literal["little", "big"], size: int) -> int:
    """Return where the first directory of a TIFF and the image data it places end (past
    ``size`` if any of it lies beyond the file)."""

    def number(data: bytes) -> int:
        return int.from_bytes(data, order)

    handle.seek(4)
    offset = number(handle.read(4))
    handle.seek(offset)
    count = number(handle.read(2))
    entries = handle.read(min(12 * count, size))
    end = offset + 2 + 12 * count + 4
    values: dict[int, list[int]] = {}
    for start in range(0, len(entries) - 11, 12):
        entry = entries[start : start + 12]
        tag, kind, items = number(entry[:2]), number(entry[2:4]), number(entry[4:8])
        if kind not in (3, 4) or all(tag not in place for place in _TIFF_PLACES):
            continue
        width = 2 if kind == 3 else 4  # SHORT or LONG values
        raw = entry[8 : 8 + items * width]
        if items * width > 4:  # the values lie elsewhere, at the offset the entry holds
            handle.seek(number(entry[8:12]))
            raw = handle.read(min(items * width, size))
            end = max(end, number(entry[8:12]) + items * width)
        values[tag] = [number(raw[i : i + width]) for i in range(0, len(raw), width)]
    for offsets, counts in _TIFF_PLACES:
        places = zip(values.get(offsets, ()), values.get(counts, ()), strict=False)
        end = max([end, *(start + length for start, length in places)])
    return end


def _digest(path: Path) -> tuple[str, int]:
    """Return the SHA-256 and the size of a file."""
    digest, size = hashlib.sha256(), 0
    with _open(path) as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def holds(path: Path, sha256: str, size: int | None = None) -> bool:
    """Say whether ``path`` is a regular file itself (a link is never followed) holding the
    content of this SHA-256 (and of this size, when given)."""
    try:
        found = path.lstat()
        if not stat.S_ISREG(found.st_mode) or size not in (None, found.st_size):
            return False
        return _digest(path)[0] == sha256
    except OSError:
        return False


def _copy(source: Path, part: Path) -> str:
    """Copy ``source`` into the new file ``part``; return the SHA-256 of what was copied."""
    digest = hashlib.sha256()
    with _open(source) as reading, open(part, "xb") as writing:
        while chunk := reading.read(_CHUNK):
            digest.update(chunk)
            writing.write(chunk)
    return digest.hexdigest()


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles to sync)."""
    if os.name == "nt":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


class AttachmentStore:
    """The attachment folder of one carnet: files named by their SHA-256."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path_of(self, attachment: Attachment) -> Path:
        return self.folder / attachment.stored_name

    def put(self, source: Path) -> tuple[str, int, str]:
        """Copy a PDF or image into the store (once: a file already there is kept); return its
        SHA-256, size and extension.

        Raises:
            AppError: the file cannot be read, is not a PDF or an image, is too big, or cannot be
                written (disk full, read-only folder): then nothing is left in the store.
        """
        name = attachment_name(source.name)
        try:
            found = os.stat(source)  # through a symbolic link: the file it names
            if not stat.S_ISREG(found.st_mode):
                raise AppError(
                    f"« {name} » n'est pas un fichier ordinaire (dossier, tube, périphérique…) : "
                    f"seuls les fichiers {ACCEPTED} peuvent être joints."
                )
            if found.st_size > MAX_SIZE:
                raise AppError(
                    f"« {name} » est trop volumineux ({found.st_size // (1024 * 1024)} Mo ; "
                    f"{MAX_SIZE // (1024 * 1024)} Mo au plus) : scannez-le en résolution plus basse."
                )
            with _open(source) as handle:
                suffix = sniff(handle.read(12))
                if suffix is None:
                    raise AppError(
                        f"« {name} » n'est ni un PDF ni une image : seuls les fichiers {ACCEPTED} "
                        "peuvent être joints (scannez le document ou enregistrez-le en PDF)."
                    )
                handle.seek(0)
                if reason := _truncation(handle, suffix):
                    raise AppError(
                        f"« {name} » semble incomplet ({reason}) : téléchargez-le ou numérisez-le de nouveau."
                    )
            sha256, size = _digest(source)
        except OSError as exc:
            raise AppError(f"Le fichier « {source} » ne peut pas être lu : {os_reason(exc)}.") from exc
        target = self.folder / f"{sha256}{suffix}"
        if holds(target, sha256, size):
            return sha256, size, suffix
        try:
            self._write(source, target, sha256)
        except OSError as exc:
            raise AppError(
                f"« {source.name} » n'a pas pu être copié dans le dossier des pièces jointes "
                f"« {self.folder} » : {os_reason(exc)}. Rien n'a été joint."
            ) from exc
        return sha256, size, suffix

    def _write(self, source: Path, target: Path, sha256: str) -> None:
        self.folder.mkdir(exist_ok=True)
        self.clean_leftovers()
        with suppress(FileNotFoundError):  # damaged: the good copy replaces it
            if stat.S_ISREG(target.lstat().st_mode):  # Windows renames over no read-only file
                target.chmod(stat.S_IRUSR | stat.S_IWUSR)
            else:  # a link is removed, never followed (a chmod through it would change its target)
                target.unlink()
        with written_in_place_of(target) as part:
            if _copy(source, part) != sha256:
                raise AppError(
                    f"« {attachment_name(source.name)} » a changé pendant sa copie : joignez-le de nouveau."
                )
        target.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        _sync_folder(self.folder)

    def problem(self, attachment: Attachment) -> str | None:
        """Say (in French, to follow the file's name) what is wrong with a stored file, or ``None``."""
        path = self.path_of(attachment)
        try:
            if not stat.S_ISREG(path.lstat().st_mode):
                return (
                    "n'est plus un fichier ordinaire dans le dossier des pièces jointes (lien symbolique, "
                    "dossier…) : joignez de nouveau le document"
                )
            sha256, size = _digest(path)
            with _open(path) as handle:
                reason = _truncation(handle, attachment.suffix)
        except FileNotFoundError:
            return f"est introuvable dans le dossier des pièces jointes « {self.folder} »"
        except OSError as exc:
            return f"ne peut pas être lue ({os_reason(exc)})"
        if (sha256, size) != (attachment.sha256, attachment.size):
            return "a été modifiée depuis qu'elle a été jointe (son contenu n'est plus le même)"
        if reason:
            return f"semble incomplète ({reason}) : joignez de nouveau le document complet"
        return None

    def clean_leftovers(self) -> list[Path]:
        """Remove the ``.part`` files a copy killed midway left (only one writer holds the carnet)."""
        removed = []
        for leftover in self.folder.glob(f"*{PART_SUFFIX}") if self.folder.is_dir() else ():
            with suppress(OSError):
                leftover.unlink()
                removed.append(leftover)
        return removed


def _attachment(row: dict[str, Any]) -> Attachment:
    # Imported here: every export and copy checks where it writes (``store_write_problem``),
    # and needs not the expenses' domain for it.
    from ambassadeur_app.domain.expenses import Attachment, AttachmentRole

    return Attachment(
        id=row["id"],
        owner_id=row["owner_id"],
        role=AttachmentRole(row["role"]),
        filename=row["filename"],
        sha256=row["sha256"],
        suffix=row["suffix"],
        size=row["size"],
    )


class AttachmentRepo(Repo):
    table = "attachments"

    def of_owners(self, owner_ids: Iterable[str]) -> dict[str, list[Attachment]]:
        """Return the live attachments of these owners, by owner, in the order they were attached."""
        wanted = list(owner_ids)
        found: dict[str, list[Attachment]] = {owner: [] for owner in wanted}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            for row in self.db.query(
                f"SELECT {_COLUMNS} FROM attachments WHERE deleted_at IS NULL "
                f"AND owner_id IN ({', '.join('?' for _ in chunk)}) ORDER BY created_at, rowid",
                chunk,
            ):
                found[row["owner_id"]].append(_attachment(row))
        return found

    def live(self) -> list[Attachment]:
        """Return every live attachment, in the order they were attached."""
        return [
            _attachment(row)
            for row in self.db.query(
                f"SELECT {_COLUMNS} FROM attachments WHERE deleted_at IS NULL ORDER BY created_at, rowid"
            )
        ]

    def stored(self) -> list[Attachment]:
        """Return every attachment, live or removed (a removal can be undone, so its file travels
        with the carnet's copies too), in the order they were attached."""
        return [
            _attachment(row)
            for row in self.db.query(f"SELECT {_COLUMNS} FROM attachments ORDER BY created_at, rowid")
        ]

    def get(self, attachment_id: str) -> Attachment | None:
        return next((_attachment(row) for row in self._by_ids(_COLUMNS, [attachment_id])), None)

    def add(self, attachment: Attachment) -> str:
        return self._insert(
            {
                "owner_id": attachment.owner_id,
                "role": attachment.role.value,
                "filename": attachment_name(attachment.filename),
                "sha256": attachment.sha256,
                "suffix": attachment.suffix,
                "size": attachment.size,
            }
        )

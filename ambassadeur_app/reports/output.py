"""Write a document atomically: into ``name.part``, renamed only once complete.

A typing slip in ``--sortie`` must never destroy anything: a document never takes the place of
a folder, a device, a carnet, a backup or its journal, nor of any file in a carnet's attachment
folder; and a document whose name's extension says another format (a PDF named ``.xlsx``, or
written over an ``.eml``) is refused once written, before it replaces anything. A name without
extension is kept as given (the GUI adds the extension itself).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ambassadeur_app.domain.text import fold
from ambassadeur_app.errors import ExportError, os_reason
from ambassadeur_app.partfiles import final_name, written_in_place_of
from ambassadeur_app.storage.attachments import store_write_problem


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``path``, on failure it vanishes.

    Raises:
        ExportError: the folder is missing, not writable or the disk is full, ``path`` must not be
            replaced (see ``_check_replaceable``) or its extension says another format than the
            document written (nothing is left).
    """
    path = Path(path)
    document = final_name(path)  # a staged .part (a month's closing): the document it becomes
    if not path.parent.is_dir():
        raise ExportError(
            f"Le dossier « {path.parent} » n'existe pas : « {document.name} » n'a pas été écrit."
        )
    _check_replaceable(path)
    try:
        with written_in_place_of(path) as part:
            yield part
            _check_extension(document, part)
    except OSError as exc:
        raise ExportError(
            f"Impossible d'écrire « {document} » : {os_reason(exc)}. Aucun fichier n'a été laissé."
        ) from exc


# The first bytes of an SQLite database (a carnet, a backup) and of its write-ahead log.
_DATABASE_MAGIC = (b"SQLite format 3\x00", b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")


def _check_replaceable(path: Path) -> None:
    """Refuse to put a document in place of a folder, a device or a carnet (a typing slip in
    ``--sortie`` must never destroy the carnet or its backups).

    Raises:
        ExportError: ``path`` is not a regular file, is an SQLite database or its log, or lies in
            a carnet's attachment folder.
    """
    if problem := store_write_problem(path):
        raise ExportError(problem)
    if not path.exists():
        return
    if not path.is_file():
        raise ExportError(
            f"« {path} » n'est pas un fichier ordinaire (dossier, périphérique…) : indiquez le nom "
            "du document à écrire."
        )
    try:
        with open(path, "rb") as handle:
            start = handle.read(16)
    except OSError as exc:
        raise ExportError(f"Impossible de lire « {path} » avant de le remplacer : {os_reason(exc)}.") from exc
    if start.startswith(_DATABASE_MAGIC):
        raise ExportError(
            f"« {path} » est un carnet, une sauvegarde ou son journal : il ne sera pas remplacé par "
            "un document. Choisissez un autre nom de fichier."
        )


def _written_format(part: Path) -> tuple[str, str] | None:
    """Return the format (its French name, its extension) of the document written in ``part``,
    from its first bytes, or ``None`` for another kind of file."""
    with open(part, "rb") as handle:
        head = handle.read(64)
    if head.startswith(b"%PDF-"):
        return "PDF", ".pdf"
    if head.startswith(b"PK\x03\x04"):
        from zipfile import ZipFile

        with ZipFile(part) as archive:
            names = set(archive.namelist())
        if "xl/workbook.xml" in names:
            return "Excel", ".xlsx"
        return ("Word", ".docx") if "word/document.xml" in names else None
    if head.startswith(b"BEGIN:VCALENDAR"):
        return "d'agenda (iCalendar)", ".ics"
    if re.match(rb"[!-9;-~]+:", head):  # a header field: an e-mail (RFC 5322)
        return "d'e-mail", ".eml"
    return None


def _check_extension(named: Path, part: Path) -> None:
    """Refuse a document whose name's extension says another format (nothing is replaced).

    Raises:
        ExportError: ``named`` has an extension, and not the one of the document written in ``part``.
    """
    written = _written_format(part)
    if written is None or not named.suffix or named.suffix.lower() == written[1]:
        return
    kind, suffix = written
    raise ExportError(
        f"« {named.name} » ne peut pas recevoir un document {kind} : son extension doit être "
        f"{suffix} (par exemple « {named.with_suffix(suffix).name} »). Rien n'a été écrit."
    )


def slug(text: str) -> str:
    """Return a file-name-safe form of ``text`` (``Marie Durand`` -> ``marie-durand``)."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "document"

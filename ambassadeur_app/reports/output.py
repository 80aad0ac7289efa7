"""Write a document atomically: into ``name.part``, renamed only once complete."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ambassadeur_app.domain.text import fold
from ambassadeur_app.errors import ExportError, os_reason
from ambassadeur_app.partfiles import written_in_place_of


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``path``, on failure it vanishes.

    Raises:
        ExportError: the folder is missing, not writable or the disk is full (nothing is left).
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise ExportError(f"Le dossier « {path.parent} » n'existe pas : « {path.name} » n'a pas été écrit.")
    _check_replaceable(path)
    try:
        with written_in_place_of(path) as part:
            yield part
    except OSError as exc:
        raise ExportError(
            f"Impossible d'écrire « {path} » : {os_reason(exc)}. Aucun fichier n'a été laissé."
        ) from exc


# The first bytes of an SQLite database (a carnet, a backup) and of its write-ahead log.
_DATABASE_MAGIC = (b"SQLite format 3\x00", b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")


def _check_replaceable(path: Path) -> None:
    """Refuse to put a document in place of a folder, a device or a carnet (a typing slip in
    ``--sortie`` must never destroy the carnet or its backups).

    Raises:
        ExportError: ``path`` is not a regular file, or it is an SQLite database or its log.
    """
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


def slug(text: str) -> str:
    """Return a file-name-safe form of ``text`` (``Marie Durand`` -> ``marie-durand``)."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "document"

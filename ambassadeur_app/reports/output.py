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
    try:
        with written_in_place_of(path) as part:
            yield part
    except OSError as exc:
        raise ExportError(
            f"Impossible d'écrire « {path} » : {os_reason(exc)}. Aucun fichier n'a été laissé."
        ) from exc


def slug(text: str) -> str:
    """Return a file-name-safe form of ``text`` (``Marie Durand`` -> ``marie-durand``)."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "document"

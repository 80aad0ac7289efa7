"""Write a document atomically: into ``name.part``, renamed only once complete."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ambassadeur_app.domain.text import fold
from ambassadeur_app.errors import ExportError, os_reason
from ambassadeur_app.partfiles import part_for, tracked


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``path``, on failure it vanishes.

    Raises:
        ExportError: the folder is missing, not writable or the disk is full (nothing is left).
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise ExportError(f"Le dossier « {path.parent} » n'existe pas : « {path.name} » n'a pas été écrit.")
    part = part_for(path)
    try:
        with tracked(part):
            yield part
            with open(part, "rb+") as handle:
                os.fsync(handle.fileno())
            part.replace(path)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise ExportError(
            f"Impossible d'écrire « {path} » : {os_reason(exc)}. Aucun fichier n'a été laissé."
        ) from exc
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def slug(text: str) -> str:
    """Return a file-name-safe form of ``text`` (``Marie Durand`` -> ``marie-durand``)."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "document"

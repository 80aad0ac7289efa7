"""Expected, user-facing problems. Each message is French and says what went wrong and where.

Anything that is not an ``AppError`` is a bug: the GUI shows it as an unexpected error with the
log file, the CLI prints a traceback.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import logging


class AppError(Exception):
    """A problem the user can understand and fix; ``str(exc)`` is the French message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InvalidInput(AppError):
    """A value typed or imported by the user cannot be accepted."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class CarnetError(AppError):
    """The carnet file cannot be opened or written."""


class CarnetTooNew(CarnetError):
    """The file was written by a newer version of the app."""


class CarnetLocked(CarnetError):
    """Another instance of the app is writing to this carnet."""


class CarnetReadOnly(CarnetError):
    """The carnet is on read-only media: it can be read and exported, not changed."""


class CarnetDamaged(CarnetError):
    """The file fails SQLite's integrity check; ``backup`` is the latest sound backup, if any."""

    def __init__(self, message: str, backup: Path | None = None) -> None:
        super().__init__(message)
        self.backup = backup


class MonthClosed(AppError):
    """A change would touch a month that has been closed."""


class ExportError(AppError):
    """A document could not be written."""


class ImportFileError(AppError):
    """An import file cannot be read at all (wrong format, missing columns, truncated...)."""


def os_reason(exc: OSError) -> str:
    """Say in French why the system refused a file operation."""
    import errno

    if exc.errno in (errno.ENOTDIR, errno.EEXIST) and exc.filename:
        # e.g. a backup folder that is a file: name the file that is in the way
        path = Path(exc.filename)
        blocking = next((p for p in (path, *path.parents) if p.is_file()), None)
        if blocking is not None:
            return f"« {blocking} » est un fichier, pas un dossier"
    reasons = {
        errno.ENOSPC: "le disque est plein",
        errno.EACCES: "accès refusé (fichier ouvert dans un autre programme, ou dossier protégé)",
        errno.EPERM: "accès refusé (fichier ouvert dans un autre programme, ou dossier protégé)",
        errno.EROFS: "le support est en lecture seule",
        errno.ENOENT: "fichier ou dossier introuvable",
        errno.ENOTDIR: "un élément du chemin est un fichier, pas un dossier",
        errno.EISDIR: "c'est un dossier, pas un fichier",
        errno.EEXIST: "un fichier du même nom est dans le chemin",
        errno.EPIPE: "la sortie a été fermée",
        errno.ENAMETOOLONG: "nom de fichier trop long (raccourcissez-le)",
    }
    return reasons.get(exc.errno or 0, exc.strerror or str(exc))


def describe_os_error(exc: OSError) -> str:
    """Say in French what the system refused, and on which file: for a document in the making
    (``partfiles.part_for``), the document, and whether its temporary file was left."""
    from ambassadeur_app.partfiles import final_name

    if not exc.filename:
        return f"opération impossible : {os_reason(exc)}."
    part = Path(str(exc.filename))
    document = final_name(part)
    if document == part:
        return f"opération impossible sur « {part} » : {os_reason(exc)}."
    try:
        left = part.exists()
    except (OSError, ValueError):
        left = False
    after = f"Le fichier temporaire « {part} » est resté." if left else "Aucun fichier n'a été laissé."
    return f"impossible d'écrire « {document} » : {os_reason(exc)}. {after}"


# The application log: the details of unexpected errors, for support (GUI and CLI alike).
# Write to it through ``logged()``: ``logging`` is imported and the log's file set up on first
# use, off the start-up's path (importing ``logging`` alone costs ~4 ms).
LOG_NAME = "ambassadeur"


def logged() -> logging.Logger:
    """Return the application log, writing to its file from now on (to stderr when the log
    folder cannot be written)."""
    import logging

    with suppress(OSError):
        setup_logging()
    return logging.getLogger(LOG_NAME)


def setup_logging() -> None:
    """Log warnings and errors to a rotating file in the user's log folder (set up once).

    Raises:
        OSError: the log folder cannot be written.
    """
    import logging.handlers

    from ambassadeur_app import paths

    log = logging.getLogger(LOG_NAME)
    target = paths.log_file()
    for old in [h for h in log.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        if old.baseFilename == str(target.absolute()):
            return
        log.removeHandler(old)  # the user folder moved (tests give each their own)
        old.close()
    handler = logging.handlers.RotatingFileHandler(
        target, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)

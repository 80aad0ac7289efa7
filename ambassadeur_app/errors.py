"""Expected, user-facing problems. Each message is French and says what went wrong and where.

Anything that is not an ``AppError`` is a bug: the GUI shows it as an unexpected error with the
log file, the CLI prints a traceback.
"""

from __future__ import annotations

from pathlib import Path


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

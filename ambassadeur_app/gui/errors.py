"""The single place where exceptions become dialogs, plus the log file and the excepthook."""

from __future__ import annotations

import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from ambassadeur_app import APP_NAME, paths
from ambassadeur_app.errors import AppError, logged

if TYPE_CHECKING:
    import sqlite3

# The carnet shown in the window, named by the diagnosis of an SQLite error raised anywhere.
carnet_in_use: Path | None = None
# The boxes shown without a parent (the excepthook's), kept until closed: Qt would not keep them.
_parentless: set[QMessageBox] = set()


def log_sqlite_error(exc: sqlite3.Error, action: str = "") -> None:
    """Log an SQLite error with its traceback and the action it broke (by default the first
    call of the traceback: the slot the user's action ran)."""
    frames = traceback.extract_tb(exc.__traceback__)
    action = action or (frames[0].name if frames else "?")
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    logged().error("Erreur SQLite pendant « %s » :\n%s", action, details)


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """Show ``exc``: its French message for an ``AppError``, else an unexpected-error box.

    The box is window-modal but does not block the caller. An SQLite error becomes the
    carnet's French diagnosis (a damaged file with the restore offer).
    """
    import sqlite3  # here: this module is imported before the window shows, the storage after

    if isinstance(exc, sqlite3.Error) and carnet_in_use is not None:
        from ambassadeur_app.storage.db import backup_manager, diagnose

        log_sqlite_error(exc)
        exc = diagnose(exc, carnet_in_use, backup_manager(paths.backup_root(), carnet_in_use))
    if isinstance(exc, AppError):
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, exc.message, parent=parent)
    else:
        details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        logged().error("Erreur inattendue :\n%s", details)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            APP_NAME,
            "Une erreur inattendue s'est produite. Votre carnet n'a pas été modifié par "
            f"l'action en cours.\n\nLe détail a été enregistré dans :\n{paths.log_file()}",
            parent=parent,
        )
        box.setDetailedText(details)
    box.setObjectName("error_box")
    if parent is None:
        _parentless.add(box)

        def closed() -> None:
            _parentless.discard(box)
            box.deleteLater()

        box.finished.connect(closed)
    box.open()
    return box


def install_excepthook() -> None:
    """Route uncaught exceptions (GUI thread and worker threads) to ``show_error``."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        show_error(None, exc.with_traceback(tb))

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            logged().error(
                "Erreur dans une tâche de fond :\n%s",
                "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)),
            )

    sys.excepthook = hook
    threading.excepthook = thread_hook

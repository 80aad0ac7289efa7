"""Writing a document the user names: one way for every page (suggested name, file chooser,
suffix, wait cursor, French error)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from ambassadeur_app import paths
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui import prompts
from ambassadeur_app.gui.errors import show_error

T = TypeVar("T")

# The file chooser's filter of each document format the app writes.
FILTERS = {
    "pdf": "PDF (*.pdf)",
    "xlsx": "Classeur Excel (*.xlsx)",
    "docx": "Document Word (*.docx)",
    "eml": "Brouillon d'e-mail (*.eml)",
    "ics": "Fichier d'agenda (*.ics)",
}


def ask_and_write(
    parent: QWidget, title: str, suggested: str, write: Callable[[Path], T]
) -> tuple[Path, T] | None:
    """Ask where to write a document (``suggested`` proposed in the documents folder; its
    suffix added when the name typed lacks it), write it with ``write``; return its path and
    what ``write`` returned, or None (cancelled, or the error shown)."""
    suffix = Path(suggested).suffix
    out = prompts.save_file(parent, title, paths.documents_dir() / suggested, FILTERS[suffix[1:]])
    if out is None:
        return None
    if out.suffix.lower() != suffix:
        out = out.with_name(out.name + suffix)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        written = write(out)
    except AppError as exc:
        QApplication.restoreOverrideCursor()  # before the message box
        show_error(parent, exc)
        return None
    QApplication.restoreOverrideCursor()
    return out, written

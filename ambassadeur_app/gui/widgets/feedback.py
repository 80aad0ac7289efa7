"""Coloured one-line feedback under a form or an entry bar."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtWidgets import QLabel, QWidget

from ambassadeur_app.errors import AppError, InvalidInput

OK_COLOR, WARN_COLOR, ERROR_COLOR, MUTED_COLOR = "#1B7F3B", "#A15C00", "#B00020", "#7A7A7A"


def colored(text: str, color: str) -> str:
    """Return ``text`` as rich text in ``color`` (the text is escaped)."""
    return f"<span style='color:{color}'>{escape(text, quote=False)}</span>"


def error_line(label: QLabel, message: str) -> None:
    label.setText(colored(message, ERROR_COLOR))


def refused(label: QLabel, exc: AppError, field: Callable[[str], QWidget]) -> None:
    """Say why a form's save was refused on ``label``; the field at fault (``field`` of its
    name) gets the focus."""
    error_line(label, exc.message)
    if isinstance(exc, InvalidInput):
        field(exc.field).setFocus()


def warning_line(label: QLabel, message: str) -> None:
    label.setText(colored(message, WARN_COLOR))

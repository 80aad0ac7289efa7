"""Coloured one-line feedback under a form or an entry bar."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QLabel

OK_COLOR, WARN_COLOR, ERROR_COLOR, MUTED_COLOR = "#1B7F3B", "#A15C00", "#B00020", "#7A7A7A"


def colored(text: str, color: str) -> str:
    """Return ``text`` as rich text in ``color`` (the text is escaped)."""
    return f"<span style='color:{color}'>{escape(text, quote=False)}</span>"


def error_line(label: QLabel, message: str) -> None:
    label.setText(colored(message, ERROR_COLOR))


def warning_line(label: QLabel, message: str) -> None:
    label.setText(colored(message, WARN_COLOR))

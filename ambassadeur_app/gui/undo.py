"""Undoable changes to the carnet (Ctrl+Z / Ctrl+Maj+Z), pushed on the window's QUndoStack.

A command whose action the rules refuse (closed month, 24 h...) reports the error and makes
itself obsolete, so that the stack drops it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from ambassadeur_app.domain.formatting import plural
from ambassadeur_app.domain.model import TimeEntry
from ambassadeur_app.errors import AppError

if TYPE_CHECKING:
    from ambassadeur_app.services import CarnetService

ErrorHandler = Callable[[AppError], None]


class CarnetCommand(QUndoCommand):
    """Base: runs service calls and turns a refusal into an error report."""

    def __init__(self, service: CarnetService, on_error: ErrorHandler, text: str) -> None:
        super().__init__(text)
        self.service = service
        self.on_error = on_error
        self.error: AppError | None = None
        self.warnings: list[str] = []

    def _guard(self, action: Callable[[], None]) -> None:
        try:
            action()
        except AppError as exc:
            self.error = exc
            self.setObsolete(True)
            self.on_error(exc)


class AddEntry(CarnetCommand):
    """Add an entry; undo deletes it, redo brings the same record back."""

    def __init__(
        self,
        service: CarnetService,
        on_error: ErrorHandler,
        entry: TimeEntry,
        text: str = "l'ajout de l'entrée",
    ) -> None:
        super().__init__(service, on_error, text)
        self.entry = entry
        self.entry_id = ""

    def redo(self) -> None:
        if self.entry_id:
            self._guard(lambda: self.service.restore_entries([self.entry_id]))
            return

        def add() -> None:
            saved = self.service.add_entry(self.entry)
            self.entry_id, self.warnings = saved.entry_id, saved.warnings

        self._guard(add)

    def undo(self) -> None:
        self._guard(lambda: self.service.delete_entries([self.entry_id]))


class EditEntry(CarnetCommand):
    def __init__(
        self, service: CarnetService, on_error: ErrorHandler, old: TimeEntry, new: TimeEntry
    ) -> None:
        super().__init__(service, on_error, "la modification de l'entrée")
        self.old, self.new = old, new

    def redo(self) -> None:
        def update() -> None:
            self.warnings = self.service.update_entry(self.new).warnings

        self._guard(update)

    def undo(self) -> None:
        def restore() -> None:
            self.service.update_entry(self.old)

        self._guard(restore)


class DeleteEntries(CarnetCommand):
    def __init__(self, service: CarnetService, on_error: ErrorHandler, entry_ids: list[str]) -> None:
        super().__init__(service, on_error, f"la suppression de {plural(len(entry_ids), 'entrée')}")
        self.entry_ids = entry_ids

    def redo(self) -> None:
        self._guard(lambda: self.service.delete_entries(self.entry_ids))

    def undo(self) -> None:
        self._guard(lambda: self.service.restore_entries(self.entry_ids))

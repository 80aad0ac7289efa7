"""What the rétroplanning and journal pages share: a list page whose records are created with
Ctrl+N, edited with Entrée and deleted with Suppr, a deletion undone with Ctrl+Z.

The page keeps its own undo history until the window gives it its own (``set_undo_stack``):
Édition > Annuler then brings a deletion back from any tab.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from ambassadeur_app.errors import AppError
from ambassadeur_app.gui import prompts
from ambassadeur_app.gui.documents import ask_and_write
from ambassadeur_app.gui.errors import show_error
from ambassadeur_app.gui.pages.register_page import RegisterPage
from ambassadeur_app.gui.undo import CarnetCommand, ErrorHandler

if TYPE_CHECKING:
    from ambassadeur_app.services import CarnetService


class DeleteRecord(CarnetCommand):
    """Delete a record with ``delete``; undo brings it back with ``restore``."""

    def __init__(
        self,
        service: CarnetService,
        on_error: ErrorHandler,
        text: str,
        delete: Callable[[], None],
        restore: Callable[[], None],
    ) -> None:
        super().__init__(service, on_error, text)
        self.delete, self.restore = delete, restore

    def redo(self) -> None:
        self._guard(self.delete)

    def undo(self) -> None:
        self._guard(self.restore)


class UndoablePage(RegisterPage):
    """Base of a list page with new / edit / delete (undoable) records."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Made before the widgets, so that it goes first when the page is deleted: its last
        # signal then finds the page whole.
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self._undone)

    # --- to provide -----------------------------------------------------------------------------

    def new_record(self) -> object:
        raise NotImplementedError

    def edit_selected(self) -> object:
        raise NotImplementedError

    def delete_selected(self) -> None:
        raise NotImplementedError

    # --- keys -----------------------------------------------------------------------------------

    def watch_keys(self, *widgets: QWidget) -> None:
        """Let the page handle its keys when one of ``widgets`` has the focus."""
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Handle the page's own keys (``_key_action``) before the window's shortcuts."""
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            action = self._key_action(watched, event)
            if action is not None:
                event.accept()  # on ShortcutOverride: the key comes here, not to the window
                if event.type() == QEvent.Type.KeyPress:
                    action()
                return True
        return super().eventFilter(watched, event)

    def _key_action(self, watched: QObject, event: QKeyEvent) -> Callable[[], object] | None:
        """Return what a key does: Ctrl+N a new record; on the list, Entrée edits and Suppr
        deletes; Ctrl+Z / Ctrl+Maj+Z undo and redo a deletion while the page keeps its own undo
        history (outside the text fields, which undo their typing)."""
        pressed = QKeySequence(event.keyCombination())
        if pressed == QKeySequence("Ctrl+N"):
            return self.new_record
        stack = self.undo_stack
        if stack.parent() is self and not isinstance(watched, QLineEdit | QPlainTextEdit):
            if pressed == QKeySequence("Ctrl+Z") and stack.canUndo():
                return stack.undo
            if pressed == QKeySequence("Ctrl+Shift+Z") and stack.canRedo():
                return stack.redo
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
        if watched is not self.widgets()[0] or not plain:
            return None
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return self.edit_selected
        return self.delete_selected if event.key() == Qt.Key.Key_Delete else None

    # --- undo -----------------------------------------------------------------------------------

    def set_service(self, service: CarnetService) -> None:
        self.undo_stack.blockSignals(True)  # the previous carnet's deletions are not undone here
        if self.undo_stack.parent() is self:
            self.undo_stack.clear()
        self.undo_stack.blockSignals(False)
        super().set_service(service)

    def set_undo_stack(self, stack: QUndoStack) -> None:
        """Push deletions on ``stack`` (the window's: Ctrl+Z undoes them) instead of the page's."""
        self.undo_stack = stack
        stack.indexChanged.connect(self._undone)

    def _undone(self, _index: int = 0) -> None:
        if self.service is not None:
            self.refresh()

    def shutdown(self) -> None:
        """Nothing more is read once the carnet closes, not even an undo history cleared."""
        super().shutdown()
        self.undo_stack.blockSignals(True)

    def push_delete(self, text: str, delete: Callable[[], None], restore: Callable[[], None]) -> None:
        """Delete undoably: ``text`` names the deletion in Édition > Annuler."""
        self.undo_stack.push(DeleteRecord(self._service(), self.refused, text, delete, restore))

    def refused(self, exc: AppError) -> None:
        show_error(self, exc)

    def write_document(self, title: str, suggested: str, write: Callable[[Path], object]) -> Path | None:
        """Ask where to write a document (``suggested`` proposed), write it with ``write``, then
        open it; return its path, or None (cancelled, or the error shown)."""
        written = ask_and_write(self, title, suggested, write)
        if written is None:
            return None
        self.message.emit(f"{title} écrit : {written[0]}")
        prompts.open_path(written[0])
        return written[0]

    def saved(self, text: str, select: str) -> None:
        """After a new record: show it even if the filters hid it."""
        if self.model is not None and select not in self.query():
            self.reset_filters()
        self.done(text, select)

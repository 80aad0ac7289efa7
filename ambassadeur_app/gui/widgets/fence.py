"""A page whose relayouts stay inside it: the window repaints only what changed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QWidget


class LayoutFence(QWidget):
    """Hold ``content`` (where a form is set up), filling this widget; tell the parent's layout
    about a change only when the content's minimum size changed.

    Qt passes every relayout inside a widget up to the window: ``QLayout.activate`` ends with its
    widget's ``updateGeometry`` whatever changed (« ideally only if sizeHint() or sizePolicy()
    has changed », says its source), and a ``QTabWidget`` that gets a layout request repaints all
    of itself, tab bar and every widget of the page included. A label's new text (« 16 437
    entrées ») repainted the whole window (~45 widgets) at each save. The content has no layout
    around it here: its relayout posts a layout request to the fence, which stops it unless the
    content's minimum size changed. A change of its preferred size alone (a longer text) is not
    passed on: a page fills the window the user sized; the parent reads the new one at its next
    relayout.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = QWidget(self)
        self._minimum = QSize()

    def _check_minimum(self) -> None:
        minimum = self.content.minimumSizeHint()
        if minimum != self._minimum:
            self._minimum = minimum
            self.updateGeometry()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self._check_minimum()
            return True
        return super().event(event)

    def showEvent(self, event: QShowEvent) -> None:
        self._check_minimum()  # no layout request reaches a hidden fence
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.content.resize(event.size())
        super().resizeEvent(event)

    def sizeHint(self) -> QSize:
        return self.content.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.content.minimumSizeHint()

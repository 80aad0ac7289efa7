"""What the register pages share: search as you type, a lazy table, a detail panel."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QTextBrowser,
    QWidget,
)

from ambassadeur_app.domain.formatting import format_date, plural
from ambassadeur_app.domain.register import HistoryItem
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui import prompts
from ambassadeur_app.gui.errors import show_error
from ambassadeur_app.gui.models.record_table import RecordColumn, RecordTableModel
from ambassadeur_app.gui.widgets.scope_filters import ScopeFilters

if TYPE_CHECKING:
    from ambassadeur_app.services import CarnetService

SEARCH_DELAY_MS = 120
SIZED_ROWS = 50  # rows measured to size the columns


def history_html(items: list[HistoryItem]) -> str:
    """Return a history as an HTML table for a detail panel."""
    if not items:
        return "<p><i>Aucun échange enregistré pour l'instant.</i></p>"
    rows = "".join(
        f"<tr><td>{format_date(i.day)}</td><td><b>{escape(i.kind)}</b></td><td>{escape(i.text)}</td>"
        f"<td>{escape(i.ambassador)}</td></tr>"
        for i in items
    )
    return f"<table cellspacing='0' cellpadding='3' width='100%'>{rows}</table>"


class RegisterPage(QWidget):
    """Base of the register pages.

    Signals:
        message(str): a line for the status bar.
        changed(): the register changed (other pages refresh).
    """

    message = Signal(str)
    changed = Signal()
    noun = ("fiche", "fiches")
    select_hint = "Sélectionnez une fiche."

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service: CarnetService | None = None
        self.model: RecordTableModel | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._wired = False

    # --- to provide -----------------------------------------------------------------------------

    def columns(self) -> list[RecordColumn]:
        raise NotImplementedError

    def fetch(self, ids: list[str]) -> dict[str, object]:
        raise NotImplementedError

    def query(self) -> list[str]:
        raise NotImplementedError

    def detail_html(self, record_id: str) -> str:
        raise NotImplementedError

    def color(self, record: object) -> str | None:
        return None

    def widgets(self) -> tuple[QTableView, QTextBrowser, QLabel, QLineEdit]:
        """Return the page's table, detail panel, count label and search field."""
        raise NotImplementedError

    def filters(self) -> tuple[ScopeFilters, list[QComboBox]]:
        """Return the shared filters and the page's own filter lists (first item: everything)."""
        raise NotImplementedError

    # --- shared behaviour ----------------------------------------------------------------------

    def set_service(self, service: CarnetService) -> None:
        self.service = service
        table, _, _, search = self.widgets()
        self.model = RecordTableModel(self.columns(), self.fetch, self.color, self)
        table.setModel(self.model)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(24)
        # Columns fit the first rows only: measuring thousands of rows freezes the tab.
        header = table.horizontalHeader()
        header.setResizeContentsPrecision(SIZED_ROWS)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        table.selectionModel().selectionChanged.connect(lambda *_: self.show_detail())
        if not self._wired:  # once, although another carnet may be opened in the same window
            self._wired = True
            search.textChanged.connect(lambda _: self._timer.start())
            scope, combos = self.filters()
            scope.changed.connect(self.refresh)
            scope.reset_requested.connect(self.reset_filters)
            for combo in combos:
                combo.currentIndexChanged.connect(lambda _: self.refresh())
        self.refresh()
        for column in range(len(self.columns()) - 1):
            table.resizeColumnToContents(column)
            header.resizeSection(column, min(header.sectionSize(column) + 12, 260))

    def _service(self) -> CarnetService:
        assert self.service is not None, "set_service() first"
        return self.service

    def refresh(self) -> None:
        """Query the list again, keeping the selection."""
        if self.model is None:
            return
        selected = self.selected_ids()
        self.model.set_ids(self.query())
        self.select(selected)
        _, _, count, _ = self.widgets()
        count.setText(plural(self.model.rowCount(), *self.noun))
        self.show_detail()

    def selected_ids(self) -> list[str]:
        table = self.widgets()[0]
        if self.model is None or table.selectionModel() is None:
            return []
        rows = sorted({index.row() for index in table.selectionModel().selectedRows()})
        ids = self.model.ids()
        return [ids[row] for row in rows if row < len(ids)]

    def selected_id(self) -> str | None:
        """Return the one selected record, or ask for one on the status bar."""
        ids = self.selected_ids()
        if len(ids) != 1:
            self.message.emit(self.select_hint)
            return None
        return ids[0]

    def merge_pair(
        self,
        hint: str,
        question: str,
        informative: str,
        option: Callable[[str], str],
        merge: Callable[[str, str], object],
    ) -> str | None:
        """Ask which of the two selected records to keep and merge the other into it.

        Returns the kept record, or None when nothing was merged (``hint`` tells how to select).
        """
        ids = self.selected_ids()
        if len(ids) != 2:
            self.message.emit(hint)
            return None
        choice = prompts.choose(self, question, informative, [option(record_id) for record_id in ids])
        if choice is None:
            return None
        keep, other = ids[choice], ids[1 - choice]
        try:
            merge(keep, other)
        except AppError as exc:
            show_error(self, exc)
            return None
        return keep

    def select(self, record_ids: list[str]) -> None:
        if self.model is None:
            return
        table = self.widgets()[0]
        selection = table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        first = None
        for record_id in record_ids:
            row = self.model.row_of(record_id)
            if row >= 0:
                index = self.model.index(row, 0)
                selection.select(index, flags)
                first = first or index
        if first is not None:
            table.scrollTo(first)

    def show_detail(self) -> None:
        _, browser, _, _ = self.widgets()
        ids = self.selected_ids()
        browser.setHtml(self.detail_html(ids[0]) if len(ids) == 1 else "")

    def reload_choices(self) -> None:
        """Fill the filter lists again after the register changed (new communes...)."""

    def reset_filters(self) -> None:
        """Show every record: no search text, every filter back to « all »."""
        scope, combos = self.filters()
        search = self.widgets()[3]
        for widget in (scope, search, *combos):
            widget.blockSignals(True)
        search.clear()
        scope.clear()
        for combo in combos:
            combo.setCurrentIndex(0)
        for widget in (scope, search, *combos):
            widget.blockSignals(False)
        self.refresh()

    def focus_search(self) -> None:
        search = self.widgets()[3]
        search.setFocus()
        search.selectAll()

    def shutdown(self) -> None:
        self._timer.stop()

    def done(self, text: str, select: str = "") -> None:
        """After a change: refresh (selecting ``select``), tell the status bar and the other pages."""
        self.refresh()
        if select:
            self.select([select])
        self.message.emit(text)
        self.changed.emit()

"""The tableau de bord: each indicator of the cahier des charges (§5), then the money, against
its target — where it stands, what is missing, the trend, met or not (in words and a symbol,
not in colour alone) — with its chart; the readings, the targets and the document.

The page the window opens on once a carnet has data: its frame (the buttons, an empty scroll
area) is in the first frame; its cards (``dashboard_cards``), with the indicators' domain, the
charts' values and the formatting of dates, come with the carnet's figures, after the first
paint, still without Qt's namespace (see ``main_window.ACTION_KEYS``); the charts are drawn
in a worker (``widgets/chart_view.py``), the documents' modules imported on first use.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QMenu, QWidget

from ambassadeur_app import paths
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui.errors import show_error
from ambassadeur_app.gui.forms.ui_dashboard_page import Ui_DashboardPage

if TYPE_CHECKING:
    from ambassadeur_app.gui.dialogs.reading_dialog import ReadingDialog, ReadingsImportDialog
    from ambassadeur_app.gui.dialogs.targets_dialog import TargetsDialog
    from ambassadeur_app.gui.pages.dashboard_cards import IndicatorCard
    from ambassadeur_app.services import CarnetService

CHART_WIDTHS = (440, 600)  # from 1366 pixels wide to 1920 and more
WIDE_PAGE = 1600  # from this width on, the cards go two by two


class DashboardPage(QWidget):
    """The indicators of the carnet, computed again each time the page is shown or the carnet
    changes (``refresh``: the cards and charts whose figures did not change are kept as drawn).

    Keys (listed by F1 from ``pages.DASHBOARD_KEYS``): Ctrl+N a new reading of active users.

    Signals:
        message(str): a line for the status bar.
        changed(): the carnet changed (a reading, the targets): the other pages refresh.
    """

    message = Signal(str)
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_DashboardPage()
        self.ui.setupUi(self)
        self.service: CarnetService | None = None
        self.cards: dict[str, IndicatorCard] = {}
        self.groups: dict[str, str] = {}  # the group of each card, in the cards' order
        self.grids: dict[str, QGridLayout] = {}  # the cards of each group
        self.columns = 1
        ui = self.ui
        ui.reading_button.clicked.connect(lambda: self.new_reading())
        ui.import_button.clicked.connect(lambda: self.import_readings())
        ui.targets_button.clicked.connect(lambda: self.edit_targets())
        menu = QMenu(ui.export_button)
        for label, fmt in (("Classeur E&xcel (.xlsx)…", "xlsx"), ("&PDF avec les graphiques…", "pdf")):
            action = menu.addAction(label)
            action.triggered.connect(lambda _=False, fmt=fmt: self.export(fmt))
        ui.export_button.setMenu(menu)
        self.cards_layout = ui.cards_layout
        self.cards_layout.addStretch(1)
        buttons = (ui.reading_button, ui.import_button, ui.targets_button, ui.export_button)
        for widget in (self, ui.scroll_area, *buttons):
            widget.installEventFilter(self)

    # --- the page protocol ----------------------------------------------------------------------

    def set_service(self, service: CarnetService) -> None:
        self.service = service
        self.refresh()

    def _service(self) -> CarnetService:
        assert self.service is not None, "set_service() first"
        return self.service

    def refresh(self) -> None:
        """Compute the indicators again and show those that changed."""
        from ambassadeur_app.gui.pages.dashboard_cards import situation_html

        if self.service is None:
            return
        indicators = self.service.indicators.all()
        objectives = [i for i in indicators if i.group == "objectif"]
        met = sum(i.met for i in objectives)
        self.ui.situation_label.setText(situation_html(self.service.today(), met, len(objectives)))
        rebuilt = [i.key for i in indicators] != list(self.cards)
        # New cards are made and filled hidden, then shown and laid out at once: they are in
        # the next paint at their size (added to the shown page, each would be shown by a
        # queued call and the scroll area sized to them by a posted event, frames later).
        content = self.ui.cards_widget
        if rebuilt:
            content.hide()
            self._build([(i.key, i.group) for i in indicators])
        for indicator in indicators:
            self.cards[indicator.key].show_indicator(indicator)
        if rebuilt:
            content.show()
            self.ui.scroll_area.setWidgetResizable(True)  # sizes the content to the cards now

    def _build(self, keys: list[tuple[str, str]]) -> None:
        """Make one card per indicator, in a grid under its group's heading."""
        from ambassadeur_app.gui.pages.dashboard_cards import IndicatorCard, group_heading, set_enum

        set_enum(self.ui.scroll_area, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
        set_enum(self.ui.scroll_area, "verticalScrollBarPolicy", "ScrollBarAlwaysOn")  # no reflow
        layout = self.cards_layout
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.cards, self.grids, self.groups = {}, {}, {}
        for key, group in keys:
            if group not in self.grids:
                layout.addWidget(group_heading(group))
                box = QWidget()
                self.grids[group] = QGridLayout(box)
                self.grids[group].setContentsMargins(0, 0, 0, 0)
                layout.addWidget(box)
            self.cards[key] = IndicatorCard()
            self.groups[key] = group
        layout.addStretch(1)
        self._arrange(rebuilt=True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self, rebuilt: bool = False) -> None:
        """Put the cards in one column, or two on a wide page (side by side, in their order);
        give the charts two fifths of a column, within CHART_WIDTHS."""
        columns = 2 if self.width() >= WIDE_PAGE else 1
        if rebuilt or columns != self.columns:
            self.columns = columns
            for group, grid in self.grids.items():
                while grid.count():
                    grid.takeAt(0)
                cards = [self.cards[key] for key, of in self.groups.items() if of == group]
                for index, card in enumerate(cards):
                    grid.addWidget(card, index // columns, index % columns)
                for column in range(2):
                    grid.setColumnStretch(column, 1 if column < columns else 0)
        width = min(max(self.width() // columns * 2 // 5, CHART_WIDTHS[0]), CHART_WIDTHS[1])
        for card in self.cards.values():
            card.chart_view.set_width(width)

    def focus_search(self) -> None:
        """No search here: Ctrl+F goes to the first action."""
        self.ui.reading_button.setFocus()

    def shutdown(self) -> None:
        """Nothing runs in the background on this page."""

    # --- keys -----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+N on the page is a new reading (the window's Ctrl+N is a new time entry)."""
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            if QKeySequence(event.keyCombination()) == QKeySequence("Ctrl+N"):
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self.new_reading()
                return True
        return super().eventFilter(watched, event)

    # --- actions --------------------------------------------------------------------------------

    def _done(self, text: str) -> None:
        """After a change: refresh, tell the status bar and the other pages."""
        self.refresh()
        self.message.emit(text)
        self.changed.emit()

    def new_reading(self) -> ReadingDialog:
        from ambassadeur_app.domain.formatting import plural
        from ambassadeur_app.gui.dialogs.reading_dialog import ReadingDialog

        dialog = ReadingDialog(self._service(), self)

        def finished() -> None:
            if dialog.saved_id:
                self._done("Relevé d'utilisateurs actifs enregistré.")
            elif dialog.deleted:
                self._done(f"{plural(dialog.deleted, 'relevé supprimé', 'relevés supprimés')}.")

        dialog.finished.connect(lambda _: finished())
        dialog.open()
        return dialog

    def import_readings(self, path: Path | None = None) -> ReadingsImportDialog | None:
        from ambassadeur_app.domain.formatting import plural
        from ambassadeur_app.gui import prompts
        from ambassadeur_app.gui.dialogs.reading_dialog import ReadingsImportDialog

        if path is None:
            path = prompts.open_file(
                self,
                "Importer des relevés d'utilisateurs actifs",
                paths.documents_dir(),
                "Tableurs (*.xlsx *.csv);;Tous les fichiers (*)",
            )
            if path is None:
                return None
        try:
            preview = self._service().indicators.preview_readings(path)
        except AppError as exc:
            show_error(self, exc)
            return None
        dialog = ReadingsImportDialog(self._service(), preview, self)
        dialog.accepted.connect(
            lambda: self._done(f"{plural(dialog.imported, 'relevé importé', 'relevés importés')}.")
        )
        dialog.open()
        return dialog

    def edit_targets(self) -> TargetsDialog:
        from ambassadeur_app.gui.dialogs.targets_dialog import TargetsDialog

        dialog = TargetsDialog(self._service(), self)
        dialog.accepted.connect(lambda: self._done("Objectifs enregistrés."))
        dialog.open()
        return dialog

    def export(self, fmt: str) -> Path | None:
        """Write the tableau de bord (``xlsx`` or ``pdf``) where the user says, then open it.

        Written here, not in a background task: it is one document of aggregates, under 0.2 s
        on a carnet of 100 000 entries (like the events' documents of the events tab).
        """
        from ambassadeur_app.gui import prompts
        from ambassadeur_app.gui.documents import ask_and_write

        service = self._service()
        done = ask_and_write(
            self,
            "Exporter le tableau de bord",
            f"tableau-de-bord-{service.today():%Y-%m-%d}.{fmt}",
            lambda out: service.indicators.write(fmt, out),
        )
        if done is None:
            return None
        written = done[1]
        self.message.emit(f"Tableau de bord écrit : {written}")
        prompts.open_path(written)
        return written

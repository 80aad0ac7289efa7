"""The filters the register pages share: commune, ambassador, period."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.text import fold
from ambassadeur_app.gui.forms.ui_scope_filters import Ui_ScopeFilters
from ambassadeur_app.services import CarnetService

ALL_COMMUNES = "Toutes"
RECENT_DAYS = 30


class ScopeFilters(QWidget):
    """Signals:
    changed(): a filter changed.
    reset_requested(): the user asked to show everything (the page clears its own filters too).
    """

    changed = Signal()
    reset_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ScopeFilters()
        self.ui.setupUi(self)
        self._today = date.today()
        ui = self.ui
        completer = ui.commune_combo.completer()
        if completer is not None:
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
        ui.commune_combo.currentIndexChanged.connect(lambda _: self.changed.emit())
        line = ui.commune_combo.lineEdit()
        if line is not None:
            line.editingFinished.connect(self._commune_typed)
        ui.ambassador_combo.currentIndexChanged.connect(lambda _: self.changed.emit())
        ui.period_combo.currentIndexChanged.connect(lambda _: self.changed.emit())
        ui.reset_button.clicked.connect(self._reset)

    def configure(
        self, service: CarnetService, communes: list[str] | None, who: str | None, when: str
    ) -> None:
        """Fill the choices: ``communes`` (None hides the filter), ``who`` labels the ambassador
        filter (None hides it), ``when`` labels the period (e.g. « Contactés »)."""
        ui = self.ui
        self._today = service.today()
        for combo in (ui.commune_combo, ui.ambassador_combo, ui.period_combo):
            combo.blockSignals(True)
            combo.clear()
        self.set_communes(communes or [])
        for widget in (ui.commune_label, ui.commune_combo):
            widget.setVisible(communes is not None)
        ui.ambassador_combo.addItem("tout le binôme", "")
        for ambassador in service.ambassadors():
            ui.ambassador_combo.addItem(ambassador.name, ambassador.id)
        ui.ambassador_label.setText(f"{who} :" if who else "")
        for widget in (ui.ambassador_label, ui.ambassador_combo):
            widget.setVisible(who is not None)
        ui.period_label.setText(f"{when} :")
        ui.period_combo.addItem("toute période", None)
        ui.period_combo.addItem(f"les {RECENT_DAYS} derniers jours", "recent")
        for month in service.programme().period_months:
            ui.period_combo.addItem(f"en {month.label()}", month.first_day.isoformat())
        for combo in (ui.commune_combo, ui.ambassador_combo, ui.period_combo):
            combo.blockSignals(False)

    def set_communes(self, communes: list[str]) -> None:
        """Offer these communes, keeping the one chosen if it is still there."""
        combo = self.ui.commune_combo
        chosen = self.commune()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(ALL_COMMUNES, "")
        for commune in communes:
            combo.addItem(commune, commune)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
        combo.blockSignals(False)

    def commune(self) -> str:
        return str(self.ui.commune_combo.currentData() or "")

    def ambassador_id(self) -> str:
        return str(self.ui.ambassador_combo.currentData() or "")

    def period(self) -> tuple[date | None, date | None]:
        """Return the first and last days chosen (None, None for the whole time)."""
        chosen = self.ui.period_combo.currentData()
        if not chosen:
            return None, None
        if chosen == "recent":
            return self._today - timedelta(days=RECENT_DAYS - 1), self._today
        first = date.fromisoformat(chosen)
        return first, Month(first.year, first.month).last_day

    def clear(self) -> None:
        """Show everything again (without emitting ``changed`` for each filter)."""
        for combo in (self.ui.commune_combo, self.ui.ambassador_combo, self.ui.period_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)

    def _commune_typed(self) -> None:
        """A commune typed without picking it from the list: select the one it names, if any."""
        combo = self.ui.commune_combo
        typed = fold(combo.currentText())
        names = [fold(combo.itemText(index)) for index in range(combo.count())]
        index = names.index(typed) if typed in names else 0
        combo.setCurrentIndex(index)
        combo.setEditText(combo.itemText(index))

    def _reset(self) -> None:
        self.clear()
        self.reset_requested.emit()

"""Choose what to export (month, binôme or one ambassador, formats, folder); the main window
runs the export in the background."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.gui.dialogs.output_choice import chosen_output, setup_output
from ambassadeur_app.gui.forms.ui_export_dialog import Ui_ExportDialog
from ambassadeur_app.gui.widgets.choices import select_data
from ambassadeur_app.services import CarnetService


@dataclass(frozen=True)
class ExportRequest:
    month: Month
    ambassador_id: str | None
    formats: tuple[str, ...]
    folder: Path
    open_after: bool


class ExportDialog(QDialog):
    def __init__(
        self, service: CarnetService, month: Month, folder: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ExportDialog()
        self.ui.setupUi(self)
        self.request: ExportRequest | None = None
        ui = self.ui
        setup_output(self, ui, folder, "Dossier des relevés")
        closed = service.closed_months()
        for candidate in service.programme().period_months:
            ui.month_combo.addItem(
                f"{candidate.title()}{' (clôturé)' if candidate in closed else ' (provisoire)'}",
                str(candidate),
            )
        if ui.month_combo.findData(str(month)) < 0:
            ui.month_combo.addItem(f"{month.title()} (hors période)", str(month))
        select_data(ui.month_combo, str(month))
        ui.who_combo.addItem("Le binôme (relevé commun)", None)
        for ambassador in service.ambassadors():
            ui.who_combo.addItem(f"{ambassador.name} seulement", ambassador.id)

    def accept(self) -> None:
        ui = self.ui
        output = chosen_output(ui)
        if output is None:
            return
        formats, folder = output
        self.request = ExportRequest(
            month=Month.parse(ui.month_combo.currentData()),
            ambassador_id=ui.who_combo.currentData(),
            formats=formats,
            folder=folder,
            open_after=ui.open_after_check.isChecked(),
        )
        super().accept()

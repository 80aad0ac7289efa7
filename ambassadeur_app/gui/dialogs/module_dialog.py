"""The training catalogue: its modules listed (``CatalogueDialog``) and one module edited
(``ModuleDialog``): title, duration, audience, objectives, content, national services."""

from __future__ import annotations

from dataclasses import replace
from html import escape

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QHeaderView, QWidget

from ambassadeur_app.domain.durations import format_duration, parse_duration
from ambassadeur_app.domain.events import NationalService, TrainingModule
from ambassadeur_app.domain.formatting import format_date, plural
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui import prompts
from ambassadeur_app.gui.forms.ui_catalogue_dialog import Ui_CatalogueDialog
from ambassadeur_app.gui.forms.ui_module_dialog import Ui_ModuleDialog
from ambassadeur_app.gui.models.record_table import RecordColumn, RecordTableModel
from ambassadeur_app.gui.widgets.feedback import OK_COLOR, colored, error_line, refused
from ambassadeur_app.services import CarnetService


def services_text(module: TrainingModule) -> str:
    return ", ".join(s.label for s in NationalService if s in module.services)


class ModuleDialog(QDialog):
    """``saved_id`` holds the module's id once saved."""

    def __init__(
        self, service: CarnetService, module: TrainingModule | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ModuleDialog()
        self.ui.setupUi(self)
        self.service = service
        self.original = module or TrainingModule("", 120)
        self.saved_id = ""
        ui = self.ui
        self.setWindowTitle("Modifier le module" if module else "Nouveau module de formation")
        ui.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Enregistrer")
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        self.service_checks: dict[NationalService, QCheckBox] = {
            NationalService.MON_ESPACE_SANTE: ui.mes_check,
            NationalService.INSI: ui.insi_check,
            NationalService.DMP: ui.dmp_check,
            NationalService.SECURE_MESSAGING: ui.messaging_check,
        }
        original = self.original
        ui.title_edit.setText(original.title)
        ui.duration_edit.setText(format_duration(original.minutes))
        ui.audience_edit.setText(original.audience)
        ui.objectives_edit.setPlainText(original.objectives)
        ui.content_edit.setPlainText(original.content)
        for national, box in self.service_checks.items():
            box.setChecked(national in original.services)
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        ui.title_edit.setFocus()

    def accept(self) -> None:
        ui = self.ui
        try:
            module = replace(
                self.original,
                title=ui.title_edit.text(),
                minutes=parse_duration(ui.duration_edit.text()),
                audience=ui.audience_edit.text(),
                objectives=ui.objectives_edit.toPlainText(),
                content=ui.content_edit.toPlainText(),
                services=frozenset(s for s, box in self.service_checks.items() if box.isChecked()),
            )
            self.saved_id = self.service.events.save_module(module)
        except AppError as exc:
            refused(
                ui.message_label, exc, lambda name: ui.duration_edit if name == "durée" else ui.title_edit
            )
            return
        super().accept()


class CatalogueDialog(QDialog):
    """The modules of the catalogue, with the sessions given of each."""

    def __init__(self, service: CarnetService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CatalogueDialog()
        self.ui.setupUi(self)
        self.service = service
        ui = self.ui
        ui.buttons.button(QDialogButtonBox.StandardButton.Close).setText("Fermer")
        events = service.events

        def fetch(ids: list[str]) -> dict[str, tuple[TrainingModule, int]]:
            return {
                i: (m, len(service.carnet.events.using_module(i))) for i, m in events.modules(ids).items()
            }

        self.model = RecordTableModel(
            [
                RecordColumn("Module", lambda row: row[0].title),
                RecordColumn("Durée", lambda row: format_duration(row[0].minutes), right=True),
                RecordColumn("Sessions", lambda row: str(row[1]), right=True),
                RecordColumn("Services nationaux", lambda row: services_text(row[0])),
            ],
            fetch,
            parent=self,
        )
        ui.table_view.setModel(self.model)
        ui.table_view.verticalHeader().setVisible(False)
        header = ui.table_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        ui.splitter.setSizes([600, 400])
        ui.table_view.selectionModel().selectionChanged.connect(lambda *_: self._show_detail())
        ui.table_view.doubleClicked.connect(lambda _: self.edit_selected())
        ui.new_button.clicked.connect(self.new_module)
        ui.edit_button.clicked.connect(self.edit_selected)
        ui.delete_button.clicked.connect(self.delete_selected)
        ui.buttons.rejected.connect(self.reject)
        self.refresh()
        for column in range(3):
            ui.table_view.resizeColumnToContents(column)
            header.resizeSection(column, min(header.sectionSize(column) + 12, 320))

    def refresh(self, select: str = "") -> None:
        self.model.set_ids(self.service.events.module_ids())
        ids = self.model.ids()
        row = ids.index(select) if select in ids else 0
        if ids:
            self.ui.table_view.selectionModel().select(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._show_detail()

    def selected_id(self) -> str:
        rows = self.ui.table_view.selectionModel().selectedRows()
        return self.model.ids()[rows[0].row()] if rows else ""

    def _show_detail(self) -> None:
        module_id = self.selected_id()
        self.ui.detail_browser.setHtml(self.detail_html(module_id) if module_id else "")

    def detail_html(self, module_id: str) -> str:
        events = self.service.events
        module = events.module(module_id)
        sessions = events.events(self.service.carnet.events.using_module(module_id))
        parts = [f"<h3>{escape(module.title)}</h3><p>Durée : {format_duration(module.minutes)}"]
        if module.audience:
            parts.append(f"<br/>Public : {escape(module.audience)}")
        if module.services:
            parts.append(f"<br/>Services nationaux : {escape(services_text(module))}")
        parts.append("</p>")
        for title, text in (("Objectifs", module.objectives), ("Contenu", module.content)):
            if text:
                parts.append(f"<h4>{title}</h4><p>{escape(text).replace(chr(10), '<br/>')}</p>")
        given = sorted(sessions.values(), key=lambda e: e.first_day)
        parts.append(f"<h4>Sessions ({len(given)})</h4>")
        parts.append(
            "<br/>".join(f"{format_date(e.first_day)} — {escape(e.title)} ({e.status.label})" for e in given)
            or "<i>Aucune session de ce module pour l'instant.</i>"
        )
        return "".join(parts)

    def new_module(self) -> ModuleDialog:
        dialog = ModuleDialog(self.service, parent=self)
        dialog.accepted.connect(lambda: self._done("Module ajouté au catalogue.", dialog.saved_id))
        dialog.open()
        return dialog

    def edit_selected(self) -> ModuleDialog | None:
        module_id = self.selected_id()
        if not module_id:
            return None
        dialog = ModuleDialog(self.service, self.service.events.module(module_id), self)
        dialog.accepted.connect(lambda: self._done("Module modifié.", module_id))
        dialog.open()
        return dialog

    def delete_selected(self) -> None:
        module_id = self.selected_id()
        if not module_id:
            return
        module = self.service.events.module(module_id)
        if not prompts.ask(self, f"Retirer « {module.title} » du catalogue ?", "", "Retirer"):
            return
        try:
            self.service.events.delete_module(module_id)
        except AppError as exc:
            error_line(self.ui.message_label, exc.message)
            return
        self._done(f"« {module.title} » retiré du catalogue ; {plural(self.model.rowCount() - 1, 'module')}.")

    def _done(self, text: str, select: str = "") -> None:
        self.refresh(select)
        self.ui.message_label.setText(colored(text, OK_COLOR))

"""« Préparer le dossier de justification… »: the pack dialog, and the way from each of its
findings to the page and the record where it is fixed."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from ambassadeur_app.errors import AppError

if TYPE_CHECKING:
    from ambassadeur_app.gui.dialogs.pack_dialog import PackDialog
    from ambassadeur_app.gui.main_window import MainWindow
    from ambassadeur_app.gui.pages.carnet_page import CarnetPage
    from ambassadeur_app.gui.pages.events_page import EventsPage
    from ambassadeur_app.services.pack import PackResult


class Pack:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dialog: PackDialog | None = None

    def prepare(self) -> PackDialog:
        """Open the dialog (brought to the front if it is open): the checks run at once."""
        from ambassadeur_app.gui.dialogs.pack_dialog import PackDialog

        window = self.window
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.recheck()
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        dialog = PackDialog(window.service, window.documents_folder(), window.pool, window)
        dialog.finding_activated.connect(self.show_finding)
        dialog.written.connect(self._written)
        dialog.show()
        self.dialog = dialog
        return dialog

    def _written(self, result: PackResult) -> None:
        self.window.settings.setValue("export/folder", str(result.folder.parent))
        self.window.ui.statusbar.showMessage(f"Dossier de justification écrit : {result.folder}", 15000)

    def show_finding(self, page_name: str, kind: str, record_id: str) -> None:
        """Show the page where a finding is fixed, with its record selected (an entry in its
        month's table), or its month shown, or its expenses opened."""
        from ambassadeur_app.domain.checks import RecordKind  # with the dialog: not at start
        from ambassadeur_app.domain.dates import Month

        window = self.window
        if page_name not in {spec.name for spec in window.pages.specs}:
            window.ui.statusbar.showMessage("Cette page n'existe pas dans cette version.", 8000)
            return
        page = window.pages.show(page_name)
        try:
            record = RecordKind(kind)
            if record is RecordKind.MONTH:
                cast("CarnetPage", page).show_month(Month.parse(record_id))
            elif record is RecordKind.ENTRY:
                cast("CarnetPage", page).show_entry(record_id)
            elif record is RecordKind.EXPENSE:
                expense = window.service.expenses.expense(record_id)
                cast("EventsPage", page).show_expenses(expense.event_id)
            elif record_id and hasattr(page, "select"):
                if hasattr(page, "reset_filters"):
                    page.reset_filters()
                page.select([record_id])
        except AppError as exc:  # the record was deleted since the check
            window.ui.statusbar.showMessage(exc.message, 8000)
        window.raise_()
        window.activateWindow()

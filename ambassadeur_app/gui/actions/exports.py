"""Export the timesheet, the justification tables, the bilan and the budget: a dialog, then the
writing in the background."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog

from ambassadeur_app.gui import prompts, tasks
from ambassadeur_app.gui.errors import show_error

if TYPE_CHECKING:
    from ambassadeur_app.gui.dialogs.export_dialog import ExportDialog, ExportRequest
    from ambassadeur_app.gui.dialogs.register_export_dialog import RegisterExportDialog, RegisterExportRequest
    from ambassadeur_app.gui.main_window import MainWindow
    from ambassadeur_app.services import CarnetService


# The steering documents of the Carnet menu: their title and file name.
STEERING_DOCUMENTS = {
    "bilan": ("Bilan d'exécution", "bilan-execution"),
    "budget": ("Budget prévisionnel", "budget-previsionnel"),
}


class Exports:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._tasks: list[tasks.Task] = []

    def export_timesheet(self) -> ExportDialog:
        from ambassadeur_app.gui.dialogs.export_dialog import ExportDialog

        window = self.window
        dialog = ExportDialog(window.service, window.page.month, window.documents_folder(), window)
        dialog.accepted.connect(lambda: self._run_export(dialog.request))
        dialog.open()
        return dialog

    def _run_export(self, request: ExportRequest | None) -> tasks.Task | None:
        if request is None:
            return None
        self.window.settings.setValue("export/folder", str(request.folder))

        def write(service: CarnetService) -> list[Path]:
            return service.write_timesheets(
                request.month, request.formats, request.folder, request.ambassador_id
            )

        return self._run_export_task(write, request.open_after, "Relevé exporté : ")

    def export_register(self, kind: str = "contacts") -> RegisterExportDialog:
        from ambassadeur_app.gui.dialogs.register_export_dialog import RegisterExportDialog

        window = self.window
        dialog = RegisterExportDialog(window.service, window.documents_folder(), kind, window)
        dialog.accepted.connect(lambda: self._run_register_export(dialog.request))
        dialog.open()
        return dialog

    def _run_register_export(self, request: RegisterExportRequest | None) -> tasks.Task | None:
        if request is None:
            return None
        self.window.settings.setValue("export/folder", str(request.folder))
        return self._run_export_task(request.write, request.open_after, "Tableaux exportés : ")

    def export_steering(self, kind: str) -> tasks.Task | None:
        """Write the bilan d'exécution (``bilan``) or the budget prévisionnel (``budget``) in the
        background: Excel when the name the user gives ends in .xlsx, else PDF; opened after."""
        title, stem = STEERING_DOCUMENTS[kind]
        window = self.window
        suggested = window.documents_folder() / f"{stem}-{window.service.today():%Y-%m-%d}.pdf"
        out = prompts.save_file(window, title, suggested, "PDF (*.pdf);;Classeur Excel (*.xlsx)")
        if out is None:
            return None
        if out.suffix.lower() not in (".pdf", ".xlsx"):
            out = out.with_name(out.name + ".pdf")
        fmt = out.suffix.lower()[1:]

        def write(service: CarnetService) -> list[Path]:
            if kind == "bilan":
                from ambassadeur_app.reports.bilan import export

                return [export(service, fmt, out)]
            from ambassadeur_app.reports.budget import write_budget

            return [write_budget(service.programme(), fmt, out)]

        return self._run_export_task(write, True, f"{title} écrit : ")

    def _run_export_task(
        self, write: Callable[[CarnetService], list[Path]], open_after: bool, done: str
    ) -> tasks.Task:
        """Write documents in the background, on a read-only connection of the worker's own."""
        from ambassadeur_app.services import open_service

        window = self.window
        path, today = window.service.path, window.service.today

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> list[Path]:
            service = open_service(path, readonly=True, today=today)
            try:
                progress(0, 1)
                written = write(service)
            finally:
                service.close()
            if cancelled():
                for out in written:
                    out.unlink(missing_ok=True)
                return []
            progress(1, 1)
            return written

        progress = QProgressDialog("Écriture des documents…", "Annuler", 0, 0, window)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        task = tasks.Task(work)
        progress.canceled.connect(task.cancel)

        def finished(written: list[Path]) -> None:
            progress.reset()
            self._tasks.remove(task)
            if not written:
                window.ui.statusbar.showMessage("Export annulé.", 8000)
                return
            window.ui.statusbar.showMessage(done + ", ".join(p.name for p in written), 15000)
            if open_after:
                for out in written:
                    prompts.open_path(out)

        def failed(exc: Exception) -> None:
            progress.reset()
            self._tasks.remove(task)
            show_error(window, exc)

        task.signals.finished.connect(finished)
        task.signals.failed.connect(failed)
        self._tasks.append(task)
        return tasks.start(task, window.pool)

"""The quotes and invoices of the forfait événement (of one event, or all): the list, a form to
add or change one, its attached files, and the forfait line always in view."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHeaderView, QListWidgetItem, QWidget

from ambassadeur_app.domain.expenses import (
    Attachment,
    Expense,
    ExpenseStatus,
    attachments_status,
    complete_amounts,
    format_size,
    parse_amount,
)
from ambassadeur_app.domain.formatting import NBSP, format_date, format_euros
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui import prompts
from ambassadeur_app.gui.forms.ui_expenses_dialog import Ui_ExpensesDialog
from ambassadeur_app.gui.widgets.choices import fill_enum, select_data
from ambassadeur_app.gui.widgets.feedback import (
    ERROR_COLOR,
    OK_COLOR,
    WARN_COLOR,
    colored,
    error_line,
)
from ambassadeur_app.gui.widgets.programme_form import from_qdate, to_qdate
from ambassadeur_app.services import CarnetService
from ambassadeur_app.services.expenses import AttachmentCheck, ExpensesService, ForfaitExceeded

FILE_FILTER = "PDF ou images (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.webp);;Tous les fichiers (*)"
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class _Row:
    expense: Expense
    event: str
    checks: list[AttachmentCheck]

    @property
    def problems(self) -> list[str]:
        return [check.problem for check in self.checks if check.problem]


class ExpenseTableModel(QAbstractTableModel):
    """The expenses of the forfait (of one event, or all), their files checked on each load."""

    HEADERS = ("Date", "Fournisseur", "N°", "Statut", "TTC", "Événement", "Pièces")

    def __init__(self, expenses: ExpensesService, event_id: str | None) -> None:
        super().__init__()
        self.service = expenses
        self.event_id = event_id
        self.ids: list[str] = []
        self.rows: dict[str, _Row] = {}

    def reload(self) -> None:
        self.beginResetModel()
        self.ids = self.service.expense_ids(self.event_id)
        found = self.service.expenses(self.ids)
        checks = self.service.checks(self.ids)
        self.rows = {
            i: _Row(found[i], self.service.event_title(found[i].event_id), checks[i]) for i in self.ids
        }
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row = self.rows[self.ids[index.row()]]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            expense = row.expense
            return (
                format_date(expense.issued_on),
                expense.supplier,
                expense.number,
                expense.status.label,
                format_euros(expense.amount_ttc_cents),
                row.event,
                attachments_status(len(row.checks), len(row.problems)),
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == 6 and row.problems:
            return QBrush(QColor(ERROR_COLOR))
        if role == Qt.ItemDataRole.ToolTipRole and column == 6 and row.problems:
            return "\n".join(row.problems)
        return None

    def expense_id(self, row: int) -> str:
        return self.ids[row]


def _amount_text(cents: int) -> str:
    return format_euros(cents).removesuffix(f"{NBSP}€")


class ExpensesDialog(QDialog):
    """The expenses of ``event_id`` (``None``: every expense of the forfait)."""

    def __init__(self, service: CarnetService, event_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ExpensesDialog()
        self.ui.setupUi(self)
        self.service = service
        self.expenses = service.expenses
        self.event_id = event_id
        self.current_id = ""
        ui = self.ui
        if event_id is not None:
            self.setWindowTitle(f"Dépenses — {self.expenses.event_title(event_id)}")
        self.model = ExpenseTableModel(self.expenses, event_id)
        ui.expenses_view.setModel(self.model)
        header = ui.expenses_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the supplier takes the rest
        ui.expenses_view.verticalHeader().hide()
        ui.expenses_view.setColumnHidden(5, event_id is not None)
        for column, width in ((0, 78), (2, 78), (3, 70), (4, 80), (5, 130), (6, 115)):
            ui.expenses_view.setColumnWidth(column, width)
        ui.form_box.setMaximumWidth(460)
        ui.splitter.setStretchFactor(0, 1)
        ui.splitter.setStretchFactor(1, 0)
        fill_enum(ui.status_combo, ExpenseStatus)
        self._fill_events()
        ui.buttons.rejected.connect(self.reject)
        ui.new_button.clicked.connect(self.new_expense)
        ui.delete_button.clicked.connect(self.delete_expense)
        ui.save_button.clicked.connect(self.save)
        ui.attach_button.clicked.connect(self.choose_file)
        ui.open_button.clicked.connect(self.open_attachment)
        ui.detach_button.clicked.connect(self.detach)
        ui.attachments_list.itemActivated.connect(lambda _item: self.open_attachment())
        for keys, action in (("Ctrl+S", self.save), ("Ctrl+N", self.new_expense)):
            QShortcut(QKeySequence(keys), self).activated.connect(action)
        ui.expenses_view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.refresh()
        if self.model.ids:
            ui.expenses_view.selectRow(0)
        else:
            self.new_expense()

    # --- list ---------------------------------------------------------------------------------

    def refresh(self, select: str = "") -> None:
        """Reload the list and the forfait line; keep (or move to) the expense ``select``."""
        keep = select or self.current_id
        self.model.reload()
        use = self.expenses.forfait_use()
        color = (
            ERROR_COLOR
            if use.remaining_cents < 0
            else WARN_COLOR
            if use.over_by(use.quoted_cents)
            else OK_COLOR
        )
        self.ui.forfait_label.setText(f"<b>{colored(use.label, color)}</b>")
        if keep in self.model.ids:
            self.ui.expenses_view.selectRow(self.model.ids.index(keep))
        self._show_attachments()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._load(self.model.rows[self.model.expense_id(current.row())].expense)

    def _fill_events(self, keep: str | None = None) -> None:
        combo = self.ui.event_combo
        combo.clear()
        combo.addItem("(aucun événement)", None)
        events = self.service.events
        for event_id, event in events.events(events.event_ids()).items():
            combo.addItem(f"{format_date(event.first_day)} — {event.title}", event_id)
        if keep is not None and combo.findData(keep) < 0:
            combo.addItem(self.expenses.event_title(keep), keep)  # a deleted event stays shown
        select_data(combo, keep)

    # --- form ---------------------------------------------------------------------------------

    def _load(self, expense: Expense) -> None:
        ui = self.ui
        self.current_id = expense.id
        ui.form_box.setTitle("Dépense" if expense.id else "Nouvelle dépense")
        ui.supplier_edit.setText(expense.supplier)
        ui.number_edit.setText(expense.number)
        ui.date_edit.setDate(to_qdate(expense.issued_on))
        ui.description_edit.setPlainText(expense.description)
        new = not expense.id
        ui.ht_edit.setText("" if new else _amount_text(expense.amount_ht_cents))
        ui.vat_edit.setText("" if new else _amount_text(expense.vat_cents))
        ui.ttc_edit.setText("" if new else _amount_text(expense.amount_ttc_cents))
        select_data(ui.status_combo, expense.status.value)
        self._fill_events(expense.event_id)
        ui.message_label.clear()
        self._show_attachments()

    def new_expense(self) -> None:
        """Clear the form for a new expense (of the dialog's event)."""
        self.ui.expenses_view.clearSelection()
        self._load(Expense("", "", self.service.today(), "", 0, 0, 0, ExpenseStatus.QUOTE, self.event_id))
        self.ui.supplier_edit.setFocus()

    def _read(self) -> Expense:
        ui = self.ui
        ht, vat, ttc = complete_amounts(
            parse_amount(ui.ht_edit.text(), "montant HT"),
            parse_amount(ui.vat_edit.text(), "TVA"),
            parse_amount(ui.ttc_edit.text(), "montant TTC"),
        )
        return Expense(
            supplier=ui.supplier_edit.text(),
            number=ui.number_edit.text(),
            issued_on=from_qdate(ui.date_edit.date()),
            description=ui.description_edit.toPlainText(),
            amount_ht_cents=ht,
            vat_cents=vat,
            amount_ttc_cents=ttc,
            status=ExpenseStatus(ui.status_combo.currentData()),
            event_id=ui.event_combo.currentData(),
            id=self.current_id,
        )

    def save(self) -> bool:
        """Save the form; before the forfait is exceeded, ask. Return whether it was saved."""
        try:
            expense = self._read()
            try:
                saved = self.expenses.save_expense(expense)
            except ForfaitExceeded as exc:
                if not prompts.ask(
                    self, "Dépasser le forfait événements ?", exc.message, "Enregistrer quand même"
                ):
                    error_line(self.ui.message_label, "Non enregistrée : le forfait n'est pas dépassé.")
                    return False
                saved = self.expenses.save_expense(expense, allow_over_forfait=True)
        except AppError as exc:
            error_line(self.ui.message_label, exc.message)
            return False
        self.current_id = saved
        self.refresh(saved)
        self._load(self.expenses.expense(saved))
        self.ui.message_label.setText(colored("Dépense enregistrée.", OK_COLOR))
        return True

    def delete_expense(self) -> None:
        if not self.current_id:
            return
        expense = self.expenses.expense(self.current_id)
        if not prompts.ask(self, f"Supprimer la dépense {expense.label} ?", "", "Supprimer"):
            return
        try:
            self.expenses.delete_expense(self.current_id)
        except AppError as exc:
            error_line(self.ui.message_label, exc.message)
            return
        self.current_id = ""
        self.refresh()
        if self.model.ids:
            self.ui.expenses_view.selectRow(0)
        else:
            self.new_expense()

    # --- attachments --------------------------------------------------------------------------

    def _show_attachments(self) -> None:
        ui = self.ui
        ui.attachments_list.clear()
        checks = self.expenses.checks([self.current_id])[self.current_id] if self.current_id else []
        for check in checks:
            attachment = check.attachment
            text = f"{attachment.role.label} : {attachment.filename} ({format_size(attachment.size)})"
            item = QListWidgetItem(f"⚠ {text} — en défaut" if check.problem else text)
            item.setData(Qt.ItemDataRole.UserRole, attachment)
            if check.problem:
                item.setForeground(QBrush(QColor(ERROR_COLOR)))
                item.setToolTip(check.problem)
            ui.attachments_list.addItem(item)
        if checks:
            ui.attachments_list.setCurrentRow(0)
        for button in (ui.attach_button, ui.open_button, ui.detach_button, ui.delete_button):
            button.setEnabled(bool(self.current_id))
        ui.open_button.setEnabled(bool(checks))
        ui.detach_button.setEnabled(bool(checks))

    def _current_attachment(self) -> Attachment | None:
        item = self.ui.attachments_list.currentItem()
        found: Attachment | None = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        return found

    def choose_file(self) -> None:
        path = prompts.open_file(self, "Joindre un devis ou une facture", Path.home(), FILE_FILTER)
        if path is not None:
            self.attach([path])

    def attach(self, paths: list[Path]) -> None:
        """Attach files to the expense of the form, saved first (nothing typed is lost)."""
        if not self.save():
            return
        try:
            for path in paths:
                self.expenses.attach(self.current_id, path)
        except AppError as exc:
            self._show_attachments()
            error_line(self.ui.message_label, exc.message)
            return
        self.refresh()
        self.ui.message_label.setText(
            colored(f"{'Fichier joint' if len(paths) == 1 else 'Fichiers joints'} à la dépense.", OK_COLOR)
        )

    def open_attachment(self) -> None:
        attachment = self._current_attachment()
        if attachment is None:
            return
        try:
            prompts.open_path(self.expenses.attachment_path(attachment))
        except AppError as exc:
            error_line(self.ui.message_label, exc.message)

    def detach(self) -> None:
        attachment = self._current_attachment()
        if attachment is None or not prompts.ask(
            self, f"Retirer la pièce jointe « {attachment.filename} » de cette dépense ?", "", "Retirer"
        ):
            return
        try:
            self.expenses.detach(attachment.id)
        except AppError as exc:
            error_line(self.ui.message_label, exc.message)
            return
        self.refresh()

    # --- drag and drop ------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.attach(paths)

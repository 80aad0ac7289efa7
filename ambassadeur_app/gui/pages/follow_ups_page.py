"""What to follow up: next steps due, and professionals without news for a while."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from ambassadeur_app.domain.formatting import format_date, plural
from ambassadeur_app.domain.register import Contact, Professional
from ambassadeur_app.gui.dialogs.contact_dialog import ContactDialog
from ambassadeur_app.gui.forms.ui_follow_ups_page import Ui_FollowUpsPage
from ambassadeur_app.gui.widgets.feedback import ERROR_COLOR
from ambassadeur_app.services import CarnetService


class FollowUpsPage(QWidget):
    """Signals:
    message(str): a line for the status bar.
    changed(): the register changed.
    open_professional(str): show this professional on the professionals page.
    """

    message = Signal(str)
    changed = Signal()
    open_professional = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FollowUpsPage()
        self.ui.setupUi(self)
        self.service: CarnetService | None = None
        self.due: list[Contact] = []
        self.stale: list[tuple[Professional, date]] = []
        ui = self.ui
        ui.stale_spin.setValue(30)
        for table, headers in (
            (ui.due_table, ["Échéance", "Prochaine étape", "Avec", "Contact du", "Ambassadeur"]),
            (ui.stale_table, ["Professionnel", "Profession", "Commune", "Dernier contact", "Sans nouvelles"]),
        ):
            table.setColumnCount(len(headers))
            table.setHorizontalHeaderLabels(headers)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
        ui.stale_spin.valueChanged.connect(lambda _: self.refresh())
        ui.done_button.clicked.connect(self.mark_done)
        ui.open_due_button.clicked.connect(self._open_due)
        ui.open_stale_button.clicked.connect(self._open_stale)
        ui.contact_button.clicked.connect(self.new_contact)
        ui.stale_table.doubleClicked.connect(lambda _: self._open_stale())
        ui.due_table.doubleClicked.connect(lambda _: self._open_due())

    def set_service(self, service: CarnetService) -> None:
        self.service = service
        self.refresh()

    def _service(self) -> CarnetService:
        assert self.service is not None, "set_service() first"
        return self.service

    def refresh(self) -> None:
        service = self._service()
        register = service.register
        self.due, self.stale = register.follow_ups(self.ui.stale_spin.value())
        names = service.ambassador_names()
        people = register.professionals({p for c in self.due for p in c.professional_ids})
        structures = register.structures({c.structure_id for c in self.due if c.structure_id})
        today = service.today()
        rows = []
        for contact in self.due:
            who = [people[p].full_name for p in contact.professional_ids if p in people]
            if contact.structure_id in structures:
                who.append(structures[contact.structure_id].name)
            due = contact.next_step_due or today
            rows.append(
                (
                    [
                        format_date(due),
                        contact.next_step,
                        ", ".join(who),
                        format_date(contact.day),
                        names.get(contact.ambassador_id, ""),
                    ],
                    due < today,
                )
            )
        self._fill(self.ui.due_table, rows)
        professions = register.professions()
        self._fill(
            self.ui.stale_table,
            [
                (
                    [
                        p.full_name,
                        professions[p.profession_code].label if p.profession_code in professions else "",
                        p.commune,
                        format_date(day),
                        f"{(today - day).days} jours",
                    ],
                    False,
                )
                for p, day in self.stale
            ],
        )
        self.ui.due_label.setText(
            "<b>Prochaines étapes</b> — échues ou prévues dans les 7 jours : "
            + plural(len(self.due), "étape")
        )

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple[list[str], bool]]) -> None:
        table.setRowCount(len(rows))
        for row, (values, late) in enumerate(rows):
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if late:
                    item.setForeground(QBrush(QColor(ERROR_COLOR)))
                table.setItem(row, column, item)

    def mark_done(self) -> None:
        rows = sorted({i.row() for i in self.ui.due_table.selectionModel().selectedRows()})
        if not rows:
            self.message.emit("Sélectionnez les étapes faites.")
            return
        for row in rows:
            self._service().register.mark_follow_up_done(self.due[row].id)
        self.refresh()
        self.changed.emit()
        self.message.emit(f"{plural(len(rows), 'étape marquée', 'étapes marquées')} comme faite(s).")

    def _open_due(self) -> None:
        row = self.ui.due_table.currentRow()
        if 0 <= row < len(self.due) and self.due[row].professional_ids:
            self.open_professional.emit(self.due[row].professional_ids[0])

    def _open_stale(self) -> None:
        row = self.ui.stale_table.currentRow()
        if 0 <= row < len(self.stale):
            self.open_professional.emit(self.stale[row][0].id)

    def new_contact(self) -> ContactDialog:
        rows = sorted({i.row() for i in self.ui.stale_table.selectionModel().selectedRows()})
        people = tuple(self.stale[row][0].id for row in rows)
        dialog = ContactDialog(self._service(), people, parent=self)
        dialog.accepted.connect(self._contact_saved)
        dialog.open()
        return dialog

    def _contact_saved(self) -> None:
        self.refresh()
        self.changed.emit()
        self.message.emit("Contact enregistré.")

    def focus_search(self) -> None:
        self.ui.due_table.setFocus()

    def shutdown(self) -> None:
        """Nothing runs in the background here."""

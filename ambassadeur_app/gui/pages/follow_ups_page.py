"""What to follow up: next steps due, and professionals without news for a while.

Both lists are models over ids (the queries sort and filter in SQL); a row's contact or person
is read only when the row is shown, so the tab stays instant after months of contacts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ambassadeur_app.domain.formatting import format_date, plural
from ambassadeur_app.domain.register import Contact, Professional
from ambassadeur_app.gui.forms.ui_follow_ups_page import Ui_FollowUpsPage
from ambassadeur_app.gui.models.record_table import RecordColumn, RecordTableModel
from ambassadeur_app.gui.widgets.feedback import ERROR_COLOR

if TYPE_CHECKING:
    from ambassadeur_app.gui.dialogs.contact_dialog import ContactDialog
    from ambassadeur_app.services import CarnetService

WIDTHS = {"due": (90, 280, 260, 90), "stale": (200, 170, 150, 110)}  # the last column stretches


@dataclass(frozen=True)
class DueStep:
    """A row of the next steps: the contact, who it was with, whether it is late."""

    contact: Contact
    with_whom: str
    ambassador: str
    late: bool


@dataclass(frozen=True)
class StalePerson:
    """A row of the people without news: the professional and their last contact day."""

    professional: Professional
    last_day: date
    days: int


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
        self._last_days: dict[str, date] = {}
        ui = self.ui
        self.due_model = RecordTableModel(
            [
                RecordColumn("Échéance", lambda r: format_date(r.contact.next_step_due or r.contact.day)),
                RecordColumn("Prochaine étape", lambda r: r.contact.next_step),
                RecordColumn("Avec", lambda r: r.with_whom),
                RecordColumn("Contact du", lambda r: format_date(r.contact.day)),
                RecordColumn("Ambassadeur", lambda r: r.ambassador),
            ],
            self._fetch_due,
            lambda r: ERROR_COLOR if r.late else None,
            self,
        )
        self.stale_model = RecordTableModel(
            [
                RecordColumn("Professionnel", lambda r: r.professional.full_name),
                RecordColumn("Profession", self._profession),
                RecordColumn("Commune", lambda r: r.professional.commune),
                RecordColumn("Dernier contact", lambda r: format_date(r.last_day)),
                RecordColumn("Sans nouvelles", lambda r: plural(r.days, "jour"), right=True),
            ],
            self._fetch_stale,
            parent=self,
        )
        for view, model, widths in (
            (ui.due_view, self.due_model, WIDTHS["due"]),
            (ui.stale_view, self.stale_model, WIDTHS["stale"]),
        ):
            view.setModel(model)
            view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            view.verticalHeader().setVisible(False)
            view.verticalHeader().setDefaultSectionSize(24)
            header = view.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            header.setStretchLastSection(True)
            for column, width in enumerate(widths):
                header.resizeSection(column, width)
        ui.stale_spin.setValue(30)
        ui.stale_spin.valueChanged.connect(lambda _: self.refresh())
        ui.done_button.clicked.connect(self.mark_done)
        ui.open_due_button.clicked.connect(self._open_due)
        ui.open_stale_button.clicked.connect(self._open_stale)
        ui.contact_button.clicked.connect(self.new_contact)
        ui.stale_view.doubleClicked.connect(lambda _: self._open_stale())
        ui.due_view.doubleClicked.connect(lambda _: self._open_due())

    def set_service(self, service: CarnetService) -> None:
        self.service = service
        self.refresh()

    def _service(self) -> CarnetService:
        assert self.service is not None, "set_service() first"
        return self.service

    # --- rows, read when shown ------------------------------------------------------------------

    def _fetch_due(self, ids: list[str]) -> dict[str, DueStep]:
        service = self._service()
        register = service.register
        contacts = register.contacts(ids)
        people = register.professionals({p for c in contacts.values() for p in c.professional_ids})
        structures = register.structures({c.structure_id for c in contacts.values() if c.structure_id})
        names = service.ambassador_names()
        today = service.today()
        rows = {}
        for contact_id, contact in contacts.items():
            who = [people[p].full_name for p in contact.professional_ids if p in people]
            if contact.structure_id in structures:
                who.append(structures[contact.structure_id].name)
            rows[contact_id] = DueStep(
                contact,
                ", ".join(who),
                names.get(contact.ambassador_id, ""),
                (contact.next_step_due or today) < today,
            )
        return rows

    def _fetch_stale(self, ids: list[str]) -> dict[str, StalePerson]:
        today = self._service().today()
        people = self._service().register.professionals(ids)
        return {
            person_id: StalePerson(person, day, (today - day).days)
            for person_id, person in people.items()
            if (day := self._last_days.get(person_id)) is not None
        }

    def _profession(self, row: StalePerson) -> str:
        profession = self._service().register.professions().get(row.professional.profession_code)
        return profession.label if profession else row.professional.profession_code

    # --- behaviour ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Query both lists again, keeping the selections."""
        if self.service is None:
            return
        register = self._service().register
        due_selected = self._selected(self.ui.due_view, self.due_model)
        stale_selected = self._selected(self.ui.stale_view, self.stale_model)
        self.due_model.set_ids(register.due_follow_up_ids())
        self._last_days = register.stale_professionals(self.ui.stale_spin.value())
        self.stale_model.set_ids(list(self._last_days))
        self._select(self.ui.due_view, self.due_model, due_selected)
        self._select(self.ui.stale_view, self.stale_model, stale_selected)
        self.ui.due_label.setText(
            "<b>Prochaines étapes</b> — échues ou prévues dans les 7 jours : "
            + plural(self.due_model.rowCount(), "étape")
        )
        self.ui.stale_count_label.setText(plural(self.stale_model.rowCount(), "professionnel"))

    @staticmethod
    def _selected(view: QTableView, model: RecordTableModel) -> list[str]:
        ids = model.ids()
        rows = sorted({index.row() for index in view.selectionModel().selectedRows()})
        return [ids[row] for row in rows if row < len(ids)]

    @staticmethod
    def _select(view: QTableView, model: RecordTableModel, record_ids: list[str]) -> None:
        view.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for record_id in record_ids:
            row = model.row_of(record_id)
            if row >= 0:
                view.selectionModel().select(model.index(row, 0), flags)

    def due_ids(self) -> list[str]:
        """Return the contacts listed under « Prochaines étapes », in order."""
        return self.due_model.ids()

    def stale_ids(self) -> list[str]:
        """Return the professionals listed under « Sans nouvelles », in order."""
        return self.stale_model.ids()

    def mark_done(self) -> None:
        done = self._selected(self.ui.due_view, self.due_model)
        if not done:
            self.message.emit("Sélectionnez les étapes faites.")
            return
        for contact_id in done:
            self._service().register.mark_follow_up_done(contact_id)
        self.refresh()
        self.changed.emit()
        self.message.emit(f"{plural(len(done), 'étape marquée', 'étapes marquées')} comme faite(s).")

    def _current(self, view: QTableView, model: RecordTableModel) -> str | None:
        row = view.currentIndex().row()
        ids = model.ids()
        return ids[row] if 0 <= row < len(ids) else None

    def _open_due(self) -> None:
        contact_id = self._current(self.ui.due_view, self.due_model)
        if contact_id is None:
            self.message.emit("Sélectionnez une étape.")
            return
        contact = self._service().register.contacts([contact_id]).get(contact_id)
        if contact is not None and contact.professional_ids:
            self.open_professional.emit(contact.professional_ids[0])
        else:
            self.message.emit("Cette étape ne concerne qu'une structure.")

    def _open_stale(self) -> None:
        person_id = self._current(self.ui.stale_view, self.stale_model)
        if person_id is None:
            self.message.emit("Sélectionnez un professionnel.")
            return
        self.open_professional.emit(person_id)

    def new_contact(self) -> ContactDialog:
        from ambassadeur_app.gui.dialogs.contact_dialog import ContactDialog

        people = tuple(self._selected(self.ui.stale_view, self.stale_model))
        dialog = ContactDialog(self._service(), people, parent=self)
        dialog.accepted.connect(self._contact_saved)
        dialog.open()
        return dialog

    def _contact_saved(self) -> None:
        self.refresh()
        self.changed.emit()
        self.message.emit("Contact enregistré.")

    def focus_search(self) -> None:
        self.ui.due_view.setFocus()

    def shutdown(self) -> None:
        """Nothing runs in the background here."""

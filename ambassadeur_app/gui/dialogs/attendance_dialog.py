"""Record who came to an event: one row per person invited, a box per half-day (Espace ticks,
the arrows move), and walk-ins added in a few keys, matched in the register or created there
(never doubled). Every tick is saved at once; the counts follow."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QWidget

from ambassadeur_app.domain.events import Event
from ambassadeur_app.domain.formatting import plural
from ambassadeur_app.domain.register import Professional, person_key
from ambassadeur_app.domain.text import fold
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui.forms.ui_attendance_dialog import Ui_AttendanceDialog
from ambassadeur_app.gui.models.events import PERSON_COLUMNS, AttendanceModel, AttendanceRow
from ambassadeur_app.gui.widgets.feedback import OK_COLOR, colored, error_line
from ambassadeur_app.services import CarnetService


class AttendanceDialog(QDialog):
    def __init__(self, service: CarnetService, event: Event, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AttendanceDialog()
        self.ui.setupUi(self)
        self.service = service
        self.target = event
        ui = self.ui
        self.setWindowTitle(f"Présences : {event.title}")
        ui.event_label.setText(
            f"<b>{event.title}</b> — {', '.join(s.label for s in event.sessions)}. "
            "Espace coche ou décoche la demi-journée sélectionnée ; les flèches se déplacent. "
            "Chaque coche est enregistrée aussitôt."
        )
        close = ui.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText("Fermer")
        close.setAutoDefault(False)
        ui.add_button.setAutoDefault(False)
        self.professions = {code: p for code, p in service.register.professions().items() if p.active}
        for code, profession in sorted(self.professions.items(), key=lambda item: fold(item[1].label)):
            ui.profession_combo.addItem(profession.label, code)
        ui.profession_combo.setCurrentIndex(-1)
        completer = ui.profession_combo.completer()
        if completer is not None:
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.model = AttendanceModel(event, self._save, self)
        ui.table_view.setModel(self.model)
        ui.table_view.verticalHeader().setVisible(False)
        ui.table_view.verticalHeader().setDefaultSectionSize(24)
        header = ui.table_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.load()
        for column in range(self.model.columnCount()):
            ui.table_view.resizeColumnToContents(column)
            header.resizeSection(column, min(header.sectionSize(column) + 16, 240))
        for edit in (ui.last_name_edit, ui.first_name_edit, ui.commune_edit):
            edit.returnPressed.connect(self.add_walk_in)
        line = ui.profession_combo.lineEdit()
        if line is not None:
            line.returnPressed.connect(self.add_walk_in)
            line.setPlaceholderText("Taper pour chercher")
        ui.add_button.clicked.connect(self.add_walk_in)
        ui.buttons.rejected.connect(self.reject)
        ui.table_view.setFocus()
        if self.model.rowCount():
            ui.table_view.setCurrentIndex(self.model.index(0, len(PERSON_COLUMNS)))

    def load(self) -> None:
        """Read the invitations and the presences: the invited by name, then the others."""
        events, register = self.service.events, self.service.register
        event_id = self.target.id
        invited = {i.professional_id for i in events.invitations(event_id)}
        marks = {a.professional_id: list(a.present) for a in events.attendances(event_id)}
        people = register.professionals([*invited, *marks])
        labels = register.professions()
        absent = [False] * len(self.target.sessions)
        rows = [
            AttendanceRow(
                person,
                labels[person.profession_code].label if person.profession_code in labels else "",
                person.id in invited,
                marks.get(person.id, list(absent)),
            )
            for person in people.values()
        ]
        # The invited first, each group in every list's order of people (the register's, the sheet's).
        rows.sort(key=lambda row: (not row.invited, person_key(row.person)))
        self.model.set_rows(rows)
        self._count()

    def _save(self, professional_id: str, marks: tuple[bool, ...]) -> bool:
        events = self.service.events
        try:
            if any(marks):
                events.record_attendance(self.target.id, professional_id, marks)
            else:
                events.remove_attendance(self.target.id, professional_id)
        except AppError as exc:
            error_line(self.ui.message_label, exc.message)
            return False
        self._count()
        return True

    def _count(self) -> None:
        present, walk_ins, per_session = self.model.counts()
        invited = sum(1 for row in self.model.rows if row.invited)
        text = f"<b>{plural(present, 'présent')}</b> sur {plural(invited, 'invité')}"
        if walk_ins:
            text += f" (dont {plural(walk_ins, 'venu', 'venus')} sans invitation)"
        if len(per_session) > 1:
            text += " · par demi-journée : " + ", ".join(str(n) for n in per_session)
        self.ui.count_label.setText(text)

    def _profession_code(self) -> str | None:
        combo = self.ui.profession_combo
        typed = fold(combo.currentText())
        found = [code for code, p in self.professions.items() if fold(p.label) == typed]
        return found[0] if found else None

    def add_walk_in(self) -> None:
        """Note present a person who came without invitation: the register's one, or a new one."""
        ui = self.ui
        code = self._profession_code()
        if code is None:
            error_line(ui.message_label, "Choisissez la profession dans la liste.")
            ui.profession_combo.setFocus()
            return
        typed = Professional(
            ui.last_name_edit.text().strip(),
            ui.first_name_edit.text().strip(),
            code,
            commune=ui.commune_edit.text().strip(),
        )
        try:
            walk_in = self.service.events.add_walk_in(self.target.id, typed)
        except AppError as exc:
            error_line(ui.message_label, exc.message)
            ui.last_name_edit.setFocus()
            return
        self.load()
        person = self.service.register.professional(walk_in.professional_id)
        where = f" ({person.commune})" if person.commune else ""
        found = "ajouté(e) au registre" if walk_in.created else "trouvé(e) dans le registre (pas de doublon)"
        text = f"{person.full_name}{where} {found} et noté(e) présent(e)."
        ui.message_label.setText(colored(text, OK_COLOR))
        row = self.model.row_of(walk_in.professional_id)
        if row >= 0:
            index = self.model.index(row, len(PERSON_COLUMNS))
            ui.table_view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            ui.table_view.scrollTo(index)
        for edit in (ui.last_name_edit, ui.first_name_edit, ui.commune_edit):
            edit.clear()
        ui.profession_combo.setCurrentIndex(-1)
        ui.last_name_edit.setFocus()

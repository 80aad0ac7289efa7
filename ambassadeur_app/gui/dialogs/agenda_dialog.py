"""Review what an agenda (``.ics``) proposes before anything is saved: accept, edit or dismiss each
proposed entry with the keyboard, then save them all in one step that Édition > Annuler undoes.

The file is read in a worker thread (``importers.agenda.parse_agenda``: no carnet, no Qt) and
compared with the carnet in the window's thread (``AgendaService.period`` before, ``propose``
after: the carnet's SQLite connection belongs to that thread); meanwhile a busy bar turns, the
dialog answers, and a new reading or closing the dialog leaves the former result unused. Nothing
is written before « Enregistrer ». A row whose entry breaks a rule (closed month, 24 h...) says
why in red, with words, and cannot be accepted; a dismissed row is greyed with its reason. An
event cancelled or removed from the agenda since its import (state « annulé ») keeps its entry
unless the user chooses « Retirer l'entrée »: saving then deletes the entry and its contact.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QThreadPool,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QPushButton, QWidget

from ambassadeur_app import paths
from ambassadeur_app.domain.durations import format_duration, parse_duration
from ambassadeur_app.domain.formatting import format_day_short, plural
from ambassadeur_app.domain.model import Mission, TimeEntry
from ambassadeur_app.errors import AppError, logged
from ambassadeur_app.gui import prompts, tasks
from ambassadeur_app.gui.errors import show_error
from ambassadeur_app.gui.forms.ui_agenda_dialog import Ui_AgendaDialog
from ambassadeur_app.gui.models.delegates import ChoiceDelegate
from ambassadeur_app.gui.undo import CarnetCommand, ErrorHandler
from ambassadeur_app.gui.widgets.choices import fill_ambassadors
from ambassadeur_app.gui.widgets.feedback import ERROR_COLOR, MUTED_COLOR, colored, error_line
from ambassadeur_app.gui.widgets.programme_form import from_qdate, to_qdate
from ambassadeur_app.importers import agenda as importer

if TYPE_CHECKING:
    from ambassadeur_app.domain.agenda import Proposal
    from ambassadeur_app.importers.agenda import Agenda
    from ambassadeur_app.services import CarnetService
    from ambassadeur_app.services.agenda import AgendaSaved

Index = QModelIndex | QPersistentModelIndex
DISMISSED_BY_HAND = "écarté à la relecture"


class Decision(StrEnum):
    ACCEPT = "accept"
    DISMISS = "dismiss"
    LATER = "later"  # neither saved nor recorded: proposed again at the next import

    @property
    def label(self) -> str:
        return {"accept": "✔ Acceptée", "dismiss": "✖ Écartée", "later": "… À revoir"}[self.value]

    @property
    def removal_label(self) -> str:
        """Return the label for an event cancelled or removed from the agenda: accepting it
        removes its entry from the carnet, anything else keeps it."""
        return "Retirer l'entrée" if self is Decision.ACCEPT else "Garder l'entrée"


@dataclass
class ReviewRow:
    """One proposal under review: the user's decision and the entry as edited."""

    proposal: Proposal
    decision: Decision
    entry: TimeEntry
    edit_problem: str = ""  # why the edited entry cannot be saved

    @property
    def problems(self) -> tuple[str, ...]:
        return (*self.proposal.problems, *((self.edit_problem,) if self.edit_problem else ()))

    @property
    def removal(self) -> bool:
        """Tell whether the row is an entry whose event was cancelled or removed from the agenda."""
        return self.proposal.state == "removed"

    def remarks(self, names: dict[str, str]) -> list[str]:
        """Return what the row says besides its entry, problems first (French)."""
        proposal = self.proposal
        lines = [f"⚠ Problème : {problem}" for problem in self.problems]
        if self.removal:
            lines.append(f"Événement {proposal.change}")
            if self.decision is Decision.ACCEPT:
                lines.append("L'entrée sera retirée du carnet, avec son contact s'il y en a un")
            else:
                lines.append(f"Entrée gardée{f' ({proposal.dismissed})' if proposal.dismissed else ''}")
        elif self.decision is Decision.DISMISS:
            lines.append(f"Écartée : {proposal.dismissed or DISMISSED_BY_HAND}")
        elif proposal.dismissed:
            lines.append(f"Proposée écartée : {proposal.dismissed}")
        if proposal.state == "changed":
            lines.append(f"Modifiée dans l'agenda{f' : {proposal.change}' if proposal.change else ''}")
        lines += [f"Lecture du fichier : {note}" for note in proposal.notes]
        lines += [f"Chevauche : {overlap}" for overlap in proposal.overlaps]
        if proposal.guess:
            lines.append(f"Mission et activité devinées {proposal.guess}")
        if proposal.professional_ids:
            who = ", ".join(names.get(i, "?") for i in proposal.professional_ids)
            lines.append(f"Contact avec : {who}")
        return lines


def initial_decision(proposal: Proposal) -> Decision:
    """Return what a row proposes: dismissed with its reason, else accepted unless a problem
    forbids it (then it waits for the user, and comes back at the next import if left so). An
    entry whose event was cancelled or removed is kept: it is deleted only when the user says so."""
    if proposal.dismissed or proposal.state == "removed":
        return Decision.DISMISS
    return Decision.LATER if proposal.problems else Decision.ACCEPT


COLUMNS = (
    "Décision",
    "Date",
    "Heure",
    "Durée",
    "Mission",
    "Activité",
    "Description",
    "Lieu",
    "État",
    "Remarques",
)
DECISION, DAY, START, DURATION, MISSION, ACTIVITY, DESCRIPTION, PLACE, STATE, REMARKS = range(len(COLUMNS))
DECISION_KEYS: dict[int, Decision | None] = {
    Qt.Key.Key_Space: None,  # toggles
    Qt.Key.Key_A: Decision.ACCEPT,
    Qt.Key.Key_E: Decision.DISMISS,
}
EDITABLE = (DURATION, MISSION, ACTIVITY, DESCRIPTION)
WIDTHS = (112, 78, 50, 64, 118, 150, 210, 130, 70)


class ReviewModel(QAbstractTableModel):
    """The proposals under review (a few hundred at most, all in memory)."""

    def __init__(
        self,
        check: Callable[[TimeEntry], object],
        on_error: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.check = check  # raises AppError when an entry cannot be saved
        self.on_error = on_error
        self.rows: list[ReviewRow] = []
        self.names: dict[str, str] = {}

    def set_proposals(self, proposals: Sequence[Proposal], names: dict[str, str]) -> None:
        self.beginResetModel()
        self.rows = [ReviewRow(p, initial_decision(p), p.entry) for p in proposals]
        self.names = names
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self._editable(index):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _editable(self, index: Index) -> bool:
        """An entry to keep or remove is not edited here: only a proposed one."""
        return index.isValid() and index.column() in EDITABLE and not self.rows[index.row()].removal

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.EditRole:
            return row.entry.mission.value if column == MISSION else self._text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.problems:
                return QColor(ERROR_COLOR)
            return QColor(MUTED_COLOR) if row.decision is not Decision.ACCEPT else None
        if role == Qt.ItemDataRole.FontRole:
            return self._font(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join([row.entry.description, *row.remarks(self.names)]).strip()
        return None

    @staticmethod
    def _font(row: ReviewRow, column: int) -> QFont | None:
        """Bold: an accepted decision, and the state of an event cancelled in the agenda; struck
        out: the entry the row removes."""
        accepted = row.decision is Decision.ACCEPT
        if column == DECISION or (row.removal and (column == STATE or accepted)):
            font = QFont()
            font.setBold((accepted and column == DECISION) or column == STATE)
            font.setStrikeOut(row.removal and accepted and DAY <= column <= PLACE)
            return font
        return None

    def _text(self, row: ReviewRow, column: int) -> str:
        entry = row.entry
        if column == DECISION:
            if row.problems and row.decision is not Decision.DISMISS:
                return "⚠ Problème"
            return row.decision.removal_label if row.removal else row.decision.label
        if column == DAY:
            return format_day_short(entry.day)
        if column == START:
            return entry.start_time.strftime("%H:%M") if entry.start_time else ""
        if column == DURATION:
            return format_duration(entry.minutes)
        if column == MISSION:
            return entry.mission.label
        if column == ACTIVITY:
            return entry.activity
        if column == DESCRIPTION:
            return entry.description
        if column == PLACE:
            return entry.place
        if column == STATE:
            return row.proposal.state_label
        return " · ".join(row.remarks(self.names))

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self._editable(index):
            return False
        row, column = self.rows[index.row()], index.column()
        text = str(value).strip()
        try:
            if column == DURATION:
                entry = replace(row.entry, minutes=parse_duration(text))
            elif column == MISSION:
                entry = replace(row.entry, mission=Mission(text))
            elif column == ACTIVITY:
                entry = replace(row.entry, activity=text)
            else:
                entry = replace(row.entry, description=text)
        except AppError as exc:
            self.on_error(exc.message)
            return False
        row.entry = entry
        row.edit_problem = ""
        if entry != row.proposal.entry:
            try:
                self.check(entry)
            except AppError as exc:
                row.edit_problem = exc.message
        if row.problems and row.decision is Decision.ACCEPT:
            row.decision = Decision.LATER
        self._row_changed(index.row())
        return True

    def decide(self, rows: Sequence[int], decision: Decision | None) -> str:
        """Accept or dismiss rows (``None``: toggle each); return why some could not be accepted."""
        refused = ""
        for number in rows:
            row = self.rows[number]
            wanted = decision or (Decision.DISMISS if row.decision is Decision.ACCEPT else Decision.ACCEPT)
            if wanted is Decision.ACCEPT and row.problems:
                what = (
                    "Cette entrée ne peut pas être retirée"
                    if row.removal
                    else "Cette proposition ne peut pas être acceptée"
                )
                refused = f"{what} : {row.problems[0]}"
                continue
            row.decision = wanted
            self._row_changed(number)
        return refused

    def _row_changed(self, number: int) -> None:
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(COLUMNS) - 1))

    def chosen(self) -> tuple[list[Proposal], list[Proposal]]:
        """Return the proposals to accept (as edited; a removal deletes its entry) and those to
        dismiss (with a reason). An entry kept records nothing: it is proposed again next time."""
        accepted = [replace(r.proposal, entry=r.entry) for r in self.rows if r.decision is Decision.ACCEPT]
        dismissed = [
            replace(r.proposal, dismissed=r.proposal.dismissed or DISMISSED_BY_HAND)
            for r in self.rows
            if r.decision is Decision.DISMISS and not r.removal
        ]
        return accepted, dismissed


class AcceptAgenda(CarnetCommand):
    """Save the accepted proposals and record the dismissed ones; undo takes it all back."""

    def __init__(
        self,
        service: CarnetService,
        on_error: ErrorHandler,
        accepted: list[Proposal],
        dismissed: list[Proposal],
    ) -> None:
        super().__init__(service, on_error, "l'import de l'agenda")
        self.accepted, self.dismissed = accepted, dismissed
        self.saved: AgendaSaved | None = None

    def redo(self) -> None:
        def accept() -> None:
            self.saved = self.service.agenda.accept(self.accepted, self.dismissed)
            self.service.changed()  # the screens read the entries again

        self._guard(accept)

    def undo(self) -> None:
        def undo() -> None:
            assert self.saved is not None
            self.service.agenda.undo(self.saved)
            self.service.changed()

        self._guard(undo)


class AgendaDialog(QDialog):
    """Reads an agenda for an ambassador and a period and reviews its proposals; once accepted,
    ``outcome`` says what was saved. ``pool`` runs the reading (by default Qt's global pool)."""

    def __init__(
        self,
        service: CarnetService,
        path: Path,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_AgendaDialog()
        self.ui.setupUi(self)
        self.service = service
        self.path = path
        self.undo_stack = undo_stack
        self.pool = pool
        self.outcome = ""
        self.task: tasks.Task | None = None  # the reading whose result is awaited
        self.running: set[tasks.Task] = set()  # every reading not finished yet (kept alive)
        ui = self.ui
        self.save_button = ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("&Enregistrer")
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        for button in ui.buttons.buttons():  # Entrée edits a row: only Ctrl+Entrée saves
            cast(QPushButton, button).setAutoDefault(False)
        fill_ambassadors(ui.ambassador_combo, [a for a in service.ambassadors() if a.active])
        programme = service.programme()
        last = max(programme.start_date, min(service.today(), programme.end_date))
        ui.start_edit.setDate(to_qdate(programme.start_date))
        ui.end_edit.setDate(to_qdate(last))
        self.model = ReviewModel(service.check_entry, self._say_error, self)
        view = ui.review_view
        view.setModel(self.model)
        view.setEditTriggers(view.EditTrigger.EditKeyPressed | view.EditTrigger.DoubleClicked)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(24)
        header = view.horizontalHeader()
        for column, width in enumerate(WIDTHS):
            header.resizeSection(column, width)
        header.setSectionResizeMode(REMARKS, QHeaderView.ResizeMode.Stretch)
        view.setItemDelegateForColumn(
            MISSION, ChoiceDelegate(lambda: [(m.label, m.value) for m in Mission], view)
        )
        view.installEventFilter(self)
        view.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.model.dataChanged.connect(lambda *_: self._show_counts())
        self.model.dataChanged.connect(lambda *_: self._show_detail())
        ui.read_button.clicked.connect(self.read)
        ui.file_button.clicked.connect(self.choose_file)
        ui.ambassador_combo.activated.connect(lambda _: self.read())
        ui.buttons.accepted.connect(self.save)
        ui.buttons.rejected.connect(self.reject)
        self._fit_screen()
        self.read()

    def _fit_screen(self) -> None:
        """Grow on a large screen (the remarks are long), stay inside a small one (1366 × 768)."""
        room = self.screen().availableGeometry().size() - QSize(40, 80)  # the frame, a margin
        width = min(max(self.width(), room.width() * 5 // 6), room.width())
        # The description takes a third of the width gained, the remarks the rest.
        header = self.ui.review_view.horizontalHeader()
        header.resizeSection(DESCRIPTION, WIDTHS[DESCRIPTION] + max(0, width - self.width()) // 3)
        self.resize(width, min(max(self.height(), room.height() * 5 // 6), room.height()))

    # --- reading ------------------------------------------------------------------------------

    def choose_file(self) -> None:
        path = prompts.open_file(
            self, "Importer un agenda", self.path.parent, "Agendas iCalendar (*.ics);;Tous les fichiers (*)"
        )
        if path is not None:
            self.path = path
            self.read()

    def read(self) -> tasks.Task | None:
        """Read the file again for the ambassador and the period chosen (decisions start over):
        the file in the pool, then the comparison with the carnet here. A reading under way is
        left to finish unused."""
        ui = self.ui
        ui.file_label.setText(f"Fichier : {self.path.name} — {self.path.parent}")
        ui.file_label.setToolTip(str(self.path))
        self.task = None
        self._show([])
        ambassador_id = str(ui.ambassador_combo.currentData())
        try:
            first, last = self.service.agenda.period(
                from_qdate(ui.start_edit.date()), from_qdate(ui.end_edit.date())
            )
        except AppError as exc:
            error_line(ui.message_label, exc.message)
            return None
        path = self.path

        def work(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> Agenda:
            return importer.parse_agenda(path, first, last)

        task = tasks.Task(work)
        task.signals.finished.connect(lambda agenda: self._parsed(task, agenda, ambassador_id))
        task.signals.failed.connect(lambda exc: self._parsed(task, exc, ambassador_id))
        self.task = task
        self.running.add(task)
        ui.busy_bar.setVisible(True)
        ui.message_label.setText(f"Lecture de l'agenda « {path.name} »…")
        ui.counts_label.clear()
        return tasks.start(task, self.pool)

    def _parsed(self, task: tasks.Task, read: Agenda | Exception, ambassador_id: str) -> None:
        """Show the proposals of the file read by ``task`` (unless a new reading replaced it, or
        the dialog was closed), or why it could not be read."""
        self.running.discard(task)
        if task is not self.task:
            return
        self.task = None
        self.ui.busy_bar.setVisible(False)
        self.ui.message_label.clear()
        try:
            if isinstance(read, Exception):
                raise read
            proposals = self.service.agenda.propose(read, ambassador_id)
        except AppError as exc:
            error_line(self.ui.message_label, exc.message)
            return
        except Exception as exc:  # any failure is said in the dialog; the carnet is untouched
            error_line(self.ui.message_label, self._unexpected(exc))
            return
        self._show(proposals)
        if proposals:
            self.ui.review_view.setCurrentIndex(self.model.index(0, DECISION))
            self.ui.review_view.selectRow(0)
        else:
            self.ui.message_label.setText(
                "Rien à proposer : cet agenda n'a pas d'événement nouveau sur la période."
            )

    def _unexpected(self, exc: Exception) -> str:
        """Log an unexpected failure of the reading; return what the dialog says of it."""
        details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        logged().error("Erreur inattendue à la lecture de l'agenda %s :\n%s", self.path, details)
        return (
            f"L'agenda « {self.path.name} » n'a pas pu être lu (erreur inattendue : "
            f"{type(exc).__name__}). Le carnet n'a pas été modifié. Le détail a été enregistré "
            f"dans : {paths.log_file()}"
        )

    def _show(self, proposals: Sequence[Proposal]) -> None:
        ids = {i for p in proposals for i in p.professional_ids}
        names = {i: p.full_name for i, p in self.service.register.professionals(ids).items()} if ids else {}
        self.model.set_proposals(proposals, names)
        self.ui.review_view.setFocus()
        self._show_counts()
        self._show_detail()

    def done(self, result: int) -> None:
        """Close; a reading under way finishes unused."""
        self.task = None
        self.ui.busy_bar.setVisible(False)
        super().done(result)

    # --- reviewing ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The review keys: Espace toggles, A accepts, E dismisses, Entrée edits, Ctrl+Entrée saves."""
        if watched is self.ui.review_view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key, modifiers = event.key(), event.modifiers()
            enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if self.ui.review_view.state() == QAbstractItemView.State.EditingState:
                return enter  # Entrée closes the editor (its delegate commits), nothing more
            if enter and modifiers & Qt.KeyboardModifier.ControlModifier:
                self.save()
                return True
            plain = not modifiers & ~Qt.KeyboardModifier.KeypadModifier
            if plain and key in DECISION_KEYS:
                self.decide(DECISION_KEYS[key])
                return True
            if plain and enter:
                self.edit_current()
                return True
        return super().eventFilter(watched, event)

    def selected_rows(self) -> list[int]:
        view = self.ui.review_view
        rows = sorted({index.row() for index in view.selectionModel().selectedRows()})
        return rows or ([view.currentIndex().row()] if view.currentIndex().isValid() else [])

    def decide(self, decision: Decision | None) -> None:
        """Accept or dismiss the selected rows (``None``: toggle them); move to the next row."""
        rows = self.selected_rows()
        if not rows:
            return
        refused = self.model.decide(rows, decision)
        self._say_error(refused)
        view = self.ui.review_view
        if len(rows) == 1 and rows[0] + 1 < self.model.rowCount():
            view.setCurrentIndex(self.model.index(rows[0] + 1, view.currentIndex().column()))
            view.selectRow(rows[0] + 1)

    def edit_current(self) -> None:
        """Edit the current cell, or the description when the cell cannot be edited."""
        view = self.ui.review_view
        index = view.currentIndex()
        if not index.isValid():
            return
        if index.column() not in EDITABLE:
            index = self.model.index(index.row(), DESCRIPTION)
            view.setCurrentIndex(index)
        view.edit(index)

    def _say_error(self, message: str) -> None:
        if message:
            error_line(self.ui.message_label, message)
        else:
            self.ui.message_label.clear()

    def _show_detail(self) -> None:
        index = self.ui.review_view.currentIndex()
        if not index.isValid():
            self.ui.detail_label.clear()
            return
        row = self.model.rows[index.row()]
        lines = [
            colored(line, ERROR_COLOR if line.startswith("⚠") else MUTED_COLOR)
            for line in row.remarks(self.model.names)
        ]
        self.ui.detail_label.setText("<br/>".join(lines) or colored("Rien à signaler.", MUTED_COLOR))

    def _show_counts(self) -> None:
        """Say what saving would do: the proposals accepted, dismissed or left to review, and the
        entries of cancelled events removed or kept."""
        rows = [r for r in self.model.rows if not r.removal]
        removals = [r for r in self.model.rows if r.removal]
        sections = []
        if rows or not removals:
            accepted = [r for r in rows if r.decision is Decision.ACCEPT]
            dismissed = sum(r.decision is Decision.DISMISS for r in rows)
            later = len(rows) - len(accepted) - dismissed
            minutes = sum(r.entry.minutes for r in accepted)
            parts = [
                f"<b>{plural(len(accepted), 'acceptée')}</b> ({format_duration(minutes)})",
                plural(dismissed, "écartée"),
            ]
            if later:
                mark = "s" if later > 1 else ""
                parts.append(f"{later} à revoir (ni enregistrée{mark} ni écartée{mark})")
            sections.append(f"{plural(len(rows), 'proposition')} : " + " · ".join(parts))
        if removals:
            removed = [r for r in removals if r.decision is Decision.ACCEPT]
            minutes = sum(r.entry.minutes for r in removed)
            to_remove = plural(len(removed), "entrée à retirer", "entrées à retirer")
            kept = plural(len(removals) - len(removed), "gardée")
            sections.append(
                f"{plural(len(removals), 'événement annulé', 'événements annulés')} : "
                f"<b>{to_remove}</b> ({format_duration(minutes)}), {kept}"
            )
        if problems := sum(bool(r.problems) for r in self.model.rows):
            sections.append(colored(f"{problems} avec un problème", ERROR_COLOR))
        self.ui.counts_label.setText(" · ".join(sections))
        self.save_button.setEnabled(any(self.model.chosen()))

    # --- saving -------------------------------------------------------------------------------

    def save(self) -> None:
        """Save the accepted proposals and record the dismissed ones, in one undoable step."""
        accepted, dismissed = self.model.chosen()
        if not accepted and not dismissed:
            return
        command = AcceptAgenda(self.service, lambda exc: self._say_error(exc.message), accepted, dismissed)
        self.undo_stack.push(command)
        if command.error is not None or command.saved is None:
            return
        window = self.parentWidget()

        def report(exc: AppError) -> None:  # an undo, once the dialog is gone
            show_error(window, exc)

        command.on_error = report
        removed = len(command.saved.removed_entries)
        self.outcome = (
            f"Agenda importé : {plural(command.saved.saved, 'entrée enregistrée', 'entrées enregistrées')}, "
            + (f"{plural(removed, 'entrée retirée', 'entrées retirées')}, " if removed else "")
            + plural(len(dismissed), "proposition écartée", "propositions écartées")
        )
        self.accept()

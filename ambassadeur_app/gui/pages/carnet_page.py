"""The carnet page: the quick-entry bar, the month's entries and the month at a glance."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QGridLayout, QHeaderView, QLabel, QWidget

from ambassadeur_app.domain.dates import Month, months_between
from ambassadeur_app.domain.durations import DurationProposal, format_duration, parse_duration
from ambassadeur_app.domain.formatting import (
    format_date_long,
    format_date_medium,
    format_euros,
    format_percent,
    format_timestamp,
    plural,
)
from ambassadeur_app.domain.model import EntryFilter, Mission, TimeEntry
from ambassadeur_app.domain.text import fold
from ambassadeur_app.errors import AppError, InvalidInput
from ambassadeur_app.gui.errors import show_error
from ambassadeur_app.gui.forms.ui_carnet_page import Ui_CarnetPage
from ambassadeur_app.gui.undo import AddEntry, CarnetCommand, DeleteEntries, EditEntry
from ambassadeur_app.gui.widgets.choices import (
    current_mission,
    fill_ambassadors,
    fill_missions,
    select_data,
)
from ambassadeur_app.gui.widgets.entry_fields import (
    NOT_ADDED,
    EntryFields,
    confirm_new_activity,
    mission_for_key,
    show_mission_keys,
)
from ambassadeur_app.gui.widgets.feedback import (
    ERROR_COLOR,
    MUTED_COLOR,
    OK_COLOR,
    WARN_COLOR,
    colored,
)
from ambassadeur_app.gui.widgets.fence import LayoutFence
from ambassadeur_app.gui.widgets.programme_form import to_qdate

if TYPE_CHECKING:
    from ambassadeur_app.domain.rules import MonthSummary, ProgrammeProgress
    from ambassadeur_app.gui.dialogs.entry_dialog import EntryDialog
    from ambassadeur_app.gui.models.entry_table import EntryTableModel
    from ambassadeur_app.services import CarnetService

ENTRY_GONE = "Cette entrée a été supprimée depuis la vérification : vérifiez à nouveau."
# Narrow enough for the description to stay readable at 1366 × 768 (the full text is its tooltip).
COLUMN_WIDTHS = (84, 118, 120, 160, 60, 50, 110)


def _show_rows(grid: QGridLayout, rows: list[tuple[str, str, bool]]) -> None:
    """Show ``rows`` (label, value, greyed) in the two columns of ``grid``, as plain labels kept
    from one refresh to the next: a rich-text table in one label was laid out again at each save,
    longer than the rest of the page's repaint."""
    for row in range(max(len(rows), grid.rowCount())):
        name, value = _grid_label(grid, row, 0), _grid_label(grid, row, 1)
        name.setVisible(row < len(rows))
        value.setVisible(row < len(rows))
        if row < len(rows):
            name.setText(rows[row][0])
            value.setText(rows[row][1])
            style = f"color: {MUTED_COLOR}" if rows[row][2] else ""
            if value.styleSheet() != style:  # set only when it changes: a style costs a relayout
                value.setStyleSheet(style)


def _grid_label(grid: QGridLayout, row: int, column: int) -> QLabel:
    """Return the label of ``grid`` at (``row``, ``column``), made on first use (values are
    aligned right)."""
    item = grid.itemAtPosition(row, column)
    if item is not None:
        return cast(QLabel, item.widget())
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # a name is never read as markup
    if column:
        label.setAlignment(Qt.AlignmentFlag.AlignRight)
    grid.addWidget(label, row, column)
    return label


class CarnetPage(LayoutFence):
    """The form is set up in the fence's content: a save relays out the page (a count, a
    message), never the window around it.

    Signals:
    message(str): a line for the status bar.
    month_changed(object): the displayed ``Month``.
    """

    message = Signal(str)
    month_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CarnetPage()
        self.ui.setupUi(self.content)
        self.service: CarnetService | None = None
        self.model: EntryTableModel | None = None
        self.undo_stack = QUndoStack(self)
        self.month = Month.of(date.today())
        self.fields = EntryFields(
            self.ui.date_edit,
            self.ui.ambassador_combo,
            self.ui.mission_combo,
            self.ui.activity_combo,
            self.ui.duration_edit,
            self.ui.start_edit,
            self.ui.place_edit,
            self.ui.description_edit,
        )
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self._apply_filter)
        fill_missions(self.ui.mission_combo)
        show_mission_keys(self.ui.mission_combo)
        self._last_activity: dict[Mission, str] = {}
        self._places = QStringListModel(self)
        completer = QCompleter(self._places, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.ui.place_edit.setCompleter(completer)
        self.ui.filter_mission_combo.addItem("Toutes les missions", None)
        for mission in Mission:
            self.ui.filter_mission_combo.addItem(mission.label, mission.value)
        table = self.ui.table_view
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(24)
        # The table takes what the window gains; the summary keeps its width (no scroll bar).
        self.ui.splitter.setStretchFactor(0, 1)
        self.ui.splitter.setStretchFactor(1, 0)
        for widget in self.ui.entry_group.findChildren(QWidget):
            widget.installEventFilter(self)
        self._say("")
        # Until the carnet's data come (the window paints first): today and its month; the
        # bars and the month buttons stay hidden (ui/carnet_page.ui) until there is a month.
        self.ui.date_edit.setDate(to_qdate(date.today()))
        self.ui.month_combo.addItem(self.month.title(), self.month)
        self.ui.summary_title_label.setText(f"<b><big>{self.month.title()}</big></b>")
        self._connect()

    def _connect(self) -> None:
        ui = self.ui
        ui.add_button.clicked.connect(self.save_quick_entry)
        ui.mission_combo.currentIndexChanged.connect(self._mission_changed)
        ui.previous_month_button.clicked.connect(lambda: self.show_month(self.month.previous()))
        ui.next_month_button.clicked.connect(lambda: self.show_month(self.month.next()))
        ui.month_combo.activated.connect(lambda index: self.show_month(ui.month_combo.itemData(index)))
        ui.filter_ambassador_combo.currentIndexChanged.connect(lambda _: self._apply_filter())
        ui.filter_mission_combo.currentIndexChanged.connect(lambda _: self._apply_filter())
        ui.search_edit.textChanged.connect(lambda _: self._search_timer.start())
        ui.table_view.doubleClicked.connect(lambda _: self.edit_selected())
        self.set_undo_stack(self.undo_stack)

    # --- set-up -------------------------------------------------------------------------------

    def set_undo_stack(self, stack: QUndoStack) -> None:
        """Push the entries' changes on ``stack`` (the window's, shared by its pages)."""
        self.undo_stack = stack
        stack.indexChanged.connect(lambda _: self.refresh())

    def set_service(self, service: CarnetService) -> None:
        """Show a carnet (the window drops the previous one's undo history)."""
        # The table's model and delegates are imported with the first carnet, after the window's
        # first paint: the page shows without them.
        from ambassadeur_app.gui.models.delegates import ChoiceDelegate
        from ambassadeur_app.gui.models.entry_table import AMBASSADOR, DESCRIPTION, MISSION, EntryTableModel

        self.service = service
        self.model = EntryTableModel(service, self)
        self.month = service.default_month()
        self.model.where = self._filter()
        self.model.on_edit = self._edit_in_place
        self.model.on_error = self._report
        table = self.ui.table_view
        table.setModel(self.model)
        header = table.horizontalHeader()
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width)
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        table.setItemDelegateForColumn(
            AMBASSADOR,
            ChoiceDelegate(lambda: [(a.name, a.id) for a in self._service().ambassadors()], table),
        )
        table.setItemDelegateForColumn(
            MISSION, ChoiceDelegate(lambda: [(m.label, m.value) for m in Mission], table)
        )
        table.selectionModel().selectionChanged.connect(lambda *_: self.message.emit(""))
        self.reload_choices()
        suggestions = service.entry_suggestions()
        self._last_activity = dict(suggestions.last_activity)
        self._places.setStringList(suggestions.places)
        if suggestions.last_mission is not None:
            select_data(self.ui.mission_combo, suggestions.last_mission.value)
        self._offer_last_activity()
        self.ui.date_edit.setDate(to_qdate(service.today()))
        self.show_month(self.month)
        # Sorting is switched on once the month is loaded, in its order: no second query.
        table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)

    def shutdown(self) -> None:
        """Stop what could still query the carnet once it is closed (timers, undo history)."""
        self._search_timer.stop()
        self.undo_stack.blockSignals(True)

    def _service(self) -> CarnetService:
        assert self.service is not None, "set_service() first"
        return self.service

    def reload_choices(self) -> None:
        """Refill ambassadors and activities (after the settings changed)."""
        service = self._service()
        ambassadors = service.ambassadors()
        fill_ambassadors(self.ui.ambassador_combo, [a for a in ambassadors if a.active])
        combo = self.ui.filter_ambassador_combo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("Tout le binôme", None)
        for ambassador in ambassadors:
            combo.addItem(ambassador.name, ambassador.id)
        select_data(combo, current)
        combo.blockSignals(False)
        self.fields.refresh_activities(service, keep_text=True)

    # --- months -------------------------------------------------------------------------------

    def show_month(self, month: Month) -> None:
        """Display ``month``: its entries, its summary, whether it is closed.

        The quick entry follows the month, unless the month is closed: then it proposes the
        first open month rather than a date it would refuse. A message about another month's
        entry is cleared.
        """
        self.month = month
        self._say("")
        service = self._service()
        today = service.today()
        target = month
        if month in service.closed_months():
            target = self._first_open_month(month)
        if not target.contains(self._entry_day()):
            self.ui.date_edit.setDate(to_qdate(today if target.contains(today) else target.first_day))
        if target != month:
            self._say(
                f"{month.title()} est clôturé : la nouvelle entrée est proposée en {target.label()}, "
                f"le {format_date_long(self._entry_day())}.",
            )
        self._fill_month_combo()
        self.refresh()
        self.month_changed.emit(month)

    def show_entry(self, entry_id: str) -> None:
        """Show an entry (a finding of the pack's checks): its month, the filters cleared so that
        it is listed, and the entry selected in the table, which takes the focus.

        Raises:
            AppError: the entry was deleted since (its month is shown).
        """
        entry = self._service().entry(entry_id)  # deleted ones too: their month is shown
        ui = self.ui
        for widget in (ui.filter_ambassador_combo, ui.filter_mission_combo, ui.search_edit):
            widget.blockSignals(True)
        ui.filter_ambassador_combo.setCurrentIndex(0)  # the whole binôme, all the missions
        ui.filter_mission_combo.setCurrentIndex(0)
        ui.search_edit.clear()
        for widget in (ui.filter_ambassador_combo, ui.filter_mission_combo, ui.search_edit):
            widget.blockSignals(False)
        self.show_month(entry.month)  # its rows read again for the filters cleared
        if self.model is None or self.model.row_of(entry_id) < 0:
            raise AppError(ENTRY_GONE)
        self._select([entry_id])
        ui.table_view.setFocus()

    def _first_open_month(self, month: Month) -> Month:
        """Return the first open month after ``month`` (before it if all later ones are closed)."""
        service = self._service()
        closed = service.closed_months()
        last = max([*service.programme().period_months, Month.of(service.today()), month])
        later = [m for m in months_between(month, last) if m not in closed]
        if later:
            return later[0]
        earlier = month.previous()
        while earlier in closed:
            earlier = earlier.previous()
        return earlier

    def _entry_day(self) -> date:
        value = self.ui.date_edit.date()
        return date(value.year(), value.month(), value.day())

    def _fill_month_combo(self) -> None:
        service = self._service()
        programme = service.programme()
        months = programme.period_months
        first = min(months[0], self.month)
        last = max(months[-1], self.month, Month.of(service.today()))
        closed = service.closed_months()
        combo = self.ui.month_combo
        combo.blockSignals(True)
        combo.clear()
        for month in months_between(first, last):
            mark = " — clôturé" if month in closed else ""
            outside = "" if month in months else " (hors période)"
            combo.addItem(f"{month.title()}{mark}{outside}", month)
        combo.setCurrentIndex(months_between(first, last).index(self.month))
        combo.blockSignals(False)

    def refresh(self) -> None:
        """Bring the entries and the summary of the displayed month up to date, keeping the
        selection (the entries changed since the last refresh move, join or leave their rows)."""
        if self.model is None:
            return
        selected = self.selected_ids()
        service = self._service()
        lock = service.month_lock(self.month)
        summary = service.month_summary(self.month)
        self.model.read_only = lock is not None
        if self.model.update(self._filter(), summary.cap_reached_on, lambda: service.cap_day_split(summary)):
            self._select(selected)
        if lock is None:
            self.ui.month_status_label.setText("Mois ouvert")
        else:
            self.ui.month_status_label.setText(
                colored(f"Clôturé le {format_timestamp(lock.closed_at)} — lecture seule", WARN_COLOR)
            )
        self.ui.close_month_button.setVisible(lock is None)
        self.ui.reopen_month_button.setVisible(lock is not None)
        self._show_summary(summary, service.progress())
        count = self.model.rowCount()
        self.ui.count_label.setText(plural(count, "entrée"))
        self.ui.month_combo.setItemText(
            self.ui.month_combo.currentIndex(),
            f"{self.month.title()}{' — clôturé' if lock else ''}"
            + ("" if self.month in service.programme().period_months else " (hors période)"),
        )

    def _filter(self) -> EntryFilter:
        mission = self.ui.filter_mission_combo.currentData()
        return EntryFilter(
            month=self.month,
            ambassador_id=self.ui.filter_ambassador_combo.currentData(),
            mission=Mission(mission) if mission else None,
            text=self.ui.search_edit.text(),
        )

    def _apply_filter(self) -> None:
        if self.model is not None:
            self.model.set_filter(self._filter())
            self.ui.count_label.setText(plural(self.model.rowCount(), "entrée"))

    def _show_summary(self, summary: MonthSummary, progress: ProgrammeProgress) -> None:
        ui = self.ui
        service = self._service()
        claim = summary.claim
        names = service.ambassador_names()
        ui.summary_title_label.setText(f"<b><big>{self.month.title()}</big></b>")
        ratio = claim.claimed_cents / claim.cap_cents if claim.cap_cents else 0.0
        ui.claim_bar.setValue(round(min(ratio, 1.0) * 100))
        # The bars carry the amounts: the lines under them stay few enough for 1366 × 768.
        ui.claim_bar.setFormat(
            f"{format_euros(claim.claimed_cents)} demandés sur {format_euros(claim.cap_cents)}"
        )
        ui.claim_bar.setToolTip(
            f"Montant demandé pour le mois : {format_euros(claim.claimed_cents)}, soit "
            f"{format_percent(ratio)} du plafond mensuel."
        )
        lines = [
            f"<b>{format_duration(summary.total_minutes)}</b> saisies, dont "
            f"{format_duration(claim.fundable_minutes)} comptées.",
        ]
        if claim.over_cap_minutes:
            lines.append(
                colored(
                    f"Plafond atteint le {format_date_medium(summary.cap_reached_on or self.month.last_day)}"
                    " : "
                    f"{format_duration(claim.over_cap_minutes)} au-delà ne sont pas financées.",
                    WARN_COLOR,
                )
            )
        elif claim.cap_cents:
            left = claim.cap_minutes - claim.fundable_minutes
            lines.append(f"Encore {format_duration(left)} avant le plafond." if left else "")
        else:
            lines.append(colored("Ce mois est hors de la période de l'expérimentation.", WARN_COLOR))
        if summary.excluded_minutes:
            lines.append(
                colored(
                    f"{format_duration(summary.excluded_minutes)} hors période ou à venir : non comptées.",
                    WARN_COLOR,
                )
            )
        ui.claim_label.setText("<br/>".join(line for line in lines if line))
        _show_rows(
            ui.missions_grid, [(m.label, format_duration(summary.by_mission[m]), False) for m in Mission]
        )
        _show_rows(
            ui.ambassadors_grid,
            [
                (names.get(a, "?"), format_duration(minutes), False)
                for a, minutes in sorted(
                    summary.by_ambassador.items(), key=lambda item: names.get(item[0], "")
                )
            ]
            or [("Aucune heure", "", False)],
        )
        _show_rows(
            ui.weeks_grid,
            [
                (
                    f"du {format_date_medium(week.monday)[:-5]}",
                    f"{format_duration(week.minutes)} / {format_duration(week.base_minutes)}",
                    week.minutes < week.base_minutes,
                )
                for week in summary.weeks
            ],
        )
        ui.programme_bar.setValue(round(min(progress.ratio, 1.0) * 100))
        ui.programme_bar.setFormat(
            f"{format_euros(progress.claimed_cents)} demandés sur {format_euros(progress.hourly_cap_cents)}"
        )
        ui.programme_bar.setToolTip(
            f"Forfait horaire demandé depuis le début : {format_euros(progress.claimed_cents)}, soit "
            f"{format_percent(progress.ratio)} du forfait."
        )
        programme = service.programme()
        ui.programme_label.setText(
            f"Mois {progress.months_elapsed} sur {progress.months_total}, "
            f"du {format_date_medium(programme.start_date)} au "
            f"{format_date_medium(programme.end_date)}."
        )
        # Shown once filled: a progress bar shown repaints at once each time its value is set.
        for hidden_before_data in (
            ui.claim_bar,
            ui.missions_title_label,
            ui.ambassadors_title_label,
            ui.weeks_title_label,
            ui.programme_title_label,
            ui.programme_bar,
        ):
            hidden_before_data.show()

    # --- quick entry --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keys of the quick-entry bar: Enter saves from any field, Tab leaves the date in one
        press, a mission letter (P, F, A, O) picks the mission from its list or the duration."""
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        ui = self.ui
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.save_quick_entry()
            return True
        if watched is ui.date_edit and key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            # QDateEdit walks its sections on Tab; the date is typed section by section anyway.
            forward = key == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.focusNextPrevChild(forward)
            return True
        if watched is ui.mission_combo or (watched is ui.duration_edit and self._duration_readable()):
            mission = mission_for_key(event)
            if mission is not None:
                select_data(ui.mission_combo, mission.value)
                return True
            if watched is ui.mission_combo and event.text().isalpha():
                return True  # no first-letter search: "A" would hesitate between two missions
        return super().eventFilter(watched, event)

    def _duration_readable(self) -> bool:
        """Tell whether the duration field is empty or holds a duration: then a mission letter
        typed there picks the mission (P, F, A, O never continue a duration)."""
        text = self.ui.duration_edit.text()
        if not text.strip():
            return True
        try:
            parse_duration(text)
        except DurationProposal:
            return True
        except InvalidInput:
            return False
        return True

    def _mission_changed(self) -> None:
        if self.service is not None:
            self.fields.refresh_activities(self.service)
            self._offer_last_activity()

    def _offer_last_activity(self) -> None:
        """Show the activity used last for the chosen mission (the list's first when none)."""
        last = self._last_activity.get(current_mission(self.ui.mission_combo))
        if last:
            self.ui.activity_combo.setEditText(last)

    def save_quick_entry(self) -> bool:
        """Save the quick-entry bar; keep date, ambassador, mission and activity for the next one.

        A bare number (« 45 ») is proposed as minutes and saved on the next Enter; an activity
        that is not in the mission's list is added only once the user confirms it.
        """
        ui = self.ui
        service = self._service()
        try:
            entry = self.fields.read()
            service.check_entry(entry)
        except DurationProposal as exc:
            shown = ui.duration_edit.text().strip()
            ui.duration_edit.setText(exc.text)
            ui.duration_edit.selectAll()
            ui.duration_edit.setFocus()
            self._say(
                f"« {shown} » : {exc.text} ? Entrée pour enregistrer {exc.text}, ou corrigez la durée.",
            )
            return False
        except AppError as exc:
            self._report(exc)
            return False
        if not confirm_new_activity(self, service, entry):
            self._say(NOT_ADDED, ERROR_COLOR)
            ui.activity_combo.setFocus()
            line = ui.activity_combo.lineEdit()
            if line is not None:
                line.selectAll()
            return False
        command = AddEntry(service, self._report, entry)
        self.undo_stack.push(command)
        if command.error is not None:
            return False
        for edit in (ui.duration_edit, ui.start_edit, ui.place_edit, ui.description_edit):
            edit.clear()
        if not self.month.contains(entry.day):
            self.show_month(Month.of(entry.day))
        self._select([command.entry_id])
        self._announce(
            command,
            f"Entrée enregistrée : {format_duration(entry.minutes)} de "
            f"{entry.mission.label.lower()} le {format_date_long(entry.day)}.",
        )
        saved = service.entry(command.entry_id)
        self._last_activity[saved.mission] = saved.activity
        self._remember_place(saved.place)
        self.fields.refresh_activities(service, keep_text=True)  # a new activity joins the list
        if ui.activity_combo.currentText() != saved.activity:  # set only when it changes: a repaint
            ui.activity_combo.setEditText(saved.activity)
        self.focus_next_entry()
        return True

    def _remember_place(self, place: str) -> None:
        places = self._places.stringList()
        if place and fold(place) not in {fold(known) for known in places}:
            self._places.setStringList(sorted([*places, place], key=fold))

    def _announce(self, command: CarnetCommand, done: str) -> None:
        if command.warnings:
            self._say("⚠ " + " ".join(command.warnings))
        else:
            self._say("✔ " + done, OK_COLOR)
        self.message.emit(done)

    def _say(self, text: str, color: str = WARN_COLOR) -> None:
        """Show a line under the entry bar (none: the line goes, leaving no empty row)."""
        label = self.ui.entry_message_label
        label.setText(colored(text, color) if text else "")
        label.setVisible(bool(text))

    def _report(self, exc: AppError) -> None:
        """Show a refused change under the entry bar and focus the field at fault."""
        self._say(exc.message, ERROR_COLOR)
        self.message.emit(exc.message)
        if isinstance(exc, InvalidInput) and exc.field and self.ui.entry_group.isEnabled():
            self.fields.widget_for(exc.field).setFocus()

    # --- table actions ------------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        if self.model is None or self.ui.table_view.selectionModel() is None:
            return []
        rows = sorted({index.row() for index in self.ui.table_view.selectionModel().selectedRows()})
        ids = self.model.entry_ids()
        return [ids[row] for row in rows if row < len(ids)]

    def _select(self, entry_ids: list[str]) -> None:
        if self.model is None:
            return
        table = self.ui.table_view
        table.clearSelection()
        flags = table.selectionModel().SelectionFlag.Select | table.selectionModel().SelectionFlag.Rows
        first = None
        for entry_id in entry_ids:
            row = self.model.row_of(entry_id)
            if row >= 0:
                index = self.model.index(row, 0)
                table.selectionModel().select(index, flags)
                first = first or index
        if first is not None:
            table.setCurrentIndex(first)
            table.scrollTo(first)

    def _edit_in_place(self, old: TimeEntry, new: TimeEntry) -> bool:
        """Save a change typed in the table (a new activity is confirmed first)."""
        if not confirm_new_activity(self, self._service(), new, old):
            self._say(NOT_ADDED, ERROR_COLOR)
            return False
        return self._push_edit(old, new)

    def _push_edit(self, old: TimeEntry, new: TimeEntry) -> bool:
        command = EditEntry(self._service(), self._report, old, new)
        self.undo_stack.push(command)
        if command.error is None:
            self._announce(command, "Entrée modifiée.")
        return command.error is None

    def edit_selected(self) -> None:
        """Open the selected entry in the edit dialog."""
        ids = self.selected_ids()
        if not ids:
            self.message.emit("Sélectionnez une entrée à modifier.")
            return
        service = self._service()
        if self.model is not None and self.model.read_only:
            show_error(
                self,
                AppError(
                    f"Le mois {self.month.of_label()} est clôturé : rouvrez-le pour modifier ses entrées."
                ),
            )
            return
        from ambassadeur_app.gui.dialogs.entry_dialog import EntryDialog  # on first use: not at start

        dialog = EntryDialog(service, service.entry(ids[0]), self)
        dialog.accepted.connect(lambda: self._dialog_saved(dialog))
        dialog.open()

    def _dialog_saved(self, dialog: EntryDialog) -> None:
        if dialog.edited is not None:
            self._push_edit(dialog.entry, dialog.edited)  # the dialog asked about a new activity
            self._select([dialog.edited.id])

    def duplicate_selected(self) -> None:
        """Copy the selected entries (same day, same everything) for a quick variation."""
        service = self._service()
        ids = self.selected_ids()
        if not ids:
            self.message.emit("Sélectionnez l'entrée à dupliquer.")
            return
        new_ids = []
        self.undo_stack.beginMacro(f"la duplication de {plural(len(ids), 'entrée')}")
        for entry_id in ids:
            command = AddEntry(
                service,
                self._report,
                replace(service.entry(entry_id), id=""),
                "la duplication de l'entrée",
            )
            self.undo_stack.push(command)
            if command.error is not None:
                break
            new_ids.append(command.entry_id)
        self.undo_stack.endMacro()
        self._select(new_ids)
        if new_ids:
            self.message.emit(f"{plural(len(new_ids), 'entrée dupliquée', 'entrées dupliquées')}.")

    def delete_selected(self) -> None:
        """Delete the selected entries (Ctrl+Z brings them back)."""
        ids = self.selected_ids()
        if not ids:
            self.message.emit("Sélectionnez les entrées à supprimer.")
            return
        row = self.ui.table_view.currentIndex().row()
        command = DeleteEntries(self._service(), self._report, ids)
        self.undo_stack.push(command)
        if command.error is None and self.model is not None and self.model.rowCount():
            self.ui.table_view.selectRow(min(row, self.model.rowCount() - 1))
            self.message.emit(
                f"{plural(len(ids), 'entrée supprimée', 'entrées supprimées')} — Ctrl+Z pour annuler."
            )

    def focus_quick_entry(self) -> None:
        self.ui.date_edit.setFocus()

    def focus_next_entry(self) -> None:
        """Put the cursor where the next entry differs: its duration (date, ambassador, mission
        and activity are kept; a mission letter changes the mission from there)."""
        self.ui.duration_edit.setFocus()

    def focus_search(self) -> None:
        self.ui.search_edit.setFocus()
        self.ui.search_edit.selectAll()

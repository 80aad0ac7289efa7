"""The events tab: workshops, working groups, training sessions; their invitations, attendance,
sign-in sheet, time, questionnaire and expenses; the training catalogue and the forfait line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QTextBrowser,
    QWidget,
)

from ambassadeur_app import paths
from ambassadeur_app.domain.durations import format_duration
from ambassadeur_app.domain.events import Event, EventKind, EventStatus
from ambassadeur_app.domain.formatting import format_date, format_percent, plural
from ambassadeur_app.domain.model import TimeEntry
from ambassadeur_app.domain.register import person_key
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui import prompts
from ambassadeur_app.gui.documents import ask_and_write
from ambassadeur_app.gui.errors import show_error
from ambassadeur_app.gui.forms.ui_events_page import Ui_EventsPage
from ambassadeur_app.gui.models.record_table import RecordColumn
from ambassadeur_app.gui.pages.undoable_page import UndoablePage
from ambassadeur_app.gui.widgets.feedback import ERROR_COLOR, MUTED_COLOR
from ambassadeur_app.gui.widgets.scope_filters import ScopeFilters

if TYPE_CHECKING:
    from ambassadeur_app.gui.dialogs.attendance_dialog import AttendanceDialog
    from ambassadeur_app.gui.dialogs.entry_dialog import EntryDialog
    from ambassadeur_app.gui.dialogs.event_dialog import EventDialog
    from ambassadeur_app.gui.dialogs.expenses_dialog import ExpensesDialog
    from ambassadeur_app.gui.dialogs.invite_dialog import InviteDialog
    from ambassadeur_app.gui.dialogs.module_dialog import CatalogueDialog
    from ambassadeur_app.gui.dialogs.survey_dialog import SurveyDialog, ToolSurveysDialog
    from ambassadeur_app.services import CarnetService

T = TypeVar("T")


@dataclass(frozen=True)
class EventRow:
    """An event of the list with its counts."""

    event: Event
    invited: int
    present: int


def counts_html(by_profession: dict[str, int], by_structure_type: dict[str, int]) -> str:
    """Return the two counts of the participants side by side."""
    if not by_profession:
        return ""

    def table(title: str, counts: dict[str, int]) -> str:
        rows = "".join(f"<tr><td>{escape(k)}</td><td align='right'>{n}</td></tr>" for k, n in counts.items())
        head = f"<tr><td colspan='2'><b>{title}</b></td></tr>"
        return f"<table cellspacing='0' cellpadding='1'>{head}{rows}</table>"

    return (
        "<table cellspacing='0' cellpadding='0'><tr>"
        f"<td valign='top' style='padding-right: 24px'>{table('Par profession', by_profession)}</td>"
        f"<td valign='top'>{table('Par type de structure', by_structure_type)}</td></tr></table>"
    )


def time_html(entries: list[TimeEntry], names: dict[str, str]) -> str:
    if not entries:
        return "<p><i>Aucun temps noté pour cet événement (« Saisir le temps passé… »).</i></p>"
    rows = "".join(
        f"<tr><td>{format_date(e.day)}</td><td>{escape(names.get(e.ambassador_id, ''))}</td>"
        f"<td>{escape(e.activity)}</td><td align='right'>{format_duration(e.minutes)}</td></tr>"
        for e in sorted(entries, key=lambda e: e.day)
    )
    total = sum(e.minutes for e in entries)
    return (
        f"<table cellspacing='0' cellpadding='2'>{rows}<tr><td colspan='3'><b>Total</b></td>"
        f"<td align='right'><b>{format_duration(total)}</b></td></tr></table>"
    )


class EventsPage(UndoablePage):
    """The events of the carnet.

    Keys (listed by F1 from ``pages.EVENT_KEYS``): Ctrl+N new event, Entrée edit the selected
    one, Suppr delete it (Ctrl+Z brings it back once the window shares its undo stack,
    ``set_undo_stack``).
    """

    noun = ("événement", "événements")
    select_hint = "Sélectionnez un événement."

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_EventsPage()
        self.ui.setupUi(self)
        ui = self.ui
        ui.splitter.setStretchFactor(0, 3)
        ui.splitter.setStretchFactor(1, 2)
        actions: dict[Any, Callable[[], object]] = {
            ui.new_button: self.new_event,
            ui.catalogue_button: self.show_catalogue,
            ui.all_expenses_button: lambda: self.show_expenses(None),
            ui.tool_survey_button: self.show_tool_surveys,
            ui.edit_button: self.edit_selected,
            ui.invite_button: self.invite_selected,
            ui.attendance_button: self.attendance_selected,
            ui.sheet_button: self.write_sheet,
            ui.time_button: self.log_time,
            ui.attach_button: self.attach_sheet,
            ui.survey_button: self.show_survey,
            ui.expenses_button: self.expenses_selected,
            ui.delete_button: self.delete_selected,
            ui.email_button: lambda: self.write_invitation("eml"),
            ui.ics_button: lambda: self.write_invitation("ics"),
        }
        for button, slot in actions.items():
            button.clicked.connect(lambda _=False, slot=slot: slot())
        dossier_menu = QMenu(ui.dossier_button)
        for label, fmt in (("Classeur E&xcel (.xlsx)…", "xlsx"), ("&PDF…", "pdf")):
            action = dossier_menu.addAction(label)
            action.triggered.connect(lambda _=False, fmt=fmt: self.write_dossier(fmt))
        ui.dossier_button.setMenu(dossier_menu)
        ui.table_view.doubleClicked.connect(lambda _: self.edit_selected())
        self.watch_keys(ui.table_view, ui.search_edit, ui.kind_combo, ui.status_combo, ui.detail_browser)

    # --- the list -----------------------------------------------------------------------------

    def widgets(self) -> tuple[QTableView, QTextBrowser, QLabel, QLineEdit]:
        return self.ui.table_view, self.ui.detail_browser, self.ui.count_label, self.ui.search_edit

    def filters(self) -> tuple[ScopeFilters, list[QComboBox]]:
        return self.ui.scope_filters, [self.ui.kind_combo, self.ui.status_combo]

    def set_service(self, service: CarnetService) -> None:
        ui = self.ui
        for combo in (ui.kind_combo, ui.status_combo):
            combo.blockSignals(True)
            combo.clear()
        ui.kind_combo.addItem("Tous les types", "")
        for kind in EventKind:
            ui.kind_combo.addItem(kind.label, kind.value)
        ui.status_combo.addItem("Tous les statuts", "")
        for status in EventStatus:
            ui.status_combo.addItem(status.label, status.value)
        for combo in (ui.kind_combo, ui.status_combo):
            combo.blockSignals(False)
        ui.scope_filters.configure(service, None, None, "Date")
        super().set_service(service)

    def columns(self) -> list[RecordColumn]:
        return [
            RecordColumn("Date", lambda r: format_date(r.event.first_day)),
            RecordColumn("Type", lambda r: r.event.kind.label),
            RecordColumn("Titre", lambda r: r.event.title),
            RecordColumn("Statut", lambda r: r.event.status.label),
            RecordColumn("Invités", lambda r: str(r.invited), right=True),
            RecordColumn("Présents", lambda r: str(r.present), right=True),
            RecordColumn("Lieu", lambda r: r.event.where),
        ]

    def fetch(self, ids: list[str]) -> dict[str, object]:
        events = self._service().events
        found = events.events(ids)
        counts = events.counts(list(found))
        return {i: EventRow(e, *counts.get(i, (0, 0))) for i, e in found.items()}

    def color(self, record: object) -> str | None:
        assert isinstance(record, EventRow)
        return MUTED_COLOR if record.event.status is EventStatus.CANCELLED else None

    def query(self) -> list[str]:
        ui = self.ui
        kind, status = ui.kind_combo.currentData(), ui.status_combo.currentData()
        first, last = ui.scope_filters.period()
        return self._service().events.event_ids(
            EventKind(kind) if kind else None,
            EventStatus(status) if status else None,
            first,
            last,
            ui.search_edit.text(),
        )

    def refresh(self) -> None:
        super().refresh()
        if self.service is None:
            return
        use = self.service.expenses.forfait_use()
        forfait = escape(use.label)
        if use.remaining_cents < 0:
            forfait = f"<span style='color:{ERROR_COLOR}'>{forfait}</span>"
        parts = [forfait, f"Professionnels formés : <b>{self.service.events.trained_count()}</b>"]
        self.ui.indicator_label.setText(" · ".join(parts))

    def detail_html(self, record_id: str) -> str:
        service = self._service()
        events = service.events
        event = events.event(record_id)
        names = service.ambassador_names()
        facts = [event.kind.label, event.mission.label, event.status.label]
        lines = [" · ".join(facts)]
        lines += [f"Demi-journée : {s.label}" for s in event.sessions]
        place = f"Lieu : {event.where}"
        if event.link:
            place += f" ({event.link})"
        lines.append(place)
        if event.kind is EventKind.TRAINING and event.module_id:
            module = events.modules([event.module_id]).get(event.module_id)
            if module is not None:
                lines.append(f"Module : {module.title} ({format_duration(module.minutes)})")
        lines.append("Ouvert à tout le département" if event.open_to_departement else "Sur invitation")
        if event.speakers:
            lines.append("Intervenants : " + ", ".join(event.speakers))
        if event.pulsy_trainer:
            lines.append("Formateur Pulsy présent")
        if event.organiser_ids:
            lines.append("Organisé par : " + ", ".join(names.get(i, "?") for i in event.organiser_ids))
        html = f"<h3>{escape(event.title)}</h3><p>" + "<br/>".join(escape(line) for line in lines) + "</p>"
        if event.agenda:
            html += "<h4>Ordre du jour</h4><p>" + escape(event.agenda).replace("\n", "<br/>") + "</p>"
        invited, present = events.counts([record_id]).get(record_id, (0, 0))
        walk_ins = sum(1 for a in events.attendances(record_id) if a.walk_in and a.attended)
        counts = events.participant_counts([record_id])
        html += (
            f"<h4>Participation</h4><p>{plural(invited, 'invité')} · {plural(present, 'présent')}"
            + (f" (dont {plural(walk_ins, 'venu', 'venus')} sans invitation)" if walk_ins else "")
            + "</p>"
        )
        html += counts_html(counts.by_profession, counts.by_structure_type)
        html += self._survey_html(record_id) + self._sheets_html(record_id)
        entries = service.entries(events.time_entry_ids(record_id))
        html += "<h4>Temps passé (carnet)</h4>" + time_html(list(entries.values()), names)
        html += self._invitations_html(record_id)
        return html

    def _survey_html(self, event_id: str) -> str:
        results = self._service().surveys.results_for_event(event_id)
        if results is None:
            return ""
        facts = [f"{plural(results.responses, 'réponse')} sur {results.expected} présents"]
        if results.response_rate is not None:
            facts.append(f"taux {format_percent(results.response_rate)}")
        if results.mean_satisfaction is not None:
            facts.append(f"satisfaction moyenne {results.mean_satisfaction:.1f} sur 4".replace(".", ","))
        if results.nps is not None:
            facts.append(f"NPS {results.nps}")
        if results.warning:
            facts.append(results.warning)
        return "<h4>Questionnaire de satisfaction</h4><p>" + escape(" · ".join(facts)) + "</p>"

    def _sheets_html(self, event_id: str) -> str:
        sheets = self._service().expenses.sign_in_sheets(event_id)
        if not sheets:
            return ""
        return "<p>Feuille signée jointe : " + escape(", ".join(s.filename for s in sheets)) + "</p>"

    def _invitations_html(self, event_id: str) -> str:
        invitations = self._service().events.invitations(event_id)
        if not invitations:
            return "<h4>Invitations</h4><p><i>Personne n'est encore invité (« Invitations… »).</i></p>"
        people = self._service().register.professionals([i.professional_id for i in invitations])
        rows = sorted(
            ((p, i) for i in invitations if (p := people.get(i.professional_id)) is not None),
            key=lambda row: person_key(row[0]),
        )
        cells = "".join(
            f"<tr><td>{escape(p.full_name)}</td><td>{format_date(i.invited_on)}</td>"
            f"<td>{escape(i.channel.label)}</td></tr>"
            for p, i in rows
        )
        return f"<h4>Invitations ({len(rows)})</h4><table cellspacing='0' cellpadding='2'>{cells}</table>"

    # --- actions ------------------------------------------------------------------------------

    def _one(self) -> Event | None:
        record_id = self.selected_id()
        return self._service().events.event(record_id) if record_id else None

    def new_record(self) -> EventDialog:
        return self.new_event()

    def new_event(self) -> EventDialog:
        from ambassadeur_app.gui.dialogs.event_dialog import EventDialog

        dialog = EventDialog(self._service(), parent=self)
        dialog.accepted.connect(lambda: self.saved("Événement enregistré.", dialog.saved_id))
        dialog.open()
        return dialog

    def edit_selected(self) -> EventDialog | None:
        from ambassadeur_app.gui.dialogs.event_dialog import EventDialog

        event = self._one()
        if event is None:
            return None
        dialog = EventDialog(self._service(), event, self)
        dialog.accepted.connect(lambda: self.done("Événement modifié."))
        dialog.open()
        return dialog

    def delete_selected(self) -> None:
        event = self._one()
        if event is None:
            return
        events = self._service().events
        self.push_delete(
            f"la suppression de « {event.title} »",
            lambda: events.delete_event(event.id),
            lambda: events.restore_event(event.id),
        )
        self.done(f"« {event.title} » supprimé (Ctrl+Z pour annuler).")

    def show_catalogue(self) -> CatalogueDialog:
        from ambassadeur_app.gui.dialogs.module_dialog import CatalogueDialog

        dialog = CatalogueDialog(self._service(), self)
        dialog.finished.connect(lambda _: self.refresh())
        dialog.open()
        return dialog

    def invite_selected(self) -> InviteDialog | None:
        from ambassadeur_app.gui.dialogs.invite_dialog import InviteDialog

        event = self._one()
        if event is None:
            return None
        dialog = InviteDialog(self._service(), event, self)
        dialog.accepted.connect(lambda: self.done(dialog.summary))
        dialog.open()
        return dialog

    def attendance_selected(self) -> AttendanceDialog | None:
        from ambassadeur_app.gui.dialogs.attendance_dialog import AttendanceDialog

        event = self._one()
        if event is None:
            return None
        dialog = AttendanceDialog(self._service(), event, self)
        dialog.finished.connect(lambda _: self._attendance_done(event))
        dialog.open()
        return dialog

    def _attendance_done(self, event: Event) -> None:
        invited, present = self._service().events.counts([event.id]).get(event.id, (0, 0))
        self.done(f"« {event.title} » : {plural(present, 'présent')} sur {plural(invited, 'invité')}.")

    def _write_document(
        self, title: str, prefix: str, fmt: str, write: Callable[[Event, Path], T]
    ) -> tuple[Path, T] | None:
        """Ask where to write a document of the selected event (``prefix-date-title.fmt``
        proposed), write it with ``write``; return its path and what ``write`` returned, or None
        (nothing selected, cancelled, or the error shown)."""
        from ambassadeur_app.reports.output import slug

        event = self._one()
        if event is None:
            return None
        suggested = f"{prefix}-{event.first_day:%Y-%m-%d}-{slug(event.title)}.{fmt}"
        return ask_and_write(self, title, suggested, lambda out: write(event, out))

    def write_sheet(self) -> Path | None:
        events = self._service().events
        written = self._write_document(
            "Feuille d'émargement", "emargement", "pdf", lambda e, out: events.write_sign_in_sheet(e.id, out)
        )
        return self._opened(f"Feuille d'émargement écrite : {written[0]}", written[0]) if written else None

    def _opened(self, text: str, out: Path) -> Path:
        """Tell the status bar ``text`` and open the document written at ``out``."""
        self.message.emit(text)
        prompts.open_path(out)
        return out

    def write_invitation(self, fmt: str) -> Path | None:
        """Write the invitation of the selected event: ``eml``, the e-mail draft (invitees in
        Bcc, the calendar file attached) opened in the user's mail client, or ``ics``, the
        calendar file alone (not opened: that would add the event to the user's own agenda).
        Invitees without a usable e-mail are named in the status bar and in a box."""
        from ambassadeur_app.reports.invitation import recipients_text, write_invitation

        service = self._service()
        title = "Brouillon d'e-mail d'invitation" if fmt == "eml" else "Fichier d'agenda de l'événement"
        written = self._write_document(
            title, "invitation", fmt, lambda e, out: write_invitation(service, e.id, out, fmt)
        )
        if written is None:
            return None
        out, draft = written
        if fmt == "ics":
            self.message.emit(f"Fichier d'agenda écrit : {out}")
            return out
        lines = recipients_text(draft)
        if draft.without_email:
            # does not wait: the mail client opens the draft meanwhile
            prompts.notice(self, "Invitation par e-mail", lines[0], "\n".join(lines[1:]), "invitation_notice")
        return self._opened(f"Brouillon d'e-mail écrit : {out}. " + " ".join(lines), out)

    def write_dossier(self, fmt: str) -> Path | None:
        """Write the selected event's file (invitations, participants, questionnaire, quotes
        and invoices) as ``xlsx`` or ``pdf``, then open it."""
        from ambassadeur_app.reports.event_tables import export

        service = self._service()
        written = self._write_document(
            "Dossier de l'événement",
            "evenement",
            fmt,
            lambda e, out: export(service, "evenement", fmt, out, e.id),
        )
        return self._opened(f"Dossier de l'événement écrit : {written[0]}", written[0]) if written else None

    def log_time(self) -> EntryDialog | None:
        from ambassadeur_app.gui.dialogs.entry_dialog import EntryDialog

        event = self._one()
        if event is None:
            return None
        service = self._service()
        ambassadors = [a.id for a in service.ambassadors(include_inactive=False)]
        activities = service.activities()[event.mission]
        first = event.sessions[0]
        entry = TimeEntry(
            day=first.day,
            ambassador_id=next((i for i in event.organiser_ids if i in ambassadors), ambassadors[0])
            if ambassadors
            else "",
            mission=event.mission,
            activity=activities[0] if activities else "",
            minutes=sum(s.minutes for s in event.sessions),
            start_time=first.start,
            place=event.place,
            description=event.title,
        )
        dialog = EntryDialog(service, entry, self)
        dialog.setWindowTitle(f"Temps passé : {event.title}")

        def save() -> None:
            assert dialog.edited is not None
            try:
                saved = service.events.log_time(event.id, dialog.edited)
            except AppError as exc:
                show_error(self, exc)
                return
            warning = f" {' '.join(saved.warnings)}" if saved.warnings else ""
            self.done(f"Temps noté au carnet pour « {event.title} ».{warning}")

        dialog.accepted.connect(save)
        dialog.open()
        return dialog

    def attach_sheet(self) -> None:
        event = self._one()
        if event is None:
            return
        path = prompts.open_file(
            self,
            "Joindre la feuille d'émargement signée",
            paths.documents_dir(),
            "PDF ou image (*.pdf *.png *.jpg *.jpeg);;Tous les fichiers (*)",
        )
        if path is None:
            return
        try:
            attachment = self._service().expenses.attach_sign_in_sheet(event.id, path)
        except AppError as exc:
            show_error(self, exc)
            return
        self.done(f"Feuille signée jointe à « {event.title} » : {attachment.filename}.")

    def show_survey(self) -> SurveyDialog | None:
        from ambassadeur_app.gui.dialogs.survey_dialog import SurveyDialog

        event = self._one()
        if event is None:
            return None
        dialog = SurveyDialog(self._service(), event.id, self)
        dialog.finished.connect(lambda _: self.refresh())
        dialog.open()
        return dialog

    def show_tool_surveys(self) -> ToolSurveysDialog:
        from ambassadeur_app.gui.dialogs.survey_dialog import ToolSurveysDialog

        dialog = ToolSurveysDialog(self._service(), self)
        dialog.open()
        return dialog

    def expenses_selected(self) -> ExpensesDialog | None:
        event_id = self.selected_id()
        return self.show_expenses(event_id) if event_id else None

    def show_expenses(self, event_id: str | None) -> ExpensesDialog:
        from ambassadeur_app.gui.dialogs.expenses_dialog import ExpensesDialog

        dialog = ExpensesDialog(self._service(), event_id, self)
        dialog.finished.connect(lambda _: self.refresh())
        dialog.open()
        return dialog

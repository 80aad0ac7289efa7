"""Choose who is invited to an event, from the register with its filters: the people invited
are listed ticked first; ticking invites (on the date and by the channel chosen), unticking
withdraws the invitation."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ambassadeur_app.domain.events import Event, InvitationChannel
from ambassadeur_app.domain.formatting import format_date, plural
from ambassadeur_app.errors import AppError
from ambassadeur_app.gui.forms.ui_invite_dialog import Ui_InviteDialog
from ambassadeur_app.gui.models.check_list import CheckListModel
from ambassadeur_app.gui.widgets.choices import fill_enum
from ambassadeur_app.gui.widgets.feedback import error_line
from ambassadeur_app.gui.widgets.professional_filters import fill_professional_filters, professional_filter
from ambassadeur_app.gui.widgets.programme_form import from_qdate, to_qdate
from ambassadeur_app.services import CarnetService

FILTER_DELAY_MS = 120


class InviteDialog(QDialog):
    """``summary`` says what changed once accepted."""

    def __init__(self, service: CarnetService, event: Event, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_InviteDialog()
        self.ui.setupUi(self)
        self.service = service
        self.target = event
        self.summary = ""
        ui = self.ui
        self.setWindowTitle(f"Invitations : {event.title}")
        ui.event_label.setText(f"<b>{event.title}</b> — {event.sessions[0].label} — {event.where}")
        ui.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Enregistrer les invitations")
        ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        professions = service.register.professions()

        def labels(ids: list[str]) -> dict[str, str]:
            people = service.register.professionals(ids)
            return {
                i: " — ".join(
                    part
                    for part in (
                        p.full_name,
                        professions[p.profession_code].label if p.profession_code in professions else "",
                        p.commune,
                    )
                    if part
                )
                for i, p in people.items()
            }

        self.invited = [i.professional_id for i in service.events.invitations(event.id)]
        self.model = CheckListModel(labels, self)
        self.model.set_checked(self.invited)
        ui.people_list.setModel(self.model)
        self.model.checked_changed.connect(self._count)
        fill_professional_filters(service, ui.group_combo, ui.type_combo, ui.status_combo)
        ui.scope_filters.configure(
            service, service.register.communes("professionals"), "Contactés par", "Contactés"
        )
        fill_enum(ui.channel_combo, InvitationChannel)
        ui.date_edit.setDate(to_qdate(service.today()))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(self._filter)
        ui.search_edit.textChanged.connect(lambda _: self._timer.start())
        for combo in (ui.group_combo, ui.type_combo, ui.status_combo):
            combo.currentIndexChanged.connect(lambda _: self._filter())
        ui.scope_filters.changed.connect(self._filter)
        ui.scope_filters.reset_requested.connect(self._reset)
        ui.all_button.clicked.connect(self.check_all)
        ui.none_button.clicked.connect(self.check_none)
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        self._filter()
        ui.search_edit.setFocus()

    def _filter(self) -> None:
        ui = self.ui
        chosen = professional_filter(
            ui.search_edit.text(), ui.group_combo, ui.type_combo, ui.status_combo, ui.scope_filters
        )
        self.model.set_ids(self.service.register.professional_ids(chosen))
        self._count()

    def _reset(self) -> None:
        ui = self.ui
        for combo in (ui.group_combo, ui.type_combo, ui.status_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        ui.search_edit.blockSignals(True)
        ui.search_edit.clear()
        ui.search_edit.blockSignals(False)
        self._filter()

    def _count(self) -> None:
        checked = set(self.model.checked_ids())
        before = set(self.invited)
        added, removed = len(checked - before), len(before - checked)
        shown = self.model.rowCount()
        text = f"{plural(len(checked), 'invité')} · {plural(shown, 'personne listée', 'personnes listées')}"
        if added or removed:
            text += f" · à inviter : {added} · invitation retirée : {removed}"
        self.ui.count_label.setText(text)

    def check_all(self) -> None:
        """Tick everyone the filters list (those ticked before stay ticked)."""
        self.model.set_checked([*self.model.checked_ids(), *self.model.ids()])
        self._count()

    def check_none(self) -> None:
        """Untick everyone listed."""
        listed = set(self.model.ids())
        self.model.set_checked([i for i in self.model.checked_ids() if i not in listed])
        self._count()

    def accept(self) -> None:
        ui = self.ui
        checked = self.model.checked_ids()
        before = set(self.invited)
        added = [i for i in checked if i not in before]
        removed = [i for i in self.invited if i not in set(checked)]
        day = from_qdate(ui.date_edit.date())
        channel = InvitationChannel(ui.channel_combo.currentData())
        events = self.service.events
        try:
            fresh = events.invite(self.target.id, added, day, channel) if added else []
            if removed:
                events.uninvite(self.target.id, removed)
        except AppError as exc:
            error_line(ui.message_label, exc.message)
            return
        parts = []
        if fresh:
            parts.append(
                f"{plural(len(fresh), 'invitation')} du {format_date(day)} ({channel.label.lower()})"
            )
        if removed:
            parts.append(f"{plural(len(removed), 'invitation retirée', 'invitations retirées')}")
        self.summary = (
            f"« {self.target.title} » : " + " ; ".join(parts) + "."
            if parts
            else "Aucune invitation modifiée."
        )
        super().accept()

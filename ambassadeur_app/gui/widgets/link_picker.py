"""The links of an action or a note: the list of what it is linked to, and a search to add one
(an event, an entry of the carnet, a professional or a structure, picked from a list)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidgetItem, QWidget

from ambassadeur_app.domain.formatting import format_date, format_hours
from ambassadeur_app.domain.model import EntryFilter
from ambassadeur_app.domain.planning import Link, LinkKind
from ambassadeur_app.domain.register import RegisterFilter
from ambassadeur_app.gui.forms.ui_link_picker import Ui_LinkPicker
from ambassadeur_app.services import CarnetService

SHOWN = 60  # matches offered at once: typing narrows them
SEARCH_DELAY_MS = 150


class LinkPicker(QWidget):
    """Call ``configure`` with the carnet and the kinds offered, then ``set_links``; ``links()``
    returns the links kept, in order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_LinkPicker()
        self.ui.setupUi(self)
        self.service: CarnetService | None = None
        self._links: list[Link] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        ui = self.ui
        ui.kind_combo.currentIndexChanged.connect(lambda _: self.search())
        ui.search_edit.textChanged.connect(lambda _: self._timer.start())
        ui.add_button.clicked.connect(self.add_current)
        ui.remove_button.clicked.connect(self.remove_selected)
        ui.links_list.installEventFilter(self)
        ui.search_edit.installEventFilter(self)
        ui.search_edit.setAccessibleName("Rechercher un lien à ajouter")
        ui.result_combo.setAccessibleName("Résultats de la recherche")

    def configure(self, service: CarnetService, kinds: Iterable[LinkKind]) -> None:
        self.service = service
        combo = self.ui.kind_combo
        combo.blockSignals(True)
        combo.clear()
        for kind in kinds:
            combo.addItem(kind.label, kind.value)
        combo.blockSignals(False)
        self.search()

    def set_links(self, links: Iterable[Link]) -> None:
        self._links = list(links)
        self._show_links()

    def links(self) -> tuple[Link, ...]:
        return tuple(self._links)

    def search(self) -> None:
        """Offer the first matches of the kind chosen for the text typed."""
        self._timer.stop()
        service = self.service
        if service is None:
            return
        kind = LinkKind(self.ui.kind_combo.currentData())
        text = self.ui.search_edit.text().strip()
        combo = self.ui.result_combo
        combo.clear()
        for target_id, label in _matches(service, kind, text)[:SHOWN]:
            combo.addItem(label, target_id)
        if not combo.count():
            combo.addItem("Aucun résultat", "")

    def add_current(self) -> None:
        target_id = self.ui.result_combo.currentData()
        if not target_id:
            return
        link = Link(LinkKind(self.ui.kind_combo.currentData()), target_id)
        if link not in self._links:
            self._links.append(link)
            self._show_links()
        self.ui.links_list.setCurrentRow(self._links.index(link))

    def remove_selected(self) -> None:
        row = self.ui.links_list.currentRow()
        if 0 <= row < len(self._links):
            del self._links[row]
            self._show_links()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Suppr in the list removes a link; Entrée in the search adds the match shown (and does
        not save the dialog)."""
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if watched is self.ui.links_list and key == Qt.Key.Key_Delete:
                self.remove_selected()
                return True
            if watched is self.ui.search_edit and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.search()
                self.add_current()
                return True
        return super().eventFilter(watched, event)

    def _show_links(self) -> None:
        listing = self.ui.links_list
        listing.clear()
        if self.service is None:
            return
        for view in self.service.planning.link_views(self._links):
            listing.addItem(QListWidgetItem(view.label))
        self.ui.remove_button.setEnabled(bool(self._links))


def _matches(service: CarnetService, kind: LinkKind, text: str) -> list[tuple[str, str]]:
    """Return (id, label) of the live targets of ``kind`` matching ``text``: events and entries
    latest first, people and structures by name."""
    if kind is LinkKind.EVENT:
        ids = service.events.event_ids(text=text)[::-1][:SHOWN]
        found = service.events.events(ids)
        return [(i, f"{e.title} ({format_date(e.first_day)})") for i in ids if (e := found.get(i))]
    if kind is LinkKind.ENTRY:
        ids = service.entry_ids(EntryFilter(text=text), descending=True)[:SHOWN]
        entries = service.entries(ids)
        return [
            (i, f"{format_date(t.day)}, {format_hours(t.minutes)} — {t.description or t.activity}")
            for i in ids
            if (t := entries.get(i)) is not None
        ]
    register = service.register
    if kind is LinkKind.PROFESSIONAL:
        ids = register.professional_ids(RegisterFilter(text=text))[:SHOWN]
        people = register.professionals(ids)
        return [(i, p.full_name) for i in ids if (p := people.get(i)) is not None and not p.anonymized]
    ids = register.structure_ids(RegisterFilter(text=text))[:SHOWN]
    structures = register.structures(ids)
    return [(i, s.name) for i in ids if (s := structures.get(i)) is not None]

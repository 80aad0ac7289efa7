"""The pages of the main window, registered in one place.

Each page has a tab title, the shortcut Ctrl+<its position>, and a factory that imports its
module: a page is imported and built on its first visit only (the page the window opens on, at
once), so the window opens as fast with ten pages as with one. A new page is one more line in
``PAGES`` and one factory.

A carnet opens on its tableau de bord once it has data, on the carnet page while it has none
(``opening_page``); the carnet page stays Ctrl+1, the quick entry one key away.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QTabWidget, QWidget

if TYPE_CHECKING:
    from ambassadeur_app.services import CarnetService


class Page(Protocol):
    """What the window asks of every page."""

    message: SignalInstance  # a line for the status bar

    def set_service(self, service: CarnetService) -> None: ...

    def refresh(self) -> None: ...

    def focus_search(self) -> None: ...

    def shutdown(self) -> None: ...


def _carnet() -> Page:
    from ambassadeur_app.gui.pages.carnet_page import CarnetPage

    return CarnetPage()


def _professionals() -> Page:
    from ambassadeur_app.gui.pages.professionals_page import ProfessionalsPage

    return ProfessionalsPage()


def _structures() -> Page:
    from ambassadeur_app.gui.pages.structures_page import StructuresPage

    return StructuresPage()


def _solicitations() -> Page:
    from ambassadeur_app.gui.pages.solicitations_page import SolicitationsPage

    return SolicitationsPage()


def _follow_ups() -> Page:
    from ambassadeur_app.gui.pages.follow_ups_page import FollowUpsPage

    return FollowUpsPage()


def _events() -> Page:
    from ambassadeur_app.gui.pages.events_page import EventsPage

    return EventsPage()


def _planning() -> Page:
    from ambassadeur_app.gui.pages.planning_page import PlanningPage

    return PlanningPage()


def _journal() -> Page:
    from ambassadeur_app.gui.pages.journal_page import JournalPage

    return JournalPage()


def _dashboard() -> Page:
    from ambassadeur_app.gui.pages.dashboard_page import DashboardPage

    return DashboardPage()


# The keys a page handles itself (the F1 list shows them under the page's title).
EVENT_KEYS = (
    ("Ctrl+N", "Nouvel événement"),
    ("Entrée", "Modifier l'événement sélectionné"),
    ("Suppr", "Supprimer l'événement (Ctrl+Z l'annule)"),
    ("Espace", "Cocher une présence (fenêtre Présences)"),
)
PLANNING_KEYS = (
    ("Ctrl+N", "Nouvelle action"),
    ("Entrée", "Modifier l'action sélectionnée"),
    ("Suppr", "Supprimer l'action (Ctrl+Z l'annule)"),
)
JOURNAL_KEYS = (
    ("Ctrl+N", "Nouvelle note"),
    ("Entrée", "Modifier la note sélectionnée"),
    ("Suppr", "Supprimer la note (Ctrl+Z l'annule)"),
    ("Ctrl+S", "Enregistrer le texte sur la pertinence"),
)
DASHBOARD_KEYS = (("Ctrl+N", "Nouveau relevé d'utilisateurs actifs"),)


@dataclass(frozen=True)
class PageSpec:
    name: str
    title: str  # the tab's text; & marks its Alt key
    factory: Callable[[], Page]
    keys: tuple[tuple[str, str], ...] = ()  # (keys, what) handled by the page's own widgets


# In tab order: Ctrl+1 shows the first.
CARNET, DASHBOARD = "carnet", "dashboard"
PAGES = (
    PageSpec(CARNET, "&Carnet d'heures", _carnet),
    PageSpec("professionals", "&Professionnels", _professionals),
    PageSpec("structures", "&Structures", _structures),
    PageSpec("solicitations", "S&ollicitations", _solicitations),
    PageSpec("follow_ups", "Re&lances", _follow_ups),
    PageSpec("events", "É&vénements", _events, EVENT_KEYS),
    PageSpec("planning", "Rétroplann&ing", _planning, PLANNING_KEYS),
    PageSpec("journal", "&Journal", _journal, JOURNAL_KEYS),
    PageSpec(DASHBOARD, "&Tableau de bord", _dashboard, DASHBOARD_KEYS),
)


def opening_page(service: CarnetService) -> str:
    """Return the page ``service``'s carnet opens on: the tableau de bord once it has data (time
    entries, events or readings of active users), the carnet page while it has none (a new
    carnet: its first entry). The entries are asked first: the events and the readings are read
    (and their modules imported) only for a carnet without entries."""
    carnet = service.carnet
    if carnet.entries.date_bounds() is not None:
        return DASHBOARD
    return DASHBOARD if service.events.event_ids() or service.indicators.readings() else CARNET


class PageTabs:
    """The tabs of the window: an empty tab per page until its first visit builds the page.

    ``wire(name, page)`` connects a page's signals when it is built; every built page gets
    the open carnet (``set_service``), and a page shown again is refreshed.
    """

    def __init__(
        self,
        tabs: QTabWidget,
        wire: Callable[[str, Page], None],
        specs: tuple[PageSpec, ...] = PAGES,
    ) -> None:
        self.tabs = tabs
        self.specs = specs
        self._wire = wire
        self._built: dict[str, Page] = {}
        self.service: CarnetService | None = None
        for spec in specs:
            tabs.addTab(QWidget(), spec.title)
        tabs.currentChanged.connect(self._shown)

    def is_built(self, name: str) -> bool:
        return name in self._built

    def built(self) -> list[Page]:
        return list(self._built.values())

    def get(self, name: str) -> Page:
        """Return the page ``name``, built now if it was not yet."""
        page = self._built.get(name)
        if page is not None:
            return page
        index = self._index(name)
        page = self.specs[index].factory()
        self._built[name] = page
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        try:
            placeholder = self.tabs.widget(index)
            self.tabs.removeTab(index)
            if placeholder is not None:
                placeholder.deleteLater()
            self.tabs.insertTab(index, cast(QWidget, page), self.specs[index].title)
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(False)
        self._wire(name, page)
        if self.service is not None:
            page.set_service(self.service)
        return page

    def show(self, name: str) -> Page:
        """Make ``name`` the current tab; return its page."""
        self.tabs.setCurrentIndex(self._index(name))  # built, or refreshed, by _shown
        return self.get(name)

    def current(self) -> Page:
        return self.get(self.current_name())

    def current_name(self) -> str:
        """Return the name of the page shown (it may not be built yet)."""
        return self.specs[self.tabs.currentIndex()].name

    def set_service(self, service: CarnetService) -> None:
        """Hand the carnet to the built pages (the others get it when built)."""
        self.service = service
        for page in self.built():
            page.set_service(service)

    def _index(self, name: str) -> int:
        return next(i for i, spec in enumerate(self.specs) if spec.name == name)

    def _shown(self, index: int) -> None:
        name = self.specs[index].name
        if self.is_built(name):
            if self.service is not None:
                self._built[name].refresh()
        else:
            self.get(name)

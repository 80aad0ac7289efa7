"""Every register tab on the register of one département after six months of work.

The register: 5 000 professionals (the RPPS extract of one département), 1 000 structures (its
FINESS extract), 20 000 contacts and 1 500 requests, the binôme's six months on the road.

Measured for each tab (Professionnels, Structures, Sollicitations, Relances):
- first show: the page gets the carnet (``set_service``), the tab is shown and painted;
- refresh: the page queries its list again and paints (what follows every change of the
  register, since a contact noted anywhere refreshes every tab).
Floor measured in the same run: one bare SELECT of the same rows (ids and the columns shown),
in the same order, on the same file.
Run: python benchmarks/register.py
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from common import FIRST, LAST, PROFESSIONS, TOWNS, built_once, report

from ambassadeur_app.demo import PROGRAMME
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.register import (
    Channel,
    Contact,
    Onboarding,
    ParceoStatus,
    Professional,
    RequestCategory,
    RequestStatus,
    Solicitation,
    Structure,
    StructureType,
)
from ambassadeur_app.domain.text import fold
from ambassadeur_app.gui.app import create_application, ui_settings
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.services import CarnetService, open_service

PROFESSIONALS = 5_000
STRUCTURES = 1_000
CONTACTS = 20_000
REQUESTS = 1_500
TODAY = PROGRAMME.start_date + timedelta(days=180)  # six months on the road
KINDS = [StructureType.PHARMACIE, StructureType.CABINET, StructureType.EHPAD, StructureType.MSP]


def big_register() -> str:
    """Return (building it once) the carnet of the département after six months."""

    def fill(service: CarnetService) -> None:
        ambassadors = [a.id for a in service.ambassadors()]
        rng = random.Random(7)
        carnet = service.carnet
        with carnet.write():
            structures = [
                carnet.structures.add(
                    Structure(
                        f"{kind.label} {rng.choice(LAST)} {number}",
                        kind,
                        finess=f"54{number:07d}",
                        commune=rng.choice(TOWNS),
                        onboarding=rng.choice(list(Onboarding)),
                    )
                )
                for number in range(STRUCTURES)
                for kind in [rng.choice(KINDS)]
            ]
            people = [
                carnet.professionals.add(
                    Professional(
                        last_name=f"{rng.choice(LAST)}{number}",
                        first_name=rng.choice(FIRST),
                        profession_code=rng.choice(PROFESSIONS),
                        commune=rng.choice(TOWNS),
                        email=f"contact{number}@example.org",
                        parceo_status=rng.choice(list(ParceoStatus)),
                        structure_ids=tuple(rng.sample(structures, rng.choice((0, 1, 1, 2)))),
                    )
                )
                for number in range(PROFESSIONALS)
            ]
            days = (TODAY - PROGRAMME.start_date).days
            active = people[: PROFESSIONALS * 3 // 5]  # most contacts go to the same people
            for _ in range(CONTACTS):
                day = PROGRAMME.start_date + timedelta(days=rng.randrange(days))
                due = day + timedelta(days=rng.randrange(3, 40)) if rng.random() < 0.15 else None
                carnet.contacts.add(
                    Contact(
                        day,
                        rng.choice(ambassadors),
                        rng.choice(list(Channel)),
                        rng.choice(list(Mission)),
                        "Présentation de Parceo",
                        professional_ids=tuple(rng.sample(active, rng.choice((1, 1, 1, 2)))),
                        structure_id=rng.choice(structures) if rng.random() < 0.3 else None,
                        next_step="Rappeler pour la création du compte" if due else "",
                        next_step_due=due,
                        next_step_done=bool(due and due < TODAY and rng.random() < 0.9),
                    )
                )
            for _ in range(REQUESTS):
                received = datetime.combine(
                    PROGRAMME.start_date + timedelta(days=rng.randrange(days)), datetime.min.time()
                ) + timedelta(hours=rng.randrange(8, 19))
                answered = rng.random() < 0.9
                carnet.solicitations.add(
                    Solicitation(
                        received,
                        rng.choice(list(Channel)),
                        rng.choice(list(RequestCategory)),
                        "Mot de passe oublié",
                        professional_id=rng.choice(people),
                        status=RequestStatus.ANSWERED if answered else RequestStatus.RECEIVED,
                        answered_at=received + timedelta(hours=rng.randrange(1, 60)) if answered else None,
                        answered_by=rng.choice(ambassadors) if answered else None,
                    )
                )

    return str(built_once(f"register-{PROFESSIONALS}-{STRUCTURES}-{CONTACTS}.ambassadeur", fill, TODAY))


def median(run: Callable[[], object], before: Callable[[], object] = lambda: None, repeat: int = 7) -> float:
    """Return the median time of ``run`` in seconds, ``before`` running untimed ahead of each."""
    times = []
    for _ in range(repeat):
        before()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# The bare queries: the rows each tab lists, ids and columns shown, in the tab's order.
BARE = {
    "Professionnels": (
        "SELECT p.id, p.last_name, p.first_name, p.profession_code, p.commune, p.parceo_status, "
        "(SELECT group_concat(s.name, ', ') FROM professional_structures ps JOIN structures s "
        "ON s.id = ps.structure_id WHERE ps.professional_id = p.id AND ps.deleted_at IS NULL) "
        "FROM professionals p WHERE p.deleted_at IS NULL AND p.anonymized_at IS NULL "
        "ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, p.id",
        [],
    ),
    "Structures": (
        "SELECT id, name, type, commune, finess, onboarding FROM structures WHERE deleted_at IS NULL "
        "ORDER BY name COLLATE NOCASE, id",
        [],
    ),
    "Sollicitations": (
        "SELECT r.id, r.received_at, r.status, r.category, r.description, p.last_name, p.first_name "
        "FROM solicitations r LEFT JOIN professionals p ON p.id = r.professional_id "
        "WHERE r.deleted_at IS NULL ORDER BY r.status IN ('repondue', 'close'), r.received_at DESC",
        [],
    ),
    "Relances": (
        # the next steps due within a week, then the people without news for 30 days
        "SELECT c.id, c.next_step_due, c.next_step, c.day, c.ambassador_id FROM contacts c NOT INDEXED "
        "WHERE c.deleted_at IS NULL AND c.next_step_done = 0 AND c.next_step_due <= ? "
        "ORDER BY c.next_step_due, c.day",
        [(TODAY + timedelta(days=7)).isoformat()],
    ),
    "Relances (sans nouvelles)": (
        # (written the fast way: one pass over the contacts, see ContactRepo.last_contacts)
        "SELECT p.id, p.last_name, p.first_name, p.profession_code, p.commune, l.day FROM "
        "(SELECT cp.professional_id AS id, MAX(c.day) AS day FROM contacts c NOT INDEXED "
        "CROSS JOIN contact_professionals cp ON cp.contact_id = c.id "
        "WHERE cp.deleted_at IS NULL AND c.deleted_at IS NULL GROUP BY cp.professional_id) l "
        "CROSS JOIN professionals p ON p.id = l.id "
        "WHERE l.day < ? AND p.deleted_at IS NULL AND p.anonymized_at IS NULL ORDER BY l.day",
        [(TODAY - timedelta(days=30)).isoformat()],
    ),
}


def main() -> None:
    path = big_register()
    conn = sqlite3.connect(path)
    conn.create_function("fold", 1, fold, deterministic=True)

    def bare(name: str) -> Callable[[], int]:
        sql, params = BARE[name]
        return lambda: len(conn.execute(sql, params).fetchall())

    floors = {name: median(bare(name), repeat=15) for name in BARE}
    floors["Relances"] += floors.pop("Relances (sans nouvelles)")  # the tab shows both lists
    create_application()
    service = open_service(path, today=lambda: TODAY)
    window = MainWindow(service, ui_settings())
    window.resize(1366, 768)
    window.show()
    from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog

    ui = window.ui
    pages = {
        "Professionnels": ui.professionals_page,
        "Structures": ui.structures_page,
        "Sollicitations": ui.solicitations_page,
        "Relances": ui.follow_ups_page,
    }
    print(
        f"Register: {PROFESSIONALS} professionals, {STRUCTURES} structures, {CONTACTS} contacts, "
        f"{REQUESTS} requests; today {TODAY:%d/%m/%Y}"
    )
    for name, page in pages.items():

        def paint(page: object = page) -> None:
            QApplication.processEvents()
            for view in page.findChildren(QAbstractItemView):  # type: ignore[attr-defined]
                view.viewport().repaint()

        def leave() -> None:
            ui.tabs.setCurrentWidget(ui.carnet_page)
            QApplication.processEvents()

        def first(page: object = page, paint: Callable[[], None] = paint) -> None:
            page.set_service(service)  # type: ignore[attr-defined]
            ui.tabs.setCurrentWidget(page)  # the window refreshes the tab it shows
            paint()

        def refresh(page: object = page, paint: Callable[[], None] = paint) -> None:
            page.refresh()  # type: ignore[attr-defined]
            paint()

        report(f"{name}: first show", median(first, leave), floors[name], "bare SELECT of the same rows")
        ui.tabs.setCurrentWidget(page)
        QApplication.processEvents()
        report(f"{name}: refresh", median(refresh), floors[name], "bare SELECT of the same rows")
    from ambassadeur_app.gui.dialogs.contact_dialog import ContactDialog
    from ambassadeur_app.gui.dialogs.professional_dialog import ProfessionalDialog

    def dialog(make: Callable[[], QDialog]) -> Callable[[], None]:
        def run() -> None:
            opened = make()
            opened.show()
            paint(opened)
            opened.reject()
            opened.deleteLater()

        return run

    def paint(widget: object) -> None:
        QApplication.processEvents()
        for view in widget.findChildren(QAbstractItemView):  # type: ignore[attr-defined]
            view.viewport().repaint()

    everybody = floors["Professionnels"]
    report(
        "Nouveau professionnel (structure checklist)",
        median(dialog(lambda: ProfessionalDialog(service, parent=window))),
        floors["Structures"],
        "bare SELECT of the structures",
    )
    report(
        "Noter un contact (people checklist)",
        median(dialog(lambda: ContactDialog(service, parent=window))),
        everybody,
        "bare SELECT of the professionals",
    )
    due, stale = service.register.follow_ups()
    print(f"Relances: {len(due)} next steps due, {len(stale)} people without news for 30 days")
    window.close()
    service.close()
    conn.close()


if __name__ == "__main__":
    main()

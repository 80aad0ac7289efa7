"""Every register tab, on the demo carnet and on the large one (the register of a département
after six months of work: 5 000 professionals, 1 000 structures, 20 000 contacts, 1 500 requests,
beside 100 000 time entries).

Measured for each tab (Professionnels, Structures, Sollicitations, Relances):
- first show: the page gets the carnet (``set_service``), the tab is shown and painted;
- refresh: the page queries its list again and paints (what follows every change of the
  register, since a contact noted anywhere refreshes every tab).
Floors, alternated with the app's runs, on the same file, through the same precomputed columns and
indexes (the folded name ``name_key``): for the lists that load their rows as they come into
view (Professionnels, Structures, Sollicitations), one bare SELECT of every id in the list's
order and one of the columns shown for a screen of rows; for Relances, its two lists whole; for
the two dialogs, their checklists whole.
Run: benchmarks/run register
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from common import PROFESSIONAL_IDS, PROFESSIONAL_ROWS, alternated, bare_list, carnets, report

from ambassadeur_app.gui.app import create_application, ui_settings
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.services import open_service


def floors(conn: sqlite3.Connection, today: date) -> dict[str, Callable[[], object]]:
    """Return the floor of each tab and dialog: its rows, ids and columns shown, in its order."""
    professionals = bare_list(conn, PROFESSIONAL_IDS.format(where=""), PROFESSIONAL_ROWS)
    structures = bare_list(
        conn,
        "SELECT id FROM structures WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id",
        "SELECT id, name, type, commune, finess, onboarding FROM structures WHERE id IN ({ids})",
    )
    requests = bare_list(
        conn,
        "SELECT id FROM solicitations WHERE deleted_at IS NULL "
        "ORDER BY status IN ('repondue', 'close'), received_at DESC",
        "SELECT r.id, r.received_at, r.status, r.category, r.description, p.last_name, p.first_name "
        "FROM solicitations r LEFT JOIN professionals p ON p.id = r.professional_id WHERE r.id IN ({ids})",
    )
    # The follow-ups list every row at once: the next steps due within a week, then the people
    # without news for 30 days (written the fast way: one pass over the contacts).
    due = (
        "SELECT c.id, c.next_step_due, c.next_step, c.day, c.ambassador_id FROM contacts c NOT INDEXED "
        "WHERE c.deleted_at IS NULL AND c.next_step_done = 0 AND c.next_step_due <= ? "
        "ORDER BY c.next_step_due, c.day"
    )
    stale = (
        "SELECT p.id, p.last_name, p.first_name, p.profession_code, p.commune, l.day FROM "
        "(SELECT cp.professional_id AS id, MAX(c.day) AS day FROM contacts c NOT INDEXED "
        "CROSS JOIN contact_professionals cp ON cp.contact_id = c.id "
        "WHERE cp.deleted_at IS NULL AND c.deleted_at IS NULL GROUP BY cp.professional_id) l "
        "CROSS JOIN professionals p ON p.id = l.id "
        "WHERE l.day < ? AND p.deleted_at IS NULL AND p.anonymized_at IS NULL ORDER BY l.day"
    )
    # The dialogs' checklists show every structure, every professional.
    everybody = (
        "SELECT p.id, p.last_name, p.first_name, p.profession_code, p.commune FROM professionals p "
        "WHERE p.deleted_at IS NULL AND p.anonymized_at IS NULL ORDER BY p.name_key, p.id"
    )
    every_structure = (
        "SELECT id, name, type, commune FROM structures WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE"
    )
    return {
        "Professionnels": lambda: professionals([]),
        "Structures": lambda: structures([]),
        "Sollicitations": lambda: requests([]),
        "Relances": lambda: (
            conn.execute(due, [(today + timedelta(days=7)).isoformat()]).fetchall(),
            conn.execute(stale, [(today - timedelta(days=30)).isoformat()]).fetchall(),
        ),
        "structures": lambda: conn.execute(every_structure).fetchall(),
        "people": lambda: conn.execute(everybody).fetchall(),
    }


def measure(carnet: str, path: Path, today: date) -> None:
    """Print the figures of every tab and of the two dialogs with long lists, on one carnet."""
    from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog

    conn = sqlite3.connect(path)
    floor = floors(conn, today)
    service = open_service(path, today=lambda: today)
    window = MainWindow(service, ui_settings())
    window.resize(1366, 768)
    window.show()
    ui = window.ui
    pages = {
        "Professionnels": window.pages.get("professionals"),
        "Structures": window.pages.get("structures"),
        "Sollicitations": window.pages.get("solicitations"),
        "Relances": window.pages.get("follow_ups"),
    }
    counts = [
        conn.execute(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL").fetchone()[0]
        for table in ("professionals", "structures", "contacts", "solicitations")
    ]
    print(
        f"{carnet} carnet: {counts[0]} professionals, {counts[1]} structures, {counts[2]} contacts, "
        f"{counts[3]} requests; today {today:%d/%m/%Y}"
    )

    def paint(widget: object) -> None:
        QApplication.processEvents()
        for view in widget.findChildren(QAbstractItemView):  # type: ignore[attr-defined]
            view.viewport().repaint()

    def leave() -> None:
        ui.tabs.setCurrentWidget(window.pages.get("carnet"))
        QApplication.processEvents()

    for name, page in pages.items():

        def first(page: object = page) -> None:
            page.set_service(service)  # type: ignore[attr-defined]
            ui.tabs.setCurrentWidget(page)  # the window refreshes the tab it shows
            paint(page)

        def refresh(page: object = page) -> None:
            page.refresh()  # type: ignore[attr-defined]
            paint(page)

        floor_name = "bare SELECTs of the same rows"
        report(f"{carnet}, {name}: first show", *alternated(first, floor[name], 7, before=leave), floor_name)
        ui.tabs.setCurrentWidget(page)
        QApplication.processEvents()
        report(f"{carnet}, {name}: refresh", *alternated(refresh, floor[name], 7), floor_name)
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

    structures = alternated(
        dialog(lambda: ProfessionalDialog(service, parent=window)), floor["structures"], 7
    )
    report(f"{carnet}, Nouveau professionnel (structures)", *structures, "bare SELECT of the structures")
    people = alternated(dialog(lambda: ContactDialog(service, parent=window)), floor["people"], 7)
    report(f"{carnet}, Noter un contact (people checklist)", *people, "bare SELECT of the professionals")
    due, stale = service.register.follow_ups()
    print(f"{carnet}, Relances: {len(due)} next steps due, {len(stale)} people without news for 30 days")
    window.close()
    service.close()
    conn.close()


def main() -> None:
    create_application()
    for carnet, (path, today) in carnets().items():
        measure(carnet, path, today)


if __name__ == "__main__":
    main()

"""Search as you type on a register of 50 000 professionals.

Measured: the professionals page once a word is typed (query, table model, count, detail panel)
and the service query alone. Floor measured in the same run: one bare SELECT of the ids and
names matching the word, in name order, on the same file.
Run: python benchmarks/search.py
"""

from __future__ import annotations

import random
import sqlite3

from common import FIRST, LAST, PROFESSIONS, TODAY, TOWNS, best, built_once, report

from ambassadeur_app.domain.register import Professional, RegisterFilter
from ambassadeur_app.domain.text import fold
from ambassadeur_app.gui.app import create_application, ui_settings
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.services import CarnetService, open_service

PROFESSIONALS = 50_000
WORDS = ["m", "ma", "mar", "mart", "marti", "martin"]  # typed one letter at a time


def big_register() -> str:
    def fill(service: CarnetService) -> None:
        rng = random.Random(3)
        with service.carnet.write():
            for number in range(PROFESSIONALS):
                service.carnet.professionals.add(
                    Professional(
                        last_name=f"{rng.choice(LAST)}{number}",
                        first_name=rng.choice(FIRST),
                        profession_code=rng.choice(PROFESSIONS),
                        commune=rng.choice(TOWNS),
                        email=f"contact{number}@example.org",
                    )
                )

    return str(built_once(f"register-{PROFESSIONALS}.ambassadeur", fill))


def main() -> None:
    path = big_register()
    conn = sqlite3.connect(path)
    conn.create_function("fold", 1, fold, deterministic=True)
    words = iter(WORDS * 100)

    def bare() -> None:
        conn.execute(
            "SELECT id, last_name, first_name FROM professionals WHERE deleted_at IS NULL AND "
            "instr(fold(last_name || ' ' || first_name), ?) > 0 "
            "ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE",
            [next(words)],
        ).fetchall()

    floor = best(bare, 12)
    create_application()
    service = open_service(path, today=lambda: TODAY)
    window = MainWindow(service, ui_settings())
    window.show()
    page = window.ui.professionals_page
    window.ui.tabs.setCurrentWidget(page)

    def query() -> None:
        service.register.professional_ids(RegisterFilter(text=next(words)))

    def typed() -> None:
        page.ui.search_edit.setText(next(words))
        page.refresh()  # what the search timer runs once typing pauses

    report("query 50 000 professionals by name", best(query, 12), floor, "bare SELECT with fold()")
    report("page after one more letter typed", best(typed, 12), floor, "bare SELECT with fold()")
    print(f"rows for « mar »: {len(service.register.professional_ids(RegisterFilter(text='mar')))}")
    window.close()
    service.close()
    conn.close()


if __name__ == "__main__":
    main()

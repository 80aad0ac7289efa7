"""Search as you type in the professionals of the register, on the demo carnet and on the large
one (5 000 professionals, 20 000 contacts, 100 000 time entries).

Measured: the service query alone (the ids of the professionals whose folded text holds the
word, in name order), and the professionals page once a word is typed (query, table model,
count, detail panel). Floors, alternated with each in the same run, on the same file, through
the same precomputed columns (the folded ``search`` text, the folded ``name_key`` order): for
the query, one bare SELECT of the matching ids; for the page, that SELECT and the columns the
page shows for the rows of one screen (the list loads its rows as they come into view).
Run: benchmarks/run search
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from common import PROFESSIONAL_IDS, PROFESSIONAL_ROWS, alternated, bare_list, carnets, report

from ambassadeur_app.domain.register import RegisterFilter
from ambassadeur_app.gui.app import create_application, ui_settings
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.services import open_service

WORDS = ["m", "ma", "mar", "mart", "marti", "martin"]  # typed one letter at a time
IDS = PROFESSIONAL_IDS.format(where="AND instr(p.search, ?) > 0")


def typed() -> Iterator[str]:
    """Return the words typed, one letter more each time, over and over."""
    return iter(WORDS * 100)


def measure(carnet: str, path: Path, today: date) -> None:
    conn = sqlite3.connect(path)
    words = typed()

    def bare(screen: bool) -> Callable[[], object]:
        words, listed = typed(), bare_list(conn, IDS, PROFESSIONAL_ROWS)
        if screen:
            return lambda: listed([next(words)])
        return lambda: conn.execute(IDS, [next(words)]).fetchall()

    service = open_service(path, today=lambda: today)
    window = MainWindow(service, ui_settings())
    window.show()
    page = window.pages.get("professionals")
    page.set_service(service)
    window.ui.tabs.setCurrentWidget(page)
    assert page.model is not None, "the page would not query: nothing measured"

    def query() -> None:
        service.register.professional_ids(RegisterFilter(text=next(words)))

    def page_typed() -> None:
        page.ui.search_edit.setText(next(words))
        page.refresh()  # what the search timer runs once typing pauses

    people = conn.execute("SELECT count(*) FROM professionals WHERE deleted_at IS NULL").fetchone()[0]
    report(
        f"{carnet} ({people}), query by name", *alternated(query, bare(False), 12), "bare SELECT of the ids"
    )
    words = typed()
    floor = alternated(page_typed, bare(True), 12)
    report(f"{carnet} ({people}), page after a letter", *floor, "same + a screen of rows")
    found = len(service.register.professional_ids(RegisterFilter(text="mar")))
    assert found == len(conn.execute(IDS, ["mar"]).fetchall()), "the floor finds other rows"
    print(f"{carnet}: {found} professionals for « mar »")
    window.close()
    service.close()
    conn.close()


def main() -> None:
    create_application()
    for carnet, (path, today) in carnets().items():
        measure(carnet, path, today)


if __name__ == "__main__":
    main()

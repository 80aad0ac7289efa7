"""The carnet's table flags the hours beyond the cap line by line, as the timesheet does."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.gui.models.entry_table import DESCRIPTION, DURATION, OVER_CAP_ROLE
from ambassadeur_app.services import CarnetService
from tests.conftest import log_entry as log
from tests.conftest import plain

SEPT = Month(2024, 9)


def test_the_line_that_reaches_the_cap_shows_its_split(window: MainWindow, service: CarnetService) -> None:
    for day in range(2, 22):
        log(service, date(2024, 9, day), 90 if day == 2 else 120)  # 39 h 30
    log(service, date(2024, 9, 23), 120, description="Atelier du soir")  # 30 min fit
    log(service, date(2024, 9, 24), 45, who="Paul Martin")
    page = window.page
    page.show_month(SEPT)
    model = page.model
    assert model is not None
    rows = range(model.rowCount())
    shown = [
        plain(model.index(r, DURATION).data()) + " " + plain(model.index(r, DESCRIPTION).data()) for r in rows
    ]
    assert any(s.startswith("2 h [dont 1 h 30 au-delà du plafond]") for s in shown)
    assert any(s.startswith("0 h 45 [au-delà du plafond]") for s in shown)
    assert [s.strip() for s in shown].count("2 h") == 19
    flagged = sum(model.index(r, 0).data(OVER_CAP_ROLE) for r in rows)
    assert flagged == service.month_summary(SEPT).claim.over_cap_minutes == 135
    split = next(r for r in rows if "dont" in shown[r])
    assert model.index(split, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "Dont 1 h 30 au-delà du plafond mensuel" in plain(
        model.index(split, 0).data(Qt.ItemDataRole.ToolTipRole)
    )
    # Editing the duration starts from the bare duration, not from the remark.
    assert plain(model.index(split, DURATION).data(Qt.ItemDataRole.EditRole)) == "2 h"
    # The same split with one ambassador shown: the cap is the binôme's.
    combo = page.ui.filter_ambassador_combo
    combo.setCurrentIndex(combo.findText("Paul Martin"))
    assert [plain(model.index(r, DESCRIPTION).data()) for r in range(model.rowCount())] == [
        "[au-delà du plafond] "
    ]

"""The relevé reconciles line by line: the parts flagged beyond the cap add up to the summary.

Every month of the demo carnet, in the domain figures, the PDF's text and the xlsx's cells.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import openpyxl
import pytest
from pycel import ExcelCompiler
from pypdf import PdfReader

from ambassadeur_app.demo import REFERENCE_DAY, build_demo
from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.durations import format_duration
from ambassadeur_app.domain.formatting import format_hours
from ambassadeur_app.domain.model import Mission, Programme, TimeEntry
from ambassadeur_app.domain.rules import month_claim, over_cap_split
from ambassadeur_app.services import CarnetService, open_service
from tests.conftest import plain

DURATION = r"(\d+ h(?: \d\d(?![/\d]))?)"  # "41 h 15", "3 h"; never the day of the next date
FLAGGED = re.compile(rf"\[(?:dont {DURATION} )?au-delà du plafond mensuel\] {DURATION} {DURATION}")


def minutes(text: str) -> int:
    hours, _, rest = text.partition(" h")
    return int(hours) * 60 + int(rest or 0)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CarnetService]:
    path = tmp_path_factory.mktemp("demo") / "demo.ambassadeur"
    service = open_service(path, create=True, today=lambda: REFERENCE_DAY)  # the months
    build_demo(service)
    yield service
    service.close()


def over_cap_months(service: CarnetService) -> list[Month]:
    months = [m for m in service.programme().period_months if service.month_summary(m).claim.over_cap_minutes]
    assert months, "the demo carnet goes beyond the cap at least once"
    return months


def test_the_domain_split_adds_up_to_the_claim_in_every_demo_month(demo: CarnetService) -> None:
    for month in demo.programme().period_months:
        sheet = demo.timesheet(month)
        claim = demo.month_summary(month).claim
        assert sum(row.over_cap_minutes for row in sheet.rows) == claim.over_cap_minutes, month
        assert all(0 <= row.over_cap_minutes <= row.minutes for row in sheet.rows)
        assert all(row.counted for row in sheet.rows if row.over_cap_minutes)
        flagged = [row for row in sheet.rows if row.over_cap_minutes]
        # Every line after the first flagged one is wholly beyond the cap (or not counted).
        if flagged:
            after = sheet.rows[sheet.rows.index(flagged[0]) + 1 :]
            assert all(row.over_cap_minutes == row.minutes for row in after if row.counted)
        # One ambassador's sheet shows their share of the binôme's split.
        shares = 0
        for ambassador in demo.ambassadors():
            shares += demo.timesheet(month, ambassador.id).over_cap_minutes
        assert shares == claim.over_cap_minutes


def test_the_first_flagged_line_is_on_the_day_the_cap_is_reached(demo: CarnetService) -> None:
    """The issue's case: November 2025 reached the cap on 26/11, whose lines were not flagged."""
    for month in over_cap_months(demo):
        sheet = demo.timesheet(month)
        flagged = [row for row in sheet.rows if row.over_cap_minutes]
        assert flagged[0].day == sheet.binome.cap_reached_on, month


def test_the_pdf_lines_add_up_to_its_summary(demo: CarnetService, tmp_path: Path) -> None:
    for month in over_cap_months(demo):
        out = demo.export_timesheet(month, "pdf", tmp_path / f"{month}.pdf")
        text = " ".join(plain(" ".join(p.extract_text() for p in PdfReader(out).pages)).split())
        lines = FLAGGED.findall(text)
        claim = demo.month_summary(month).claim
        assert lines, month
        for part, duration, beyond in lines:
            assert minutes(beyond) == (minutes(part) if part else minutes(duration))
        assert sum(minutes(beyond) for _, _, beyond in lines) == claim.over_cap_minutes
        shown = plain(format_hours(claim.over_cap_minutes))
        assert f"Heures au-delà du plafond (non financées) {shown}" in text
        assert re.search(rf"Total du mois {DURATION} {shown}", text)


def test_the_xlsx_column_adds_up_to_its_summary_cell(demo: CarnetService, tmp_path: Path) -> None:
    for month in over_cap_months(demo):
        out = demo.export_timesheet(month, "xlsx", tmp_path / f"{month}.xlsx")
        sheet = openpyxl.load_workbook(out)["Relevé"]
        header = next(r for r in range(1, 20) if sheet.cell(r, 1).value == "Date")
        assert sheet.cell(header, 8).value == "Au-delà du plafond (h)"
        beyond = [
            sheet.cell(r, 8).value
            for r in range(header + 1, sheet.max_row + 1)
            if isinstance(sheet.cell(r, 1).value, date) and sheet.cell(r, 8).value
        ]
        claim = demo.month_summary(month).claim
        assert round(sum(beyond) * 60) == claim.over_cap_minutes
        label = "Heures au-delà du plafond (non financées)"
        row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 6).value == label)
        cell = sheet.cell(row, 7)
        assert cell.data_type == "f"
        assert cell.value.startswith("=SUM($H$")
        value = ExcelCompiler(filename=str(out)).evaluate(f"Relevé!{cell.coordinate}")
        assert value == pytest.approx(claim.over_cap_minutes / 60)


def test_the_line_that_reaches_the_cap_is_split() -> None:
    """A 2 h line that crosses a 1 h 30 cap with 30 min left shows 1 h 30 beyond it; later lines, all."""
    programme = Programme("CPTS", "54", "Meurthe-et-Moselle", date(2024, 9, 1), monthly_cap_cents=7500)
    month = Month(2024, 9)

    def entry(day: int, spent: int, start: time | None = None, who: str = "a") -> TimeEntry:
        return TimeEntry(
            date(2024, 9, day), who, Mission.PROMOTION, "Appel", spent, start, id=f"{day}{start}"
        )

    entries = [
        entry(3, 60),
        entry(2, 60, time(14), "b"),  # earlier day: fills the cap first
        entry(3, 120, time(9)),  # a start time puts it before the other line of the 3rd
        TimeEntry(date(2024, 9, 4), "a", Mission.AUTRE, "Trajet", 45, id="autre"),
    ]
    split = over_cap_split(entries, programme, month, date(2024, 12, 1))
    assert split == [60, 0, 90, 0]
    claim = month_claim(60 + 60 + 120, programme, month)
    assert sum(split) == claim.over_cap_minutes == 150


def test_durations_read_alike() -> None:
    assert [plain(format_hours(m)) for m in (0, 30, 60, 90, 1800, 2475, 72_000)] == [
        "0 h",
        "0 h 30",
        "1 h",
        "1 h 30",
        "30 h",
        "41 h 15",
        "1 200 h",
    ]
    assert plain(format_duration(0)) == "0 h"  # never "0 min" where nothing was logged

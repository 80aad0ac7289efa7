"""Values read back from the documents: every formula of every workbook the app writes carries
its result (what pycel computes, and the PDF's figure), the period's cap lowers the funded hours
of the month it bites in (and every document says so), a full disk leaves no noise and no file,
and « dépenses » agree in number."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pycel import ExcelCompiler
from pypdf import PdfReader

from ambassadeur_app.demo import REFERENCE_DAY
from ambassadeur_app.domain.bilan import Bilan, ExpenseLine
from ambassadeur_app.domain.formatting import format_euros, format_hours
from ambassadeur_app.domain.model import Ambassador, Mission, Role
from ambassadeur_app.domain.rules import (
    amount_cents,
    month_claim,
    period_claims,
    period_left,
    programme_progress,
)
from ambassadeur_app.reports.bilan import BilanReport, build_report
from ambassadeur_app.reports.bilan import export as export_bilan
from ambassadeur_app.reports.budget import write_budget
from ambassadeur_app.reports.region import write_xlsx as write_region
from ambassadeur_app.reports.timesheet import build_timesheet
from ambassadeur_app.reports.timesheet import write_pdf as write_timesheet_pdf
from ambassadeur_app.reports.timesheet import write_xlsx as write_timesheet_xlsx
from ambassadeur_app.reports.xlsx import EURO_FORMAT, HOURS_FORMAT
from ambassadeur_app.services import CarnetService, open_service
from ambassadeur_app.services.region import consolidate
from tests.conftest import PROGRAMME, plain
from tests.unit.test_region import make_carnet


def pdf_text(path: Path) -> str:
    return " ".join(plain("\n".join(page.extract_text() for page in PdfReader(path).pages)).split())


def formula_values(path: Path) -> list[tuple[str, str, str, Any, Any]]:
    """Return each formula cell of the workbook: its sheet, coordinate, number format, cached
    value (what a reader that does not compute sees) and the value pycel computes."""
    formulas = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    compiler = ExcelCompiler(filename=str(path))
    found = []
    for sheet in formulas.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    computed = compiler.evaluate(f"'{sheet.title}'!{cell.coordinate}")
                    value = cached[sheet.title][cell.coordinate].value
                    found.append((sheet.title, cell.coordinate, cell.number_format, value, computed))
    return found


def check_workbook(path: Path) -> int:
    """Assert that every formula of ``path`` has a cached value equal (to the cent) to pycel's;
    return how many formulas there are."""
    found = formula_values(path)
    for sheet, coordinate, _, value, computed in found:
        assert value is not None, f"{path.name} {sheet}!{coordinate}: no value"
        assert value == pytest.approx(computed or 0, abs=0.005), f"{path.name} {sheet}!{coordinate}"
    return len(found)


# --- 1. every formula has its value -------------------------------------------------------------


@pytest.fixture
def demo(demo_path: Path) -> Any:
    with open_service(demo_path, readonly=True, today=lambda: REFERENCE_DAY) as service:
        yield service


def test_every_workbook_s_formulas_carry_their_values(demo: CarnetService, tmp_path: Path) -> None:
    """Every workbook of the justification pack (bilan, relevés, tables, indicators, events…),
    the budget and the regional view: each formula holds the value pycel computes."""
    pack = demo.pack.write(tmp_path / "pack")
    assert pack is not None
    books = sorted(pack.folder.rglob("*.xlsx"))
    books.append(write_budget(demo.programme(), "xlsx", tmp_path / "budget.xlsx"))
    other = make_carnet(tmp_path, "CPTS des Vosges", "88", "Vosges")
    books.append(write_region(consolidate([other], today=lambda: REFERENCE_DAY), tmp_path / "region.xlsx"))
    counted = {path.name: check_workbook(path) for path in books}
    assert any(name.startswith("releve-heures") and n for name, n in counted.items())
    assert counted["budget.xlsx"] == 4  # two forfaits, their total, the balance
    assert counted["region.xlsx"] > 0
    assert sum(counted.values()) > 100


def test_the_bilan_s_formulas_give_the_pdf_s_figures(demo: CarnetService, tmp_path: Path) -> None:
    """Every amount of the annex and of the recettes (column C), read without computing, is the
    figure the PDF prints; the qualitative sheet's totals have their values too."""
    xlsx = export_bilan(demo, "xlsx", tmp_path / "b.xlsx")
    text = pdf_text(export_bilan(demo, "pdf", tmp_path / "b.pdf"))
    found = formula_values(xlsx)
    assert check_workbook(xlsx) == len(found)
    euros = [v for _, _, f, v, _ in found if f == EURO_FORMAT]
    hours = [v for _, _, f, v, _ in found if f == HOURS_FORMAT]
    assert len(euros) + len(hours) == len(found)
    for value in euros:
        assert plain(format_euros(round(value * 100))) in text
    for value in hours:
        assert plain(format_hours(round(value * 60))) in text
    bilan = build_report(demo).bilan
    assert bilan.total_cents / 100 in euros
    assert [s for s, _, f, _, _ in found if f == HOURS_FORMAT].count("Bilan qualitatif") >= 2


# --- 2. the period's cap lowers the funded hours --------------------------------------------------


def check_claims(fundable: dict[Any, int], programme: Any) -> None:
    """The claims of the period: each month's funded minutes are what its amount pays (less
    than a minute's pay apart), the months add up, and never pass the period's cap."""
    claims = period_claims(fundable, programme)
    rate = programme.hourly_rate_cents
    for month, claim in claims.items():
        assert (
            claim.funded_minutes + claim.over_cap_minutes == claim.fundable_minutes == fundable.get(month, 0)
        )
        paid = amount_cents(claim.funded_minutes, programme)
        assert paid <= claim.claimed_cents
        assert claim.claimed_cents - paid < rate / 60 + 1  # less than one more minute
        assert claim.claimed_cents == min(claim.amount_cents, claim.cap_cents)
        left = period_left(fundable, programme, month)
        assert claim == month_claim(claim.fundable_minutes, programme, month, left)
        assert claim.cap_cents == min(programme.month_cap_cents(month), left)
    total = sum(c.claimed_cents for c in claims.values())
    alone = sum(month_claim(fundable.get(m, 0), programme, m).claimed_cents for m in programme.period_months)
    assert total == min(alone, programme.hourly_total_cap_cents)
    assert programme_progress(dict(fundable), programme, date(2040, 1, 1)).claimed_cents == total


@settings(max_examples=200, deadline=None)
@given(
    rate=st.integers(1, 20_000),
    cap=st.integers(1, 1_000_000),
    start=st.dates(date(2024, 1, 1), date(2030, 12, 31)),
    months=st.integers(1, 12),
    minutes=st.lists(st.integers(0, 20_000), min_size=13, max_size=13),
)
def test_the_period_cap_funds_only_what_its_amount_pays(
    rate: int, cap: int, start: date, months: int, minutes: list[int]
) -> None:
    programme = replace(
        PROGRAMME, hourly_rate_cents=rate, monthly_cap_cents=cap, start_date=start, months=months
    )
    check_claims(dict(zip(programme.period_months, minutes, strict=False)), programme)


def reported_carnet(path: Path) -> CarnetService:
    """The reported carnet: 33,33 €/h, 1 999,99 € a month, from 15 May 2026; 70 h a month, so
    the period's cap (6 × 1 999,99 €) is reached in November."""
    today = date(2027, 1, 15)
    service = open_service(path, create=True, today=lambda: today)
    service.setup(
        replace(PROGRAMME, hourly_rate_cents=3333, monthly_cap_cents=199_999, start_date=date(2026, 5, 15)),
        [Ambassador("", "Marie Durand", Role.MEDICAL, "Médecin généraliste", "marie@example.org")],
    )
    who = service.find_ambassador("Marie Durand").id
    programme = service.programme()
    from ambassadeur_app.domain.model import TimeEntry

    for month in programme.period_months:
        first = max(month.first_day, programme.start_date)
        for day in range(7):
            mission = (Mission.PROMOTION, Mission.FORMATION, Mission.ACCOMPAGNEMENT)[day % 3]
            service.add_entry(TimeEntry(first + timedelta(days=day), who, mission, "Visite", 600))
    return service


def test_the_reported_carnet_s_documents_agree(tmp_path: Path) -> None:
    service = reported_carnet(tmp_path / "c.ambassadeur")
    try:
        report: BilanReport = build_report(service)
        bilan: Bilan = report.bilan
        programme = bilan.programme
        november = bilan.months[-1]
        assert november.month.month == 11
        rate = programme.hourly_rate_cents
        assert bilan.hourly_cents == programme.hourly_total_cap_cents == 1_199_994
        # November: the cap is what the months before left; its funded hours are what that pays.
        assert november.claim.cap_cents < programme.month_cap_cents(november.month)
        assert november.claim.funded_minutes == november.claimed_cents * 60 // rate
        assert amount_cents(bilan.funded_minutes, programme) <= bilan.hourly_cents
        assert (
            bilan.hourly_cents - amount_cents(bilan.funded_minutes, programme) < len(bilan.months) * rate / 60
        )
        for m in bilan.months:
            assert sum(m.funded_by_mission.values()) == m.claim.funded_minutes
            assert sum(m.cents_by_mission.values()) == m.claimed_cents
        # The relevé of each month, given what the months before left, says the same.
        fundable = {m.month: m.claim.fundable_minutes for m in bilan.months}
        people = service.ambassadors()
        for m in bilan.months:
            entries = service.carnet.entries.in_range(m.month.first_day, m.month.last_day)
            sheet = build_timesheet(
                programme,
                m.month,
                entries,
                people,
                [],
                service.today(),
                left_cents=period_left(fundable, programme, m.month),
            )
            assert sheet.binome.claim == m.claim
            assert sheet.over_cap_minutes == m.claim.over_cap_minutes
            # The app's own relevé, the carnet page's summary and the cap day's split agree.
            assert service.timesheet(m.month).binome.claim == m.claim
            summary = service.month_summary(m.month)
            assert summary.claim == m.claim
            assert sum(service.cap_day_split(summary).values()) <= m.claim.over_cap_minutes
        # November's relevé (the last ``sheet``): its cap is what the period left, in both formats.
        check_workbook(write_timesheet_xlsx(sheet, tmp_path / "r.xlsx"))
        text = pdf_text(write_timesheet_pdf(sheet, tmp_path / "r.pdf"))
        cap = plain(format_euros(november.claim.cap_cents))
        assert f"Plafond mensuel (reste du plafond de la période) {cap}" in text
        assert plain(format_hours(november.claim.over_cap_minutes)) in text
        # The dashboard's progress.
        assert service.progress().claimed_cents == bilan.hourly_cents
        # Both documents print November's funded hours and the total.
        xlsx = export_bilan(service, "xlsx", tmp_path / "b.xlsx")
        text = pdf_text(export_bilan(service, "pdf", tmp_path / "b.pdf"))
        assert plain(bilan.hours_text) in text
        assert plain(format_hours(november.claim.funded_minutes)) in text
        assert "Plafond du forfait horaire sur la période" in text
        check_workbook(xlsx)
        rows = list(
            openpyxl.load_workbook(xlsx, data_only=True)["Bilan financier"].iter_rows(values_only=True)
        )
        row = next(r for r in rows if r[0] == november.month.title() and isinstance(r[4], float))
        assert row[4] == pytest.approx(november.claim.funded_minutes / 60)
        assert row[6] == pytest.approx(november.claimed_cents / 100)
    finally:
        service.close()


# --- 3. a full disk -------------------------------------------------------------------------------


def test_a_full_disk_leaves_no_file_and_no_noise(tmp_path: Path) -> None:
    """A workbook whose zip cannot be written: the French error, nothing left, and no
    « Exception ignored » from an archive closed late (in a child, so stderr is its own)."""
    folder = tmp_path / "out"
    folder.mkdir()
    script = f"""
import errno, gc, io, zipfile
from pathlib import Path
from ambassadeur_app.errors import ExportError
from ambassadeur_app.reports import xlsx as xlsxkit

class Full(io.FileIO):
    written = 0
    def write(self, data):
        self.written += len(data)
        if self.written > 2000:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(data)

real = zipfile.ZipFile.__init__
def opened(self, file, mode="r", *args, **kwargs):
    if mode == "w" and isinstance(file, (str, Path)):
        file = Full(file, "w")
    real(self, file, mode, *args, **kwargs)
zipfile.ZipFile.__init__ = opened

out = Path({str(folder / "b.xlsx")!r})
try:
    with xlsxkit.workbook_to(out) as workbook:
        sheet = xlsxkit.SheetWriter(workbook, "Feuille")
        for index in range(3000):
            sheet.append([f"ligne {{index}} " * 5, sheet.formula("1+1", "0", value=2)])
except ExportError as exc:
    print(exc)
gc.collect()
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert "le disque est plein" in done.stdout
    assert "Exception ignored" not in done.stderr, done.stderr
    assert done.stderr == ""
    assert list(folder.iterdir()) == []


def test_a_full_tmpfs_leaves_no_file_and_no_noise(tmp_path: Path, demo_path: Path) -> None:
    """The reported case, on a real full disk when mounting one is permitted."""
    mount = tmp_path / "small"
    mount.mkdir()
    if (
        os.geteuid() != 0
        or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True
        ).returncode
    ):
        pytest.skip("mounting a small tmpfs is not permitted")
    try:
        (mount / "fill").write_bytes(b"\0" * 56 * 1024)
        done = subprocess.run(
            [sys.executable, "-m", "ambassadeur_app", "--carnet", str(demo_path), "export", "bilan",
             "--format", "xlsx", "--sortie", str(mount / "b.xlsx")],
            capture_output=True,
            text=True,
            env={**os.environ},
        )  # fmt: skip
        assert done.returncode != 0
        assert "le disque est plein" in done.stderr
        assert "Exception ignored" not in done.stderr, done.stderr
        assert sorted(p.name for p in mount.iterdir()) == ["fill"]
    finally:
        subprocess.run(["umount", str(mount)], check=True)


# --- 4. agreement in number -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "expected"),
    [(1, "1 dépense sans sa pièce justificative."), (3, "3 dépenses sans leur pièce justificative.")],
)
def test_missing_documents_agree_in_number(demo: CarnetService, count: int, expected: str) -> None:
    report = build_report(demo)
    missing: ExpenseLine = replace(report.bilan.expenses[0], missing="facture")
    bilan = replace(report.bilan, expenses=[missing] * count)
    warnings = replace(report, bilan=bilan).warnings
    assert expected in [plain(w) for w in warnings]

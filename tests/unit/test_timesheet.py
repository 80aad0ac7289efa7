from __future__ import annotations

import errno
import gc
import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from pycel import ExcelCompiler
from pypdf import PdfReader

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.errors import ExportError
from ambassadeur_app.services import CarnetService
from tests.conftest import ambassador_id, plain
from tests.conftest import log_entry as log

SEPT = Month(2024, 9)


@pytest.fixture
def busy_september(service: CarnetService) -> CarnetService:
    """47 h 57 of funded work (7 h 57 above the cap), 2 h unfunded, odd minutes for rounding."""
    for day in range(2, 22):
        log(service, date(2024, 9, day), 120, Mission.PROMOTION if day % 2 else Mission.FORMATION)
    log(service, date(2024, 9, 23), 407, Mission.ACCOMPAGNEMENT, "Paul Martin")
    log(service, date(2024, 9, 24), 10, Mission.ACCOMPAGNEMENT, "Paul Martin")
    log(service, date(2024, 9, 25), 120, Mission.AUTRE, activity="Administratif")
    log(service, date(2024, 9, 26), 60, description='=HYPERLINK("http://evil")')
    return service


def totals_by_label(path: Path) -> dict[str, object]:
    """Evaluate every formula of the sheet (as Excel would) and return them by label."""
    compiler = ExcelCompiler(filename=str(path))
    sheet = openpyxl.load_workbook(path)["Relevé"]
    values: dict[str, object] = {}
    for row in sheet.iter_rows(min_col=6, max_col=7):
        label, cell = row
        if isinstance(label.value, str) and cell.value is not None:
            values[label.value] = (
                compiler.evaluate(f"Relevé!{cell.coordinate}")
                if isinstance(cell.value, str) and cell.value.startswith("=") and cell.data_type == "f"
                else cell.value
            )
    return values


def test_xlsx_totals_are_formulas_equal_to_the_app(busy_september: CarnetService, tmp_path: Path) -> None:
    service = busy_september
    out = service.export_timesheet(SEPT, "xlsx", tmp_path / "releve.xlsx")
    summary = service.month_summary(SEPT)
    claim = summary.claim
    totals = totals_by_label(out)
    assert totals["Total des heures"] == pytest.approx(summary.total_minutes / 60)
    assert totals["Heures comptées (missions financées, dans la période)"] == pytest.approx(
        claim.fundable_minutes / 60
    )
    assert totals["Montant des heures comptées (heures × forfait)"] == claim.amount_cents / 100
    assert totals["Montant demandé"] == claim.claimed_cents / 100 == 2000
    assert totals["Heures au-delà du plafond (non financées)"] == pytest.approx(claim.over_cap_minutes / 60)
    assert claim.over_cap_minutes == 477
    assert claim.amount_cents == 239_750
    assert totals["Promotion"] == pytest.approx(summary.by_mission[Mission.PROMOTION] / 60)
    assert totals["Autre (non financé)"] == pytest.approx(2)
    assert totals["Paul Martin"] == pytest.approx(417 / 60)
    sheet = openpyxl.load_workbook(out)["Relevé"]
    formulas = [
        c.value
        for row in sheet.iter_rows(min_col=7, max_col=7)
        for c in row
        if isinstance(c.value, str) and c.value.startswith("=")
    ]
    assert any(f.startswith("=SUM(") for f in formulas)
    assert any(f.startswith("=MIN(") for f in formulas)


def test_xlsx_uses_real_types_print_setup_and_keeps_user_text_as_text(
    busy_september: CarnetService, tmp_path: Path
) -> None:
    out = busy_september.export_timesheet(SEPT, "xlsx", tmp_path / "releve.xlsx")
    sheet = openpyxl.load_workbook(out)["Relevé"]
    header_row = next(r for r in range(1, 20) if sheet.cell(r, 1).value == "Date")
    first = sheet.cell(header_row + 1, 1)
    assert first.value.date() == date(2024, 9, 2)
    assert first.number_format == "DD/MM/YYYY"
    assert sheet.cell(header_row + 1, 7).value == 2.0
    assert sheet.freeze_panes == f"A{header_row + 1}"
    assert sheet.print_title_rows == f"${header_row}:${header_row}"
    assert sheet.page_setup.paperSize == 9  # A4
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    evil = next(
        c
        for row in sheet.iter_rows(min_col=6, max_col=6)
        for c in row
        if isinstance(c.value, str) and "HYPERLINK" in c.value
    )
    assert evil.data_type == "s"
    assert evil.value == '=HYPERLINK("http://evil")'
    texts = [c.value for row in sheet.iter_rows(max_col=3, max_row=8) for c in row if c.value]
    assert "CPTS Test du Lunévillois" in texts
    assert any("Mois non clôturé" in str(t) for t in texts)
    signatures = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Pour la CPTS Test du Lunévillois" in signatures
    assert "Ambassadeur (médical)" in signatures
    assert "Nous certifions l'exactitude des heures déclarées ci-dessus." in signatures
    assert any(s.startswith("DOCUMENT PROVISOIRE — le mois n'est pas clôturé") for s in signatures)
    assert any(s.startswith("Fait à") for s in signatures)
    # Three framed boxes (two ambassadors, the CPTS), each with room to sign.
    tall = [r for r, dim in sheet.row_dimensions.items() if dim.height and dim.height >= 60]
    assert len(tall) == 3
    assert all(sheet.cell(r, 1).border.left.style == "thin" for r in tall)
    # Every font is named (LibreOffice falls back to a serif font otherwise).
    fonts = {c.font.name for row in sheet.iter_rows() for c in row if c.value is not None}
    assert fonts == {"Calibri"}
    assert sheet.cell(header_row, 1).font.b
    # The rows and the totals are drawn as tables.
    assert sheet.cell(header_row + 1, 6).border.bottom.style == "thin"
    total = next(r for r in range(1, sheet.max_row) if sheet.cell(r, 1).value == "Total du mois")
    assert sheet.cell(total, 7).value.startswith("=SUM(")
    assert sheet.cell(total, 8).border.top.style == "thin"
    assert sheet.page_margins.left == 0.4


def pdf_text(path: Path) -> str:
    """Return the PDF's text with every run of whitespace (cell and line breaks) as one space."""
    reader = PdfReader(path)
    return " ".join(plain("\n".join(page.extract_text() for page in reader.pages)).split())


def test_pdf_has_header_rows_totals_signatures_and_page_numbers(
    busy_september: CarnetService, tmp_path: Path
) -> None:
    out = busy_september.export_timesheet(SEPT, "pdf", tmp_path / "releve.pdf")
    assert out.read_bytes().startswith(b"%PDF")
    reader = PdfReader(out)
    pages = len(reader.pages)
    text = pdf_text(out)
    assert "Relevé d'heures — Septembre 2024" in text
    assert "CPTS Test du Lunévillois — 54 — Meurthe-et-Moselle" in text
    assert "du 01/09/2024 au 28/02/2025 (6 mois)" in text
    assert "Marie Durand (médical), Paul Martin (administratif)" in text
    assert "02/09/2024" in text
    assert "Montant demandé 2 000,00 €" in text
    assert "Heures au-delà du plafond (non financées) 7 h 57" in text
    assert "Total des heures 49 h 57" in text
    # Decimal hours only where they multiply the rate.
    assert "Montant des heures comptées 47,95 h × 50,00 € = 2 397,50 €" in text
    assert "Total du mois 49 h 57 7 h 57" in text
    assert "Accompagnement 6 h 57 Autre (non financé) 2 h Total 49 h 57 Par ambassadeur" in text
    assert "Paul Martin 6 h 57 Total 49 h 57" in text
    assert not re.search(r"\d,\d\d h(?! ×)", text)  # no other decimal hours
    assert " min" not in text
    assert "Nous certifions l'exactitude des heures déclarées ci-dessus." in text
    assert "DOCUMENT PROVISOIRE — le mois n'est pas clôturé : ne pas signer ni transmettre." in text
    assert "Fait à" in text
    assert "Date et signature" in text
    assert f"Page 1 sur {pages}" in text
    assert f"Page {pages} sur {pages}" in text
    first = reader.pages[0].mediabox
    assert (round(float(first.width)), round(float(first.height))) == (595, 842)  # A4


def test_timesheet_of_one_ambassador(busy_september: CarnetService, tmp_path: Path) -> None:
    service = busy_september
    paul = ambassador_id(service, "Paul Martin")
    out = service.export_timesheet(SEPT, "pdf", tmp_path / "paul.pdf", paul)
    text = pdf_text(out)
    assert "Relevé d'heures — Septembre 2024 — Paul Martin" in text
    assert "Marie Durand" not in text
    assert "Valorisation des heures comptées 6,95 h × 50,00 € = 347,50 €" in text
    assert "Heures de Paul Martin au-delà du plafond du binôme 6 h 57" in text
    assert "Montant demandé pour le binôme 2 000,00 €" in text
    xlsx = service.export_timesheet(SEPT, "xlsx", tmp_path / "paul.xlsx", paul)
    totals = totals_by_label(xlsx)
    assert totals["Total des heures"] == pytest.approx(417 / 60)
    assert totals["Valorisation des heures comptées (heures × forfait)"] == 347.5
    assert totals["Montant demandé pour le binôme"] == 2000


def test_reopening_reasons_and_closure_are_printed(service: CarnetService, tmp_path: Path) -> None:
    log(service, date(2024, 9, 2), 60)
    service.close_month(SEPT)
    service.reopen_month(SEPT, "Correction d'une durée saisie deux fois")
    written = service.close_month(SEPT, tmp_path)
    text = pdf_text(next(p for p in written if p.suffix == ".pdf"))
    assert "Mois clôturé le" in text
    assert "motif : Correction d'une durée saisie deux fois" in text
    assert "DOCUMENT PROVISOIRE" not in text  # the closed month's relevé is the one to sign


def test_an_empty_month_still_gives_a_valid_timesheet(service: CarnetService, tmp_path: Path) -> None:
    totals = totals_by_label(service.export_timesheet(Month(2024, 10), "xlsx", tmp_path / "oct.xlsx"))
    assert totals["Total des heures"] == 0
    assert totals["Montant demandé"] == 0
    assert "Aucune entrée ce mois-ci." in pdf_text(
        service.export_timesheet(Month(2024, 10), "pdf", tmp_path / "oct.pdf")
    )


def test_a_failed_write_leaves_no_file(
    service: CarnetService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log(service, date(2024, 9, 2), 60)
    target = tmp_path / "releve.pdf"
    target.write_bytes(b"previous version")

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("os.fsync", disk_full)
    with pytest.raises(ExportError, match="le disque est plein"):
        service.export_timesheet(SEPT, "pdf", target)
    assert target.read_bytes() == b"previous version"
    assert not list(tmp_path.glob("*.part"))
    with pytest.raises(ExportError, match="n'existe pas"):
        service.export_timesheet(SEPT, "xlsx", tmp_path / "absent" / "releve.xlsx")
    gc.collect()  # an abandoned workbook would raise here (filterwarnings = error)


def test_the_line_that_reaches_the_cap_shows_its_split(service: CarnetService, tmp_path: Path) -> None:
    """39 h 30 of work, then a 2 h line: 30 min of it fit under the 40 h cap, 1 h 30 do not."""
    for day in range(2, 22):
        minutes = 90 if day == 2 else 120
        log(service, date(2024, 9, day), minutes)
    log(service, date(2024, 9, 23), 120, description="Atelier du soir")
    log(service, date(2024, 9, 24), 45, who="Paul Martin")
    text = pdf_text(service.export_timesheet(SEPT, "pdf", tmp_path / "releve.pdf"))
    assert "Atelier du soir [dont 1 h 30 au-delà du plafond mensuel] 2 h 1 h 30" in text
    assert "[au-delà du plafond mensuel] 0 h 45 0 h 45" in text
    assert "Total du mois 42 h 15 2 h 15" in text
    assert "Heures au-delà du plafond (non financées) 2 h 15" in text
    out = service.export_timesheet(SEPT, "xlsx", tmp_path / "releve.xlsx")
    sheet = openpyxl.load_workbook(out)["Relevé"]
    rows = {
        sheet.cell(r, 6).value: (sheet.cell(r, 8).value, sheet.cell(r, 10).value)
        for r in range(1, sheet.max_row + 1)
        if sheet.cell(r, 6).value == "Atelier du soir"
    }
    assert rows == {"Atelier du soir": (1.5, "dont 1\u00a0h\u00a030 au-delà du plafond mensuel")}
    assert totals_by_label(out)["Heures au-delà du plafond (non financées)"] == pytest.approx(2.25)

"""The budget prévisionnel (Annexe 1 model): its amounts from the programme's settings, to the
cent; the workbook's totals as formulas (evaluated) and the PDF read back."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pycel import ExcelCompiler
from pypdf import PdfReader

from ambassadeur_app.domain.bilan import Poste, budget_estimate
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.reports.budget import TITLE, write_budget
from tests.conftest import PROGRAMME, plain


def test_the_default_budget_is_the_call_s_13_600_euros() -> None:
    amounts = budget_estimate(PROGRAMME)
    assert [amounts[p] for p in Poste] == [400_000, 400_000, 400_000, 80_000, 80_000]
    assert sum(amounts.values()) == PROGRAMME.total_grant_cents == 1_360_000


def test_the_split_is_exact_to_the_cent() -> None:
    programme = replace(PROGRAMME, months=7, event_forfait_cents=100_001)
    amounts = budget_estimate(programme)
    assert [amounts[p] for p in Poste] == [466_667, 466_667, 466_666, 50_001, 50_000]
    assert sum(amounts.values()) == 7 * 200_000 + 100_001


def test_the_workbook_s_totals_are_formulas_equal_to_the_budget(tmp_path: Path) -> None:
    programme = replace(PROGRAMME, months=5, monthly_cap_cents=150_000, total_grant_cents=910_000)
    out = write_budget(programme, "xlsx", tmp_path / "budget.xlsx")
    sheet = load_workbook(out)[TITLE]
    compiler = ExcelCompiler(filename=str(out))
    rows = {str(row[0].value): row for row in sheet.iter_rows(min_col=1, max_col=3)}
    assert str(rows["TOTAL Dépenses"][2].value).startswith("=")
    assert compiler.evaluate(f"'{TITLE}'!{rows['TOTAL Dépenses'][2].coordinate}") == pytest.approx(9_100)
    assert compiler.evaluate(f"'{TITLE}'!{rows['Total forfait horaire'][2].coordinate}") == pytest.approx(
        7_500
    )
    balance = rows["N.B : Dépenses = Recettes"][2]
    assert compiler.evaluate(f"'{TITLE}'!{balance.coordinate}") == pytest.approx(0)
    missions = [
        row[2].value
        for row in sheet.iter_rows(min_col=1, max_col=3)
        if row[1].value == "Mission de formation des professionnels"
    ]
    assert missions == [2_500]


def test_the_pdf_shows_the_annex_and_warns_when_the_grant_differs(tmp_path: Path) -> None:
    text = plain(
        "\n".join(
            p.extract_text() for p in PdfReader(write_budget(PROGRAMME, "pdf", tmp_path / "b.pdf")).pages
        )
    )
    for expected in (
        "Budget prévisionnel",
        "Mission d'accompagnement des professionnels",
        "13 600,00 €",
        "N.B : Dépenses = Recettes.",
    ):
        assert expected in text
    other = replace(PROGRAMME, total_grant_cents=1_000_000)
    text = plain(
        "\n".join(p.extract_text() for p in PdfReader(write_budget(other, "pdf", tmp_path / "c.pdf")).pages)
    )
    assert "diffèrent de la subvention (10 000,00 €)" in text


def test_an_unknown_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="Format inconnu"):
        write_budget(PROGRAMME, "docx", tmp_path / "b.docx")
    assert not (tmp_path / "b.docx").exists()

"""What a reviewer found in the documents, read back: every export lists people in the order of
the Professionnels tab (accents folded); the rétroplanning shows the actual dates beside the
planned ones; the bilan's monthly amounts are formulas giving the app's figures, with their
values for readers that do not compute; one spelling of « événement »; the regional view's
notes, dates, empty payments and wording."""

from __future__ import annotations

import random
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pycel import ExcelCompiler
from pypdf import PdfReader

from ambassadeur_app.demo import REFERENCE_DAY
from ambassadeur_app.domain.bilan import MISSION_POSTES, split_cents
from ambassadeur_app.domain.text import fold
from ambassadeur_app.reports.bilan import MONTH_TITLES, _share_formula
from ambassadeur_app.reports.bilan import export as export_bilan
from ambassadeur_app.reports.budget import write_budget
from ambassadeur_app.reports.event_tables import export as export_events
from ambassadeur_app.reports.planning import build_planning, write_gantt
from ambassadeur_app.reports.region import write, write_xlsx
from ambassadeur_app.services import CarnetService, open_service
from ambassadeur_app.services.region import consolidate
from tests.conftest import plain
from tests.unit.test_cli import run
from tests.unit.test_planning import _filled
from tests.unit.test_region import make_carnet


def pdf_text(path: Path) -> str:
    """Return the PDF's words, single-spaced (a cell's text wraps)."""
    return " ".join(plain("\n".join(page.extract_text() for page in PdfReader(path).pages)).split())


def table(path: Path, sheet: str) -> list[tuple[Any, ...]]:
    """Return the rows of a register document's sheet: under its titles, to its empty row."""
    rows = list(openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True))
    body = []
    for row in rows[5:]:
        if all(value is None for value in row):
            break
        body.append(row)
    return body


@pytest.fixture
def demo(demo_path: Path) -> Any:
    with open_service(demo_path, readonly=True, today=lambda: REFERENCE_DAY) as service:
        yield service


# --- 1. one order for names -------------------------------------------------------------------


def test_every_register_export_lists_people_in_the_tab_s_order(demo: CarnetService, tmp_path: Path) -> None:
    register = demo.register
    tab = register.professional_ids()  # the Professionnels tab's order
    people = register.professionals(tab)
    rank = {pid: index for index, pid in enumerate(tab)}
    names = [(people[p].last_name, people[p].first_name) for p in tab]
    # The demo holds the names the reviewer met: « Gérard » before « Guérin », « Émilie » before « Léa ».
    assert names.index(("Gérard", "Camille")) < names.index(("Guérin", "Claire"))
    assert names.index(("Barbier", "Émilie")) < names.index(("Barbier", "Léa"))

    listed = register.export("professionnels", "xlsx", tmp_path / "professionnels.xlsx")
    assert [row[:2] for row in table(listed, "Professionnels")] == names
    groups = [row[0] for row in table(listed, "Par profession")]
    assert groups == sorted(groups, key=fold)
    assert groups.index("Pédicure-podologue") < groups.index("Psychologue")

    contacts = register.export("contacts", "xlsx", tmp_path / "contacts.xlsx")
    contacted = {p for c in register.contacts(register.contact_ids()).values() for p in c.professional_ids}
    assert [row[:2] for row in table(contacts, "Professionnels contactés")] == [
        (people[p].last_name, people[p].first_name) for p in tab if p in contacted
    ]
    for sheet in ("Structures contactées", "Par profession"):
        labels = [row[0] for row in table(contacts, sheet)]
        assert labels == sorted(labels, key=fold)

    accounts = register.export("comptes", "xlsx", tmp_path / "comptes.xlsx")
    events = sorted(register.account_events(), key=lambda e: (e.day, rank[e.professional_id]))
    assert [(row[0].date(), row[1]) for row in table(accounts, "Liste des actions")] == [
        (e.day, people[e.professional_id].full_name) for e in events
    ]
    groups = [row[0] for row in table(accounts, "Par profession")]
    assert groups == sorted(groups, key=fold)

    structures = register.export("structures", "xlsx", tmp_path / "structures.xlsx")
    listed_structures = [row[0] for row in table(structures, "Structures")]
    ids = register.structure_ids()  # the Structures tab's order
    assert listed_structures == [register.structures(ids)[i].name for i in ids]


@pytest.mark.parametrize(
    ("kind", "section", "before", "after"),
    [
        ("professionnels", "Nom Prénom", "Gérard Camille", "Guérin Claire"),
        ("professionnels", "Nom Prénom", "Barbier Émilie", "Barbier Léa"),
        ("professionnels", "Par profession", "Pédicure-podologue", "Psychologue"),
        ("contacts", "Nom Prénom", "Gérard Camille", "Guérin Claire"),
        ("contacts", "Par profession", "Pédicure-podologue", "Psychologue"),
        ("comptes", "Par profession", "Pédicure-podologue", "Psychologue"),
    ],
)
def test_the_pdf_exports_sort_accented_names_as_the_tab(
    demo: CarnetService, tmp_path: Path, kind: str, section: str, before: str, after: str
) -> None:
    text = pdf_text(demo.register.export(kind, "pdf", tmp_path / f"{kind}.pdf"))
    text = text[text.index(section) :]
    assert before in text
    assert after in text
    assert text.index(before) < text.index(after)


# --- 2. the actual dates of the rétroplanning -------------------------------------------------


def test_the_planning_shows_the_actual_dates(
    service: CarnetService, carnet_path: Path, tmp_path: Path, private_home: Path
) -> None:
    _filled(service)
    gantt = pdf_text(write_gantt(build_planning(service), tmp_path / "planning.pdf"))
    service.close()
    listed = run("--carnet", carnet_path, "planning", home=private_home)
    assert listed.returncode == 0, listed.stderr
    lines = [plain(line) for line in listed.stdout.splitlines()]
    done = next(i for i, line in enumerate(lines) if "Soirée d'information" in line)
    assert "Prévu 01/10 – 31/10/2024" in lines[done]
    assert lines[done + 1].strip() == "Réel 02/10 – 08/10/2024"
    started = next(i for i, line in enumerate(lines) if "=Engager le CH" in line)
    assert lines[started + 1].strip() == "Réel depuis le 03/10/2024"
    for shown in ("Prévu 01/10 – 31/10/2024", "Réel 02/10 – 08/10/2024", "Réel depuis le 03/10/2024"):
        assert shown in gantt


# --- 3. the bilan's monthly amounts are formulas ------------------------------------------------


def test_the_bilan_s_monthly_amounts_are_formulas_giving_the_app_s_figures(
    demo: CarnetService, tmp_path: Path
) -> None:
    bilan, _ = demo.bilan.bilan()
    out = export_bilan(demo, "xlsx", tmp_path / "bilan.xlsx")
    sheet = openpyxl.load_workbook(out)["Bilan financier"]
    cached = openpyxl.load_workbook(out, data_only=True)["Bilan financier"]
    rows = list(sheet.iter_rows())
    top = next(i for i, row in enumerate(rows) if [c.value for c in row[: len(MONTH_TITLES)]] == MONTH_TITLES)
    compiler = ExcelCompiler(filename=str(out))
    for month, row in zip(bilan.months, rows[top + 1 :], strict=False):
        expected = [month.claimed_cents, *(month.cents_by_mission[m] for m in MISSION_POSTES)]
        cells = row[6:10]
        assert all(str(c.value).startswith("=") for c in cells), [c.value for c in cells]
        computed = [compiler.evaluate(f"'Bilan financier'!{c.coordinate}") for c in cells]
        assert [round(v * 100) for v in computed] == expected
        assert [abs(v * 100 - round(v * 100)) < 1e-6 for v in computed] == [True] * 4  # to the cent
        # A reader that computes no formula reads the same figures.
        assert [round(cached[c.coordinate].value * 100) for c in cells] == expected
    assert sum(m.claimed_cents for m in bilan.months) == bilan.hourly_cents


def test_the_mission_split_formula_is_the_app_s_largest_remainder(tmp_path: Path) -> None:
    chance = random.Random(19)
    cases = [(2000_00, [1, 1, 1]), (1_00, [1, 1, 1]), (5, [2, 2, 1]), (0, [0, 0, 0]), (99_99, [7, 0, 3])]
    cases += [(chance.randint(0, 2000_00), [chance.choice([0, chance.randint(1, 2400)]) for _ in range(3)])
              for _ in range(60)]  # fmt: skip
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row, (total, minutes) in enumerate(cases, start=1):
        sheet[f"A{row}"] = total / 100
        for column, value in zip("BCD", minutes, strict=True):
            sheet[f"{column}{row}"] = value / 60
        sheet[f"E{row}"] = sum(minutes) / 60
        for index, column in enumerate("FGH"):
            sheet[f"{column}{row}"] = "=" + _share_formula(
                f"A{row}", [f"B{row}", f"C{row}", f"D{row}"], f"E{row}", index
            )
    path = tmp_path / "split.xlsx"
    book.save(path)
    compiler = ExcelCompiler(filename=str(path))
    for row, (total, minutes) in enumerate(cases, start=1):
        got = [round(compiler.evaluate(f"Sheet!{c}{row}") * 100) for c in "FGH"]
        expected = split_cents(total, minutes) if any(minutes) else [0, 0, 0]
        assert got == expected, (total, minutes)


# --- 4. one spelling of « événement » ---------------------------------------------------------


def test_the_documents_spell_evenement_one_way(demo: CarnetService, tmp_path: Path) -> None:
    texts = [
        pdf_text(export_bilan(demo, "pdf", tmp_path / "bilan.pdf")),
        pdf_text(write_budget(demo.programme(), "pdf", tmp_path / "budget.pdf")),
        pdf_text(export_events(demo, "depenses", "pdf", tmp_path / "depenses.pdf")),
    ]
    for workbook in (
        export_bilan(demo, "xlsx", tmp_path / "bilan.xlsx"),
        write_budget(demo.programme(), "xlsx", tmp_path / "budget.xlsx"),
    ):
        texts += [
            str(value)
            for sheet in openpyxl.load_workbook(workbook).worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        ]
    found = " ".join(texts)
    assert "Forfait événement" in found
    assert "Total forfait événement" in found
    assert "évènement" not in found.lower()


# --- 5. the regional view ---------------------------------------------------------------------


def test_the_regional_view_s_notes_dates_payments_and_wording(tmp_path: Path, private_home: Path) -> None:
    paid = make_carnet(tmp_path, "CPTS du Saintois", "54", "Meurthe-et-Moselle")
    unpaid = make_carnet(tmp_path, "CPTS des Vosges", "88", "Vosges")
    with open_service(unpaid, today=lambda: REFERENCE_DAY) as service:
        for payment in service.bilan.payments():
            service.bilan.delete_payment(payment.id)
    consolidation = consolidate([paid, unpaid], today=lambda: REFERENCE_DAY)
    made = datetime(2026, 11, 30, 18, 0)
    sheet = openpyxl.load_workbook(write_xlsx(consolidation, tmp_path / "region.xlsx", made))["Vue régionale"]
    stamp = sheet["B2"]
    assert sheet["A2"].value == "Édité le"
    assert stamp.value == datetime(2026, 11, 30)  # a date, not a text
    assert stamp.number_format == "DD/MM/YYYY"
    rows = [list(r) for r in sheet.iter_rows()]
    titles = next(r for r in rows if r[0].value == "CPTS")
    received = next(c.column - 1 for c in titles if c.value == "Versements reçus")
    vosges = next(r for r in rows if r[0].value == "CPTS des Vosges")
    assert vosges[received].value == 0
    assert "€" in vosges[received].number_format
    assert "heures décimales" in str(sheet["A3"].value)
    assert vosges[3].number_format == "0.00"  # hours as decimal hours in the workbook

    text = pdf_text(write(consolidation, tmp_path / "region.pdf"))
    assert "heures décimales" not in text
    assert re.search(r"\d h( \d\d)?\b", text)  # « 230 h 30 »: hours and minutes in the PDF
    assert "0,00 €" in text

    done = run("consolider", paid, unpaid, "--sortie", tmp_path / "cli.xlsx", home=private_home)
    assert done.returncode == 0, done.stderr
    said = plain(done.stdout)
    assert "2 CPTS comptées (dont 2 provisoires)" in said
    assert not re.search(r"\([^()]*\(", said), said  # no parentheses inside parentheses

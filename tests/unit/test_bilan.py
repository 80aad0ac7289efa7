"""The bilan d'exécution: its arithmetic against the timesheets and the invoices (to the cent),
the mission split of every month (largest remainder), the period's cap, the surplus; the
workbook (values and formulas, evaluated) and the PDF read back; the demo's figures; an empty
carnet; the command's exit codes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, time
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from pycel import ExcelCompiler
from pypdf import PdfReader

from ambassadeur_app.demo import REFERENCE_DAY, build_demo
from ambassadeur_app.domain.bilan import (
    DRAFT_MARK,
    MISSION_POSTES,
    OPEN_MONTHS_MARK,
    Bilan,
    MonthLine,
    Poste,
    event_poste,
    fill_forfait,
    month_bilans,
    split_cents,
)
from ambassadeur_app.domain.events import Event, EventKind, EventStatus, Session
from ambassadeur_app.domain.expenses import ExpenseStatus
from ambassadeur_app.domain.formatting import format_euros
from ambassadeur_app.domain.model import DayTotal, Mission
from ambassadeur_app.domain.rules import month_summary, period_left, programme_progress
from ambassadeur_app.reports.bilan import export
from ambassadeur_app.reports.manifest import invoice_paths, timesheet_path
from ambassadeur_app.services import CarnetService, open_service
from ambassadeur_app.services.bilan import Citations
from tests.conftest import PROGRAMME, TODAY, log_entry, plain
from tests.unit.test_cli import run
from tests.unit.test_expenses import PDF, expense, pdf
from tests.unit.test_planning import event

SHEET = "Bilan financier"


def in_pack(service: CarnetService) -> Citations:
    """Cite the files as the justification pack places them."""
    return Citations(service.pack.placement(), in_pack=True)


def pdf_text(path: Path) -> str:
    """Return the PDF's words, each line break a space (a cell's text wraps)."""
    return " ".join(plain("\n".join(page.extract_text() for page in PdfReader(path).pages)).split())


def evaluated(path: Path, sheet: str = SHEET) -> dict[str, object]:
    """Return, by the text of column A, the evaluated column C of each formula row of the annex."""
    book = load_workbook(path)
    compiler = ExcelCompiler(filename=str(path))
    found: dict[str, object] = {}
    for row in book[sheet].iter_rows(min_col=1, max_col=3):
        label, _, amount = row
        if isinstance(amount.value, str) and amount.value.startswith("="):
            key = (
                f"{label.value}|{row[1].value}"
                if str(label.value).startswith("Forfait")
                else str(label.value)
            )
            found[plain(key)] = compiler.evaluate(f"'{sheet}'!{amount.coordinate}")
    return found


def check_against_timesheets(service: CarnetService, bilan: Bilan) -> None:
    """Each month of the bilan is its timesheet: same claim, and its funded minutes per mission
    are the timesheet's counted lines less their part beyond the cap."""
    for month in bilan.months:
        sheet = service.timesheet(month.month)
        assert sheet.binome.claim == month.claim
        assert sheet.binome.total_minutes == month.worked_minutes
        for mission in MISSION_POSTES:
            funded = sum(
                r.minutes - r.over_cap_minutes for r in sheet.rows if r.counted and r.mission is mission
            )
            assert month.funded_by_mission[mission] == funded
        assert sum(month.cents_by_mission.values()) == month.claimed_cents
    assert bilan.hourly_cents == service.progress().claimed_cents


# --- the split --------------------------------------------------------------------------------


@given(st.integers(0, 10**9), st.lists(st.integers(0, 10**6), min_size=1, max_size=6))
def test_a_split_adds_up_to_the_cent_and_each_share_is_within_a_cent(total: int, weights: list[int]) -> None:
    if not any(weights):
        weights[0] = 1
    shares = split_cents(total, weights)
    assert sum(shares) == total
    for share, weight in zip(shares, weights, strict=True):
        exact = Fraction(total * weight, sum(weights))
        assert exact - 1 < share < exact + 1
        assert share >= 0


def test_a_split_breaks_ties_in_order_and_refuses_no_weight() -> None:
    assert split_cents(100, [1, 1, 1]) == [34, 33, 33]
    assert split_cents(0, [0, 0]) == [0, 0]
    with pytest.raises(ValueError, match="no weight"):
        split_cents(1, [0, 0, 0])


@given(
    st.lists(
        st.tuples(st.sampled_from(list(Mission)), st.integers(1, 600), st.integers(1, 28)),
        min_size=1,
        max_size=40,
    ),
    st.integers(1, 3000),
    st.integers(1, 200_000),
)
def test_the_mission_rows_add_up_to_the_month_every_time(
    items: list[tuple[Mission, int, int]], rate: int, cap: int
) -> None:
    """Odd rates and caps: the month's claim is cut by its cap at a fraction of a minute, yet
    the three missions' amounts add up exactly to it."""
    programme = replace(PROGRAMME, hourly_rate_cents=rate, monthly_cap_cents=cap)
    month = programme.period_months[1]
    totals = [
        DayTotal(date(month.year, month.month, day), "a", mission, minutes) for mission, minutes, day in items
    ]
    summary = month_summary(totals, programme, month, date(2030, 1, 1))
    funded, lines = summary.claim.funded_minutes, []
    for mission, minutes, _ in items:  # the cap fills in order
        counted = mission.funded
        over = min(minutes, max(0, minutes - funded)) if counted else 0
        funded -= minutes - over if counted else 0
        lines.append(MonthLine(mission, minutes, counted, over))
    (bilan,) = month_bilans([(summary, lines)])
    assert sum(bilan.cents_by_mission.values()) == bilan.claimed_cents == summary.claim.claimed_cents
    assert sum(bilan.funded_by_mission.values()) == summary.claim.funded_minutes


def test_lines_that_do_not_match_their_month_are_refused() -> None:
    month = PROGRAMME.period_months[0]
    summary = month_summary([DayTotal(month.first_day, "a", Mission.PROMOTION, 60)], PROGRAMME, month, TODAY)
    with pytest.raises(ValueError, match="do not add up"):
        month_bilans([(summary, [MonthLine(Mission.PROMOTION, 30, True, 0)])])


def test_the_period_cap_takes_off_what_the_last_months_pass() -> None:
    """Starting on 15 March, the prorated caps of March and September make more than six
    months': the period's cap (6 × 2 000 €) lowers the last month's cap, and its funded hours
    with it (the rest is beyond the cap)."""
    programme = replace(PROGRAMME, start_date=date(2024, 3, 15))
    today = date(2025, 1, 1)
    months = []
    fundable = {}
    left = programme.hourly_total_cap_cents
    for month in programme.period_months:
        day = max(month.first_day, programme.start_date)
        summary = month_summary([DayTotal(day, "a", Mission.FORMATION, 6000)], programme, month, today, left)
        assert left == period_left(dict.fromkeys(programme.period_months, 6000), programme, month)
        left -= summary.claim.claimed_cents
        months.append((summary, [MonthLine(Mission.FORMATION, 6000, True, summary.claim.over_cap_minutes)]))
        fundable[month] = 6000
    bilans = month_bilans(months)
    assert sum(m.claimed_cents for m in bilans) == 1_200_000
    assert programme_progress(fundable, programme, today).claimed_cents == 1_200_000
    last = bilans[-1]
    assert last.claim.cap_cents == programme.month_cap_cents(last.month) - 3_010
    assert last.claim.funded_minutes == last.claim.cap_cents * 60 // programme.hourly_rate_cents
    assert last.claim.over_cap_minutes == 6000 - last.claim.funded_minutes
    assert last.cents_by_mission[Mission.FORMATION] == last.claimed_cents


def test_event_kinds_go_to_the_annex_postes() -> None:
    assert event_poste(EventKind.WORKING_GROUP) is Poste.WORKING_GROUPS
    assert event_poste(EventKind.MEETING) is Poste.WORKING_GROUPS
    for kind in (EventKind.WORKSHOP, EventKind.PROMOTIONAL, EventKind.WEBINAR, EventKind.TRAINING, None):
        assert event_poste(kind) is Poste.PROMOTIONAL_EVENTS


def test_the_forfait_pays_in_order() -> None:
    assert fill_forfait([100_000, 50_000, 30_000], 160_000) == [100_000, 50_000, 10_000]
    assert fill_forfait([200_000, 1], 160_000) == [160_000, 0]


# --- a carnet with an over-cap month, unfunded hours and expenses ------------------------------


@pytest.fixture
def busy(service: CarnetService, tmp_path: Path) -> CarnetService:
    """September: 45 h of three missions (over the 40 h cap), 2 h « Autre », an hour before the
    start; October: 10 h; a workshop with a paid invoice, a working group's invoiced buffet,
    an order without its invoice, and a pending quote."""
    log_entry(service, date(2024, 8, 30), 60)  # before the start: worked, not counted
    for day in range(2, 17):
        log_entry(service, date(2024, 9, day), 60, Mission.PROMOTION)
        log_entry(service, date(2024, 9, day), 60, Mission.FORMATION, who="Paul Martin")
        log_entry(service, date(2024, 9, day), 60, Mission.ACCOMPAGNEMENT, who="Paul Martin")
    log_entry(service, date(2024, 9, 20), 120, Mission.AUTRE)
    for day in range(1, 11):
        log_entry(service, date(2024, 10, day), 60, Mission.FORMATION)
    workshop = event(service)
    group = service.events.save_event(
        Event(
            EventKind.WORKING_GROUP,
            Mission.PROMOTION,
            "Groupe CH",
            (Session(date(2024, 10, 20), time(9), time(12)),),
            place="Lunéville",
            status=EventStatus.DONE,
        )
    )
    invoice = service.expenses.save_expense(
        expense(event_id=workshop, amount_ht_cents=50_001, vat_cents=10_000, amount_ttc_cents=60_001)
    )
    service.expenses.attach(invoice, pdf(tmp_path))
    buffet = service.expenses.save_expense(
        expense(
            event_id=group,
            issued_on=date(2024, 10, 21),
            amount_ht_cents=9_000,
            vat_cents=900,
            amount_ttc_cents=9_900,
            status=ExpenseStatus.INVOICED,
        )
    )
    service.expenses.attach(buffet, pdf(tmp_path, "facture.pdf", PDF.replace(b"1 0 obj", b"2 0 obj")))
    service.expenses.save_expense(
        expense(
            event_id=workshop,
            issued_on=date(2024, 10, 9),
            status=ExpenseStatus.ORDERED,
            amount_ht_cents=10_000,
            vat_cents=0,
            amount_ttc_cents=10_000,
        )
    )
    service.expenses.save_expense(
        expense(
            event_id=None,
            status=ExpenseStatus.QUOTE,
            amount_ht_cents=5_000,
            vat_cents=0,
            amount_ttc_cents=5_000,
        )
    )
    return service


def test_the_bilan_matches_the_timesheets_and_the_invoices_to_the_cent(busy: CarnetService) -> None:
    bilan, activities = busy.bilan.bilan(in_pack(busy))
    check_against_timesheets(busy, bilan)
    september, october = bilan.months[0], bilan.months[1]
    assert september.claim.funded_minutes == 40 * 60
    assert september.claim.over_cap_minutes == 5 * 60
    assert september.claimed_cents == 200_000
    # The cap is reached with Marie's hour of 15 September: Paul's two hours of that day and
    # the three of the 16th fund nothing, whatever their mission.
    assert september.funded_by_mission == {
        Mission.PROMOTION: 840,
        Mission.FORMATION: 780,
        Mission.ACCOMPAGNEMENT: 780,
    }
    assert september.cents_by_mission == {
        Mission.PROMOTION: 70_000,
        Mission.FORMATION: 65_000,
        Mission.ACCOMPAGNEMENT: 65_000,
    }
    assert september.not_counted_minutes == 120
    assert september.worked_minutes == 47 * 60
    assert october.claimed_cents == 50_000
    assert october.cents_by_mission[Mission.FORMATION] == 50_000
    assert bilan.hourly_cents == 250_000
    assert [line.funded_cents for line in bilan.expenses] == [60_001, 10_000, 9_900]
    assert bilan.event_cents == 79_901
    assert bilan.poste_cents(Poste.WORKING_GROUPS) == 9_900
    assert bilan.poste_cents(Poste.PROMOTIONAL_EVENTS) == 70_001
    assert bilan.quotes_cents == 5_000
    assert [line.missing for line in bilan.expenses] == [
        "Devis non joint",  # invoices without the quote they follow (§4.B)
        "Justificatif manquant : devis ou facture",
        "Devis non joint",
    ]
    assert [len(line.documents) for line in bilan.expenses] == [1, 0, 1]
    assert all(
        d.startswith("04-devis-et-factures/2024-10-") for line in bilan.expenses for d in line.documents
    )
    assert bilan.total_cents == 329_901
    assert bilan.surplus_cents == 1_360_000 - 329_901 == 1_030_099
    assert bilan.uncovered_cents == 0
    assert bilan.draft
    assert sum(p for p in map(bilan.poste_cents, Poste)) == bilan.total_cents
    autre = next(a for a in activities if a.mission is Mission.AUTRE)
    assert (autre.minutes, autre.funded_minutes) == (120, 0)
    # Only the period's entries: the hour of 30 August is not there.
    assert sum(a.minutes for a in activities) == 57 * 60


def test_the_workbook_s_formulas_give_the_app_s_figures(busy: CarnetService, tmp_path: Path) -> None:
    bilan, _ = busy.bilan.bilan()
    out = export(busy, "xlsx", tmp_path / "bilan.xlsx")
    values = evaluated(out)
    hourly = "Forfait horaire : 50,00 €/heure, 2 000,00 €/mois maximum"
    events = "Forfait événement : 1 600,00 €/6 mois maximum"
    for poste in Poste:
        forfait = hourly if poste.forfait.value == "horaire" else events
        assert values[f"{forfait}|{poste.label}"] == pytest.approx(bilan.poste_cents(poste) / 100)
    assert values["Total forfait horaire"] == pytest.approx(2_500)
    assert values["Total forfait événement"] == pytest.approx(799.01)
    assert values["TOTAL Dépenses"] == pytest.approx(3_299.01)
    assert values["Part de la subvention non employée"] == pytest.approx(10_300.99)
    # Nothing received yet: the ARS owes the expenses retained, nothing is to return.
    assert values["Versements reçus"] == 0
    assert values["Excédent à reverser à l'ARS"] == 0
    assert values["Solde restant à verser par l'ARS"] == pytest.approx(3_299.01)
    assert values["Dépenses retenues au-delà de la subvention"] == 0
    assert values["N.B : Dépenses = Recettes"] == pytest.approx(0)
    sheet = load_workbook(out)[SHEET]
    texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "Statut" in texts
    assert any(DRAFT_MARK in t for t in texts)
    # Written alone, the bilan cites the files by the names they were attached under.
    assert any("« facture.pdf » : Traiteur Dupont n° F-2024-12 du 21/10/2024" in t for t in texts)
    assert any("relevés d'heures mensuels" in t for t in texts)
    assert not any(timesheet_path(bilan.months[0].month, "pdf") in t for t in texts)
    # The month table's totals are formulas over real numbers.
    total_row = next(
        row for row in sheet.iter_rows() if row[0].value == "Total" and str(row[6].value).startswith("=")
    )
    compiler = ExcelCompiler(filename=str(out))
    assert compiler.evaluate(f"'{SHEET}'!{total_row[6].coordinate}") == pytest.approx(2_500)
    assert compiler.evaluate(f"'{SHEET}'!{total_row[3].coordinate}") == pytest.approx(5)
    quality = load_workbook(out)["Bilan qualitatif"]
    assert any(c.value == "Indicateurs et objectifs" for row in quality.iter_rows() for c in row)


def test_the_pdf_shows_the_annex_the_balance_and_the_draft_mark(busy: CarnetService, tmp_path: Path) -> None:
    text = pdf_text(export(busy, "pdf", tmp_path / "bilan.pdf"))
    assert DRAFT_MARK in text
    for expected in (
        "Mission de promotion de Parceo",
        "Mise en place de groupes de travail",
        "TOTAL Dépenses",
        "3 299,01 €",
        "10 300,99 €",
        "Justificatif manquant : devis ou facture",
        "Volet qualitatif",
        "Brouillon : à ne pas signer.",
    ):
        assert expected in text
    assert "Certifié exact à l'euro près." not in text


def test_the_control_line_checks_the_detailed_tables(busy: CarnetService, tmp_path: Path) -> None:
    """« Dépenses = Recettes » compares the recettes with the totals of the month and expense
    tables, not with the annex drawn from them: a mission's share of a month changed by hand
    shows (the annex adds the shares, the control the months' amounts)."""
    out = export(busy, "xlsx", tmp_path / "bilan.xlsx")
    book = load_workbook(out)
    sheet = book[SHEET]
    september = next(row for row in sheet.iter_rows() if row[0].value == "Septembre 2024")
    cached = load_workbook(out, data_only=True)[SHEET]
    assert cached[september[6].coordinate].value == 2_000  # « Montant financé », a formula
    assert str(september[7].value).startswith("=")  # « dont promotion », a formula
    september[7].value = cached[september[7].coordinate].value + 1
    book.save(tmp_path / "changed.xlsx")
    assert evaluated(tmp_path / "changed.xlsx")["N.B : Dépenses = Recettes"] == pytest.approx(1)
    text = pdf_text(export(busy, "pdf", tmp_path / "bilan.pdf"))
    assert "N.B : Dépenses = Recettes — Contrôle" in text
    assert "doit valoir 0 0,00 €" in text


def test_the_work_beyond_the_forfaits_is_shown_apart(busy: CarnetService, tmp_path: Path) -> None:
    """Hours beyond the caps and expenses beyond the forfait: shown for information, valued,
    out of the balance (not funded)."""
    bilan, _ = busy.bilan.bilan()
    over = sum(m.claim.over_cap_minutes for m in bilan.months)
    assert over >= 5 * 60
    assert bilan.over_cap_cents == over * 5_000 // 60  # no period cut here
    assert bilan.over_forfait_cents == 0
    out = export(busy, "xlsx", tmp_path / "bilan.xlsx")
    row = next(
        r for r in load_workbook(out)[SHEET].iter_rows() if r[0].value == "Non financé : au-delà des forfaits"
    )
    assert row[2].value == bilan.over_cap_cents / 100
    assert "pour information, hors balance" in str(row[1].value).lower()
    assert "Dépenses retenues au titre des forfaits" in plain(bilan.balance_text)
    assert f"soit {plain(format_euros(bilan.over_cap_cents))} au taux du forfait" in plain(bilan.balance_text)
    # Beyond the forfait événement: the invoices' part it does not fund.
    busy.expenses.save_expense(
        expense(number="F-9", amount_ht_cents=200_000, vat_cents=0, amount_ttc_cents=200_000),
        allow_over_forfait=True,
    )
    bilan, _ = busy.bilan.bilan()
    assert (
        bilan.over_forfait_cents
        == sum(line.expense.amount_ttc_cents for line in bilan.expenses)
        - busy.programme().event_forfait_cents
    )


def test_after_the_period_the_bilan_is_final_once_every_month_is_closed(
    busy: CarnetService, tmp_path: Path
) -> None:
    busy.today = lambda: date(2025, 3, 1)
    bilan, _ = busy.bilan.bilan()
    assert bilan.open_months
    assert bilan.draft  # its timesheets can still change
    text = pdf_text(export(busy, "pdf", tmp_path / "open.pdf"))
    assert OPEN_MONTHS_MARK in text
    assert "Certifié exact à l'euro près." not in text
    cells = [
        str(c.value)
        for row in load_workbook(export(busy, "xlsx", tmp_path / "open.xlsx"))[SHEET].iter_rows()
        for c in row
    ]
    assert any(OPEN_MONTHS_MARK in t for t in cells)
    assert "Certifié exact à l'euro près." not in cells
    for month in busy.programme().period_months:
        busy.close_month(month)
    bilan, _ = busy.bilan.bilan()
    assert not bilan.draft
    text = pdf_text(export(busy, "pdf", tmp_path / "bilan.pdf"))
    assert DRAFT_MARK not in text
    assert "BROUILLON" not in text
    assert "Période terminée le 28/02/2025" in text
    assert "Certifié exact à l'euro près." in text


def test_the_invoices_are_named_as_in_the_pack(busy: CarnetService) -> None:
    bilan, _ = busy.bilan.bilan(in_pack(busy))
    ids = busy.expenses.expense_ids()
    names = invoice_paths(busy.expenses.expenses(ids).values(), busy.carnet.attachments.of_owners(ids))
    assert sorted(d for line in bilan.expenses for d in line.documents) == sorted(names.values())
    assert len(set(names.values())) == 2  # the two « facture.pdf » keep apart


def test_an_empty_carnet_has_a_bilan_of_nothing_spent(service: CarnetService, tmp_path: Path) -> None:
    bilan, activities = service.bilan.bilan()
    assert bilan.total_cents == 0
    assert activities == []
    assert bilan.expenses == []
    assert bilan.surplus_cents == bilan.grant_cents == 1_360_000
    assert all(m.cents_by_mission == dict.fromkeys(MISSION_POSTES, 0) for m in bilan.months)
    values = evaluated(export(service, "xlsx", tmp_path / "bilan.xlsx"))
    assert values["TOTAL Dépenses"] == 0
    assert values["Part de la subvention non employée"] == pytest.approx(13_600)
    assert values["Excédent à reverser à l'ARS"] == values["Solde restant à verser par l'ARS"] == 0
    assert "Aucune dépense ni aucun événement réalisé" in pdf_text(
        export(service, "pdf", tmp_path / "bilan.pdf")
    )


def test_expenses_beyond_the_grant_are_borne_by_the_cpts(busy: CarnetService) -> None:
    busy.save_programme(replace(busy.programme(), total_grant_cents=300_000))
    bilan, _ = busy.bilan.bilan()
    assert (bilan.surplus_cents, bilan.uncovered_cents) == (0, 29_901)
    assert "à la charge de la CPTS : 299,01 €" in plain(bilan.balance_text)


# --- the demo ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CarnetService]:
    service = open_service(
        tmp_path_factory.mktemp("demo") / "demo.ambassadeur", create=True, today=lambda: REFERENCE_DAY
    )
    build_demo(service)
    yield service
    service.close()


def test_the_demo_s_figures(demo: CarnetService, tmp_path: Path) -> None:
    bilan, _ = demo.bilan.bilan(in_pack(demo))
    check_against_timesheets(demo, bilan)
    november = bilan.months[2]
    assert november.claim.over_cap_minutes == 630
    assert november.claimed_cents == 200_000
    assert bilan.hourly_cents == 1_152_500
    assert {p: bilan.poste_cents(p) for p in Poste} == {
        Poste.PROMOTION: 422_500,
        Poste.FORMATION: 431_250,
        Poste.ACCOMPAGNEMENT: 298_750,
        Poste.WORKING_GROUPS: 7_913,
        Poste.PROMOTIONAL_EVENTS: 78_800,
    }
    use = demo.expenses.forfait_use()
    assert bilan.event_cents == min(use.committed_cents, use.forfait_cents) == 86_713
    assert bilan.quotes_cents == use.quoted_cents
    assert (bilan.total_cents, bilan.surplus_cents) == (1_239_213, 120_787)
    assert bilan.draft  # REFERENCE_DAY is the period's last but one day
    held = demo.bilan.justifications(bilan, in_pack(demo))
    assert any("/feuille-emargement-signee-1.pdf" in line for line in held[Poste.PROMOTIONAL_EVENTS])
    assert any("feuille d'émargement signée manquante" in line for line in held[Poste.WORKING_GROUPS])
    text = pdf_text(export(demo, "pdf", tmp_path / "bilan.pdf"))
    for expected in ("11 525,00 €", "867,13 €", "12 392,13 €", "1 207,87 €", DRAFT_MARK):
        assert expected in text
    values = evaluated(export(demo, "xlsx", tmp_path / "bilan.xlsx"))
    assert values["TOTAL Dépenses"] == pytest.approx(12_392.13)
    assert values["Part de la subvention non employée"] == pytest.approx(1_207.87)


# --- the command ------------------------------------------------------------------------------


def test_the_command_writes_the_bilan_and_the_budget(tmp_path: Path, private_home: Path) -> None:
    carnet = tmp_path / "c.ambassadeur"
    service = open_service(carnet, create=True, today=lambda: REFERENCE_DAY)
    build_demo(service)
    service.close()
    for kind in ("bilan", "budget"):
        for fmt in ("xlsx", "pdf"):
            out = tmp_path / f"{kind}.{fmt}"
            result = run(
                "--carnet", carnet, "export", kind, "--format", fmt, "--sortie", out, home=private_home
            )
            assert result.returncode == 0, result.stderr
            assert out.exists()
            assert "Document écrit" in result.stdout
    bad = run(
        "--carnet",
        carnet,
        "export",
        "bilan",
        "--format",
        "docx",
        "--sortie",
        tmp_path / "b.docx",
        home=private_home,
    )
    assert bad.returncode == 2
    assert "choix invalide" in bad.stderr
    missing = run(
        "--carnet",
        tmp_path / "none.ambassadeur",
        "export",
        "bilan",
        "--format",
        "pdf",
        "--sortie",
        tmp_path / "x.pdf",
        home=private_home,
    )
    assert missing.returncode == 1
    assert missing.stderr.startswith("erreur")
    assert not (tmp_path / "x.pdf").exists()


def test_every_file_the_bilan_cites_is_in_the_pack(demo: CarnetService, tmp_path: Path) -> None:
    """The justifications fournis name the pack's files: each is there (both formats when
    said so)."""
    bilan, _ = demo.bilan.bilan(in_pack(demo))
    cited = set()
    for lines in demo.bilan.justifications(bilan, in_pack(demo)).values():
        for line in lines:
            for path in re.findall(r"\b0\d-[\w-]+(?:/[\w.-]+)+\.(?:pdf|xlsx|png|jpg|jpeg)", line):
                cited.add(path)
                if f"{path} (et .xlsx)" in line:
                    cited.add(path.removesuffix(".pdf") + ".xlsx")
    result = demo.pack.write(tmp_path / "pack")
    assert result is not None
    written = {entry.path for entry in result.files}
    assert len(cited) >= 20
    assert cited <= written, cited - written


def test_training_sessions_justify_the_formation_mission_not_the_forfait_evenement(
    demo: CarnetService,
) -> None:
    """A training session's file and sign-in sheets are cited under the formation mission (its
    participants); an event poste cites only its expenses' events and the promotional events and
    working groups."""
    from ambassadeur_app.reports.manifest import event_file_path

    bilan, _ = demo.bilan.bilan(in_pack(demo))
    held = demo.bilan.justifications(bilan, in_pack(demo))
    events = demo.events.events(demo.events.event_ids(status=EventStatus.DONE)).values()
    with_expense = {line.expense.event_id: line.poste for line in bilan.expenses}
    training = [e for e in events if e.kind is EventKind.TRAINING]
    assert training
    for found in events:
        path = event_file_path(found, "pdf")
        citing = {poste for poste, lines in held.items() if any(path in line for line in lines)}
        if found.kind is EventKind.TRAINING:
            assert Poste.FORMATION in citing
            assert citing - {Poste.FORMATION} == (
                {with_expense[found.id]} if found.id in with_expense else set()
            )
        else:
            assert citing == {event_poste(found.kind)}
    formation = " ".join(held[Poste.FORMATION])
    assert "feuille-emargement" in formation or "feuille d'émargement signée manquante" in formation


def test_the_workbook_s_amounts_are_rounded_to_the_cent(demo: CarnetService, tmp_path: Path) -> None:
    """Sums of decimal euros drift (1207.8700000000008): every amount of the annex is ROUND(…, 2)
    and evaluates to the app's figure exactly."""
    path = export(demo, "xlsx", tmp_path / "bilan.xlsx")
    formulas = [
        str(cell.value)
        for row in load_workbook(path)[SHEET].iter_rows()
        for cell in row
        if str(cell.value).startswith("=") and "€" in cell.number_format
    ]
    assert len(formulas) >= 11
    assert all(formula.startswith("=ROUND(") and formula.endswith(",2)") for formula in formulas)
    values = evaluated(path)
    bilan, _ = demo.bilan.bilan()
    assert values["Part de la subvention non employée"] == bilan.surplus_cents / 100 == 1_207.87
    # The demo received the whole grant: the part not employed is to return.
    assert values["Solde restant à verser par l'ARS"] == bilan.due_cents / 100 == 0
    assert values["Excédent à reverser à l'ARS"] == bilan.refund_cents / 100 == 1_207.87
    assert values["TOTAL Dépenses"] == bilan.total_cents / 100

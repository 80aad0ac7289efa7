"""The indicators' service: targets kept as carnet settings, readings typed and imported (hostile
files included), every indicator on an empty and on the demo carnet, the tableau de bord read
back (openpyxl, pypdf), and the commands with their exit codes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from ambassadeur_app.cli import main
from ambassadeur_app.demo import REFERENCE_DAY
from ambassadeur_app.domain.bilan import GrantPayment
from ambassadeur_app.domain.expenses import ExpenseStatus
from ambassadeur_app.domain.formatting import format_euros
from ambassadeur_app.domain.indicators import Reading, Targets
from ambassadeur_app.errors import ImportFileError, InvalidInput
from ambassadeur_app.services import CarnetService, open_service
from tests.conftest import PROGRAMME, log_entry, plain
from tests.unit.test_expenses import expense

KEYS = [
    "utilisateurs",
    "evenements",
    "structures",
    "ch_ehpad",
    "questionnaire_outil",
    "forfait_horaire",
    "forfait_evenement",
    "subvention",
]


@pytest.fixture
def demo(demo_path: Path) -> Iterator[CarnetService]:
    service = open_service(demo_path, readonly=True, today=lambda: REFERENCE_DAY)
    yield service
    service.close()


def test_targets_are_kept_in_the_carnet_with_the_defaults_first(
    service: CarnetService, carnet_path: Path
) -> None:
    assert service.indicators.targets() == Targets()
    service.indicators.save_targets(Targets(users_increase_percent=25, hospital_it_commitment=False))
    with pytest.raises(InvalidInput, match="part des structures"):
        service.indicators.save_targets(Targets(coordinated_percent=0))
    service.close()
    reopened = open_service(carnet_path)
    assert reopened.indicators.targets() == Targets(users_increase_percent=25, hospital_it_commitment=False)
    assert reopened.indicators.all()[0].target_text.startswith("+25 %")
    reopened.close()


def test_a_reading_of_the_same_day_and_a_new_baseline_replace_the_previous(service: CarnetService) -> None:
    indicators = service.indicators
    first = indicators.save_reading(date(2024, 10, 1), 410)
    assert indicators.save_reading(date(2024, 10, 1), 415) == first
    indicators.save_reading(date(2024, 9, 1), 400, baseline=True)
    indicators.save_reading(date(2024, 9, 2), 401, baseline=True)
    readings = indicators.readings()
    assert [(r.day, r.users, r.baseline) for r in readings] == [
        (date(2024, 9, 2), 401, True),
        (date(2024, 10, 1), 415, False),
    ]
    indicators.delete_reading(first)
    assert len(indicators.readings()) == 1
    with pytest.raises(InvalidInput):
        indicators.save_reading(date(2024, 10, 1), -5)


def test_a_reading_before_the_start_is_refused_by_the_service_unless_it_is_the_baseline(
    service: CarnetService,
) -> None:
    before = PROGRAMME.start_date - timedelta(days=31)
    with pytest.raises(InvalidInput, match="avant le début de l'expérimentation") as refused:
        service.indicators.save_reading(before, 400)
    assert refused.value.message == (
        f"Le {before:%d/%m/%Y} est avant le début de l'expérimentation ({PROGRAMME.start_date:%d/%m/%Y}) : "
        "seule la valeur de référence peut être relevée avant. Rien n'a été enregistré."
    )
    assert service.indicators.readings() == []
    service.indicators.save_reading(before, 400, baseline=True)
    service.indicators.save_reading(PROGRAMME.start_date, 410)
    assert [(r.day, r.baseline) for r in service.indicators.readings()] == [
        (before, True),
        (PROGRAMME.start_date, False),
    ]


def test_a_target_already_met_is_said_so_whatever_the_projection(service: CarnetService) -> None:
    """The latest reading meets the target (480) while the least-squares line, pulled by the
    earlier readings, projects 479 on the last day: the trend says « déjà atteint », not « non
    atteint » next to « Atteint »."""
    start = PROGRAMME.start_date
    service.indicators.save_reading(start, 400, baseline=True)
    service.indicators.save_reading(start + timedelta(days=10), 700)
    service.indicators.save_reading(start + timedelta(days=150), 480)
    users = service.indicators.all()[0]
    assert "projection au 28/02/2025 : 479" in plain(users.trend)
    assert users.met
    assert users.status_text == "Atteint"
    assert plain(users.trend).endswith(" : objectif déjà atteint")
    assert "non atteint" not in users.trend


def test_every_indicator_on_an_empty_carnet(service: CarnetService) -> None:
    indicators = service.indicators.all()
    assert [i.key for i in indicators] == KEYS
    by_key = {i.key: i for i in indicators}
    assert by_key["utilisateurs"].current_text == "Aucun relevé"
    assert "valeur de référence" in by_key["utilisateurs"].missing_text
    assert by_key["utilisateurs"].chart is None
    assert "Aucune MSP" in by_key["structures"].current_text
    assert not any(i.met for i in indicators if i.group == "objectif")
    assert all(i.met for i in indicators if i.group == "budget")


def test_users_indicator_through_the_service(service: CarnetService) -> None:
    service.indicators.save_reading(date(2024, 9, 1), 400, baseline=True)
    service.indicators.save_reading(date(2024, 11, 1), 440)
    service.indicators.save_reading(date(2024, 10, 1), 420)
    users = service.indicators.all()[0]
    assert users.current_text == "440 au 01/11/2024 (+10\u00a0%)"
    assert users.missing_text == "40 utilisateurs actifs de plus"
    assert not users.met
    assert "projection au 28/02/2025" in users.trend
    assert users.chart is not None
    assert [label for label, _ in users.values][:3] == [
        "Référence du 01/09/2024",
        "Relevé du 01/10/2024",
        "Relevé du 01/11/2024",
    ]
    assert users.chart.target == 480


def test_demo_indicators(demo: CarnetService) -> None:
    by_key = {i.key: i for i in demo.indicators.all()}
    users = by_key["utilisateurs"]
    assert users.met  # reached late: 498 against 495
    assert users.current_text.startswith("498 au 24/02/2026")
    readings = demo.indicators.readings()
    assert readings[0].baseline
    assert all(r.users < 495 for r in readings[:-1])  # only the last reading reaches the target
    assert by_key["structures"].met
    assert by_key["structures"].current_text.startswith("3 sur 10")
    assert by_key["ch_ehpad"].met
    assert by_key["questionnaire_outil"].met
    assert not by_key["evenements"].met  # the working group was not open to the whole département
    hourly = by_key["forfait_horaire"]
    progress = demo.progress()
    assert hourly.values == tuple(
        (
            month.title(),
            re.sub(r"\s", "\u00a0", f"{claim.claimed_cents // 100:,}".replace(",", " ")) + ",00\u00a0€",
        )
        for month, claim in progress.by_month.items()
    )
    assert not hourly.met  # November above the cap


def _write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_readings_import_with_preview(service: CarnetService, tmp_path: Path) -> None:
    service.indicators.save_reading(date(2024, 10, 1), 999)
    path = _write(
        tmp_path,
        "releves.csv",
        "Date;Utilisateurs actifs;Référence\n01/09/2024;400;oui\n01/10/2024;1 020;\n01/11/2024;abc;\n"
        "=cmd|' /C calc'!A0;5;\n15/11/2024;=1+1;\n",
    )
    preview = service.indicators.preview_readings(path)
    assert [r.users for r in preview.valid] == [400, 1020]
    assert preview.valid[0].baseline
    problems = [str(p) for p in preview.problems]
    assert len(problems) == 3
    assert problems[0].startswith("ligne 4, colonne Utilisateurs actifs « abc »")
    assert any("passera de 999 à 1 020" in plain(w) for w in preview.warnings)
    assert service.indicators.readings()[0].users == 999  # nothing written by a preview
    with pytest.raises(InvalidInput, match="rien n'a été importé"):
        service.indicators.apply_readings(preview)
    assert service.indicators.apply_readings(preview, skip_invalid=True) == 2
    assert [(r.users, r.baseline) for r in service.indicators.readings()] == [(400, True), (1020, False)]


def test_readings_import_from_a_workbook_with_real_dates(service: CarnetService, tmp_path: Path) -> None:
    path = tmp_path / "releves.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Jour", "Utilisateurs"])
    sheet.append([datetime(2024, 10, 1), 420.0])
    sheet.append([datetime(2024, 10, 1), 425])  # the same day twice: the last is kept
    book.save(path)
    preview = service.indicators.preview_readings(path)
    assert any("la dernière est gardée" in w for w in preview.warnings)
    service.indicators.apply_readings(preview)
    assert service.indicators.readings() == [
        Reading(date(2024, 10, 1), 425, False, service.indicators.readings()[0].id)
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("vide.csv", "", "est vide"),
        ("colonnes.csv", "Jour;Nombre\n01/10/2024;4\n", "Colonne manquante"),
        ("binaire.xlsx", b"PK\x03\x04not a zip at all", "n'est pas un classeur Excel lisible"),
        ("guillemet.csv", 'Date;Utilisateurs\n01/10/2024;"12\n02/10/2024;13\n', "guillemet"),
        ("photo.png", b"\x89PNG", "ni un classeur"),
    ],
)
def test_hostile_readings_files_are_refused_in_french(
    service: CarnetService, tmp_path: Path, name: str, content: str | bytes, message: str
) -> None:
    with pytest.raises(ImportFileError, match=message):
        service.indicators.preview_readings(_write(tmp_path, name, content))
    assert service.indicators.readings() == []


def test_absurd_values_are_line_problems(service: CarnetService, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "absurde.csv",
        "Date;Utilisateurs actifs\n31/02/2024;5\n01/10/2024;-3\n01/10/2024;99999999999\n01/10/2024;1,5\n"
        "01/10/2024;#N/A\n",
    )
    preview = service.indicators.preview_readings(path)
    assert preview.valid == []
    assert len(preview.problems) == 5
    with pytest.raises(InvalidInput, match="Aucun relevé"):
        service.indicators.apply_readings(preview, skip_invalid=True)


def test_tableau_de_bord_xlsx_and_pdf(demo: CarnetService, tmp_path: Path) -> None:
    indicators = demo.indicators.all()
    xlsx = demo.indicators.write("xlsx", tmp_path / "bord.xlsx")
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == ["Indicateurs", "Utilisateurs actifs", "Forfait horaire par mois", "Détail"]
    sheet = book["Indicateurs"]
    rows = [
        [c.value for c in row] for row in sheet.iter_rows() if row[0].value in {i.title for i in indicators}
    ]
    assert rows == [
        [i.title, i.target_text, i.current_text, i.missing_text, i.status_text, i.trend] for i in indicators
    ]
    readings = book["Utilisateurs actifs"]
    values = [
        (row[0].value, row[1].value)
        for row in readings.iter_rows()
        if isinstance(row[0].value, datetime) and isinstance(row[1].value, int)
    ]
    assert values == [
        (datetime.combine(r.day, datetime.min.time()), r.users) for r in demo.indicators.readings()
    ]
    pdf = demo.indicators.write("pdf", tmp_path / "bord.pdf")
    text = " ".join(plain("\n".join(page.extract_text() for page in PdfReader(pdf).pages)).split())
    for indicator in indicators:
        assert plain(indicator.title) in text
    assert "Projection au 28/02/2026" in text  # the chart's values, printed beside it
    assert "Situation au 27/02/2026" in text
    with pytest.raises(InvalidInput, match="Format inconnu"):
        demo.indicators.write("docx", tmp_path / "bord.docx")


def test_commands(demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    carnet = tmp_path / "c.ambassadeur"
    carnet.write_bytes(demo_path.read_bytes())
    assert main(["--carnet", str(carnet), "indicateurs"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(KEYS)
    assert lines[0].startswith("Utilisateurs Parceo actifs du département — Atteint — objectif : +20 %")
    out = tmp_path / "bord.pdf"
    assert (
        main(["--carnet", str(carnet), "export", "indicateurs", "--format", "pdf", "--sortie", str(out)]) == 0
    )
    assert PdfReader(out).pages
    assert main(["--carnet", str(carnet), "lecture", "--date", "26/02/2026", "--utilisateurs", "1 502"]) == 0
    assert "Relevé enregistré : 1\u00a0502 utilisateurs actifs au 26/02/2026." in capsys.readouterr().out
    assert (
        main(
            [
                "--carnet",
                str(carnet),
                "lecture",
                "--date",
                "01/09/2025",
                "--utilisateurs",
                "410",
                "--reference",
            ]
        )
        == 0
    )
    assert (
        "Valeur de référence enregistrée : 410 utilisateurs actifs au 01/09/2025." in capsys.readouterr().out
    )
    assert main(["--carnet", str(carnet), "import", "lectures", str(tmp_path / "absent.csv")]) == 1
    assert "n'existe pas" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["--carnet", str(carnet), "lecture", "--date", "26/02/2026", "--utilisateurs", "beaucoup"])
    assert usage.value.code == 2
    assert "n'est pas un nombre entier" in capsys.readouterr().err
    csv = _write(tmp_path, "r.csv", "Date;Utilisateurs actifs\n01/10/2025;x\n02/10/2025;430\n")
    assert main(["--carnet", str(carnet), "import", "lectures", str(csv)]) == 1
    assert "ligne invalide — ligne 2" in capsys.readouterr().err
    assert main(["--carnet", str(carnet), "import", "lectures", str(csv), "--ignorer-invalides"]) == 0
    assert "1 relevé importé." in capsys.readouterr().out
    service = open_service(carnet, readonly=True)
    assert {(r.day, r.users) for r in service.indicators.readings()} >= {
        (date(2026, 2, 26), 1502),
        (date(2025, 10, 2), 430),
    }
    assert service.indicators.readings()[0] == Reading(
        date(2025, 9, 1), 410, True, service.indicators.readings()[0].id
    )
    service.close()


def test_the_grant_projection_skips_late_quotes_and_is_the_bilan_s_surplus_once_ended(
    service: CarnetService, carnet_path: Path
) -> None:
    end = PROGRAMME.end_date
    log_entry(service, date(2024, 9, 2), 600)
    service.expenses.save_expense(expense(issued_on=date(2024, 10, 8), status=ExpenseStatus.INVOICED))
    quote = expense(number="D-1", status=ExpenseStatus.QUOTE, amount_ht_cents=7_000, vat_cents=0)
    service.expenses.save_expense(replace(quote, amount_ttc_cents=7_000))
    late = replace(quote, number="D-2", issued_on=end + timedelta(days=3), amount_ht_cents=25_000)
    service.expenses.save_expense(replace(late, amount_ttc_cents=25_000))
    grant = {i.key: i for i in service.indicators.all()}["subvention"]
    # Not the 250 € dated after the end; one level of parentheses in the status.
    assert "employés, y compris 70,00 € de devis en attente" in plain(grant.trend)
    assert plain(grant.status).startswith(
        "Part non employée projetée à la fin de la période (y compris 70,00 € de devis en attente) : "
    )
    assert grant.status.count("(") == grant.status.count(")") == 1
    service.bilan.add_payment(GrantPayment(date(2024, 9, 20), 680_000))
    service.close()
    ended = open_service(carnet_path, today=lambda: end + timedelta(days=1))
    bilan, _ = ended.bilan.bilan()
    grant = {i.key: i for i in ended.indicators.all()}["subvention"]
    # After the period: the bilan's settlement with the payments, and its part not employed.
    assert bilan.refund_cents == 680_000 - 110_000
    assert (
        plain(grant.status)
        == plain(bilan.settlement_text)
        == plain(f"Excédent à reverser à l'ARS : {format_euros(570_000)}")
    )
    assert plain(f"part de la subvention non employée : {format_euros(bilan.surplus_cents)}") in plain(
        grant.trend
    )
    assert bilan.surplus_cents == 1_360_000 - 50_000 - 60_000
    assert "projet" not in grant.status + grant.trend
    ended.close()


def test_a_grant_passed_says_by_how_much(service: CarnetService) -> None:
    """Expenses above the grant: « dépassée de », never a negative « Reste »."""
    service.save_programme(replace(service.programme(), total_grant_cents=10_000))
    log_entry(service, date(2024, 9, 2), 600)  # 500,00 €
    grant = {i.key: i for i in service.indicators.all()}["subvention"]
    assert plain(grant.missing_text) == "Subvention dépassée de 400,00 €"
    assert "-" not in grant.missing_text
    assert grant.status.startswith("Subvention dépassée de")

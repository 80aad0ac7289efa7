"""The payments of the grant actually received: their rules, the balance of the bilan (to the
cent, whatever was paid), the workbook's lines and formulas and the PDF read back, the command
``versement``/``versements``; and the checker's findings on entries carrying the entry's id."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from ambassadeur_app.domain import checks
from ambassadeur_app.domain.bilan import (
    Bilan,
    ExpenseLine,
    GrantPayment,
    Poste,
    payment_warnings,
    validate_payment,
)
from ambassadeur_app.domain.checks import RecordKind
from ambassadeur_app.domain.model import Mission, TimeEntry
from ambassadeur_app.errors import AppError, InvalidInput
from ambassadeur_app.reports.bilan import export
from ambassadeur_app.services import CarnetService, open_service
from tests.conftest import PROGRAMME, TODAY, log_entry, plain
from tests.unit.test_bilan import SHEET, evaluated, pdf_text
from tests.unit.test_cli import run
from tests.unit.test_expenses import expense


def a_bilan(grant: int, spent: int, paid: list[int]) -> Bilan:
    """Return a bilan whose expenses are ``spent`` cents, with these payments."""
    line = ExpenseLine(expense(), Poste.PROMOTIONAL_EVENTS, "", spent, (), None)
    payments = [GrantPayment(date(2024, 9, 1 + i), cents) for i, cents in enumerate(paid)]
    return Bilan(replace(PROGRAMME, total_grant_cents=grant), TODAY, [], [line], 0, [], payments)


@given(
    st.integers(0, 2_000_000),
    st.integers(0, 2_000_000),
    st.lists(st.integers(1, 1_000_000), max_size=4),
)
def test_the_balance_adds_up_whatever_was_paid(grant: int, spent: int, paid: list[int]) -> None:
    bilan = a_bilan(grant, spent, paid)
    received = sum(paid)
    assert bilan.received_cents == received
    assert bilan.retained_cents == min(grant, spent)
    assert bilan.refund_cents == max(0, received - min(grant, spent))
    assert bilan.due_cents == max(0, min(grant, spent) - received)
    assert bilan.refund_cents * bilan.due_cents == 0  # one or the other
    assert bilan.uncovered_cents == max(0, spent - grant)
    # Dépenses = Recettes: what was received, less what goes back, plus what is still owed and
    # what the CPTS bears, is what was spent.
    assert received - bilan.refund_cents + bilan.due_cents + bilan.uncovered_cents == spent
    assert bilan.surplus_cents == grant - min(grant, spent)


def test_the_balance_text_says_what_is_owed_or_returned() -> None:
    assert "solde restant à verser par l'ARS : 1 000,00 €" in plain(
        a_bilan(1_360_000, 500_000, [400_000]).balance_text
    )
    assert "excédent à reverser à l'ARS : 1 000,00 €" in plain(
        a_bilan(1_360_000, 500_000, [600_000]).balance_text
    )
    assert "rien à reverser ni à verser" in a_bilan(1_360_000, 500_000, [500_000]).balance_text
    text = plain(a_bilan(300_000, 500_000, [300_000]).balance_text)
    assert "à la charge de la CPTS : 2 000,00 €" in text
    assert "excédent" not in text


def test_a_payment_is_checked() -> None:
    day = date(2024, 9, 15)
    assert validate_payment(GrantPayment(day, 1, "  avance\n de 50 %  "), TODAY).label == "avance de 50 %"
    for cents in (0, -100):
        with pytest.raises(InvalidInput, match="doit être positif") as caught:
            validate_payment(GrantPayment(day, cents), TODAY)
        assert caught.value.field == "montant"
    with pytest.raises(InvalidInput, match="nombre de zéros"):
        validate_payment(GrantPayment(day, 100_000_001), TODAY)
    with pytest.raises(InvalidInput, match="Date hors limites"):
        validate_payment(GrantPayment(date(2205, 1, 1), 100), date(2205, 1, 1))
    with pytest.raises(InvalidInput, match="Libellé trop long") as caught:
        validate_payment(GrantPayment(day, 100, "x" * 301), TODAY)
    assert caught.value.field == "libellé"
    # A payment is recorded once received: today at the latest.
    assert validate_payment(GrantPayment(TODAY, 100), TODAY).day == TODAY
    with pytest.raises(InvalidInput, match="un versement se note une fois reçu") as caught:
        validate_payment(GrantPayment(date(2024, 11, 16), 100), TODAY)
    assert caught.value.field == "date"


def test_what_to_confirm_before_recording_a_payment() -> None:
    """Beyond the grant, the same payment (date and amount) twice, a date before the start."""
    received = [GrantPayment(date(2024, 9, 20), 680_000)]
    assert payment_warnings(GrantPayment(date(2024, 10, 1), 680_000), received, PROGRAMME) == []
    beyond, twice, early = (
        payment_warnings(payment, received, PROGRAMME)
        for payment in (
            GrantPayment(date(2024, 10, 1), 680_001),
            GrantPayment(date(2024, 9, 20), 680_000),
            GrantPayment(date(2023, 9, 20), 1_000),
        )
    )
    assert [plain(w) for w in beyond] == [
        "Les versements reçus (13 600,01 €) dépassent la subvention accordée (13 600,00 €) de 0,01 € : "
        "vérifiez les montants."
    ]
    assert [plain(w) for w in twice] == [
        "Un versement de 6 800,00 € du 20/09/2024 est déjà enregistré : ne le saisissez pas deux fois."
    ]
    assert [plain(w) for w in early] == [
        "Le 20/09/2023 est avant le début de l'expérimentation (01/09/2024) : vérifiez la date."
    ]


def test_the_checker_lists_payments_before_the_start_or_to_come(service: CarnetService) -> None:
    payments = [
        GrantPayment(date(2023, 9, 20), 100, id="early"),
        GrantPayment(date(2024, 9, 20), 200, id="inside"),
        GrantPayment(date(2025, 4, 2), 300, id="after-the-end"),
    ]
    found = checks.payments_outside(payments, PROGRAMME, date(2025, 4, 1))
    assert [(f.severity, plain(f.detail).split(" :")[0]) for f in found] == [
        (checks.Severity.TO_CHECK, "Versement du 20/09/2023"),
        (checks.Severity.TO_CHECK, "Versement du 02/04/2025"),
    ]
    assert "antérieur au début" in found[0].detail
    assert "jour à venir" in found[1].detail
    # A balance paid after the end but received is normal: not listed.
    assert checks.payments_outside(payments[1:], PROGRAMME, date(2025, 4, 2)) == []
    # In a carnet: the checker (verifier, the pack) lists it.
    service.bilan.add_payment(GrantPayment(date(2024, 8, 1), 100))
    assert [f.title for f in service.pack.check() if "Versement" in f.title] == [
        "Versement de la subvention à vérifier"
    ]


def test_payments_are_kept_by_date_found_by_short_id_and_deleted(service: CarnetService) -> None:
    bilan = service.bilan
    late = bilan.add_payment(GrantPayment(date(2024, 11, 1), 680_000, "solde"))
    early = bilan.add_payment(GrantPayment(date(2024, 9, 20), 680_000, "avance"))
    assert [p.id for p in bilan.payments()] == [early, late]
    assert bilan.find_payment(late[:8]).label == "solde"
    assert bilan.payment_warnings(GrantPayment(TODAY, 1))  # 13 600,01 € received: beyond the grant
    assert bilan.payment_warnings(GrantPayment(TODAY, 1_000)) != []
    with pytest.raises(InvalidInput, match="une fois reçu"):
        bilan.payment_warnings(GrantPayment(date(2025, 3, 1), 1))
    with pytest.raises(InvalidInput):
        bilan.add_payment(GrantPayment(date(2024, 9, 20), 0))
    bilan.delete_payment(late)
    assert [p.id for p in bilan.payments()] == [early]
    with pytest.raises(AppError, match="n'existe plus"):
        bilan.delete_payment(late)
    with pytest.raises(InvalidInput, match="Aucun versement"):
        bilan.find_payment(late[:8])
    # In the file: the row stays, marked deleted (for merging), and the bilan reads the rest.
    rows = service.carnet.db.execute("SELECT id, deleted_at IS NOT NULL FROM grant_payments").fetchall()
    assert sorted(rows) == sorted([(early, 0), (late, 1)])
    assert service.bilan.bilan()[0].received_cents == 680_000


def payment_rows(path: Path) -> list[tuple[object, object, object]]:
    sheet = load_workbook(path)[SHEET]
    return [
        (row[0].value, row[1].value, row[2].value)
        for row in sheet.iter_rows(max_col=3)
        if str(row[0].value).startswith("Versement du")
    ]


def test_the_bilan_shows_each_payment_and_the_balance_in_both_formats(
    service: CarnetService, tmp_path: Path
) -> None:
    log_entry(service, date(2024, 9, 2), 600)  # 10 h: 500,00 €
    service.bilan.add_payment(GrantPayment(date(2024, 10, 1), 10_000))
    service.bilan.add_payment(GrantPayment(date(2024, 9, 15), 30_000, "avance"))
    bilan, _ = service.bilan.bilan()
    assert (bilan.total_cents, bilan.received_cents, bilan.due_cents, bilan.refund_cents) == (
        50_000,
        40_000,
        10_000,
        0,
    )
    xlsx = export(service, "xlsx", tmp_path / "bilan.xlsx")
    assert payment_rows(xlsx) == [
        ("Versement du 15/09/2024", "avance", 300),
        ("Versement du 01/10/2024", None, 100),
    ]
    values = evaluated(xlsx)
    assert values["Versements reçus"] == 400
    assert values["Dépenses retenues au titre des forfaits"] == values["TOTAL Dépenses"] == 500
    assert values["Dépenses couvertes par la subvention"] == 500
    assert values["Excédent à reverser à l'ARS"] == 0
    assert values["Solde restant à verser par l'ARS"] == 100
    assert values["N.B : Dépenses = Recettes"] == 0
    text = pdf_text(export(service, "pdf", tmp_path / "bilan.pdf"))
    for expected in (
        "Subvention FIR (ARS Grand Est) accordée 13 600,00 €",
        "Versement du 15/09/2024 (avance) 300,00 €",
        "Versement du 01/10/2024 100,00 €",
        "Versements reçus 400,00 €",
        "Dépenses retenues au titre des forfaits (total de l'annexe) 500,00 €",
        "Excédent à reverser à l'ARS (titre de recette) 0,00 €",
        "Solde restant à verser par l'ARS 100,00 €",
    ):
        assert expected in text, expected
    assert "Aucun versement de la subvention n'est saisi" not in text
    # Paid beyond the expenses: the surplus goes back.
    service.bilan.add_payment(GrantPayment(date(2024, 11, 2), 25_000, "solde"))
    values = evaluated(export(service, "xlsx", tmp_path / "bilan2.xlsx"))
    assert (values["Versements reçus"], values["Excédent à reverser à l'ARS"]) == (650, 150)
    assert values["Solde restant à verser par l'ARS"] == values["N.B : Dépenses = Recettes"] == 0
    text = pdf_text(export(service, "pdf", tmp_path / "bilan2.pdf"))
    assert "Excédent à reverser à l'ARS (titre de recette) 150,00 €" in text
    assert "excédent à reverser à l'ARS : 150,00 €" in text  # the balance's sentence


def test_without_payments_the_bilan_says_so(service: CarnetService, tmp_path: Path) -> None:
    xlsx = export(service, "xlsx", tmp_path / "bilan.xlsx")
    assert payment_rows(xlsx) == []
    texts = [str(c.value) for row in load_workbook(xlsx)[SHEET].iter_rows() for c in row if c.value]
    assert "Aucun versement saisi" in texts
    assert any("Aucun versement de la subvention n'est saisi" in t for t in texts)
    assert evaluated(xlsx)["Versements reçus"] == 0
    assert "Aucun versement de la subvention n'est saisi" in pdf_text(
        export(service, "pdf", tmp_path / "b.pdf")
    )


def test_the_commands(tmp_path: Path, private_home: Path) -> None:
    carnet = tmp_path / "c.ambassadeur"
    service = open_service(carnet, create=True, today=lambda: TODAY)
    service.setup(PROGRAMME, [])
    service.close()

    def versement(*args: str) -> tuple[int, str, str]:
        result = run("--carnet", carnet, *args, home=private_home)
        return result.returncode, plain(result.stdout), plain(result.stderr)

    code, out, _ = versement("versements")
    assert (code, out.splitlines()[0]) == (
        0,
        "Aucun versement de la subvention saisi (13 600,00 € accordés).",
    )
    code, out, err = versement("versement", "15/09/2024", "6 800,00", "--libelle", "avance de 50 %")
    assert code == 0, err
    assert "Versement enregistré : Versement du 15/09/2024 : 6 800,00 € (avance de 50 %)." in out
    assert versement("versement", "31/02/2025", "10")[0] == 2  # not a day: bad usage
    code, _, err = versement("versement", "01/11/2024", "0")
    assert (code, err.strip()) == (1, "erreur : Le montant d'un versement doit être positif (0,00 € saisis).")
    tomorrow = (date.today() + timedelta(days=1)).strftime("%d/%m/%Y")  # the command's today
    code, _, err = versement("versement", tomorrow, "10")
    assert (code, "un versement se note une fois reçu" in err) == (1, True)
    # A warning refuses before anything is saved, unless confirmed.
    for warned, expected in (
        (("01/11/2024", "7 000"), "Les versements reçus (13 800,00 €) dépassent la subvention accordée"),
        (("15/09/2024", "6.800,00"), "Un versement de 6 800,00 € du 15/09/2024 est déjà enregistré"),
        (("01/08/2023", "10"), "Le 01/08/2023 est avant le début de l'expérimentation"),
    ):
        code, _, err = versement("versement", *warned)
        assert (code, expected in err, "relancez avec --confirmer" in err) == (1, True, True), err
    assert "1 versement, 6 800,00 € reçus" in versement("versements")[1]
    code, _, err = versement("versement", "01/11/2024", "7.000,00", "--confirmer")
    assert code == 0
    assert "attention : Les versements reçus (13 800,00 €) dépassent la subvention accordée" in err
    assert versement("versement", "01/11/2024", "6.800")[0] == 2  # 6,80 € or 6 800 €: refused
    code, out, _ = versement("versement")
    lines = out.splitlines()
    assert lines[0].endswith("15/09/2024      6 800,00 €  avance de 50 %")
    assert "2 versements, 13 800,00 € reçus sur 13 600,00 € accordés." in out
    short = lines[1].split()[0]
    # --supprimer alone; --libelle only with a payment.
    for wrong in (
        ("versement", "15/03/2024", "100", "--supprimer", short),
        ("versement", "--supprimer", ""),
        ("versement", "--supprimer", " "),
        ("versement", "--libelle", "avance"),
    ):
        code, _, err = versement(*wrong)
        assert (code, err.startswith("erreur")) == (1, True), (wrong, err)
    assert "2 versements" in versement("versements")[1]
    code, out, _ = versement("versement", "--supprimer", short)
    assert (code, out.strip()) == (0, "Versement supprimé : Versement du 01/11/2024 : 7 000,00 €.")
    code, out, _ = versement("versements")
    assert "1 versement, 6 800,00 € reçus" in out


def test_a_finding_on_an_entry_carries_its_id() -> None:
    """The window selects the entry of a finding from ``record_id`` (``record_kind`` entry)."""
    entries = [
        TimeEntry(day, "amb", Mission.PROMOTION, "Appel", 60, id=entry_id)
        for day, entry_id in [
            (date(2024, 8, 30), "e-before"),
            (date(2024, 9, 2), "e-inside"),
            (date(2025, 3, 1), "e-after"),
        ]
    ]
    found = checks.entries_outside(entries, PROGRAMME)
    assert [(f.record_kind, f.record_id) for f in found] == [
        (RecordKind.ENTRY, "e-before"),
        (RecordKind.ENTRY, "e-after"),
    ]
    assert all(f.target_page == checks.CARNET_PAGE for f in found)


def test_every_finding_about_an_entry_in_a_carnet_names_it(service: CarnetService) -> None:
    outside = log_entry(service, date(2024, 8, 30), 60)
    entry_findings = [f for f in service.pack.check() if f.record_kind is RecordKind.ENTRY]
    assert [f.record_id for f in entry_findings] == [outside]
    assert service.entry(entry_findings[0].record_id).day == date(2024, 8, 30)

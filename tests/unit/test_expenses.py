"""Expenses of the forfait événement: the rules, the service (forfait warning, deleted events,
signed sign-in sheets) and the command ``depenses``."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from ambassadeur_app.cli import main
from ambassadeur_app.domain.expenses import (
    AttachmentRole,
    Expense,
    ExpenseStatus,
    ForfaitUse,
    complete_amounts,
    forfait_use,
    parse_amount,
    validate_expense,
)
from ambassadeur_app.errors import AppError, CarnetReadOnly, InvalidInput
from ambassadeur_app.services import CarnetService, open_service
from ambassadeur_app.services.expenses import DELETED_EVENT, ForfaitExceeded
from tests.conftest import plain
from tests.unit.test_events import workshop

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def expense(**changes: object) -> Expense:
    base = Expense(
        "Traiteur Dupont",
        "F-2024-12",
        date(2024, 10, 8),
        "Buffet",
        50_000,
        10_000,
        60_000,
        ExpenseStatus.PAID,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def pdf(folder: Path, name: str = "facture.pdf", content: bytes = PDF) -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


# --- domain -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"supplier": "  \u200b "}, "fournisseur", "Indiquez le fournisseur."),
        ({"amount_ht_cents": -100, "amount_ttc_cents": 9_900}, "montant HT", "ne peut pas être négatif"),
        ({"vat_cents": 9_999}, "montant TTC", "500,00 € HT + 99,99 € de TVA font 599,99 €, pas 600,00 € TTC"),
        ({"issued_on": date(2204, 10, 8)}, "date", "l'année doit aller de 2000 à 2099"),
        ({"number": "N" * 301}, "numéro", "« numéro » (301 caractères ; 300 au plus)"),
        (
            {"amount_ht_cents": 200_000_000, "vat_cents": 0, "amount_ttc_cents": 200_000_000},
            "montant HT",
            "vérifiez le nombre de zéros",
        ),
    ],
)
def test_an_invalid_expense_is_refused_naming_its_field(
    changes: dict[str, object], field: str, message: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_expense(expense(**changes))
    assert caught.value.field == field
    assert message in plain(caught.value.message)


def test_an_expense_is_cleaned() -> None:
    checked = validate_expense(expense(supplier="  Imprimerie   du\tCentre ", number=" A 12 ", event_id=""))
    assert (checked.supplier, checked.number, checked.event_id) == ("Imprimerie du Centre", "A 12", None)


def test_the_missing_amount_is_computed_from_the_other_two() -> None:
    assert complete_amounts(10_000, 2_000, None) == (10_000, 2_000, 12_000)
    assert complete_amounts(10_000, None, 12_000) == (10_000, 2_000, 12_000)
    assert complete_amounts(None, 2_000, 12_000) == (10_000, 2_000, 12_000)
    assert complete_amounts(1, 2, 4) == (1, 2, 4)  # all three given: checked later, not changed
    with pytest.raises(InvalidInput, match="au moins deux des trois montants"):
        complete_amounts(None, None, 12_000)


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("1 234,56", 123_456),
        ("1\u00a0234,5 €", 123_450),
        ("80", 8_000),
        ("12.05", 1_205),
        ("  ", None),
        ("-3,00", -300),
        ("6.800,00 €", 680_000),
        ("1.234.567", 123_456_700),
    ],
)
def test_amounts_are_typed_the_french_way(text: str, cents: int | None) -> None:
    assert parse_amount(text) == cents


@pytest.mark.parametrize("text", ["12,345", "douze", "1,2,3", "1e5", "6.800", "6.80,00"])
def test_a_badly_typed_amount_is_refused(text: str) -> None:
    with pytest.raises(InvalidInput, match="Montant invalide pour « TVA »"):
        parse_amount(text, "TVA")


def test_the_forfait_counts_committed_amounts_ttc_and_quotes_apart() -> None:
    use = forfait_use(
        160_000,
        [
            expense(
                status=ExpenseStatus.QUOTE, amount_ht_cents=20_000, vat_cents=5_000, amount_ttc_cents=25_000
            ),
            expense(
                status=ExpenseStatus.ORDERED, amount_ht_cents=30_000, vat_cents=0, amount_ttc_cents=30_000
            ),
            expense(status=ExpenseStatus.INVOICED),
            expense(
                status=ExpenseStatus.PAID, amount_ht_cents=11_000, vat_cents=2_000, amount_ttc_cents=13_000
            ),
        ],
    )
    assert use == ForfaitUse(160_000, 103_000, 25_000)
    assert use.remaining_cents == 57_000
    assert not use.would_exceed(57_000)
    assert use.would_exceed(57_001)
    assert use.over_by(60_000) == 3_000
    assert plain(use.label) == (
        "Forfait événements : 1 030,00 € engagés sur 1 600,00 €, reste 570,00 € ; devis en attente : 250,00 €"
    )
    assert "dépassé de 100,00 €" in plain(ForfaitUse(160_000, 170_000, 0).label)
    assert "au-delà du forfait s'ils sont tous commandés" in ForfaitUse(160_000, 150_000, 20_000).label


# --- service ----------------------------------------------------------------------------------


def test_an_expense_is_saved_read_back_updated_deleted_and_restored(service: CarnetService) -> None:
    event_id = service.events.save_event(workshop())
    expenses = service.expenses
    expense_id = expenses.save_expense(expense(event_id=event_id))
    assert expenses.expense_ids() == [expense_id] == expenses.expense_ids(event_id)
    assert expenses.expenses([expense_id])[expense_id] == expense(event_id=event_id, id=expense_id)
    expenses.save_expense(expense(event_id=event_id, id=expense_id, status=ExpenseStatus.INVOICED))
    assert expenses.expense(expense_id).status is ExpenseStatus.INVOICED
    expenses.delete_expense(expense_id)
    assert expenses.expense_ids() == []
    assert expenses.forfait_use().committed_cents == 0
    with pytest.raises(InvalidInput, match="restaurez-la"):
        expenses.save_expense(expense(id=expense_id))
    expenses.restore_expense(expense_id)
    assert expenses.forfait_use() == ForfaitUse(160_000, 60_000, 0)
    reopened = open_service(service.path, readonly=True)
    try:
        assert reopened.expenses.expense(expense_id).amount_ttc_cents == 60_000
    finally:
        reopened.close()


def test_an_invoice_above_the_forfait_is_refused_unless_allowed(service: CarnetService) -> None:
    expenses = service.expenses
    first = expenses.save_expense(
        expense(amount_ht_cents=100_000, vat_cents=20_000, amount_ttc_cents=120_000)
    )
    over = expense(supplier="Imprimerie", amount_ht_cents=40_000, vat_cents=8_000, amount_ttc_cents=48_000)
    with pytest.raises(ForfaitExceeded) as caught:
        expenses.save_expense(over)
    assert caught.value.over_by_cents == 8_000
    assert "dépassé de 80,00 €" in plain(caught.value.message)
    assert "il reste 400,00 €" in plain(caught.value.message)
    assert expenses.expense_ids() == [first]  # nothing written
    # A quote is no spending: saved without a word; ordering it is the step that warns.
    quote_id = expenses.save_expense(replace(over, status=ExpenseStatus.QUOTE))
    with pytest.raises(ForfaitExceeded):
        expenses.save_expense(replace(over, id=quote_id, status=ExpenseStatus.ORDERED))
    assert expenses.expense(quote_id).status is ExpenseStatus.QUOTE
    expenses.save_expense(replace(over, id=quote_id, status=ExpenseStatus.ORDERED), allow_over_forfait=True)
    assert expenses.forfait_use().remaining_cents == -8_000
    # Already beyond: a change that spends no more (its description) is saved without the flag,
    # one that spends more is not.
    expenses.save_expense(replace(over, id=quote_id, status=ExpenseStatus.PAID, description="Affiches A3"))
    with pytest.raises(ForfaitExceeded):
        expenses.save_expense(replace(over, id=quote_id, amount_ht_cents=40_100, amount_ttc_cents=48_100))


def test_an_event_with_expenses_is_not_deleted(service: CarnetService) -> None:
    event_id = service.events.save_event(workshop())
    expenses = service.expenses
    expense_id = expenses.save_expense(expense(event_id=event_id))
    second = expenses.save_expense(expense(event_id=event_id, supplier="Imprimerie", number="F-9"))
    with pytest.raises(InvalidInput, match=r"Cet événement a 2 dépenses \(devis ou factures\) : supprimez"):
        service.events.delete_event(event_id)
    assert service.events.event(event_id).title == "Atelier Parceo"
    expenses.delete_expense(second)
    with pytest.raises(InvalidInput, match=r"Cet événement a 1 dépense .* supprimez-la ou rattachez-la"):
        service.events.delete_event(event_id)
    expenses.delete_expense(expense_id)
    service.events.delete_event(event_id)  # no live expense left
    assert service.events.event_ids() == []
    # Restoring an expense brings its event back: an expense always has a live event.
    expenses.restore_expense(expense_id)
    assert service.events.event_ids() == [event_id]
    assert expenses.event_title(event_id) == "Atelier Parceo"


def test_an_expense_of_an_event_deleted_by_an_older_version_stays_listed_and_counted(
    service: CarnetService,
) -> None:
    event_id = service.events.save_event(workshop())
    expenses = service.expenses
    expense_id = expenses.save_expense(expense(event_id=event_id))
    with service.carnet.write():
        service.carnet.events.delete([event_id])
    assert expenses.expense_ids(event_id) == [expense_id]
    assert expenses.event_title(event_id) == f"Atelier Parceo ({DELETED_EVENT})"
    assert expenses.forfait_use().committed_cents == 60_000
    # Kept when the expense is edited, but no new expense may point at the deleted event.
    expenses.save_expense(expense(event_id=event_id, id=expense_id, description="Buffet froid"))
    with pytest.raises(AppError, match="Cet événement n'existe plus"):
        expenses.save_expense(expense(event_id=event_id, supplier="Autre"))
    service.events.restore_event(event_id)
    assert expenses.event_title(event_id) == "Atelier Parceo"


def test_the_signed_sign_in_sheet_is_attached_to_its_event(service: CarnetService, tmp_path: Path) -> None:
    event_id = service.events.save_event(workshop())
    scan = pdf(tmp_path, "emargement signé.pdf")
    sheet = service.expenses.attach_sign_in_sheet(event_id, scan)
    assert service.expenses.sign_in_sheets(event_id) == [sheet]
    assert sheet.role is AttachmentRole.SIGN_IN_SHEET
    assert service.expenses.attachment_path(sheet).read_bytes() == PDF
    service.expenses.attachment_path(sheet).chmod(0o644)
    service.expenses.attachment_path(sheet).write_bytes(PDF + b"x")
    problem = service.expenses.check_attachment(sheet)
    assert problem is not None
    assert "« emargement signé.pdf » (feuille d'émargement de « Atelier Parceo »)" in problem
    with pytest.raises(InvalidInput, match="se joint à son événement"):
        service.expenses.attach(service.expenses.save_expense(expense()), scan, AttachmentRole.SIGN_IN_SHEET)


def test_a_carnet_on_read_only_media_copies_nothing(
    service: CarnetService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expense_id = service.expenses.save_expense(expense())
    monkeypatch.setattr(service.carnet, "media_readonly", True)
    with pytest.raises(CarnetReadOnly, match="support en lecture seule"):
        service.expenses.attach(expense_id, pdf(tmp_path))
    assert not service.expenses.store.folder.exists()
    assert service.expenses.attachments_of(expense_id) == []


# --- command line -----------------------------------------------------------------------------


def test_the_command_lists_the_expenses_and_fails_on_a_changed_attachment(
    service: CarnetService, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    event_id = service.events.save_event(workshop())
    expenses = service.expenses
    paid = expenses.save_expense(expense(event_id=event_id))
    quote = expenses.save_expense(
        expense(
            supplier="Imprimerie",
            number="",
            status=ExpenseStatus.QUOTE,
            amount_ht_cents=20_000,
            vat_cents=5_000,
            amount_ttc_cents=25_000,
        )
    )
    carnet = str(service.path)
    service.close()
    assert main(["--carnet", carnet, "depenses", "joindre", paid[:8], str(pdf(tmp_path))]) == 0
    out = plain(capsys.readouterr().out)
    assert "Facture jointe à la dépense Traiteur Dupont n° F-2024-12 du 08/10/2024 : « facture.pdf »" in out
    assert main(["--carnet", carnet, "depenses"]) == 0
    lines = plain(capsys.readouterr().out).splitlines()
    assert lines == [
        f"{quote[:8]}  08/10/2024  Imprimerie  sans n°  Devis  250,00 € TTC  — sans pièce",
        f"{paid[:8]}  08/10/2024  Traiteur Dupont  n° F-2024-12  Payé  600,00 € TTC  Atelier Parceo  "
        "— 1 pièce en ordre",
        "Forfait événements : 600,00 € engagés sur 1 600,00 €, reste 1 000,00 € ; "
        "devis en attente : 250,00 €",
    ]
    stored = next((Path(carnet + ".pieces")).glob("*.pdf"))
    stored.chmod(0o644)
    stored.write_bytes(b"%PDF-1.4 autre contenu")
    assert main(["--carnet", carnet, "depenses", "--evenement", event_id[:8]]) == 1
    captured = capsys.readouterr()
    assert "1 pièce en défaut" in captured.out
    err = plain(captured.err)
    assert (
        "problème : La pièce jointe « facture.pdf » (facture Traiteur Dupont n° F-2024-12 du 08/10/2024) "
        "a été modifiée"
    ) in err
    assert "erreur : 1 pièce jointe manquante ou modifiée" in err
    assert main(["--carnet", carnet, "check"]) == 1  # the carnet's check hashes every attachment
    assert "facture.pdf » (facture Traiteur Dupont n° F-2024-12 du 08/10/2024) a été modifiée" in plain(
        capsys.readouterr().err
    )
    assert main(["--carnet", carnet, "depenses", "joindre", paid[:8], str(tmp_path / "absent.pdf")]) == 1
    assert "ne peut pas être lu : fichier ou dossier introuvable" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["--carnet", carnet, "depenses", "joindre", paid[:8]])
    assert usage.value.code == 2
    assert "arguments obligatoires manquants : FICHIER" in capsys.readouterr().err


def test_the_command_says_when_there_is_no_expense(
    service: CarnetService, capsys: pytest.CaptureFixture[str]
) -> None:
    carnet = str(service.path)
    service.close()
    assert main(["--carnet", carnet, "depenses"]) == 0
    out = plain(capsys.readouterr().out)
    assert out.splitlines() == [
        "Aucune dépense dans ce carnet.",
        "Forfait événements : 0,00 € engagés sur 1 600,00 €, reste 1 600,00 € ; devis en attente : 0,00 €",
    ]


# --- demonstration ----------------------------------------------------------------------------


def test_the_demo_has_quotes_and_invoices_within_the_forfait_with_their_documents(tmp_path: Path) -> None:
    from pypdf import PdfReader

    from ambassadeur_app.demo import REFERENCE_DAY, build_demo

    hashes = []
    for name in ("a", "b"):
        with open_service(tmp_path / f"{name}.ambassadeur", create=True, today=lambda: REFERENCE_DAY) as demo:
            build_demo(demo)
            expenses = demo.expenses
            ids = expenses.expense_ids()
            assert expenses.forfait_use() == ForfaitUse(160_000, 86_713, 25_000)
            checks = expenses.checks(ids)
            # Each committed expense has its quote and its invoice; the pending quote, its quote.
            roles = [sorted(check.attachment.role.value for check in checks[i]) for i in ids]
            assert roles == [["devis", "facture"]] * 3 + [["devis"]]
            assert all(check.problem is None for i in ids for check in checks[i])
            hashes.append(sorted(check.attachment.sha256 for i in ids for check in checks[i]))
            first = expenses.expenses(ids)[ids[0]]
            text = PdfReader(expenses.attachment_path(checks[ids[0]][0].attachment)).pages[0].extract_text()
            assert first.supplier in text
            assert first.number in text
    assert hashes[0] == hashes[1]  # the same demo, byte for byte

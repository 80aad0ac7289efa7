"""The register's documents, written and read back."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from pycel import ExcelCompiler
from pypdf import PdfReader

from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.register import (
    AccountAction,
    AccountEvent,
    Channel,
    Contact,
    Onboarding,
    Professional,
    RegisterFilter,
    RequestCategory,
    Solicitation,
    Specialty,
    Structure,
    StructureType,
)
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.services import CarnetService
from tests.conftest import ambassador_id, plain


@pytest.fixture
def register(service: CarnetService) -> CarnetService:
    """Two structures, four professionals, three contacts, three requests, two account events."""
    reg = service.register
    marie, paul = ambassador_id(service, "Marie Durand"), ambassador_id(service, "Paul Martin")
    msp = reg.save_structure(Structure("MSP des Tilleuls", StructureType.MSP, commune="Toul"))
    reg.save_structure(Structure("MSP de Blâmont", StructureType.MSP, commune="Blâmont"))
    ehpad = reg.save_structure(Structure("EHPAD Le Parc", StructureType.EHPAD, commune="Nancy"))
    gp = reg.save_professional(
        Professional("Colin", "Anne", "G15-10", specialty=Specialty.GENERAL, structure_ids=(msp,))
    )
    nurse = reg.save_professional(Professional("=cmd|' /C calc'!A0", "Bob", "G15-60", structure_ids=(msp,)))
    nurse2 = reg.save_professional(Professional("Roux", "Léa", "G15-60", structure_ids=(ehpad,)))
    reg.save_professional(Professional("Jamais", "Contacté", "G15-70"))
    reg.log_contact(
        Contact(
            date(2024, 9, 3),
            marie,
            Channel.VISIT,
            Mission.PROMOTION,
            "Présentation",
            professional_ids=(gp, nurse),
            structure_id=msp,
        )
    )
    reg.log_contact(
        Contact(
            date(2024, 10, 8), paul, Channel.PHONE, Mission.ACCOMPAGNEMENT, "Suivi", professional_ids=(nurse,)
        )
    )
    reg.log_contact(
        Contact(
            date(2024, 10, 9),
            paul,
            Channel.VISIT,
            Mission.PROMOTION,
            "Visite",
            professional_ids=(nurse2,),
            structure_id=ehpad,
        )
    )
    reg.advance_onboarding(msp, Onboarding.ONBOARDED, date(2024, 10, 20))
    reg.save_solicitation(
        Solicitation(
            datetime(2024, 9, 5, 9),
            Channel.PHONE,
            RequestCategory.ACCESS,
            "Accès",
            professional_id=gp,
            answered_at=datetime(2024, 9, 5, 11),
            answered_by=marie,
        )
    )
    reg.save_solicitation(
        Solicitation(
            datetime(2024, 9, 10, 9),
            Channel.EMAIL,
            RequestCategory.BUG,
            "Bug",
            professional_id=nurse,
            answered_at=datetime(2024, 9, 11, 15),
            answered_by=paul,
        )
    )
    reg.save_solicitation(
        Solicitation(
            datetime(2024, 10, 2, 8),
            Channel.EMAIL,
            RequestCategory.TRAINING,
            "Formation",
            requester="Secrétariat de la MSP",
        )
    )
    reg.record_account(AccountEvent(date(2024, 9, 3), gp, AccountAction.CREATE, marie))
    reg.record_account(AccountEvent(date(2024, 10, 9), nurse2, AccountAction.CREATE, paul))
    return service


def evaluated(path: Path, sheet_name: str) -> dict[str, list[object]]:
    """Return each row of a sheet by its first cell, formulas evaluated as Excel would."""
    compiler = ExcelCompiler(filename=str(path))
    sheet = openpyxl.load_workbook(path)[sheet_name]
    rows: dict[str, list[object]] = {}
    for row in sheet.iter_rows():
        values = [
            compiler.evaluate(f"'{sheet_name}'!{c.coordinate}") if c.data_type == "f" else c.value
            for c in row
        ]
        if isinstance(values[0], str):
            rows[values[0]] = values
    return rows


def test_contacts_tables_count_what_the_register_holds(register: CarnetService, tmp_path: Path) -> None:
    out = register.register.export("contacts", "xlsx", tmp_path / "contacts.xlsx")
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == [
        "Professionnels contactés",
        "Structures contactées",
        "Par profession",
        "Par type de structure",
        "Par ambassadeur",
        "Liste des contacts",
    ]
    by_profession = evaluated(out, "Par profession")
    assert by_profession["Infirmier"][1:3] == [2, 3]  # 2 nurses, 3 contacts with nurses
    assert by_profession["Médecin — médecine générale"][1:3] == [1, 1]
    assert by_profession["Total"][1:3] == [3, 4]
    by_type = evaluated(out, "Par type de structure")
    assert by_type["MSP"][1:3] == [1, 1]
    assert by_type["Total"][1:3] == [2, 2]
    people = workbook["Professionnels contactés"]
    names = [row[0].value for row in people.iter_rows()]
    assert "Jamais" not in names
    injected = next(c for row in people.iter_rows() for c in row if str(c.value).startswith("=cmd"))
    assert injected.data_type == "s"  # never a formula
    assert evaluated(out, "Par ambassadeur")["Paul Martin"][1] == 2


def test_requests_per_month_with_delays(register: CarnetService, tmp_path: Path) -> None:
    out = register.register.export("sollicitations", "xlsx", tmp_path / "s.xlsx")
    months = evaluated(out, "Reçues et répondues par mois")
    assert months["Septembre 2024"][1:6] == [2, 2, 0, 16.0, 30.0]  # delays 2 h and 30 h
    assert months["Octobre 2024"][1:4] == [1, 0, 1]
    assert months["Total"][1:4] == [3, 2, 1]
    waiting = list(openpyxl.load_workbook(out)["Sans réponse"].iter_rows(min_row=6, values_only=True))
    assert waiting[0][:2] == (datetime(2024, 10, 2, 8, 0), "Secrétariat de la MSP")
    assert waiting[0][5] == 44  # days waiting on 15/11/2024
    text = plain(
        " ".join(
            p.extract_text()
            for p in PdfReader(register.register.export("sollicitations", "pdf", tmp_path / "s.pdf")).pages
        )
    )
    assert "médian 16 h, maximum 30 h" in text
    assert "Septembre 2024 2 2 0 16 h 30 h" in " ".join(text.split())  # durations read alike


def test_accounts_structures_and_professionals_lists(register: CarnetService, tmp_path: Path) -> None:
    accounts = evaluated(register.register.export("comptes", "xlsx", tmp_path / "a.xlsx"), "Par mois")
    assert accounts["Septembre 2024"][1] == 1
    assert accounts["Total"][1] == 2
    structures = register.register.export("structures", "xlsx", tmp_path / "st.xlsx")
    by_type = evaluated(structures, "Par type")
    assert by_type["MSP"][1:3] == [2, 1]
    note = openpyxl.load_workbook(structures)["Par type"]["A4"].value
    assert (
        plain(note)
        == "Structures d'exercice coordonné (MSP, ESP, CDS) embarquées : 1 sur 2 (50 %) — objectif : 30 %."
    )
    listing = evaluated(
        register.register.export("professionnels", "xlsx", tmp_path / "p.xlsx"), "Par profession"
    )
    assert listing["Total"][1] == 4
    assert listing["Infirmier"][1:3] == [2, 1]
    since = register.register.export(
        "professionnels", "xlsx", tmp_path / "p2.xlsx", date(2024, 10, 1), date(2024, 10, 31)
    )
    assert evaluated(since, "Par profession")["Total"][1] == 2  # contacted in October only


def test_erased_people_stay_counted(register: CarnetService, tmp_path: Path) -> None:
    reg = register.register
    (nurse2,) = reg.professional_ids(RegisterFilter(text="roux"))
    reg.erase_professional(nurse2)
    out = reg.export("contacts", "xlsx", tmp_path / "c.xlsx")
    assert evaluated(out, "Par profession")["Infirmier"][1:3] == [2, 3]
    names = [row[0].value for row in openpyxl.load_workbook(out)["Professionnels contactés"].iter_rows()]
    assert "Roux" not in names
    assert "Personne effacée" in names


def test_bad_periods_and_kinds(register: CarnetService, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="se termine"):
        register.register.document("contacts", date(2024, 10, 1), date(2024, 9, 1))
    with pytest.raises(InvalidInput, match="Document inconnu"):
        register.register.document("factures")
    pdf = register.register.export("contacts", "pdf", tmp_path / "c.pdf")
    text = plain(" ".join(p.extract_text() for p in PdfReader(pdf).pages))
    assert "Professionnels et structures contactés" in text
    assert "du 01/09/2024 au 28/02/2025" in text
    assert "Page 1 sur" in text

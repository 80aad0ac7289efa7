"""Any text a user can type, paste or import can be exported, and every month can be closed.

Control characters, lone surrogates and non-characters are removed on the way into the carnet
(with a warning for typed entries); a carnet that already holds them (written by an older
version or another tool) is defended again when documents are written.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from ambassadeur_app.demo import build_demo
from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import Ambassador, EntryFilter, Role
from ambassadeur_app.domain.text import clean_line, printable, unprintable_problem
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.services import CarnetService, open_service
from tests.conftest import make_entry
from tests.unit.test_cli import run, saisir

# Every character no document can hold: C0 and C1 controls, the two non-characters, and what
# a lone surrogate becomes when Python decodes bad bytes (the command line, a file name).
UNPRINTABLE = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0))]
UNPRINTABLE += ["\ufffe", "\uffff", "\ud800", "\udcff", "\udfff"]
HOSTILE = "".join(UNPRINTABLE)

# The free-text columns of every table: what a user types or an import brings.
FREE_TEXT = {
    "programme": ["cpts_name", "departement_name", "programme_name", "representative_name"],
    "ambassadors": ["name", "profession"],
    "activities": ["label"],
    "time_entries": ["activity", "place", "description"],
    "month_locks": ["reopen_reason"],
    "professionals": ["last_name", "first_name", "commune", "notes"],
    "structures": ["name", "commune", "services_engaged", "notes"],
    "contacts": ["subject", "outcome", "next_step"],
    "solicitations": ["description", "requester", "resolution"],
    "professional_activities": ["site_name", "commune"],
}


def test_the_character_classes_are_exactly_the_unprintable_ones() -> None:
    assert len(UNPRINTABLE) == 9 + 2 + 18 + 33 + 2 + 3  # C0, C1, non-characters, surrogates
    assert all(unprintable_problem(f"a{c}b") for c in UNPRINTABLE)
    assert printable(f"début{HOSTILE}fin") == "débutfin"
    for kept in "\t\n\r éàçœ€«»’\u00a0\u202f😀":
        assert unprintable_problem(kept) is None


def test_each_character_typed_in_an_entry_is_removed_with_a_warning(service: CarnetService) -> None:
    for index, char in enumerate(UNPRINTABLE):
        text = f"Appel{char} MSP"
        saved = service.add_entry(
            make_entry(service, date(2024, 9, 2 + index % 20), 5, description=text, activity=f"Appel{char}")
        )
        assert any("La description contient un caractère" in w for w in saved.warnings), repr(char)
        assert any("L'activité contient un caractère" in w for w in saved.warnings), repr(char)
        entry = service.entry(saved.entry_id)
        assert (entry.description, entry.activity) == ("Appel MSP", "Appel")
    assert service.activities()[make_entry(service, date(2024, 9, 2), 5).mission].count("Appel") == 1
    service.export_timesheet(Month(2024, 9), "xlsx", service.path.with_name("sept.xlsx"))


def test_every_register_text_is_cleaned_on_the_way_in(service: CarnetService) -> None:
    from ambassadeur_app.domain.register import Professional

    register = service.register
    person_id = register.save_professional(
        Professional(
            id="", last_name=f"Mar{HOSTILE}tin", first_name="Anne", profession_code="G15-10",
            commune=f"Toul{HOSTILE}", notes=f"Rappeler{HOSTILE} lundi",
        )
    )  # fmt: skip
    person = register.professional(person_id)
    assert (person.last_name, person.commune, person.notes) == ("Martin", "Toul", "Rappeler lundi")


def test_a_text_too_long_for_any_field_is_refused_and_nothing_is_written(service: CarnetService) -> None:
    from ambassadeur_app.domain.register import Professional
    from ambassadeur_app.errors import InvalidInput

    with pytest.raises(InvalidInput, match="trop long"):
        service.register.save_professional(
            Professional(id="", last_name="Martin", profession_code="G15-10", notes="x" * 20_001)
        )
    assert service.register.professional_ids() == []


def test_saisir_takes_a_pasted_control_character_and_bad_bytes(tmp_path: Path, private_home: Path) -> None:
    carnet = tmp_path / "c.ambassadeur"
    run(
        "--carnet", carnet, "init", "--cpts", "CPTS", "--departement", "54", "--debut", "01/09/2024",
        "--ambassadeur", "Paul Martin:administratif", home=private_home,
    )  # fmt: skip
    bell = saisir(carnet, private_home, description="Appel\x07 à la MSP")
    assert bell.returncode == 0, bell.stderr
    assert "attention : La description contient un caractère invisible (U+0007, position 6)" in bell.stdout
    # Bytes that are not UTF-8 reach Python as lone surrogates.
    surrogate = saisir(carnet, private_home, day="03/09/2024", description="R\udce9union")
    assert surrogate.returncode == 0, surrogate.stderr
    assert "caractère invalide (U+DCE9" in surrogate.stdout
    closed = run(
        "--carnet", carnet, "cloturer", "--mois", "2024-09", "--dossier", tmp_path, home=private_home
    )
    assert closed.returncode == 0, closed.stderr
    sheet = openpyxl.load_workbook(next(tmp_path.glob("*.xlsx"))).active
    texts = [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert "Appel à la MSP" in " ".join(texts)
    assert "Runion" in " ".join(texts)


@pytest.fixture
def poisoned(tmp_path: Path) -> Path:
    """The demo carnet, then every free text of every table poisoned behind the app's back."""
    path = tmp_path / "ancien.ambassadeur"
    with open_service(path, create=True) as service:
        build_demo(service)
    conn = sqlite3.connect(path)
    hostile = HOSTILE.replace("\ud800", "").replace("\udcff", "").replace("\udfff", "")  # not UTF-8
    with conn:
        for table, columns in FREE_TEXT.items():
            for column in columns:
                conn.execute(f"UPDATE {table} SET {column} = {column} || ? || 'ZZ'", [hostile])
        # One very long text, with and without spaces, in the widest and the narrowest column.
        conn.execute(
            "UPDATE time_entries SET description = ?, place = ? "
            "WHERE id = (SELECT MIN(id) FROM time_entries)",
            ["Compte rendu " * 1500, "X" * 19_000],
        )
        conn.execute(
            "UPDATE contacts SET outcome = ? WHERE id = (SELECT MIN(id) FROM contacts)", ["mot " * 4000]
        )
        # Unbreakable words in the register's narrow columns (the widest letters).
        conn.execute(
            "UPDATE professionals SET last_name = ?, commune = ? "
            "WHERE id = (SELECT MIN(id) FROM professionals)",
            ["m" * 700, "W" * 1000],
        )
        conn.execute(
            "UPDATE structures SET name = ?, services_engaged = ? "
            "WHERE id = (SELECT MIN(id) FROM structures)",
            ["W" * 1500, "M" * 19_000],
        )
    conn.close()
    return path


def read_xlsx(path: Path) -> list[str]:
    workbook = openpyxl.load_workbook(path)
    return [
        c
        for sheet in workbook
        for row in sheet.iter_rows(values_only=True)
        for c in row
        if isinstance(c, str)
    ]


def test_every_document_of_an_old_carnet_holding_such_characters_is_written(
    poisoned: Path, tmp_path: Path
) -> None:
    out = tmp_path / "documents"
    out.mkdir()
    written: list[Path] = []
    with open_service(poisoned) as service:
        months = service.programme().period_months
        for month in months:
            for fmt in ("xlsx", "pdf"):
                written.append(service.export_timesheet(month, fmt, out / f"releve-{month}.{fmt}"))
        for kind in ("professionnels", "structures", "contacts", "sollicitations", "comptes"):
            for fmt in ("xlsx", "pdf"):
                written.append(service.register.export(kind, fmt, out / f"{kind}.{fmt}"))
        person = service.register.professional_ids()[0]
        for fmt in ("xlsx", "pdf"):
            written.append(service.register.personal_data(person, out / f"personne.{fmt}"))
        open_month = next(m for m in months if service.month_lock(m) is None and m.first_day <= date.today())
        written += service.close_month(open_month, out)
    assert len(written) == 2 * len(months) + 10 + 2 + 2
    markers = 0
    for path in written:
        if path.suffix == ".xlsx":
            texts = read_xlsx(path)
            assert not [t for t in texts if unprintable_problem(t)], path.name
            assert max(len(t) for t in texts) <= 32_767
        else:
            texts = [page.extract_text() for page in PdfReader(path).pages]
            assert not [t for t in texts if unprintable_problem(t.replace("\x00", ""))], path.name
        markers += sum(t.count("ZZ") for t in texts)
    assert markers > 1000  # the poisoned texts are there, cleaned, not dropped


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(st.characters(codec=None, exclude_categories=()), max_size=300))
def test_any_text_in_a_description_can_be_exported(service: CarnetService, text: str) -> None:
    entry_id = service.add_entry(make_entry(service, date(2024, 10, 1), 5, description=text)).entry_id
    try:
        stored = service.entry(entry_id).description
        assert stored == printable(text).strip()
        xlsx = service.export_timesheet(Month(2024, 10), "xlsx", service.path.with_name("oct.xlsx"))
        pdf = service.export_timesheet(Month(2024, 10), "pdf", service.path.with_name("oct.pdf"))
        assert not [t for t in read_xlsx(xlsx) if unprintable_problem(t)]
        assert PdfReader(pdf).pages[0].extract_text()
    finally:
        service.delete_entries([entry_id])
    assert service.entry_ids(EntryFilter(month=Month(2024, 10))) == []


@pytest.mark.parametrize(
    "typed",
    [
        "Nguyễn Thị Hương 👩🏽\u200d⚕️",  # a zero-width joiner inside an emoji
        "Mehrnaz Ra\u200chimi",  # a zero-width non-joiner, as Persian writes
        "Jean \ufffd Dupont",  # what a decoder leaves for a byte it could not read
    ],
)
def test_an_ambassador_saved_with_an_invisible_character_is_found_as_typed(
    service: CarnetService, typed: str
) -> None:
    """The same cleaning on save and on lookup: what is removed from a saved name is removed
    from a looked-up one."""
    ambassador_id = service.save_ambassador(Ambassador(id="", name=typed, role=Role.ADMINISTRATIF))
    assert service.find_ambassador(typed).id == ambassador_id
    assert clean_line(typed) == printable(typed).replace("  ", " ")
    with pytest.raises(InvalidInput, match="s'appelle déjà"):
        service.save_ambassador(Ambassador(id="", name=clean_line(typed), role=Role.MEDICAL))


def test_a_name_saved_with_an_invisible_character_keeps_one_space(service: CarnetService) -> None:
    ambassador_id = service.save_ambassador(Ambassador(id="", name="Zoë \ufffd Martin", role=Role.MEDICAL))
    saved = service.carnet.ambassadors.get(ambassador_id)
    assert saved is not None
    assert saved.name == "Zoë Martin"

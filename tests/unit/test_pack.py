"""The justification pack: the demo's pack read back (every file of the manifest with its hash,
the zip equal to the folder), never a half-written pack (cancel, full disk, kill -9), an existing
folder never written into, and the command ``dossier``."""

from __future__ import annotations

import errno
import hashlib
import os
import signal
import zipfile
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from ambassadeur_app import partfiles
from ambassadeur_app.cli import main
from ambassadeur_app.demo import REFERENCE_DAY, build_demo
from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.events import EventStatus
from ambassadeur_app.domain.register import RegisterFilter
from ambassadeur_app.errors import ExportError
from ambassadeur_app.reports.manifest import (
    CSV_NAME,
    EVENTS,
    INVOICES,
    README_NAME,
    REPORTS,
    TABLES,
    TEXT_NAME,
    TIMESHEETS,
    read_csv,
    short_slug,
)
from ambassadeur_app.services import CarnetService, open_service
from ambassadeur_app.services.pack import DRAFT_BANNER, PRIVATE_COLUMNS, PRIVATE_SECTIONS, PackResult
from tests.conftest import plain
from tests.unit.test_checks import titles
from tests.unit.test_crash_leftovers import run_killed_at
from tests.unit.test_events import workshop
from tests.unit.test_expenses import expense, pdf

SUMMARIES = {CSV_NAME, TEXT_NAME, README_NAME}


@pytest.fixture
def demo(tmp_path: Path) -> CarnetService:
    service = open_service(tmp_path / "demo.ambassadeur", create=True, today=lambda: REFERENCE_DAY)
    build_demo(service)
    return service


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_the_demo_pack_holds_every_document_and_its_manifest_verifies(
    demo: CarnetService, tmp_path: Path
) -> None:
    out = tmp_path / "envoi" / "dossier"
    out.parent.mkdir()
    steps: list[tuple[int, int]] = []
    result = demo.pack.write(out, zip=True, progress=lambda done, total: steps.append((done, total)))
    assert isinstance(result, PackResult)
    written = files_of(out)
    # Every file but the summaries is in the manifest, with its size and SHA-256.
    manifest = read_csv(out / CSV_NAME)
    assert {entry.path for entry in manifest} == set(written) - SUMMARIES
    assert manifest == result.files
    for entry in manifest:
        content = written[entry.path]
        assert (entry.size, entry.sha256) == (len(content), hashlib.sha256(content).hexdigest())
        assert entry.justifies
    # One timesheet per month of the period, in Excel and PDF.
    months = demo.programme().period_months
    assert sorted(p for p in written if p.startswith(f"{TIMESHEETS}/")) == sorted(
        f"{TIMESHEETS}/releve-heures-{month}.{fmt}" for month in months for fmt in ("xlsx", "pdf")
    )
    sheet = openpyxl.load_workbook(out / TIMESHEETS / f"releve-heures-{months[0]}.xlsx").active
    assert sheet is not None
    assert sheet.max_row > 5
    # Every justification table, in both formats.
    tables = {p.removeprefix(f"{TABLES}/") for p in written if p.startswith(f"{TABLES}/")}
    kinds = ["registre-structures", "registre-contacts", "registre-sollicitations"]
    kinds += ["registre-comptes", "evenements-ateliers", "evenements-formations", "evenements-catalogue"]
    kinds += ["evenements-depenses", "evenements-questionnaire-outil", "indicateurs", "retroplanning"]
    assert tables == {f"{kind}.{fmt}" for kind in kinds for fmt in ("xlsx", "pdf")}
    programme = demo.programme()
    text = plain(PdfReader(out / TABLES / "evenements-ateliers.pdf").pages[0].extract_text())
    assert programme.cpts_name in text
    # One folder per event held or planned, with its file, its printable sheet and its signed scans.
    events = demo.events.events(demo.events.event_ids())
    live = [e for e in events.values() if e.status is not EventStatus.CANCELLED]
    folders = {p.split("/")[1] for p in written if p.startswith(f"{EVENTS}/")}
    assert len(folders) == len(live)
    signed = [p for p in written if "/feuille-emargement-signee-" in p]
    stored = [a for e in live for a in demo.expenses.sign_in_sheets(e.id)]
    assert len(signed) == len(stored) == 1
    assert hashlib.sha256(written[signed[0]]).hexdigest() == stored[0].sha256
    for folder in folders:
        assert {f"dossier-evenement.{fmt}" for fmt in ("xlsx", "pdf")} | {
            "feuille-emargement-vierge.pdf"
        } <= {p.rsplit("/", 1)[1] for p in written if p.startswith(f"{EVENTS}/{folder}/")}
    # Every quote and invoice, named date-supplier-number-role, byte for byte the attached file.
    invoices = sorted(p.removeprefix(f"{INVOICES}/") for p in written if p.startswith(f"{INVOICES}/"))
    attached = demo.carnet.attachments.of_owners(demo.expenses.expense_ids())
    hashes = sorted(a.sha256 for found in attached.values() for a in found)
    assert sorted(hashlib.sha256(written[f"{INVOICES}/{name}"]).hexdigest() for name in invoices) == hashes
    assert "2025-09-20-traiteur-les-saveurs-de-stanislas-fac-7781-facture.pdf" in invoices
    assert {p.removeprefix(f"{REPORTS}/") for p in written if p.startswith(f"{REPORTS}/")} == {
        "bilan-execution.xlsx",
        "bilan-execution.pdf",
        "rapport-retour-experience.pdf",
        "rapport-retour-experience.docx",
    }
    bilan = plain(
        " ".join(page.extract_text() for page in PdfReader(out / REPORTS / "bilan-execution.pdf").pages)
    )
    assert "Bilan d'exécution" in bilan
    # The README says what is where and lists the checks' findings.
    readme = (out / README_NAME).read_text(encoding="utf-8")
    assert programme.cpts_name in readme
    assert all(finding.line in readme for finding in result.findings)
    assert "[bloquant] Mois de novembre 2025 non clôturé" in readme
    # Progress: one step per group of files, never backwards, to the end.
    assert [done for done, _ in steps] == sorted(done for done, _ in steps)
    assert steps[-1][0] == steps[-1][1]
    assert len({total for _, total in steps}) == 1
    # The zip holds the same files under the folder's name.
    assert result.archive == out.with_name("dossier.zip")
    with zipfile.ZipFile(result.archive) as bundle:
        zipped = {name.removeprefix("dossier/"): bundle.read(name) for name in bundle.namelist()}
        assert all(name.startswith("dossier/") for name in bundle.namelist())
    assert zipped == written
    assert sorted(p.name for p in out.parent.iterdir()) == ["dossier", "dossier.zip"]


def test_an_existing_folder_is_never_written_into(demo: CarnetService, tmp_path: Path) -> None:
    full = tmp_path / "plein"
    full.mkdir()
    (full / "ancien.txt").write_text("envoyé", encoding="utf-8")
    with pytest.raises(ExportError, match="existe déjà et n'est pas un dossier vide"):
        demo.pack.write(full)
    assert files_of(full) == {"ancien.txt": "envoyé".encode()}
    (tmp_path / "deja.zip").write_bytes(b"zip")
    with pytest.raises(ExportError, match=r"deja\.zip"):
        demo.pack.write(tmp_path / "deja", zip=True)
    assert not (tmp_path / "deja").exists()
    with pytest.raises(ExportError, match="n'existe pas"):
        demo.pack.write(tmp_path / "absent" / "dossier")
    empty = tmp_path / "vide"
    empty.mkdir()
    result = demo.pack.write(empty)
    assert result is not None
    assert (empty / README_NAME).is_file()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_cancel_leaves_nothing(demo: CarnetService, tmp_path: Path) -> None:
    out = tmp_path / "envoi"
    out.mkdir()
    calls: list[int] = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 5

    assert demo.pack.write(out / "dossier", zip=True, cancelled=cancelled) is None
    assert leftovers(out) == []
    assert not list(partfiles.journal_dir().glob("*.txt"))


@pytest.mark.parametrize("where", ["os:fsync", "zipfile:ZipFile.write"])
def test_a_full_disk_leaves_nothing(
    demo: CarnetService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    out = tmp_path / "envoi"
    out.mkdir()
    module, _, name = where.partition(":")
    holder = os if module == "os" else zipfile.ZipFile
    real = getattr(holder, name.rpartition(".")[2])
    calls: list[int] = []

    def full(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) > 8:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(holder, name.rpartition(".")[2], full)
    with pytest.raises(ExportError) as caught:
        demo.pack.write(out / "dossier", zip=True)
    assert "Rien n'a été laissé" in caught.value.message or "Aucun fichier" in caught.value.message
    assert leftovers(out) == []


def test_a_pack_killed_midway_is_cleaned_at_the_next_start(tmp_path: Path, private_home: Path) -> None:
    carnet = tmp_path / "demo.ambassadeur"
    with open_service(carnet, create=True, today=lambda: REFERENCE_DAY) as service:
        build_demo(service)
    out = tmp_path / "envoi"
    out.mkdir()
    code = f"""
from pathlib import Path
from ambassadeur_app.services import open_service
with open_service(Path({str(carnet)!r})) as service:
    service.pack.write(Path({str(out / "dossier")!r}), zip=True)
"""
    assert run_killed_at("ambassadeur_app.services.pack:_zip", code, private_home) == -signal.SIGKILL
    assert [p.suffix for p in out.iterdir()] == [".part"]  # the staging folder, full
    partfiles.clean_leftovers()
    assert leftovers(out) == []


def test_dossier_command(demo: CarnetService, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = demo.path
    demo.close()
    out = tmp_path / "dossier"
    assert main(["--carnet", str(path), "dossier", "--sortie", str(out), "--zip"]) == 0
    captured = capsys.readouterr()
    printed = plain(captured.out)
    # Written, but said to be a draft: points block (the folder keeps the name it was given).
    assert plain(captured.err).startswith("attention : le dossier est un brouillon, ")
    assert (out / README_NAME).read_text(encoding="utf-8").startswith(DRAFT_BANNER)
    assert f"Dossier de justification écrit : {out} (" in printed
    assert f"Archive : {out}.zip" in printed
    assert "points bloquants" in printed
    assert {e.path for e in read_csv(out / CSV_NAME)} == set(files_of(out)) - SUMMARIES
    assert main(["--carnet", str(path), "dossier", "--sortie", str(out)]) == 1
    assert "existe déjà" in capsys.readouterr().err


def test_invoice_names_are_readable_and_distinct(service: CarnetService, tmp_path: Path) -> None:
    event = service.events.save_event(workshop())
    paid = service.expenses.save_expense(expense(event_id=event))
    service.expenses.attach(paid, pdf(tmp_path, "a.pdf", b"%PDF-1.4\n% a\n%%EOF\n"))
    service.expenses.attach(paid, pdf(tmp_path, "b.pdf", b"%PDF-1.4\n% b\n%%EOF\n"))
    result = service.pack.write(tmp_path / "dossier")
    assert result is not None
    names = sorted(e.path for e in result.files if e.path.startswith(f"{INVOICES}/"))
    assert names == [
        f"{INVOICES}/2024-10-08-traiteur-dupont-f-2024-12-facture-2.pdf",
        f"{INVOICES}/2024-10-08-traiteur-dupont-f-2024-12-facture.pdf",
    ]
    assert (
        short_slug("Un titre très long " * 10) == "un-titre-tres-long-un-titre-tres-long-un-titre"
    )  # whole words


def test_a_pack_with_blocking_points_is_a_draft_and_says_why_first(
    service: CarnetService, tmp_path: Path
) -> None:
    draft = service.pack.write(tmp_path / "brouillon")
    assert draft is not None
    assert draft.draft
    blocking = [f for f in draft.findings if f.blocking]
    assert titles(blocking) == titles([f for f in service.pack.check() if f.blocking])
    assert len(blocking) == 2  # September and October 2024 not closed
    readme = (tmp_path / "brouillon" / README_NAME).read_text(encoding="utf-8").splitlines()
    assert readme[0] == DRAFT_BANNER
    assert readme[1] == "2 points bloquants à corriger dans le carnet, puis préparez un nouveau dossier :"
    assert readme[2:4] == [f"- {f.title} : {f.detail}" for f in blocking]
    assert "brouillon, 2 points bloquants" in plain(draft.draft_warning)
    service.close_month(Month(2024, 9))
    service.close_month(Month(2024, 10))
    final = service.pack.write(tmp_path / "final")
    assert final is not None
    assert not final.draft
    assert final.findings  # the month under way is to check
    assert final.draft_warning == ""
    assert "BROUILLON" not in (tmp_path / "final" / README_NAME).read_text(encoding="utf-8")


def test_the_pack_holds_no_register_of_people_and_no_free_text(demo: CarnetService, tmp_path: Path) -> None:
    """RGPD minimisation: the register of professionals stays out; the contacts, requests and
    accounts tables keep their counts and lists without names or free-text notes."""
    out = tmp_path / "dossier"
    assert demo.pack.write(out) is not None
    people = demo.register.professionals(
        demo.carnet.professionals.ids(RegisterFilter(), [], include_erased=True)
    ).values()
    private = {p.email for p in people if p.email} | {p.rpps for p in people if p.rpps}
    assert len(private) > 20
    for kind in ("contacts", "sollicitations", "comptes"):
        book = openpyxl.load_workbook(out / TABLES / f"registre-{kind}.xlsx")
        full = demo.register.document(kind)
        kept_sections = [s for s in full.sections if s.title not in PRIVATE_SECTIONS]
        assert book.sheetnames == [s.title[:31] for s in kept_sections]
        for section in kept_sections:
            kept = [c.title for c in section.columns if c.title not in PRIVATE_COLUMNS]
            cells = [str(c.value) for row in book[section.title[:31]].iter_rows() for c in row if c.value]
            assert all(title in cells for title in kept), section.title
            dropped = {c.title for c in section.columns} - set(kept)
            assert not dropped & set(cells), section.title
        text = " ".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value)
        assert not [value for value in private if value in text]
        if kind == "contacts":  # the per-person list is left out, the counts stay
            assert "Professionnels contactés" in {s.title for s in full.sections}
            assert "Professionnels contactés" not in book.sheetnames
            assert {"Par profession", "Par type de structure"} <= set(book.sheetnames)
    # The counts the annex asks for are the register's own.
    contacts = openpyxl.load_workbook(out / TABLES / "registre-contacts.xlsx")
    counts = demo.register.document("contacts").section("Par profession").rows
    rows = [list(row[:3]) for row in contacts["Par profession"].iter_rows(values_only=True)]
    assert counts
    assert all(row in rows for row in counts)
    assert not any(p.startswith(f"{TABLES}/registre-professionnels") for p in files_of(out))
    readme = (out / README_NAME).read_text(encoding="utf-8")
    assert "Données personnelles (RGPD)" in readme
    assert "feuilles d'émargement signées portent leurs noms" in readme

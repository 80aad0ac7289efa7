"""The documents of the justification pack cite the pack's files: the event dossiers, the
forfait événement statement and the bilan name each quote, invoice and signed sign-in sheet by
its path inside the pack, and every path they cite is in the pack and its manifest; written
outside the pack, the same documents keep the names the files were attached under."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from ambassadeur_app.demo import REFERENCE_DAY, build_demo
from ambassadeur_app.domain.expenses import AttachmentRole
from ambassadeur_app.reports import event_tables
from ambassadeur_app.reports.manifest import CSV_NAME, EVENTS, INVOICES, TABLES, read_csv, table_path
from ambassadeur_app.services import CarnetService, open_service
from ambassadeur_app.services.pack import PackResult

# A path inside the pack: a numbered folder, sub-folders, a file of a kind the pack holds.
PACK_PATH = re.compile(r"\b0\d-[\w-]+(?:/[\w.-]+)+\.(?:pdf|xlsx|png|jpe?g|docx)")
ATTACHED_FOLDERS = (f"{INVOICES}/", f"{EVENTS}/")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CarnetService]:
    service = open_service(
        tmp_path_factory.mktemp("demo") / "demo.ambassadeur", create=True, today=lambda: REFERENCE_DAY
    )
    build_demo(service)
    yield service
    service.close()


@pytest.fixture(scope="module")
def pack(demo: CarnetService, tmp_path_factory: pytest.TempPathFactory) -> PackResult:
    result = demo.pack.write(tmp_path_factory.mktemp("pack") / "dossier")
    assert result is not None
    return result


def cells(path: Path) -> list[str]:
    book = load_workbook(path)
    return [str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None]


def squeezed_pdf(path: Path) -> str:
    """Return the PDF's text without any white space: a long path wraps inside its cell."""
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(path).pages))


def citing_documents(folder: Path) -> list[Path]:
    """Return the workbooks that cite attached files: each event's dossier and the statement."""
    return [
        *sorted((folder / EVENTS).glob("*/dossier-evenement.xlsx")),
        folder / table_path("depenses", "xlsx"),
    ]


def test_every_attached_file_a_pack_document_cites_is_in_the_pack(
    pack: PackResult, demo: CarnetService
) -> None:
    folder = pack.folder
    manifest = {entry.path for entry in read_csv(folder / CSV_NAME)}
    attached = {
        path for path in manifest if path.startswith(f"{INVOICES}/") or "/feuille-emargement-signee-" in path
    }
    cited_everywhere: set[str] = set()
    for workbook in citing_documents(folder):
        texts = cells(workbook)
        cited = {
            path for text in texts for path in PACK_PATH.findall(text) if path.startswith(ATTACHED_FOLDERS)
        }
        assert cited <= manifest, cited - manifest
        assert all((folder / path).is_file() for path in cited)
        # The PDF twin cites the same files.
        text = squeezed_pdf(workbook.with_suffix(".pdf"))
        assert all(path in text for path in cited), [p for p in cited if p not in text]
        cited_everywhere |= cited
    # Every quote, invoice and signed sheet of the pack is cited by a document.
    assert cited_everywhere == attached
    assert len(attached) >= 8
    # No document of the pack cites a file by the name it was attached under.
    names = {a.filename for a in demo.carnet.attachments.live()}
    for workbook in citing_documents(folder):
        assert not names & set(cells(workbook))


def test_the_bilan_cites_only_files_of_the_pack(pack: PackResult) -> None:
    bilan = pack.folder / "05-bilan-et-rapport" / "bilan-execution.xlsx"
    cited = {path for text in cells(bilan) for path in PACK_PATH.findall(text)}
    manifest = {entry.path for entry in pack.files}
    assert {p for p in cited if p.startswith(ATTACHED_FOLDERS)} <= manifest
    assert any(p.startswith(f"{INVOICES}/") for p in cited)
    assert any(p.startswith(f"{TABLES}/") for p in cited)


def test_outside_the_pack_the_documents_keep_the_attached_names(demo: CarnetService, tmp_path: Path) -> None:
    statement = event_tables.export(demo, "depenses", "xlsx", tmp_path / "depenses.xlsx")
    texts = cells(statement)
    assert not any(PACK_PATH.search(text) for text in texts)
    names = {a.filename for a in demo.carnet.attachments.live()}
    listed = {text for text in texts if text in names}
    assert listed, names


@pytest.fixture
def broken_demo(tmp_path: Path) -> Iterator[tuple[CarnetService, list[str]]]:
    """A demo carnet where one invoice and one signed sign-in sheet were altered in the store."""
    service = open_service(tmp_path / "demo.ambassadeur", create=True, today=lambda: REFERENCE_DAY)
    build_demo(service)
    live = service.carnet.attachments.live()
    invoice = next(a for a in live if a.role is AttachmentRole.INVOICE)
    sheet = next(a for a in live if a.role is AttachmentRole.SIGN_IN_SHEET)
    for attachment in (invoice, sheet):
        stored = service.expenses.store.path_of(attachment)
        stored.chmod(0o644)
        stored.write_bytes(b"%PDF-1.4 altered")
    yield service, [invoice.id, sheet.id]
    service.close()


def test_altered_files_are_cited_by_no_document_of_the_pack(
    broken_demo: tuple[CarnetService, list[str]], tmp_path: Path
) -> None:
    service, broken = broken_demo
    placement = service.pack.placement()
    assert not set(broken) & set(placement)
    result = service.pack.write(tmp_path / "dossier")
    assert result is not None
    manifest = {entry.path for entry in result.files}
    bilan = result.folder / "05-bilan-et-rapport" / "bilan-execution.xlsx"
    for workbook in [bilan, *citing_documents(result.folder)]:
        cited = {path for text in cells(workbook) for path in PACK_PATH.findall(text)}
        attached = {p for p in cited if p.startswith(ATTACHED_FOLDERS) and "/dossier-evenement." not in p}
        assert attached <= manifest, (workbook.name, attached - manifest)
        pdf = squeezed_pdf(workbook.with_suffix(".pdf"))
        assert all(path in pdf for path in attached)
    # The bilan and the event's dossier say the files are altered, not supplied.
    texts = " ".join(cells(bilan))
    # The invoice in the annex and in the expenses' table, the sheet in the annex.
    assert texts.count("fichier altéré ou absent") == 3
    dossiers = [" ".join(cells(path)) for path in citing_documents(result.folder)[:-1]]
    assert sum("Feuille signée altérée ou absente".lower() in text for text in dossiers) == 1
    assert all("Justificatif de" in text for text in dossiers)
    # The events' tables do not say « Joint » for it either.
    tables = [" ".join(cells(result.folder / table_path(k, "xlsx"))) for k in ("ateliers", "formations")]
    assert sum(text.count(event_tables.BROKEN_SHEET) for text in tables) == 1


def test_a_bilan_written_alone_cites_the_attached_names_and_the_tables_titles(
    demo: CarnetService, tmp_path: Path
) -> None:
    from ambassadeur_app.reports.bilan import export

    texts = cells(export(demo, "xlsx", tmp_path / "bilan.xlsx"))
    assert not [text for text in texts if PACK_PATH.search(text)]
    joined = " ".join(texts)
    intact = [a.filename for a in demo.carnet.attachments.live()]
    assert sum(f"« {name} »" in joined for name in set(intact)) >= 6
    assert "Tableau « Catalogue des formations »" in joined

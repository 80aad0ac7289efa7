"""The rapport de retour d'expérience: its key figures, the journal's notes grouped by kind and
dated, the pertinence text; read back from the .docx (python-docx) and the PDF (pypdf)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from ambassadeur_app.domain.events import EventStatus
from ambassadeur_app.domain.journal import JournalNote, NoteTag
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.planning import Link, LinkKind
from ambassadeur_app.domain.register import Professional
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.reports.rex import NO_NOTE, NO_PERTINENCE, write_rex
from ambassadeur_app.services import CarnetService
from tests.conftest import log_entry, plain
from tests.unit.test_cli import run
from tests.unit.test_planning import event


def _journal(service: CarnetService) -> None:
    journal = service.planning
    workshop = event(service)
    journal.save_note(JournalNote(date(2024, 10, 8), NoteTag.SUCCESS, "Soirée : 19 participants",
                                  (Link(LinkKind.EVENT, workshop),)))  # fmt: skip
    journal.save_note(JournalNote(date(2024, 9, 20), NoteTag.SUCCESS, "Premier compte ouvert"))
    journal.save_note(JournalNote(date(2024, 10, 2), NoteTag.OBSTACLE, "Cartes CPS périmées"))
    journal.save_note(JournalNote(date(2024, 10, 3), NoteTag.LEVER, "Un médecin relaie Parceo"))
    journal.save_pertinence("Reconduire six mois.\n\nGénéraliser avec un forfait événement.")


def test_the_key_figures_add_up_the_carnet(service: CarnetService) -> None:
    log_entry(service, date(2024, 9, 2), 90)
    log_entry(service, date(2024, 10, 2), 60, Mission.FORMATION)
    log_entry(service, date(2024, 10, 3), 45, Mission.FORMATION, who="Paul Martin")
    log_entry(service, date(2024, 8, 30), 600)  # before the experiment: not in its figures
    workshop = event(service)
    person = service.register.save_professional(Professional("Renaud", "Lucas", "G15-10"))
    service.events.record_attendance(workshop, person)
    event(service, "Atelier annulé", date(2024, 10, 9))
    cancelled = service.events.event_ids()[1]
    service.events.save_event(replace(service.events.event(cancelled), status=EventStatus.CANCELLED))
    figures = {f.label: plain(f.value) for f in service.planning.key_figures()}
    assert figures["Heures — Promotion"] == "1 h 30"
    assert figures["Heures — Formation"] == "1 h 45"
    assert figures["Heures — Accompagnement"] == "0 h"
    assert figures["Forfait horaire : montant financé"] == "162,50 €"  # 3 h 15 at 50 €
    assert figures["Ateliers et événements réalisés"] == "1 (dont 0 ouvert à tout le département)"
    assert figures["Sessions de formation réalisées"] == "0"
    assert figures["Professionnels formés"] == "0"


def _under(document: Any, heading: str) -> list[str]:
    """Return the texts of the paragraphs after ``heading``, up to the next heading."""
    paragraphs = document.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == heading) + 1
    found = []
    for paragraph in paragraphs[start:]:
        if paragraph.style.name.startswith("Heading"):
            break
        found.append(paragraph.text)
    return found


def test_the_docx_has_real_headings_table_and_dated_notes(service: CarnetService, tmp_path: Path) -> None:
    _journal(service)
    out = write_rex(service, tmp_path / "rex.docx", "docx")
    document = Document(str(out))
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))
    ]
    assert headings == [
        ("Title", "Rapport synthétique de retour d'expérience"),
        ("Heading 1", "Chiffres clés de la période"),
        ("Heading 1", "Enseignements de l'expérimentation"),
        ("Heading 2", "Réussites"),
        ("Heading 2", "Échecs"),
        ("Heading 2", "Leviers"),
        ("Heading 2", "Freins"),
        ("Heading 2", "Faits marquants"),
        ("Heading 1", "Pertinence de reconduire ou de généraliser l'expérimentation"),
    ]
    texts = [p.text for p in document.paragraphs]
    assert _under(document, "Réussites") == [
        "20/09/2024 — Premier compte ouvert",
        "08/10/2024 — Soirée : 19 participants (Événement : Atelier Parceo (08/10/2024))",
    ]
    assert _under(document, "Échecs") == [NO_NOTE]
    assert _under(document, "Freins") == ["02/10/2024 — Cartes CPS périmées"]
    assert document.paragraphs[texts.index("20/09/2024 — Premier compte ouvert")].style.name == "List Bullet"
    assert _under(document, "Pertinence de reconduire ou de généraliser l'expérimentation") == [
        "Reconduire six mois.",
        "Généraliser avec un forfait événement.",
    ]
    [table] = document.tables
    rows = [[plain(cell.text) for cell in row.cells] for row in table.rows]
    expected = [[f.label, plain(f.value)] for f in service.planning.key_figures()]
    assert rows == [["Indicateur", "Valeur"], *expected]
    assert table.style.name == "Table Grid"
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert [lang.get(qn("w:val")) for lang in defaults.iter(qn("w:lang"))] == ["fr-FR"]


def test_the_pdf_holds_the_same_content(service: CarnetService, tmp_path: Path) -> None:
    _journal(service)
    out = write_rex(service, tmp_path / "rex.pdf", "pdf")
    text = plain("\n".join(page.extract_text() for page in PdfReader(out).pages))
    for expected in (
        "Rapport synthétique de retour d'expérience",
        "Chiffres clés de la période",
        "Réussites",
        "20/09/2024 — Premier compte ouvert",
        "Freins",
        "02/10/2024 — Cartes CPS périmées",
        "Événement : Atelier Parceo (08/10/2024)",
        NO_NOTE,
        "Généraliser avec un forfait événement.",
        "Heures — Promotion",
    ):
        assert expected in text
    assert text.index("Réussites") < text.index("Échecs") < text.index("Leviers") < text.index("Freins")


def test_an_empty_journal_still_writes_the_report(service: CarnetService, tmp_path: Path) -> None:
    out = write_rex(service, tmp_path / "vide.docx", "docx")
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert texts.count(NO_NOTE) == 5
    assert NO_PERTINENCE in texts
    with pytest.raises(InvalidInput, match="Format inconnu"):
        write_rex(service, tmp_path / "x.xlsx", "xlsx")


def test_the_report_command(
    service: CarnetService, carnet_path: Path, tmp_path: Path, private_home: Path
) -> None:
    _journal(service)
    service.close()
    for fmt in ("pdf", "docx"):
        out = tmp_path / f"rapport.{fmt}"
        done = run(
            "--carnet", carnet_path, "export", "rapport", "--format", fmt, "--sortie", out, home=private_home
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == f"Document écrit : {out}"
    assert "Cartes CPS périmées" in [p.text[13:] for p in Document(str(tmp_path / "rapport.docx")).paragraphs]
    missing = run("--carnet", carnet_path, "export", "rapport", "--format", "pdf", "--sortie",
                  tmp_path / "absent" / "r.pdf", home=private_home)  # fmt: skip
    assert missing.returncode == 1
    assert "n'existe pas" in missing.stderr

"""The justification tables of events and training (ateliers, formations, catalogue, one event's
file, the forfait statement), read back from the xlsx (values, the totals' formulas computed) and
the PDF (text), on the demo carnet, an empty carnet and hostile texts; and the ``export`` command."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader

from ambassadeur_app.cli import main
from ambassadeur_app.demo import REFERENCE_DAY
from ambassadeur_app.domain.events import Event, EventKind, EventStatus, Session, TrainingModule
from ambassadeur_app.domain.expenses import Expense, ExpenseStatus
from ambassadeur_app.domain.formatting import format_euros
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.register import Professional
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.reports.event_tables import BROKEN, KINDS, document, export
from ambassadeur_app.reports.tables import Section, TableDocument
from ambassadeur_app.services import CarnetService, open_service
from tests.conftest import plain

KINDS_BUT_ONE = [kind for kind in KINDS if kind != "evenement"]


@contextmanager
def opened(path: Path) -> Iterator[CarnetService]:
    service = open_service(path, readonly=True, today=lambda: REFERENCE_DAY)
    try:
        yield service
    finally:
        service.close()


def pdf_text(path: Path) -> str:
    return plain("\n".join(page.extract_text() for page in PdfReader(path).pages))


def expected_cell(value: Any, kind: str) -> Any:
    if value == "":
        return None  # an empty cell
    if kind == "date" and isinstance(value, date):
        return datetime.combine(value, time())
    return value


def evaluated(sheet: Any, formula: str) -> float:
    """Return the result of a total's formula (``SUM`` or ``COUNTIF(…,"<>")`` over a column's
    range), computed from the sheet's cells; the range must hold the table's rows and no more."""
    match = re.fullmatch(r'=(SUM|COUNTIF)\(([A-Z]+)(\d+):([A-Z]+)(\d+)(,"<>")?\)', formula)
    assert match, formula
    function, letter, first, other, last, _ = match.groups()
    assert letter == other
    values = [sheet[f"{letter}{row}"].value for row in range(int(first), int(last) + 1)]
    assert values[-1] is None  # the empty row that closes the table
    assert sheet[f"{letter}{int(first) - 1}"].font.bold  # the range starts under the titles
    if function == "COUNTIF":
        return sum(1 for value in values if value not in (None, ""))
    return sum(value or 0 for value in values)


def check_workbook(built: TableDocument, path: Path) -> None:
    """Check that each sheet holds its section's rows, and that each total's formula adds up
    the rows to what the app computes."""
    workbook = openpyxl.load_workbook(path)
    assert len(workbook.sheetnames) == len(built.sections)
    for section, name in zip(built.sections, workbook.sheetnames, strict=True):
        sheet = workbook[name]
        titles = [c.title for c in section.columns]
        rows = [[c.value for c in row] for row in sheet.iter_rows(max_col=len(titles))]
        header = rows.index(titles)
        body = rows[header + 1 : header + 1 + len(section.rows)]
        for written, row in zip(body, section.rows, strict=True):
            assert written == [
                expected_cell(value, column.kind) for value, column in zip(row, section.columns, strict=True)
            ], (name, row)
        if not section.rows:
            assert rows[header + 1][0] == section.empty
            continue
        closing = sheet.max_row
        if section.totalled:
            assert rows[closing - 1][0] == "Total"
            for index, column in enumerate(section.columns):
                if column.total and index:
                    total = evaluated(sheet, rows[closing - 1][index])
                    assert total == pytest.approx(section.total(index)), (name, column.title)
                    assert total == pytest.approx(sum(row[index] or 0 for row in section.rows))
        else:
            assert evaluated(sheet, sheet.cell(closing, 2).value) == len(section.rows)


def check_pdf(built: TableDocument, path: Path) -> str:
    """Check the PDF's pages (A4 landscape) and that every section, column title and text cell
    is there; return its text."""
    reader = PdfReader(path)
    for page in reader.pages:
        assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    text = pdf_text(path)
    words = set(text.split())
    for section in built.sections:
        assert plain(section.title) in text
        for column in section.columns:
            assert set(plain(column.title).split()) <= words, column.title
        for row in section.rows:
            for value in row:
                if isinstance(value, str) and value:
                    assert set(plain(value).split()) <= words, value
        if not section.rows:
            assert section.empty in text
    return text


def export_both(service: CarnetService, kind: str, folder: Path, event_id: str | None = None) -> str:
    built = document(service, kind, event_id)
    check_workbook(built, export(service, kind, "xlsx", folder / f"{kind}.xlsx", event_id))
    return check_pdf(built, export(service, kind, "pdf", folder / f"{kind}.pdf", event_id))


def column(section: Section, title: str) -> list[Any]:
    index = [c.title for c in section.columns].index(title)
    return [row[index] for row in section.rows]


def test_every_demo_table_reads_back(demo_path: Path, tmp_path: Path) -> None:
    with opened(demo_path) as service:
        for kind in KINDS_BUT_ONE:
            export_both(service, kind, tmp_path)
        for event_id in service.events.event_ids():
            folder = tmp_path / event_id
            folder.mkdir()
            export_both(service, "evenement", folder, event_id)


def test_workshops_count_what_the_carnet_holds(demo_path: Path) -> None:
    with opened(demo_path) as service:
        events = service.events
        ids = events.event_ids()
        found = events.events(ids)
        counts = events.counts(ids)
        built = document(service, "ateliers")
        workshops = [i for i in ids if found[i].kind is not EventKind.TRAINING]
        results = [service.surveys.results_for_event(i) for i in workshops]
    listing = built.section("Événements")
    assert column(listing, "Titre") == [found[i].title for i in workshops]
    assert column(listing, "Invitations") == [counts[i][0] for i in workshops] == [55, 12]
    assert column(listing, "Participations") == [counts[i][1] for i in workshops] == [19, 9]
    assert column(listing, "Ouvert au département") == ["Oui", "Non"]
    assert column(listing, "Émargement signé") == ["Joint", "Non joint"]
    by_profession = built.section("Présents par profession")
    assert by_profession.total(3) == listing.total(9) == 28
    for event_id in workshops:
        title = found[event_id].title
        assert sum(r[3] for r in by_profession.rows if r[1] == title) == counts[event_id][1]
    by_type = built.section("Présents par type de structure")
    assert by_type.total(3) >= 28 - sum(1 for r in by_type.rows if r[2] == "Sans structure")
    responses = column(listing, "Réponses au questionnaire")
    assert responses == [r.responses if r else None for r in results]
    assert all(responses)
    assert listing.total(10) == sum(r.responses for r in results if r)
    assert column(listing, "NPS") == [r.nps if r else None for r in results]
    for rate, result in zip(column(listing, "Taux de réponse (%)"), results, strict=True):
        assert result is not None
        assert result.response_rate is not None
        assert rate == round(result.response_rate * 100)  # a whole percentage, as in the event's file


def test_trainings_count_each_professional_trained_once(demo_path: Path) -> None:
    with opened(demo_path) as service:
        built = document(service, "formations")
        trained = service.events.trained_ids()
        ids = service.events.event_ids(kind=EventKind.TRAINING)
        counts = service.events.counts(ids)
        modules = service.events.modules(service.events.module_ids())
        found = service.events.events(ids)
    listing = built.section("Sessions")
    assert len(listing.rows) == 3
    assert column(listing, "Participations") == [counts[i][1] for i in ids]
    assert column(listing, "Module") == [modules[found[i].module_id or ""].title for i in ids]
    assert listing.total(3) == pytest.approx(
        sum(m.minutes for m in modules.values() if m.id in {found[i].module_id for i in ids}) / 60
    )
    assert listing.total(10) == len(trained) == 18
    people = built.section("Professionnels formés")
    assert len(people.rows) == len(trained)
    assert sum(column(people, "Sessions suivies")) == listing.total(9)
    assert built.section("Formés par profession").total(1) == len(trained)
    assert f"({len(trained)})" in listing.note


def test_catalogue_lists_every_module(demo_path: Path, tmp_path: Path) -> None:
    with opened(demo_path) as service:
        built = document(service, "catalogue")
        text = export_both(service, "catalogue", tmp_path)
    (listing,) = built.sections
    assert len(listing.rows) == 4
    assert listing.total(6) == 3  # the first module is not yet given
    assert "Mon espace santé, DMP" in " ".join(column(listing, "Services nationaux"))
    assert "Messagerie sécurisée" in text


def test_an_event_file(demo_path: Path, tmp_path: Path) -> None:
    with opened(demo_path) as service:
        events = service.events
        workshop = next(e for e in events.events(events.event_ids()).values() if e.kind is EventKind.WORKSHOP)
        built = document(service, "evenement", workshop.id)
        text = export_both(service, "evenement", tmp_path, workshop.id)
        counts = events.participant_counts([workshop.id])
        results = service.surveys.results_for_event(workshop.id)
        expenses = service.expenses.expenses(service.expenses.expense_ids(workshop.id))
    assert results is not None
    questions = built.section("Questionnaire de satisfaction")
    assert column(questions, "Question") == [q.text for q in results.questions]
    assert column(questions, "Réponses") == [q.answered for q in results.questions]
    assert f"{results.responses} réponses pour 19 participants" in questions.note
    assert column(built.section("Commentaires"), "Commentaire") == results.comments
    bills = built.section("Devis et factures")
    assert len(bills.rows) == len(expenses) == 2
    assert bills.total(7) == pytest.approx(sum(e.amount_ttc_cents for e in expenses.values()) / 100)
    assert all("(empreinte " in text for text in column(bills, "Justificatifs"))
    assert len(built.section("Justificatifs").rows) == 5  # quote and invoice each, the signed sheet
    assert built.title == f"Dossier d'événement — {workshop.title}"
    header = dict(built.header)
    assert header["Ouvert à tout le département"] == "Oui"
    assert header["Intervenants"] == "Dr Claire Fontaine, Julien Marchal"
    assert header["Formateur Pulsy présent"] == "Oui"
    assert header["Émargement signé"] == "joint (« Emargement signé - soirée d'information.pdf »)"
    assert header["Financeur"].startswith("ARS Grand Est")
    assert header["Bilan"] == "55 invités, 19 participants"
    invitations = built.section("Invitations")
    assert len(invitations.rows) == 55
    assert set(column(invitations, "Canal")) == {"E-mail"}
    participants = built.section("Participants")
    assert len(participants.rows) == counts.total == 19
    assert column(participants, "Inscription").count("Sans invitation") == 2
    assert "Benali" in column(participants, "Nom")
    assert dict((r[0], r[1]) for r in built.section("Présents par profession").rows) == counts.by_profession
    assert "Total : 55 personnes invitées" in text
    assert "Total : 19 participants" in text
    # Long lists run over pages: each page goes on with the column titles of its table.
    pages = [
        " ".join(plain(page.extract_text()).split()) for page in PdfReader(tmp_path / "evenement.pdf").pages
    ]
    heads = [" ".join(c.title for c in section.columns) for section in built.sections]
    starts = heads + [section.title for section in built.sections]  # or a table begins there
    assert len(pages) >= 3
    assert pages[0].startswith(built.title)
    assert pages[1].startswith(heads[0])  # the invitations go on
    for page in pages[1:]:
        assert any(page.startswith(start) for start in starts), page[:80]


def test_the_forfait_statement(demo_path: Path, tmp_path: Path) -> None:
    with opened(demo_path) as service:
        built = document(service, "depenses")
        text = export_both(service, "depenses", tmp_path)
        spending = service.expenses
        ids = spending.expense_ids()
        expenses = spending.expenses(ids)
        use = spending.forfait_use()
        attached = sum(len(spending.attachments_of(i)) for i in ids)
    bills = built.section("Devis et factures")
    assert column(bills, "Numéro") == [expenses[i].number for i in ids]
    assert bills.total(5) == pytest.approx(sum(e.amount_ht_cents for e in expenses.values()) / 100)
    assert bills.total(6) == pytest.approx(sum(e.vat_cents for e in expenses.values()) / 100)
    assert bills.total(8) == pytest.approx(use.committed_cents / 100)
    assert column(bills, "Statut").count("Devis") == 1
    header = dict(built.header)
    assert header["Forfait événement"] == format_euros(160_000)
    assert header["Engagé (commandé, facturé ou payé, TTC)"] == format_euros(use.committed_cents)
    assert header["Reste sur le forfait"] == format_euros(160_000 - use.committed_cents)
    assert header["Devis en attente (TTC)"] == format_euros(use.quoted_cents)
    summary = built.section("Par événement")
    assert summary.total(1) == len(ids) == 4
    assert summary.total(3) == pytest.approx(bills.total(8))
    assert "Sans événement" in column(summary, "Événement")
    documents = built.section("Justificatifs")
    assert len(documents.rows) == attached + 1 == 8  # and the workshop's signed sign-in sheet
    assert set(column(documents, "Vérification")) == {"Fichier intact (empreinte vérifiée)"}
    assert plain(f"Reste sur le forfait : {format_euros(160_000 - use.committed_cents)}") in text


def test_a_changed_document_is_flagged(service: CarnetService, tmp_path: Path) -> None:
    event_id = service.events.save_event(
        Event(
            EventKind.WORKSHOP,
            Mission.PROMOTION,
            "Atelier",
            (Session(date(2024, 10, 8), time(9, 0), time(12, 0)),),
            place="Lunéville",
        )
    )
    spending = service.expenses
    expense_id = spending.save_expense(
        Expense(
            "=Traiteur ; « Dupont »",
            "@F-1",
            date(2024, 10, 9),
            "Buffet\n-40 personnes",
            10_000,
            1_000,
            11_000,
            ExpenseStatus.PAID,
            event_id,
        )
    )
    scan = tmp_path / "+facture, n°1.pdf"
    scan.write_bytes(b"%PDF-1.4\n% une facture\n%%EOF\n")
    sheet = tmp_path / "emargement.pdf"
    sheet.write_bytes(b"%PDF-1.4\n% la feuille signee\n%%EOF\n")
    attachment = spending.attach(expense_id, scan)
    spending.attach_sign_in_sheet(event_id, sheet)
    stored = spending.attachment_path(attachment)
    stored.chmod(0o644)
    stored.write_bytes(b"%PDF-1.4\n% une autre facture\n%%EOF\n")
    built = document(service, "evenement", event_id)
    text = export_both(service, "evenement", tmp_path, event_id)
    documents = built.section("Justificatifs")
    assert column(documents, "Rôle") == ["Facture", "Feuille d'émargement signée"]
    checks = column(documents, "Vérification")
    assert spending.check_attachment(attachment) is not None
    assert checks[0] == BROKEN  # no path of the computer in a document for the funder
    assert str(tmp_path) not in text
    assert checks[1] == "Fichier intact (empreinte vérifiée)"
    (justified,) = column(built.section("Devis et factures"), "Justificatifs")
    assert justified == f"+facture, n°1.pdf (empreinte {attachment.sha256[:16]}) — FICHIER ALTÉRÉ OU ABSENT"
    assert "FICHIER ALTÉRÉ OU ABSENT" in text
    export_both(service, "depenses", tmp_path)
    workbook = openpyxl.load_workbook(tmp_path / "depenses.xlsx")
    cells = [c for row in workbook["Devis et factures"].iter_rows() for c in row]
    for value in ("=Traiteur ; « Dupont »", "@F-1", "Buffet\n-40 personnes"):
        found = [c for c in cells if c.value == value]
        assert found, value
        assert all(c.data_type == "s" for c in found), value


def test_an_empty_carnet_says_so(service: CarnetService, tmp_path: Path) -> None:
    for kind in KINDS_BUT_ONE:
        text = export_both(service, kind, tmp_path)
        assert "Aucun" in text
    assert "Aucun événement dans ce carnet." in pdf_text(tmp_path / "ateliers.pdf")
    assert "Aucun module dans le catalogue." in pdf_text(tmp_path / "catalogue.pdf")
    statement = pdf_text(tmp_path / "depenses.pdf")
    assert "Aucune dépense." in statement
    assert "Aucun justificatif joint." in statement
    assert "Reste sur le forfait : 1 600,00 €" in statement
    with pytest.raises(InvalidInput):
        document(service, "evenement")
    with pytest.raises(InvalidInput):
        document(service, "bilan")
    with pytest.raises(InvalidInput):
        export(service, "ateliers", "csv", tmp_path / "x.csv")


HOSTILE = '=HYPERLINK("http://x";"clic")'


def test_hostile_texts(service: CarnetService, tmp_path: Path) -> None:
    events = service.events
    module = events.save_module(
        TrainingModule("+Module ; « DMP », INSi\nligne 2", 90, objectives="@SUM(A1) " * 40)
    )
    training = events.save_event(
        Event(
            EventKind.TRAINING,
            Mission.FORMATION,
            HOSTILE + " très long titre" * 15,
            (Session(date(2024, 10, 8), time(9, 0), time(12, 0)),),
            place="Salle 3, bât. B ; étage 2\nEntrée -côté parking",
            module_id=module,
            status=EventStatus.DONE,
        )
    )
    person = service.register.save_professional(Professional("-Dupont", "=Jean", "G15-10", commune="@Nancy"))
    events.invite(training, [person], date(2024, 9, 20))
    events.record_attendance(training, person)
    built = document(service, "evenement", training)
    # The whole title heads the file; the page headers carry it shortened.
    assert dict(built.header)["Événement"] == f"Session de formation — {HOSTILE}{' très long titre' * 15}"
    assert built.title.endswith("…")
    assert len(built.title) < 100
    text = export_both(service, "evenement", tmp_path, training)
    assert "=Jean" in text
    for kind in KINDS_BUT_ONE:
        export_both(service, kind, tmp_path)
    assert HOSTILE in text
    for name, values in (
        ("formations.xlsx", ["+Module ; « DMP », INSi ligne 2", "-Dupont", "=Jean", "@Nancy"]),
        ("evenement.xlsx", ["-Dupont", "=Jean", "@Nancy"]),
        ("catalogue.xlsx", ["+Module ; « DMP », INSi ligne 2", "@SUM(A1) " * 39 + "@SUM(A1)"]),
    ):
        workbook = openpyxl.load_workbook(tmp_path / name)
        cells = [c for sheet in workbook for row in sheet.iter_rows() for c in row]
        for value in values:
            found = [c for c in cells if c.value == value]
            assert found, (name, value)
            assert all(c.data_type == "s" for c in found), (name, value)


def test_export_command(demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    carnet = ["--carnet", str(demo_path)]
    with opened(demo_path) as service:
        group = next(
            e
            for e in service.events.events(service.events.event_ids()).values()
            if e.kind is EventKind.WORKING_GROUP
        )
    for kind in KINDS_BUT_ONE:
        for fmt in ("xlsx", "pdf"):
            out = tmp_path / f"{kind}.{fmt}"
            assert main([*carnet, "export", kind, "--format", fmt, "--sortie", str(out)]) == 0
            assert f"Document écrit : {out}" in capsys.readouterr().out
    out = tmp_path / "groupe.pdf"
    assert main([*carnet, "export", "evenement", group.id[:8], "--format", "pdf", "--sortie", str(out)]) == 0
    assert group.title in pdf_text(out)
    assert main([*carnet, "export", "evenement", "0000", "--format", "pdf", "--sortie", str(out)]) == 1
    assert "Aucun événement n'a l'identifiant « 0000 »" in capsys.readouterr().err
    for usage in (
        ["export", "evenement", "--format", "pdf", "--sortie", str(out)],
        ["export", "ateliers", "--format", "csv", "--sortie", str(out)],
        ["export", "catalogue", "--sortie", str(out)],
    ):
        with pytest.raises(SystemExit) as stopped:
            main([*carnet, *usage])
        assert stopped.value.code == 2
    assert (
        main([*carnet, "export", "ateliers", "--format", "xlsx", "--sortie", str(tmp_path / "no" / "a.xlsx")])
        == 1
    )
    assert "n'existe pas" in capsys.readouterr().err


# --- the auditor's findings -----------------------------------------------------------------------


def held(service: CarnetService, title: str, day: date, **changes: Any) -> str:
    event = Event(
        EventKind.WORKSHOP,
        Mission.PROMOTION,
        title,
        (Session(day, time(19, 0), time(21, 0)),),
        place="Lunéville",
        status=EventStatus.DONE,
    )
    return service.events.save_event(replace(event, **changes))


def professionals(service: CarnetService, count: int) -> list[str]:
    return [
        service.register.save_professional(Professional(f"Nom{index}", "Prénom", "G15-10", commune="Toul"))
        for index in range(count)
    ]


def test_cancelled_planned_and_outside_events_are_out_of_the_totals(
    service: CarnetService, tmp_path: Path
) -> None:
    people = professionals(service, 6)
    events = service.events
    first = held(service, "Premier atelier", date(2024, 10, 8), open_to_departement=True)
    second = held(service, "Second atelier", date(2024, 11, 5))
    cancelled = held(service, "Atelier annulé", date(2024, 11, 6))
    planned = held(service, "Atelier à venir", date(2024, 12, 3), status=EventStatus.PLANNED)
    outside = held(
        service,
        "Webinaire de décembre 2025",
        date(2025, 12, 10),
        kind=EventKind.WEBINAR,
        online=True,
        link="https://visio.example.org/a",
    )
    for event_id, invited, present in (
        (first, people[:4], people[:3]),
        (second, people[2:6], people[2:5]),
        (cancelled, people, people[:1]),
        (outside, people, people[:2]),
    ):
        events.invite(event_id, invited, date(2024, 9, 20))
        for person in present:
            events.record_attendance(event_id, person)
    events.invite(planned, people[:2], date(2024, 11, 1))
    # Cancelled after attendance was noted (the service refuses it once cancelled).
    events.save_event(replace(events.event(cancelled), status=EventStatus.CANCELLED))
    for event_id in (first, second):
        survey = service.surveys.survey_for_event(event_id)
        service.surveys.add_response(survey, [4, 1, 1, 1, 1, 1, 10, None])
    built = document(service, "ateliers")
    listing = built.section("Événements")
    assert column(listing, "Titre") == ["Premier atelier", "Second atelier"]
    assert listing.total(8) == 8  # invitations of the two events held
    assert listing.total(9) == 6  # participations: person 3 came twice
    assert "(3 événements)" in listing.note
    left = built.section("Hors total")
    assert [(r[1], r[4]) for r in left.rows] == [
        ("Atelier annulé", "Annulé"),
        ("Atelier à venir", "Planifié, sans participant"),
        ("Webinaire de décembre 2025", "Hors de la période"),
    ]
    assert not left.totalled
    assert built.section("Présents par profession").total(3) == 6
    header = dict(built.header)
    assert header["Professionnels distincts"] == "5 participants, 6 invités"
    assert header["Événements réalisés"] == (
        "2, dont 1 ouvert à tout le département, dont 2 suivis d'un questionnaire"
    )
    assert (
        header["Objectif : au moins 2 ouverts au département et suivis d'un questionnaire"]
        == "1 — non atteint"
    )
    assert header["Financeur"].startswith("ARS Grand Est")
    # The satisfaction is the satisfaction question's (4), not the mean with the agreements (1,7).
    assert column(listing, "Satisfaction (1 à 4)") == [4.0, 4.0]
    assert "« Tout à fait satisfait »" in listing.note
    export_both(service, "ateliers", tmp_path)
    workbook = openpyxl.load_workbook(tmp_path / "ateliers.xlsx")
    assert workbook.sheetnames == [s.title for s in built.sections]  # no name cut short
    assert workbook["Événements"]["A1"].value == f"{built.title} — Événements"


def test_trainings_have_questionnaires_and_leave_cancelled_sessions_out(service: CarnetService) -> None:
    people = professionals(service, 3)
    events = service.events
    module = events.save_module(TrainingModule("Prendre en main Parceo", 120))
    done, cancelled = (
        held(
            service,
            title,
            date(2024, 10, day),
            kind=EventKind.TRAINING,
            mission=Mission.FORMATION,
            module_id=module,
        )
        for title, day in (("Formation", 8), ("Formation annulée", 9))
    )
    for event_id in (done, cancelled):
        events.invite(event_id, people, date(2024, 9, 20))
        events.record_attendance(event_id, people[0])
    events.save_event(replace(events.event(cancelled), status=EventStatus.CANCELLED))
    survey = service.surveys.survey_for_event(done)
    for _ in range(2):  # two forms for one participant
        service.surveys.add_response(survey, [3, 4, 4, 4, 4, 4, 9, None])
    built = document(service, "formations")
    listing = built.section("Sessions")
    assert len(listing.rows) == 1
    assert listing.total(3) == 2  # hours of the session held only
    assert listing.total(8) == 3
    assert column(listing, "Réponses au questionnaire") == [2]
    assert column(listing, "Taux de réponse (%)") == [200]
    assert column(listing, "Satisfaction (1 à 4)") == [3.0]
    assert "plus de réponses (2) que de participants présents" in listing.note
    assert [r[4] for r in built.section("Hors total").rows] == ["Annulé"]
    assert "les sessions annulées, hors de la période du programme, ou planifiées" in listing.note
    assert "(1 session)" in listing.note


def test_more_answers_than_participants_are_flagged_in_the_event_file(service: CarnetService) -> None:
    event_id = held(service, "Atelier", date(2024, 10, 8))
    survey = service.surveys.survey_for_event(event_id)
    service.surveys.add_response(survey, [4, 4, 4, 4, 4, 4, 10, None])
    note = document(service, "evenement", event_id).section("Questionnaire de satisfaction").note
    assert "1 réponse pour 0 participant" in note
    assert "attention, taux de réponse inconnu : aucun participant présent ou destinataire noté" in note


def test_the_event_file_lists_the_time_logged_and_the_missing_documents(
    service: CarnetService, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ambassadeur_app.domain.model import TimeEntry
    from tests.conftest import ambassador_id

    event_id = held(service, "Atelier", date(2024, 10, 8))
    who = ambassador_id(service, "Marie Durand")
    for day, minutes in ((date(2024, 10, 1), 90), (date(2024, 10, 8), 120)):
        service.events.log_time(
            event_id, TimeEntry(day, who, Mission.PROMOTION, "Atelier", minutes, description="Soirée")
        )
    spending = service.expenses
    for status, number in (
        (ExpenseStatus.ORDERED, "C-1"),
        (ExpenseStatus.INVOICED, "F-2"),
        (ExpenseStatus.QUOTE, "D-3"),
    ):
        spending.save_expense(
            Expense("Traiteur", number, date(2024, 10, 9), "Buffet", 10_000, 0, 10_000, status, event_id)
        )
    built = document(service, "evenement", event_id)
    header = dict(built.header)
    assert header["Temps passé par le binôme"] == "3\u00a0h\u00a030 (2 lignes du carnet)"
    assert header["Émargement signé"] == "non joint"
    spent = built.section("Temps passé")
    assert spent.total(4) == 3.5
    assert column(spent, "Date") == [date(2024, 10, 1), date(2024, 10, 8)]
    bills = built.section("Devis et factures")
    assert dict(zip(column(bills, "Numéro"), column(bills, "Justificatifs"), strict=True)) == {
        "C-1": "JUSTIFICATIF MANQUANT : DEVIS OU FACTURE",
        "F-2": "JUSTIFICATIF MANQUANT : FACTURE",
        "D-3": "",  # a quote is not spent yet
    }
    statement = dict(document(service, "depenses").header)
    assert statement["Justificatifs manquants"].startswith(
        "2 dépenses engagées sans justificatif : Traiteur n° "
    )
    assert main(["--carnet", str(service.path), "depenses"]) == 0  # a warning, not an error
    out, err = capsys.readouterr()
    assert "sans pièce ; Justificatif manquant : facture" in out
    assert "attention : 2 dépenses engagées sans justificatif" in err


def test_the_questionnaire_on_the_tool(demo_path: Path, tmp_path: Path) -> None:
    with opened(demo_path) as service:
        built = document(service, "questionnaire-outil")
        text = export_both(service, "questionnaire-outil", tmp_path)
        surveys = service.surveys
        (diffusion,) = surveys.tool_survey_ids()
        survey = surveys.survey(diffusion)
        results = surveys.results(diffusion)
    listing = built.section("Diffusions")
    assert column(listing, "Date") == [survey.diffused_on]
    assert column(listing, "Destinataires") == [survey.recipients]
    assert column(listing, "Réponses au questionnaire") == [results.responses] != [0]
    questions = built.section("Diffusion 1 — questions")
    assert column(questions, "Question") == [q.text for q in results.questions]
    assert f"{results.responses} réponses pour {survey.recipients} destinataires" in questions.note
    assert column(built.section("Diffusion 1 — commentaires"), "Commentaire") == results.comments
    assert dict(built.header)["Objectif : diffusé au moins une fois aux professionnels du département"] == (
        "1 diffusion — atteint"
    )
    assert "Diffusion 1 — questions" in text


def test_the_demo_is_consistent(demo_path: Path) -> None:
    with opened(demo_path) as service:
        spending = service.expenses
        for expense in spending.expenses(spending.expense_ids()).values():
            if expense.number[:2].isdigit() or expense.number.startswith("F-"):
                assert str(expense.issued_on.year) in expense.number, expense
        signed = [e for e in service.events.event_ids() if spending.sign_in_sheets(e)]
        assert len(signed) == 1
        assert all(
            "Formateur Pulsy" not in e.speakers
            for e in service.events.events(service.events.event_ids()).values()
        )


def test_french_spacing_in_pdf_text() -> None:
    from ambassadeur_app.reports.pdf import pdf_text as drawn

    nbsp = "\u00a0"
    assert drawn("Groupe de travail : les « sorties » ; enfin ? oui !") == (
        f"Groupe de travail{nbsp}: les «{nbsp}sorties{nbsp}»{nbsp}; enfin{nbsp}? oui{nbsp}!"
    )
    assert (
        drawn("19:00–21:00 https://visio.example.org/a?b=1") == "19:00–21:00 https://visio.example.org/a?b=1"
    )

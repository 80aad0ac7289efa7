"""The demonstration's expenses on the forfait événement: the printing and the buffet of the
information workshop (paid), the coffee breaks of the working group (invoiced), and a quote for
the room of a next workshop (pending), each with a small generated PDF of its quote and, once
invoiced, of its invoice (the cahier des charges asks for both); well
within the 1 600 € forfait, dated from the events, the same every time. The workshop's signed
sign-in sheet is attached too (its printed sheet stands for the scan)."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from ambassadeur_app.domain.events import EventKind
from ambassadeur_app.domain.expenses import AttachmentRole, Expense, ExpenseStatus
from ambassadeur_app.domain.formatting import format_date, format_euros
from ambassadeur_app.services import CarnetService

# (event kind, days from the event's first day, supplier, number (``{year}``: its date's),
# description, HT, TVA, status)
_EXPENSES = (
    (
        EventKind.WORKSHOP,
        -12,
        "Imprimerie Lorraine Graphique",
        "F-{year}-0418",
        "Impression de 300 flyers A5 et 10 affiches A3 pour la soirée d'information",
        18_000,
        3_600,
        ExpenseStatus.PAID,
    ),
    (
        EventKind.WORKSHOP,
        2,
        "Traiteur Les Saveurs de Stanislas",
        "FAC-7781",
        "Buffet dînatoire pour 40 personnes (soirée d'information Parceo)",
        52_000,
        5_200,
        ExpenseStatus.PAID,
    ),
    (
        EventKind.WORKING_GROUP,
        3,
        "Boulangerie Au Pain Lorrain",
        "{year}-311",
        "Pauses café des deux demi-journées du groupe de travail",
        7_500,
        413,
        ExpenseStatus.INVOICED,
    ),
    (
        None,
        -1,
        "Salle des fêtes de Vandœuvre-lès-Nancy",
        "DEV-{year}-02",
        "Location de la salle pour le prochain atelier d'information (association : pas de TVA)",
        25_000,
        0,
        ExpenseStatus.QUOTE,
    ),
)


def build_expenses(service: CarnetService, today: date) -> None:
    """Add the demo's quotes and invoices and their PDF documents (after ``build_events``)."""
    events = service.events
    found = events.events(events.event_ids())
    first_of = {
        kind: next(e for e in found.values() if e.kind is kind)
        for kind in (EventKind.WORKSHOP, EventKind.WORKING_GROUP)
    }
    start, customer = service.programme().start_date, service.programme().cpts_name
    with tempfile.TemporaryDirectory() as folder:
        for kind, days, supplier, number, description, ht, vat, status in _EXPENSES:
            event = first_of[kind] if kind is not None else None
            issued = min(today, (event.first_day if event else today) + timedelta(days=days))
            expense = Expense(
                supplier,
                number.format(year=issued.year),
                issued,
                description,
                ht,
                vat,
                ht + vat,
                status,
                event.id if event else None,
            )
            expense_id = service.expenses.save_expense(expense)
            if expense.committed:  # its quote came first, two weeks before (not before the start)
                quoted = min(issued, max(start, issued - timedelta(days=14)))
                documents = [(AttachmentRole.QUOTE, f"D-{expense.number}", quoted)]
            else:
                documents = []
            documents.append((expense.attachment_role, expense.number, issued))
            for role, document_number, day in documents:
                document = Path(folder) / f"{role.label} {document_number}.pdf"
                _write_document(expense, role, document_number, day, customer, document)
                service.expenses.attach(expense_id, document, role)
        # The workshop's sign-in sheet, signed and scanned back.
        workshop = first_of[EventKind.WORKSHOP]
        scan = Path(folder) / "Emargement signé - soirée d'information.pdf"
        present = service.register.professionals(service.carnet.attendances.participants([workshop.id]))
        names = sorted(f"{p.last_name.upper()} {p.first_name}" for p in present.values())
        lines = [f"{workshop.title} — {workshop.sessions[0].label}", "", *(f"{n}   (signé)" for n in names)]
        _write_pdf(scan, "Feuille d'émargement signée", "FEUILLE D'ÉMARGEMENT", lines)
        service.expenses.attach_sign_in_sheet(workshop.id, scan)


def _write_document(
    expense: Expense, role: AttachmentRole, number: str, day: date, customer: str, out: Path
) -> None:
    """Write a one-page quote or invoice as a supplier would send it (reproducible bytes)."""
    title = role.label.upper()
    lines = [
        f"{title} n° {number} du {format_date(day)}",
        f"Client : {customer}",
        "",
        expense.description,
        "",
        f"Montant HT : {format_euros(expense.amount_ht_cents)}",
        f"TVA : {format_euros(expense.vat_cents)}",
        f"Montant TTC : {format_euros(expense.amount_ttc_cents)}",
    ]
    _write_pdf(out, f"{title} {number}", expense.supplier, lines)


def _write_pdf(out: Path, title: str, heading: str, lines: list[str]) -> None:
    """Write a one-page PDF: a heading and lines of text (reproducible bytes)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(out), pagesize=A4, invariant=True)
    canvas.setTitle(title)
    height = A4[1]
    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawString(60, height - 80, heading)
    canvas.setFont("Helvetica", 11)
    for index, line in enumerate(lines):
        canvas.drawString(60, height - 130 - 18 * index, line)
    canvas.showPage()
    canvas.save()

"""The checks before the justification pack: each rule on a crafted carnet, the demo's gaps,
and the command ``verifier``."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import pytest

from ambassadeur_app.cli import main
from ambassadeur_app.demo import REFERENCE_DAY, build_demo
from ambassadeur_app.domain import checks
from ambassadeur_app.domain.checks import Finding, RecordKind, Severity
from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.events import EventKind, EventStatus, Session
from ambassadeur_app.domain.expenses import AttachmentRole, ExpenseStatus
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.planning import ActionStatus, PlannedAction
from ambassadeur_app.domain.register import Channel, RequestCategory, Solicitation
from ambassadeur_app.services import CarnetService, open_service
from tests.conftest import PROGRAMME, TODAY, ambassador_id, log_entry, plain
from tests.unit.test_events import workshop
from tests.unit.test_expenses import expense, pdf


def titles(findings: list[Finding]) -> list[tuple[Severity, str, str]]:
    return [(f.severity, f.title, f.record_id) for f in findings]


# --- months -------------------------------------------------------------------------------------


def test_months_ended_and_open_block_the_month_under_way_is_to_check() -> None:
    # Period September 2024 to February 2025; today 15 November 2024; September closed.
    found = checks.unclosed_months(PROGRAMME, {Month(2024, 9)}, TODAY)
    assert titles(found) == [
        (Severity.BLOCKING, "Mois d'octobre 2024 non clôturé", "2024-10"),
        (Severity.TO_CHECK, "Mois de novembre 2024 non clôturé", "2024-11"),
    ]
    assert {(f.target_page, f.record_kind) for f in found} == {("carnet", RecordKind.MONTH)}
    assert checks.unclosed_months(PROGRAMME, set(PROGRAMME.period_months), date(2025, 6, 1)) == []


def test_month_check_through_the_service(service: CarnetService) -> None:
    assert [f.record_id for f in service.pack.check() if f.record_kind is RecordKind.MONTH] == [
        "2024-09",
        "2024-10",
        "2024-11",
    ]
    service.close_month(Month(2024, 9))
    service.close_month(Month(2024, 10))
    found = [f for f in service.pack.check() if f.record_kind is RecordKind.MONTH]
    assert titles(found) == [(Severity.TO_CHECK, "Mois de novembre 2024 non clôturé", "2024-11")]


# --- events -------------------------------------------------------------------------------------


def test_held_events_need_a_signed_sheet_and_answers(service: CarnetService, tmp_path: Path) -> None:
    events = service.events
    held = events.save_event(workshop(title="Atelier tenu"))
    signed = events.save_event(workshop(title="Atelier émargé"))
    service.expenses.attach_sign_in_sheet(signed, pdf(tmp_path, "feuille.pdf"))
    answered = events.save_event(workshop(title="Atelier questionné"))
    survey = service.surveys.survey_for_event(answered)
    service.surveys.add_response(survey, [4, 4, 4, 4, 4, 4, 9, None])
    events.save_event(workshop(title="Atelier annulé", status=EventStatus.CANCELLED))
    events.save_event(workshop(title="Comité", kind=EventKind.MEETING))
    later = Session(date(2024, 12, 3), time(9), time(12))
    events.save_event(workshop(title="Atelier à venir", status=EventStatus.PLANNED, sessions=(later,)))
    past = events.save_event(workshop(title="Atelier passé non mis à jour", status=EventStatus.PLANNED))
    online = events.save_event(
        workshop(
            title="Webinaire",
            kind=EventKind.WEBINAR,
            online=True,
            place="",
            link="https://visio.example.org/p",
        )
    )
    outside = events.save_event(
        workshop(title="Atelier d'avant", sessions=(Session(date(2024, 6, 4), time(9), time(12)),))
    )
    found = [f for f in service.pack.check() if f.record_kind is RecordKind.EVENT]
    by_event: dict[str, list[tuple[Severity, str]]] = {}
    for finding in found:
        by_event.setdefault(finding.record_id, []).append((finding.severity, finding.title))
    sheet = "Feuille d'émargement signée non jointe"
    survey_title = "Questionnaire de satisfaction sans réponse"
    assert by_event == {
        held: [(Severity.BLOCKING, sheet), (Severity.TO_CHECK, survey_title)],
        signed: [(Severity.TO_CHECK, survey_title)],
        answered: [(Severity.BLOCKING, sheet)],
        past: [
            (Severity.BLOCKING, sheet),
            (Severity.TO_CHECK, "Événement passé encore « planifié »"),
            (Severity.TO_CHECK, survey_title),
        ],
        online: [(Severity.TO_CHECK, sheet), (Severity.TO_CHECK, survey_title)],
        outside: [(Severity.TO_CHECK, "Événement hors de la période")],
    }
    assert {f.target_page for f in found} == {"events"}
    # Blocking findings come first, in the order found.
    listed = service.pack.check()
    assert listed == checks.ordered(listed)
    assert [f.blocking for f in listed] == sorted((f.blocking for f in listed), reverse=True)


# --- expenses -----------------------------------------------------------------------------------


def test_expenses_without_their_document_or_with_a_broken_file(
    service: CarnetService, tmp_path: Path
) -> None:
    spending = service.expenses
    event = service.events.save_event(workshop())
    small = {"amount_ht_cents": 10_000, "vat_cents": 0, "amount_ttc_cents": 10_000, "event_id": event}
    paid = spending.save_expense(expense(**small))
    quote = spending.save_expense(expense(number="D-1", status=ExpenseStatus.QUOTE, **small))
    ordered = spending.save_expense(expense(number="C-1", status=ExpenseStatus.ORDERED, **small))
    invoiced = spending.save_expense(expense(number="F-2", status=ExpenseStatus.INVOICED, **small))
    spending.attach(invoiced, pdf(tmp_path, "f2.pdf", b"%PDF-1.4\n% f2\n%%EOF\n"))
    broken = spending.save_expense(expense(number="F-3", **small))
    attachment = spending.attach(broken, pdf(tmp_path, "f3.pdf", b"%PDF-1.4\n% f3\n%%EOF\n"))
    spending.store.path_of(attachment).write_bytes(b"%PDF-1.4 changed")
    found = [f for f in service.pack.check() if f.record_kind is RecordKind.EXPENSE]
    # A committed expense needs its quote too (§4.B); an ordered one lacking both is asked once.
    assert sorted(titles(found)) == sorted(
        [
            (Severity.BLOCKING, "Justificatif manquant : facture", paid),
            (Severity.BLOCKING, "Devis non joint", paid),
            (Severity.BLOCKING, "Justificatif manquant : devis ou facture", ordered),
            (Severity.BLOCKING, "Devis non joint", invoiced),
            (Severity.BLOCKING, "Devis non joint", broken),
            (Severity.BLOCKING, "Pièce jointe absente ou modifiée", broken),
        ]
    )
    assert quote not in {f.record_id for f in found}
    assert "f3.pdf" in next(f.detail for f in found if f.record_id == broken and "modifiée" in f.title)
    spending.attach(invoiced, pdf(tmp_path, "d2.pdf", b"%PDF-1.4\n% d2\n%%EOF\n"), AttachmentRole.QUOTE)
    assert (Severity.BLOCKING, "Devis non joint", invoiced) not in titles(service.pack.check())


def test_a_changed_signed_sheet_blocks(service: CarnetService, tmp_path: Path) -> None:
    event = service.events.save_event(workshop())
    sheet = service.expenses.attach_sign_in_sheet(event, pdf(tmp_path, "feuille.pdf"))
    service.expenses.store.path_of(sheet).unlink()
    found = [f for f in service.pack.check() if f.title == "Pièce jointe absente ou modifiée"]
    assert titles(found) == [(Severity.BLOCKING, "Pièce jointe absente ou modifiée", event)]


def test_the_forfait_exceeded_is_to_check(service: CarnetService) -> None:
    over = expense(amount_ht_cents=170_000, vat_cents=0, amount_ttc_cents=170_000)
    service.expenses.save_expense(over, allow_over_forfait=True)
    (found,) = [f for f in service.pack.check() if f.title == "Forfait événement dépassé"]
    assert found.severity is Severity.TO_CHECK
    assert "100,00 € ne seront pas financés" in plain(found.detail)
    assert checks.forfait_exceeded(replace(service.expenses.forfait_use(), committed_cents=160_000)) == []


# --- requests, entries, rétroplanning -----------------------------------------------------------


def test_requests_never_answered(service: CarnetService) -> None:
    register = service.register
    open_one = register.save_solicitation(
        Solicitation(
            datetime(2024, 10, 2, 9), Channel.PHONE, RequestCategory.ACCESS, "Mot de passe", requester="X"
        )
    )
    answered = register.save_solicitation(
        Solicitation(datetime(2024, 10, 3, 9), Channel.PHONE, RequestCategory.ACCESS, "Accès", requester="Y")
    )
    register.answer(answered, datetime(2024, 10, 3, 10), ambassador_id(service, "Marie Durand"), "Réglé")
    found = [f for f in service.pack.check() if f.record_kind is RecordKind.REQUEST]
    assert titles(found) == [(Severity.TO_CHECK, "Sollicitation sans réponse", open_one)]
    assert found[0].target_page == "solicitations"
    assert "Mot de passe" in found[0].detail


def test_requests_never_answered_come_oldest_first(service: CarnetService) -> None:
    """Typed in any order (26/11, 29/11, 28/11), they are listed by the day received."""
    ids = {
        day: service.register.save_solicitation(
            Solicitation(
                datetime(2024, 11, day, 9),
                Channel.PHONE,
                RequestCategory.ACCESS,
                f"Demande {day}",
                requester="X",
            )
        )
        for day in (26, 29, 28)
    }
    found = [f for f in service.pack.check() if f.record_kind is RecordKind.REQUEST]
    assert [f.record_id for f in found] == [ids[26], ids[28], ids[29]]
    assert [f.detail[:19] for f in found] == [f"Reçue le {day}/11/2024" for day in (26, 28, 29)]


def test_entries_outside_the_period(service: CarnetService) -> None:
    before = log_entry(service, date(2024, 8, 30), 60)
    log_entry(service, date(2024, 9, 1), 60)
    log_entry(service, date(2025, 2, 28), 60)
    after = log_entry(service, date(2025, 3, 1), 60)
    found = [f for f in service.pack.check() if f.record_kind is RecordKind.ENTRY]
    assert titles(found) == [
        (Severity.TO_CHECK, "Entrée hors de la période", before),
        (Severity.TO_CHECK, "Entrée hors de la période", after),
    ]


def test_late_actions(service: CarnetService) -> None:
    planning = service.planning
    late = planning.save_action(
        PlannedAction("Visites MSP", Mission.PROMOTION, date(2024, 10, 1), date(2024, 10, 31))
    )
    planning.save_action(PlannedAction("Plus tard", Mission.PROMOTION, date(2024, 11, 1), date(2024, 12, 31)))
    planning.save_action(
        PlannedAction(
            "Faite à temps",
            Mission.PROMOTION,
            date(2024, 9, 1),
            date(2024, 9, 30),
            status=ActionStatus.DONE,
            actual_start=date(2024, 9, 2),
            actual_end=date(2024, 9, 20),
        )
    )
    found = [f for f in service.pack.check() if f.record_kind is RecordKind.ACTION]
    assert titles(found) == [(Severity.TO_CHECK, "Action en retard dans le rétroplanning", late)]
    assert "15 jours de retard" in found[0].detail
    assert found[0].target_page == "planning"


def test_summary_words() -> None:
    assert checks.summary([]).startswith("Aucun point à corriger")
    blocking = Finding(Severity.BLOCKING, "T", "D", "carnet")
    other = Finding(Severity.TO_CHECK, "T", "D", "carnet")
    assert plain(checks.summary([blocking, other, other])) == "1 point bloquant, 2 points à vérifier."
    assert blocking.line == "[bloquant] T : D"


# --- the demo -----------------------------------------------------------------------------------


@pytest.fixture
def demo(tmp_path: Path) -> CarnetService:
    service = open_service(tmp_path / "demo.ambassadeur", create=True, today=lambda: REFERENCE_DAY)
    build_demo(service)
    return service


def test_the_demo_lists_its_realistic_gaps(demo: CarnetService) -> None:
    found = demo.pack.check()
    demo.close()
    kinds = [(f.severity, f.title) for f in found]
    # November 2025 to January 2026 are over and still open; February 2026 is under way.
    assert [f.record_id for f in found if f.record_kind is RecordKind.MONTH] == [
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
    ]
    assert kinds.count((Severity.BLOCKING, "Feuille d'émargement signée non jointe")) == 4  # of 5 events
    assert kinds.count((Severity.TO_CHECK, "Sollicitation sans réponse")) == 3
    assert kinds.count((Severity.TO_CHECK, "Action en retard dans le rétroplanning")) == 1
    assert (Severity.TO_CHECK, "Questionnaire de satisfaction sans réponse") not in kinds
    assert not [f for f in found if f.record_kind is RecordKind.EXPENSE]  # every invoice is attached
    assert len(found) == 12


def test_verifier_prints_the_findings_and_fails_when_one_blocks(
    demo: CarnetService, capsys: pytest.CaptureFixture[str]
) -> None:
    path = demo.path
    demo.close()
    assert main(["--carnet", str(path), "verifier"]) == 1
    out, err = capsys.readouterr()
    assert "[bloquant] Mois de novembre 2025 non clôturé" in out
    assert "points bloquants" in plain(out.splitlines()[-1])
    received = [
        datetime.strptime(line.split("Reçue le ")[1][:10], "%d/%m/%Y")
        for line in out.splitlines()
        if "Sollicitation sans réponse" in line
    ]
    assert len(received) == 3
    assert received == sorted(received)  # the oldest first
    assert err.startswith("erreur : des points bloquants")


def test_verifier_succeeds_when_nothing_blocks(
    service: CarnetService, capsys: pytest.CaptureFixture[str]
) -> None:
    service.close_month(Month(2024, 9))
    service.close_month(Month(2024, 10))
    path = service.path
    service.close()
    # The command's today is the real one: every month of 2024-2025 has ended, so only the
    # closed months keep it from blocking; a carnet whose months are all closed passes.
    reopened = open_service(path, today=lambda: TODAY)
    for month in reopened.programme().period_months[2:]:
        with reopened.carnet.write():
            reopened.carnet.months.close(month)
    reopened.close()
    assert main(["--carnet", str(path), "verifier"]) == 0
    out, _ = capsys.readouterr()
    assert out.strip() == "Aucun point à corriger : le carnet est prêt pour le dossier de justification."

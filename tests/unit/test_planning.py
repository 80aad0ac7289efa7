"""The rétroplanning: the rules (validation, late actions at the edges), the storage of actions and
their links, the service, the xlsx table and the Gantt PDF, the demo and the commands."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from ambassadeur_app.demo import REFERENCE_DAY, build_demo
from ambassadeur_app.domain.events import Event, EventKind, EventStatus, Session
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.planning import (
    ActionStatus,
    Link,
    LinkKind,
    PlannedAction,
    days_late,
    late_text,
    validate_action,
)
from ambassadeur_app.errors import AppError, InvalidInput
from ambassadeur_app.reports.planning import build_planning, document, export, write_gantt
from ambassadeur_app.services import CarnetService, open_service
from tests.conftest import TODAY, ambassador_id, log_entry, plain
from tests.unit.test_cli import run

START, END = date(2024, 10, 1), date(2024, 10, 31)


def action(**changes: object) -> PlannedAction:
    planned = PlannedAction("Rencontrer les MSP du secteur", Mission.PROMOTION, START, END)
    return replace(planned, **changes)  # type: ignore[arg-type]


def event(service: CarnetService, title: str = "Atelier Parceo", day: date = date(2024, 10, 8)) -> str:
    return service.events.save_event(
        Event(
            EventKind.WORKSHOP,
            Mission.PROMOTION,
            title,
            (Session(day, time(14, 0), time(17, 0)),),
            place="Lunéville",
            status=EventStatus.DONE,
        )
    )


# --- domain -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": "  "}, "titre", "Indiquez le titre"),
        ({"title": "x" * 301}, "titre", "Titre trop long"),
        ({"planned_end": date(2024, 9, 30)}, "fin prévue", "précède le début prévu"),
        ({"planned_start": date(1024, 10, 1)}, "début prévu", "1024"),
        (
            {"actual_end": date(2024, 10, 5), "status": ActionStatus.DONE},
            "début réel",
            "Indiquez le début réel",
        ),
        (
            {"actual_start": date(2024, 10, 5), "actual_end": date(2024, 10, 4), "status": ActionStatus.DONE},
            "fin réelle",
            "précède le début réel",
        ),
        ({"status": ActionStatus.DONE, "actual_start": START}, "fin réelle", "fin réelle d'une action faite"),
        ({"status": ActionStatus.IN_PROGRESS}, "début réel", "début réel d'une action en cours"),
        ({"actual_start": START}, "statut", "n'est plus « à faire »"),
        (
            {"status": ActionStatus.IN_PROGRESS, "actual_start": START, "actual_end": END},
            "statut",
            "pas « en cours »",
        ),
        ({"links": (Link(LinkKind.PROFESSIONAL, "p1"),)}, "liens", "pas à un(e) professionnel"),
    ],
)
def test_an_invalid_action_is_refused_naming_its_field(
    changes: dict[str, object], field: str, message: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_action(action(**changes))
    assert caught.value.field == field
    assert message in caught.value.message


def test_actual_dates_cannot_be_in_the_future() -> None:
    started = action(status=ActionStatus.IN_PROGRESS, actual_start=date(2024, 10, 2))
    assert validate_action(started, date(2024, 10, 2)) == started
    with pytest.raises(InvalidInput) as caught:
        validate_action(started, date(2024, 10, 1))
    assert caught.value.field == "début réel"
    done = replace(started, status=ActionStatus.DONE, actual_end=date(2024, 10, 20))
    with pytest.raises(InvalidInput, match="dans le futur") as caught:
        validate_action(done, date(2024, 10, 19))
    assert caught.value.field == "fin réelle"


def test_a_valid_action_is_cleaned() -> None:
    link = Link(LinkKind.EVENT, "e1")
    checked = validate_action(action(title="  Rencontrer   les MSP ", ambassador_id="", links=(link, link)))
    assert (checked.title, checked.ambassador_id, checked.links) == ("Rencontrer les MSP", None, (link,))


@pytest.mark.parametrize(
    ("changes", "today", "late", "text"),
    [
        ({}, END, 0, ""),  # on its planned end day: not late yet
        ({}, date(2024, 11, 1), 1, "en retard de 1 jour"),
        ({}, date(2024, 11, 15), 15, "en retard de 15 jours"),
        (
            {"status": ActionStatus.IN_PROGRESS, "actual_start": START},
            date(2024, 11, 2),
            2,
            "en retard de 2 jours",
        ),
        ({"status": ActionStatus.DONE, "actual_start": START, "actual_end": END}, date(2025, 1, 1), 0, ""),
        (  # done one day after its planned end: late, whatever today is
            {"status": ActionStatus.DONE, "actual_start": START, "actual_end": date(2024, 11, 1)},
            date(2024, 11, 1),
            1,
            "faite avec 1 jour de retard",
        ),
        ({"status": ActionStatus.DONE, "actual_start": START, "actual_end": date(2024, 10, 20)}, END, 0, ""),
        ({"status": ActionStatus.ABANDONED}, date(2025, 6, 1), 0, ""),
        ({}, date(2024, 9, 1), 0, ""),  # not begun
    ],
)
def test_late_actions_at_the_edges(changes: dict[str, object], today: date, late: int, text: str) -> None:
    planned = validate_action(action(**changes))
    assert days_late(planned, today) == late
    assert late_text(planned, today) == text


# --- service and storage ----------------------------------------------------------------------


def test_an_action_is_saved_read_back_updated_and_deleted(service: CarnetService, carnet_path: Path) -> None:
    planning = service.planning
    event_id = event(service)
    entry_id = log_entry(service, date(2024, 10, 8), 90, description="Préparation de l'atelier")
    marie = ambassador_id(service, "Marie Durand")
    links = (Link(LinkKind.EVENT, event_id), Link(LinkKind.ENTRY, entry_id))
    action_id = planning.save_action(action(ambassador_id=marie, links=links))
    service.close()
    again = open_service(carnet_path, today=lambda: TODAY)
    try:
        saved = again.planning.action(action_id)
        assert saved == action(ambassador_id=marie, links=links, id=action_id)
        assert [plain(v.label) for v in again.planning.link_views(saved.links)] == [
            "Événement : Atelier Parceo (08/10/2024)",
            "Entrée du carnet : 08/10/2024, 1 h 30 — Préparation de l'atelier",
        ]
        done = replace(saved, status=ActionStatus.DONE, actual_start=START, actual_end=END, links=links[:1])
        again.planning.save_action(done)
        assert again.planning.action(action_id) == done
        # The link taken off stays in the file, deleted: the two laptops' carnets merge.
        rows = again.carnet.db.execute(
            "SELECT time_entry_id, deleted_at IS NOT NULL FROM planned_action_links WHERE owner_id = ?",
            [action_id],
        ).fetchall()
        assert sorted(rows, key=str) == sorted([(None, 0), (entry_id, 1)], key=str)
        again.planning.delete_action(action_id)
        assert again.planning.action_ids() == []
        with pytest.raises(AppError):
            again.planning.action(action_id)
        again.planning.restore_action(action_id)
        assert again.planning.action_ids() == [action_id]
    finally:
        again.close()


def test_an_unknown_responsible_is_refused(service: CarnetService) -> None:
    with pytest.raises(InvalidInput) as caught:
        service.planning.save_action(action(ambassador_id="inconnu"))
    assert caught.value.field == "responsable"
    assert service.planning.action_ids() == []


def test_linking_and_unlinking_an_event(service: CarnetService) -> None:
    planning = service.planning
    action_id = planning.save_action(action())
    event_id = event(service)
    link = Link(LinkKind.EVENT, event_id)
    planning.link_action(action_id, link)
    planning.link_action(action_id, link)  # once
    assert planning.action(action_id).links == (link,)
    planning.unlink_action(action_id, link)
    assert planning.action(action_id).links == ()


def test_a_deleted_event_cannot_be_linked_and_a_link_made_before_shows_it_deleted(
    service: CarnetService,
) -> None:
    planning = service.planning
    kept, gone = event(service, "Atelier gardé"), event(service, "Atelier supprimé", date(2024, 10, 9))
    action_id = planning.save_action(action(links=(Link(LinkKind.EVENT, kept),)))
    service.events.delete_event(gone)
    with pytest.raises(InvalidInput, match="n'existe plus") as caught:
        planning.link_action(action_id, Link(LinkKind.EVENT, gone))
    assert caught.value.field == "liens"
    with pytest.raises(InvalidInput):
        planning.save_action(action(links=(Link(LinkKind.ENTRY, "pas-une-entree"),)))
    service.events.delete_event(kept)
    saved = planning.action(action_id)
    planning.save_action(replace(saved, title="Renommée"))  # the old link is kept
    [view] = planning.link_views(planning.action(action_id).links)
    assert (view.live, view.label) == (False, "Événement : Atelier gardé (08/10/2024) (supprimé)")
    service.events.restore_event(kept)
    assert planning.link_views(planning.action(action_id).links)[0].live


def test_late_actions_of_a_day_in_planned_order(service: CarnetService) -> None:
    planning = service.planning
    early = planning.save_action(
        action(title="Tôt", planned_start=date(2024, 9, 2), planned_end=date(2024, 9, 30))
    )
    planning.save_action(action(title="À l'heure"))
    planning.save_action(
        action(
            title="Abandonnée",
            planned_end=date(2024, 9, 10),
            planned_start=date(2024, 9, 2),
            status=ActionStatus.ABANDONED,
        )
    )
    late_done = planning.save_action(
        action(title="Faite tard", status=ActionStatus.DONE, actual_start=START, actual_end=date(2024, 11, 4))
    )
    assert [a.id for a in planning.late_actions(date(2024, 10, 31))] == [early, late_done]
    assert [a.title for a in planning.late_actions()] == [
        "Tôt",
        "À l'heure",
        "Faite tard",
    ]  # French order  # TODAY: 15/11


# --- documents --------------------------------------------------------------------------------


def _filled(service: CarnetService, count: int = 3) -> list[str]:
    planning = service.planning
    marie = ambassador_id(service, "Marie Durand")
    event_id = event(service)
    ids = [
        planning.save_action(
            action(
                title="Soirée d'information",
                ambassador_id=marie,
                links=(Link(LinkKind.EVENT, event_id),),
                status=ActionStatus.DONE,
                actual_start=date(2024, 10, 2),
                actual_end=date(2024, 10, 8),
            )
        ),
        planning.save_action(
            action(
                title="=Engager le CH",
                planned_end=date(2024, 11, 5),
                status=ActionStatus.IN_PROGRESS,
                actual_start=date(2024, 10, 3),
            )
        ),
    ]
    ids += [
        planning.save_action(
            action(title=f"Action {n:03d}", planned_start=date(2024, 12, 1), planned_end=date(2025, 1, 31))
        )
        for n in range(count - 2)
    ]
    return ids


def test_the_xlsx_table_has_one_row_per_action(service: CarnetService, tmp_path: Path) -> None:
    _filled(service)
    out = export(service, "xlsx", tmp_path / "planning.xlsx")
    sheet = load_workbook(out).worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(i for i, row in enumerate(rows) if row[:2] == ["N°", "Action"])
    assert rows[header][9:] == ["En retard", "Jours de retard", "Réalisée par"]
    first, second, third = rows[header + 1 : header + 4]
    assert first[:10] == [
        1,
        "Soirée d'information",
        "Promotion",
        "Marie Durand",
        datetime(2024, 10, 1),
        datetime(2024, 10, 31),
        "Fait",
        datetime(2024, 10, 2),
        datetime(2024, 10, 8),
        "Non",
    ]
    assert first[11] == "Événement : Atelier Parceo (08/10/2024)"
    assert second[1] == "=Engager le CH"
    assert sheet.cell(header + 3, 2).data_type == "s"
    assert second[6:11] == ["En cours", datetime(2024, 10, 3), None, "Oui", 10]  # 15/11 - 05/11
    assert third[9:11] == ["Non", None]


def test_the_gantt_pdf_runs_over_pages_with_the_month_header_on_each(
    service: CarnetService, tmp_path: Path
) -> None:
    _filled(service, count=60)
    planning = build_planning(service)
    out = write_gantt(planning, tmp_path / "gantt.pdf")
    pages = [page.extract_text() for page in PdfReader(out).pages]
    assert len(pages) >= 3
    months = [
        "septembre 2024",
        "octobre 2024",
        "novembre 2024",
        "décembre 2024",
        "janvier 2025",
        "février 2025",
    ]
    for text in pages:
        assert all(month in text for month in months), text
        assert "Action — mission, responsable" in text
    whole = "\n".join(pages)
    assert "Rétroplanning" in pages[0]
    assert "Aujourd'hui (15/11/2024)" in pages[0]
    assert "EN RETARD (10 j)" in whole  # the late action, with a word beside its symbol
    titles = re.findall(r"^Action (\d{3})$", whole, flags=re.MULTILINE)
    assert titles == [f"{n:03d}" for n in range(58)]  # every action once, in order, over the pages
    assert f"Page 1 sur {len(pages)}" in pages[0]


def test_an_empty_planning_writes_a_document_that_says_so(service: CarnetService, tmp_path: Path) -> None:
    text = PdfReader(export(service, "pdf", tmp_path / "vide.pdf")).pages[0].extract_text()
    assert "Aucune action dans le rétroplanning." in text
    assert document(build_planning(service)).sections[0].rows == []
    with pytest.raises(InvalidInput):
        export(service, "docx", tmp_path / "x.docx")


# --- demo and commands ------------------------------------------------------------------------


def test_the_demo_has_a_planning_with_one_late_action_and_a_journal(tmp_path: Path) -> None:
    with open_service(tmp_path / "demo.carnet", create=True, today=lambda: REFERENCE_DAY) as demo:
        build_demo(demo)
        planning = demo.planning
        actions = planning.actions(planning.action_ids())
        assert 9 <= len(actions) <= 12
        [late] = planning.late_actions()
        assert late.status is ActionStatus.IN_PROGRESS
        assert "MSP" in late.title
        # The hospital's IT commitment is done on the day the register records it.
        [engaged] = [a for a in actions.values() if a.title.startswith("Engagement du service informatique")]
        [hospital] = [s for s in demo.register.all_structures() if s.it_commitment_on]
        assert (engaged.status, engaged.actual_end) == (ActionStatus.DONE, hospital.it_commitment_on)
        views = planning.link_views(k for a in actions.values() for k in a.links)
        assert {v.link.kind for v in views} == {LinkKind.EVENT, LinkKind.ENTRY}
        assert all(v.live for v in views)
        assert len(planning.notes()) == 12
        assert "reconduire" in planning.pertinence()


def test_the_planning_commands(
    service: CarnetService, carnet_path: Path, tmp_path: Path, private_home: Path
) -> None:
    _filled(service)
    service.close()
    listed = run("--carnet", carnet_path, "planning", home=private_home)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert "Soirée d'information (Marie Durand)" in lines[0]
    assert any("EN RETARD : en retard de" in line for line in lines)
    assert lines[-1].startswith("3 actions ; 2 actions en retard au ")  # today: the machine's
    for fmt in ("xlsx", "pdf"):
        out = tmp_path / f"planning.{fmt}"
        done = run(
            "--carnet", carnet_path, "export", "planning", "--format", fmt, "--sortie", out, home=private_home
        )
        assert done.returncode == 0, done.stderr
        assert out.stat().st_size > 0
    wrong = run(
        "--carnet",
        carnet_path,
        "export",
        "planning",
        "--format",
        "docx",
        "--sortie",
        tmp_path / "x",
        home=private_home,
    )
    assert wrong.returncode == 2
    assert "choix invalide" in wrong.stderr


def test_a_link_row_holds_exactly_one_target(service: CarnetService) -> None:
    action_id = service.planning.save_action(action())
    event_id = event(service)
    entry_id = log_entry(service, date(2024, 10, 8), 30)
    links = service.carnet.actions.links
    for targets in (
        {"event_id": event_id, "time_entry_id": entry_id},
        {"event_id": None, "time_entry_id": None},
    ):
        with pytest.raises(sqlite3.IntegrityError):
            links._insert({"owner_id": action_id, **targets})

"""The attendance dialog lists people in every list's order (the register's, the sheet's): the
invited first, each group by folded « nom prénom », accents and case ignored."""

from __future__ import annotations

from html import escape

from ambassadeur_app.gui.dialogs.attendance_dialog import AttendanceDialog
from ambassadeur_app.gui.main_window import MainWindow
from ambassadeur_app.services import CarnetService
from tests.gui.test_events_page import DAY, events_page, workshop
from tests.unit.test_review_leftovers import IN_ORDER, register_people


def test_attendance_lists_people_in_the_register_s_order(window: MainWindow, service: CarnetService) -> None:
    people = register_people(service)
    event_id = workshop(service)
    invited = ["Zoé", "Le", "d'Arc", "Le Blanc"]
    service.events.invite(event_id, [people[last] for last in invited], DAY)
    dialog = events_page(window, event_id).attendance_selected()
    assert isinstance(dialog, AttendanceDialog)
    for last in ("eric", "Émile"):  # walk-ins: after the invited
        service.events.record_attendance(event_id, people[last], (True,))
    dialog.load()
    listed = [row.person.last_name for row in dialog.model.rows]
    assert listed == [last for last in IN_ORDER if last in invited] + ["Émile", "eric"]
    assert [row.invited for row in dialog.model.rows] == [True] * 4 + [False] * 2


def test_the_event_s_invitations_are_listed_in_the_register_s_order(
    window: MainWindow, service: CarnetService
) -> None:
    people = register_people(service)
    event_id = workshop(service)
    service.events.invite(event_id, [people[last] for last in reversed(IN_ORDER)], DAY)
    html = events_page(window, event_id)._invitations_html(event_id)
    found = service.register.professionals(list(people.values()))
    places = [html.index(f"<td>{escape(found[people[last]].full_name)}</td>") for last in IN_ORDER]
    assert places == sorted(places)

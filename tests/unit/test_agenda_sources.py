"""Two agendas of one ambassador in one carnet (a work calendar and another one, each exported as
an .ics file): each decision remembers the agenda it came from, so that importing one agenda never
proposes to remove the events of the other, even when they share most of their meetings, while an
event deleted from it still is; the same agenda exported again under another file name, or for
fewer days, is known as itself; a carnet of before keeps working."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from ambassadeur_app.domain.model import Ambassador, Role
from ambassadeur_app.importers.agenda import parse_agenda
from ambassadeur_app.services import CarnetService, open_service
from ambassadeur_app.services.agenda import ABSENT, ABSENT_FROM_FILE, DELETED
from tests.conftest import PROGRAMME, TODAY, ambassador_id
from tests.unit.test_agenda import rows
from tests.unit.test_agenda_changes import OCTOBER, event

GOOGLE = "PRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nX-WR-CALNAME:Marie - CPTS\r\n"
OUTLOOK = (
    "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n"
    "X-WR-RELCALID:{0000002E-8D4F-2B1A-6C0E-3F2A1B9C7D11}\r\nX-WR-CALNAME:Calendrier\r\n"
)
# A second Outlook mailbox: its calendar has the same name, not the same identifier.
OUTLOOK_OTHER = OUTLOOK.replace("3F2A1B9C7D11", "77AB00C4E912")
THUNDERBIRD = "PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN\r\n"

A1 = event("a1@work", "20241007T090000", "20241007T100000", "Visite MSP de Toul")
A2 = event("a2@work", "20241009T140000", "20241009T150000", "Réunion CPTS")
A3 = event("a3@work", "20241017T090000", "20241017T100000", "Formation e-parcours")
# One meeting sent to both of her addresses: in both agendas, under the same UID.
SHARED = event("shared@cpts", "20241010T110000", "20241010T120000", "Comité de pilotage")
B1 = event("b1@other", "20241008T100000", "20241008T110000", "Point pharmacie Lunéville")
B2 = event("b2@other", "20241015T160000", "20241015T170000", "Visite EHPAD Baccarat")

LIVE = "SELECT description FROM time_entries WHERE deleted_at IS NULL ORDER BY description"
SOURCES = "SELECT uid, source FROM agenda_items WHERE deleted_at IS NULL ORDER BY uid"


def calendar(path: Path, header: str, *events: str) -> Path:
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + header + "".join(events) + "END:VCALENDAR\r\n",
        encoding="utf-8",
    )
    return path


def summaries(service: CarnetService, path: Path, who: str) -> list[tuple[str, str, str, str]]:
    return [(p.state, p.summary, p.change, p.outcome) for p in service.agenda.read(path, who, *OCTOBER)]


def import_all(service: CarnetService, path: Path, who: str) -> None:
    proposals = service.agenda.read(path, who, *OCTOBER)
    assert proposals
    assert all(p.outcome == "à enregistrer" for p in proposals)
    service.agenda.accept(proposals)


def test_the_file_names_its_calendar_the_same_at_every_export(tmp_path: Path) -> None:
    def source(name: str, header: str) -> str:
        return parse_agenda(calendar(tmp_path / name, header, A1), *OCTOBER).source

    google = source("google.ics", GOOGLE)
    assert google.startswith("agenda-")
    # Another file name, another version of the program, another export day: the same calendar.
    assert source("export (2).ics", GOOGLE.replace("70.9054", "71.1203")) == google
    assert source("outlook.ics", OUTLOOK) != source("outlook2.ics", OUTLOOK_OTHER)
    assert source("outlook.ics", OUTLOOK) == source("autre.ics", OUTLOOK.replace("16.0", "17.0"))
    assert source("outlook.ics", OUTLOOK) == source("min.ics", OUTLOOK.replace("8D4F-2B1A", "8d4f-2b1a"))
    # The same name written by another program is another calendar.
    assert source("x.ics", GOOGLE.replace("Google Inc//Google Calendar", "Sabre//Sabre VObject")) != google
    assert source("thunderbird.ics", THUNDERBIRD) == ""


@pytest.mark.parametrize(
    ("work", "other"),
    [(GOOGLE, OUTLOOK), (OUTLOOK, OUTLOOK_OTHER), (THUNDERBIRD, THUNDERBIRD), (THUNDERBIRD, GOOGLE)],
    ids=["google-outlook", "two-outlook-mailboxes", "two-thunderbird", "thunderbird-google"],
)
def test_two_agendas_imported_alternately_propose_nothing_of_the_other(
    service: CarnetService, tmp_path: Path, work: str, other: str
) -> None:
    marie = ambassador_id(service, "Marie Durand")
    a = calendar(tmp_path / "travail.ics", work, A1, A2, SHARED)
    b = calendar(tmp_path / "perso.ics", other, B1, B2, SHARED)
    import_all(service, a, marie)
    # The meeting in both is known already: only B's own events are new.
    assert summaries(service, b, marie) == [
        ("new", "Point pharmacie Lunéville", "", "à enregistrer"),
        ("new", "Visite EHPAD Baccarat", "", "à enregistrer"),
    ]
    import_all(service, b, marie)
    for path in (a, b, a, b):
        assert summaries(service, path, marie) == []
    assert [r[0] for r in rows(service, LIVE)] == [
        "Comité de pilotage",
        "Point pharmacie Lunéville",
        "Réunion CPTS",
        "Visite EHPAD Baccarat",
        "Visite MSP de Toul",
    ]
    sources = dict(rows(service, SOURCES))
    assert len({sources["a1@work"], sources["a2@work"], sources["shared@cpts"]}) == 1
    assert sources["b1@other"] == sources["b2@other"]
    assert sources["a1@work"] != sources["b1@other"]
    assert all(sources.values())


@pytest.mark.parametrize(
    ("work", "again"),
    [
        (GOOGLE, GOOGLE.replace("70.9054", "71.1203")),  # exported again after the program's update
        (THUNDERBIRD, THUNDERBIRD),  # a file that names no calendar: known by its events
    ],
    ids=["named", "nameless"],
)
def test_an_agenda_exported_again_under_another_name_is_itself_and_its_deletions_are_proposed(
    service: CarnetService, tmp_path: Path, work: str, again: str
) -> None:
    marie = ambassador_id(service, "Marie Durand")
    b = calendar(tmp_path / "perso.ics", OUTLOOK, B1, B2, SHARED)
    import_all(service, calendar(tmp_path / "travail.ics", work, A1, A2, SHARED), marie)
    import_all(service, b, marie)
    # Exported again as « travail (2).ics »: A2 deleted from the agenda since, A3 added.
    a = calendar(tmp_path / "travail (2).ics", again, A1, A3, SHARED)
    proposals = service.agenda.read(a, marie, *OCTOBER)
    assert [(p.state, p.summary, p.change, p.outcome) for p in proposals] == [
        ("new", "Formation e-parcours", "", "à enregistrer"),
        ("removed", "Réunion CPTS", DELETED, "écarté"),
    ]
    # The user checks the deleted meeting: its entry goes; the other agenda stays untouched.
    service.agenda.accept(proposals)
    assert [r[0] for r in rows(service, LIVE)] == [
        "Comité de pilotage",
        "Formation e-parcours",
        "Point pharmacie Lunéville",
        "Visite EHPAD Baccarat",
        "Visite MSP de Toul",
    ]
    assert summaries(service, a, marie) == []
    assert summaries(service, b, marie) == []
    sources = dict(rows(service, SOURCES))
    # Recorded under the calendar's name when the file gives one.
    assert sources["a3@work"] == (parse_agenda(a, *OCTOBER).source or sources["a1@work"])
    assert sources["a3@work"] != sources["b1@other"]


@pytest.mark.parametrize("work", [GOOGLE, THUNDERBIRD], ids=["named", "nameless"])
def test_an_export_of_fewer_days_says_nothing_of_the_others(
    service: CarnetService, tmp_path: Path, work: str
) -> None:
    marie = ambassador_id(service, "Marie Durand")
    import_all(service, calendar(tmp_path / "travail.ics", work, A1, A2, A3, SHARED), marie)
    # Exported from 9 to 10 October only (A2 and the meeting): A1 and A3 are out of its dates.
    assert summaries(service, calendar(tmp_path / "9-10.ics", work, A2, SHARED), marie) == []
    # Exported from 7 to 17 October, A2 deleted since: it is asked about.
    assert summaries(service, calendar(tmp_path / "7-17.ics", work, A1, A3, SHARED), marie) == [
        ("removed", "Réunion CPTS", DELETED, "écarté")
    ]


S1 = event("s1@cpts", "20241008T140000", "20241008T150000", "Comité CPTS")
S2 = event("s2@cpts", "20241022T140000", "20241022T150000", "Bureau CPTS")
OWN = event("own@other", "20241014T160000", "20241014T170000", "Visite cabinet Dr Morel")
MORE = [
    event(f"g{n}@work", f"202410{n + 9:02}T090000", f"202410{n + 9:02}T100000", f"Travail G{n}")
    for n in range(1, 11)
]


@pytest.mark.parametrize(
    ("first", "second", "own"),
    [
        (OUTLOOK, GOOGLE, 10),
        (OUTLOOK, GOOGLE, 1),
        (OUTLOOK, THUNDERBIRD, 1),
        (THUNDERBIRD, THUNDERBIRD, 10),
        (THUNDERBIRD, GOOGLE, 1),
        (GOOGLE, GOOGLE.replace("Marie - CPTS", "Marie - travail"), 1),
    ],
    ids=[
        "outlook-google",
        "outlook-small-google",
        "outlook-thunderbird",
        "two-thunderbird",
        "thunderbird-google",
        "renamed",
    ],
)
def test_an_agenda_sharing_most_of_the_others_events_proposes_none_of_its_own_for_removal(
    service: CarnetService, tmp_path: Path, first: str, second: str, own: int
) -> None:
    """The other agenda's decisions are mostly meetings in both (two of three): it is not this
    file's agenda for all that. A file that names no calendar is never a named one, nor one of
    its kind holding a minority of its events; a calendar renamed is another agenda: its events
    deleted under the former name are left alone, never guessed."""
    marie = ambassador_id(service, "Marie Durand")
    other = calendar(tmp_path / "autre.ics", first, S1, S2, OWN)
    import_all(service, other, marie)
    work = calendar(tmp_path / "travail.ics", second, S1, S2, *MORE[:own])
    assert summaries(service, work, marie) == [
        ("new", f"Travail G{n}", "", "à enregistrer") for n in range(1, own + 1)
    ]
    import_all(service, work, marie)
    for path in (work, other, work):
        assert summaries(service, path, marie) == []
    assert len(rows(service, LIVE)) == 3 + own


def test_a_nameless_export_of_fewer_days_proposes_its_deletions(
    service: CarnetService, tmp_path: Path
) -> None:
    """A Thunderbird export of three days of an agenda of eight events is that agenda (its known
    events all come from it): the event deleted among them is asked about, not the others."""
    marie = ambassador_id(service, "Marie Durand")
    days = [
        event(f"c{n}@tb", f"202410{n + 1:02}T200000", f"202410{n + 1:02}T210000", f"Association C{n}")
        for n in range(8)
    ]
    import_all(service, calendar(tmp_path / "travail.ics", GOOGLE, A1, A2, SHARED), marie)
    import_all(service, calendar(tmp_path / "perso.ics", OUTLOOK, B1, B2, SHARED), marie)
    import_all(service, calendar(tmp_path / "asso.ics", THUNDERBIRD, *days), marie)
    few = calendar(tmp_path / "asso (2).ics", THUNDERBIRD, days[0], days[2], days[3])
    assert summaries(service, few, marie) == [("removed", "Association C1", DELETED, "écarté")]


@pytest.mark.parametrize("name", ["X-WR-CALNAME", "X-WR-RELCALID"])
def test_a_calendar_named_twice_is_the_same_whatever_the_order(tmp_path: Path, name: str) -> None:
    def source(*values: str) -> str:
        header = THUNDERBIRD + "".join(f"{name}:{value}\r\n" for value in values)
        return parse_agenda(calendar(tmp_path / "x.ics", header, A1), *OCTOBER).source

    assert source("Travail", "Autre") == source("Autre", "Travail") != source("Travail")
    assert source("Travail", "Autre") != source("Travail", "Perso")


def test_an_occurrence_removed_from_a_series_is_still_proposed_for_removal(
    service: CarnetService, tmp_path: Path
) -> None:
    marie = ambassador_id(service, "Marie Durand")
    weekly = event(
        "weekly@work", "20241007T090000", "20241007T100000", "Point équipe", "RRULE:FREQ=WEEKLY;COUNT=3"
    )
    import_all(service, calendar(tmp_path / "travail.ics", GOOGLE, weekly), marie)
    import_all(service, calendar(tmp_path / "perso.ics", THUNDERBIRD, B1), marie)
    excluded = weekly.replace("COUNT=3", "COUNT=3\r\nEXDATE;TZID=Europe/Paris:20241014T090000")
    proposals = service.agenda.read(calendar(tmp_path / "travail.ics", GOOGLE, excluded), marie, *OCTOBER)
    assert [(p.entry.day, p.change, p.outcome) for p in proposals] == [
        (date(2024, 10, 14), ABSENT, "à retirer")
    ]


def test_a_carnet_of_before_keeps_working_and_its_new_decisions_know_their_agenda(
    carnet_path: Path, tmp_path: Path
) -> None:
    """A carnet whose decisions were taken before their agenda was kept (the file as it was
    before the step m019): those are judged as then, the new ones by their agenda."""
    service = open_service(carnet_path, create=True, today=lambda: TODAY)
    service.setup(PROGRAMME, [Ambassador("", "Marie Durand", Role.MEDICAL, "", "marie@example.org")])
    marie = ambassador_id(service, "Marie Durand")
    a = calendar(tmp_path / "travail.ics", GOOGLE, A1, A2, SHARED)
    b = calendar(tmp_path / "perso.ics", OUTLOOK, B1, B2, SHARED)
    import_all(service, a, marie)
    import_all(service, b, marie)
    service.close()
    with sqlite3.connect(carnet_path) as old:  # back to the schema of before, its data kept
        old.execute("ALTER TABLE agenda_items DROP COLUMN source")
        old.execute("DELETE FROM _sqlite_migrations WHERE name = 'm019_agenda_items_source'")
    old.close()
    service = open_service(carnet_path, today=lambda: TODAY)
    try:
        assert {source for _, source in rows(service, SOURCES)} == {""}
        # As before: the file shares UIDs with the old decisions, the other agenda's are asked about.
        assert summaries(service, a, marie) == [
            ("removed", "Point pharmacie Lunéville", ABSENT_FROM_FILE, "écarté"),
            ("removed", "Visite EHPAD Baccarat", ABSENT_FROM_FILE, "écarté"),
        ]
        a = calendar(tmp_path / "travail.ics", GOOGLE, A1, A2, A3, SHARED)
        proposals = service.agenda.read(a, marie, *OCTOBER)
        assert [(p.summary, p.outcome) for p in proposals] == [
            ("Formation e-parcours", "à enregistrer"),
            ("Point pharmacie Lunéville", "écarté"),
            ("Visite EHPAD Baccarat", "écarté"),
        ]
        service.agenda.accept(proposals[:1], proposals[1:])
        sources = dict(rows(service, SOURCES))
        assert sources.pop("a3@work") == parse_agenda(a, *OCTOBER).source
        assert set(sources.values()) == {""}
        # The new decision is A's: importing B does not ask about it, only about the old ones.
        assert summaries(service, b, marie) == [
            ("removed", "Visite MSP de Toul", ABSENT_FROM_FILE, "écarté"),
            ("removed", "Réunion CPTS", ABSENT_FROM_FILE, "écarté"),
        ]
        assert len(rows(service, LIVE)) == 6
    finally:
        service.close()

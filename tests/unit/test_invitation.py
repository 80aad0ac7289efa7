"""The invitation to an event: the .ics calendar and the .eml draft, read back with icalendar and
the ``email`` package (dates, time zone, stable UIDs, Bcc only, hostile texts), and the command."""

from __future__ import annotations

import email
from datetime import UTC, date, datetime, time, timedelta
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from ambassadeur_app.cli import main
from ambassadeur_app.domain.events import Event, EventKind, EventStatus, Session
from ambassadeur_app.domain.model import Ambassador, Mission, Role
from ambassadeur_app.domain.register import Professional
from ambassadeur_app.errors import ExportError, InvalidInput
from ambassadeur_app.reports.invitation import (
    build_invitation,
    calendar,
    message,
    output_format,
    session_uid,
    write_invitation,
)
from ambassadeur_app.services import CarnetService
from tests.conftest import PROGRAMME
from tests.unit.test_event_tables import opened

PARIS = ZoneInfo("Europe/Paris")


def event_titled(service: CarnetService, start: str) -> Event:
    events = service.events
    return next(e for e in events.events(events.event_ids()).values() if e.title.startswith(start))


def read_ics(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def read_eml(path: Path) -> EmailMessage:
    parsed = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def vevents(cal: Calendar) -> list[Any]:
    return list(cal.walk("VEVENT"))


def invitee_emails(service: CarnetService, event_id: str) -> set[str]:
    """Recompute, from the register, the addresses the draft must reach."""
    people = service.register.professionals(i.professional_id for i in service.events.invitations(event_id))
    return {p.email for p in people.values() if p.email and not p.anonymized}


def test_the_calendar_has_one_event_per_half_day_in_paris_time(demo_path: Path, tmp_path: Path) -> None:
    with opened(demo_path) as service:
        group = event_titled(service, "Groupe de travail")
        workshop = event_titled(service, "Atelier d'information")
        write_invitation(service, group.id, tmp_path / "groupe.ics")
        write_invitation(service, workshop.id, tmp_path / "atelier.ics")
        claire = next(a for a in service.ambassadors() if a.id == group.organiser_ids[0])
    cal = read_ics(tmp_path / "groupe.ics")
    assert str(cal["METHOD"]) == "PUBLISH"
    assert [str(z["TZID"]) for z in cal.walk("VTIMEZONE")] == ["Europe/Paris"]
    parts = vevents(cal)
    assert len(parts) == len(group.sessions) == 2
    for index, (part, session) in enumerate(zip(parts, group.sessions, strict=True)):
        start, end = part.decoded("DTSTART"), part.decoded("DTEND")
        assert part["DTSTART"].params["TZID"] == "Europe/Paris"
        assert start.replace(tzinfo=None) == datetime.combine(session.day, session.start)
        assert end.replace(tzinfo=None) == datetime.combine(session.day, session.end)
        # December: Paris is one hour ahead of UTC.
        assert start.astimezone(UTC) == datetime.combine(session.day, session.start, PARIS).astimezone(UTC)
        assert start.utcoffset() == timedelta(hours=1)
        assert str(part["UID"]) == session_uid(group.id, index)
        assert str(part["SUMMARY"]) == f"{group.title} ({index + 1}/2)"
        assert str(part["LOCATION"]) == group.place
        assert str(part["ORGANIZER"]) == f"mailto:{claire.email}"
        assert part["ORGANIZER"].params["CN"] == claire.name
        assert str(part["STATUS"]) == "CONFIRMED"
        description = str(part["DESCRIPTION"])
        assert group.agenda in description
        assert "Dr Claire Fontaine" in description
        assert "CPTS Val de Meurthe" in description
    # September: summer time, two hours ahead.
    (evening,) = vevents(read_ics(tmp_path / "atelier.ics"))
    assert evening.decoded("DTSTART").utcoffset() == timedelta(hours=2)
    assert evening.decoded("DTSTART").astimezone(UTC).time() == time(17, 0)


def test_the_time_zone_rules_give_paris_offsets(demo_path: Path, tmp_path: Path) -> None:
    """The written VTIMEZONE (yearly rules, as Outlook reads them) agrees with the tz database."""
    with opened(demo_path) as service:
        group = event_titled(service, "Groupe de travail")
        write_invitation(service, group.id, tmp_path / "groupe.ics")
    (zone,) = read_ics(tmp_path / "groupe.ics").walk("VTIMEZONE")
    ours = zone.to_tz()
    day = date(2024, 1, 1)
    while day < date(2031, 1, 1):
        for hour in (1, 12):
            moment = datetime.combine(day, time(hour))
            assert moment.replace(tzinfo=ours).utcoffset() == moment.replace(tzinfo=PARIS).utcoffset(), moment
        day += timedelta(days=3)


def test_uids_are_stable_across_exports(demo_path: Path, tmp_path: Path) -> None:
    with opened(demo_path) as service:
        group = event_titled(service, "Groupe de travail")
        write_invitation(service, group.id, tmp_path / "a.ics")
        write_invitation(service, group.id, tmp_path / "b.eml")
        write_invitation(service, group.id, tmp_path / "c.ics")
    uids = [[str(p["UID"]) for p in vevents(read_ics(tmp_path / name))] for name in ("a.ics", "c.ics")]
    attached = next(read_eml(tmp_path / "b.eml").iter_attachments())
    uids.append([str(p["UID"]) for p in vevents(Calendar.from_ical(attached.get_content()))])
    assert uids[0] == uids[1] == uids[2]
    assert len(set(uids[0])) == 2
    assert all(group.id in uid for uid in uids[0])


def test_the_draft_puts_every_invitee_with_an_email_in_bcc_only(demo_path: Path, tmp_path: Path) -> None:
    with opened(demo_path) as service:
        workshop = event_titled(service, "Atelier d'information")
        draft = write_invitation(service, workshop.id, tmp_path / "atelier.eml")
        expected = invitee_emails(service, workshop.id)
    mail = read_eml(tmp_path / "atelier.eml")
    assert len(expected) == 55
    bcc = [a.addr_spec for a in mail["Bcc"].addresses]
    assert len(bcc) == len(set(bcc))
    assert set(bcc) == expected
    assert mail["Cc"] is None
    to = [a.addr_spec for a in mail["To"].addresses]
    assert to == ["claire.fontaine@example.org"]
    assert not set(to) & expected
    assert mail["X-Unsent"] == "1"
    assert mail["Subject"] == f"Invitation : {workshop.title} — jeudi 18 septembre 2025"
    text = mail.get_body(("plain",)).get_content()
    for piece in (workshop.title, workshop.place, workshop.agenda, "jeudi 18 septembre 2025, de 19 h à 21 h"):
        assert piece in text
    assert "confirmer votre présence" in text
    (attachment,) = list(mail.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"
    assert attachment.get_param("method") == "PUBLISH"
    assert attachment.get_filename().endswith(".ics")
    (part,) = vevents(Calendar.from_ical(attachment.get_content()))
    assert str(part["SUMMARY"]) == workshop.title
    assert draft.without_email == []


def professional(service: CarnetService, last: str, first: str, mail: str = "") -> str:
    return service.register.save_professional(
        Professional(last, first, "G15-10", commune="Nancy", email=mail)
    )


def small_event(service: CarnetService, **changes: Any) -> str:
    values: dict[str, Any] = {
        "place": "Salle des fêtes, Lunéville",
        "sessions": (Session(date(2024, 10, 8), time(9, 0), time(12, 0)),),
    } | changes
    return service.events.save_event(
        Event(EventKind.WORKSHOP, Mission.PROMOTION, values.pop("title", "Atelier Parceo"), **values)
    )


def test_invitees_without_an_email_are_named_and_left_out(
    service: CarnetService, carnet_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    event_id = small_event(service)
    people = [
        professional(service, "Adam", "Léa", "lea.adam@example.org"),
        professional(service, "Brun", "Hugo"),
        professional(service, "Zimmermann", "Anne", "anne.z@example.org"),
    ]
    service.events.invite(event_id, people, date(2024, 9, 20))
    service.close()
    out = tmp_path / "invitation.eml"
    assert main(["--carnet", str(carnet_path), "invitation", event_id[:8], "--sortie", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "2 invités en copie cachée (Cci)." in printed
    assert "1 invité sans adresse e-mail utilisable, à inviter autrement : Hugo Brun." in printed
    mail = read_eml(out)
    assert {a.addr_spec for a in mail["Bcc"].addresses} == {"lea.adam@example.org", "anne.z@example.org"}
    assert mail["To"] is None  # no organiser with an address: nobody else is named
    ics = tmp_path / "agenda"
    assert (
        main(["--carnet", str(carnet_path), "invitation", event_id, "--sortie", str(ics), "--format", "ics"])
        == 0
    )
    assert "copie cachée" not in capsys.readouterr().out
    assert len(vevents(read_ics(ics))) == 1


def test_command_errors(
    service: CarnetService, carnet_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    event_id = small_event(service)
    service.close()
    base = ["--carnet", str(carnet_path), "invitation"]
    assert main([*base, event_id, "--sortie", str(tmp_path / "invitation.txt")]) == 1
    assert "Format d'invitation inconnu pour « invitation.txt »" in capsys.readouterr().err
    assert main([*base, "0000", "--sortie", str(tmp_path / "x.ics")]) == 1
    assert "Aucun événement n'a l'identifiant « 0000 »" in capsys.readouterr().err
    missing = tmp_path / "absent" / "x.eml"
    assert main([*base, event_id, "--sortie", str(missing)]) == 1
    assert "n'existe pas" in capsys.readouterr().err
    assert not missing.parent.exists()
    with pytest.raises(SystemExit) as usage:
        main([*base, event_id])
    assert usage.value.code == 2
    with pytest.raises(SystemExit) as wrong:
        main([*base, event_id, "--sortie", "x.ics", "--format", "pdf"])
    assert wrong.value.code == 2
    assert not list(tmp_path.glob("*.part"))


def test_output_format() -> None:
    assert output_format(Path("a.ICS")) == "ics"
    assert output_format(Path("a.eml")) == "eml"
    assert output_format(Path("a.txt"), "eml") == "eml"
    with pytest.raises(InvalidInput):
        output_format(Path("a"))


HOSTILE_TITLE = "Atelier\x07 « Parceo » ; DMP, INSi\x00 — " + "très long titre " * 30
HOSTILE_PLACE = "Salle 3, bât. B ; étage 2\nEntrée rue des Jardins\\côté parking"
HOSTILE_AGENDA = "1. Accueil, café ;\n2. Démonstration : « Parceo »\r\n3. Questions\\réponses, fin"


def hostile_draft(**changes: Any) -> Any:
    event = Event(
        EventKind.WORKSHOP,
        Mission.PROMOTION,
        HOSTILE_TITLE,
        (
            Session(date(2025, 3, 28), time(19, 0), time(21, 0)),
            Session(date(2025, 3, 31), time(9, 0), time(12, 0)),
        ),
        place=HOSTILE_PLACE,
        agenda=HOSTILE_AGENDA,
        speakers=('Dr "Jo" Martin, Pulsy', "Anne ; Dupuis"),
        id="3f2a-hostile",
        **changes,
    )
    organisers = [Ambassador("a1", 'Marie "la" Durand, CPTS', Role.MEDICAL, email="marie@example.org")]
    invitees = [
        Professional("Dupont, Jean", "Jean-\x1bPaul", email="jp.dupont@example.org", id="p1"),
        Professional("O'Brien", "Siobhán", email="siobhan@example.org", id="p2"),
        Professional("Sansmail", "Léo", email="pas une adresse", id="p3"),
        Professional("Doublon", "Léo", email="JP.Dupont@example.org", id="p4"),
        Professional("Accent", "José", email="josé@exémple.fr", id="p5"),
    ]
    return build_invitation(PROGRAMME, event, organisers, invitees)


def test_hostile_texts_survive_escaping(tmp_path: Path) -> None:
    draft = hostile_draft()
    cal = Calendar.from_ical(calendar(draft).to_ical())
    first, second = vevents(cal)
    clean_title = " ".join(HOSTILE_TITLE.replace("\x07", "").replace("\x00", "").split())
    assert str(first["SUMMARY"]) == f"{clean_title} (1/2)"
    assert str(first["LOCATION"]) == " ".join(HOSTILE_PLACE.split())
    description = str(first["DESCRIPTION"])
    assert HOSTILE_AGENDA.replace("\r\n", "\n") in description.replace("\r\n", "\n")
    assert 'Dr "Jo" Martin, Pulsy, Anne ; Dupuis' in description
    # Summer time begins between the two half-days (30 March 2025).
    assert first.decoded("DTSTART").utcoffset() == timedelta(hours=1)
    assert second.decoded("DTSTART").utcoffset() == timedelta(hours=2)
    assert first["ORGANIZER"].params["CN"] == 'Marie "la" Durand, CPTS'
    raw = calendar(draft).to_ical()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert not any(byte < 32 and byte not in (9, 10, 13) for byte in raw)

    path = tmp_path / "hostile.eml"
    path.write_bytes(message(draft).as_bytes())
    mail = read_eml(path)
    addresses = mail["Bcc"].addresses
    assert [(a.display_name, a.addr_spec) for a in addresses] == [
        ("Jean-Paul Dupont, Jean", "jp.dupont@example.org"),
        ("Siobhán O'Brien", "siobhan@example.org"),
    ]
    assert draft.without_email == ["José Accent", "Léo Sansmail"]
    assert mail["Subject"].startswith("Invitation : Atelier « Parceo » ; DMP, INSi — ")
    assert "\n" not in mail["Subject"]
    assert mail["To"].addresses[0].display_name == 'Marie "la" Durand, CPTS'
    body = mail.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "Salle 3, bât. B ; étage 2\nEntrée rue des Jardins\\côté parking" in body
    attached = next(mail.iter_attachments())
    assert [str(p["SUMMARY"]) for p in vevents(Calendar.from_ical(attached.get_content()))] == [
        f"{clean_title} (1/2)",
        f"{clean_title} (2/2)",
    ]
    assert attached.get_filename().isascii()
    assert len(attached.get_filename()) <= 45


def test_online_and_cancelled_events() -> None:
    link = "https://visio.example.org/parceo?salle=1;2"
    online = hostile_draft(online=True, link=link)
    first, _ = vevents(Calendar.from_ical(calendar(online).to_ical()))
    assert str(first["LOCATION"]) == link
    assert str(first["URL"]) == link
    assert str(first["STATUS"]) == "CONFIRMED"
    text = message(online).get_body(("plain",)).get_content()
    assert f"En ligne, lien de connexion : {link}" in text
    assert "La CPTS Test du Lunévillois a le plaisir de vous inviter" in text  # with its article
    assert "Atelier d'information organisé par la CPTS Test du Lunévillois." in str(first["DESCRIPTION"])
    assert message(online)["Subject"].startswith("Invitation : ")
    # A cancelled event: the calendar marks it so, and the e-mail says so (no invitation).
    cancelled = hostile_draft(online=True, link=link, status=EventStatus.CANCELLED)
    first, _ = vevents(Calendar.from_ical(calendar(cancelled).to_ical()))
    assert str(first["STATUS"]) == "CANCELLED"
    assert "organisé par la CPTS Test du Lunévillois — ANNULÉ." in str(first["DESCRIPTION"])
    mail = message(cancelled)
    text = mail.get_body(("plain",)).get_content()
    assert (
        "La CPTS Test du Lunévillois vous informe que l'événement suivant (atelier d'information) est annulé"
        in text
    )
    assert "plaisir" not in text
    assert "confirmer votre présence" not in text
    assert link not in text
    assert str(mail["Subject"]).startswith("Annulation : ")


def test_a_failed_write_leaves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "absent"
    with pytest.raises(ExportError):
        write_invitation_to(folder / "x.ics")
    assert not folder.exists()


def write_invitation_to(path: Path) -> None:
    from ambassadeur_app.reports.invitation import write_ics

    write_ics(hostile_draft(), path)

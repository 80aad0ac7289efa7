"""The agenda import: the proposals for a six-month agenda of 600 events, on the demo carnet.

The agenda is generated as Outlook writes it (a VTIMEZONE block named « Romance Standard Time »,
CRLF, folded lines, attendees): 520 single events and four weekly series of 20 weeks, each with
an EXDATE, a moved and a cancelled occurrence — 600 occurrences over the demo's six months.

Measured: ``AgendaService.read`` (the file checked line by line, parsed, the series expanded, every
occurrence in Paris time, dismissal rules, the guess learned from the carnet's entries, the
carnet's rules, the agenda items already imported, the register's e-mails).
Floor, alternated with it: the same file parsed by bare icalendar and expanded by
recurring_ical_events over the same days, each occurrence's start and end put in Paris time.
Also: the leave-one-out figure of the guesser on the demo carnet (each entry guessed from the
others). Run: benchmarks/run bench_agenda
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from common import DEMO_TODAY, WORK, alternated, made_once, report

from ambassadeur_app.demo import build_demo
from ambassadeur_app.domain.agenda import leave_one_out, pasts
from ambassadeur_app.services import open_service

PARIS = ZoneInfo("Europe/Paris")
TITLES = [
    ("Visite MSP de {t}", "MSP de {t}"),
    ("Présentation de Parceo au CH de {t}", "CH de {t}"),
    ("Formation messagerie sécurisée — cabinet infirmier de {t}", "Cabinet infirmier, {t}"),
    ("Création des comptes Parceo EHPAD de {t}", "EHPAD de {t}"),
    ("Point téléphonique avec la pharmacie de {t}", ""),
    ("Déjeuner", "Brasserie"),
    ("Atelier d'information à {t}", "Salle des fêtes, {t}"),
]
TOWNS = ["Toul", "Lunéville", "Nancy", "Pont-à-Mousson", "Briey", "Longwy", "Baccarat", "Vandœuvre"]
VTIMEZONE = (
    "BEGIN:VTIMEZONE\r\nTZID:Romance Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16011028T030000\r\n"
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n"
    "BEGIN:DAYLIGHT\r\nDTSTART:16010325T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
    "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
)
TZ = 'TZID="Romance Standard Time"'


def _event(uid: str, start: datetime, minutes: int, title: str, place: str, extra: str = "") -> str:
    end = start + timedelta(minutes=minutes)
    attendee = (
        'ATTENDEE;CN="Dr Jeanne Martin";RSVP=TRUE:mailto:jeanne.martin@msp.example.o\r\n rg\r\n'
        if place
        else ""
    )
    return (
        f"BEGIN:VEVENT\r\n{attendee}CLASS:PUBLIC\r\nDTSTART;{TZ}:{start:%Y%m%dT%H%M%S}\r\n"
        f"DTEND;{TZ}:{end:%Y%m%dT%H%M%S}\r\nLOCATION:{place.replace(',', chr(92) + ',')}\r\n"
        f"SUMMARY;LANGUAGE=fr-fr:{title}\r\nUID:{uid}\r\nX-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\n"
        f"X-MS-OLK-CONFTYPE:0\r\n{extra}END:VEVENT\r\n"
    )


def make_agenda(path: Path, first: date) -> int:
    """Write a six-month agenda from ``first``; return its number of occurrences."""
    rng = random.Random(12)
    parts = [
        "BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\nVERSION:2.0\r\n"
    ]
    parts.append(VTIMEZONE)
    workdays = [first + timedelta(days=d) for d in range(182) if (first + timedelta(days=d)).weekday() < 5]
    for number in range(520):
        day = rng.choice(workdays)
        title, place = rng.choice(TITLES)
        town = rng.choice(TOWNS)
        start = datetime.combine(day, datetime.min.time()) + timedelta(hours=rng.randrange(8, 18))
        parts.append(
            _event(
                f"single-{number}",
                start,
                rng.choice((30, 60, 90, 120)),
                title.format(t=town),
                place.format(t=town),
            )
        )
    occurrences = 520
    for series in range(4):
        start = datetime.combine(workdays[series], datetime.min.time()) + timedelta(hours=9 + series)
        uid = f"series-{series}"
        skipped = start + timedelta(weeks=3)
        parts.append(
            _event(
                uid,
                start,
                60,
                f"Point hebdo {series + 1} équipe projet",
                "Réunion Microsoft Teams",
                f"RRULE:FREQ=WEEKLY;COUNT=21\r\nEXDATE;{TZ}:{skipped:%Y%m%dT%H%M%S}\r\n",
            )
        )
        moved = start + timedelta(weeks=5)
        parts.append(
            _event(
                uid,
                moved + timedelta(days=1, hours=2),
                45,
                f"Point hebdo {series + 1} équipe projet",
                "Réunion Microsoft Teams",
                f"RECURRENCE-ID;{TZ}:{moved:%Y%m%dT%H%M%S}\r\n",
            )
        )
        cancelled = start + timedelta(weeks=8)
        parts.append(
            _event(
                uid,
                cancelled,
                60,
                f"Annulé : Point hebdo {series + 1}",
                "",
                f"RECURRENCE-ID;{TZ}:{cancelled:%Y%m%dT%H%M%S}\r\nSTATUS:CANCELLED\r\n",
            )
        )
        occurrences += 20
    parts.append("END:VCALENDAR\r\n")
    path.write_text("".join(parts), encoding="utf-8")
    return occurrences


def floor(path: Path, first: date, last: date) -> int:
    """Parse and expand with the bare libraries; return the occurrences in the period."""
    import recurring_ical_events
    from icalendar import Calendar

    calendar = Calendar.from_ical(path.read_bytes())
    kept = 0
    for component in recurring_ical_events.of(calendar).between(first, last + timedelta(days=1)):
        start, end = component["DTSTART"].dt, component["DTEND"].dt
        kept += start.astimezone(PARIS).date() <= last and end.astimezone(PARIS) >= start.astimezone(PARIS)
    return kept


def main() -> None:
    carnet = made_once("agenda-demo.ambassadeur", build_demo, DEMO_TODAY)
    with open_service(carnet, today=lambda: DEMO_TODAY) as service:
        programme = service.programme()
        first, last = programme.start_date, programme.end_date
        agenda = WORK / "agenda-600.ics"
        occurrences = make_agenda(agenda, first)
        marie = service.ambassadors()[0].id
        proposals = service.agenda.read(agenda, marie, first, last)
        assert len(proposals) == occurrences == floor(agenda, first, last) == 600, len(proposals)
        app_time, floor_time = alternated(
            lambda: service.agenda.read(agenda, marie, first, last), lambda: floor(agenda, first, last)
        )
        report(
            "proposals, 600 events over 6 months", app_time, floor_time, "icalendar + recurring_ical_events"
        )
        dismissed = sum(bool(p.dismissed) for p in proposals)
        guessed = sum(bool(p.guess) for p in proposals)
        print(f"  {len(proposals)} proposals: {dismissed} dismissed, {guessed} with a guess from the carnet")
        entries = service.carnet.entries.in_range(date.min, date.max)
        right, found, total = leave_one_out(pasts(entries), service.agenda.guesser().default)
        print(
            f"  leave-one-out on the demo carnet: {right}/{total} entries' mission and activity guessed "
            f"right ({right / total:.0%}); {found} had a word in common with another entry"
        )


if __name__ == "__main__":
    main()

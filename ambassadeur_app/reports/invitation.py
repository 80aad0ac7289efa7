"""The invitation to an event, sent from the user's own mail client (offline first): the event
as an iCalendar file (``.ics``, RFC 5545) and an e-mail draft (``.eml``) addressed to the
invitees in Bcc, the ``.ics`` attached.

The calendar is published (``METHOD:PUBLISH``), not requested: ``REQUEST`` is an iTIP meeting
request that must list every invitee as an ``ATTENDEE`` (each would see the others' addresses,
which the Bcc is there to avoid) and asks the clients to send replies that no server of ours
receives; Outlook then shows a meeting "not responded" that the invitee cannot answer, and
Google only offers its buttons to listed attendees. A published event is what Outlook,
Thunderbird and Google Calendar all import as a plain appointment (« Ajouter à l'agenda »);
invitees answer the e-mail, as its text asks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ambassadeur_app import APP_NAME, __version__
from ambassadeur_app.domain.events import Event, EventStatus
from ambassadeur_app.domain.formatting import format_date_long, plural
from ambassadeur_app.domain.model import Ambassador, Programme
from ambassadeur_app.domain.register import Professional, person_key
from ambassadeur_app.domain.text import printable
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.reports.output import atomic_output, slug

if TYPE_CHECKING:
    from email.message import EmailMessage

    from icalendar import Calendar

    from ambassadeur_app.services import CarnetService

TIMEZONE = "Europe/Paris"
FORMATS = ("ics", "eml")
UID_DOMAIN = "carnet-ambassadeur.invalid"  # no real domain: the UID only has to be unique


@dataclass(frozen=True)
class Recipient:
    name: str
    email: str


@dataclass(frozen=True)
class InvitationDraft:
    """What the calendar file and the e-mail say, gathered once from the carnet."""

    event: Event
    cpts: str
    organisers: list[Ambassador]
    recipients: list[Recipient]
    without_email: list[str]  # the invitees the e-mail cannot reach, by name
    generated_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def organiser(self) -> Ambassador | None:
        """Return the first organiser with an e-mail address (the calendar's ``ORGANIZER``)."""
        return next((a for a in self.organisers if _address(a.name, a.email)), None)

    @property
    def attachment_name(self) -> str:
        # Short and ASCII: a longer name is split in pieces (RFC 2231) that Outlook does not join.
        return f"invitation-{slug(self.event.title)[:30].strip('-')}.ics"


def build_invitation(
    programme: Programme,
    event: Event,
    organisers: Iterable[Ambassador],
    invitees: Iterable[Professional],
) -> InvitationDraft:
    """Return the invitation of ``event`` to ``invitees`` (those without a usable e-mail are
    listed apart, by name)."""
    recipients: list[Recipient] = []
    without: list[str] = []
    for person in sorted(invitees, key=person_key):
        name = _one_line(f"{person.first_name} {person.last_name}")
        if _address(name, person.email):
            recipients.append(Recipient(name, person.email.strip()))
        else:
            without.append(name)
    return InvitationDraft(
        event=event,
        cpts=_one_line(programme.cpts_name),
        organisers=list(organisers),
        recipients=list({r.email.casefold(): r for r in recipients}.values()),  # one copy per address
        without_email=without,
    )


def _one_line(text: str) -> str:
    return " ".join(printable(text).split())


def _address(name: str, email: str) -> Any:
    """Return ``email`` as an address of a header, or None if it is not a usable address."""
    from email.errors import HeaderParseError
    from email.headerregistry import Address

    email = email.strip()
    # An address with accents (josé@…, …@exémple.fr) needs SMTPUTF8 or IDNA, which a draft
    # opened by any mail client cannot count on: such an invitee is named to the user instead.
    if "@" not in email or not email.isascii() or any(c.isspace() or ord(c) < 32 for c in email):
        return None
    try:
        return Address(display_name=_one_line(name), addr_spec=email)
    except (ValueError, IndexError, HeaderParseError):
        return None


# --- the calendar -----------------------------------------------------------------------------


def session_uid(event_id: str, index: int) -> str:
    """Return the UID of a half-day: the same at every export, so that importing the file again
    updates the appointment instead of adding a second one."""
    return f"evenement-{event_id}-demi-journee-{index + 1}@{UID_DOMAIN}"


def _paris_timezone() -> Any:
    """Return the ``VTIMEZONE`` of Europe/Paris as yearly rules (the EU's since 1996).

    Outlook reads a time zone from its rules (``RRULE``), as it writes them itself; the list of
    dates (``RDATE``) that ``add_missing_timezones`` writes, limited to some years, is handled
    less well. Thunderbird and Google match the ``TZID`` to their own Europe/Paris.
    """
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    zone = Timezone()
    zone.add("tzid", TIMEZONE)
    zone.add("x-lic-location", TIMEZONE)
    for part, name, start, before, after, month in (
        (TimezoneDaylight(), "CEST", datetime(1970, 3, 29, 2, 0), 1, 2, 3),
        (TimezoneStandard(), "CET", datetime(1970, 10, 25, 3, 0), 2, 1, 10),
    ):
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("tzoffsetfrom", timedelta(hours=before))
        part.add("tzoffsetto", timedelta(hours=after))
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        zone.add_component(part)
    return zone


def _description(draft: InvitationDraft, index: int) -> str:
    event = draft.event
    cancelled = " — ANNULÉ" if event.status is EventStatus.CANCELLED else ""
    lines = [f"{event.kind.label} organisé par {_with_article(draft.cpts, 'la')}{cancelled}."]
    if len(event.sessions) > 1:
        every = " ; ".join(_when(event))
        lines.append(f"Demi-journée {index + 1} sur {len(event.sessions)} (en tout : {every}).")
    lines += _details(event)
    if draft.organisers:
        lines.append(f"Organisation : {', '.join(a.name for a in draft.organisers)} — {draft.cpts}")
    return printable("\n".join(lines))


def calendar(draft: InvitationDraft) -> Calendar:
    """Return the event as a calendar: one ``VEVENT`` per half-day, in Europe/Paris time."""
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, vCalAddress
    from icalendar import Event as VEvent

    zone = ZoneInfo(TIMEZONE)
    event = draft.event
    cal = Calendar()
    cal.add("prodid", f"-//{APP_NAME}//{__version__}//FR")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add_component(_paris_timezone())
    title = _one_line(event.title)
    organiser = draft.organiser
    for index, session in enumerate(event.sessions):
        part = VEvent()
        part.add("uid", session_uid(event.id, index))
        part.add("dtstamp", draft.generated_at)
        part.add("dtstart", datetime.combine(session.day, session.start, zone))
        part.add("dtend", datetime.combine(session.day, session.end, zone))
        count = len(event.sessions)
        part.add("summary", f"{title} ({index + 1}/{count})" if count > 1 else title)
        part.add("location", _one_line(event.link if event.online else event.place))
        if event.online:
            part.add("url", event.link)
        part.add("description", _description(draft, index))
        part.add("status", "CANCELLED" if event.status is EventStatus.CANCELLED else "CONFIRMED")
        part.add("transp", "OPAQUE")
        part.add("class", "PUBLIC")
        if organiser is not None:
            address = vCalAddress(f"mailto:{organiser.email.strip()}")
            address.params["cn"] = _one_line(organiser.name)
            part.add("organizer", address)
        cal.add_component(part)
    return cal


def write_ics(draft: InvitationDraft, path: Path) -> Path:
    with atomic_output(path) as part:
        part.write_bytes(calendar(draft).to_ical())
    return path


# --- the e-mail draft -------------------------------------------------------------------------


def _details(event: Event) -> list[str]:
    """Return the lines saying where the event is, its agenda and its speakers."""
    lines = []
    if event.online:
        lines.append(f"En ligne, lien de connexion : {event.link}")
    if event.place:
        lines.append(f"Lieu : {event.place}")
    if event.agenda:
        lines += ["", "Ordre du jour :", event.agenda]
    if event.speakers:
        lines += ["", f"Intervenants : {', '.join(event.speakers)}"]
    return lines


def _when(event: Event) -> list[str]:
    """Return each half-day as « mardi 9 décembre 2025, de 9 h à 12 h 30 »."""
    return [f"{format_date_long(s.day)}, de {_clock(s.start)} à {_clock(s.end)}" for s in event.sessions]


def _clock(moment: time) -> str:
    return f"{moment.hour} h {moment.minute:02d}" if moment.minute else f"{moment.hour} h"


def _with_article(cpts: str, article: str) -> str:
    """Return « la CPTS Val de Meurthe » (``article``: « La » or « la ») for a name that begins
    with « CPTS », the name as it is otherwise (« Communauté… » has its own words)."""
    return f"{article} {cpts}" if cpts.upper().startswith("CPTS") else cpts


def subject(draft: InvitationDraft) -> str:
    event = draft.event
    word = "Annulation" if event.status is EventStatus.CANCELLED else "Invitation"
    return _one_line(f"{word} : {event.title} — {format_date_long(event.first_day)}")


def body(draft: InvitationDraft) -> str:
    """Return the e-mail's text: what, when, where, the agenda, and how to answer."""
    event = draft.event
    when = _when(event)
    cpts = _with_article(draft.cpts, "La")
    cancelled = event.status is EventStatus.CANCELLED
    kind = event.kind.label.lower()
    lines = [
        "Bonjour,",
        "",
        f"{cpts} vous informe que l'événement suivant ({kind}) est annulé :"
        if cancelled
        else f"{cpts} a le plaisir de vous inviter à l'événement suivant ({kind}) :",
        f"« {_one_line(event.title)} »",
        "",
        ("Date : " if len(when) == 1 else "Dates :\n- ") + "\n- ".join(when),
    ]
    if cancelled:
        lines += [
            "",
            "Nous vous prions de nous excuser pour ce changement.",
            "Le fichier joint le marque comme annulé : ouvrez-le pour mettre votre agenda à jour.",
        ]
    else:
        lines += _details(event)
        lines += [
            "",
            "Merci de nous confirmer votre présence (ou votre absence) en répondant à ce message.",
            "L'invitation est jointe à ce message : ouvrez-la pour ajouter l'événement à votre agenda.",
        ]
    lines += ["", "Bien cordialement,"]
    if draft.organisers:
        lines.append(", ".join(a.name for a in draft.organisers))
    lines.append(draft.cpts)
    return printable("\n".join(lines)) + "\n"


def message(draft: InvitationDraft) -> EmailMessage:
    """Return the e-mail draft: invitees in Bcc only (nobody sees the others' addresses), the
    calendar attached; ``X-Unsent: 1`` makes Outlook open it as a message to send."""
    from email import policy
    from email.header import Header
    from email.message import EmailMessage

    mail = EmailMessage(policy=policy.SMTP)  # CRLF line ends, as .eml files have them
    # WORKAROUND: the modern folder drops the space between two encoded words where it folds a
    # long subject (« INSi — très » reads « INSi— très »); the legacy Header keeps spaces inside
    # the encoded words, and a header stored raw with short lines is written as it is.
    mail.set_raw("Subject", Header(subject(draft), "utf-8", header_name="Subject").encode(linesep="\r\n"))
    organiser = draft.organiser
    if organiser is not None:  # a Bcc mailing is addressed to its sender
        mail["To"] = _address(organiser.name, organiser.email)
    if draft.recipients:
        mail["Bcc"] = [_address(r.name, r.email) for r in draft.recipients]
    mail["X-Unsent"] = "1"
    mail.set_content(body(draft))
    mail.add_attachment(
        calendar(draft).to_ical(),
        maintype="text",
        subtype="calendar",
        filename=draft.attachment_name,
        params={"method": "PUBLISH", "charset": "utf-8"},
    )
    return mail


def write_eml(draft: InvitationDraft, path: Path) -> Path:
    with atomic_output(path) as part:
        part.write_bytes(message(draft).as_bytes())
    return path


# --- from the carnet --------------------------------------------------------------------------


def output_format(path: Path, fmt: str | None = None) -> str:
    """Return ``ics`` or ``eml``: ``fmt`` if given, else the file's extension.

    Raises:
        InvalidInput: an unknown format, or no format and another extension.
    """
    chosen = (fmt or path.suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise InvalidInput(
            f"Format d'invitation inconnu pour « {path.name} » : écrivez un fichier .ics (agenda) ou "
            ".eml (brouillon d'e-mail), ou indiquez le format (ics ou eml).",
            "format",
        )
    return chosen


def invitation_of(service: CarnetService, event_id: str) -> InvitationDraft:
    """Return the invitation of an event of the carnet to its invitees still in the register."""
    events = service.events
    event = events.event(event_id)
    people = events.named_professionals(i.professional_id for i in events.invitations(event_id))
    organisers = [a for a in service.ambassadors() if a.id in event.organiser_ids]
    organisers.sort(key=lambda a: event.organiser_ids.index(a.id))
    return build_invitation(service.programme(), event, organisers, people.values())


def write_invitation(
    service: CarnetService, event_id: str, out: Path, fmt: str | None = None
) -> InvitationDraft:
    """Write an event's invitation as ``.ics`` or ``.eml`` (see ``output_format``); return what
    it holds (the CLI and the GUI name the invitees without an e-mail).

    Raises:
        InvalidInput: an unknown format. ExportError: the file cannot be written.
    """
    chosen = output_format(out, fmt)
    draft = invitation_of(service, event_id)
    (write_ics if chosen == "ics" else write_eml)(draft, out)
    return draft


def recipients_text(draft: InvitationDraft) -> list[str]:
    """Return what to tell the user about the e-mail's recipients (a line each)."""
    lines = [f"{plural(len(draft.recipients), 'invité')} en copie cachée (Cci)."]
    if draft.without_email:
        lines.append(
            f"{plural(len(draft.without_email), 'invité')} sans adresse e-mail utilisable, à inviter "
            "autrement : " + ", ".join(draft.without_email) + "."
        )
    return lines

"""Read an agenda exported as iCalendar (``.ics``: Outlook's « Enregistrer le calendrier »,
Thunderbird, Google, Nextcloud) into its occurrences between two days.

Repeated events are expanded by ``recurring-ical-events`` (RRULE, RDATE, EXDATE, moved and
cancelled occurrences); every time becomes Paris wall-clock time: a zone named by its VTIMEZONE
block or by its Windows name as Outlook writes it (« Romance Standard Time »), UTC, Google's
``X-WR-TIMEZONE``, or a floating time taken as Paris time.

Nothing in a file is trusted: it is checked line by line before icalendar reads it (a file cut
at any byte, another program's file renamed ``.ics``, a binary, a Windows-1252 export), and each
problem is a French ``ImportFileError`` naming the file and, when it can, the line.

Nothing in a file may make the reading endless or unbounded either: the file's size and number of
events are capped before icalendar reads it, a rule repeating more than 24 times a day or with an
interval below 1 is refused, and the occurrences are drawn one by one, stopping past
``MAX_OCCURRENCES``. ``parse_agenda`` touches neither the carnet nor Qt: it may run in a worker
thread (``AgendaService.propose`` then compares its result with the carnet, in the carnet's thread).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote
from zoneinfo import ZoneInfo

from ambassadeur_app.domain.agenda import AgendaEvent, Attendee
from ambassadeur_app.domain.formatting import format_date, format_number
from ambassadeur_app.domain.rules import MAX_TEXT
from ambassadeur_app.domain.text import printable
from ambassadeur_app.errors import ImportFileError
from ambassadeur_app.importers.tabular import UTF16_BOMS, check_regular_file, decode_text

PARIS = ZoneInfo("Europe/Paris")
MAX_BYTES = 20_000_000  # some ten years of a busy agenda
MAX_EVENTS = 20_000  # events written in the file (a series counts once)
MAX_OCCURRENCES = 20_000  # occurrences in the period read
MAX_PER_DAY = 24  # occurrences of one rule in one day
_CONTENT_LINE = re.compile(r"[A-Za-z0-9-]+[;:]")
# Properties an event holds once (a second DTSTART would be taken for a list of dates).
_SINGLE = frozenset({"UID", "DTSTART", "DTEND", "DURATION", "RECURRENCE-ID", "SUMMARY", "LOCATION", "STATUS"})
# What a title or place must not carry to a terminal or a document: control characters (an
# escape sequence), invisible ones, direction overrides.
_INVISIBLE = re.compile("[\u2066-\u2069]")
_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")  # a terminal escape sequence
# What other programs' files start with, to say what a file renamed ``.ics`` really is.
_FOREIGN = (
    (b"PK\x03\x04", "une archive ZIP ou un document Office (.xlsx, .docx)"),
    (b"%PDF", "un document PDF"),
    (b"SQLite format 3\x00", "une base SQLite (un carnet ?)"),
    (b"\xd0\xcf\x11\xe0", "un ancien document Office (.xls, .doc) ou un message Outlook (.msg)"),
    (b"{\\rtf", "un document RTF"),
)
_TOO_FREQUENT = {"SECONDLY", "MINUTELY", "HOURLY"}


@dataclass
class _Layout:
    """Where the events start in the file, by UID, and in order (found by ``_check_lines``), and
    the file's text as icalendar reads it (unfolded, property names in capitals, CRLF)."""

    event_lines: list[int] = field(default_factory=list)
    uid_lines: dict[str, int] = field(default_factory=dict)
    text: str = ""
    zones: dict[str, str] = field(default_factory=dict)  # UID -> a zone icalendar does not know


@dataclass(frozen=True)
class Agenda:
    """What an agenda file holds for a period: its occurrences, by start, and the UIDs of all its
    events (an imported event whose UID is there but whose occurrence is not was removed from
    the series)."""

    events: list[AgendaEvent]
    uids: frozenset[str]
    first: date
    last: date
    # The (uid, recurrence id) of the single events and moved occurrences written in the file,
    # in the period or not: an occurrence there was moved out of the period, not removed.
    written: frozenset[tuple[str, str]] = frozenset()
    # Which calendar the file is an export of, as it names itself (``_calendar_identity``); ""
    # when it does not (Thunderbird, a hand-made file).
    source: str = ""


def parse_agenda(path: Path, first: date, last: date) -> Agenda:
    """Read the occurrences of the agenda's events that start between two days (Paris time).

    Pure (no carnet, no Qt): may run in a worker thread.

    Raises:
        ImportFileError: not an iCalendar file, cut short, unreadable, too big; in French.
    """
    text = _text(path)
    layout = _check_lines(text, path)
    from icalendar import Calendar

    try:
        calendar = Calendar.from_ical(layout.text)
    except ValueError as exc:
        raise _broken(path, text, exc) from exc
    components = calendar.walk("VEVENT")
    repeated = _check_events(components, layout, path, last)
    import recurring_ical_events  # type: ignore[import-untyped]

    events = []
    try:
        query = recurring_ical_events.of(calendar)
        # The bounds are a day wider: an event's own zone may put it on the day before in Paris.
        span = (query.to_datetime(first - timedelta(days=1)), query.to_datetime(last + timedelta(days=2)))
        found = 0
        # Each series is drawn lazily, one occurrence at a time: a rule never runs away.
        for series in query.series:
            for occurrence in series.between(*span):
                found += 1
                if found > MAX_OCCURRENCES:
                    raise ImportFileError(
                        f"L'agenda « {path.name} » compte plus de {format_number(MAX_OCCURRENCES, 0)} "
                        f"rendez-vous du {format_date(first)} au {format_date(last)} : choisissez une "
                        "période plus courte."
                    )
                event = _event(occurrence.as_component(False), repeated, layout)
                if first <= event.start.date() <= last:
                    events.append(event)
    except (ValueError, TypeError, OverflowError) as exc:
        raise _broken(path, text, exc) from exc
    written = frozenset(
        (_uid(c), _recurrence_id(c, repeated))
        for c in components
        if "RECURRENCE-ID" in c or _uid(c) not in repeated
    )
    return Agenda(
        sorted(events, key=lambda e: (e.start, e.uid, e.recurrence_id)),
        frozenset(uid for uid, _ in written) | repeated,
        first,
        last,
        written,
        _calendar_identity(calendar),
    )


def _calendar_identity(calendar: Any) -> str:
    """Return what names the calendar a file is an export of, the same whatever the file's name
    and date of export, or ``""`` when the file does not say.

    ``X-WR-RELCALID`` first (Outlook, Apple): « globally unique for different calendars, but
    consistent across multiple exports of the same calendar » (Microsoft's MS-OXCICAL); else the
    calendar's name ``X-WR-CALNAME`` (Google, Nextcloud, Outlook on the web) with the program
    that wrote it (``PRODID`` without its version numbers, which change with updates): two
    calendars named « Calendrier » by two programs stay apart. Hashed: a fixed size whatever the
    file holds, and no calendar name (an e-mail address, for Google) kept in the carnet.
    """
    if relcalid := _property_text(calendar, "X-WR-RELCALID"):
        named = f"X-WR-RELCALID:{relcalid.upper()}"  # a GUID, whatever the case of its letters
    elif name := _property_text(calendar, "X-WR-CALNAME"):
        product = " ".join(re.sub(r"\d+(?:\.\d+)*", " ", _property_text(calendar, "PRODID")).split())
        named = f"X-WR-CALNAME:{name}\x1f{product}"
    else:
        return ""
    return "agenda-" + hashlib.sha256(named.encode("utf-8")).hexdigest()[:32]


def _property_text(calendar: Any, name: str) -> str:
    """Return a property of the calendar as text; written more than once, its values sorted (the
    same whatever the order of the lines)."""
    value = calendar.get(name, "")
    values = {_clean(v) for v in (value if isinstance(value, list) else [value])} - {""}
    return "\x1f".join(sorted(values))


def _text(path: Path) -> str:
    """Read the file as text (UTF-8, or Windows-1252 line by line, or UTF-16 with its mark)."""
    if path.exists() and not path.is_dir() and not path.is_file():
        raise ImportFileError(
            f"« {path} » n'est pas un fichier ordinaire (périphérique, tube ou prise) : choisissez "
            "l'agenda exporté (.ics)."
        )
    check_regular_file(path)
    if path.stat().st_size > MAX_BYTES:
        raise ImportFileError(
            f"Le fichier « {path.name} » dépasse {MAX_BYTES // 1_000_000} Mo : ce n'est pas un agenda "
            "ordinaire. Exportez seulement la période utile."
        )
    raw = path.read_bytes()
    for magic, kind in _FOREIGN:
        if raw.startswith(magic):
            raise ImportFileError(f"Le fichier « {path.name} » est {kind}, pas un agenda iCalendar (.ics).")
    if raw.startswith(UTF16_BOMS):
        try:
            return raw.decode("utf-16").lstrip("\ufeff")
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                f"Le fichier « {path.name} » se dit en UTF-16 mais ne l'est pas jusqu'au bout "
                "(fichier tronqué ou abîmé)."
            ) from exc
    if b"\x00" in raw:
        raise ImportFileError(
            f"Le fichier « {path.name} » n'est pas un agenda iCalendar (.ics) : il contient des octets "
            "nuls, c'est un fichier binaire."
        )
    return decode_text(raw).lstrip("\ufeff")


def _check_lines(text: str, path: Path) -> _Layout:
    """Check that every content line reads ``NAME[;params]:value``, that every BEGIN has its END,
    in order, that an event holds its dates once and that two events do not share a UID; return
    where the events start and the text icalendar reads.

    Raises:
        ImportFileError: naming the line at fault, or saying the file is cut short.
    """
    layout = _Layout()
    open_blocks: list[tuple[str, int]] = []
    seen_calendar = False
    clean: list[str] = []
    in_event: dict[str, int] = {}  # the open event's properties, with their lines
    event_uid = ""
    singles: dict[str, int] = {}  # the UIDs of the events that are not a moved occurrence
    for number, line in _logical_lines(text):
        if not seen_calendar and line.upper() != "BEGIN:VCALENDAR":
            what = " : c'est une fiche de contact (vCard)" if line.upper() == "BEGIN:VCARD" else ""
            raise ImportFileError(
                f"Le fichier « {path.name} » n'est pas un agenda iCalendar (.ics){what} : sa première "
                "ligne n'est pas « BEGIN:VCALENDAR ». Exportez l'agenda depuis Outlook, Thunderbird ou "
                "Google au format iCalendar."
            )
        if not _CONTENT_LINE.match(line):
            raise ImportFileError(
                f"Le fichier « {path.name} » est mal formé à la ligne {number} (« {_short(line)} ») : "
                "une ligne d'agenda s'écrit NOM:valeur. Fichier tronqué ou abîmé ? Rien n'a été importé."
            )
        head, _, value = line.partition(":")
        name, semicolon, params = head.partition(";")
        name = name.upper()
        # Property names are case-insensitive (RFC 5545), icalendar's reading is not.
        clean.append(f"{name}{semicolon}{params}:{value}")
        if name == "BEGIN":
            if seen_calendar and not open_blocks:
                raise ImportFileError(
                    f"Le fichier « {path.name} » contient un second calendrier à la ligne {number} : "
                    "exportez un seul agenda par fichier."
                )
            seen_calendar = True
            open_blocks.append((value.strip().upper(), number))
            if value.strip().upper() == "VEVENT":
                layout.event_lines.append(number)
                in_event, event_uid = {}, ""
                if len(layout.event_lines) > MAX_EVENTS:
                    raise ImportFileError(
                        f"L'agenda « {path.name} » compte plus de {format_number(MAX_EVENTS, 0)} "
                        "rendez-vous : ce n'est pas un agenda ordinaire. Exportez seulement la période "
                        "utile ; rien n'a été importé."
                    )
        elif name == "END":
            block = value.strip().upper()
            if not open_blocks or open_blocks[-1][0] != block:
                opened = (
                    f" (ouvert : {open_blocks[-1][0]} à la ligne {open_blocks[-1][1]})" if open_blocks else ""
                )
                raise ImportFileError(
                    f"Le fichier « {path.name} » est mal formé à la ligne {number} : « END:{block} » ne "
                    f"ferme aucun bloc ouvert{opened}. Rien n'a été importé."
                )
            start = open_blocks.pop()[1]
            if block == "VEVENT" and event_uid and "RECURRENCE-ID" not in in_event:
                if event_uid in singles:
                    raise ImportFileError(
                        f"Les événements des lignes {singles[event_uid]} et {start} de « {path.name} » ont "
                        f"le même identifiant (UID « {_short(event_uid)} ») : l'un effacerait l'autre. "
                        "Exportez l'agenda de nouveau ; rien n'a été importé."
                    )
                singles[event_uid] = start
        elif open_blocks and open_blocks[-1][0] == "VEVENT":
            if name in _SINGLE and name in in_event:
                raise ImportFileError(
                    f"L'événement de la ligne {open_blocks[-1][1]} de « {path.name} » a deux fois la "
                    f"propriété {name} (lignes {in_event[name]} et {number}) : il est ambigu. Corrigez-le "
                    "dans l'agenda ou exportez-le de nouveau ; rien n'a été importé."
                )
            in_event[name] = number
            if name == "UID":
                event_uid = value.strip()
                layout.uid_lines.setdefault(event_uid, open_blocks[-1][1])
    if not seen_calendar:
        raise ImportFileError(f"Le fichier « {path.name} » est vide : ce n'est pas un agenda iCalendar.")
    if open_blocks:
        block, number = open_blocks[-1]
        raise ImportFileError(
            f"Le fichier « {path.name} » s'arrête avant la fin du bloc {block} ouvert à la ligne {number} "
            "(fichier tronqué : copie ou téléchargement interrompu ?). Exportez l'agenda de nouveau ; "
            "rien n'a été importé."
        )
    layout.text = "\r\n".join(clean) + "\r\n"
    return layout


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """Return the content lines, unfolded (a line starting with a space or a tab continues the
    previous one), each with the number of the line it starts on; blank lines are left out."""
    lines: list[tuple[int, str]] = []
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        if line[:1] in (" ", "\t") and lines:
            lines[-1] = (lines[-1][0], lines[-1][1] + line[1:])
        elif line.strip():
            lines.append((number, line))
    return lines


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:40] + "…"


def _broken(path: Path, text: str, exc: Exception) -> ImportFileError:
    """Say that icalendar or the recurrence expansion refused the file, with the line when the
    library's message quotes it."""
    quoted = re.search(r"'([^']{2,})'|got: (\S+)", str(exc))
    where = ""
    if quoted:
        fragment = quoted.group(1) or quoted.group(2)
        number = next((n for n, line in _logical_lines(text) if fragment in line), 0)
        where = f" à la ligne {number}" if number else ""
    return ImportFileError(
        f"L'agenda « {path.name} » est mal formé{where} : une date, une heure ou une règle de répétition "
        "est illisible. Exportez l'agenda de nouveau ; rien n'a été importé."
    )


def _check_events(components: list[Any], layout: _Layout, path: Path, last: date) -> set[str]:
    """Check each event's dates and repetition; return the UIDs of the repeated events.

    Raises:
        ImportFileError: naming the event's line.
    """
    repeated: set[str] = set()
    for component, number in zip(components, layout.event_lines, strict=False):
        where = f"L'événement de la ligne {number} de « {path.name} »"
        try:
            start = component.get("DTSTART")
            if start is None:
                raise ImportFileError(f"{where} n'a pas de date de début (DTSTART) : rien n'a été importé.")
            begins = start.dt
            if isinstance(begins, datetime) and begins.tzinfo is None and start.params.get("TZID"):
                layout.zones[_uid(component)] = _clean(start.params["TZID"])
            end = component.get("DTEND")
            length = component.get("DURATION")
            if (end is not None and _aware(end.dt) < _aware(begins)) or (
                length is not None and isinstance(length.dt, timedelta) and length.dt < timedelta(0)
            ):
                raise ImportFileError(
                    f"{where} (« {_short(_clean(component.get('SUMMARY', '')))} ») se termine avant de "
                    "commencer : corrigez-le dans l'agenda ; rien n'a été importé."
                )
            rules = component.get("RRULE")
            for rule in rules if isinstance(rules, list) else [rules] if rules is not None else []:
                _check_rule(rule, begins, last, where)
        except (ValueError, TypeError) as exc:
            raise ImportFileError(
                f"{where} a une date ou une règle de répétition illisible : rien n'a été importé."
            ) from exc
        if rules is not None or "RECURRENCE-ID" in component or "RDATE" in component:
            repeated.add(_uid(component))
    return repeated


# Longest walk of a rule from its first occurrence to the end of the period read.
_MAX_WALK = 400_000


def _check_rule(rule: Any, begins: date, last: date, where: str) -> None:
    """Refuse a repetition rule that would draw occurrences without end or by the thousand a day.

    Raises:
        ImportFileError: saying what is wrong with the rule.
    """
    if set(rule.get("FREQ", [])) & _TOO_FREQUENT:
        raise ImportFileError(
            f"{where} se répète toutes les heures, les minutes ou les secondes : ce n'est pas un "
            "rendez-vous de travail ; rien n'a été importé."
        )
    interval = rule.get("INTERVAL", [1])
    if any(int(step) < 1 for step in interval):
        raise ImportFileError(
            f"{where} se répète avec un intervalle de {interval[0]} (INTERVAL) : il doit valoir au moins 1 ; "
            "rien n'a été importé."
        )
    per_day = 1
    for name in ("BYHOUR", "BYMINUTE", "BYSECOND"):
        per_day *= max(len(rule.get(name, [])), 1)
    if per_day > MAX_PER_DAY:
        raise ImportFileError(
            f"{where} se répète {format_number(per_day, 0)} fois par jour (BYHOUR, BYMINUTE, BYSECOND) : ce "
            "n'est pas un rendez-vous de travail ; rien n'a été importé."
        )
    # The rule is drawn from its first day: one started long ago, many times a day, is refused.
    days = (last - (begins.date() if isinstance(begins, datetime) else begins)).days
    walk = per_day * max(days, 0)
    if "COUNT" in rule:
        walk = min(walk, int(rule["COUNT"][0]))
    if walk > _MAX_WALK:
        raise ImportFileError(
            f"{where} se répète {per_day} fois par jour depuis le {format_date(begins)} : trop de "
            "rendez-vous à parcourir ; rien n'a été importé."
        )


def _aware(moment: date) -> datetime:
    """Return a date or time as an aware time, for comparisons (floating or a day: Paris)."""
    if not isinstance(moment, datetime):
        return datetime.combine(moment, time(), PARIS)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=PARIS)


def _paris(moment: date) -> datetime:
    """Return Paris wall-clock time (naive) for a time of any zone, floating or a day."""
    return _aware(moment).astimezone(PARIS).replace(tzinfo=None)


def _event(component: Any, repeated: set[str], layout: _Layout) -> AgendaEvent:
    begins = component["DTSTART"].dt
    ends = component["DTEND"].dt if "DTEND" in component else begins
    all_day = not isinstance(begins, datetime)
    if all_day and ends == begins:
        ends = begins + timedelta(days=1)
    uid = _uid(component)
    notes = []
    if zone := layout.zones.get(uid):
        notes.append(f"fuseau horaire « {_short(zone)} » inconnu : heure lue comme heure de Paris")
    texts = []
    for name, label in (("SUMMARY", "titre"), ("LOCATION", "lieu")):
        text = _clean(component.get(name, ""))
        if len(text) > MAX_TEXT:
            notes.append(f"{label} de {format_number(len(text), 0)} caractères coupé à {MAX_TEXT}")
            text = text[: MAX_TEXT - 1] + "…"
        texts.append(text)
    people = _addresses(component.get("ATTENDEE"))
    organizer = _addresses(component.get("ORGANIZER"))
    busy = str(component.get("X-MICROSOFT-CDO-BUSYSTATUS", "")).upper()
    utc = ZoneInfo("UTC")
    return AgendaEvent(
        uid=uid,
        recurrence_id=_recurrence_id(component, repeated),
        start=_paris(begins),
        # In UTC: a night of a clock change counts its true length.
        minutes=int((_aware(ends).astimezone(utc) - _aware(begins).astimezone(utc)).total_seconds() // 60),
        summary=texts[0],
        location=texts[1],
        all_day=all_day,
        status=str(component.get("STATUS", "")).upper(),
        private=str(component.get("CLASS", "")).upper() in ("PRIVATE", "CONFIDENTIAL"),
        free=str(component.get("TRANSP", "")).upper() == "TRANSPARENT" or busy == "FREE",
        away=busy == "OOF",
        attendees=tuple(
            dict.fromkeys(people + [a for a in organizer if a.email not in {p.email for p in people}])
        ),
        line=layout.uid_lines.get(uid, 0),
        notes=tuple(notes),
    )


def _recurrence_id(component: Any, repeated: set[str]) -> str:
    """Return an occurrence's original start (ISO; UTC when the file gives a zone), ``""`` for a
    single event."""
    if _uid(component) not in repeated or "RECURRENCE-ID" not in component:
        return ""
    original = component["RECURRENCE-ID"].dt
    if not isinstance(original, datetime) or original.tzinfo is None:
        return str(original.isoformat())
    return str(original.astimezone(ZoneInfo("UTC")).strftime("%Y%m%dT%H%M%SZ"))


def _clean(value: Any) -> str:
    """Return a title or place single-spaced, without control or invisible characters."""
    return " ".join(_INVISIBLE.sub("", printable(_ESCAPE.sub("", str(value)))).split())


def _uid(component: Any) -> str:
    return str(component.get("UID", "")).strip() or _made_up_uid(component)


def _addresses(value: Any) -> list[Attendee]:
    """Return the e-mail addresses (and answers) of an ATTENDEE or ORGANIZER property: its
    ``mailto:`` address, else its ``EMAIL`` parameter (Outlook with a directory address)."""
    found = []
    for address in value if isinstance(value, list) else [value] if value is not None else []:
        email = unquote(str(address)).strip()
        if email.lower().startswith("mailto:"):
            email = email[7:]
        if "@" not in email:
            email = str(address.params.get("EMAIL", ""))
        email = email.strip().lower()
        if "@" in email:
            found.append(Attendee(email, str(address.params.get("PARTSTAT", "")).upper()))
    return found


def _made_up_uid(component: Any) -> str:
    """Name an event without UID (some hand-made files) by its start and title, so that importing
    the file again finds it."""
    text = f"{component['DTSTART'].to_ical()!r}\x1f{component.get('SUMMARY', '')}"
    return "sans-uid-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

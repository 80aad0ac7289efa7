"""The justification tables of events and training, for the funder: the tracking table of the
workshops and events organised, the tracking table of the training sessions and the professionals
trained, the training catalogue, one event's file (invitations, participants, questionnaire,
quotes and invoices) and the forfait événement statement (every expense, its documents checked
by their hash, the total committed against the forfait).

``gather`` reads the carnet once; each builder turns what it read into a ``TableDocument`` that
``reports.tables`` renders to xlsx and PDF alike (one definition, the same totals on paper as
in the workbook).

A document cites each attached file (quote, invoice, signed sheet) by the name it was attached
under; written into the justification pack, it cites instead the file's path inside the pack
(``pack_names``, e.g. ``04-devis-et-factures/2026-05-12-traiteur-facture.pdf``), so that a
controller finds it. A file missing or changed is not in the pack: it keeps its name, flagged.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ambassadeur_app.domain.events import (
    Attendance,
    Event,
    EventKind,
    EventStatus,
    Invitation,
    NationalService,
    TrainingModule,
)
from ambassadeur_app.domain.expenses import AttachmentRole, missing_document
from ambassadeur_app.domain.formatting import (
    format_date,
    format_euros,
    format_hours,
    format_number,
    format_percent,
    plural,
)
from ambassadeur_app.domain.model import Programme, TimeEntry
from ambassadeur_app.domain.register import Profession, Professional, Structure, person_key
from ambassadeur_app.domain.text import fold
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.reports.attendance import funder_text
from ambassadeur_app.reports.tables import (
    Column,
    Section,
    TableDocument,
    write_pdf,
    write_xlsx,
)

if TYPE_CHECKING:
    from ambassadeur_app.domain.expenses import Expense, ForfaitUse
    from ambassadeur_app.domain.surveys import QuestionResult, Survey, SurveyResults
    from ambassadeur_app.services import CarnetService
    from ambassadeur_app.services.events import ParticipantCounts
    from ambassadeur_app.services.expenses import AttachmentCheck

KINDS = {
    "ateliers": "Suivi des ateliers et événements",
    "formations": "Suivi des sessions de formation",
    "catalogue": "Catalogue des formations",
    "evenement": "Dossier d'événement",
    "depenses": "Forfait événement : état des dépenses",
    "questionnaire-outil": "Questionnaire sur l'outil : diffusions et résultats",
}
FORMATS = ("xlsx", "pdf")
NO_EVENT = "Aucun événement dans ce carnet."
NO_EVENT_EXPENSE = "Sans événement"
SHORT_TITLE = 70  # characters of an event's title in a page header
BROKEN_SHEET = "Feuille signée altérée ou absente"
BROKEN = "Fichier absent ou modifié depuis qu'il a été joint : retrouvez l'original et joignez-le de nouveau"
HASH_PREFIX = 16  # hexadecimal characters of a document's SHA-256 printed (64 bits)
YES_NO = ("Oui", "Non")
EVENTS_TARGET = 2  # §5: events held, open to the whole département, followed by a questionnaire
OUT_OF_TOTAL = "Hors total"
SCALE_WORDS = "de 1, « Pas du tout satisfait », à 4, « Tout à fait satisfait »"


@dataclass(frozen=True)
class EventFigures:
    """One event's invitations and attendance, and what they count: the participants (present
    at one half-day at least, professionals still in the register), by profession and by
    structure type."""

    invitations: list[Invitation]
    attendances: list[Attendance]
    participant_ids: list[str]
    counts: ParticipantCounts

    @property
    def invited(self) -> int:
        return len(self.invitations)


@dataclass(frozen=True)
class EventsData:
    """Everything the event documents need, read once from the carnet."""

    programme: Programme
    events: dict[str, Event]  # live events, by first day
    figures: dict[str, EventFigures]
    modules: dict[str, TrainingModule]
    professions: dict[str, Profession]
    people: dict[str, Professional]  # every participant and invitee of these events
    structures: dict[str, Structure]
    ambassadors: dict[str, str]
    surveys: dict[str, SurveyResults | None]  # by event: its questionnaire's results, if any
    expenses: list[Expense] = field(default_factory=list)  # those of the document, by date
    expense_events: dict[str, str] = field(default_factory=dict)  # expense id -> its event's title
    documents: dict[str, list[AttachmentCheck]] = field(default_factory=dict)  # by owner id
    forfait: ForfaitUse | None = None
    sheets: dict[str, list[AttachmentCheck]] = field(default_factory=dict)  # signed sheets, by event
    time: dict[str, list[TimeEntry]] = field(default_factory=dict)  # carnet time linked, by event
    tool: list[tuple[Survey, SurveyResults]] = field(default_factory=list)  # the tool's diffusions
    pack_names: Mapping[str, str] = field(default_factory=dict)  # attachment id -> path in the pack

    @property
    def header(self) -> list[tuple[str, str]]:
        programme = self.programme
        return [
            ("CPTS", programme.cpts_label),
            ("Période", f"du {format_date(programme.start_date)} au {format_date(programme.end_date)}"),
            ("Financeur", funder_text(programme)),
        ]

    def left_out(self, event: Event) -> str | None:
        """Say why an event is out of the tables' totals (cancelled, outside the programme's
        period, planned with nobody present), or ``None`` when it counts."""
        if event.status is EventStatus.CANCELLED:
            return "Annulé"
        if not self.programme.start_date <= event.first_day <= self.programme.end_date:
            return "Hors de la période"
        if event.status is EventStatus.PLANNED and not self.figures[event.id].counts.total:
            return "Planifié, sans participant"
        return None

    def file_name(self, check: AttachmentCheck) -> str:
        """Return how a document cites an attached file: its path in the pack when written into
        it (and intact: a broken file is not copied), else the name it was attached under."""
        attachment = check.attachment
        if check.problem is None and attachment.id in self.pack_names:
            return self.pack_names[attachment.id]
        return attachment.filename

    def signed_sheet(self, event_id: str) -> str:
        """Say whether an event's signed sign-in sheet is attached, and intact."""
        checks = self.sheets.get(event_id, [])
        broken = sum(1 for check in checks if check.problem)
        if not checks:
            return "Non joint"
        if broken == len(checks):
            return BROKEN_SHEET
        return "Joint" + (
            f" ({plural(broken, 'fichier altéré ou absent', 'fichiers altérés ou absents')})"
            if broken
            else ""
        )

    def profession(self, person: Professional) -> str:
        found = self.professions.get(person.profession_code)
        return found.label if found else person.profession_code

    def names(self, person: Professional) -> tuple[str, str]:
        """Return the last and first names (an erased person keeps no identity)."""
        return (person.full_name, "") if person.anonymized else (person.last_name, person.first_name)

    def structure_names(self, person: Professional) -> str:
        return ", ".join(self.structures[s].name for s in person.structure_ids if s in self.structures)

    def of_kind(self, training: bool, counted: bool = True) -> list[Event]:
        """Return the events of a table, those in its totals (``counted``) or the others."""
        return [
            e
            for e in self.events.values()
            if (e.kind is EventKind.TRAINING) == training and (self.left_out(e) is None) == counted
        ]


def gather(service: CarnetService, event_ids: list[str] | None = None, expenses: bool = False) -> EventsData:
    """Read the live events (``event_ids``, or all of them), what they count, their
    questionnaires' results and, with ``expenses``, their quotes and invoices (all of the
    forfait when ``event_ids`` is None) with their documents checked."""
    from ambassadeur_app.nomenclatures import professions

    events_service = service.events
    ids = events_service.event_ids() if event_ids is None else event_ids
    events = events_service.events(ids)
    figures = {
        event_id: EventFigures(
            events_service.invitations(event_id),
            events_service.attendances(event_id),
            service.carnet.attendances.participants([event_id]),
            events_service.participant_counts([event_id]),
        )
        for event_id in ids
    }
    people_ids = {p for f in figures.values() for p in f.participant_ids}
    people_ids.update(i.professional_id for f in figures.values() for i in f.invitations)
    people = service.register.professionals(people_ids)
    data = EventsData(
        programme=service.programme(),
        events={event_id: events[event_id] for event_id in ids},
        figures=figures,
        modules=events_service.modules(events_service.module_ids()),
        professions=professions(),
        people=people,
        structures=service.register.structures({s for p in people.values() for s in p.structure_ids}),
        ambassadors=service.ambassador_names(),
        surveys={event_id: service.surveys.results_for_event(event_id) for event_id in ids},
        sheets={
            event_id: [c for c in found if c.attachment.role is AttachmentRole.SIGN_IN_SHEET]
            for event_id, found in service.expenses.checks(ids).items()
        },
    )
    if not expenses:
        return data
    spending = service.expenses
    if event_ids is None:
        expense_ids = spending.expense_ids()
    else:
        expense_ids = [e for event_id in ids for e in spending.expense_ids(event_id)]
    found = spending.expenses(expense_ids)
    listed = [found[e] for e in expense_ids]
    return replace(
        data,
        expenses=listed,
        expense_events={e.id: spending.event_title(e.event_id) for e in listed},
        documents=spending.checks([*expense_ids, *ids]),
        forfait=spending.forfait_use(),
    )


def document(
    service: CarnetService,
    kind: str,
    event_id: str | None = None,
    pack_names: Mapping[str, str] | None = None,
) -> TableDocument:
    """Build the document ``kind`` (a key of ``KINDS``; ``evenement`` needs ``event_id``);
    ``pack_names`` (attachment id -> path) when it goes into the justification pack.

    Raises:
        InvalidInput: an unknown kind, or no event for ``evenement``.
    """
    if kind not in KINDS:
        raise InvalidInput(f"Document inconnu : « {kind} » (possibles : {', '.join(KINDS)}).")
    if kind == "evenement":
        if event_id is None:
            raise InvalidInput("Indiquez l'événement dont écrire le dossier.")
        service.events.event(event_id)  # a deleted event has no file
        data = gather(service, [event_id], expenses=True)
        entries = service.entries(service.events.time_entry_ids(event_id)).values()
        time = sorted(entries, key=lambda e: (e.day, e.start_time or datetime.min.time(), e.id))
        return event_file(replace(data, time={event_id: time}, pack_names=pack_names or {}), event_id)
    if kind == "depenses":
        return expenses_statement(replace(gather(service, expenses=True), pack_names=pack_names or {}))
    if kind == "questionnaire-outil":
        surveys = service.surveys
        diffusions = [(surveys.survey(i), surveys.results(i)) for i in surveys.tool_survey_ids()]
        return tool_surveys(replace(gather(service, []), tool=diffusions))
    builders = {"ateliers": workshops, "formations": trainings, "catalogue": catalogue}
    return builders[kind](gather(service))


def export(
    service: CarnetService,
    kind: str,
    fmt: str,
    out: Path,
    event_id: str | None = None,
    pack_names: Mapping[str, str] | None = None,
) -> Path:
    """Write the document ``kind`` as ``xlsx`` or ``pdf`` (atomically); ``pack_names`` as for
    ``document``."""
    if fmt not in FORMATS:
        raise InvalidInput(f"Format inconnu : « {fmt} » (xlsx ou pdf).", "format")
    built = document(service, kind, event_id, pack_names)
    return write_xlsx(built, out) if fmt == "xlsx" else write_pdf(built, out)


# --- shared pieces ------------------------------------------------------------------------------


def _short(title: str) -> str:
    """Return a title short enough for the header of every page (the first lines give it whole)."""
    return title if len(title) <= SHORT_TITLE else title[: SHORT_TITLE - 1].rstrip() + "…"


def _days(event: Event) -> str:
    return "\n".join(session.label for session in event.sessions)


def _minutes(event: Event) -> int:
    return sum(session.minutes for session in event.sessions)


def _by_profession(data: EventsData, events: list[Event]) -> Section:
    """Return the participants of each event by profession: the lines of an event add up to its
    participants, so the column's total is the sum of the events' participants."""
    return _breakdown(data, events, "Profession", lambda counts: counts.by_profession)


def _by_structure_type(data: EventsData, events: list[Event]) -> Section:
    section = _breakdown(data, events, "Type de structure", lambda counts: counts.by_structure_type)
    section.note = (
        "Un participant compte une fois dans chacun des types des structures où il exerce : le total "
        "peut dépasser le nombre de participants."
    )
    return section


def _breakdown(
    data: EventsData, events: list[Event], title: str, groups: Callable[[ParticipantCounts], dict[str, int]]
) -> Section:
    """Return the participants of ``events`` by group (the event's columns only for several)."""
    several = len(events) > 1 or not events
    lead = [Column("Date", "date", 11), Column("Événement", width=40)] if several else []
    return Section(
        f"Présents par {title[0].lower()}{title[1:]}",
        [*lead, Column(title, width=30), Column("Participants", "int", 12, True)],
        [
            [*([event.first_day, event.title] if several else []), group, count]
            for event in events
            for group, count in groups(data.figures[event.id].counts).items()
        ],
        empty="Aucun participant.",
    )


SURVEY_COLUMNS = (
    Column("Réponses au questionnaire", "int", 12, True),
    Column("Taux de réponse (%)", "int", 10),
    Column("Satisfaction (1 à 4)", "number", 11),
    Column("NPS", "int", 7),
)
SURVEY_NOTE = (
    "Questionnaire de satisfaction : réponses reçues, taux de réponse (sur les participants, en "
    f"pourcentage entier), satisfaction moyenne (la question de satisfaction seule, {SCALE_WORDS}) "
    "et score de recommandation (NPS, de -100 à 100)."
)


def _survey_figures(results: SurveyResults | None) -> list[float | int | None]:
    """Return the questionnaire's responses, response rate (whole %), mean satisfaction and NPS."""
    if results is None:
        return [None, None, None, None]
    rate = None if results.response_rate is None else round(results.response_rate * 100)
    mean = None if results.mean_satisfaction is None else round(results.mean_satisfaction, 2)
    return [results.responses, rate, mean, results.nps]


def _warnings(data: EventsData, events: list[Event]) -> str:
    """Return the questionnaires' doubtful rates, to follow a table's note."""
    found = [
        f"« {event.title} » : {results.warning}"
        for event in events
        if (results := data.surveys.get(event.id)) is not None and results.warning
    ]
    return "".join(f" Attention, {line}." for line in found)


def _listing_note(data: EventsData, training: bool) -> str:
    """Say which events are listed apart, out of the totals, and how many."""
    count = len(data.of_kind(training, counted=False))
    which = (
        f"les sessions annulées, hors de la période du programme, ou planifiées sans aucune présence notée "
        f"({plural(count, 'session')})"
        if training
        else "les événements annulés, hors de la période du programme, ou planifiés sans aucune présence "
        f"notée ({plural(count, 'événement')})"
    )
    return f"Hors des totaux, listés à part (« {OUT_OF_TOTAL} ») : {which}."


def _left_out(data: EventsData, training: bool) -> Section:
    """Return the events of a table left out of its totals, each with the reason."""
    return Section(
        OUT_OF_TOTAL,
        [
            Column("Date", "date", 11),
            Column("Titre", width=40),
            Column("Type", width=20),
            Column("Statut", width=10),
            Column("Motif", width=24),
            Column("Invitations", "int", 11),
            Column("Participations", "int", 13),
        ],
        [
            [
                event.first_day,
                event.title,
                event.kind.label,
                event.status.label,
                data.left_out(event),
                data.figures[event.id].invited,
                data.figures[event.id].counts.total,
            ]
            for event in data.of_kind(training, counted=False)
        ],
        note=_listing_note(data, training),
        empty="Aucune session hors total." if training else "Aucun événement hors total.",
    )


def _distinct(data: EventsData, events: list[Event]) -> tuple[int, int]:
    """Return the distinct professionals present at ``events``, and those invited."""
    present = {p for e in events for p in data.figures[e.id].participant_ids}
    invited = {i.professional_id for e in events for i in data.figures[e.id].invitations}
    return len(present), len(invited)


# --- the documents ------------------------------------------------------------------------------


def workshops(data: EventsData) -> TableDocument:
    """Return the tracking table of the workshops and events organised (every kind of event but
    the training sessions, which have their own table); the events left out of the totals are
    listed apart."""
    events = data.of_kind(training=False)
    listing = Section(
        "Événements",
        [
            Column("Date", "date", 11),
            Column("Demi-journées", width=24),
            Column("Titre", width=36),
            Column("Type", width=20),
            Column("Lieu", width=28),
            Column("Ouvert au département", width=12),
            Column("Statut", width=10),
            Column("Émargement signé", width=11),
            Column("Invitations", "int", 11, True),
            Column("Participations", "int", 13, True),
            *SURVEY_COLUMNS,
        ],
        [
            [
                event.first_day,
                _days(event),
                event.title,
                event.kind.label,
                event.where,
                YES_NO[not event.open_to_departement],
                event.status.label,
                data.signed_sheet(event.id),
                data.figures[event.id].invited,
                data.figures[event.id].counts.total,
                *_survey_figures(data.surveys.get(event.id)),
            ]
            for event in events
        ],
        note="Participations : les personnes présentes à une demi-journée au moins, chacune comptée une "
        "fois par événement ; le total additionne les événements (une personne venue à deux événements "
        "y compte deux fois : les professionnels distincts sont dans l'en-tête). "
        + SURVEY_NOTE
        + _warnings(data, events)
        + " "
        + _listing_note(data, False),
        empty=NO_EVENT,
    )
    present, invited = _distinct(data, events)
    held = [e for e in events if e.status is EventStatus.DONE]
    opened = [e for e in held if e.open_to_departement]
    surveyed = [e for e in held if (r := data.surveys.get(e.id)) is not None and r.responses]
    both = [e for e in opened if e in surveyed]
    header = [
        *data.header,
        ("Professionnels distincts", f"{plural(present, 'participant')}, {plural(invited, 'invité')}"),
        (
            "Événements réalisés",
            f"{len(held)}, dont {len(opened)} ouvert{'s' if len(opened) > 1 else ''} à tout le département, "
            f"dont {len(surveyed)} suivi{'s' if len(surveyed) > 1 else ''} d'un questionnaire",
        ),
        (
            f"Objectif : au moins {EVENTS_TARGET} ouverts au département et suivis d'un questionnaire",
            f"{len(both)} — {'atteint' if len(both) >= EVENTS_TARGET else 'non atteint'}",
        ),
    ]
    return TableDocument(
        KINDS["ateliers"],
        header,
        [
            listing,
            _left_out(data, False),
            _by_profession(data, events),
            _by_structure_type(data, events),
        ],
    )


def trainings(data: EventsData) -> TableDocument:
    """Return the tracking table of the training sessions and of the professionals trained (the
    distinct participants of the sessions held, each counted at their first one)."""
    sessions = data.of_kind(training=True)
    seen: dict[str, date] = {}
    attended: Counter[str] = Counter()
    rows = []
    for event in sessions:
        people = data.figures[event.id].participant_ids
        fresh = 0
        if event.status is EventStatus.DONE:
            attended.update(people)
            fresh = sum(1 for p in people if p not in seen)
            for person in people:
                seen.setdefault(person, event.first_day)
        module = data.modules.get(event.module_id or "")
        rows.append(
            [
                event.first_day,
                _days(event),
                module.title if module else "",
                round(_minutes(event) / 60, 2),
                event.where,
                YES_NO[not event.pulsy_trainer],
                event.status.label,
                data.signed_sheet(event.id),
                data.figures[event.id].invited,
                data.figures[event.id].counts.total,
                fresh,
                *_survey_figures(data.surveys.get(event.id)),
            ]
        )
    listing = Section(
        "Sessions",
        [
            Column("Date", "date", 11),
            Column("Demi-journées", width=24),
            Column("Module", width=36),
            Column("Durée (h)", "hours", 9, True),
            Column("Lieu", width=26),
            Column("Formateur Pulsy", width=10),
            Column("Statut", width=10),
            Column("Émargement signé", width=11),
            Column("Invitations", "int", 11, True),
            Column("Participations", "int", 13, True),
            Column("Nouveaux professionnels formés", "int", 14, True),
            *SURVEY_COLUMNS,
        ],
        rows,
        note="Un professionnel formé à plusieurs sessions compte une fois, à sa première session "
        f"réalisée : le total de la colonne « Nouveaux professionnels formés » est le nombre de "
        f"professionnels formés ({len(seen)}). "
        + SURVEY_NOTE
        + _warnings(data, sessions)
        + " "
        + _listing_note(data, True),
        empty="Aucune session de formation dans ce carnet.",
    )
    trained = sorted((data.people[p] for p in seen if p in data.people), key=person_key)
    listed = Section(
        "Professionnels formés",
        [
            Column("Nom", width=20),
            Column("Prénom", width=14),
            Column("Profession", width=24),
            Column("Structures", width=28),
            Column("Commune", width=18),
            Column("Première formation", "date", 13),
            Column("Sessions suivies", "int", 11),
        ],
        [
            [
                *data.names(p),
                data.profession(p),
                data.structure_names(p),
                p.commune,
                seen[p.id],
                attended[p.id],
            ]
            for p in trained
        ],
        empty="Aucun professionnel formé.",
        unit=("professionnel formé", "professionnels formés"),
    )
    groups = Counter(data.profession(p) for p in trained)
    professions = Section(
        "Formés par profession",
        [Column("Profession", width=32), Column("Professionnels formés", "int", 20, True)],
        [[label, groups[label]] for label in sorted(groups, key=lambda label: (-groups[label], fold(label)))],
        empty="Aucun professionnel formé.",
    )
    present, invited = _distinct(data, sessions)
    header = [
        *data.header,
        ("Professionnels distincts", f"{plural(present, 'participant')}, {plural(invited, 'invité')}"),
    ]
    return TableDocument(KINDS["formations"], header, [listing, _left_out(data, True), listed, professions])


def catalogue(data: EventsData) -> TableDocument:
    """Return the training catalogue, with the sessions held of each module."""
    held = Counter(
        e.module_id for e in data.of_kind(training=True) if e.status is EventStatus.DONE and e.module_id
    )
    modules = sorted(data.modules.values(), key=lambda m: fold(m.title))
    listing = Section(
        "Modules de formation",
        [
            Column("Titre", width=28),
            Column("Objectifs", width=34),
            Column("Public", width=24),
            Column("Durée (h)", "hours", 9),
            Column("Contenu", width=40),
            Column("Services nationaux", width=20),
            Column("Sessions réalisées", "int", 11, True),
        ],
        [
            [
                m.title,
                m.objectives,
                m.audience,
                round(m.minutes / 60, 2),
                m.content,
                ", ".join(s.label for s in NationalService if s in m.services),
                held[m.id],
            ]
            for m in modules
        ],
        empty="Aucun module dans le catalogue.",
    )
    return TableDocument(KINDS["catalogue"], data.header, [listing])


def event_file(data: EventsData, event_id: str) -> TableDocument:
    """Return one event's file: what it is, who was invited, who came, by profession and by
    structure type."""
    event = data.events[event_id]
    figures = data.figures[event_id]
    reason = data.left_out(event)
    time = data.time.get(event_id, [])
    header = [
        *data.header[:1],
        data.header[2],
        ("Événement", f"{event.kind.label} — {event.title}"),
        ("Dates" if len(event.sessions) > 1 else "Date", " ; ".join(s.label for s in event.sessions)),
        ("Lieu", f"{event.where} — {event.link}" if event.online else event.where),
        ("Ouvert à tout le département", YES_NO[not event.open_to_departement]),
        ("Intervenants", ", ".join(event.speakers) or "—"),
        ("Formateur Pulsy présent", YES_NO[not event.pulsy_trainer]),
        ("Organisateurs", ", ".join(data.ambassadors.get(a, "") for a in event.organiser_ids) or "—"),
        ("Statut", event.status.label + (f" — hors des totaux ({reason.lower()})" if reason else "")),
        (
            "Bilan",
            f"{plural(figures.invited, 'invité')}, {plural(figures.counts.total, 'participant')}",
        ),
        ("Émargement signé", _sheet_line(data, event_id)),
        ("Temps passé par le binôme", _time_line(time)),
    ]
    if event.module_id in data.modules:
        header.insert(2, ("Module", data.modules[event.module_id].title))
    return TableDocument(
        f"{KINDS['evenement']} — {_short(event.title)}",
        header,
        [
            _invitations(data, event),
            _participants(data, event),
            _by_profession(data, [event]),
            _by_structure_type(data, [event]),
            *_survey_sections(data.surveys.get(event_id)),
            _time_section(data, time),
            _expenses(data, with_event=False),
            _documents(data),
        ],
    )


def _sheet_line(data: EventsData, event_id: str) -> str:
    checks = [
        c for c in data.documents.get(event_id, []) if c.attachment.role is AttachmentRole.SIGN_IN_SHEET
    ]
    if not checks:
        return "non joint"
    intact = [f"« {data.file_name(check)} »" for check in checks if check.problem is None]
    broken = [f"« {check.attachment.filename} »" for check in checks if check.problem]
    parts = [f"joint ({', '.join(intact)})"] if intact else []
    if broken:
        parts.append(f"{BROKEN_SHEET.lower()} ({', '.join(broken)}) : à joindre de nouveau")
    return " ; ".join(parts)


def _time_line(entries: list[TimeEntry]) -> str:
    total = sum(entry.minutes for entry in entries)
    return (
        f"{format_hours(total)} ({plural(len(entries), 'ligne')} du carnet)"
        if entries
        else "aucun temps noté"
    )


def _time_section(data: EventsData, entries: list[TimeEntry]) -> Section:
    """Return the carnet time the binôme logged to the event, line by line."""
    return Section(
        "Temps passé",
        [
            Column("Date", "date", 11),
            Column("Ambassadeur", width=20),
            Column("Activité", width=24),
            Column("Description", width=50),
            Column("Durée (h)", "hours", 9, True),
        ],
        [
            [
                entry.day,
                data.ambassadors.get(entry.ambassador_id, ""),
                entry.activity,
                entry.description,
                round(entry.minutes / 60, 2),
            ]
            for entry in entries
        ],
        note="Le temps du carnet de bord lié à cet événement (préparation et animation).",
        empty="Aucun temps du carnet lié à cet événement.",
    )


def _invitations(data: EventsData, event: Event) -> Section:
    """Return the invitations sent, by name (a person since taken out of the register stays:
    the invitation was sent)."""
    invitations = [i for i in data.figures[event.id].invitations if i.professional_id in data.people]
    invitations.sort(key=lambda i: person_key(data.people[i.professional_id]))
    return Section(
        "Invitations",
        [
            Column("Nom", width=20),
            Column("Prénom", width=14),
            Column("Profession", width=26),
            Column("Commune", width=20),
            Column("Invité le", "date", 11),
            Column("Canal", width=12),
        ],
        [
            [
                *data.names(data.people[i.professional_id]),
                data.profession(data.people[i.professional_id]),
                data.people[i.professional_id].commune,
                i.invited_on,
                i.channel.label,
            ]
            for i in invitations
        ],
        empty="Aucune personne invitée.",
        unit=("personne invitée", "personnes invitées"),
    )


def _participants(data: EventsData, event: Event) -> Section:
    """Return the participants, with their presence at each half-day."""
    figures = data.figures[event.id]
    counted = set(figures.participant_ids)
    present = {a.professional_id: a for a in figures.attendances if a.professional_id in counted}
    people = sorted((data.people[p] for p in present if p in data.people), key=person_key)
    many = len(event.sessions) > 1
    return Section(
        "Participants",
        [
            Column("Nom", width=20),
            Column("Prénom", width=14),
            Column("Profession", width=24),
            Column("Structures", width=28),
            Column("Commune", width=18),
            Column("Inscription", width=11),
            *(
                Column(f"Présent {index + 1}/{len(event.sessions)}" if many else "Présent", width=10)
                for index in range(len(event.sessions))
            ),
        ],
        [
            [
                *data.names(p),
                data.profession(p),
                data.structure_names(p),
                p.commune,
                "Sans invitation" if present[p.id].walk_in else "Invité",
                *(YES_NO[not here] for here in present[p.id].present),
            ]
            for p in people
        ],
        note=" ; ".join(
            f"Demi-journée {index + 1} : {session.label}" for index, session in enumerate(event.sessions)
        )
        if many
        else "",
        empty="Aucun participant enregistré.",
        unit=("participant", "participants"),
    )


def _survey_summary(results: SurveyResults, who: str = "participant") -> str:
    """Return « 18 réponses pour 19 participants (95 %) » (the rate as a whole percentage)."""
    rate = "" if results.response_rate is None else f" ({format_percent(results.response_rate)})"
    return f"{plural(results.responses, 'réponse')} pour {plural(results.expected, who)}{rate}"


def _survey_sections(
    results: SurveyResults | None,
    titles: tuple[str, str] = ("Questionnaire de satisfaction", "Commentaires"),
    who: str = "participant",
) -> list[Section]:
    """Return the questionnaire's results by question, and its comments."""
    columns = [
        Column("Question", width=44),
        Column("Type", width=20),
        Column("Réponses", "int", 10),
        Column("Moyenne", "number", 9),
        Column("Répartition des réponses", width=44),
    ]
    if results is None:
        return [
            Section(
                "Questionnaire de satisfaction", columns, [], empty="Pas de questionnaire pour cet événement."
            )
        ]
    summary = [_survey_summary(results, who)]
    if results.mean_satisfaction is not None:
        summary.append(
            f"satisfaction moyenne (question de satisfaction, {SCALE_WORDS}) : "
            f"{format_number(results.mean_satisfaction, 1)} sur 4"
        )
    if results.nps is not None:
        summary.append(f"score de recommandation (NPS) : {results.nps}")
    if results.warning:
        summary.append(f"attention, {results.warning}")
    questions = Section(
        titles[0],
        columns,
        [
            [
                q.text,
                q.kind.label,
                q.answered,
                None if q.mean is None else round(q.mean, 2),
                _distribution(q),
            ]
            for q in results.questions
        ],
        note=" ; ".join(summary) + ".",
        empty="Le questionnaire n'a pas de question.",
        unit=("question", "questions"),
    )
    comments = Section(
        titles[1],
        [Column("Commentaire", width=120)],
        [[comment] for comment in results.comments],
        empty="Aucun commentaire.",
        unit=("commentaire", "commentaires"),
    )
    return [questions, comments]


def _distribution(question: QuestionResult) -> str:
    """Return ``Plutôt satisfait : 3 ; Très satisfait : 2`` (every level of a 4-level scale, the
    marks given on the 0–10 scale)."""
    pairs = zip(question.kind.levels, question.distribution, strict=False)
    return " ; ".join(f"{level} : {count}" for level, count in pairs if count or question.kind.is_scale)


def _expenses(data: EventsData, with_event: bool) -> Section:
    """Return the quotes and invoices, with their documents (file name and hash prefix)."""
    return Section(
        "Devis et factures",
        [
            Column("Date", "date", 11),
            Column("Fournisseur", width=24),
            Column("Numéro", width=12),
            Column("Description", width=36),
            Column("Statut", width=10),
            Column("HT", "euros", 11, True),
            Column("TVA", "euros", 10, True),
            Column("TTC", "euros", 11, True),
            Column("TTC engagé", "euros", 11, True),
            *([Column("Événement", width=26)] if with_event else []),
            Column("Justificatifs", width=30),
        ],
        [
            [
                e.issued_on,
                e.supplier,
                e.number,
                e.description,
                e.status.label,
                e.amount_ht_cents / 100,
                e.vat_cents / 100,
                e.amount_ttc_cents / 100,
                e.amount_ttc_cents / 100 if e.committed else None,
                *([data.expense_events.get(e.id, "")] if with_event else []),
                "\n".join(_documents_of(data, e)),
            ]
            for e in data.expenses
        ],
        note="« TTC engagé » : les dépenses commandées, facturées ou payées, qui comptent sur le forfait "
        "(une association ne récupère pas la TVA) ; un devis n'y compte qu'une fois commandé.",
        empty="Aucune dépense.",
    )


def _missing(data: EventsData, expense: Expense) -> str | None:
    return missing_document(expense, [check.attachment.role for check in data.documents.get(expense.id, [])])


def _documents_of(data: EventsData, expense: Expense) -> list[str]:
    """Return the lines of an expense's documents, and the one it lacks (in capitals)."""
    lines = [_document_line(data, check) for check in data.documents.get(expense.id, [])]
    missing = _missing(data, expense)
    return [*lines, missing.upper()] if missing else lines


def _document_line(data: EventsData, check: AttachmentCheck) -> str:
    """Return ``facture.pdf (empreinte 3f9a1c2b4d5e6f70)``, flagged when the file changed."""
    line = f"{data.file_name(check)} (empreinte {check.attachment.sha256[:HASH_PREFIX]})"
    return f"{line} — FICHIER ALTÉRÉ OU ABSENT" if check.problem else line


def _documents(data: EventsData) -> Section:
    """Return every document attached (quotes, invoices, signed sign-in sheets), checked."""
    owners = {e.id: e.label for e in data.expenses}
    owners.update({event_id: event.title for event_id, event in data.events.items()})
    return Section(
        "Justificatifs",
        [
            Column("Justificatif de", width=36),
            Column("Rôle", width=18),
            Column("Fichier", width=30),
            Column("Taille (Ko)", "int", 10),
            Column("Empreinte SHA-256 (début)", width=18),
            Column("Vérification", width=40),
        ],
        [
            [
                owners[owner],
                check.attachment.role.label,
                data.file_name(check),
                max(1, round(check.attachment.size / 1024)),
                check.attachment.sha256[:HASH_PREFIX],
                BROKEN if check.problem else "Fichier intact (empreinte vérifiée)",
            ]
            for owner in owners
            for check in data.documents.get(owner, [])
        ],
        note="Chaque fichier est gardé dans le carnet sous son empreinte SHA-256, vérifiée à l'édition "
        "de ce document."
        + (" « Fichier » : son chemin dans le dossier de justification." if data.pack_names else ""),
        empty="Aucun justificatif joint.",
        unit=("justificatif", "justificatifs"),
    )


def expenses_statement(data: EventsData) -> TableDocument:
    """Return the forfait événement statement: every expense and its documents, the total
    committed against the forfait and what remains."""
    use = data.forfait
    assert use is not None, "gather(..., expenses=True)"
    remaining = (
        f"{format_euros(use.remaining_cents)}"
        if use.remaining_cents >= 0
        else f"forfait dépassé de {format_euros(-use.remaining_cents)}"
    )
    header = [
        *data.header,
        ("Forfait événement", format_euros(use.forfait_cents)),
        ("Engagé (commandé, facturé ou payé, TTC)", format_euros(use.committed_cents)),
        ("Reste sur le forfait", remaining),
        ("Devis en attente (TTC)", format_euros(use.quoted_cents)),
    ]
    missing = [e for e in data.expenses if _missing(data, e)]
    if missing:
        header.append(
            (
                "Justificatifs manquants",
                f"{plural(len(missing), 'dépense engagée', 'dépenses engagées')} sans justificatif : "
                + ", ".join(e.label for e in missing),
            )
        )
    by_event: dict[str, list[Expense]] = {}
    for expense in data.expenses:
        by_event.setdefault(data.expense_events.get(expense.id) or NO_EVENT_EXPENSE, []).append(expense)
    summary = Section(
        "Par événement",
        [
            Column("Événement", width=44),
            Column("Dépenses", "int", 10, True),
            Column("TTC", "euros", 12, True),
            Column("TTC engagé", "euros", 12, True),
        ],
        [
            [
                title,
                len(items),
                sum(e.amount_ttc_cents for e in items) / 100,
                sum(e.amount_ttc_cents for e in items if e.committed) / 100,
            ]
            for title, items in by_event.items()
        ],
        empty="Aucune dépense.",
    )
    return TableDocument(
        KINDS["depenses"], header, [_expenses(data, with_event=True), summary, _documents(data)]
    )


def tool_surveys(data: EventsData) -> TableDocument:
    """Return the questionnaire on the tool (a §5 indicator): its diffusions, then the results
    of each by question and its comments."""
    diffusions = Section(
        "Diffusions",
        [
            Column("N°", "int", 5),
            Column("Date", "date", 11),
            Column("Canal", width=18),
            Column("Destinataires", "int", 12, True),
            Column("Précisions", width=40),
            *SURVEY_COLUMNS,
        ],
        [
            [
                number,
                survey.diffused_on,
                survey.channel.label if survey.channel else "",
                survey.recipients,
                survey.recipients_text,
                *_survey_figures(results),
            ]
            for number, (survey, results) in enumerate(data.tool, start=1)
        ],
        note=SURVEY_NOTE.replace("sur les participants", "sur les destinataires")
        + "".join(
            f" Attention, diffusion {number} : {results.warning}."
            for number, (_, results) in enumerate(data.tool, start=1)
            if results.warning
        ),
        empty="Aucune diffusion du questionnaire sur l'outil.",
    )
    sections = [diffusions]
    for number, (survey, results) in enumerate(data.tool, start=1):
        found = _survey_sections(
            results, (f"Diffusion {number} — questions", f"Diffusion {number} — commentaires"), "destinataire"
        )
        day = format_date(survey.diffused_on) if survey.diffused_on else "—"
        found[0].note = f"{survey.title}, diffusion du {day} : {found[0].note}"
        sections += found
    done = len(data.tool)
    header = [
        *data.header,
        (
            "Objectif : diffusé au moins une fois aux professionnels du département",
            f"{plural(done, 'diffusion')} — {'atteint' if done else 'non atteint'}",
        ),
    ]
    return TableDocument(KINDS["questionnaire-outil"], header, sections)

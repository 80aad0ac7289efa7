"""The register's documents for the funder: the lists of professionals and structures, and the
justification tables of contacts, requests and Parceo accounts, for a period.

Each builder turns plain records into a ``TableDocument``; ``reports.tables`` renders it.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from ambassadeur_app.domain.dates import Month, months_between
from ambassadeur_app.domain.formatting import format_hours, format_percent
from ambassadeur_app.domain.register import (
    AccountAction,
    AccountEvent,
    Contact,
    Onboarding,
    Profession,
    Professional,
    Solicitation,
    Structure,
    StructureType,
    person_key,
)
from ambassadeur_app.domain.text import fold
from ambassadeur_app.reports.tables import Column, Section, TableDocument

KINDS = {
    "professionnels": "Professionnels du registre",
    "structures": "Structures du registre",
    "contacts": "Professionnels et structures contactés",
    "sollicitations": "Sollicitations reçues et traitées",
    "comptes": "Comptes Parceo créés et mis à jour",
}


@dataclass(frozen=True)
class RegisterData:
    """Everything a register document may need, gathered once by the service."""

    header: list[tuple[str, str]]
    first: date
    last: date
    professions: dict[str, Profession]
    professionals: dict[str, Professional]
    structures: dict[str, Structure]
    ambassadors: dict[str, str]
    contacts: list[Contact]
    solicitations: list[Solicitation]
    account_events: list[AccountEvent]
    today: date

    def profession(self, professional: Professional) -> str:
        profession = self.professions.get(professional.profession_code)
        return profession.label if profession else professional.profession_code

    def group(self, professional: Professional) -> str:
        profession = self.professions.get(professional.profession_code)
        group = profession.group if profession else "Autre"
        if group == "Médecin" and professional.specialty.label:
            return f"Médecin — {professional.specialty.label.lower()}"
        return group

    def structure_names(self, professional: Professional) -> str:
        return ", ".join(self.structures[s].name for s in professional.structure_ids if s in self.structures)

    def name(self, professional_id: str | None) -> str:
        professional = self.professionals.get(professional_id or "")
        return professional.full_name if professional else ""


def build(kind: str, data: RegisterData) -> TableDocument:
    """Return the document ``kind`` (a key of ``KINDS``)."""
    builders = {
        "professionnels": _professionals,
        "structures": _structures,
        "contacts": _contacts,
        "sollicitations": _solicitations,
        "comptes": _accounts,
    }
    document = TableDocument(title=KINDS[kind], header=data.header)
    document.sections = builders[kind](data)
    for section in document.sections:
        section.unit = _UNITS.get(section.title, section.unit)
    return document


# What one row of each list is, for the count that ends it.
_UNITS = {
    "Professionnels": ("professionnel", "professionnels"),
    "Professionnels contactés": ("professionnel", "professionnels"),
    "Structures": ("structure", "structures"),
    "Structures contactées": ("structure", "structures"),
    "Liste des contacts": ("contact", "contacts"),
    "Sans réponse": ("sollicitation", "sollicitations"),
    "Liste des sollicitations": ("sollicitation", "sollicitations"),
    "Liste des actions": ("action", "actions"),
}


def _structure_key(structure: Structure) -> tuple[str, str]:
    """Return where a structure comes in a list: by folded name, as in the Structures tab."""
    return fold(structure.name), structure.id


def _person_key(data: RegisterData, professional_id: str) -> tuple[bool, str, str]:
    """Return where the professional ``professional_id`` comes (``person_key``; unknown: last)."""
    person = data.professionals.get(professional_id)
    return person_key(person) if person else (True, "", professional_id)


def _professionals(data: RegisterData) -> list[Section]:
    people = [p for p in data.professionals.values() if not p.anonymized]
    people.sort(key=person_key)
    listing = Section(
        "Professionnels",
        [
            Column("Nom", width=18),
            Column("Prénom", width=14),
            Column("Profession", width=20),
            Column("Spécialité", width=16),
            Column("RPPS", width=13),
            Column("Exercice", width=10),
            Column("Structures", width=26),
            Column("Commune", width=16),
            Column("E-mail", width=24),
            Column("Téléphone", width=14),
            Column("Statut Parceo", width=16),
            Column("Depuis", "date", 11),
        ],
        [
            [
                p.last_name,
                p.first_name,
                data.profession(p),
                p.specialty.label,
                p.rpps,
                p.practice_mode.label,
                data.structure_names(p),
                p.commune,
                p.email,
                p.phone,
                p.parceo_status.label,
                p.parceo_since,
            ]
            for p in people
        ],
    )
    by_group: dict[str, list[Professional]] = defaultdict(list)
    for person in data.professionals.values():
        by_group[data.group(person)].append(person)
    counts = Section(
        "Par profession",
        [
            Column("Profession", width=32),
            Column("Professionnels", "int", 14, True),
            Column("Comptes créés ou actifs", "int", 20, True),
        ],
        [
            [group, len(people_), sum(p.parceo_status.value in ("cree", "actif") for p in people_)]
            for group, people_ in sorted(by_group.items(), key=lambda item: fold(item[0]))
        ],
        note="Les personnes effacées à leur demande (RGPD) restent comptées, sans leur identité.",
    )
    return [listing, counts]


def _structures(data: RegisterData) -> list[Section]:
    structures = sorted(data.structures.values(), key=_structure_key)
    people = Counter(s for p in data.professionals.values() for s in p.structure_ids)
    listing = Section(
        "Structures",
        [
            Column("Nom", width=28),
            Column("Type", width=16),
            Column("FINESS", width=11),
            Column("Commune", width=16),
            Column("Statut Parceo", width=13),
            *(Column(step.label, "date", 12) for step in list(Onboarding)[1:]),
            Column("Services engagés", width=22),
            Column("Engagement DSI", "date", 13),
            Column("Professionnels", "int", 12, True),
        ],
        [
            [
                s.name,
                s.type.label,
                s.finess,
                s.commune,
                s.onboarding.label,
                *(s.onboarding_dates.get(step) for step in list(Onboarding)[1:]),
                s.services_engaged,
                s.it_commitment_on,
                people.get(s.id, 0),
            ]
            for s in structures
        ],
    )
    by_type: dict[StructureType, list[Structure]] = defaultdict(list)
    for structure in structures:
        by_type[structure.type].append(structure)
    rows = [
        [kind.label, len(items), sum(1 for s in items if s.onboarding is Onboarding.ONBOARDED)]
        for kind, items in sorted(by_type.items(), key=lambda item: list(StructureType).index(item[0]))
    ]
    coordinated = [s for s in structures if s.type.coordinated]
    onboarded = sum(1 for s in coordinated if s.onboarding is Onboarding.ONBOARDED)
    ratio = onboarded / len(coordinated) if coordinated else 0.0
    counts = Section(
        "Par type",
        [
            Column("Type de structure", width=24),
            Column("Structures", "int", 12, True),
            Column("Embarquées dans Parceo", "int", 20, True),
        ],
        rows,
        note=(
            f"Structures d'exercice coordonné (MSP, ESP, CDS) embarquées : {onboarded} sur "
            f"{len(coordinated)} ({format_percent(ratio)}) — objectif : 30 %."
        ),
    )
    return [listing, counts]


def _contacts(data: RegisterData) -> list[Section]:
    contacts = sorted(data.contacts, key=lambda c: (c.day, fold(c.subject), c.id))
    per_person: dict[str, list[date]] = defaultdict(list)
    per_structure: dict[str, list[date]] = defaultdict(list)
    for contact in contacts:
        for person in contact.professional_ids:
            per_person[person].append(contact.day)
        if contact.structure_id:
            per_structure[contact.structure_id].append(contact.day)
    people = sorted(
        (data.professionals[p] for p in per_person if p in data.professionals),
        key=person_key,
    )
    sections = [
        Section(
            "Professionnels contactés",
            [
                Column("Nom", width=20),
                Column("Prénom", width=14),
                Column("Profession", width=22),
                Column("Structures", width=26),
                Column("Commune", width=16),
                Column("Contacts", "int", 10, True),
                Column("Premier contact", "date", 13),
                Column("Dernier contact", "date", 13),
            ],
            [
                [
                    p.last_name or "Personne effacée",
                    p.first_name,
                    data.group(p),
                    data.structure_names(p),
                    p.commune,
                    len(per_person[p.id]),
                    min(per_person[p.id]),
                    max(per_person[p.id]),
                ]
                for p in people
            ],
        ),
        Section(
            "Structures contactées",
            [
                Column("Structure", width=28),
                Column("Type", width=16),
                Column("FINESS", width=11),
                Column("Commune", width=16),
                Column("Statut Parceo", width=13),
                Column("Contacts", "int", 10, True),
                Column("Dernier contact", "date", 13),
            ],
            [
                [
                    s.name,
                    s.type.label,
                    s.finess,
                    s.commune,
                    s.onboarding.label,
                    len(per_structure[s.id]),
                    max(per_structure[s.id]),
                ]
                for s in sorted(
                    (data.structures[i] for i in per_structure if i in data.structures),
                    key=_structure_key,
                )
            ],
        ),
    ]
    groups: dict[str, set[str]] = defaultdict(set)
    group_contacts: Counter[str] = Counter()
    for contact in contacts:
        for person in contact.professional_ids:
            if person in data.professionals:
                group = data.group(data.professionals[person])
                groups[group].add(person)
                group_contacts[group] += 1
    sections.append(
        Section(
            "Par profession",
            [
                Column("Profession", width=32),
                Column("Professionnels contactés", "int", 20, True),
                Column("Contacts", "int", 12, True),
            ],
            [[group, len(groups[group]), group_contacts[group]] for group in sorted(groups, key=fold)],
            note="Un contact avec plusieurs professionnels compte pour chacun d'eux.",
        )
    )
    kinds: dict[StructureType, set[str]] = defaultdict(set)
    kind_contacts: Counter[StructureType] = Counter()
    for contact in contacts:
        if contact.structure_id in data.structures:
            kind = data.structures[contact.structure_id].type
            kinds[kind].add(contact.structure_id)
            kind_contacts[kind] += 1
    sections.append(
        Section(
            "Par type de structure",
            [
                Column("Type de structure", width=24),
                Column("Structures contactées", "int", 20, True),
                Column("Contacts", "int", 12, True),
            ],
            [[kind.label, len(kinds[kind]), kind_contacts[kind]] for kind in StructureType if kind in kinds],
        )
    )
    ambassador_rows = []
    for ambassador_id, name in data.ambassadors.items():
        mine = [c for c in contacts if c.ambassador_id == ambassador_id]
        if mine:
            ambassador_rows.append(
                [
                    name,
                    len(mine),
                    len({p for c in mine for p in c.professional_ids}),
                    len({c.structure_id for c in mine if c.structure_id}),
                ]
            )
    sections.append(
        Section(
            "Par ambassadeur",
            [
                Column("Ambassadeur", width=24),
                Column("Contacts", "int", 12, True),
                Column("Professionnels contactés", "int", 20),
                Column("Structures contactées", "int", 20),
            ],
            ambassador_rows,
        )
    )
    sections.append(
        Section(
            "Liste des contacts",
            [
                Column("Date", "date", 11),
                Column("Ambassadeur", width=18),
                Column("Canal", width=11),
                Column("Mission", width=14),
                Column("Objet", width=30),
                Column("Professionnels", width=26),
                Column("Structure", width=22),
                Column("Résultat", width=24),
                Column("Suite prévue", width=22),
            ],
            [
                [
                    c.day,
                    data.ambassadors.get(c.ambassador_id, ""),
                    c.channel.label,
                    c.mission.label,
                    c.subject,
                    ", ".join(data.name(p) for p in c.professional_ids),
                    data.structures[c.structure_id].name if c.structure_id in data.structures else "",
                    c.outcome,
                    c.next_step,
                ]
                for c in contacts
            ],
        )
    )
    return sections


def _hours(request: Solicitation) -> float | None:
    delay = request.delay_hours()
    return round(delay, 2) if delay is not None else None


def _requester(request: Solicitation, data: RegisterData) -> str:
    if request.professional_id:
        return data.name(request.professional_id)
    if request.structure_id in data.structures:
        return data.structures[request.structure_id].name
    return request.requester


def _solicitations(data: RegisterData) -> list[Section]:
    requests = sorted(data.solicitations, key=lambda r: r.received_at)
    by_month: dict[Month, list[Solicitation]] = defaultdict(list)
    for request in requests:
        by_month[Month.of(request.received_at.date())].append(request)
    month_rows = []
    for month in months_between(Month.of(data.first), Month.of(data.last)):
        items = by_month.get(month, [])
        delays = [d for r in items if (d := _hours(r)) is not None]
        month_rows.append(
            [
                month.title(),
                len(items),
                len(delays),
                len(items) - len(delays),
                round(statistics.median(delays), 2) if delays else None,
                max(delays) if delays else None,
            ]
        )
    all_delays = [d for r in requests if (d := _hours(r)) is not None]
    median = round(statistics.median(all_delays) * 60) if all_delays else 0
    summary = (
        f"Délai de réponse sur la période : médian {format_hours(median)}, "
        f"maximum {format_hours(round(max(all_delays) * 60))}."
        if all_delays
        else "Aucune réponse sur la période."
    )
    unanswered = [r for r in requests if not r.status.answered]
    return [
        Section(
            "Reçues et répondues par mois",
            [
                Column("Mois", width=18),
                Column("Reçues", "int", 10, True),
                Column("Répondues", "int", 11, True),
                Column("Sans réponse", "int", 12, True),
                Column("Délai médian (h)", "hours", 15),
                Column("Délai maximum (h)", "hours", 16),
            ],
            month_rows,
            note=summary,
        ),
        Section(
            "Sans réponse",
            [
                Column("Reçue le", "datetime", 16),
                Column("Demandeur", width=24),
                Column("Catégorie", width=24),
                Column("Canal", width=11),
                Column("Description", width=40),
                Column("Attente (jours)", "int", 14),
            ],
            [
                [
                    r.received_at,
                    _requester(r, data),
                    r.category.label,
                    r.channel.label,
                    r.description,
                    (data.today - r.received_at.date()).days,
                ]
                for r in unanswered
            ],
        ),
        Section(
            "Liste des sollicitations",
            [
                Column("Reçue le", "datetime", 16),
                Column("Demandeur", width=22),
                Column("Catégorie", width=22),
                Column("Canal", width=11),
                Column("Description", width=32),
                Column("Statut", width=10),
                Column("Répondue le", "datetime", 16),
                Column("Par", width=16),
                Column("Délai (h)", "hours", 10),
                Column("Réponse", width=30),
            ],
            [
                [
                    r.received_at,
                    _requester(r, data),
                    r.category.label,
                    r.channel.label,
                    r.description,
                    r.status.label,
                    r.answered_at,
                    data.ambassadors.get(r.answered_by or "", ""),
                    _hours(r),
                    r.resolution,
                ]
                for r in requests
            ],
        ),
    ]


def _accounts(data: RegisterData) -> list[Section]:
    events = sorted(data.account_events, key=lambda e: (e.day, _person_key(data, e.professional_id), e.id))
    actions = list(AccountAction)
    columns = [Column(action.label, "int", 14, True) for action in actions]
    by_month: dict[Month, Counter[AccountAction]] = defaultdict(Counter)
    by_group: dict[str, Counter[AccountAction]] = defaultdict(Counter)
    for event in events:
        by_month[Month.of(event.day)][event.action] += 1
        person = data.professionals.get(event.professional_id)
        by_group[data.group(person) if person else "Autre"][event.action] += 1
    month_rows: list[list[Any]] = [
        [month.title(), *(by_month[month][a] for a in actions)]
        for month in months_between(Month.of(data.first), Month.of(data.last))
    ]
    return [
        Section("Par mois", [Column("Mois", width=18), *columns], month_rows),
        Section(
            "Par profession",
            [Column("Profession", width=32), *columns],
            [[group, *(by_group[group][a] for a in actions)] for group in sorted(by_group, key=fold)],
        ),
        Section(
            "Liste des actions",
            [
                Column("Date", "date", 11),
                Column("Professionnel", width=26),
                Column("Profession", width=24),
                Column("Action", width=18),
                Column("Ambassadeur", width=20),
            ],
            [
                [
                    e.day,
                    data.name(e.professional_id),
                    data.group(data.professionals[e.professional_id])
                    if e.professional_id in data.professionals
                    else "",
                    e.action.label,
                    data.ambassadors.get(e.ambassador_id or "", ""),
                ]
                for e in events
            ],
        ),
    ]

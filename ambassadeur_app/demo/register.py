"""The demonstration's register: professionals of every main profession, the département's
structures, and contacts, requests and account creations that follow the time entries.

Every date is relative to the day the demo is built: requests still waiting arrived in the last
days, and only the follow-ups of the last weeks are still open.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from ambassadeur_app.demo.entries import PLACES, STRUCTURES
from ambassadeur_app.domain.model import TimeEntry
from ambassadeur_app.domain.register import (
    AccountAction,
    AccountEvent,
    Channel,
    Civility,
    Contact,
    Onboarding,
    ParceoStatus,
    PracticeMode,
    Professional,
    RequestCategory,
    Solicitation,
    Specialty,
    Structure,
    StructureType,
    luhn_valid,
)
from ambassadeur_app.domain.text import fold
from ambassadeur_app.services import CarnetService

# How an access was given back: three, as many as the category draw this one replaced, so that the
# draws that follow, and the rest of the demo, stay the same.
RESOLUTIONS = (
    "Accès rétabli, procédure envoyée par e-mail",
    "Mot de passe réinitialisé par téléphone avec le professionnel",
    "Compte débloqué, carte CPS associée de nouveau",
)
OPENING, CLOSING = time(8, 0), time(18, 0)


def office_hours(moment: datetime) -> datetime:
    """Move ``moment`` back into working hours (8:00 to 18:00, Monday to Friday): what would have
    come at 5:00 or 19:00 comes the working day before (or that day) at 17 h, the same minute."""
    if not OPENING <= moment.time() < CLOSING:
        day = moment.date() - timedelta(days=1) if moment.time() < OPENING else moment.date()
        moment = datetime.combine(day, time(CLOSING.hour - 1, moment.minute))
    while moment.weekday() >= 5:
        moment -= timedelta(days=1)
    return moment


# Structures of the département the binôme has not (yet) reached: the 30 % indicator's denominator.
OTHER_STRUCTURES = (
    ("MSP de Baccarat", StructureType.MSP, "Baccarat"),
    ("MSP du Pays de Colombey", StructureType.MSP, "Colombey-les-Belles"),
    ("MSP de Pompey", StructureType.MSP, "Pompey"),
    ("ESP du Saintois", StructureType.ESP, "Vézelise"),
    ("ESP de Dieulouard", StructureType.ESP, "Dieulouard"),
    ("Centre de santé de Jarville", StructureType.CDS, "Jarville-la-Malgrange"),
    ("CHRU de Nancy", StructureType.CHU, "Vandœuvre-lès-Nancy"),
    ("Polyclinique de Gentilly", StructureType.CLINIQUE, "Nancy"),
    ("SSIAD du Lunévillois", StructureType.SSIAD, "Lunéville"),
    ("HAD 54", StructureType.HAD, "Nancy"),
    ("Laboratoire Bio-Lorraine", StructureType.LABORATOIRE, "Toul"),
    ("EHPAD Saint-Charles", StructureType.EHPAD, "Nancy"),
)

# (profession code, specialty, how many)
STAFF = (
    ("G15-10", Specialty.GENERAL, 12),
    ("G15-10", Specialty.OTHER, 4),
    ("G15-60", Specialty.NONE, 12),
    ("G15-21", Specialty.NONE, 6),
    ("G15-70", Specialty.NONE, 6),
    ("G15-40", Specialty.NONE, 3),
    ("G15-50", Specialty.NONE, 3),
    ("G15-91", Specialty.NONE, 2),
    ("G15-80", Specialty.NONE, 2),
    ("G15-95", Specialty.NONE, 1),
    ("R95-93", Specialty.NONE, 3),
    ("R94-41", Specialty.NONE, 2),
    ("APP-SEC", Specialty.NONE, 4),
    ("APP-COO", Specialty.NONE, 2),
)
LAST_NAMES = (
    "Adam",
    "Aubert",
    "Barbier",
    "Bernard",
    "Boyer",
    "Brun",
    "Chevalier",
    "Colin",
    "Collin",
    "Dupont",
    "Fabre",
    "Fournier",
    "François",
    "Gauthier",
    "Gérard",
    "Guérin",
    "Henry",
    "Jacquot",
    "Klein",
    "Lambert",
    "Laurent",
    "Leclerc",
    "Lefèvre",
    "Lemoine",
    "Marchand",
    "Mathieu",
    "Mercier",
    "Meyer",
    "Michel",
    "Muller",
    "Nicolas",
    "Noël",
    "Perrin",
    "Petit",
    "Pierron",
    "Renaud",
    "Richard",
    "Roussel",
    "Schmitt",
    "Simon",
    "Thomas",
    "Vincent",
    "Weber",
    "Wagner",
    "Zimmermann",
    "Huguet",
    "Didier",
    "Thiery",
)
FIRST_NAMES = (
    "Anne",
    "Antoine",
    "Camille",
    "Caroline",
    "Céline",
    "Claire",
    "Élodie",
    "Émilie",
    "François",
    "Hélène",
    "Hugo",
    "Isabelle",
    "Julie",
    "Laure",
    "Léa",
    "Lucas",
    "Marc",
    "Marie",
    "Mathilde",
    "Nicolas",
    "Olivier",
    "Pauline",
    "Pierre",
    "Sophie",
    "Thomas",
    "Valérie",
    "Vincent",
    "Yann",
)
# Where each profession may practise, by index in ``STRUCTURES`` (a doctor in a practice, a
# pharmacist at the pharmacy...); a profession not listed may work in any of them.
WORKPLACES = {
    "G15-10": (0, 1, 2, 5, 6, 9),
    "G15-60": (0, 1, 2, 3, 5, 6, 8, 9),
    "G15-21": (4, 6),
    "G15-70": (0, 1, 5, 7, 9),
    "G15-40": (0, 2),
    "G15-50": (0, 1, 2, 6, 9),
    "G15-91": (0, 1, 9),
    "G15-80": (0, 1, 9),
    "G15-95": (2, 5, 6),
    "R95-93": (0, 2, 5, 6),
    "R94-41": (6, 8),
    "APP-SEC": (0, 1, 2, 5, 6, 8, 9),
    "APP-COO": (0, 1, 2, 5, 8, 9),
}
# The first doctor, nurse and social worker work at the hospital, the nursing home and the DAC:
# the working group with them has someone of each.
ANCHORS = {"G15-10": 6, "G15-60": 5, "R94-41": 8}
SALARIED = (2, 5, 6, 8)  # the centre de santé, the EHPAD, the hospital and the DAC employ their staff
CHANNELS = {
    "Rencontre / visite": Channel.VISIT,
    "Appel": Channel.PHONE,
    "Session de formation": Channel.VISIT,
    "Création de compte": Channel.VISIT,
    "Mise à jour de compte": Channel.EMAIL,
    "Assistance à l'usage": Channel.VIDEO,
    "Réponse à une sollicitation": Channel.PHONE,
}
OUTCOMES = (
    "Intéressés, veulent un atelier pour toute l'équipe",
    "Déjà utilisateurs de la messagerie sécurisée",
    "Souhaitent voir la fonction d'adressage",
    "Réticents : manque de temps, à relancer",
    "Accord pour créer les comptes",
    "",
)


def _rpps(index: int) -> str:
    """Return a fictitious but well-formed RPPS number (a 199… series not used nationally)."""
    stem = f"1990000{index:03d}"
    return next(stem + str(digit) for digit in range(10) if luhn_valid(stem + str(digit)))


def email_address(last: str, first: str) -> str:
    """Return a fictitious address in plain ASCII: ``Lefèvre``, ``Élodie`` -> ``lefevre.elodie@…``."""
    folded = (fold(part).replace("œ", "oe").replace("æ", "ae") for part in (last, first))
    local = ".".join(part.replace(" ", "").replace("'", "") for part in folded)
    return f"{local.encode('ascii', 'ignore').decode()}@example.org"


def build_register(
    service: CarnetService,
    rng: random.Random,
    entries: list[tuple[str, TimeEntry, int | None]],
    today: date,
) -> None:
    """Fill the register from the demo's saved entries (id, entry, index of the structure named)."""
    register = service.register
    carnet = service.carnet
    structure_ids = [
        carnet.structures.add(Structure(name, kind, commune=commune, departement_code="54"))
        for _, name, kind, commune in STRUCTURES
    ]
    for name, kind, commune in OTHER_STRUCTURES:
        carnet.structures.add(Structure(name, kind, commune=commune, departement_code="54"))
    people: list[str] = []
    members: dict[int, list[str]] = {index: [] for index in range(len(STRUCTURES))}
    anchors = dict(ANCHORS)
    names = iter(rng.sample([(last, first) for last in LAST_NAMES for first in FIRST_NAMES], 70))
    for code, specialty, count in STAFF:
        for _ in range(count):
            last, first = next(names)
            structure = rng.randrange(len(STRUCTURES)) if rng.random() < 0.75 else None
            structure = anchors.pop(code, structure)
            if structure is not None:
                places = WORKPLACES.get(code, tuple(range(len(STRUCTURES))))
                structure = structure if structure in places else places[structure % len(places)]
            person = carnet.professionals.add(
                Professional(
                    last_name=last,
                    first_name=first,
                    profession_code=code,
                    civility=Civility.DOCTEUR if code == "G15-10" else Civility.NONE,
                    specialty=specialty,
                    rpps=_rpps(len(people)) if code.startswith("G15") else "",
                    practice_mode=PracticeMode.SALARIE if structure in SALARIED else PracticeMode.LIBERAL,
                    commune=STRUCTURES[structure][3] if structure is not None else rng.choice(PLACES),
                    email=email_address(last, first),
                    structure_ids=(structure_ids[structure],) if structure is not None else (),
                )
            )
            people.append(person)
            if structure is not None:
                members[structure].append(person)
    with_account: set[str] = set()
    for entry_id, entry, structure in entries:
        if structure is None or entry.activity not in CHANNELS:
            continue
        team = members[structure] or rng.sample(people, 2)
        reached = tuple(rng.sample(team, min(len(team), rng.choice((1, 1, 2, 3)))))
        if entry.activity == "Réponse à une sollicitation":
            received = office_hours(
                datetime.combine(entry.day, entry.start_time or time(9, 0))
                - timedelta(hours=rng.choice((1, 2, 4, 20, 26)))
            )
            channel = rng.choice((Channel.PHONE, Channel.EMAIL))
            register.save_solicitation(
                Solicitation(
                    received_at=received,
                    channel=channel,
                    category=RequestCategory.ACCESS,  # every such entry is an access to reset
                    description=entry.description,
                    professional_id=reached[0],
                    structure_id=structure_ids[structure],
                    answered_at=datetime.combine(entry.day, entry.start_time or time(9, 0)),
                    answered_by=entry.ambassador_id,
                    resolution=rng.choice(RESOLUTIONS),
                )
            )
            continue
        follow = rng.random() < 0.3
        carnet.contacts.add(
            Contact(
                day=entry.day,
                ambassador_id=entry.ambassador_id,
                channel=CHANNELS[entry.activity],
                mission=entry.mission,
                subject=entry.description,
                professional_ids=reached,
                structure_id=structure_ids[structure],
                outcome=rng.choice(OUTCOMES),
                next_step="Rappeler pour caler une formation" if follow else "",
                next_step_due=entry.day + timedelta(days=14) if follow else None,
                # Done when due more than five days ago: the last weeks' follow-ups are open.
                next_step_done=follow and entry.day + timedelta(days=14 + 5) < today,
                time_entry_id=entry_id,
            )
        )
        step = Onboarding.MET if CHANNELS[entry.activity] is Channel.VISIT else Onboarding.CONTACTED
        register.advance_onboarding(structure_ids[structure], step, entry.day)
        if entry.activity in ("Création de compte", "Mise à jour de compte"):
            # An account is created once; what follows is an update of an existing account.
            fresh = [p for p in reached if p not in with_account]
            if entry.activity == "Mise à jour de compte" and reached[0] in with_account:
                fresh = []
            for person in fresh or reached[:1]:
                action = AccountAction.CREATE if person in fresh else AccountAction.UPDATE
                register.record_account(AccountEvent(entry.day, person, action, entry.ambassador_id))
                with_account.add(person)
    _milestones(service, structure_ids, people, rng, today)


def _milestones(
    service: CarnetService,
    structure_ids: list[str],
    people: list[str],
    rng: random.Random,
    today: date,
) -> None:
    """The experiment's landmarks: structures onboarded, a hospital and a nursing home engaged,
    active users, and a few requests still waiting for an answer (all before ``today``)."""
    register = service.register

    def ago(days: int) -> date:
        return today - timedelta(days=days)

    for index, day in ((0, ago(100)), (2, ago(37)), (9, ago(16))):
        register.advance_onboarding(structure_ids[index], Onboarding.ENGAGED, day - timedelta(days=20))
        register.advance_onboarding(structure_ids[index], Onboarding.ONBOARDED, day)
    for index, services, it_day in (
        (6, "Médecine polyvalente ; Service des urgences", ago(30)),
        (5, "Unité de vie protégée", None),
    ):
        register.advance_onboarding(structure_ids[index], Onboarding.ENGAGED, ago(80))
        structure = register.structure(structure_ids[index])
        service.carnet.structures.update(
            replace(structure, services_engaged=services, it_commitment_on=it_day)
        )
    created = [p for p in register.professionals(people).values() if p.parceo_status is ParceoStatus.CREATED]
    for professional in created[: len(created) // 2]:
        service.carnet.professionals.update(replace(professional, parceo_status=ParceoStatus.ACTIVE))
    for person in rng.sample(people, 6):
        professional = register.professional(person)
        if professional.parceo_status is ParceoStatus.NONE:
            service.carnet.professionals.update(replace(professional, parceo_status=ParceoStatus.INVITED))
    waiting = (
        (
            datetime.combine(ago(4), time(16, 40)),
            RequestCategory.ACCOUNT,
            "Demande de création de compte pour une remplaçante",
        ),
        (
            datetime.combine(ago(2), time(9, 15)),
            RequestCategory.BUG,
            "Les notifications de messages n'arrivent plus",
        ),
        (
            datetime.combine(ago(1), time(11, 5)),
            RequestCategory.TRAINING,
            "Souhaite une formation pour deux secrétaires",
        ),
    )
    for received, category, text in waiting:
        service.register.save_solicitation(
            Solicitation(received, Channel.EMAIL, category, text, professional_id=rng.choice(people))
        )

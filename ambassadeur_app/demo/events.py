"""The demonstration's events: an information workshop open to the whole département, a working
group over two half-days, and three training sessions from a catalogue of four modules, each
with its invitations, attendance (walk-ins included) and the carnet time spent on it.

The events fall in the months with room under the monthly cap (the first and the fourth), or in
the month already above it (the third), so the demo keeps its one month above the cap.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from ambassadeur_app.demo.entries import workdays
from ambassadeur_app.demo.register import email_address
from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.events import (
    Event,
    EventKind,
    EventStatus,
    InvitationChannel,
    NationalService,
    Session,
    TrainingModule,
)
from ambassadeur_app.domain.model import Mission, TimeEntry
from ambassadeur_app.domain.register import Professional, StructureType
from ambassadeur_app.services import CarnetService

MODULES = (
    TrainingModule(
        "Prendre en main Parceo",
        120,
        objectives="Se connecter, compléter son profil, trouver un confrère dans l'annuaire.",
        audience="Tout professionnel de santé ou du médico-social",
        content="Connexion, profil, annuaire, agenda partagé, premiers échanges.",
    ),
    TrainingModule(
        "Messagerie sécurisée de santé avec Parceo",
        90,
        objectives="Échanger des documents de santé en sécurité.",
        audience="Médecins, infirmiers, pharmaciens, secrétaires médicales",
        content="Boîte aux lettres MSSanté, envoi, pièces jointes, annuaire national.",
        services=frozenset({NationalService.SECURE_MESSAGING}),
    ),
    TrainingModule(
        "Parceo, DMP et Mon espace santé",
        120,
        objectives="Alimenter le DMP et partager avec le patient depuis Parceo.",
        audience="Médecins et infirmiers",
        content="Consultation et alimentation du DMP, documents visibles dans Mon espace santé.",
        services=frozenset({NationalService.DMP, NationalService.MON_ESPACE_SANTE}),
    ),
    TrainingModule(
        "L'identité nationale de santé (INSi) dans Parceo",
        90,
        objectives="Qualifier l'identité du patient avant tout partage.",
        audience="Secrétaires médicales, coordinateurs, infirmiers",
        content="Téléservice INSi, statuts d'identité, bonnes pratiques d'identitovigilance.",
        services=frozenset({NationalService.INSI}),
    ),
)

# A walk-in unknown to the register (created) at the workshop.
NEWCOMER = Professional("Benali", "Nadia", "G15-60", commune="Laxou", email=email_address("Benali", "Nadia"))


def build_events(service: CarnetService, rng: random.Random, months: list[Month], today: date) -> None:
    """Add the events, catalogue, invitations, attendance and linked time to the demo carnet."""
    events = service.events
    register = service.register
    claire, julien = (a.id for a in service.ambassadors())
    people = register.professionals(register.professional_ids())
    everyone = list(people)  # by name: the same demo every time
    module_ids = [events.save_module(module) for module in MODULES]

    def day_of(month: Month, index: int) -> date:
        days = workdays(month, today)
        return days[min(index, len(days) - 1)]

    # The information workshop, open to the whole département: everybody invited by e-mail.
    evening = day_of(months[0], 13)
    workshop = events.save_event(
        Event(
            EventKind.WORKSHOP,
            Mission.PROMOTION,
            "Atelier d'information Parceo — soirée de la CPTS",
            (Session(evening, time(19, 0), time(21, 0)),),
            place="Salle du conseil de la CPTS, Nancy",
            open_to_departement=True,
            agenda="Présentation de Parceo, démonstration, questions, inscriptions aux formations.",
            speakers=("Dr Claire Fontaine", "Julien Marchal"),
            pulsy_trainer=True,
            organiser_ids=(claire, julien),
            status=EventStatus.DONE,
        )
    )
    invited = everyone[:55]
    events.invite(workshop, invited, day_of(months[0], 0), InvitationChannel.EMAIL)  # with the launch
    for person in rng.sample(invited, 17):
        events.record_attendance(workshop, person)
    # Two walk-ins: a professional of the register who was not invited (matched), and a newcomer.
    known = people[everyone[60]]
    typed = Professional(
        known.last_name.upper(), known.first_name, known.profession_code, commune=known.commune
    )
    events.add_walk_in(workshop, typed)
    events.add_walk_in(workshop, NEWCOMER)
    preparing = "Préparation de la soirée d'information (salle, invitations)"
    events.log_time(workshop, _entry(day_of(months[0], 10), julien, "Préparation", 60, preparing))
    running = "Soirée d'information Parceo de la CPTS"
    events.log_time(workshop, _entry(evening, claire, "Atelier d'information", 120, running, time(19, 0)))

    # The working group, two half-days with the hospital, the nursing home and the DAC.
    first = day_of(months[3], 6)
    second = day_of(months[3], 7)
    group = events.save_event(
        Event(
            EventKind.WORKING_GROUP,
            Mission.PROMOTION,
            "Groupe de travail : les sorties d'hospitalisation dans Parceo",
            (Session(first, time(9, 0), time(12, 0)), Session(second, time(14, 0), time(17, 0))),
            place="Centre hospitalier de Toul, salle de réunion",
            agenda="Notifications d'entrée et de sortie, adressage vers l'EHPAD et le DAC.",
            speakers=("Dr Claire Fontaine",),
            organiser_ids=(claire,),
            status=EventStatus.DONE,
        )
    )
    # Someone of the hospital, the nursing home and the DAC first: they attend.
    kinds = {s.id: s.type for s in register.all_structures()}
    staff = [
        next(p for p in everyone if any(kinds[s] is kind for s in people[p].structure_ids))
        for kind in (StructureType.CH, StructureType.EHPAD, StructureType.DAC)
    ]
    members = staff + [p for p in rng.sample(everyone, 12) if p not in staff][: 12 - len(staff)]
    events.invite(group, members, first - timedelta(days=14), InvitationChannel.EMAIL)
    for index, person in enumerate(members[:9]):
        events.record_attendance(group, person, (index % 4 != 3, index % 3 != 2))
    for day in (first, second):
        text = "Groupe de travail sur les sorties d'hospitalisation"
        events.log_time(group, _entry(day, claire, "Réunion", 180, text, time(9, 0)))

    # Three training sessions from the catalogue (the first module is not yet given).
    for module_id, month, index, start in (
        (module_ids[1], months[2], 4, time(13, 30)),
        (module_ids[2], months[2], 15, time(14, 0)),
        (module_ids[3], months[3], 12, time(9, 30)),
    ):
        module = events.module(module_id)
        day = day_of(month, index)
        end = datetime.combine(day, start) + timedelta(minutes=module.minutes)
        training = events.save_event(
            Event(
                EventKind.TRAINING,
                Mission.FORMATION,
                f"Formation : {module.title}",
                (Session(day, start, end.time()),),
                place="Locaux de la CPTS, Nancy",
                speakers=("Julien Marchal",),
                organiser_ids=(julien,),
                status=EventStatus.DONE,
                module_id=module_id,
            )
        )
        trainees = rng.sample(everyone, 8)
        events.invite(training, trainees, day - timedelta(days=10), InvitationChannel.PHONE)
        for person in trainees[:6]:
            events.record_attendance(training, person)
        text = f"Formation : {module.title}"
        events.log_time(training, _entry(day, julien, "Session de formation", module.minutes, text, start))


_MISSIONS = {"Session de formation": Mission.FORMATION}


def _entry(
    day: date, who: str, activity: str, minutes: int, text: str, start: time | None = None
) -> TimeEntry:
    """Return carnet time on an event: training sessions are the formation mission's, the rest
    the promotion mission's."""
    mission = _MISSIONS.get(activity, Mission.PROMOTION)
    return TimeEntry(day, who, mission, activity, minutes, start_time=start, description=text)

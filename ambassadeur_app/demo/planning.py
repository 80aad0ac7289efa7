"""The demonstration's rétroplanning and journal: eleven actions over the six months (one late:
the meetings with the practices, planned to end last month and still under way; the hospital's IT
commitment done on the day the register records it), linked to the demo's events and their time,
a dozen journal notes, and a draft of the pertinence text."""

from __future__ import annotations

from datetime import date, timedelta

from ambassadeur_app.domain.dates import MONTH_NAMES, Month
from ambassadeur_app.domain.events import EventKind
from ambassadeur_app.domain.journal import JournalNote, NoteTag
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.planning import ActionStatus, Link, LinkKind, PlannedAction
from ambassadeur_app.domain.register import StructureType
from ambassadeur_app.services import CarnetService

PERTINENCE = (
    "L'expérimentation a montré qu'un binôme ancré dans la CPTS, un médecin et un coordinateur, "
    "lève les réticences mieux qu'une présentation descendante : les professionnels rencontrés dans "
    "leur cabinet ou à la soirée d'information ont ouvert leur compte, et la moitié l'utilise chaque "
    "mois. Nous proposons de reconduire le dispositif six mois pour rencontrer les maisons et centres "
    "de santé qui ne l'ont pas encore été, étendre au CHRU les notifications d'entrée et de sortie "
    "obtenues du centre hospitalier de Toul et élargir le groupe de travail aux EHPAD du secteur. "
    "Sa généralisation aux autres CPTS du département suppose un temps de formation des binômes "
    "par Pulsy et un forfait événement maintenu."
)


def build_planning(service: CarnetService, months: list[Month], today: date) -> None:
    """Add the rétroplanning, the journal and the pertinence draft to the demo carnet."""
    planning = service.planning
    claire, julien = (a.id for a in service.ambassadors())
    ids = service.events.event_ids()  # by first day
    found = service.events.events(ids)
    events = [found[i] for i in ids]
    workshop = next(e for e in events if e.kind is EventKind.WORKSHOP)
    group = next(e for e in events if e.kind is EventKind.WORKING_GROUP)
    trainings = [e for e in events if e.kind is EventKind.TRAINING]

    def carried_by(*event_ids: str) -> tuple[Link, ...]:
        """The events and the time logged to them."""
        links = [Link(LinkKind.EVENT, event_id) for event_id in event_ids]
        links += [Link(LinkKind.ENTRY, e) for i in event_ids for e in service.events.time_entry_ids(i)]
        return tuple(links)

    def day(month: int, number: int) -> date:
        return min(months[month].first_day + timedelta(days=number - 1), months[month].last_day)

    hospital = next(s for s in service.register.all_structures() if s.type is StructureType.CH)
    done = ActionStatus.DONE
    actions = [
        ("Présenter l'expérimentation au bureau de la CPTS", Mission.PROMOTION, day(0, 1), day(0, 10),
         claire, done, day(0, 3), day(0, 8), ()),
        ("Constituer le registre des professionnels et structures du département", Mission.PROMOTION,
         day(0, 1), day(1, 15), julien, done, day(0, 2), day(1, 12), ()),
        ("Soirée d'information Parceo ouverte à tout le département", Mission.PROMOTION, day(0, 5),
         workshop.first_day, julien, done, day(0, 5), workshop.first_day, carried_by(workshop.id)),
        ("Construire le catalogue de formation (quatre modules)", Mission.FORMATION, day(1, 1), day(1, 28),
         julien, done, day(1, 2), day(1, 20), ()),
        ("Sessions de formation : messagerie sécurisée, DMP, INSi", Mission.FORMATION, day(2, 1),
         trainings[-1].first_day + timedelta(days=5), julien, done, trainings[0].first_day,
         trainings[-1].first_day, carried_by(*(t.id for t in trainings))),
        ("Rencontrer les MSP, ESP et centres de santé du secteur", Mission.PROMOTION, day(1, 1), day(4, 30),
         claire, ActionStatus.IN_PROGRESS, day(1, 3), None, ()),
        ("Groupe de travail sorties d'hospitalisation avec le CH, l'EHPAD et le DAC", Mission.PROMOTION,
         day(3, 1), group.sessions[-1].day, claire, done, group.first_day, group.sessions[-1].day,
         carried_by(group.id)),
        ("Engagement du service informatique du CH : notifications d'entrée et de sortie",
         Mission.PROMOTION, day(2, 15), months[4].last_day, claire, done, day(2, 20),
         hospital.it_commitment_on, ()),
        ("Questionnaire de satisfaction sur l'outil aux professionnels du département",
         Mission.ACCOMPAGNEMENT, day(4, 15), service.programme().end_date, julien,
         ActionStatus.IN_PROGRESS, day(5, 1), None, ()),
        ("Session de formation « Prendre en main Parceo » pour les nouveaux inscrits", Mission.FORMATION,
         day(5, 10), service.programme().end_date, julien, ActionStatus.TODO, None, None, ()),
        ("Bilan d'exécution et rapport de retour d'expérience", Mission.AUTRE, day(5, 15),
         service.programme().end_date, claire, ActionStatus.TODO, None, None, ()),
    ]  # fmt: skip
    for title, mission, start, end, who, status, actual_start, actual_end, links in actions:
        if actual_start is not None and actual_start > today:
            status, actual_start, actual_end = ActionStatus.TODO, None, None  # a demo built early
        planning.save_action(
            PlannedAction(title, mission, start, end, who, status, actual_start, actual_end, links=links)
        )

    people = service.register.professionals(service.register.professional_ids())
    doctor = next(p for p in people.values() if p.profession_code == "G15-10")  # a physician
    over_cap = " et ".join(
        MONTH_NAMES[m.month - 1] for m in months[:-1] if service.month_summary(m).claim.over_cap_minutes
    )
    notes = [
        (day(0, 9), NoteTag.HIGHLIGHT, "Le bureau de la CPTS valide le rétroplanning.", ()),
        (workshop.first_day, NoteTag.SUCCESS, "Soirée d'information : 19 participants, dont 5 ouvrent leur "
         "compte Parceo sur place.", (Link(LinkKind.EVENT, workshop.id),)),
        (day(1, 6), NoteTag.OBSTACLE, "Les cartes CPS de plusieurs infirmiers libéraux ne sont pas à jour : "
         "pas de connexion possible avant leur renouvellement.", ()),
        (day(1, 20), NoteTag.LEVER, f"Le Dr {doctor.last_name} relaie Parceo auprès des médecins de son "
         "secteur : trois confrères demandent une visite.", (Link(LinkKind.PROFESSIONAL, doctor.id),)),
        (trainings[0].first_day, NoteTag.SUCCESS, "Première formation à la messagerie sécurisée : les "
         "participants envoient leur premier message pendant la séance.",
         (Link(LinkKind.EVENT, trainings[0].id),)),
        (day(2, 10), NoteTag.FAILURE, "L'atelier prévu avec les pharmaciens est annulé faute d'inscrits "
         "(période de congés).", ()),
        (day(2, 22), NoteTag.OBSTACLE, "Le service informatique du centre hospitalier attend la validation "
         "de sa direction avant d'envoyer les notifications.", (Link(LinkKind.STRUCTURE, hospital.id),)),
        (group.first_day, NoteTag.HIGHLIGHT, "Groupe de travail : le CH, l'EHPAD et le DAC s'accordent sur "
         "un circuit de sortie d'hospitalisation dans Parceo.", (Link(LinkKind.EVENT, group.id),)),
        (day(3, 25), NoteTag.LEVER, "La présence d'un formateur Pulsy rassure les secrétaires médicales "
         "sur l'identitovigilance (INSi).", ()),
        (day(4, 8), NoteTag.FAILURE, "Relances par e-mail aux MSP peu efficaces : moins d'une réponse sur "
         "cinq ; les appels donnent de meilleurs résultats.", ()),
        (day(4, 18), NoteTag.SUCCESS, "Une deuxième MSP utilise l'agenda partagé pour ses réunions de "
         "concertation.", ()),
        (day(5, 2), NoteTag.OBSTACLE, f"Le plafond mensuel a été dépassé en {over_cap} : les heures "
         "de préparation des formations ne sont pas toutes financées.", ()),
    ]  # fmt: skip
    for when, tag, text, links in notes:
        if when <= today:
            planning.save_note(JournalNote(when, tag, text, links))
    planning.save_pertinence(PERTINENCE)

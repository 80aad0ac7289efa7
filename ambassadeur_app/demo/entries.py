"""The demonstration's time entries: six months of varied work in the three missions (plus some
unfunded time), one month above the cap. Each entry may name the structure it concerns, so that
the demo register can follow it.
"""

from __future__ import annotations

import random
from datetime import date, time, timedelta

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import Ambassador, Mission, Programme, Role, TimeEntry
from ambassadeur_app.domain.register import StructureType

START = date(2025, 9, 1)
SEED = 2025

PROGRAMME = Programme(
    cpts_name="CPTS Val de Meurthe (démonstration)",
    departement_code="54",
    departement_name="Meurthe-et-Moselle",
    start_date=START,
    representative_name="Dr Hélène Vautrin",
    representative_title="Présidente de la CPTS",
)

AMBASSADORS = (
    Ambassador("", "Dr Claire Fontaine", Role.MEDICAL, "Médecin généraliste", "claire.fontaine@example.org"),
    Ambassador(
        "",
        "Julien Marchal",
        Role.ADMINISTRATIF,
        "Coordinateur de la CPTS",
        "julien.marchal@example.org",
    ),
)

PLACES = (
    "Nancy",
    "Vandœuvre-lès-Nancy",
    "Laxou",
    "Villers-lès-Nancy",
    "Lunéville",
    "Toul",
    "Pont-à-Mousson",
    "Saint-Nicolas-de-Port",
    "Maxéville",
    "Essey-lès-Nancy",
    "Ludres",
    "Jarville-la-Malgrange",
)
# The structures the entries name: (phrase in a description, name, type, commune).
STRUCTURES: tuple[tuple[str, str, StructureType, str], ...] = (
    ("la MSP des Provinces", "MSP des Provinces", StructureType.MSP, "Laxou"),
    ("la MSP de Vandœuvre", "MSP de Vandœuvre", StructureType.MSP, "Vandœuvre-lès-Nancy"),
    ("le centre de santé de Lunéville", "Centre de santé de Lunéville", StructureType.CDS, "Lunéville"),
    (
        "le cabinet infirmier du Placieux",
        "Cabinet infirmier du Placieux",
        StructureType.CABINET,
        "Villers-lès-Nancy",
    ),
    ("la pharmacie du Centre", "Pharmacie du Centre", StructureType.PHARMACIE, "Toul"),
    ("l'EHPAD Les Tilleuls", "EHPAD Les Tilleuls", StructureType.EHPAD, "Pont-à-Mousson"),
    ("le CH de Toul", "Centre hospitalier de Toul", StructureType.CH, "Toul"),
    (
        "le cabinet de kinésithérapie Saint-Epvre",
        "Cabinet de kinésithérapie Saint-Epvre",
        StructureType.CABINET,
        "Nancy",
    ),
    ("le DAC 54", "DAC 54", StructureType.DAC, "Nancy"),
    ("la maison de santé de Ludres", "Maison de santé de Ludres", StructureType.MSP, "Ludres"),
)

TEMPLATES: dict[Mission, tuple[tuple[str, str], ...]] = {
    Mission.PROMOTION: (
        ("Rencontre / visite", "Présentation de Parceo à l'équipe de {s}"),
        ("Atelier d'information", "Atelier d'information Parceo — soirée de la CPTS"),
        ("Appel", "Appel de prise de contact avec {s}"),
        ("Réunion", "Réunion de l'équipe projet ambassadeurs"),
        ("Communication", "Article pour la lettre d'information de la CPTS"),
        ("Préparation", "Préparation du support de présentation"),
    ),
    Mission.FORMATION: (
        ("Session de formation", "Formation à la messagerie sécurisée pour {s}"),
        ("Session de formation", "Formation : Parceo, DMP et Mon espace santé"),
        ("Création de compte", "Création des accès Parceo pour {s}"),
        ("Mise à jour de compte", "Mise à jour des habilitations de {s}"),
        ("Préparation", "Préparation du catalogue de formation"),
    ),
    Mission.ACCOMPAGNEMENT: (
        ("Réponse à une sollicitation", "Demande de réinitialisation d'accès ({s})"),
        ("Assistance à l'usage", "Aide au partage d'un dossier patient avec {s}"),
        ("Appel", "Point d'usage téléphonique avec {s}"),
        ("Rencontre / visite", "Visite de suivi chez {s}"),
        ("Suivi des utilisateurs", "Relance des utilisateurs inactifs du mois"),
    ),
    Mission.AUTRE: (
        ("Administratif", "Classement des feuilles d'émargement"),
        ("Formation Pulsy", "Séminaire des ambassadeurs (Pulsy)"),
        ("Déplacement", "Trajet vers {s}"),
    ),
}

# Per month: target hours (binôme) and mission weights (promotion, formation, accompagnement).
PLAN = (
    (34, (6, 2, 1)),
    (39, (5, 3, 2)),
    (47, (3, 4, 3)),  # above the cap: 7 h not funded
    (30, (2, 4, 4)),
    (39, (2, 3, 5)),
    (38, (2, 3, 5)),
)
HOLIDAYS = {date(2025, 11, 11), date(2025, 12, 25), date(2026, 1, 1)}


def month_entries(
    rng: random.Random,
    month: Month,
    target: int,
    weights: tuple[int, int, int],
    people: list[Ambassador],
) -> list[tuple[TimeEntry, int | None]]:
    """Return a month's entries in day order, each with the index of the structure it names."""
    workdays = [
        month.first_day + timedelta(days=n)
        for n in range(month.days)
        if (month.first_day + timedelta(days=n)).weekday() < 5
        and month.first_day + timedelta(days=n) not in HOLIDAYS
    ]
    missions = Mission.funded_missions()
    entries: list[tuple[TimeEntry, int | None]] = []
    total = 0
    while total < target:
        minutes = min(rng.choice((30, 45, 60, 60, 90, 90, 120, 150, 180)), target - total)
        minutes = max(15, minutes - minutes % 15)
        if rng.random() < 0.06:
            mission = Mission.AUTRE
        else:
            mission = rng.choices(missions, weights=weights)[0]
            total += minutes
        activity, text = rng.choice(TEMPLATES[mission])
        place = (
            rng.choice(PLACES)
            if activity
            in (
                "Rencontre / visite",
                "Session de formation",
                "Atelier d'information",
                "Déplacement",
            )
            else ""
        )
        start = time(rng.choice((8, 9, 10, 11, 13, 14, 15, 16, 18)), rng.choice((0, 15, 30)))
        structure = rng.randrange(len(STRUCTURES))
        entry = TimeEntry(
            day=rng.choice(workdays),
            ambassador_id=rng.choice(people).id,
            mission=mission,
            activity=activity,
            minutes=minutes,
            start_time=start,
            place=place,
            description=text.format(s=STRUCTURES[structure][0]),
        )
        entries.append((entry, structure if "{s}" in text else None))
    entries.sort(key=lambda pair: (pair[0].day, pair[0].start_time or time()))
    return entries

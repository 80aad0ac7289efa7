"""The demonstration's time entries: six months of varied work in the three missions (plus some
unfunded time), one month above the cap. Each entry may name the structure it concerns, so that
the demo register can follow it.

The months are placed by the caller (the six months that end with today's); the current month
holds work up to today only.
"""

from __future__ import annotations

import random
from datetime import date, time, timedelta

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import Ambassador, Mission, Programme, Role, TimeEntry
from ambassadeur_app.domain.register import StructureType

START = date(2025, 9, 1)  # of PROGRAMME, the benchmarks' fixed programme; the demo moves it
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

# No template names one of the demo's events: the time spent preparing or running them is logged
# by ``demo/events.py``, linked to the event and dated on or before it.
TEMPLATES: dict[Mission, tuple[tuple[str, str], ...]] = {
    Mission.PROMOTION: (
        ("Rencontre / visite", "Présentation de Parceo à l'équipe de {s}"),
        ("Atelier d'information", "Présentation de Parceo en réunion d'équipe pluriprofessionnelle"),
        ("Appel", "Appel de prise de contact avec {s}"),
        ("Réunion", "Réunion de l'équipe projet ambassadeurs"),
        ("Communication", "Article pour la lettre d'information de la CPTS"),
        ("Préparation", "Préparation du support de présentation"),
    ),
    Mission.FORMATION: (
        ("Session de formation", "Formation sur place à la messagerie sécurisée pour {s}"),
        ("Session de formation", "Formation individuelle au DMP dans Parceo, au cabinet du médecin"),
        ("Création de compte", "Création des accès Parceo pour {s}"),
        ("Mise à jour de compte", "Mise à jour des habilitations de {s}"),
        ("Préparation", "Préparation des exercices et des supports de formation"),
    ),
    Mission.ACCOMPAGNEMENT: (
        ("Réponse à une sollicitation", "Réinitialisation d'accès demandée par {s}"),
        ("Assistance à l'usage", "Aide au partage d'un dossier patient avec {s}"),
        ("Appel", "Point d'usage téléphonique avec {s}"),
        ("Rencontre / visite", "Visite de suivi à {s}"),
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
# Where a template's preposition meets the structure's article, French contracts them.
_CONTRACTIONS = (("de ", "le ", "du "), ("de ", "les ", "des "), ("à ", "le ", "au "), ("à ", "les ", "aux "))


def mention(template: str, phrase: str) -> str:
    """Put a structure's phrase (with its article) into a template's ``{s}``, in correct French.

    ``mention("habilitations de {s}", "le cabinet infirmier")`` gives « habilitations du cabinet
    infirmier », and « à {s} » with « le CH de Toul » gives « au CH de Toul »; « de la », « de l' »
    and « à l' » stay as they are.
    """
    before, found, after = template.partition("{s}")
    if not found:
        return template
    for preposition, article, fused in _CONTRACTIONS:
        word_start = len(before) == len(preposition) or before[-len(preposition) - 1] in " ('’"
        if before.endswith(preposition) and word_start and phrase.startswith(article):
            return before[: -len(preposition)] + fused + phrase[len(article) :] + after
    return before + phrase + after


def easter(year: int) -> date:
    """Return Easter Sunday of ``year`` (Gregorian computus, anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * leap) // 433
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


def french_holidays(year: int) -> set[date]:
    """Return the public holidays of ``year`` in France (no work is logged on them)."""
    sunday = easter(year)
    fixed = ((1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25))
    movable = {sunday + timedelta(days=n) for n in (1, 39, 50)}  # Monday, Ascension, Whit Monday
    return {date(year, m, d) for m, d in fixed} | movable


def workdays(month: Month, until: date | None = None) -> list[date]:
    """Return the working days of ``month`` (no weekend, no public holiday), up to ``until``."""
    holidays = french_holidays(month.year)
    days = (month.first_day + timedelta(days=n) for n in range(month.days))
    return [d for d in days if d.weekday() < 5 and d not in holidays and (until is None or d <= until)]


def month_entries(
    rng: random.Random,
    month: Month,
    target: int,
    weights: tuple[int, int, int],
    people: list[Ambassador],
    until: date | None = None,
) -> list[tuple[TimeEntry, int | None]]:
    """Return a month's entries in day order, each with the index of the structure it names.

    With ``until`` inside the month (today), only the days up to it are worked, and the month's
    target shrinks in proportion.
    """
    days = workdays(month, until)
    if not days:
        return []
    target = target * len(days) // len(workdays(month))
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
            day=rng.choice(days),
            ambassador_id=rng.choice(people).id,
            mission=mission,
            activity=activity,
            minutes=minutes,
            start_time=start,
            place=place,
            description=mention(text, STRUCTURES[structure][0]),
        )
        entries.append((entry, structure if "{s}" in text else None))
    entries.sort(key=lambda pair: (pair[0].day, pair[0].start_time or time()))
    return entries

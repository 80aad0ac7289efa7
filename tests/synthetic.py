"""Files in the exact layouts of the national extracts, generated for tests and benchmarks."""

from __future__ import annotations

import random
from pathlib import Path

RPPS_HEADER = [
    "Type d'identifiant PP",
    "Identifiant PP",
    "Identification nationale PP",
    "Code civilité d'exercice",
    "Libellé civilité d'exercice",
    "Code civilité",
    "Libellé civilité",
    "Nom d'exercice",
    "Prénom d'exercice",
    "Code profession",
    "Libellé profession",
    "Code catégorie professionnelle",
    "Libellé catégorie professionnelle",
    "Code type savoir-faire",
    "Libellé type savoir-faire",
    "Code savoir-faire",
    "Libellé savoir-faire",
    "Code mode exercice",
    "Libellé mode exercice",
    "Numéro SIRET site",
    "Numéro SIREN site",
    "Numéro FINESS site",
    "Numéro FINESS établissement juridique",
    "Identifiant technique de la structure",
    "Raison sociale site",
    "Enseigne commerciale site",
    "Complément destinataire (coord. structure)",
    "Complément point géographique (coord. structure)",
    "Numéro Voie (coord. structure)",
    "Indice répétition voie (coord. structure)",
    "Code type de voie (coord. structure)",
    "Libellé type de voie (coord. structure)",
    "Libellé Voie (coord. structure)",
    "Mention distribution (coord. structure)",
    "Bureau cedex (coord. structure)",
    "Code postal (coord. structure)",
    "Code commune (coord. structure)",
    "Libellé commune (coord. structure)",
    "Code pays (coord. structure)",
    "Libellé pays (coord. structure)",
    "Téléphone (coord. structure)",
    "Téléphone 2 (coord. structure)",
    "Télécopie (coord. structure)",
    "Adresse e-mail (coord. structure)",
    "Code Département (structure)",
    "Libellé Département (structure)",
    "Ancien identifiant de la structure",
    "Autorité d'enregistrement",
    "Code secteur d'activité",
    "Libellé secteur d'activité",
    "Code section tableau pharmaciens",
    "Libellé section tableau pharmaciens",
    "Code rôle",
    "Libellé rôle",
    "Code genre activité",
    "Libellé genre activité",
]
PROFESSIONS = [
    ("10", "Médecin"),
    ("60", "Infirmier"),
    ("70", "Masseur-Kinésithérapeute"),
    ("21", "Pharmacien"),
    ("40", "Chirurgien-Dentiste"),
    ("50", "Sage-Femme"),
    ("91", "Orthophoniste"),
    ("93", "Psychologue"),
]
COMMUNES = [
    ("54395", "54000", "NANCY"),
    ("54547", "54500", "VANDOEUVRE LES NANCY"),
    ("54528", "54200", "TOUL"),
    ("54329", "54300", "LUNEVILLE"),
    ("57463", "57000", "METZ"),
    ("67482", "67000", "STRASBOURG"),
    ("75056", "75001", "PARIS"),
    ("", "54110", "DOMBASLE SUR MEURTHE"),
]
OUTSIDE = [c for c in COMMUNES if not c[1].startswith("54")]


def luhn_digit(stem: str) -> str:
    for digit in "0123456789":
        total = 0
        for index, char in enumerate(reversed(stem + digit)):
            value = int(char) * (2 if index % 2 else 1)
            total += value - 9 if value > 9 else value
        if total % 10 == 0:
            return digit
    raise AssertionError


def rpps_line(person: int, rng: random.Random, activity: int = 0, local: bool = True) -> str:
    rpps = f"1{person:09d}"
    rpps += luhn_digit(rpps)
    code, label = PROFESSIONS[person % len(PROFESSIONS)]
    communes = COMMUNES if local else OUTSIDE
    commune_code, postal, town = communes[(person + activity) % len(communes)]
    skill = (
        ("S", "Spécialité ordinale", "SM54", "Médecine générale (SM)")
        if code == "10" and person % 3
        else ("S", "Spécialité ordinale", "SM04", "Cardiologie")
        if code == "10"
        else ("", "", "", "")
    )
    values = {
        "Type d'identifiant PP": "8",
        "Identifiant PP": rpps,
        "Identification nationale PP": "8" + rpps,
        "Code civilité d'exercice": "DR" if code == "10" else "",
        "Libellé civilité d'exercice": "Docteur" if code == "10" else "",
        "Code civilité": "M" if person % 2 else "MME",
        "Nom d'exercice": f"NOM{person}",
        "Prénom d'exercice": f"Prénom{person}",
        "Code profession": code,
        "Libellé profession": label,
        "Code catégorie professionnelle": "C",
        "Libellé catégorie professionnelle": "Civil",
        "Code type savoir-faire": skill[0],
        "Libellé type savoir-faire": skill[1],
        "Code savoir-faire": skill[2],
        "Libellé savoir-faire": skill[3],
        "Code mode exercice": "L" if (person + activity) % 3 else "S",
        "Libellé mode exercice": "Libéral" if (person + activity) % 3 else "Salarié",
        "Numéro SIRET site": f"{rng.randrange(10**13, 10**14)}",
        "Raison sociale site": f"CABINET {person}",
        "Code postal (coord. structure)": postal,
        "Code commune (coord. structure)": commune_code,
        "Libellé commune (coord. structure)": town,
        "Code pays (coord. structure)": "99000",
        "Téléphone (coord. structure)": f"03{person % 100000000:08d}",
        "Adresse e-mail (coord. structure)": f"nom{person}@example.org" if person % 4 == 0 else "",
        "Code secteur d'activité": "SA07",
        "Libellé secteur d'activité": "Cabinet individuel",
        "Libellé rôle": "Titulaire de cabinet",
    }
    return "|".join(values.get(name, "") for name in RPPS_HEADER) + "|\n"


def write_rpps(path: Path, lines: int, seed: int = 7, local_every: int = 1) -> Path:
    """Write an extract of ``lines`` activity lines (every fifth person has two activities).

    People are spread over COMMUNES (five of the eight are in Meurthe-et-Moselle); with
    ``local_every=n`` only every n-th person may practise there, the others elsewhere in France.
    """
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write("|".join(RPPS_HEADER) + "|\n")
        written = person = 0
        while written < lines:
            for activity in range(2 if person % 5 == 0 else 1):
                if written < lines:
                    handle.write(rpps_line(person, rng, activity, person % local_every == 0))
                    written += 1
            person += 1
    return path

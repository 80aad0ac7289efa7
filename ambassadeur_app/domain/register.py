"""The outreach register: professionals, structures, contacts, requests and Parceo accounts.

The labelled enums' base (``labels.py``) and the structures (``structures.py``) have small
modules of their own, which the tableau de bord imports without the rest; they are given here
too (imported ``as`` themselves: re-exported)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime

from ambassadeur_app.domain.labels import Labelled as Labelled
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.structures import Onboarding as Onboarding
from ambassadeur_app.domain.structures import Structure as Structure
from ambassadeur_app.domain.structures import StructureType as StructureType
from ambassadeur_app.domain.text import blank, fold
from ambassadeur_app.errors import InvalidInput


class Civility(Labelled):
    NONE = "", ""
    MONSIEUR = "m", "M."
    MADAME = "mme", "Mme"
    DOCTEUR = "dr", "Dr"
    PROFESSEUR = "pr", "Pr"


class PracticeMode(Labelled):
    UNKNOWN = "", "Non précisé"
    LIBERAL = "liberal", "Libéral"
    SALARIE = "salarie", "Salarié"
    MIXTE = "mixte", "Mixte"


class Specialty(Labelled):
    """For physicians, the distinction the funder's counts need."""

    NONE = "", ""
    GENERAL = "mg", "Médecine générale"
    OTHER = "autre", "Autre spécialité"


class ParceoStatus(Labelled):
    NONE = "aucun", "Aucun compte"
    INVITED = "invite", "Invité"
    CREATED = "cree", "Compte créé"
    ACTIVE = "actif", "Utilisateur actif"


class Channel(Labelled):
    VISIT = "visite", "Visite"
    PHONE = "telephone", "Téléphone"
    EMAIL = "email", "E-mail"
    VIDEO = "visio", "Visio"
    EVENT = "evenement", "Événement"
    MAIL = "courrier", "Courrier"


class RequestCategory(Labelled):
    ACCESS = "acces", "Accès / connexion"
    ACCOUNT = "compte", "Création de compte"
    FEATURE = "fonctionnalite", "Utilisation d'une fonctionnalité"
    BUG = "anomalie", "Anomalie"
    TRAINING = "formation", "Formation"
    OTHER = "autre", "Autre"


class RequestStatus(Labelled):
    RECEIVED = "recue", "Reçue"
    IN_PROGRESS = "en_cours", "En cours"
    ANSWERED = "repondue", "Répondue"
    CLOSED = "close", "Close"

    @property
    def answered(self) -> bool:
        return self in (RequestStatus.ANSWERED, RequestStatus.CLOSED)


class AccountAction(Labelled):
    CREATE = "creation", "Création d'accès"
    UPDATE = "mise_a_jour", "Mise à jour"
    REACTIVATE = "reactivation", "Réactivation"
    DEACTIVATE = "desactivation", "Désactivation"


@dataclass(frozen=True)
class Profession:
    """One line of the shipped profession nomenclature."""

    code: str
    label: str
    group: str
    system: str
    version: str
    active: bool = True


@dataclass(frozen=True)
class Professional:
    last_name: str
    first_name: str = ""
    profession_code: str = ""
    civility: Civility = Civility.NONE
    specialty: Specialty = Specialty.NONE
    rpps: str = ""
    practice_mode: PracticeMode = PracticeMode.UNKNOWN
    commune: str = ""
    postal_code: str = ""
    email: str = ""
    phone: str = ""
    parceo_status: ParceoStatus = ParceoStatus.NONE
    parceo_since: date | None = None
    notes: str = ""
    structure_ids: tuple[str, ...] = ()
    id: str = ""
    anonymized: bool = False
    adeli: str = ""  # the ADELI number of a professional the RPPS extract lists without an RPPS one

    @property
    def full_name(self) -> str:
        if self.anonymized:
            return "Personne effacée"
        return " ".join(part for part in (self.civility.label, self.first_name, self.last_name) if part)

    @property
    def sort_name(self) -> str:
        return f"{self.last_name} {self.first_name}".strip()


def person_key(person: Professional) -> tuple[bool, str, str]:
    """Return where a professional comes in every list of every document: by folded name, as
    in the Professionnels tab (the register's ``name_key``): « Gérard » before « Guérin »,
    « Barbier Émilie » before « Barbier Léa »; erased persons last; the id breaks ties."""
    return person.anonymized, fold(person.sort_name), person.id


@dataclass(frozen=True)
class Contact:
    """An interaction of an ambassador with professionals and/or a structure."""

    day: date
    ambassador_id: str
    channel: Channel
    mission: Mission
    subject: str
    professional_ids: tuple[str, ...] = ()
    structure_id: str | None = None
    outcome: str = ""
    next_step: str = ""
    next_step_due: date | None = None
    next_step_done: bool = False
    time_entry_id: str | None = None
    id: str = ""


@dataclass(frozen=True)
class Solicitation:
    """A request received by the binôme (mission accompagnement)."""

    received_at: datetime
    channel: Channel
    category: RequestCategory
    description: str
    professional_id: str | None = None
    structure_id: str | None = None
    requester: str = ""
    status: RequestStatus = RequestStatus.RECEIVED
    answered_at: datetime | None = None
    answered_by: str | None = None
    resolution: str = ""
    id: str = ""

    def delay_hours(self) -> float | None:
        """Return the response delay in hours, once answered."""
        if self.answered_at is None:
            return None
        return (self.answered_at - self.received_at).total_seconds() / 3600


@dataclass(frozen=True)
class AccountEvent:
    day: date
    professional_id: str
    action: AccountAction
    ambassador_id: str | None = None
    id: str = ""


@dataclass(frozen=True)
class PracticeSite:
    """Where a professional practises, as the RPPS extract lists it."""

    professional_id: str
    site_name: str
    postal_code: str = ""
    commune: str = ""
    commune_code: str = ""
    finess: str = ""
    siret: str = ""
    mode: str = ""
    sector: str = ""
    role: str = ""
    id: str = ""

    def summary(self) -> str:
        """Return ``Cabinet du Parc — Toul (54200), libéral, titulaire de cabinet``."""
        place = f"{self.commune} ({self.postal_code})" if self.postal_code else self.commune
        details = dict.fromkeys(d for d in (place, _SITE_MODES.get(self.mode, ""), self.role.lower()) if d)
        return f"{self.site_name or 'Lieu sans nom'} — " + ", ".join(details)


_SITE_MODES = {"L": "libéral", "S": "salarié", "B": "bénévole"}


@dataclass(frozen=True)
class RegisterFilter:
    """What a register page shows: text typed plus optional narrowing."""

    text: str = ""
    profession_group: str = ""
    structure_type: StructureType | None = None
    commune: str = ""
    status: str = ""
    ambassador_id: str = ""
    first_day: date | None = None
    last_day: date | None = None


@dataclass(frozen=True)
class HistoryItem:
    """One line of a person's or a structure's history."""

    day: date
    kind: str
    text: str
    ambassador: str = ""


# --- identifiers --------------------------------------------------------------------------------


def luhn_valid(digits: str) -> bool:
    """Tell whether a string of digits passes the Luhn (mod 10) check."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def normalize_rpps(text: str) -> str:
    """Return a checked 11-digit RPPS number (spaces allowed; empty stays empty).

    The national identifier form ``8`` + RPPS (12 digits) is accepted too.

    Raises:
        InvalidInput: wrong length or check digit, in French.
    """
    value = re.sub(r"[\s.\-]", "", text)
    if not value:
        return ""
    if len(value) == 12 and value.startswith("8"):
        value = value[1:]
    if not re.fullmatch(r"\d{11}", value):
        raise InvalidInput(f"Numéro RPPS invalide : « {text} » (11 chiffres attendus).", "rpps")
    if not luhn_valid(value):
        raise InvalidInput(
            f"Numéro RPPS invalide : « {text} » (la clé de contrôle ne correspond pas : vérifiez la saisie).",
            "rpps",
        )
    return value


def normalize_finess(text: str) -> str:
    """Return a checked 9-character FINESS number (empty stays empty).

    Raises:
        InvalidInput: wrong form or check digit, in French.
    """
    value = re.sub(r"[\s.\-]", "", text).upper()
    if not value:
        return ""
    if not re.fullmatch(r"(\d{2}|2A|2B|9[A-F])\d{7}", value):
        raise InvalidInput(
            f"Numéro FINESS invalide : « {text} » (9 caractères : le département puis 7 chiffres).",
            "finess",
        )
    if value[:2].isdigit() and not luhn_valid(value):
        raise InvalidInput(
            f"Numéro FINESS invalide : « {text} » (la clé de contrôle ne correspond pas).", "finess"
        )
    return value


_EMAIL = r"[^@\s]+@[^@\s]+\.[^@\s]+"  # compiled on first use by ``re``, not at import


def validate_professional(professional: Professional, professions: dict[str, Profession]) -> Professional:
    """Check a professional and return it with normalised identifiers.

    Raises:
        InvalidInput: naming the field at fault.
    """
    if blank(professional.last_name):
        raise InvalidInput("Indiquez le nom du professionnel.", "nom")
    if professional.profession_code not in professions:
        raise InvalidInput(f"Profession inconnue : « {professional.profession_code} ».", "profession")
    if professional.email.strip() and not re.fullmatch(_EMAIL, professional.email.strip()):
        raise InvalidInput(f"Adresse e-mail invalide : « {professional.email} ».", "email")
    specialty = professional.specialty
    if professions[professional.profession_code].group != "Médecin":
        specialty = Specialty.NONE
    return replace(
        professional,
        rpps=normalize_rpps(professional.rpps),
        specialty=specialty,
        last_name=professional.last_name.strip(),
        first_name=professional.first_name.strip(),
    )


def validate_structure(structure: Structure) -> Structure:
    """Check a structure and return it with its normalised FINESS.

    Raises:
        InvalidInput: naming the field at fault.
    """
    if blank(structure.name):
        raise InvalidInput("Indiquez le nom de la structure.", "nom")
    return replace(structure, name=structure.name.strip(), finess=normalize_finess(structure.finess))


def identity(professional: Professional) -> str:
    """Return a professional's national identifier (RPPS, else ADELI), or ``""`` without one."""
    if professional.rpps:
        return f"8{professional.rpps}"
    return f"0{professional.adeli}" if professional.adeli else ""


def duplicate_key(professional: Professional, professions: dict[str, Profession]) -> tuple[str, str, str]:
    """Return what makes two professionals the same person without an RPPS number."""
    profession = professions.get(professional.profession_code)
    group = profession.group if profession else ""
    name = f"{professional.last_name} {professional.first_name}"
    return (fold(name), fold(group), fold(professional.commune))

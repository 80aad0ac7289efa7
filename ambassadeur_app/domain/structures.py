"""The register's structures (MSP, CDS, hospitals, nursing homes, pharmacies...): their types,
their path to Parceo and their record. Apart from ``register.py`` (which gives them too): the
tableau de bord, the window's first page, counts structures and needs none of the register's
people, contacts or requests (their dataclasses and enums cost ~4 ms to make at import)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ambassadeur_app.domain.labels import Labelled


class StructureType(Labelled):
    MSP = "msp", "MSP"
    ESP = "esp", "ESP"
    CDS = "cds", "Centre de santé"
    CPTS = "cpts", "CPTS"
    DAC = "dac", "DAC"
    CH = "ch", "Centre hospitalier"
    CHU = "chu", "CHU / CHR"
    CLINIQUE = "clinique", "Clinique"
    EHPAD = "ehpad", "EHPAD"
    SSIAD = "ssiad", "SSIAD"
    HAD = "had", "HAD"
    PHARMACIE = "pharmacie", "Pharmacie"
    CABINET = "cabinet", "Cabinet"
    LABORATOIRE = "laboratoire", "Laboratoire"
    AUTRE = "autre", "Autre"

    @property
    def coordinated(self) -> bool:
        """MSP, ESP and CDS: the structures the 30 % onboarding indicator counts."""
        return self in (StructureType.MSP, StructureType.ESP, StructureType.CDS)

    @property
    def engages_services(self) -> bool:
        """Hospitals and nursing homes engage services and their IT department."""
        return self in (StructureType.CH, StructureType.CHU, StructureType.EHPAD)


class Onboarding(Labelled):
    """A structure's path to Parceo, in order."""

    TO_CONTACT = "a_contacter", "À contacter"
    CONTACTED = "contactee", "Contactée"
    MET = "rencontree", "Rencontrée"
    ENGAGED = "engagee", "Engagée"
    ONBOARDED = "embarquee", "Embarquée"


@dataclass(frozen=True)
class Structure:
    name: str
    type: StructureType
    finess: str = ""
    commune: str = ""
    postal_code: str = ""
    departement_code: str = ""
    onboarding: Onboarding = Onboarding.TO_CONTACT
    onboarding_dates: dict[Onboarding, date] = field(default_factory=dict)
    services_engaged: str = ""
    it_commitment_on: date | None = None
    notes: str = ""
    id: str = ""

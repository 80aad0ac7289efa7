from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import EntryFilter, Mission
from ambassadeur_app.domain.register import (
    AccountAction,
    AccountEvent,
    Channel,
    Contact,
    Onboarding,
    ParceoStatus,
    Professional,
    RegisterFilter,
    RequestCategory,
    RequestStatus,
    Solicitation,
    Specialty,
    Structure,
    StructureType,
    luhn_valid,
    normalize_finess,
    normalize_rpps,
)
from ambassadeur_app.errors import InvalidInput, MonthClosed
from ambassadeur_app.services import CarnetService
from tests.conftest import ambassador_id

MEDECIN, INFIRMIER, KINE = "G15-10", "G15-60", "G15-70"


def pro(last: str, first: str = "Jeanne", code: str = MEDECIN, **fields: object) -> Professional:
    return Professional(last_name=last, first_name=first, profession_code=code, **fields)  # type: ignore[arg-type]


def test_identifiers_are_checked() -> None:
    assert luhn_valid("10001045367")
    assert normalize_rpps(" 100 010 453 67 ") == "10001045367"
    assert normalize_rpps("810001045367") == "10001045367"  # the national identifier form
    assert normalize_rpps("") == ""
    with pytest.raises(InvalidInput, match="11 chiffres attendus"):
        normalize_rpps("1234")
    with pytest.raises(InvalidInput, match="clé de contrôle"):
        normalize_rpps("10001045368")
    assert normalize_finess("750712184") == "750712184"
    assert normalize_finess("2a0000123") == "2A0000123"  # Corsica: form only
    with pytest.raises(InvalidInput, match="9 caractères"):
        normalize_finess("75071218")
    with pytest.raises(InvalidInput, match="clé de contrôle"):
        normalize_finess("750712185")


def test_professionals_are_validated_and_searchable(service: CarnetService) -> None:
    register = service.register
    with pytest.raises(InvalidInput, match="Indiquez le nom"):
        register.save_professional(pro(" "))
    with pytest.raises(InvalidInput, match="Profession inconnue"):
        register.save_professional(pro("Martin", code="X"))
    with pytest.raises(InvalidInput, match="Adresse e-mail invalide"):
        register.save_professional(pro("Martin", email="martin@"))
    first = register.save_professional(
        pro("Lefèvre", "Élise", rpps="10001045367", commune="Lunéville", specialty=Specialty.GENERAL)
    )
    register.save_professional(pro("Durand", "Paul", INFIRMIER, commune="Toul"))
    with pytest.raises(InvalidInput, match="déjà celui de Élise Lefèvre"):
        register.save_professional(pro("Autre", rpps="100 010 453 67"))
    assert register.professional_ids(RegisterFilter(text="elise lunev")) == [first]
    assert register.professional_ids(RegisterFilter(text="100010")) == [first]
    assert register.professional_ids(RegisterFilter(profession_group="Infirmier")) != [first]
    assert len(register.professional_ids()) == 2
    nurse = register.save_professional(pro("Roux", code=INFIRMIER, specialty=Specialty.GENERAL))
    assert register.professional(nurse).specialty is Specialty.NONE  # only physicians have one


def test_duplicates_are_found_and_merged(service: CarnetService) -> None:
    register = service.register
    msp = register.save_structure(Structure("MSP des Tilleuls", StructureType.MSP, commune="Nancy"))
    keep = register.save_professional(pro("Müller", "Anne", commune="Nancy", email="a@example.org"))
    other = register.save_professional(
        pro(
            "MULLER",
            "anne",
            commune="nancy",
            phone="03 83 00 00 00",
            structure_ids=(msp,),
            parceo_status=ParceoStatus.CREATED,
        )
    )
    candidates = register.duplicates_of(register.professional(keep))
    assert [c.id for c in candidates] == [other]
    assert register.duplicates_of(pro("Müller", "Anne", KINE, commune="Nancy")) == []  # other job
    amb = ambassador_id(service, "Marie Durand")
    register.log_contact(
        Contact(date(2024, 9, 3), amb, Channel.PHONE, Mission.PROMOTION, "Appel", professional_ids=(other,))
    )
    merged = register.merge_professionals(keep, other)
    assert merged.phone == "03 83 00 00 00"
    assert merged.email == "a@example.org"
    assert merged.parceo_status is ParceoStatus.CREATED
    assert merged.structure_ids == (msp,)
    assert other not in register.professional_ids()
    assert len(register.contact_ids(professional_id=keep)) == 1
    (duplicate,) = service.carnet.db.execute(
        "SELECT last_name, phone, deleted_at FROM professionals WHERE id = ?", [other]
    ).fetchall()
    assert duplicate[:2] == ("", "")  # the merged-away copy keeps no identity
    assert duplicate[2]
    a = register.save_professional(pro("Bis", rpps="10001045367"))
    b = register.save_professional(pro("Ter", rpps="10101010105"))
    with pytest.raises(InvalidInput, match="deux identifiants nationaux"):
        register.merge_professionals(a, b)
    c = register.save_professional(pro("Quater", adeli="541234567"))
    d = register.save_professional(pro("Quinquies", adeli="541234568"))
    with pytest.raises(InvalidInput, match="deux identifiants nationaux"):
        register.merge_professionals(c, d)
    e = register.save_professional(pro("Sexies"))
    assert register.merge_professionals(e, c).adeli == "541234567"  # the kept record gets the number


def test_structures_duplicates_merge_and_onboarding(service: CarnetService) -> None:
    register = service.register
    with pytest.raises(InvalidInput, match="Numéro FINESS invalide"):
        register.save_structure(Structure("EHPAD", StructureType.EHPAD, finess="123"))
    ch = register.save_structure(
        Structure("CH de Lunéville", StructureType.CH, finess="540000239", commune="Lunéville")
    )
    with pytest.raises(InvalidInput, match="déjà celui de « CH de Lunéville »"):
        register.save_structure(Structure("Autre", StructureType.CH, finess="540000239"))
    twin = register.save_structure(
        Structure("ch de luneville", StructureType.CH, commune="LUNÉVILLE", services_engaged="Médecine")
    )
    assert [s.id for s in register.structure_duplicates(register.structure(ch))] == [twin]
    person = register.save_professional(pro("Klein", structure_ids=(twin,)))
    merged = register.merge_structures(ch, twin)
    assert merged.services_engaged == "Médecine"
    assert register.professional(person).structure_ids == (ch,)
    step = register.advance_onboarding(ch, Onboarding.ENGAGED, date(2024, 10, 1))
    assert step.onboarding is Onboarding.ENGAGED
    assert (
        register.advance_onboarding(ch, Onboarding.CONTACTED, date(2024, 10, 2)).onboarding
        is Onboarding.ENGAGED
    )
    assert register.structure_ids(RegisterFilter(structure_type=StructureType.CH)) == [ch]


def test_a_contact_can_log_its_time_and_moves_the_structure_on(service: CarnetService) -> None:
    register = service.register
    amb = ambassador_id(service, "Paul Martin")
    msp = register.save_structure(Structure("MSP du Toulois", StructureType.MSP))
    doctor = register.save_professional(pro("Colin", structure_ids=(msp,)))
    contact = Contact(
        date(2024, 9, 10),
        amb,
        Channel.VISIT,
        Mission.PROMOTION,
        "Présentation de Parceo",
        professional_ids=(doctor,),
        structure_id=msp,
        next_step="Rappeler",
        next_step_due=date(2024, 9, 20),
    )
    contact_id = register.log_contact(contact, minutes=90)
    saved = register.contacts([contact_id])[contact_id]
    assert saved.time_entry_id is not None
    entry = service.entry(saved.time_entry_id)
    assert (entry.minutes, entry.activity, entry.mission) == (90, "Rencontre / visite", Mission.PROMOTION)
    assert register.structure(msp).onboarding is Onboarding.MET
    assert register.structure(msp).onboarding_dates == {Onboarding.MET: date(2024, 9, 10)}
    due, stale = register.follow_ups(stale_days=30)
    assert [c.id for c in due] == [contact_id]
    assert [p.id for p, _ in stale] == [doctor]  # last contact 10/09, today 15/11
    register.mark_follow_up_done(contact_id)
    assert register.follow_ups()[0] == []
    history = register.professional_history(doctor)
    assert history[0].kind == "Contact (visite)"
    assert "à suivre : Rappeler (pour le 20/09/2024)" in history[0].text


def test_a_refused_contact_writes_nothing(service: CarnetService) -> None:
    register = service.register
    amb = ambassador_id(service, "Paul Martin")
    doctor = register.save_professional(pro("Colin"))
    base = Contact(
        date(2024, 9, 10), amb, Channel.PHONE, Mission.PROMOTION, "Appel", professional_ids=(doctor,)
    )
    with pytest.raises(InvalidInput, match="au moins un professionnel ou une structure"):
        register.log_contact(replace(base, professional_ids=()))
    with pytest.raises(InvalidInput, match="antérieure au contact"):
        register.log_contact(replace(base, next_step="x", next_step_due=date(2024, 9, 1)))
    service.close_month(Month(2024, 9))
    with pytest.raises(MonthClosed):
        register.log_contact(base, minutes=30)
    assert register.contact_ids() == []
    assert service.entry_ids(EntryFilter()) == []


def test_solicitations_inbox_and_answers(service: CarnetService) -> None:
    register = service.register
    amb = ambassador_id(service, "Marie Durand")
    doctor = register.save_professional(pro("Petit"))
    old = register.save_solicitation(
        Solicitation(
            datetime(2024, 9, 2, 9, 0),
            Channel.PHONE,
            RequestCategory.ACCESS,
            "Mot de passe oublié",
            professional_id=doctor,
        )
    )
    new = register.save_solicitation(
        Solicitation(
            datetime(2024, 9, 5, 14, 0),
            Channel.EMAIL,
            RequestCategory.BUG,
            "Message non reçu",
            requester="Secrétariat MSP",
        )
    )
    done = register.save_solicitation(
        Solicitation(
            datetime(2024, 9, 1, 8, 0),
            Channel.EMAIL,
            RequestCategory.TRAINING,
            "Formation ?",
            requester="X",
            answered_at=datetime(2024, 9, 1, 10, 30),
            answered_by=amb,
        )
    )
    assert register.solicitations([done])[done].status is RequestStatus.ANSWERED
    assert register.solicitations([done])[done].delay_hours() == 2.5
    assert register.solicitation_ids() == [old, new, done]  # unanswered first, oldest first
    with pytest.raises(InvalidInput, match="précède la sollicitation"):
        register.answer(old, datetime(2024, 9, 1, 0, 0), amb, "Réinitialisé")
    register.answer(old, datetime(2024, 9, 2, 11, 0), amb, "Réinitialisé")
    assert register.solicitation_ids() == [new, old, done]
    with pytest.raises(InvalidInput, match="Indiquez qui"):
        register.save_solicitation(
            Solicitation(datetime(2024, 9, 2), Channel.PHONE, RequestCategory.OTHER, "x")
        )
    with pytest.raises(InvalidInput, match="date et l'heure de la réponse"):
        register.save_solicitation(
            Solicitation(
                datetime(2024, 9, 2),
                Channel.PHONE,
                RequestCategory.OTHER,
                "x",
                requester="Y",
                status=RequestStatus.CLOSED,
            )
        )


def test_account_events_move_the_parceo_status(service: CarnetService) -> None:
    register = service.register
    nurse = register.save_professional(pro("Garnier", code=INFIRMIER, parceo_status=ParceoStatus.INVITED))
    register.record_account(
        AccountEvent(date(2024, 9, 12), nurse, AccountAction.CREATE, ambassador_id(service, "Paul Martin"))
    )
    updated = register.professional(nurse)
    assert (updated.parceo_status, updated.parceo_since) == (ParceoStatus.CREATED, date(2024, 9, 12))
    register.save_professional(replace(updated, parceo_status=ParceoStatus.ACTIVE))
    register.record_account(AccountEvent(date(2024, 10, 1), nurse, AccountAction.UPDATE))
    assert register.professional(nurse).parceo_status is ParceoStatus.ACTIVE  # never backwards
    assert [e.action for e in register.account_events()] == [AccountAction.CREATE, AccountAction.UPDATE]


def test_lists_sort_the_french_way_accents_ignored(service: CarnetService) -> None:
    from ambassadeur_app.domain.register import Professional, Structure, StructureType

    register = service.register
    for name in ("Zimmer", "Étienne", "Eberle"):
        register.save_professional(Professional(last_name=name, profession_code="G15-10"))
    for name in ("Zone artisanale", "École de santé", "EHPAD Les Tilleuls"):
        register.save_structure(Structure(name, StructureType.AUTRE))
    people = register.professionals(register.professional_ids())
    assert [people[i].last_name for i in register.professional_ids()] == ["Eberle", "Étienne", "Zimmer"]
    places = register.structures(register.structure_ids())
    assert [places[i].name for i in register.structure_ids()] == [
        "École de santé",
        "EHPAD Les Tilleuls",
        "Zone artisanale",
    ]

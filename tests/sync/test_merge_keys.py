"""« rejoindre --fusionner »: records that only look alike are not taken for one. Contacts,
requests and account actions by different ambassadors, « M. » and « Mme » of the same name,
notes of the journal with different tags stay two records."""

from __future__ import annotations

from datetime import date, datetime

from ambassadeur_app.domain.journal import JournalNote, NoteTag
from ambassadeur_app.domain.model import Ambassador, Mission, Role
from ambassadeur_app.domain.register import (
    AccountAction,
    AccountEvent,
    Channel,
    Contact,
    Professional,
    RequestCategory,
    Solicitation,
)
from ambassadeur_app.services import CarnetService
from ambassadeur_app.services.sync import join
from tests.sync.conftest import FAST, PHRASE, Binome, Laptop
from tests.sync.test_merge_records import RPPS, VISITED, live, set_up


def by_ambassador(laptop: Laptop, table: str, column: str) -> dict[str | None, int]:
    rows = laptop.db.execute(
        f"SELECT a.name, count(*) FROM {table} t LEFT JOIN ambassadors a ON a.id = t.{column} "
        "WHERE t.deleted_at IS NULL GROUP BY a.name"
    )
    return {name: count for name, count in rows}


def test_records_by_different_ambassadors_are_kept_apart(binome: Binome) -> None:
    """« Visite du matin » by Marie, « Visite du soir » by Paul: the same day, channel, mission
    and professional, two contacts. A request answered by each, two requests. An account action
    by no one named matches the same action by Marie."""

    def typed(service: CarnetService, who: str, apart: bool) -> None:
        register = service.register
        ambassador = next(a.id for a in service.ambassadors() if a.name.endswith(who))
        marie = next(a.id for a in service.ambassadors() if a.name.endswith("Durand"))
        roux = register.save_professional(Professional("Roux", "Anne", "G15-10", rpps=RPPS, commune="Toul"))
        leroy = register.save_professional(Professional("Leroy", "Luc", "G15-10", commune="Toul"))
        subject = "Visite du soir" if apart else "Visite du matin"
        register.log_contact(
            Contact(VISITED, ambassador, Channel.VISIT, Mission.PROMOTION, subject, professional_ids=(roux,))
        )
        if apart:  # Marie's visit, typed on both laptops: one contact
            register.log_contact(
                Contact(VISITED, marie, Channel.VISIT, Mission.PROMOTION, "Visite", professional_ids=(roux,))
            )
        request = register.save_solicitation(
            Solicitation(
                datetime(2024, 11, 5, 9, 30),
                Channel.PHONE,
                RequestCategory.ACCESS,
                "Accès",
                professional_id=roux,
            )
        )
        register.answer(request, datetime(2024, 11, 5, 11, 0), ambassador, "Accès rétabli")
        register.record_account(AccountEvent(VISITED, roux, AccountAction.CREATE, None if apart else marie))
        register.record_account(AccountEvent(VISITED, leroy, AccountAction.CREATE, ambassador))

    a = binome.first()
    typed(a.service, "Durand", apart=False)
    a.sync()
    path = binome.tmp_path / "b.ambassadeur"
    b_service = set_up(path)
    typed(b_service, "Martin", apart=True)
    b_service.close()

    _, report = join(binome.folder, path, PHRASE, FAST, merge=True)
    assert report.merged is not None
    a.sync()
    assert by_ambassador(a, "contacts", "ambassador_id") == {"Marie Durand": 1, "Paul Martin": 1}
    matched = report.merged.matched
    assert matched.get("contacts") == 1
    assert "solicitations" not in matched
    assert matched.get("account_events") == 1  # Roux's, named on one side only
    assert by_ambassador(a, "solicitations", "answered_by") == {"Marie Durand": 1, "Paul Martin": 1}
    assert by_ambassador(a, "account_events", "ambassador_id") == {"Marie Durand": 2, "Paul Martin": 1}
    subjects = a.db.execute("SELECT subject FROM contacts ORDER BY subject").fetchall()
    assert [subject for (subject,) in subjects] == ["Visite du matin", "Visite du soir"]


def test_a_title_that_gives_another_gender_is_another_person(binome: Binome) -> None:
    a = binome.first()
    for name in ("M. Camille Roy", "Mme Claire Fontaine"):
        a.service.save_ambassador(Ambassador("", name, Role.MEDICAL, "Médecin généraliste"))
    a.sync()
    path = binome.tmp_path / "b.ambassadeur"
    b_service = set_up(path, "Mme Marie Durand")  # no title in the shared carnet: the same person
    for name in ("Mme Camille Roy", "Dr Claire Fontaine"):
        b_service.save_ambassador(Ambassador("", name, Role.MEDICAL, "Médecin généraliste"))
    b_service.close()

    _, report = join(binome.folder, path, PHRASE, FAST, merge=True)
    assert report.merged is not None
    assert report.merged.matched["ambassadors"] == 3  # Marie Durand, Paul Martin, Claire Fontaine
    a.sync()
    assert sorted(x.name for x in a.service.ambassadors()) == [
        "M. Camille Roy",
        "Marie Durand",
        "Mme Camille Roy",
        "Mme Claire Fontaine",
        "Paul Martin",
    ]


def test_notes_with_different_tags_are_kept_apart(binome: Binome) -> None:
    def typed(service: CarnetService, tag: NoteTag) -> None:
        service.planning.save_note(JournalNote(VISITED, tag, "Accueil par la MSP"))
        service.planning.save_note(JournalNote(date(2024, 11, 8), NoteTag.SUCCESS, "Bon accueil"))

    a = binome.first()
    typed(a.service, NoteTag.LEVER)
    a.sync()
    path = binome.tmp_path / "b.ambassadeur"
    b_service = set_up(path)
    typed(b_service, NoteTag.OBSTACLE)
    b_service.close()

    _, report = join(binome.folder, path, PHRASE, FAST, merge=True)
    assert report.merged is not None
    assert report.merged.matched["journal_notes"] == 1  # « Bon accueil », typed on both
    a.sync()
    assert live(a, "journal_notes") == 3
    tags = a.db.execute(
        "SELECT tag FROM journal_notes WHERE text = 'Accueil par la MSP' ORDER BY tag"
    ).fetchall()
    assert [tag for (tag,) in tags] == ["frein", "levier"]

"""« rejoindre --fusionner »: the register, questionnaires, planning and journal typed on both
laptops before sharing are kept once (the figures that count them are not doubled), people are
recognised whatever title is typed before their name, an erasure made apart is said, and the
summary counts the conflicts that « conflits » lists."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ambassadeur_app.domain.journal import JournalNote, NoteTag
from ambassadeur_app.domain.model import Ambassador, Mission, Role
from ambassadeur_app.domain.planning import PlannedAction
from ambassadeur_app.domain.register import (
    AccountAction,
    AccountEvent,
    Channel,
    Contact,
    Professional,
    RequestCategory,
    Solicitation,
    Structure,
    StructureType,
)
from ambassadeur_app.domain.surveys import DiffusionChannel
from ambassadeur_app.reports.rex import PERTINENCE_HEADING
from ambassadeur_app.services import CarnetService, open_service
from ambassadeur_app.services.sync import join, merge_lines, report_lines
from ambassadeur_app.sync.merge import person_name
from tests.conftest import PROGRAMME, TODAY
from tests.sync.conftest import FAST, PHRASE, Binome, Laptop, contents, everyone_syncs

RPPS = "10001045367"
FINESS = "540000239"
PHONED, VISITED = date(2024, 11, 4), date(2024, 11, 7)
# Counted tables, live rows: each must hold what was typed once, never twice.
COUNTED = (
    "contacts",
    "contact_professionals",
    "solicitations",
    "account_events",
    "surveys",
    "survey_responses",
    "planned_actions",
    "journal_notes",
    "rex_texts",
    "professional_structures",
    "user_readings",
)


def set_up(path: Path, marie: str = "Marie Durand") -> CarnetService:
    service = open_service(path, create=True, today=lambda: TODAY)
    service.setup(
        PROGRAMME,
        [
            Ambassador("", marie, Role.MEDICAL, "Médecin généraliste"),
            Ambassador("", "Paul Martin", Role.ADMINISTRATIF, "Coordinateur"),
        ],
    )
    return service


def typed(service: CarnetService, apart: bool, visits: int = 2) -> None:
    """What the binôme typed: the same on both laptops (``apart``: as typed on the second one,
    other spellings, case, minutes and titles), ``visits`` genuine visits the same day."""
    register = service.register
    marie = next(a.id for a in service.ambassadors() if a.name.endswith("Durand"))
    roux = register.save_professional(
        Professional("ROUX" if apart else "Roux", "Anne", "G15-10", rpps=RPPS, commune="Toul")
    )
    msp = register.save_structure(
        Structure("MSP Toul" if apart else "MSP de Toul", StructureType.MSP, finess=FINESS, commune="Toul")
    )
    register.save_professional(replace(register.professional(roux), structure_ids=(msp,)))
    fontaine = register.save_professional(
        Professional("Fontaine", "Dr Claire" if apart else "Claire", "G15-10", commune="Toul")
    )
    register.log_contact(
        Contact(
            PHONED,
            marie,
            Channel.PHONE,
            Mission.PROMOTION,
            "présentation de Parceo" if apart else "Présentation de Parceo",
            professional_ids=(fontaine, roux) if apart else (roux, fontaine),
        ),
        minutes=20,  # and its time: an entry typed on both, offered for de-duplication
    )
    for number in range(visits):
        register.log_contact(
            Contact(
                VISITED, marie, Channel.VISIT, Mission.PROMOTION, f"Visite {number + 1}", structure_id=msp
            )
        )
    request = register.save_solicitation(
        Solicitation(
            datetime(2024, 11, 5, 10, 5) if apart else datetime(2024, 11, 5, 9, 30),
            Channel.PHONE,
            RequestCategory.ACCESS,
            "Mot de passe perdu",
            professional_id=roux,
        )
    )
    register.answer(request, datetime(2024, 11, 5, 11, 0), marie, "Accès rétabli")
    register.record_account(AccountEvent(PHONED, roux, AccountAction.CREATE, marie))
    survey = service.surveys.save_diffusion(PHONED, DiffusionChannel.EMAIL, 40)
    for answers in ([4, 4, 4, 4, 4, 4, 9, None], [4, 4, 4, 4, 4, 4, 9, None], [3, 2, 2, 3, 3, 4, 7, "Lent"]):
        service.surveys.add_response(survey, answers)
    service.planning.save_action(
        PlannedAction("Tournée des MSP", Mission.PROMOTION, date(2024, 11, 1), date(2024, 11, 30))
    )
    service.planning.save_note(
        JournalNote(VISITED, NoteTag.SUCCESS, "bon accueil  à la MSP" if apart else "Bon accueil à la MSP")
    )
    service.planning.save_pertinence("À généraliser" if apart else "À renouveler")
    service.indicators.save_reading(PHONED, 120)


def live(laptop: Laptop | CarnetService, table: str) -> int:
    db = laptop.db if isinstance(laptop, Laptop) else laptop.carnet.db
    return int(db.execute(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL").fetchone()[0])


def figures(service: CarnetService) -> dict[str, Any]:
    """What the carnet's documents count: the bilan's justifications, the indicators."""
    bilan, _ = service.bilan.bilan()
    return {
        "justifications": service.bilan.justifications(bilan),
        "indicators": [(i.title, i.current_text, i.status_text) for i in service.indicators.all()],
        "key figures": service.planning.key_figures(),
    }


def test_records_typed_on_both_laptops_are_kept_once(binome: Binome) -> None:
    a = binome.first()
    typed(a.service, apart=False)
    a.sync()
    path = binome.tmp_path / "b.ambassadeur"
    b_service = set_up(path, "Dr Marie Durand")
    typed(b_service, apart=True, visits=3)  # a third genuine visit that day, typed only here
    b_service.close()
    once = set_up(binome.tmp_path / "une-fois.ambassadeur")  # what was done, typed once
    typed(once, apart=False, visits=3)

    _, report = join(binome.folder, path, PHRASE, FAST, merge=True)
    assert report.merged is not None
    matched = report.merged.matched
    assert {table: matched.get(table) for table in COUNTED} == {
        "contacts": 3,  # the call, and two visits paired one to one
        "contact_professionals": 2,
        "solicitations": 1,
        "account_events": 1,
        "surveys": 1,
        "survey_responses": 3,  # two forms with the same answers: each paired once
        "planned_actions": 1,
        "journal_notes": 1,
        "rex_texts": 1,
        "professional_structures": 1,
        "user_readings": 1,
    }
    assert matched["ambassadors"] == 2  # « Dr Marie Durand » is Marie Durand
    assert matched["professionals"] == 2  # Roux by RPPS, « Fontaine Dr Claire » by name
    text = " ".join(merge_lines(report.merged))
    assert (
        "contacts : 3, personnes des contacts : 2, sollicitation : 1, opération sur un compte Parceo : 1"
    ) in text
    assert "réponses aux questionnaires : 3" in text
    assert "ambassadeurs : 2" in text

    b = Laptop(open_service(path, today=lambda: TODAY))
    binome.laptops.append(b)
    everyone_syncs([a, b], rounds=2)
    assert contents(a) == contents(b)
    # The call's time, typed on both: one « doublon » to choose, not a link to each copy.
    listed = b.sync_service.conflicts()
    assert not [c for c in listed if c.column == "time_entry_id"]
    (twice,) = [c for c in listed if c.kind == "doublon"]
    b.sync_service.keep(twice.id, "actuelle")  # one entry: the copy goes
    everyone_syncs([a, b], rounds=2)
    for table in COUNTED:
        assert live(a, table) == live(once, table), table
    assert live(a, "contacts") == 4
    expected = figures(once)
    for laptop in (a, b):
        assert figures(laptop.service) == expected
        assert laptop.service.register.contacts(laptop.service.register.contact_ids()).keys() == set(
            laptop.service.register.contact_ids()
        )
    # What differed on a record both held is listed, nothing lost.
    conflicts = {(c.kind, c.table, c.column): c for c in b.sync_service.conflicts()}
    assert conflicts["champ", "rex_texts", "text"].set_aside == "À généraliser"
    # Named by its heading in the REX document, not by its key in the carnet.
    assert conflicts["champ", "rex_texts", "text"].description.startswith(
        f"La fiche « {PERTINENCE_HEADING} » (texte du retour d'expérience) : le champ"
    )
    assert conflicts["champ", "solicitations", "received_at"].set_aside == "2024-11-05T10:05"
    once.close()


def test_titles_before_a_name_are_not_part_of_it() -> None:
    plain = person_name("Claire Fontaine")
    for typed_name in (
        "Dr Claire Fontaine",
        "Dr. Claire Fontaine",
        "Docteur Claire Fontaine",
        "Pr Claire Fontaine",
        "Professeur Claire Fontaine",
        "Mme Claire Fontaine",
        "Madame Claire  FONTAINE",
        "M. Claire Fontaine",
        "M Claire Fontaine",
        "Mr Claire Fontaine",
    ):
        assert person_name(typed_name) == plain, typed_name
    # A professional's folded name is « last first »: a title typed in the first name.
    assert person_name("fontaine dr claire") == person_name("fontaine claire")
    assert person_name("Claire M Fontaine") != plain  # a lone M elsewhere may be an initial
    assert person_name("Claire Fontaine-Dumas") != plain
    assert person_name("Dr") == ""  # a title alone is no name: never matched


def test_a_title_typed_before_a_name_still_matches_on_both_sides(binome: Binome) -> None:
    a = binome.first()
    a.service.register.save_professional(Professional("Fontaine", "Claire", "G15-10", commune="Toul"))
    a.service.register.save_professional(Professional("Dr Petit", "Jean", "G15-10", commune="Toul"))
    a.sync()
    path = binome.tmp_path / "b.ambassadeur"
    b_service = set_up(path, "Docteur Marie Durand")
    b_service.register.save_professional(Professional("Fontaine", "Docteur Claire", "G15-10", commune="TOUL"))
    b_service.register.save_professional(Professional("Petit", "Jean", "G15-10", commune="Toul"))
    b_service.register.save_professional(Professional("Fontaine", "Claire", "G15-10", commune="Nancy"))
    b_service.close()
    _, report = join(binome.folder, path, PHRASE, FAST, merge=True)
    assert report.merged is not None
    assert report.merged.matched["professionals"] == 2
    assert report.merged.matched["ambassadors"] == 2
    a.sync()
    names = a.db.execute(
        "SELECT last_name, first_name, commune FROM professionals ORDER BY last_name, commune"
    ).fetchall()
    assert [tuple(row) for row in names] == [
        ("Dr Petit", "Jean", "Toul"),  # the shared spelling wins, the other is in the conflicts
        ("Fontaine", "Claire", "Nancy"),  # another commune: another person
        ("Fontaine", "Claire", "Toul"),
    ]
    assert sorted(x.name for x in a.service.ambassadors()) == ["Marie Durand", "Paul Martin"]


def test_a_person_erased_before_the_merge_is_said(binome: Binome) -> None:
    a = binome.first()
    a.service.register.save_professional(Professional("Roux", "Anne", "G15-10", rpps=RPPS))
    a.sync()
    path = binome.tmp_path / "b.ambassadeur"
    b_service = set_up(path)
    erased = b_service.register.save_professional(Professional("Roux", "Anne", "G15-10", rpps=RPPS))
    b_service.register.save_professional(Professional("Leroy", "Luc", "G15-10"))
    b_service.register.erase_professional(erased, wait=0)
    b_service.close()

    _, report = join(binome.folder, path, PHRASE, FAST, merge=True)
    assert report.merged is not None
    assert report.merged.erased == 1
    assert "professionals" not in report.merged.matched  # no identity left to recognise her by
    text = "\n".join(report_lines(report))
    assert "1 personne effacée de ce carnet avant la fusion" in text
    assert "effacez-la à nouveau (« Effacer la personne… ») : l'effacement atteindra les deux" in text
    a.sync()
    # The shared carnet still holds her: what the summary tells the user to check.
    assert a.db.execute("SELECT count(*) FROM professionals WHERE rpps = ?", [RPPS]).fetchone()[0] == 1

    # Nothing erased: nothing said.
    other = binome.tmp_path / "c.ambassadeur"
    set_up(other).close()
    _, report = join(binome.folder, other, PHRASE, FAST, merge=True)
    assert report.merged is not None
    assert report.merged.erased == 0
    assert "effacée" not in "\n".join(report_lines(report))


def test_the_summary_counts_the_conflicts_that_are_listed(binome: Binome) -> None:
    """Two demo carnets merged: entries typed on both in months closed on both are listed as
    duplicates, never set aside by the other laptop's closing (each closing signed its own:
    tests/sync/test_both_closed.py); the summary counts what is listed."""
    from ambassadeur_app.demo import build_demo

    a_path, b_path = binome.tmp_path / "a.ambassadeur", binome.tmp_path / "b.ambassadeur"
    for path in (a_path, b_path):
        with open_service(path, create=True) as service:
            build_demo(service)
    a = Laptop(open_service(a_path))
    binome.laptops.append(a)
    a.sync_service.share(binome.folder, PHRASE, FAST)
    _, report = join(binome.folder, b_path, PHRASE, FAST, merge=True)
    b = Laptop(open_service(b_path))
    binome.laptops.append(b)
    listed = b.sync_service.conflicts()
    kinds = {c.kind for c in listed}
    assert "doublon" in kinds
    assert "mois_clos" not in kinds
    assert report.conflicts == len(listed)
    assert f"{len(listed)} nouveaux conflits à vérifier" in "\n".join(report_lines(report))
    assert report.merged is not None
    assert report.merged.matched["contacts"] > 10  # the demo's contacts, typed on both
    # The first laptop's sync says what it lists too.
    sync_report = a.sync()
    assert sync_report.conflicts == len(a.sync_service.conflicts())
    assert sync_report.conflicts > 0


def test_attachments_follow_the_records_matched(binome: Binome) -> None:
    """A quote attached to an expense typed on both laptops: once, and attached to the one
    expense kept (its owner's id followed the match)."""
    from tests.unit.test_expenses import expense, pdf

    def typed_expense(service: CarnetService) -> None:
        expense_id = service.expenses.save_expense(expense())
        service.expenses.attach(expense_id, pdf(binome.tmp_path))

    a = binome.first()
    typed_expense(a.service)
    a.sync()
    path = binome.tmp_path / "b.ambassadeur"
    b_service = set_up(path)
    typed_expense(b_service)
    b_service.close()
    _, report = join(binome.folder, path, PHRASE, FAST, merge=True)
    assert report.merged is not None
    assert report.merged.matched["attachments"] == 1
    a.sync()
    for laptop in (a, Laptop(open_service(path, today=lambda: TODAY))):
        (expense_id,) = laptop.service.expenses.expense_ids()
        assert len(laptop.service.expenses.attachments_of(expense_id)) == 1
        orphans = laptop.db.execute(
            "SELECT count(*) FROM attachments WHERE owner_id NOT IN (SELECT id FROM expenses)"
        ).fetchone()[0]
        assert orphans == 0
        if laptop is not a:
            laptop.close()


def test_the_summary_names_every_kind_of_record_in_french() -> None:
    from ambassadeur_app.sync.merge import MATCHED, Merged

    tables = [table for table, _, _ in MATCHED]
    for count in (1, 2):
        (_, line) = merge_lines(Merged(records=9, matched=dict.fromkeys(tables, count)))
        found = line[line.index("(") + 1 : line.index(") ;")].split(", ")
        assert len(found) == len(tables)
        for text in found:
            name, number = text.rsplit(" : ", 1)
            assert number == str(count)
            assert "_" not in name  # never a table's name

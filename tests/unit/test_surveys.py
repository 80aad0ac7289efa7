"""Satisfaction questionnaires: the rules (scales, validation, results, NPS), the storage, the
service (templates, surveys of events, diffusions of the questionnaire on the tool), the
printable PDF and the command ``questionnaire``."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest
from pypdf import PdfReader

from ambassadeur_app.domain.events import Event, EventKind, EventStatus, Session
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.register import Professional
from ambassadeur_app.domain.surveys import (
    AGREEMENT_LEVELS,
    SATISFACTION_LEVELS,
    TEMPLATE_KEYS,
    TOOL_KEY,
    DiffusionChannel,
    Question,
    QuestionKind,
    Response,
    SurveyTemplate,
    compute_results,
    default_template,
    net_promoter_score,
    parse_level,
    results_text,
    validate_response,
    validate_template,
)
from ambassadeur_app.errors import AppError, InvalidInput
from ambassadeur_app.services import CarnetService, open_service
from tests.conftest import TODAY
from tests.unit.test_cli import run

QUESTIONS = (
    Question("Globalement, êtes-vous satisfait(e) ?", QuestionKind.SATISFACTION),
    Question("Le contenu était clair.", QuestionKind.AGREEMENT),
    Question("Recommanderiez-vous cet atelier ?", QuestionKind.RECOMMENDATION),
    Question("Vos commentaires", QuestionKind.COMMENT),
)


def held_event(service: CarnetService, present: int = 4, kind: EventKind = EventKind.WORKSHOP) -> str:
    """Save a held event with ``present`` participants; return its id."""
    mission = Mission.FORMATION if kind is EventKind.TRAINING else Mission.PROMOTION
    module_id = None
    if kind is EventKind.TRAINING:
        from ambassadeur_app.domain.events import TrainingModule

        module_id = service.events.save_module(TrainingModule("Prendre en main Parceo", 120))
    event_id = service.events.save_event(
        Event(
            kind,
            mission,
            "Atelier Parceo du Lunévillois",
            (Session(date(2024, 10, 8), time(19, 0), time(21, 0)),),
            place="Lunéville, salle des fêtes",
            status=EventStatus.DONE,
            module_id=module_id,
        )
    )
    for index in range(present):
        person = service.register.save_professional(
            Professional(f"Nom{chr(65 + index)}", "Claire", "G15-60", commune="Lunéville")
        )
        service.events.record_attendance(event_id, person)
    return event_id


# --- domain -----------------------------------------------------------------------------------


@pytest.mark.parametrize("key", TEMPLATE_KEYS)
def test_every_default_template_has_scales_a_recommendation_and_a_comment(key: str) -> None:
    template = validate_template(default_template(key))
    kinds = [q.kind for q in template.questions]
    assert 5 <= sum(kind.is_scale for kind in kinds) <= 8
    assert kinds.count(QuestionKind.RECOMMENDATION) == 1
    assert kinds[-1] is QuestionKind.COMMENT
    reco = next(q for q in template.questions if q.kind is QuestionKind.RECOMMENDATION)
    assert reco.text.startswith("Recommanderiez-vous")
    assert len({q.text for q in template.questions}) == len(kinds)


def test_scales_have_four_levels_without_a_neutral_point() -> None:
    assert QuestionKind.SATISFACTION.levels == SATISFACTION_LEVELS
    assert QuestionKind.AGREEMENT.levels == AGREEMENT_LEVELS
    for levels in (SATISFACTION_LEVELS, AGREEMENT_LEVELS):
        assert len(levels) == 4
    assert QuestionKind.RECOMMENDATION.levels == tuple(str(n) for n in range(11))
    assert QuestionKind.COMMENT.levels == ()


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        (
            (5, 3, 9, None),
            "Questionnaire n° 7, question 1 (« Globalement, êtes-vous satisfait(e) ? ») : réponse « 5 » "
            "hors échelle (de 1 à 4).",
        ),
        ((0, 3, 9, None), "question 1 (« Globalement"),
        (
            (4, 3, 11, None),
            "question 3 (« Recommanderiez-vous cet atelier ? ») : réponse « 11 » hors échelle (de 0 à 10)",
        ),
        ((4, 3, -1, None), "réponse « -1 » hors échelle (de 0 à 10)"),
        ((4, "3", 9, None), "question 2"),
        ((4, True, 9, None), "question 2"),
        ((4, 3, 9, 12), "question 4 (« Vos commentaires ») : un commentaire est un texte"),
        ((4, 3, 9), "Questionnaire n° 7 : 3 réponses pour 4 questions."),
        ((4, 3, 9, "x" * 2001), "commentaire trop long"),
    ],
)
def test_an_answer_out_of_scale_is_refused_naming_the_form_and_question(
    answers: tuple[object, ...], message: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_response(QUESTIONS, Response("s", 7, answers))  # type: ignore[arg-type]
    assert message in caught.value.message


def test_a_valid_response_is_cleaned() -> None:
    checked = validate_response(QUESTIONS, Response("s", 1, (1, 4, 0, "  Très bien  ")))
    assert checked.answers == (1, 4, 0, "Très bien")
    blank = validate_response(QUESTIONS, Response("s", 1, (None, None, 10, "   ")))
    assert blank.answers == (None, None, 10, None)
    with pytest.raises(InvalidInput, match="Numéro de questionnaire invalide"):
        validate_response(QUESTIONS, Response("s", 0, (1, 1, 1, None)))


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([], None),
        ([10], 100),
        ([0], -100),
        ([7, 8], 0),  # passives only
        ([9, 6], 0),
        ([10, 10, 9, 8, 7, 6, 0, 3], 0),  # 3 promoters, 3 detractors
        ([10, 9, 9, 8, 8, 8, 8, 8], 38),  # 3/8 = 37,5 % rounds away from zero
        ([0, 1, 2, 8, 8, 8, 8, 8], -38),
        ([9, 8, 8], 33),
        ([9, 9, 8], 67),
    ],
)
def test_net_promoter_score(scores: list[int], expected: int | None) -> None:
    assert net_promoter_score(scores) == expected


def test_results_equal_a_hand_computation() -> None:
    rows = [
        (4, 3, 10, "Très clair"),
        (3, 3, 9, None),
        (2, None, 6, "Trop long"),
        (None, 4, None, None),
        (4, 1, 8, None),
    ]
    results = compute_results(QUESTIONS, rows, expected=8)
    assert results.responses == 5
    assert results.expected == 8
    assert results.response_rate == 5 / 8
    first, second, reco, comment = results.questions
    assert first.distribution == (0, 1, 1, 2)
    assert first.answered == 4
    assert first.mean == (4 + 3 + 2 + 4) / 4
    assert second.distribution == (1, 0, 2, 1)
    assert second.answered == 4
    assert second.mean == (3 + 3 + 4 + 1) / 4
    assert reco.distribution == (0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1)
    assert reco.answered == 4
    assert reco.mean == (10 + 9 + 6 + 8) / 4
    assert results.nps == 25  # 2 promoters, 1 detractor of 4
    assert comment.answered == 2
    assert comment.distribution == ()
    assert comment.mean is None
    assert results.comments == ["Très clair", "Trop long"]
    # The satisfaction question's answers only: the agreement question's (mean 2,75) are not in it.
    assert results.mean_satisfaction == (4 + 3 + 2 + 4) / 4
    assert results.warning is None
    text = results_text(results)
    assert "Réponses : 5 sur 8 (62\u00a0%)" in text  # 62,5 % shown rounded
    assert "Score de recommandation (NPS) : +25" in text
    assert "Satisfaction moyenne : 3,2 sur 4" in text  # 3,25
    assert "— Trop long" in text


def test_results_without_responses_or_participants() -> None:
    results = compute_results(QUESTIONS, [], expected=0)
    assert (results.responses, results.response_rate, results.nps, results.mean_satisfaction) == (
        0,
        None,
        None,
        None,
    )
    assert all(q.mean is None and q.answered == 0 for q in results.questions)
    assert results.questions[0].distribution == (0, 0, 0, 0)


def test_more_answers_than_participants_are_flagged() -> None:
    unknown = compute_results(QUESTIONS, [(4, 4, 10, None)], expected=0)
    assert unknown.warning == "taux de réponse inconnu : aucun participant présent ou destinataire noté"
    assert f"(attention, {unknown.warning})" in results_text(unknown)
    too_many = compute_results(QUESTIONS, [(4, 4, 10, None)] * 3, expected=2)
    assert too_many.warning is not None
    assert too_many.warning.startswith("plus de réponses (3) que de participants présents")
    assert too_many.warning in results_text(too_many)
    assert compute_results(QUESTIONS, [(4, 4, 10, None)] * 2, expected=2).warning is None


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Tout à fait satisfait", QuestionKind.SATISFACTION, 4),
        ("plutot satisfaite", QuestionKind.SATISFACTION, 3),
        ("PAS DU TOUT SATISFAIT(E)", QuestionKind.SATISFACTION, 1),
        ("Plutôt pas d'accord", QuestionKind.AGREEMENT, 2),
        ("Plutôt pas d’accord", QuestionKind.AGREEMENT, 2),
        ("3", QuestionKind.AGREEMENT, 3),
        ("10", QuestionKind.RECOMMENDATION, 10),
        ("Tout à fait satisfait", QuestionKind.AGREEMENT, None),
        ("bof", QuestionKind.SATISFACTION, None),
    ],
)
def test_levels_are_read_from_labels_or_numbers(text: str, kind: QuestionKind, value: int | None) -> None:
    assert parse_level(Question("Q", kind), text) == value


def test_template_validation() -> None:
    with pytest.raises(InvalidInput, match="au moins une question"):
        validate_template(SurveyTemplate("atelier", ()))
    with pytest.raises(InvalidInput, match="La question 2 n'a pas de texte"):
        validate_template(SurveyTemplate("atelier", (QUESTIONS[0], Question("  ", QuestionKind.AGREEMENT))))
    with pytest.raises(InvalidInput, match="Modèle de questionnaire inconnu"):
        validate_template(SurveyTemplate("pique-nique", QUESTIONS))
    cleaned = validate_template(
        SurveyTemplate(TOOL_KEY, (Question("  Parceo   est utile ", QuestionKind.AGREEMENT),))
    )
    assert cleaned.questions[0].text == "Parceo est utile"


# --- storage and service ----------------------------------------------------------------------


def test_responses_round_trip_through_the_file(service: CarnetService, carnet_path: Path) -> None:
    event_id = held_event(service, present=3)
    survey_id = service.surveys.survey_for_event(event_id)
    assert service.surveys.survey_for_event(event_id) == survey_id  # one survey per event
    first = service.surveys.add_response(survey_id, [4, 3, 3, 4, 2, 3, 10, "Très bien, « merci » !"])
    service.surveys.add_response(survey_id, [3, None, None, None, None, None, 0, None])
    service.close()
    again = open_service(carnet_path, today=lambda: TODAY)
    responses = again.surveys.responses(survey_id)
    assert [(r.number, r.answers) for r in responses] == [
        (1, (4, 3, 3, 4, 2, 3, 10, "Très bien, « merci » !")),
        (2, (3, None, None, None, None, None, 0, None)),
    ]
    assert responses[0].id == first
    stored = (
        sqlite3.connect(carnet_path)
        .execute(
            "SELECT answers, device_id, created_at, deleted_at FROM survey_responses WHERE id = ?", [first]
        )
        .fetchone()
    )
    assert stored[0] == '[4,3,3,4,2,3,10,"Très bien, « merci » !"]'  # compact
    assert stored[1]
    assert stored[2]
    assert stored[3] is None
    results = again.surveys.results_for_event(event_id)
    assert results is not None
    assert (results.responses, results.expected, results.response_rate) == (2, 3, 2 / 3)
    assert results.nps == 0  # one promoter, one detractor
    again.close()


def test_an_event_without_survey_has_no_results(service: CarnetService) -> None:
    event_id = held_event(service, present=0)
    assert service.surveys.results_for_event(event_id) is None
    assert service.surveys.survey_of_event(event_id) is None


def test_editing_a_template_never_changes_past_surveys(service: CarnetService) -> None:
    surveys = service.surveys
    past = surveys.survey_for_event(held_event(service))
    surveys.add_response(past, [4, 4, 4, 4, 4, 4, 9, None])
    before = surveys.survey(past).questions
    edited = (
        Question("Le café était bon.", QuestionKind.AGREEMENT),
        Question("Un mot ?", QuestionKind.COMMENT),
    )
    surveys.save_template(SurveyTemplate("atelier", edited))
    assert surveys.template("atelier").questions == edited
    assert not surveys.is_default("atelier")
    assert surveys.survey(past).questions == before
    assert surveys.results(past).questions[0].distribution == (0, 0, 0, 1)
    with pytest.raises(InvalidInput, match="déjà des réponses"):
        surveys.refresh_questions(past)
    later = surveys.survey_for_event(held_event(service))
    assert surveys.survey(later).questions == edited
    surveys.reset_template("atelier")
    assert surveys.template("atelier") == default_template("atelier")
    surveys.refresh_questions(later)  # no response yet: takes the template again
    assert surveys.survey(later).questions == default_template("atelier").questions


def test_forms_are_saved_as_typed_and_deleted_when_cleared(service: CarnetService) -> None:
    surveys = service.surveys
    survey_id = surveys.survey_for_event(held_event(service))
    blank = [None] * 8
    response_id = surveys.save_form(survey_id, 1, [3, *blank[1:]])
    assert surveys.save_form(survey_id, 1, [3, 2, *blank[2:]], response_id) == response_id
    assert surveys.responses(survey_id)[0].answers[:2] == (3, 2)
    with pytest.raises(InvalidInput, match="Questionnaire n° 1, question 2"):
        surveys.save_form(survey_id, 1, [3, 7, *blank[2:]], response_id)
    assert surveys.save_form(survey_id, 1, blank, response_id) == ""
    assert surveys.responses(survey_id) == []
    assert surveys.next_number(survey_id) == 1


def test_tool_questionnaire_diffusions(service: CarnetService) -> None:
    surveys = service.surveys
    assert surveys.tool_survey_ids() == []
    late = surveys.save_diffusion(date(2024, 11, 4), DiffusionChannel.NEWSLETTER, 200, "Lettre de la CPTS")
    early = surveys.save_diffusion(date(2024, 10, 2), DiffusionChannel.EMAIL, 40, " Médecins  du territoire ")
    assert surveys.tool_survey_ids() == [early, late]
    survey = surveys.survey(early)
    assert survey.key == TOOL_KEY
    assert survey.event_id is None
    assert survey.questions == default_template(TOOL_KEY).questions
    assert survey.recipients_text == "Médecins du territoire"
    for answers in ([4, 4, 3, 3, 4, 4, 10, None], [2, 2, 1, 2, 1, 3, 5, "Trop de clics"]):
        surveys.add_response(early, answers)
    results = surveys.results(early)
    assert (results.responses, results.expected, results.response_rate) == (2, 40, 0.05)
    assert results.comments == ["Trop de clics"]
    surveys.save_diffusion(date(2024, 10, 3), DiffusionChannel.EMAIL, 50, survey_id=early)
    assert surveys.results(early).expected == 50
    with pytest.raises(InvalidInput, match="destinataires"):
        surveys.save_diffusion(date(2024, 10, 3), DiffusionChannel.EMAIL, -1)
    surveys.delete_diffusion(late)
    assert surveys.tool_survey_ids() == [early]
    with pytest.raises(AppError, match="n'existe plus"):
        surveys.survey(late)
    event_survey = surveys.survey_for_event(held_event(service))
    with pytest.raises(InvalidInput, match="celui d'un événement"):
        surveys.delete_diffusion(event_survey)


def test_the_survey_of_a_training_session_uses_its_template(service: CarnetService) -> None:
    survey_id = service.surveys.survey_for_event(held_event(service, 0, EventKind.TRAINING))
    assert service.surveys.survey(survey_id).questions == default_template("formation").questions
    assert "cette formation" in service.surveys.survey(survey_id).questions[0].text


# --- document and command ---------------------------------------------------------------------


def test_the_printed_questionnaire_shows_every_question_on_one_page(
    service: CarnetService, tmp_path: Path
) -> None:
    event_id = held_event(service)
    survey_id = service.surveys.survey_for_event(event_id)
    out = service.surveys.write_questionnaire(survey_id, tmp_path / "questionnaire.pdf")
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    for question in default_template("atelier").questions:
        assert " ".join(question.text.split()) in text
    for label in (*SATISFACTION_LEVELS, *AGREEMENT_LEVELS):
        assert label in text
    for expected in (
        "CPTS Test du Lunévillois",
        "Atelier Parceo du Lunévillois",
        "08/10/2024 19:00–21:00",
        "Lunéville, salle des fêtes",
        "Fonds d'intervention régional",
        "0 1 2 3 4 5 6 7 8 9 10",
    ):
        assert expected in text
    assert not list(tmp_path.glob("*.part"))


def test_a_long_template_runs_over_pages(service: CarnetService, tmp_path: Path) -> None:
    questions = tuple(
        Question(f"Question numéro {n} sur Parceo.", QuestionKind.AGREEMENT) for n in range(1, 19)
    )
    service.surveys.save_template(
        SurveyTemplate("atelier", (*questions, Question("Commentaire", QuestionKind.COMMENT)))
    )
    survey_id = service.surveys.survey_for_event(held_event(service, 0))
    reader = PdfReader(service.surveys.write_questionnaire(survey_id, tmp_path / "long.pdf"))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Question numéro 18 sur Parceo." in text
    assert "Commentaire" in text
    assert f"Page {len(reader.pages)} sur {len(reader.pages)}" in text


def test_questionnaire_command(
    service: CarnetService, carnet_path: Path, tmp_path: Path, private_home: Path
) -> None:
    event_id = held_event(service, 0)
    service.close()
    out = tmp_path / "q.pdf"
    done = run("--carnet", carnet_path, "questionnaire", event_id[:8], "--sortie", out, home=private_home)
    assert done.returncode == 0, done.stderr
    assert "Questionnaire de « Atelier Parceo du Lunévillois » écrit" in done.stdout
    assert "Recommanderiez-vous cet atelier" in PdfReader(out).pages[0].extract_text()
    with sqlite3.connect(carnet_path) as db:  # printing writes nothing: a read-only carnet prints too
        assert db.execute("SELECT COUNT(*) FROM surveys").fetchone()[0] == 0
    unknown = run("--carnet", carnet_path, "questionnaire", "zzzzzz", "--sortie", out, home=private_home)
    assert unknown.returncode == 1
    assert unknown.stderr.startswith("erreur : Aucun événement n'a l'identifiant « zzzzzz »")
    usage = run("--carnet", carnet_path, "questionnaire", event_id[:8], home=private_home)
    assert usage.returncode == 2


def test_the_survey_of_a_deleted_event_is_refused(service: CarnetService) -> None:
    event_id = held_event(service, 0)
    service.events.delete_event(event_id)
    with pytest.raises(AppError, match="n'existe plus"):
        service.surveys.survey_for_event(event_id)


def test_keys_and_replace_keep_answers_typed(service: CarnetService) -> None:
    survey_id = service.surveys.survey_for_event(held_event(service, 1))
    response_id = service.surveys.add_response(survey_id, [1, 1, 1, 1, 1, 1, 1, None], number=12)
    stored = service.surveys.responses(survey_id)[0]
    service.surveys.update_response(replace(stored, answers=(4, 4, 4, 4, 4, 4, 10, "ok")))
    assert service.surveys.responses(survey_id)[0].answers == (4, 4, 4, 4, 4, 4, 10, "ok")
    assert service.surveys.next_number(survey_id) == 13
    service.surveys.delete_response(response_id)
    assert service.surveys.responses(survey_id) == []


# --- demo -------------------------------------------------------------------------------------


def _demo_answers(path: Path, today: date) -> list[tuple[str, list[tuple[object, ...]]]]:
    """Build the demo on ``today``; return each survey's key and answers."""
    from ambassadeur_app.demo import build_demo

    with open_service(path, create=True, today=lambda: today) as service:
        build_demo(service)
        surveys = service.surveys
        found = [surveys.survey_of_event(e) for e in service.events.event_ids()]
        ids = [survey_id for survey_id in found if survey_id] + surveys.tool_survey_ids()
        return [(surveys.survey(i).key, [r.answers for r in surveys.responses(i)]) for i in ids]


@pytest.mark.parametrize("today", [date(2026, 2, 27), date(2027, 1, 1)])
def test_demo_questionnaires_are_realistic_and_deterministic(tmp_path: Path, today: date) -> None:
    first = _demo_answers(tmp_path / "a.ambassadeur", today)
    assert first == _demo_answers(tmp_path / "b.ambassadeur", today)
    assert [key for key, _ in first].count("outil") == 1
    assert len(first) == 6  # the five events held and the diffusion
    with open_service(tmp_path / "a.ambassadeur", today=lambda: today) as service:
        surveys = service.surveys
        for event_id in service.events.event_ids():  # every event held has answers
            results = surveys.results_for_event(event_id)
            assert results is not None
            assert 0 < results.responses <= results.expected
            assert results.response_rate is not None
            assert results.response_rate >= 0.5
            assert results.mean_satisfaction is not None
            assert 2.5 <= results.mean_satisfaction <= 3.8
            assert results.nps is not None
            assert -20 <= results.nps <= 80
        [diffusion] = surveys.tool_survey_ids()
        survey = surveys.survey(diffusion)
        assert survey.diffused_on is not None
        assert survey.diffused_on < today
        assert survey.channel is DiffusionChannel.EMAIL
        tool = surveys.results(diffusion)
        assert tool.expected == survey.recipients == len(service.register.professional_ids())
        assert 0 < tool.responses < tool.expected
        assert tool.comments


@pytest.mark.parametrize("key", TEMPLATE_KEYS)
def test_every_default_questionnaire_fits_one_page(service: CarnetService, tmp_path: Path, key: str) -> None:
    surveys = service.surveys
    if key == TOOL_KEY:
        survey_id = surveys.save_diffusion(date(2024, 11, 4), DiffusionChannel.EMAIL, 90)
    else:
        survey_id = surveys.survey_for_event(held_event(service, 0, EventKind(key)))
    reader = PdfReader(surveys.write_questionnaire(survey_id, tmp_path / f"{key}.pdf"))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert all(" ".join(q.text.split()) in text for q in default_template(key).questions)
    assert ("Diffusé le 04/11/2024" in text) == (key == TOOL_KEY)

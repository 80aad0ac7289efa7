"""The demonstration's satisfaction questionnaires: the paper forms handed back after each event
held (most participants answer, mostly satisfied, a few not), and one diffusion of the
questionnaire on the tool by e-mail to the register's professionals, with its answers.

The answers come from their own random generator: the same demo every time, whatever the other
parts of the demo draw.
"""

from __future__ import annotations

import random
from datetime import date

from ambassadeur_app.demo.entries import SEED, workdays
from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.events import EventStatus
from ambassadeur_app.domain.surveys import Answer, DiffusionChannel, QuestionKind, Survey
from ambassadeur_app.services import CarnetService

# Each person's mood: the level their answers gather around, and their recommendation scores.
_MOODS = ((4, range(9, 11)), (3, range(7, 10)), (3, range(5, 9)), (2, range(2, 7)))
_MOOD_WEIGHTS = (35, 45, 15, 5)
_COMMENTS = {
    "atelier": (
        "Présentation claire, merci. J'aimerais une démonstration sur mon propre poste.",
        "Très utile pour comprendre l'intérêt pour les sorties d'hospitalisation.",
        "Un peu tard en soirée après les consultations.",
        "Je vais m'inscrire à la formation sur la messagerie.",
    ),
    "groupe_travail": (
        "Enfin un échange direct avec le service des admissions.",
        "Il faudrait associer le médecin coordonnateur de l'EHPAD.",
        "Des décisions concrètes, à suivre au prochain groupe.",
    ),
    "formation": (
        "Formation concrète, exercices sur des cas réels appréciés.",
        "Trop court pour tout voir, une deuxième séance serait utile.",
        "Le formateur a pris le temps de répondre à toutes les questions.",
        "Support de formation à recevoir par e-mail svp.",
    ),
    "outil": (
        "La messagerie fonctionne bien, l'annuaire est à compléter.",
        "Trop de clics pour envoyer un document au DAC.",
        "L'application mobile serait un vrai plus.",
        "Merci aux ambassadeurs pour leur disponibilité.",
        "Je ne l'utilise pas encore, mes correspondants n'y sont pas.",
    ),
}


def _answers(rng: random.Random, survey: Survey) -> list[Answer]:
    """Return one person's answers to a survey, consistent with one mood."""
    level, scores = rng.choices(_MOODS, _MOOD_WEIGHTS)[0]
    comments = _COMMENTS.get(survey.key, _COMMENTS["atelier"])
    answers: list[Answer] = []
    for question in survey.questions:
        if question.kind is QuestionKind.RECOMMENDATION:
            answers.append(rng.choice(scores))
        elif question.kind is QuestionKind.COMMENT:
            answers.append(rng.choice(comments) if rng.random() < 0.3 else None)
        elif rng.random() < 0.04:  # a line left blank on the paper
            answers.append(None)
        else:
            answers.append(min(4, max(1, level + rng.choice((-1, 0, 0, 0, 1)))))
    return answers


def build_surveys(service: CarnetService, months: list[Month], today: date) -> None:
    """Add the questionnaire answers of the events held and a diffusion of the tool's one."""
    rng = random.Random(SEED * 1000 + 9)
    events = service.events
    surveys = service.surveys
    held = events.event_ids(status=EventStatus.DONE)
    counts = events.counts(held)
    for event_id in held:
        survey_id = surveys.survey_for_event(event_id)
        survey = surveys.survey(survey_id)
        present = counts[event_id][1]
        answered = max(1, round(present * rng.uniform(0.7, 0.95)))
        for _ in range(answered):
            surveys.add_response(survey_id, _answers(rng, survey))
    register = service.register
    recipients = len(register.professional_ids())
    sent = workdays(months[4], today)[5]
    diffusion = surveys.save_diffusion(
        sent,
        DiffusionChannel.EMAIL,
        recipients,
        "Professionnels du registre de la CPTS (liste de diffusion)",
    )
    survey = surveys.survey(diffusion)
    for _ in range(round(recipients * 0.22)):
        surveys.add_response(diffusion, _answers(rng, survey))

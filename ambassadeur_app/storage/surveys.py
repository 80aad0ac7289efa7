"""Satisfaction questionnaires: the templates edited by the user, the surveys given and their
responses.

Questions and answers are held in JSON columns: a survey's questions are read and written with
it, and a response (one paper form) is one record. A response written by an import that was
undone no longer counts, whichever command undid the import.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

# The surveys' own module (templates, answers, results) is imported where its records are made:
# the tableau de bord reads surveys and counts answers without it.
from ambassadeur_app.domain.survey_forms import DiffusionChannel, Question, QuestionKind, Survey
from ambassadeur_app.storage.records import Repo

if TYPE_CHECKING:
    from ambassadeur_app.domain.surveys import Answer, Response, SurveyTemplate

_SURVEY_COLUMNS = "id, key, title, questions, event_id, diffused_on, channel, recipients, recipients_text"
# The responses that count: live, and not written by an import since undone.
_LIVE_RESPONSE = (
    "deleted_at IS NULL AND (import_id IS NULL OR import_id NOT IN "
    "(SELECT id FROM imports WHERE undone_at IS NOT NULL))"
)


def _questions_json(questions: Sequence[Question]) -> str:
    return json.dumps([[q.text, q.kind.value] for q in questions], ensure_ascii=False)


def _questions(text: str) -> tuple[Question, ...]:
    return tuple(Question(question, QuestionKind(kind)) for question, kind in json.loads(text))


class SurveyTemplateRepo(Repo):
    """The templates the user changed; a kind without a live row uses its default template."""

    table = "survey_templates"

    def get(self, key: str) -> SurveyTemplate | None:
        from ambassadeur_app.domain.surveys import SurveyTemplate

        row = self.db.execute(
            "SELECT questions FROM survey_templates WHERE key = ? AND deleted_at IS NULL "
            "ORDER BY updated_at DESC, rowid DESC LIMIT 1",
            [key],
        ).fetchone()
        return SurveyTemplate(key, _questions(row[0])) if row else None

    def _ids(self, key: str) -> list[str]:
        return [
            row[0]
            for row in self.db.execute(
                "SELECT id FROM survey_templates WHERE key = ? AND deleted_at IS NULL", [key]
            ).fetchall()
        ]

    def save(self, template: SurveyTemplate) -> None:
        """Keep a template as the one of its key (the one saved before is replaced)."""
        self.delete(self._ids(template.key))
        self._insert({"key": template.key, "questions": _questions_json(template.questions)})

    def forget(self, key: str) -> None:
        """Go back to the default template of ``key``."""
        self.delete(self._ids(key))


def _survey(row: dict[str, Any]) -> Survey:
    return Survey(
        id=row["id"],
        key=row["key"],
        title=row["title"],
        questions=_questions(row["questions"]),
        event_id=row["event_id"],
        diffused_on=date.fromisoformat(row["diffused_on"]) if row["diffused_on"] else None,
        channel=DiffusionChannel(row["channel"]) if row["channel"] else None,
        recipients=row["recipients"],
        recipients_text=row["recipients_text"],
    )


class SurveyRepo(Repo):
    table = "surveys"

    def get(self, survey_id: str) -> Survey | None:
        return next((_survey(row) for row in self._by_ids(_SURVEY_COLUMNS, [survey_id])), None)

    def is_live(self, survey_id: str) -> bool:
        row = self.db.execute("SELECT deleted_at FROM surveys WHERE id = ?", [survey_id]).fetchone()
        return row is not None and row[0] is None

    def of_event(self, event_id: str) -> str | None:
        """Return the live survey of an event (the first one made, should two laptops both have
        made one)."""
        row = self.db.execute(
            "SELECT id FROM surveys WHERE event_id = ? AND deleted_at IS NULL "
            "ORDER BY created_at, rowid LIMIT 1",
            [event_id],
        ).fetchone()
        return row[0] if row else None

    def tool_ids(self) -> list[str]:
        """Return the live diffusions of the questionnaire on the tool, by date."""
        return [
            row[0]
            for row in self.db.execute(
                "SELECT id FROM surveys WHERE event_id IS NULL AND deleted_at IS NULL "
                "ORDER BY diffused_on, created_at, rowid"
            ).fetchall()
        ]

    def add(self, survey: Survey) -> str:
        return self._insert(self._values(survey))

    def update(self, survey: Survey) -> None:
        self._update(survey.id, self._values(survey))

    @staticmethod
    def _values(survey: Survey) -> dict[str, Any]:
        return {
            "key": survey.key,
            "title": survey.title,
            "questions": _questions_json(survey.questions),
            "event_id": survey.event_id,
            "diffused_on": survey.diffused_on.isoformat() if survey.diffused_on else None,
            "channel": survey.channel.value if survey.channel else "",
            "recipients": survey.recipients,
            "recipients_text": survey.recipients_text,
        }


def _answers(text: str) -> tuple[Answer, ...]:
    return tuple(json.loads(text))


class SurveyResponseRepo(Repo):
    table = "survey_responses"

    def of_survey(self, survey_id: str) -> list[Response]:
        """Return the responses that count, by form number."""
        from ambassadeur_app.domain.surveys import Response

        return [
            Response(
                id=row["id"],
                survey_id=row["survey_id"],
                number=row["number"],
                answers=_answers(row["answers"]),
                import_id=row["import_id"],
            )
            for row in self.db.query(
                "SELECT id, survey_id, number, answers, import_id FROM survey_responses "
                f"WHERE survey_id = ? AND {_LIVE_RESPONSE} ORDER BY number, created_at, rowid",
                [survey_id],
            )
        ]

    def counts(self, survey_ids: Sequence[str]) -> dict[str, int]:
        """Return how many responses count, by survey."""
        found = dict.fromkeys(survey_ids, 0)
        for survey_id, count in self.db.execute(
            f"SELECT survey_id, COUNT(*) FROM survey_responses WHERE {_LIVE_RESPONSE} "
            f"AND survey_id IN ({', '.join('?' for _ in survey_ids) or 'NULL'}) GROUP BY survey_id",
            list(survey_ids),
        ).fetchall():
            found[survey_id] = count
        return found

    def add_many(self, responses: Sequence[Response], import_id: str | None = None) -> list[str]:
        return self._insert_many([{**self._values(r), "import_id": import_id} for r in responses])

    def update(self, response: Response) -> None:
        self._update(response.id, self._values(response))

    def by_import(self, import_id: str) -> list[str]:
        return [
            row[0]
            for row in self.db.execute(
                "SELECT id FROM survey_responses WHERE import_id = ? AND deleted_at IS NULL", [import_id]
            ).fetchall()
        ]

    @staticmethod
    def _values(response: Response) -> dict[str, Any]:
        return {
            "survey_id": response.survey_id,
            "number": response.number,
            # Compact: [4,3,null,9,"Très utile"].
            "answers": json.dumps(list(response.answers), ensure_ascii=False, separators=(",", ":")),
        }

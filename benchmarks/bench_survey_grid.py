"""Keying 50 paper questionnaires in the questionnaire's grid (one key per answer, each form
saved as it is typed), on the demo carnet: the time per form and per key.

Each run keys 50 forms of the default questionnaire on the tool (six 4-level questions and the
0–10 recommendation: seven keys, then Entrée past the comment) into a new diffusion, through
the real dialog (QTest key events on the grid). Every key saves its form: one committed write.

Floor, run in turns with the app: the same number of bare committed writes (one INSERT, then one
UPDATE per further answer, each form's answers as JSON) with the same pragmas (WAL,
synchronous=FULL), on a copy of the carnet.
Run: python benchmarks/bench_survey_grid.py
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import uuid
from datetime import date

from common import DEMO_TODAY, WORK, alternated, demo_carnet, report
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ambassadeur_app.domain.surveys import DiffusionChannel
from ambassadeur_app.gui.app import create_application
from ambassadeur_app.services import open_service

FORMS = 50
KEYS = "3434429"  # six scale answers and a recommendation of 9
REPEAT = 5


def main() -> None:
    copy = WORK / "survey-grid.ambassadeur"
    shutil.copy(demo_carnet(), copy)
    open_service(copy, today=lambda: DEMO_TODAY).close()  # brings a demo made before the surveys up to date
    floor_path = WORK / "survey-grid-floor.sqlite"
    shutil.copy(copy, floor_path)
    create_application()
    from ambassadeur_app.gui.dialogs.survey_dialog import SurveyDialog

    service = open_service(copy, today=lambda: DEMO_TODAY)
    service.backup_now()  # the day's backup is not part of keying
    dialogs: list[SurveyDialog] = []

    def before() -> None:
        survey_id = service.surveys.save_diffusion(date(2026, 1, 5), DiffusionChannel.EMAIL, 200)
        dialog = SurveyDialog(service, None, None, survey_id=survey_id)
        dialog.show()
        QApplication.processEvents()
        dialogs.append(dialog)

    def app() -> None:
        view = dialogs[-1].ui.grid_view
        for _ in range(FORMS):
            QTest.keyClicks(view, KEYS)
            QTest.keyClick(view, Qt.Key.Key_Return)

    conn = sqlite3.connect(str(floor_path), isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")

    def floor() -> None:
        for number in range(1, FORMS + 1):
            answers: list[int | None] = [None] * 8
            row_id = str(uuid.uuid4())
            for position, key in enumerate(KEYS):
                answers[position] = int(key)
                text = json.dumps(answers, separators=(",", ":"))
                conn.execute("BEGIN")
                if position == 0:
                    conn.execute(
                        "INSERT INTO survey_responses (id, survey_id, number, answers, created_at, "
                        "updated_at, device_id) VALUES (?, 'floor', ?, ?, '', '', '')",
                        [row_id, number, text],
                    )
                else:
                    conn.execute("UPDATE survey_responses SET answers = ? WHERE id = ?", [text, row_id])
                conn.execute("COMMIT")

    app_time, floor_time = alternated(app, floor, REPEAT, before=before)
    keyed = [service.surveys.results(d.survey_id).responses for d in dialogs]
    assert keyed == [FORMS] * REPEAT, keyed
    keys = FORMS * (len(KEYS) + 1)
    report(f"keying {FORMS} forms in the grid", app_time, floor_time, f"{FORMS * len(KEYS)} bare commits")
    print(
        f"per form: {app_time / FORMS * 1000:.1f} ms (floor {floor_time / FORMS * 1000:.1f} ms); "
        f"per key: {app_time / keys * 1000:.2f} ms"
    )
    for dialog in dialogs:
        dialog.close()
        dialog.deleteLater()
    QApplication.processEvents()
    dialogs.clear()
    service.close()
    conn.close()


if __name__ == "__main__":
    main()

"""Import of questionnaire answers from a spreadsheet: columns matched by header or position,
the preview of invalid lines, the undo, hostile files, and the command ``import reponses``."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from openpyxl import Workbook

from ambassadeur_app.domain.surveys import default_template
from ambassadeur_app.errors import AppError, ImportFileError, InvalidInput
from ambassadeur_app.services import CarnetService
from tests.unit.test_cli import run
from tests.unit.test_surveys import held_event

QUESTIONS = [q.text for q in default_template("atelier").questions]


def google_forms_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    """Write a CSV shaped like a Google Forms export: timestamp, e-mail, then the questions."""
    header = ["Horodateur", "Adresse e-mail", *QUESTIONS]
    lines = [",".join(f'"{cell}"' for cell in row) for row in [header, *rows]]
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


GOOD = [
    ["2024/10/09 10:01:00", "a@example.org", "Tout à fait satisfait", "Plutôt d'accord", "3", "4",
     "Plutôt pas d'accord", "Tout à fait d'accord", "10", "Très utile, merci"],
    ["2024/10/09 11:12:00", "", "Plutôt satisfait", "Plutôt d'accord", "Plutôt d'accord", "",
     "Plutôt d'accord", "Plutôt d'accord", "8", ""],
    ["2024/10/10 08:00:00", "b@example.org", "Plutôt pas satisfaite", "2", "2", "1", "1", "2", "3", ""],
]  # fmt: skip


def responses(service: CarnetService, survey_id: str) -> list[tuple[object, ...]]:
    return [r.answers for r in service.surveys.responses(survey_id)]


def test_a_forms_export_is_previewed_then_imported_then_undone(
    service: CarnetService, tmp_path: Path
) -> None:
    surveys = service.surveys
    event_id = held_event(service, present=5)
    survey_id = surveys.survey_for_event(event_id)
    surveys.add_response(survey_id, [4, 4, 4, 4, 4, 4, 9, None])  # a paper form typed before
    bad = ["2024/10/11 09:00:00", "", "Bof", "Plutôt d'accord", "5", "", "", "", "12", ""]
    path = google_forms_csv(tmp_path / "reponses.csv", [*GOOD, bad])
    preview = surveys.preview_import(survey_id, path)
    assert not preview.by_position
    assert preview.columns == dict(enumerate(QUESTIONS))
    assert [line for line, _ in preview.lines] == [2, 3, 4]
    assert preview.lines[0][1] == (4, 3, 3, 4, 2, 4, 10, "Très utile, merci")
    assert preview.lines[1][1] == (3, 3, 3, None, 3, 3, 8, None)
    assert preview.lines[2][1] == (2, 2, 2, 1, 1, 2, 3, None)
    assert preview.invalid_lines == 1
    assert [(p.line, p.column, p.value) for p in preview.problems] == [
        (5, QUESTIONS[0], "Bof"),
        (5, QUESTIONS[2], "5"),
        (5, QUESTIONS[6], "12"),
    ]
    assert "1 à 4, ou « Pas du tout satisfait »" in preview.problems[0].reason
    assert "hors échelle (de 1 à 4)" in preview.problems[1].reason
    assert preview.problems[2].reason == "réponse « 12 » hors échelle (de 0 à 10)"
    assert preview.summary() == "3 réponses à importer, 1 ligne invalide."
    assert len(responses(service, survey_id)) == 1  # a preview writes nothing
    with pytest.raises(InvalidInput, match=r"1 ligne invalide dans « reponses\.csv » : rien n'a été importé"):
        surveys.apply_import(preview)
    assert len(responses(service, survey_id)) == 1
    outcome = surveys.apply_import(preview, skip_invalid=True)
    assert (outcome.imported, outcome.skipped_invalid) == (3, 1)
    stored = surveys.responses(survey_id)
    assert [r.number for r in stored] == [1, 2, 3, 4]  # numbered after the paper forms
    assert [r.import_id for r in stored] == [None, outcome.import_id, outcome.import_id, outcome.import_id]
    record = next(r for r in service.imports() if r.id == outcome.import_id)
    assert (record.kind, record.filename, record.row_count) == ("reponses", "reponses.csv", 3)
    results = surveys.results_for_event(event_id)
    assert results is not None
    assert (results.responses, results.expected) == (4, 5)
    assert surveys.imports_of(survey_id) == [outcome.import_id]
    assert surveys.undo_import(outcome.import_id) == 3
    assert responses(service, survey_id) == [(4, 4, 4, 4, 4, 4, 9, None)]
    with pytest.raises(InvalidInput, match="déjà été annulé"):
        surveys.undo_import(outcome.import_id)


def test_an_import_undone_by_the_common_undo_no_longer_counts(service: CarnetService, tmp_path: Path) -> None:
    survey_id = service.surveys.survey_for_event(held_event(service))
    preview = service.surveys.preview_import(survey_id, google_forms_csv(tmp_path / "r.csv", GOOD))
    outcome = service.surveys.apply_import(preview)
    assert len(responses(service, survey_id)) == 3
    assert service.undo_import(outcome.import_id) == 3  # « annuler-import », whichever service it reaches
    assert responses(service, survey_id) == []


def test_columns_are_taken_by_position_when_no_header_names_a_question(
    service: CarnetService, tmp_path: Path
) -> None:
    survey_id = service.surveys.survey_for_event(held_event(service))
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Horodatage", "ID de réponse", *[f"Q{n}" for n in range(1, 9)], "Adresse IP"])
    sheet.append(["2024-10-09 10:00", 17, 4, 3, 3, 4, 2, 4, 10.0, "Bien", "10.0.0.1"])
    sheet.append(["2024-10-09 10:05", 18, 1, 1, 1, 1, 1, 1, 0, None, "10.0.0.2"])
    sheet.append([None] * 11)
    sheet.append(["2024-10-09 10:07", 19, None, None, None, None, None, None, None, None, "10.0.0.3"])
    book.save(tmp_path / "limesurvey.xlsx")
    preview = service.surveys.preview_import(survey_id, tmp_path / "limesurvey.xlsx")
    assert preview.by_position
    assert preview.columns[0] == "Q1"
    assert preview.columns[7] == "Q8"
    assert [answers for _, answers in preview.lines] == [
        (4, 3, 3, 4, 2, 4, 10, "Bien"),
        (1, 1, 1, 1, 1, 1, 0, None),
    ]
    assert preview.empty_lines == 1
    assert "colonnes prises dans l'ordre des questions" in preview.summary()


def test_a_header_holding_the_question_matches_and_a_missing_question_is_said(
    service: CarnetService, tmp_path: Path
) -> None:
    survey_id = service.surveys.survey_for_event(held_event(service))
    path = tmp_path / "framaforms.csv"
    path.write_text(
        f"Soumis le;1. {QUESTIONS[0]} [Q1];{QUESTIONS[6]}\n01/10/2024;Plutôt satisfait;9\n", encoding="utf-8"
    )
    preview = service.surveys.preview_import(survey_id, path)
    assert preview.columns == {0: f"1. {QUESTIONS[0]} [Q1]", 6: QUESTIONS[6]}
    assert preview.lines == [(2, (3, None, None, None, None, None, 9, None))]
    assert preview.unmatched == [1, 2, 3, 4, 5, 7]
    assert "sans colonne dans le fichier : questions 2, 3, 4, 5, 6, 8" in preview.summary()


def test_a_windows_1252_csv_is_read(service: CarnetService, tmp_path: Path) -> None:
    survey_id = service.surveys.survey_for_event(held_event(service))
    path = google_forms_csv(tmp_path / "excel.csv", GOOD[:1], encoding="cp1252")
    preview = service.surveys.preview_import(survey_id, path)
    assert preview.lines[0][1] == (4, 3, 3, 4, 2, 4, 10, "Très utile, merci")


# Another program's file: a timesheet kept in a spreadsheet.
RELEVE = "Date;Ambassadeur;Mission;Activité;Durée\n02/09/2024;Marie;Promotion;Visite;1h30\n".encode()


def _nothing_written(service: CarnetService, survey_id: str) -> None:
    assert responses(service, survey_id) == []
    assert service.imports() == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("coupe.xlsx", None, "n'est pas un classeur Excel lisible"),
        ("guillemet.csv", b'Horodateur,Q1\n"2024,"Plut\xc3\xb4t satisfait\n2024,3\n', "le guillemet ouvert"),
        ("image.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "n'est pas un fichier texte CSV"),
        ("releve.csv", RELEVE, "Aucune colonne de « releve.csv » ne porte le texte d'une question"),
        ("notes.pdf", b"%PDF-1.4\n", "ni un classeur .xlsx ni un fichier .csv"),
        ("vide.csv", b"", "est vide"),
    ],
)  # fmt: skip
def test_hostile_files_are_refused_with_a_french_message(
    service: CarnetService, tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    survey_id = service.surveys.survey_for_event(held_event(service))
    path = tmp_path / name
    if content is None:  # a workbook cut in the middle of its download
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append(QUESTIONS)
        book.save(path)
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    else:
        path.write_bytes(content)
    with pytest.raises(ImportFileError) as caught:
        service.surveys.preview_import(survey_id, path)
    assert message in caught.value.message
    _nothing_written(service, survey_id)


def test_control_characters_make_a_line_invalid(service: CarnetService, tmp_path: Path) -> None:
    survey_id = service.surveys.survey_for_event(held_event(service))
    row = [*GOOD[0][:-1], "Très\x07 utile"]
    preview = service.surveys.preview_import(survey_id, google_forms_csv(tmp_path / "c.csv", [row, GOOD[1]]))
    assert preview.invalid_lines == 1
    assert preview.problems[0].line == 2
    assert preview.problems[0].column == QUESTIONS[7]
    with pytest.raises(InvalidInput):
        service.surveys.apply_import(preview)
    _nothing_written(service, survey_id)


def test_a_file_of_only_invalid_or_empty_lines_imports_nothing(
    service: CarnetService, tmp_path: Path
) -> None:
    survey_id = service.surveys.survey_for_event(held_event(service))
    preview = service.surveys.preview_import(
        survey_id, google_forms_csv(tmp_path / "e.csv", [["x", ""] + [""] * 8])
    )
    with pytest.raises(InvalidInput, match="Aucune réponse à importer"):
        service.surveys.apply_import(preview)
    _nothing_written(service, survey_id)


def test_import_answers_command(
    service: CarnetService, carnet_path: Path, tmp_path: Path, private_home: Path
) -> None:
    event_id = held_event(service)
    service.close()
    good = google_forms_csv(tmp_path / "ok.csv", GOOD)
    done = run("--carnet", carnet_path, "import", "reponses", event_id[:8], good, home=private_home)
    assert done.returncode == 0, done.stderr
    assert "3 réponses importées pour « Atelier Parceo du Lunévillois »" in done.stdout
    assert "question 1 ← Globalement" in done.stdout
    import_id = done.stdout.rsplit("annuler-import ", 1)[1].strip()
    assert "Lecture du fichier : 3 réponses à importer." in done.stdout
    new = ["2024/10/12 10:00:00", "", "Plutôt satisfait", *[""] * 7]
    bad = google_forms_csv(tmp_path / "ko.csv", [new, ["", "", "Bof", *[""] * 7]])
    refused = run("--carnet", carnet_path, "import", "reponses", event_id[:8], bad, home=private_home)
    assert refused.returncode == 1
    assert "ligne invalide — ligne 3, colonne Globalement" in refused.stderr
    assert "rien n'a été importé" in refused.stderr
    skipped = run(
        "--carnet",
        carnet_path,
        "import",
        "reponses",
        event_id[:8],
        bad,
        "--ignorer-invalides",
        home=private_home,
    )
    assert skipped.returncode == 0
    assert "1 réponse importée, 1 ligne invalide ignorée" in skipped.stdout
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really")
    unreadable = run("--carnet", carnet_path, "import", "reponses", event_id[:8], broken, home=private_home)
    assert unreadable.returncode == 1
    assert unreadable.stderr.startswith("erreur : Le fichier « broken.xlsx »")
    usage = run("--carnet", carnet_path, "import", "reponses", event_id[:8], home=private_home)
    assert usage.returncode == 2
    count = "SELECT COUNT(*) FROM survey_responses WHERE import_id = ?"
    with sqlite3.connect(carnet_path) as db:
        assert db.execute(count, [import_id]).fetchone()[0] == 3
    listed = run("--carnet", carnet_path, "imports", home=private_home)
    assert "3 réponses  (actif)" in listed.stdout
    undo = run("--carnet", carnet_path, "annuler-import", import_id, home=private_home)
    assert undo.returncode == 0, undo.stderr
    assert "3 réponses retirées" in undo.stdout
    with sqlite3.connect(carnet_path) as db:
        undone = db.execute("SELECT undone_at FROM imports WHERE id = ?", [import_id]).fetchone()[0]
    assert undone


def test_an_unknown_survey_is_refused(service: CarnetService, tmp_path: Path) -> None:
    with pytest.raises(AppError, match="n'existe plus"):
        service.surveys.preview_import("nope", google_forms_csv(tmp_path / "r.csv", GOOD))

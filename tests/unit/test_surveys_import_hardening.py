"""The import of questionnaire answers against an attacker's files: a column no question takes,
the same export imported twice, a file cut short, numbers that are no numbers, a correction
undone, a refused import that would still write, and the limits said in French."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import Workbook

from ambassadeur_app.domain.surveys import Question, QuestionKind, parse_level
from ambassadeur_app.errors import AppError, ImportFileError, InvalidInput
from ambassadeur_app.services import CarnetService
from tests.unit.test_cli import run
from tests.unit.test_surveys import held_event
from tests.unit.test_surveys_import import GOOD, QUESTIONS, google_forms_csv, responses

NEW = ["2024/10/12 18:30:00", "c@example.org", "Tout à fait satisfait", "4", "4", "4", "4", "4", "9", "Top"]


def csv_file(path: Path, header: list[str], rows: list[list[str]], end: str = "\n") -> Path:
    lines = [",".join(f'"{cell}"' if cell else "" for cell in row) for row in [header, *rows]]
    path.write_bytes((end.join(lines) + end).encode())
    return path


def table_counts(carnet_path: Path) -> tuple[int, int, int]:
    """Return the rows of surveys, survey_responses and imports in the carnet file."""
    with sqlite3.connect(carnet_path) as db:
        return tuple(  # type: ignore[return-value]
            db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("surveys", "survey_responses", "imports")
        )


# --- A1: every column with answers is taken, or the import is refused ----------------------------


def test_a_header_close_to_a_question_is_matched_and_said(service: CarnetService, tmp_path: Path) -> None:
    header = ["Horodateur", "Adresse e-mail", *QUESTIONS]
    header[2 + 4] = "La durée et les horaires étaient adaptés."  # « l'horaire » in the questionnaire
    preview = service.surveys.preview_event_import(
        held_event(service), csv_file(tmp_path / "r.csv", header, GOOD)
    )
    assert preview.columns[4] == "La durée et les horaires étaient adaptés."
    assert preview.match.close == (4,)
    assert [answers[4] for _, answers in preview.lines] == [2, 3, 1]
    assert preview.refusal is None
    assert "intitulé proche mais pas identique : question 5" in preview.summary()


def test_a_column_no_question_takes_refuses_the_import_and_writes_nothing(
    service: CarnetService, carnet_path: Path, tmp_path: Path, private_home: Path
) -> None:
    event_id = held_event(service)
    service.close()
    header = ["Horodateur", "Adresse e-mail", *QUESTIONS]
    header[2 + 4] = "Les horaires vous convenaient-ils ?"  # not close enough to be taken
    path = csv_file(tmp_path / "q5.csv", header, GOOD)
    before = table_counts(carnet_path)
    done = run("--carnet", carnet_path, "import", "reponses", event_id[:8], path, home=private_home)
    assert done.returncode == 1
    assert (
        "Lecture du fichier : 3 réponses à importer ; sans colonne dans le fichier : question 5."
        in done.stdout
    )
    assert (
        "erreur : La colonne « Les horaires vous convenaient-ils ? » de « q5.csv » a des réponses mais "
        "ne correspond à aucune question ; question 5 sans colonne. Rien n'a été importé"
    ) in done.stderr
    assert table_counts(carnet_path) == before == (0, 0, 0)  # not even the questionnaire


def test_a_file_where_only_one_header_matches_is_refused_naming_every_column_left(
    service: CarnetService, tmp_path: Path
) -> None:
    header = ["Horodateur", "Adresse e-mail", QUESTIONS[0], *[f"Question {n}" for n in range(2, 9)]]
    preview = service.surveys.preview_event_import(
        held_event(service), csv_file(tmp_path / "r.csv", header, GOOD)
    )
    assert preview.leftover == [f"Question {n}" for n in range(2, 9)]
    assert preview.unmatched == [1, 2, 3, 4, 5, 6, 7]
    with pytest.raises(InvalidInput, match=r"Les colonnes « Question 2 », .* « Question 8 » de « r\.csv »"):
        service.surveys.apply_import(preview)
    assert service.imports() == []
    # The user says which column answers which question: the file is read again that way.
    chosen = {index: header.index(f"Question {index + 1}") for index in range(1, 8)}
    again = service.surveys.preview_again(preview, chosen)
    assert again.refusal is None
    assert next(answers for _, answers in again.lines) == (4, 3, 3, 4, 2, 4, 10, "Très utile, merci")
    outcome = service.surveys.apply_import(again)
    assert responses(service, outcome.survey_id)[0] == (4, 3, 3, 4, 2, 4, 10, "Très utile, merci")


def test_a_column_chosen_for_no_question_is_left_out_once_the_user_said_so(
    service: CarnetService, tmp_path: Path
) -> None:
    header = ["Horodateur", "Adresse e-mail", *QUESTIONS, "Votre profession"]
    rows = [[*row, "Infirmière"] for row in GOOD]
    event_id = held_event(service)
    preview = service.surveys.preview_event_import(event_id, csv_file(tmp_path / "r.csv", header, rows))
    assert preview.leftover == ["Votre profession"]
    assert preview.refusal is not None
    kept = service.surveys.preview_again(preview, {})  # the mapping shown, accepted as it is
    assert kept.refusal is None
    assert service.surveys.apply_import(kept).imported == 3


def test_a_header_repeated_is_read_from_the_filled_column_or_refused_when_both_differ(
    service: CarnetService, tmp_path: Path
) -> None:
    header = ["Horodateur", *QUESTIONS, QUESTIONS[0]]
    rows = [
        ["2024/10/09 10:00:00", "", *["4"] * 5, "9", "", "Plutôt satisfait"],  # the first copy empty
        ["2024/10/09 10:01:00", "Plutôt satisfait", *["4"] * 5, "9", "", "Plutôt satisfait"],  # the same
        ["2024/10/09 10:02:00", "Plutôt satisfait", *["4"] * 5, "9", "", "Tout à fait satisfait"],
    ]
    preview = service.surveys.preview_event_import(
        held_event(service), csv_file(tmp_path / "r.csv", header, rows)
    )
    assert [answers[0] for _, answers in preview.lines] == [3, 3]
    assert preview.invalid_lines == 1
    problem = preview.problems[0]
    assert (problem.line, problem.value) == (4, "Plutôt satisfait / Tout à fait satisfait")
    assert f"la colonne « {QUESTIONS[0]} » est en 2 exemplaires, aux réponses différentes" in problem.reason


# --- A2: an export imported again adds only its new lines ----------------------------------------


def test_the_same_export_imported_again_adds_only_its_new_lines(
    service: CarnetService, tmp_path: Path
) -> None:
    surveys = service.surveys
    event_id = held_event(service, present=4)
    first = surveys.apply_import(
        surveys.preview_event_import(event_id, google_forms_csv(tmp_path / "1.csv", GOOD))
    )
    # The form tool's next export: the same lines, one of them corrected since, and a new one.
    corrected = [*GOOD[1][:-1], "Finalement très bien"]
    later = google_forms_csv(tmp_path / "2.csv", [GOOD[0], corrected, GOOD[2], NEW])
    preview = surveys.preview_event_import(event_id, later)
    assert preview.already == 3  # known by their timestamp
    assert [line for line, _ in preview.lines] == [5]
    assert preview.summary() == "1 réponse à importer, 3 déjà importées (laissées de côté)."
    surveys.apply_import(preview)
    assert len(responses(service, first.survey_id)) == 4
    results = surveys.results(first.survey_id)
    assert results.response_rate == 1.0  # not 200 %
    again = surveys.preview_event_import(event_id, later)
    assert (again.already, again.lines) == (4, [])
    with pytest.raises(
        InvalidInput, match=r"Aucune réponse à importer dans « 2\.csv » \(4 lignes déjà importées\)"
    ):
        surveys.apply_import(again)
    # An import undone forgets its lines: importing the file again brings them back.
    surveys.undo_import(first.import_id)
    assert surveys.preview_event_import(event_id, later).already == 1


def test_without_a_timestamp_lines_are_known_by_their_answers(service: CarnetService, tmp_path: Path) -> None:
    surveys = service.surveys
    event_id = held_event(service, present=10)
    same = ["4", "4", "4", "4", "4", "4", "10", ""]
    other = ["3", "3", "3", "3", "3", "3", "8", "Bien"]
    surveys.apply_import(
        surveys.preview_event_import(event_id, csv_file(tmp_path / "1.csv", QUESTIONS, [same, same]))
    )
    # Two people gave the same answers before, a third one since: one line is new.
    preview = surveys.preview_event_import(
        event_id, csv_file(tmp_path / "2.csv", QUESTIONS, [same, same, other, same])
    )
    assert preview.already == 2
    assert [line for line, _ in preview.lines] == [4, 5]
    surveys.apply_import(preview)
    assert len(surveys.responses(str(surveys.survey_of_event(event_id)))) == 4


def test_the_same_export_twice_through_the_command_line(
    service: CarnetService, carnet_path: Path, tmp_path: Path, private_home: Path
) -> None:
    event_id = held_event(service)
    service.close()
    path = google_forms_csv(tmp_path / "export.csv", GOOD)
    assert (
        run("--carnet", carnet_path, "import", "reponses", event_id[:8], path, home=private_home).returncode
        == 0
    )
    again = run("--carnet", carnet_path, "import", "reponses", event_id[:8], path, home=private_home)
    assert again.returncode == 1
    assert "0 réponse à importer, 3 déjà importées" in again.stdout
    assert table_counts(carnet_path)[1:] == (3, 1)


# --- A3: a file cut in its last value ------------------------------------------------------------


def test_a_google_sheets_export_without_a_final_line_break_is_read_whole(
    service: CarnetService, tmp_path: Path
) -> None:
    event_id = held_event(service)
    lines = [",".join(["Horodateur", *(f'"{q}"' if "," in q else q for q in QUESTIONS)])]
    lines += [f"2024/10/09 10:0{n}:00,4,4,4,4,4,4,10,Très bien" for n in range(2)]
    sheets = tmp_path / "sheets.csv"
    sheets.write_bytes("\r\n".join(lines).encode())  # CRLF, none after the last line
    preview = service.surveys.preview_event_import(event_id, sheets)
    assert [line for line, _ in preview.lines] == [2, 3]
    assert preview.invalid_lines == 0


def test_undoing_an_import_keeps_a_response_corrected_by_hand(service: CarnetService, tmp_path: Path) -> None:
    surveys = service.surveys
    event_id = held_event(service)
    outcome = surveys.apply_import(
        surveys.preview_event_import(event_id, google_forms_csv(tmp_path / "r.csv", GOOD))
    )
    stored = surveys.responses(outcome.survey_id)
    surveys.update_response(replace(stored[1], answers=(4, 4, 4, 4, 4, 4, 10, "Corrigé à la main")))
    assert surveys.undo_import(outcome.import_id) == 2
    kept = surveys.responses(outcome.survey_id)
    assert [(r.number, r.answers, r.import_id) for r in kept] == [
        (2, (4, 4, 4, 4, 4, 4, 10, "Corrigé à la main"), None)
    ]


# --- B1: numbers that are no numbers -------------------------------------------------------------


@pytest.mark.parametrize("text", ["--5", "9" * 5000, "²", "１０", "٣", "1 0", "+5"])
def test_only_ascii_digits_are_numbers(text: str) -> None:
    assert parse_level(Question("Q", QuestionKind.RECOMMENDATION), text) is None


def test_odd_numbers_are_line_problems_not_crashes(service: CarnetService, tmp_path: Path) -> None:
    rows = [[*["4"] * 6, value, ""] for value in ("--5", "9" * 5000, "²", "１０", "٣", "-1", "7")]
    preview = service.surveys.preview_event_import(
        held_event(service), csv_file(tmp_path / "n.csv", QUESTIONS, rows)
    )
    assert [answers[6] for _, answers in preview.lines] == [7]
    assert preview.invalid_lines == 6
    assert [p.reason for p in preview.problems][:2] == ["une note de 0 à 10 est attendue"] * 2
    assert preview.problems[5].reason == "réponse « -1 » hors échelle (de 0 à 10)"


# --- B3, B5, C5: nothing written on refusal, limits, deleted events ------------------------------


def test_a_refused_import_does_not_make_the_questionnaire(
    service: CarnetService, carnet_path: Path, tmp_path: Path, private_home: Path
) -> None:
    event_id = held_event(service)
    service.close()
    bad = google_forms_csv(tmp_path / "ko.csv", [["", "", "Bof", *[""] * 7]])
    done = run("--carnet", carnet_path, "import", "reponses", event_id[:8], bad, home=private_home)
    assert done.returncode == 1
    assert table_counts(carnet_path) == (0, 0, 0)
    missing = run(
        "--carnet",
        carnet_path,
        "import",
        "reponses",
        event_id[:8],
        tmp_path / "absent.csv",
        home=private_home,
    )
    assert missing.returncode == 1
    assert table_counts(carnet_path) == (0, 0, 0)


def test_more_forms_than_a_questionnaire_keeps_are_refused_naming_the_file(
    service: CarnetService, tmp_path: Path
) -> None:
    surveys = service.surveys
    survey_id = surveys.survey_for_event(held_event(service))
    surveys.add_response(survey_id, [4, 4, 4, 4, 4, 4, 9, None], number=9_999)
    with pytest.raises(InvalidInput) as caught:
        surveys.preview_import(survey_id, google_forms_csv(tmp_path / "gros.csv", GOOD))
    assert caught.value.message == (
        "Un questionnaire garde au plus 10\u00a0000 formulaires : « Atelier Parceo du Lunévillois » en a "
        "déjà 1 (numérotés jusqu'au n° 9999), le fichier « gros.csv » en ajoute 3. Rien n'a été importé : "
        "découpez le fichier, ou retirez-en les lignes déjà saisies."
    )


def test_a_deleted_events_questionnaire_takes_no_more_responses(
    service: CarnetService, tmp_path: Path
) -> None:
    surveys = service.surveys
    event_id = held_event(service)
    survey_id = surveys.survey_for_event(event_id)
    preview = surveys.preview_import(survey_id, google_forms_csv(tmp_path / "r.csv", GOOD))
    service.events.delete_event(event_id)
    for attempt in (
        lambda: surveys.add_response(survey_id, [4, 4, 4, 4, 4, 4, 9, None]),
        lambda: surveys.preview_import(survey_id, preview.path),
        lambda: surveys.apply_import(preview),
    ):
        with pytest.raises(InvalidInput, match="L'événement de ce questionnaire a été supprimé"):
            attempt()
    assert responses(service, survey_id) == []
    assert service.imports() == []


# --- C1, C7, B4: what is not a readable file -----------------------------------------------------


def test_a_folder_a_device_or_a_pipe_is_named_for_what_it_is(service: CarnetService, tmp_path: Path) -> None:
    event_id = held_event(service)
    fifo = tmp_path / "tube.csv"
    os.mkfifo(fifo)
    for path, message in (
        (tmp_path, "est un dossier"),
        (Path("/dev/zero"), "n'est pas un fichier ordinaire"),
        (fifo, "n'est pas un fichier ordinaire"),
    ):
        with pytest.raises(ImportFileError, match=message):
            service.surveys.preview_event_import(event_id, path)
        with pytest.raises(ImportFileError, match=message):  # the carnet's import reads the same way
            service.preview_import(path)


def test_a_formula_without_a_computed_value_is_a_line_problem(service: CarnetService, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(QUESTIONS)
    sheet.append([4, 4, 4, 4, 4, 4, "=4+5", "ok"])  # openpyxl saves the formula, never its value
    sheet.append([3, 3, 3, 3, 3, 3, 8, None])
    book.save(tmp_path / "formules.xlsx")
    preview = service.surveys.preview_event_import(held_event(service), tmp_path / "formules.xlsx")
    assert [line for line, _ in preview.lines] == [3]
    assert preview.problems[0].line == 2
    assert preview.problems[0].reason == (
        f"formule sans valeur calculée (« {QUESTIONS[6]} ») : ouvrez et enregistrez le fichier "
        "dans votre tableur"
    )


@pytest.mark.parametrize("content", [b"PK\x03\x04 not a zip", b"", None])
def test_a_broken_workbook_is_said_in_french_only(
    service: CarnetService, tmp_path: Path, content: bytes | None
) -> None:
    path = tmp_path / "abime.xlsx"
    if content is None:  # a real archive without the workbook's parts
        import zipfile

        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("notes.txt", "rien")
    else:
        path.write_bytes(content)
    with pytest.raises(AppError) as caught:
        service.surveys.preview_event_import(held_event(service), path)
    message = caught.value.message
    for english in ("There is no item", "File is not a zip file", "archive", "[Content_Types]"):
        assert english not in message

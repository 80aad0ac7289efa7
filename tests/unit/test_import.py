from __future__ import annotations

import re
from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest

from ambassadeur_app import paths
from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import EntryFilter, Mission, TimeEntry
from ambassadeur_app.errors import ImportFileError, InvalidInput, MonthClosed
from ambassadeur_app.services import CarnetService
from ambassadeur_app.storage.backup import BackupKind
from tests.conftest import ambassador_id

HEADER = ["Date", "Ambassadeur", "Mission", "Activité", "Durée", "Description"]


def write_xlsx(path: Path, rows: list[list[object]], header: list[str] = HEADER) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def write_csv(path: Path, lines: list[str], encoding: str = "utf-8-sig") -> Path:
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


def test_xlsx_with_real_dates_numbers_and_times(service: CarnetService, tmp_path: Path) -> None:
    cell_time = time(1, 30)
    path = write_xlsx(
        tmp_path / "carnet.xlsx",
        [
            [
                datetime(2024, 9, 2),
                "Marie Durand",
                "Promotion",
                "Rencontre / visite",
                1.5,
                "MSP de Lunéville",
            ],
            [date(2024, 9, 3), "marie durand", "formation", "session de formation", cell_time, None],
            ["04/09/2024", "Paul Martin", "ACCOMPAGNEMENT", "Appel", "45 min", "Réinitialisation"],
            ["2024-09-05", "Paul Martin", "Autre", "Administratif", "1h15", ""],
            [None, None, None, None, None, None],  # empty lines are skipped
        ],
        header=["DATE", "ambassadeur", "Mission", "Activite", "durée", "DESCRIPTION"],
    )
    preview = service.preview_import(path)
    assert [line.line for line in preview.valid] == [2, 3, 4, 5]
    assert preview.invalid == []
    assert preview.new_ambassadors == []
    outcome = service.apply_import(preview)
    assert outcome.imported == 4
    entries = [service.entry(i) for i in service.entry_ids(EntryFilter(month=Month(2024, 9)))]
    assert [(e.day.day, e.minutes, e.mission) for e in entries] == [
        (2, 90, Mission.PROMOTION),
        (3, 90, Mission.FORMATION),
        (4, 45, Mission.ACCOMPAGNEMENT),
        (5, 75, Mission.AUTRE),
    ]
    assert entries[1].activity == "Session de formation"  # matched to the existing list entry
    assert entries[0].description == "MSP de Lunéville"
    assert service.imports()[0].filename == "carnet.xlsx"
    assert any(b.kind is BackupKind.BEFORE_IMPORT for b in service.backups())


def test_csv_in_french_excel_style_and_comma_style(service: CarnetService, tmp_path: Path) -> None:
    french = write_csv(
        tmp_path / "a.csv",
        [
            "Date;Ambassadeur;Mission;Activité;Durée;Description",
            "02/09/2024;Marie Durand;Promotion;Appel;1,5;Appel à l'EHPAD « Les Tilleuls »",
        ],
        encoding="cp1252",
    )
    english = write_csv(
        tmp_path / "b.csv",
        [
            "date,ambassadeur,mission,activite,duree,description",
            '2024-09-03,Paul Martin,Formation,Session de formation,2:00,"Formation, module 1"',
        ],
    )
    service.apply_import(service.preview_import(french))
    service.apply_import(service.preview_import(english))
    entries = [service.entry(i) for i in service.entry_ids(EntryFilter(month=Month(2024, 9)))]
    assert entries[0].description == "Appel à l'EHPAD « Les Tilleuls »"
    assert entries[0].minutes == 90
    assert entries[1].description == "Formation, module 1"
    assert entries[1].minutes == 120


def test_every_kind_of_bad_line_is_reported_and_nothing_is_written(
    service: CarnetService, tmp_path: Path
) -> None:
    service.add_entry(
        TimeEntry(
            date(2024, 9, 10), ambassador_id(service, "Marie Durand"), Mission.PROMOTION, "Appel", 22 * 60
        )
    )
    service.add_entry(
        TimeEntry(date(2024, 10, 1), ambassador_id(service, "Marie Durand"), Mission.PROMOTION, "Appel", 60)
    )
    service.close_month(Month(2024, 10))
    path = write_xlsx(
        tmp_path / "bad.xlsx",
        [
            ["02/09/2024", "Marie Durand", "Promotion", "Appel", "1h", "ok"],  # 2 valid
            ["31/02/2024", "Marie Durand", "Promotion", "Appel", "1h", ""],  # 3 date
            ["03/09/2024", "", "Promotion", "Appel", "1h", ""],  # 4 ambassador
            ["03/09/2024", "Marie Durand", "Marketing", "Appel", "1h", ""],  # 5 mission
            ["03/09/2024", "Marie Durand", "Promotion", "", "1h", ""],  # 6 activity
            ["03/09/2024", "Marie Durand", "Promotion", "Appel", "beaucoup", ""],  # 7 duration
            ["03/09/2024", "Marie Durand", "Promotion", "Appel", -2, ""],  # 8 negative
            ["03/09/2024", "Marie Durand", "Promotion", "Appel", 0, ""],  # 9 zero
            ["03/09/2024", "Marie Durand", "Promotion", "Appel", "30h", ""],  # 10 > 24 h
            ["02/10/2024", "Marie Durand", "Promotion", "Appel", "1h", ""],  # 11 closed month
            ["10/09/2024", "Marie Durand", "Formation", "Session", "3h", ""],  # 12 24 h with carnet
            ["", "Marie Durand", "Promotion", "Appel", "1h", ""],  # 13 missing date
        ],
    )
    preview = service.preview_import(path)
    problems = {p.line: p for p in preview.problems}
    assert sorted(problems) == list(range(3, 14))
    assert problems[3].column == "Date"
    assert problems[3].value == "31/02/2024"
    assert "ce jour n'existe pas" in problems[3].reason
    assert problems[4].column == "Ambassadeur"
    assert "Mission inconnue" in problems[5].reason
    assert problems[5].value == "Marketing"
    assert problems[6].reason == "Activité manquante"
    assert problems[7].column == "Durée"
    assert "positive" in problems[8].reason
    assert "supérieure à zéro" in problems[9].reason
    assert "24 h" in problems[10].reason
    assert problems[11].reason == "Le mois d'octobre 2024 est clôturé"
    assert "dépasserait 24 h le 10/09/2024" in problems[12].reason
    assert str(problems[3]).startswith("ligne 3, colonne Date « 31/02/2024 » : ")
    before = len(service.entry_ids(EntryFilter()))
    with pytest.raises(InvalidInput, match=re.escape("11 lignes invalides dans « bad.xlsx » : rien n'a")):
        service.apply_import(preview)
    assert len(service.entry_ids(EntryFilter())) == before
    outcome = service.apply_import(preview, skip_invalid=True)
    assert (outcome.imported, outcome.skipped_invalid) == (1, 11)
    assert len(service.entry_ids(EntryFilter())) == before + 1


def test_unknown_people_and_activities_are_created_and_the_import_undone(
    service: CarnetService, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "new.xlsx",
        [
            ["02/09/2024", "Sophie Leroy", "Promotion", "Stand au salon", 2, ""],
            ["03/09/2024", "Sophie Leroy", "Formation", "Session de formation", 1, ""],
        ],
    )
    preview = service.preview_import(path)
    assert preview.new_ambassadors == ["Sophie Leroy"]
    assert preview.new_activities == [(Mission.PROMOTION, "Stand au salon")]
    outcome = service.apply_import(preview)
    assert "Sophie Leroy" in [a.name for a in service.ambassadors()]
    assert "Stand au salon" in service.activities()[Mission.PROMOTION]
    # Importing the same file again doubles nothing.
    again = service.preview_import(path)
    assert len(again.duplicates) == 2
    assert "déjà dans le carnet" in again.warnings[0]
    with pytest.raises(InvalidInput, match="Aucune ligne à importer"):
        service.apply_import(again)
    assert service.undo_import(outcome.import_id) == 2
    assert service.entry_ids(EntryFilter()) == []
    assert "Sophie Leroy" not in [a.name for a in service.ambassadors()]
    assert "Stand au salon" not in service.activities()[Mission.PROMOTION]
    assert service.imports()[0].undone_at is not None
    with pytest.raises(InvalidInput, match="déjà été annulé"):
        service.undo_import(outcome.import_id)


def test_an_import_in_a_month_closed_since_cannot_be_undone(service: CarnetService, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "sept.xlsx", [["02/09/2024", "Marie Durand", "Promotion", "Appel", 1, ""]])
    outcome = service.apply_import(service.preview_import(path))
    service.close_month(Month(2024, 9))
    with pytest.raises(MonthClosed):
        service.undo_import(outcome.import_id)
    assert len(service.entry_ids(EntryFilter())) == 1


def test_out_of_period_lines_are_imported_with_a_warning(service: CarnetService, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "early.xlsx", [["15/08/2024", "Marie Durand", "Promotion", "Appel", 1, ""]])
    preview = service.preview_import(path)
    assert "hors de la période" in preview.warnings[0]
    assert service.apply_import(preview).imported == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("vide.csv", b"", "est vide"),
        ("binaire.xlsx", b"PK\x03\x04 not really a zip", "n'est pas un classeur Excel lisible"),
        ("ancien.xls", b"\xd0\xcf\x11\xe0", "enregistrez-le au format .xlsx"),
        ("notes.pdf", b"%PDF-1.4", "ni un classeur .xlsx ni un fichier .csv"),
        (
            "colonnes.csv",
            b"Jour;Nom;Temps\n02/09/2024;Marie;1h\n",
            "Colonnes manquantes dans « colonnes.csv » : Mission, Activité. "
            "Colonnes trouvées : Jour, Nom, Temps",
        ),
    ],
)
def test_unreadable_files_get_a_clear_message(
    service: CarnetService, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=re.escape(message)):
        service.preview_import(path)


def test_a_truncated_workbook_is_refused(service: CarnetService, tmp_path: Path) -> None:
    full = write_xlsx(
        tmp_path / "full.xlsx", [["02/09/2024", "Marie Durand", "Promotion", "Appel", 1, ""]] * 50
    )
    truncated = tmp_path / "tronque.xlsx"
    truncated.write_bytes(full.read_bytes()[: full.stat().st_size // 2])
    with pytest.raises(ImportFileError, match=r"tronque\.xlsx"):
        service.preview_import(truncated)


def test_the_shipped_example_files_import_cleanly(service: CarnetService) -> None:
    for name in ("carnet.xlsx", "carnet.csv"):
        preview = service.preview_import(paths.resource_dir() / "exemples" / name)
        assert preview.invalid == [], name
        assert len(preview.valid) >= 10

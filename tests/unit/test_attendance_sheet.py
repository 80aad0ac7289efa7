"""The feuille d'émargement: read back from the PDF (names, columns per half-day, pages)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, time
from pathlib import Path

from pypdf import PdfReader

from ambassadeur_app.demo.entries import PROGRAMME
from ambassadeur_app.domain.events import Event, EventKind, Session
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.register import Professional, Structure, StructureType
from ambassadeur_app.nomenclatures import professions
from ambassadeur_app.reports.attendance import build_sign_in_sheet, write_pdf

SESSIONS = (
    Session(date(2025, 10, 9), time(9, 0), time(12, 30)),
    Session(date(2025, 10, 10), time(14, 0), time(17, 30)),
)
EVENT = Event(
    EventKind.WORKSHOP,
    Mission.PROMOTION,
    "Atelier d'information Parceo — soirée de la CPTS",
    SESSIONS,
    place="Salle du conseil de la CPTS, Nancy",
    speakers=("Dr Claire Fontaine", "Formateur Pulsy"),
)
STRUCTURES = {
    f"s{index}": Structure(name, kind, id=f"s{index}")
    for index, (name, kind) in enumerate(
        (
            ("MSP des Provinces", StructureType.MSP),
            ("Centre hospitalier de Toul", StructureType.CH),
            ("EHPAD Les Tilleuls", StructureType.EHPAD),
            ("Pharmacie du Centre", StructureType.PHARMACIE),
            ("Cabinet infirmier du Placieux", StructureType.CABINET),
        )
    )
}
COMMUNES = ("Nancy", "Vandœuvre-lès-Nancy", "Toul", "Lunéville", "Pont-à-Mousson")


def invitees(count: int) -> list[Professional]:
    codes = ("G15-10", "G15-60", "G15-21", "G15-70", "APP-SEC")
    return [
        Professional(
            f"Nom{index:03d}",
            f"Camille{index:03d}",
            codes[index % len(codes)],
            commune=COMMUNES[index % len(COMMUNES)],
            structure_ids=(f"s{index % 6}",) if index % 6 < 5 else (),
            id=f"p{index}",
        )
        for index in reversed(range(count))  # given in the wrong order: the sheet sorts them
    ]


def test_a_sheet_of_300_invitees_over_two_half_days(tmp_path: Path) -> None:
    sheet = build_sign_in_sheet(PROGRAMME, EVENT, invitees(300), STRUCTURES, professions())
    out = write_pdf(sheet, tmp_path / "emargement.pdf")
    pages = [page.extract_text() for page in PdfReader(out).pages]
    text = "\n".join(pages)
    names = re.findall(r"NOM\d{3}", text)
    assert names == [f"NOM{index:03d}" for index in range(300)]  # each once, sorted
    table = [page for page in pages if "Commune" in page]  # the last page may hold the speakers' box alone
    assert pages[: len(table)] == table
    assert text.count("Prénom") == len(table)  # the column titles on every page of the table...
    for session in ("09/10/2025 09:00–12:30", "10/10/2025 14:00–17:30"):
        assert text.count(f"Signature\n{session}") == len(table)  # ...with a signature column per half-day
    rows = 300 + 10  # the invitees and the blank rows for walk-ins
    # 20 to 25 rows a page; the first page also holds the event, the last the speakers' box
    assert rows / 25 <= len(pages) <= rows / 20 + 2
    assert all(f"Page {n} sur {len(pages)}" in page for n, page in enumerate(pages, start=1))
    # Every page's header names every half-day, not only the first.
    both = "Feuille d'émargement — 09/10/2025 09:00–12:30 ; 10/10/2025 14:00–17:30"
    assert all(both in page for page in pages)
    first = pages[0]
    for expected in (
        "CPTS Val de Meurthe (démonstration) — 54 Meurthe-et-Moselle",
        "Atelier d'information — Atelier d'information Parceo — soirée de la CPTS",
        "Salle du conseil de la CPTS, Nancy",
        "Dr Claire Fontaine, Formateur Pulsy",
        "ARS Grand Est — Fonds d'intervention régional (FIR), programme Ambassadeurs Parceo",
    ):
        assert expected in first
    assert "Vandœuvre-lès-Nancy" in text  # ligature and accents kept
    assert "Signature des intervenants" in pages[-1]
    assert text.count("Formateur Pulsy") == 2  # in the header, and its signature box


def test_a_sheet_without_invitees_keeps_rows_for_walk_ins(tmp_path: Path) -> None:
    sheet = build_sign_in_sheet(PROGRAMME, EVENT, [], STRUCTURES, professions(), blank_rows=25)
    text = "\n".join(p.extract_text() for p in PdfReader(write_pdf(sheet, tmp_path / "vide.pdf")).pages)
    assert "participants non inscrits" in text
    assert "Page 2 sur 2" in text  # 25 blank rows run onto a second page
    empty = build_sign_in_sheet(PROGRAMME, EVENT, [], STRUCTURES, professions(), blank_rows=0)
    assert (
        "Aucune personne invitée."
        in PdfReader(write_pdf(empty, tmp_path / "rien.pdf")).pages[0].extract_text()
    )


def test_four_half_days_keep_every_word_whole(tmp_path: Path) -> None:
    days = (date(2025, 10, 9), date(2025, 10, 10))
    sessions = tuple(
        Session(day, start, end) for day in days for start, end in ((time(9), time(12)), (time(14), time(17)))
    )
    event = replace(EVENT, sessions=sessions)
    sheet = build_sign_in_sheet(PROGRAMME, event, invitees(30), STRUCTURES, professions())
    text = "\n".join(p.extract_text() for p in PdfReader(write_pdf(sheet, tmp_path / "quatre.pdf")).pages)
    for whole in (
        "Masseur-kinésithérapeute",
        "Pont-à-Mousson",
        "Vandœuvre-lès-Nancy",
        "Secrétaire médical(e)",
    ):
        assert text.count(whole) == 6, whole  # 30 invitees, one in five each: never cut across lines
    titles = re.findall(r"Signature\s+10/10/2025\s+14:00–17:00", text)  # wrapped in a narrower column
    assert len(titles) == len(PdfReader(tmp_path / "quatre.pdf").pages)

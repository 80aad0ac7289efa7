"""What the regional view refuses or does not count: a chiffres.json incomplete, garbled or
impossible (refused by name with the field at fault, the other inputs still consolidated), one
that does not say what its own bilan says even with its manifest re-hashed (« non vérifié »), a
bilan paying a month beyond its cap, a « pack » whose manifest lists neither its bilan nor its
timesheets; a draft counted but marked « provisoire »; the same CPTS written another way counted
once; invisible direction characters kept out of the documents."""

from __future__ import annotations

import copy
import hashlib
import json
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader

from ambassadeur_app.demo import REFERENCE_DAY
from ambassadeur_app.domain.text import printable
from ambassadeur_app.reports.manifest import CSV_NAME, FIGURES_NAME, read_csv, write_csv
from ambassadeur_app.reports.region import write, write_xlsx
from ambassadeur_app.services import open_service, region
from ambassadeur_app.services.region import (
    BILAN_PATH,
    VERIFIED,
    VERIFIED_DRAFT,
    Consolidation,
    InputResult,
    RegionInputError,
    consolidate,
    figures_from_json,
)
from tests.conftest import plain
from tests.unit.test_cli import run
from tests.unit.test_region import make_carnet, own_figures

AFTER_THE_PERIOD = date(2026, 3, 10)  # the demo's period ends on 28/02/2026

# A chiffres.json as a pack writes it (its totals add up).
DOCUMENT: dict[str, Any] = {
    "format": "ambassadeur-chiffres",
    "version": 1,
    "cpts": "CPTS du Saintois",
    "departement": "54 Meurthe-et-Moselle",
    "periode": {"debut": "2025-09-01", "fin": "2026-02-28"},
    "situation_au": "2026-02-27",
    "provisoire": True,
    "heures_minutes": {"saisies": 15000, "financees": 13830},
    "montants_centimes": {
        "forfait_horaire_dans_le_plafond": 1152500,
        "forfait_evenement": 86713,
        "total_des_forfaits": 1239213,
        "subvention_accordee": 1360000,
        "versements_recus": 1360000,
        "solde": -120787,
    },
    "evenements_tenus": 5,
    "indicateurs": [
        {"indicateur": "Utilisateurs actifs", "objectif": "495", "resultat": "498", "etat": "Atteint"}
    ],
}


def mutated(change: Callable[[dict[str, Any]], object]) -> bytes:
    """Return ``DOCUMENT`` changed by ``change`` (which edits it, or returns the file's text)."""
    document = copy.deepcopy(DOCUMENT)
    text = change(document)
    return (text if isinstance(text, str) else json.dumps(document)).encode()


def money(document: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = document["montants_centimes"]
    return result


def add_up(document: dict[str, Any]) -> None:
    """Make the totals of ``document`` the sums of its amounts again (a liar's care)."""
    m = money(document)
    m["total_des_forfaits"] = m["forfait_horaire_dans_le_plafond"] + m["forfait_evenement"]
    m["solde"] = min(m["subvention_accordee"], m["total_des_forfaits"]) - (m["versements_recus"] or 0)


def negative(document: dict[str, Any]) -> None:
    document["heures_minutes"]["saisies"] = -5000
    money(document)["forfait_horaire_dans_le_plafond"] = -100000
    add_up(document)


def huge_amount(document: dict[str, Any]) -> None:
    money(document)["forfait_evenement"] = 10**300 * 100
    add_up(document)


WRONG: dict[str, tuple[Callable[[dict[str, Any]], object], str]] = {
    "no total": (
        lambda d: money(d).pop("total_des_forfaits"),
        "chiffres.json incomplet : il y manque « montants_centimes.total_des_forfaits »",
    ),
    "no balance": (lambda d: money(d).pop("solde"), "il y manque « montants_centimes.solde »"),
    "deep nesting": (
        lambda d: json.dumps(d)[:-1] + ', "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "chiffres.json illisible (imbrication démesurée)",
    ),
    "10^400 minutes": (
        lambda d: d["heures_minutes"].update(saisies=10**400),
        "chiffres.json impossible : « heures_minutes.saisies » doit être un nombre entier de 0 à 10^15 "
        "(il vaut un nombre de 401 chiffres)",
    ),
    "5000 digits": (
        lambda d: json.dumps(d).replace('"saisies": 15000', '"saisies": ' + "9" * 5000),
        "chiffres.json illisible (un nombre démesuré)",
    ),
    "negative": (
        negative,
        "« heures_minutes.saisies » doit être un nombre entier de 0 à 10^15 (il vaut -5000)",
    ),
    "10^300 euros": (huge_amount, "« montants_centimes.forfait_evenement » doit être un nombre entier"),
    "negative events": (lambda d: d.update(evenements_tenus=-3), "« evenements_tenus » doit être"),
    "events true": (lambda d: d.update(evenements_tenus=True), "(il vaut true)"),
    "NaN": (
        lambda d: json.dumps(d).replace('"solde": -120787', '"solde": NaN'),
        "« montants_centimes.solde » doit être un nombre entier de -10^15 à 10^15 "
        "(il vaut NaN ou l'infini, qui ne sont pas des nombres)",
    ),
    "period reversed": (
        lambda d: d.update(periode={"debut": "2030-01-01", "fin": "1990-01-01"}),
        "chiffres.json incohérent : sa période finit (01/01/1990) avant de commencer (01/01/2030)",
    ),
    "bad date": (lambda d: d["periode"].update(debut="2030-13-01"), "« periode.debut » doit être une date"),
    "version 0": (lambda d: d.update(version=0), "« version » doit être un nombre entier de 1 à 10^15"),
    "funded beyond logged": (
        lambda d: d["heures_minutes"].update(financees=15001),
        "plus d'heures financées que d'heures saisies",
    ),
    "draft not a bool": (lambda d: d.update(provisoire="oui"), "« provisoire » doit être true ou false"),
    "amounts as a list": (
        lambda d: d.update(montants_centimes=[1, 2]),
        "« montants_centimes » doit être un objet (il vaut une liste)",
    ),
    "indicator null": (
        lambda d: d["indicateurs"][0].update(etat=None),
        "« indicateurs.1.etat » doit être un texte",
    ),
    "3000 indicators": (
        lambda d: d.update(indicateurs=d["indicateurs"] * 3000),
        "3000 indicateurs (200 au plus)",
    ),
}


def test_the_sample_is_read() -> None:
    figures = figures_from_json(mutated(lambda d: None))
    assert (figures.worked_minutes, figures.total_cents, figures.draft) == (15000, 1239213, True)
    assert figures.period == "du 01/09/2025 au 28/02/2026"


@pytest.mark.parametrize("case", WRONG)
def test_incomplete_garbled_or_impossible_figures_are_refused_naming_the_field(case: str) -> None:
    change, message = WRONG[case]
    with pytest.raises(RegionInputError) as raised:
        figures_from_json(mutated(change))
    assert message in raised.value.message


@pytest.fixture
def carnet(tmp_path: Path) -> Path:
    return make_carnet(tmp_path, "CPTS du Saintois", "54", "Meurthe-et-Moselle", extra_minutes=45)


def write_folder(carnet: Path, out: Path, today: date = REFERENCE_DAY) -> Path:
    with open_service(carnet, readonly=True, today=lambda: today) as service:
        result = service.pack.write(out)
    assert result is not None
    return result.folder


@pytest.fixture
def pack(carnet: Path, tmp_path: Path) -> Path:
    return write_folder(carnet, tmp_path / "dossier")


def rehash(pack: Path) -> None:
    """List every file of ``pack`` in its manifest as it is now (what a forger does)."""
    entries = []
    for entry in read_csv(pack / CSV_NAME):
        data = (pack / entry.path).read_bytes()
        entries.append(replace(entry, size=len(data), sha256=hashlib.sha256(data).hexdigest()))
    write_csv(entries, pack / CSV_NAME)


def rewrite_figures(pack: Path, change: Callable[[dict[str, Any]], object]) -> None:
    path = pack / FIGURES_NAME
    document = json.loads(path.read_text(encoding="utf-8"))
    text = change(document)
    path.write_text(text if isinstance(text, str) else json.dumps(document), encoding="utf-8")
    rehash(pack)


def test_a_bad_figures_file_is_refused_and_the_others_consolidated(
    carnet: Path, pack: Path, tmp_path: Path, private_home: Path
) -> None:
    rewrite_figures(pack, lambda d: d["montants_centimes"].pop("solde"))
    huge = write_folder(carnet, tmp_path / "enorme")
    rewrite_figures(huge, lambda d: d["heures_minutes"].update(saisies=10**400))
    deep = write_folder(carnet, tmp_path / "profond")
    rewrite_figures(deep, lambda d: json.dumps(d)[:-1] + ', "x": ' + "[" * 100_000 + "]" * 100_000 + "}")
    out = tmp_path / "region.xlsx"
    done = run("consolider", pack, huge, deep, carnet, "--sortie", out, home=private_home)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[:4] == [
        f"{pack} : refusé : chiffres.json incomplet : il y manque « montants_centimes.solde »",
        f"{huge} : refusé : chiffres.json impossible : « heures_minutes.saisies » doit être un nombre "
        "entier de 0 à 10^15 (il vaut un nombre de 401 chiffres)",
        f"{deep} : refusé : chiffres.json illisible (imbrication démesurée)",
        f"{carnet} : {VERIFIED_DRAFT}",
    ]
    rows = [list(r) for r in openpyxl.load_workbook(out)["Vue régionale"].iter_rows(values_only=True)]
    assert [r[0] for r in rows if r[-1] == VERIFIED_DRAFT] == ["CPTS du Saintois"]
    # The PDF as well: the refused packs are listed, the carnet counted.
    pdf = tmp_path / "region.pdf"
    assert run("consolider", pack, huge, carnet, "--sortie", pdf, home=private_home).returncode == 1
    text = plain(" ".join(page.extract_text() for page in PdfReader(pdf).pages))
    assert "401 chiffres" in text


def test_a_consistent_liar_is_not_verified(carnet: Path, pack: Path) -> None:
    """Hours and hourly forfait doubled in chiffres.json, its totals made to add up and the
    manifest re-hashed: the pack's own bilan says otherwise."""

    def doubled(document: dict[str, Any]) -> None:
        for key in ("saisies", "financees"):
            document["heures_minutes"][key] *= 2
        money(document)["forfait_horaire_dans_le_plafond"] *= 2
        add_up(document)

    rewrite_figures(pack, doubled)
    result = consolidate([pack])
    found = result.inputs[0]
    assert found.status == (
        "non vérifié : chiffres.json ne concorde pas avec le bilan : "
        "heures saisies, heures financées, forfait horaire"
    )
    assert found.figures is not None
    assert found.figures.worked_minutes == 2 * own_figures(carnet).worked_minutes
    assert result.counted == []
    # A name changed in chiffres.json only, or its draft mark dropped: not what the bilan says.
    rewrite_figures(pack, lambda d: d.update(cpts="CPTS de Nancy", provisoire=False))
    assert (
        consolidate([pack])
        .inputs[0]
        .status.endswith(
            "ne concorde pas avec le bilan : CPTS, statut provisoire, heures saisies, heures financées, "
            "forfait horaire"
        )
    )


def test_a_pack_must_list_its_bilan_and_timesheets(pack: Path, tmp_path: Path) -> None:
    forged = tmp_path / "faux"
    forged.mkdir()
    (forged / FIGURES_NAME).write_bytes((pack / FIGURES_NAME).read_bytes())
    write_csv([e for e in read_csv(pack / CSV_NAME) if e.path == FIGURES_NAME], forged / CSV_NAME)
    found = consolidate([forged]).inputs[0]
    assert found.status == (
        f"non vérifié : le manifeste ne liste pas le bilan d'exécution ({BILAN_PATH}) ; "
        "le manifeste ne liste pas 12 relevés d'heures de la période "
        "(01-releves-d-heures/releve-heures-2025-09.xlsx…)"
    )
    # One month's timesheets left out of the pack and of its manifest: still not verified.
    for fmt in ("xlsx", "pdf"):
        (pack / f"01-releves-d-heures/releve-heures-2025-11.{fmt}").unlink()
    write_csv(
        [e for e in read_csv(pack / CSV_NAME) if "releve-heures-2025-11" not in e.path], pack / CSV_NAME
    )
    assert consolidate([pack]).inputs[0].status == (
        "non vérifié : le manifeste ne liste pas 2 relevés d'heures de la période "
        "(01-releves-d-heures/releve-heures-2025-11.xlsx…)"
    )


def test_a_bilan_paying_a_month_beyond_its_cap_is_refused(pack: Path) -> None:
    path = pack / BILAN_PATH
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Bilan financier"]
    row = (
        next(r for r in sheet.iter_rows() if r[0].value == "Mois" and r[1].value == "Heures saisies")[0].row
        + 1
    )
    month = sheet.cell(row, 1).value
    sheet.cell(row, 7).value = sheet.cell(row, 6).value + 1  # the amount, one euro over the cap
    workbook.save(path)
    rehash(pack)
    # Beside a chiffres.json: not verified (and the figures disagree); alone: refused.
    found = consolidate([pack]).inputs[0]
    reason = (
        f"bilan d'exécution incohérent ({BILAN_PATH}) : "
        f"le forfait horaire de {month} dépasse le plafond du mois"
    )
    assert found.status == f"non vérifié : {reason}"
    (pack / FIGURES_NAME).unlink()
    write_csv([e for e in read_csv(pack / CSV_NAME) if e.path != FIGURES_NAME], pack / CSV_NAME)
    assert consolidate([pack]).inputs[0].status == f"refusé : {reason}"


def test_a_draft_is_counted_marked_provisional_and_a_final_bilan_is_not(
    carnet: Path, pack: Path, tmp_path: Path
) -> None:
    other = make_carnet(tmp_path, "CPTS des Vosges", "88", "Vosges")
    with open_service(other, today=lambda: AFTER_THE_PERIOD) as service:
        for month in service.programme().period_months:
            if service.carnet.months.active(month) is None:
                service.close_month(month)
    final = write_folder(other, tmp_path / "dossier-final", today=AFTER_THE_PERIOD)
    assert json.loads((final / FIGURES_NAME).read_text(encoding="utf-8"))["provisoire"] is False
    result = consolidate([pack, final], today=lambda: AFTER_THE_PERIOD)
    assert [i.status for i in result.inputs] == [VERIFIED_DRAFT, VERIFIED]
    assert [f.draft for f in result.counted] == [True, False]
    out = write_xlsx(result, tmp_path / "region.xlsx")
    rows = [list(r) for r in openpyxl.load_workbook(out)["Vue régionale"].iter_rows(values_only=True)]
    assert "provisoire" in rows[2][0]  # the note says drafts are counted
    top = next(i for i, r in enumerate(rows) if r[0] == "CPTS")
    assert [r[-1] for r in rows[top + 1 : top + 3]] == [VERIFIED_DRAFT, VERIFIED]
    # Both counted: the total formula adds the two kinds of verified rows.
    formula = rows[top + 3][3]
    assert f'"{VERIFIED}"' in formula
    assert f'"{VERIFIED_DRAFT}"' in formula
    pdf = write(result, tmp_path / "region.pdf")
    text = plain(" ".join(page.extract_text() for page in PdfReader(pdf).pages))
    assert "vérifié (provisoire)" in text


def test_the_same_cpts_written_another_way_is_a_duplicate(
    carnet: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = [
        "CPTS Émeraude",
        "CPTS Émeraude ",  # a trailing space
        unicodedata.normalize("NFD", "CPTS Émeraude"),
        "CPTS \u200bÉmeraude",  # a zero-width space
        "\u2066CPTS  émeraude\u2069",  # direction isolates, two spaces, lower case
        "CPTS du Saintois",
    ]
    figures = own_figures(carnet)

    def read(path: Path, today: Any = None, passphrase: Any = None) -> InputResult:
        return InputResult(path, "dossier", "", True, (), replace(figures, cpts=names[int(path.name)]))

    monkeypatch.setattr(region, "read_input", read)
    result = consolidate([Path(str(n)) for n in range(len(names))])
    assert [i.figures is not None for i in result.inputs] == [True, False, False, False, False, True]
    assert {i.status for i in result.inputs[1:5]} == {
        "refusé : doublon : la même CPTS et la même période que « 0 »"
    }
    assert [f.cpts for f in result.counted] == ["CPTS Émeraude", "CPTS du Saintois"]


def test_direction_isolates_are_kept_out_of_the_documents(carnet: Path, tmp_path: Path) -> None:
    isolates = "".join(chr(c) for c in range(0x2066, 0x206A))
    assert printable(f"CPTS {isolates}x\u202e\u200f") == "CPTS x"
    figures = replace(own_figures(carnet), cpts="CPTS \u2066du Saintois\u2069\u2067", departement="54\u2068")
    consolidation = Consolidation([InputResult(carnet, "carnet", "", True, (), figures)])
    out = write_xlsx(consolidation, tmp_path / "region.xlsx")
    cells = [
        str(v)
        for r in openpyxl.load_workbook(out)["Vue régionale"].iter_rows(values_only=True)
        for v in r
        if v
    ]
    assert "CPTS du Saintois" in cells
    assert "54" in cells
    assert not any(set(isolates) & set(cell) for cell in cells)
    pdf = write(consolidation, tmp_path / "region.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "CPTS du Saintois" in text
    assert "?" not in text

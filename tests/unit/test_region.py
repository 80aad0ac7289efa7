"""The regional view: carnets (read from a private copy, never modified) and packs (checked
against their manifest) consolidated into one workbook whose rows are each CPTS's own figures
and whose totals are formulas over the verified rows; a tampered pack flagged and not counted,
garbled inputs refused by name while the others are still written, exit status 1."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from ambassadeur_app.demo import REFERENCE_DAY, build_demo
from ambassadeur_app.domain.events import EventStatus
from ambassadeur_app.domain.formatting import format_euros, format_hours
from ambassadeur_app.reports.manifest import CSV_NAME, TIMESHEETS
from ambassadeur_app.reports.region import write, write_xlsx
from ambassadeur_app.services import open_service, region
from ambassadeur_app.services.region import VERIFIED_DRAFT, CptsFigures, consolidate
from tests.conftest import log_entry, plain
from tests.unit.test_cli import run


def make_carnet(folder: Path, name: str, code: str, departement: str, extra_minutes: int = 0) -> Path:
    """Build the demo in a new carnet, renamed to another CPTS; with ``extra_minutes`` logged."""
    path = folder / f"{code}.ambassadeur"
    with open_service(path, create=True, today=lambda: REFERENCE_DAY) as service:
        build_demo(service)
        programme = service.programme()
        service.save_programme(
            replace(programme, cpts_name=name, departement_code=code, departement_name=departement)
        )
        if extra_minutes:
            log_entry(service, REFERENCE_DAY - timedelta(days=3), extra_minutes, who="Julien Marchal")
    return path


def own_figures(path: Path) -> CptsFigures:
    """Return the figures the carnet's own services give (bilan and indicators)."""
    with open_service(path, readonly=True, today=lambda: REFERENCE_DAY) as service:
        bilan, _ = service.bilan.bilan()
        programme = bilan.programme
        return CptsFigures(
            cpts=programme.cpts_name,
            departement=f"{programme.departement_code} {programme.departement_name}",
            start_date=programme.start_date,
            end_date=programme.end_date,
            worked_minutes=sum(m.worked_minutes for m in bilan.months),
            funded_minutes=bilan.funded_minutes,
            hourly_cents=bilan.hourly_cents,
            event_cents=bilan.event_cents,
            grant_cents=bilan.grant_cents,
            received_cents=bilan.received_cents,
            indicators=tuple(
                region.IndicatorLine(i.title, i.target_text, i.current_text, i.status_text)
                for i in service.indicators.all()
            ),
            events_held=sum(
                event.status is EventStatus.DONE
                for event in service.events.events(service.events.event_ids()).values()
            ),
            draft=bilan.draft,
        )


def write_pack(carnet: Path, out: Path) -> Path:
    with open_service(carnet, readonly=True, today=lambda: REFERENCE_DAY) as service:
        result = service.pack.write(out, zip=True)
    assert result is not None
    assert result.archive is not None
    return result.archive


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def inputs(tmp_path: Path) -> list[Path]:
    """Two carnets and the zipped pack of a third."""
    a = make_carnet(tmp_path, "CPTS du Saintois", "54", "Meurthe-et-Moselle")
    b = make_carnet(tmp_path, "CPTS des Vosges", "88", "Vosges", extra_minutes=95)
    c = make_carnet(tmp_path, "CPTS de la Meuse", "55", "Meuse")
    return [a, b, write_pack(c, tmp_path / "dossier-meuse")]


def test_carnets_and_a_pack_are_consolidated_with_their_own_figures(
    inputs: list[Path], tmp_path: Path
) -> None:
    carnets = inputs[:2]
    before = {p: sha(p) for p in carnets}
    beside = sorted(p.name for p in tmp_path.iterdir())
    consolidation = consolidate(inputs, today=lambda: REFERENCE_DAY)
    assert [i.status for i in consolidation.inputs] == [VERIFIED_DRAFT] * 3  # the period runs
    expected = [own_figures(p) for p in [*carnets, tmp_path / "55.ambassadeur"]]
    assert consolidation.counted == expected
    assert expected[0].worked_minutes + 95 == expected[1].worked_minutes
    # Read-only: the carnets are unchanged, and nothing was written beside them.
    assert {p: sha(p) for p in carnets} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == beside

    out = write_xlsx(consolidation, tmp_path / "region.xlsx")
    sheet = openpyxl.load_workbook(out)["Vue régionale"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    top = next(i for i, r in enumerate(rows) if r[0] == "CPTS")
    body = rows[top + 1 : top + 4]
    assert [r[0] for r in body] == [f.cpts for f in expected]
    assert [r[1] for r in body] == ["54 Meurthe-et-Moselle", "88 Vosges", "55 Meuse"]
    for row, figures in zip(body, expected, strict=True):
        assert round(row[3] * 60) == figures.worked_minutes
        assert round(row[4] * 60) == figures.funded_minutes
        money = [round(v * 100) for v in row[5:11]]
        assert money == [
            figures.hourly_cents,
            figures.event_cents,
            figures.total_cents,
            figures.grant_cents,
            figures.received_cents,
            min(figures.grant_cents, figures.total_cents) - (figures.received_cents or 0),
        ]
        assert row[11] == figures.events_held
        assert "Atteint" in " ".join(str(v) for v in row[12:])
        assert row[-1] == VERIFIED_DRAFT
    totals = rows[top + 4]
    assert totals[0] == "Total régional (lignes vérifiées)"
    first, last = top + 2, top + 4
    status = f"${openpyxl.utils.get_column_letter(len(rows[top]))}"
    assert totals[3] == (
        f'=SUMIF({status}${first}:{status}${last},"vérifié",D{first}:D{last})'
        f'+SUMIF({status}${first}:{status}${last},"vérifié (provisoire)",D{first}:D{last})'
    )
    # The formulas add the rows above: the regional figures are the sums of the CPTS'.
    assert sum(round(r[3] * 60) for r in body) == sum(f.worked_minutes for f in expected)
    assert sum(round(r[7] * 100) for r in body) == sum(f.total_cents for f in expected)
    files = [list(r) for r in openpyxl.load_workbook(out)["Fichiers reçus"].iter_rows(values_only=True)]
    assert [r[2] for r in files[3:]] == [sha(p) for p in inputs]
    # The PDF shows the same rows and the sums of the verified ones.
    pdf = write(consolidation, tmp_path / "region.pdf")
    text = plain(" ".join(page.extract_text() for page in PdfReader(pdf).pages))
    assert all(f.cpts in text for f in expected)
    assert plain(format_euros(sum(f.total_cents for f in expected))) in text
    assert plain(format_hours(sum(f.funded_minutes for f in expected))) in text


def test_a_tampered_pack_is_flagged_and_not_counted(tmp_path: Path) -> None:
    carnet = make_carnet(tmp_path, "CPTS du Saintois", "54", "Meurthe-et-Moselle")
    archive = write_pack(carnet, tmp_path / "dossier")
    folder = tmp_path / "dossier"
    found = consolidate([folder]).inputs[0]
    assert found.status == VERIFIED_DRAFT
    assert found.sha256 == sha(folder / CSV_NAME)
    changed = sorted((folder / TIMESHEETS).glob("*.xlsx"))[0]
    changed.write_bytes(changed.read_bytes() + b"\0")
    (folder / "en-trop.txt").write_text("ajouté", encoding="utf-8")
    result = consolidate([folder, archive], today=lambda: REFERENCE_DAY)
    tampered, intact = result.inputs
    assert not tampered.verified
    assert tampered.figures is not None
    relative = changed.relative_to(folder).as_posix()
    assert tampered.status == (
        f"non vérifié : fichier modifié : {relative} ; fichier absent du manifeste : en-trop.txt"
    )
    # The same CPTS from its intact zip is counted; the tampered copy is not a duplicate of it,
    # it is simply not counted.
    assert result.counted == [intact.figures]
    out = write_xlsx(result, tmp_path / "region.xlsx")
    rows = [list(r) for r in openpyxl.load_workbook(out)["Vue régionale"].iter_rows(values_only=True)]
    assert any(str(r[-1]).startswith("non vérifié : fichier modifié") for r in rows)


def test_an_oversized_entry_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    carnet = make_carnet(tmp_path, "CPTS du Saintois", "54", "Meurthe-et-Moselle")
    archive = write_pack(carnet, tmp_path / "dossier")
    monkeypatch.setattr(region, "MAX_ENTRY_BYTES", 1000)
    found = consolidate([archive]).inputs[0]
    assert found.figures is None
    assert found.status.startswith("refusé : fichier démesuré dans le dossier")


def test_the_command_refuses_garbled_inputs_and_writes_the_others(tmp_path: Path, private_home: Path) -> None:
    carnet = make_carnet(tmp_path, "CPTS du Saintois", "54", "Meurthe-et-Moselle")
    before = sha(carnet)
    archive = write_pack(carnet, tmp_path / "dossier")
    truncated = tmp_path / "tronque.zip"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    other = tmp_path / "autre.xlsx"
    openpyxl.Workbook().save(other)
    latin = tmp_path / "notes.csv"
    latin.write_bytes("Données;été\n".encode("latin-1"))
    copy = tmp_path / "copie.ambassadeur"
    copy.write_bytes(carnet.read_bytes())
    out = tmp_path / "region.xlsx"
    done = run("consolider", carnet, truncated, other, latin, copy, "--sortie", out, home=private_home)
    assert done.returncode == 1
    assert "tronque.zip : refusé : archive .zip tronquée ou abîmée : sa table des fichiers" in done.stdout
    assert "autre.xlsx : refusé : pas de manifeste" in done.stdout
    assert "notes.csv : refusé : ni un carnet, ni un dossier de justification" in done.stdout
    assert "copie.ambassadeur : refusé : doublon" in done.stdout
    assert done.stderr.startswith("erreur : 4 fichiers refusés ou non vérifiés : « tronque.zip »")
    rows = [list(r) for r in openpyxl.load_workbook(out)["Vue régionale"].iter_rows(values_only=True)]
    assert [r[0] for r in rows if r[-1] == VERIFIED_DRAFT] == ["CPTS du Saintois"]
    assert sha(carnet) == before
    help_text = run("consolider", "--help", home=private_home).stdout
    assert "statut 1 si un fichier est refusé" in " ".join(help_text.split())


def test_a_carnet_still_open_elsewhere_is_read_with_its_log_and_left_untouched(tmp_path: Path) -> None:
    carnet = make_carnet(tmp_path, "CPTS du Saintois", "54", "Meurthe-et-Moselle")
    expected = own_figures(carnet)
    with open_service(carnet, today=lambda: REFERENCE_DAY) as writer:
        writer.carnet.db.execute("PRAGMA wal_autocheckpoint = 0")
        log_entry(writer, REFERENCE_DAY - timedelta(days=2), 70, who="Julien Marchal")
        wal = Path(f"{carnet}-wal")
        assert wal.stat().st_size > 0  # the entry is still in the log only
        before = {p.name: sha(p) for p in tmp_path.iterdir() if p.is_file()}
        found = consolidate([carnet], today=lambda: REFERENCE_DAY).counted
        assert {p.name: sha(p) for p in tmp_path.iterdir() if p.is_file()} == before
    assert [f.worked_minutes for f in found] == [expected.worked_minutes + 70]

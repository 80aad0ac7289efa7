"""What a newcomer found following the README on a fresh home: the command line and the app use
the same carnet, a typo never makes an activity, the examples fit the demonstration, and each
message says what happened (real counts, agreements, the period, guillemets)."""

from __future__ import annotations

import os
import re
import shlex
import sqlite3
import subprocess
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from ambassadeur_app import cli, paths
from ambassadeur_app.demo import REFERENCE_DAY, build_demo, demo_months
from ambassadeur_app.demo.entries import AMBASSADORS
from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.register import RequestCategory
from ambassadeur_app.services import open_service
from tests.unit import test_cli
from tests.unit.test_cli import run, saisir

carnet = test_cli.carnet  # the experiment from 1 September 2024 to 28 February 2025
EXAMPLES = paths.resource_dir() / "exemples"
EXAMPLES_DAY = date(2026, 11, 30)  # a demonstration built on this day holds the examples' dates


def plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def live_count(carnet: Path, table: str) -> int:
    with sqlite3.connect(carnet) as conn:
        count: int = conn.execute(f"SELECT COUNT(*) FROM {table} WHERE deleted_at IS NULL").fetchone()[0]
    return count


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


# --- 1. the carnet without --carnet -----------------------------------------------------------------


def test_without_carnet_the_commands_use_the_carnet_the_app_opens(private_home: Path) -> None:
    nothing = run("resume", home=private_home)
    assert nothing.returncode == 1
    demo_file = private_home / "data" / "demonstration.ambassadeur"
    assert f"ni la démonstration « {demo_file} »" in nothing.stderr
    assert "« ambassadeur demo »" in nothing.stderr
    built = run("demo", home=private_home)
    assert built.returncode == 0, built.stderr
    assert f"Carnet de démonstration créé : {demo_file}" in built.stdout
    checked = run("check", home=private_home)
    assert checked.returncode == 0, checked.stderr
    assert f"Le carnet « {demo_file} » est sain" in checked.stdout
    assert run("resume", home=private_home).returncode == 0
    again = run("demo", home=private_home)  # the same demonstration, not a second one
    assert again.returncode == 0, again.stderr
    assert f"La démonstration est déjà installée : {demo_file}" in again.stdout
    assert sorted(p.name for p in (private_home / "data").glob("*.ambassadeur")) == [
        "demonstration.ambassadeur"
    ]
    # The carnet created by « init » comes first, as in the window.
    made = run(
        "init", "--cpts", "CPTS Test", "--departement", "54", "--debut", "2026-01-05", home=private_home
    )
    assert made.returncode == 0, made.stderr
    assert (
        f"« {private_home / 'data' / 'carnet.ambassadeur'} » est sain"
        in run("check", home=private_home).stdout
    )


def test_without_carnet_the_commands_use_the_carnet_the_window_showed_last(
    private_home: Path, carnet: Path, tmp_path: Path
) -> None:
    # As QSettings writes it: quoted for the comma, the quote and the backslash escaped.
    odd = tmp_path / 'mon "carnet", 2026\\b.ambassadeur'
    carnet.rename(odd)
    written = str(odd).replace("\\", "\\\\").replace('"', '\\"')
    settings = paths.settings_file()
    settings.write_text(f'[carnet]\nlast="{written}"\nopens_on=dashboard\n', encoding="utf-8")
    assert paths.last_carnet() == odd
    checked = run("check", home=private_home)
    assert checked.returncode == 0, checked.stderr
    assert f"Le carnet « {odd} » est sain" in checked.stdout
    # The window showed the demonstration last (an empty value): the default carnet, else the demo.
    settings.write_text("[carnet]\nlast=\n", encoding="utf-8")
    assert paths.last_carnet() is None
    assert paths.opened_carnet(None) == (paths.demo_carnet_path(), True)


def test_help_says_which_carnet_is_used(private_home: Path) -> None:
    text = " ".join(run("--help", home=private_home).stdout.split())
    assert "celui qu'ouvre l'application" in text
    assert "demonstration.ambassadeur" in text


@pytest.mark.parametrize("platform", ["linux", "win32"])
def test_the_carnet_option_to_paste_fits_the_terminal(
    private_home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    platform: str,
) -> None:
    # The window showed another carnet last: init says how to reach the new one, quoted as this
    # system's terminal reads it (cmd.exe reads no single quotes).
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "dossier d'Anne & Cie"))
    shown = tmp_path / "montré.ambassadeur"
    shown.touch()
    paths.settings_file().write_text(f"[carnet]\nlast={shown}\n", encoding="utf-8")
    monkeypatch.setattr(sys, "platform", platform)
    made = str(paths.default_carnet_path())
    assert cli.main(["init", "--cpts", "CPTS Test", "--departement", "54", "--debut", "2026-01-05"]) == 0
    said = capsys.readouterr().out
    option = said.split("ajoutez --carnet ", 1)[1].rstrip("\n")
    if platform == "win32":
        assert option == f'"{made}"'
    else:
        assert option.startswith("'")
        assert shlex.split(option) == [made]


# --- 2. an unknown activity -------------------------------------------------------------------------


def test_a_typo_in_the_activity_is_refused_with_the_closest_ones(carnet: Path, private_home: Path) -> None:
    typo = saisir(carnet, private_home, mission="promotion", activity="Rencontre / vsite")
    assert typo.returncode == 1
    assert typo.stderr.startswith("erreur : « Rencontre / vsite » n'est pas dans la liste des activités")
    assert "Activités proches : « Rencontre / visite »." in typo.stderr
    assert "--nouvelle-activite" in typo.stderr
    assert live_count(carnet, "time_entries") == 0
    with sqlite3.connect(carnet) as conn:
        assert conn.execute("SELECT COUNT(*) FROM activities WHERE label LIKE '%vsite%'").fetchone()[0] == 0
    wanted = run(
        "--carnet", carnet, "saisir", "--date", "02/09/2024", "--ambassadeur", "Paul Martin", "--mission",
        "promotion", "--activite", "Stand au salon", "--duree", "2h", "--nouvelle-activite",
        home=private_home,
    )  # fmt: skip
    assert wanted.returncode == 0, wanted.stderr
    assert live_count(carnet, "time_entries") == 1
    # Case and accents do not make an activity new.
    assert saisir(carnet, private_home, mission="promotion", activity="rencontre / VISITE").returncode == 0


# --- 3. the example files ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["carnet.xlsx", "carnet.csv"])
def test_the_examples_fit_the_demonstration(tmp_path: Path, name: str) -> None:
    with open_service(tmp_path / "demo.ambassadeur", create=True, today=lambda: EXAMPLES_DAY) as service:
        build_demo(service)
        months = demo_months(EXAMPLES_DAY)
        preview = service.preview_import(EXAMPLES / name)
        assert (preview.invalid, preview.new_ambassadors, preview.new_activities) == ([], [], [])
        assert preview.warnings == []
        assert len(preview.valid) == 12
        assert {line.ambassador for line in preview.valid} == {a.name for a in AMBASSADORS}
        closed = service.closed_months()
        assert all(
            Month.of(line.day) in months and Month.of(line.day) not in closed for line in preview.valid
        )


def test_importing_a_file_again_is_a_success_with_nothing_new(
    carnet: Path, private_home: Path, tmp_path: Path
) -> None:
    path = tmp_path / "carnet.csv"
    path.write_text(
        "Date;Ambassadeur;Mission;Activité;Durée;Description\n"
        "02/09/2024;Marie Durand;Promotion;Appel;1h;Premier appel\n"
        "03/09/2024;Paul Martin;Formation;Session de formation;2h;Formation\n",
        encoding="utf-8",
    )
    first = run("--carnet", carnet, "import", "carnet", path, home=private_home)
    assert first.returncode == 0, first.stderr
    again = run("--carnet", carnet, "import", "carnet", path, home=private_home)
    assert (again.returncode, again.stderr) == (0, "")
    assert again.stdout == "Rien de nouveau : les 2 lignes sont déjà dans le carnet.\n"
    assert live_count(carnet, "time_entries") == 2
    assert len(run("--carnet", carnet, "imports", home=private_home).stdout.splitlines()) == 1
    empty = tmp_path / "vide.csv"
    empty.write_text("Date;Ambassadeur;Mission;Activité;Durée;Description\n", encoding="utf-8")
    refused = run("--carnet", carnet, "import", "carnet", empty, home=private_home)
    assert refused.returncode == 1
    assert refused.stderr.startswith("erreur : ")


# --- 4 and 5. counts and agreements -----------------------------------------------------------------


def test_demo_says_the_entries_the_carnet_holds_and_an_invoice_is_jointe(
    private_home: Path, tmp_path: Path
) -> None:
    path = tmp_path / "demo.ambassadeur"
    built = run("--carnet", path, "demo", home=private_home)
    assert built.returncode == 0, built.stderr
    said = int(re.search(r"\((\d+) entrées\)", built.stdout).group(1))  # type: ignore[union-attr]
    checked = run("--carnet", path, "check", home=private_home).stdout
    assert f"({said} entrées)" in checked
    assert said == live_count(path, "time_entries")
    listing = run("--carnet", path, "depenses", home=private_home).stdout
    expense_id = listing.split()[0]
    scan = tmp_path / "facture.pdf"
    scan.write_bytes(b"%PDF-1.4\n% scan\n%%EOF\n")
    invoice = run(
        "--carnet", path, "depenses", "joindre", expense_id, scan, "--type", "facture", home=private_home
    )
    assert invoice.returncode == 0, invoice.stderr
    assert invoice.stdout.startswith("Facture jointe à la dépense ")
    scan.write_bytes(b"%PDF-1.4\n% devis\n%%EOF\n")
    quote = run(
        "--carnet", path, "depenses", "joindre", expense_id, scan, "--type", "devis", home=private_home
    )
    assert quote.returncode == 0, quote.stderr
    assert quote.stdout.startswith("Devis joint à la dépense ")


# --- 6. a month outside the period -----------------------------------------------------------------


@pytest.mark.parametrize("month", ["2024-08", "2025-03"])
def test_resume_of_a_month_outside_the_period_says_so(carnet: Path, private_home: Path, month: str) -> None:
    summary = run("--carnet", carnet, "resume", "--mois", month, home=private_home)
    assert summary.returncode == 0, summary.stderr
    text = plain(summary.stdout)
    assert "mois hors période de l'expérimentation (du 01/09/2024 au 28/02/2025)" in text
    assert "sur 0,00 €" not in text
    assert "mois 6 sur 6" not in text
    inside = plain(run("--carnet", carnet, "resume", "--mois", "2024-10", home=private_home).stdout)
    assert "montant demandé : 0,00 € sur 2 000,00 €" in inside
    assert "hors période" not in inside


# --- 7. closing ------------------------------------------------------------------------------------


def test_a_refused_close_writes_no_folder(carnet: Path, private_home: Path, tmp_path: Path) -> None:
    assert saisir(carnet, private_home, who="Marie Durand").returncode == 0
    closed = run(
        "--carnet", carnet, "cloturer", "--mois", "2024-09", "--dossier", tmp_path / "r", home=private_home
    )
    assert closed.returncode == 0, closed.stderr
    documents = paths.documents_path()
    again = run("--carnet", carnet, "cloturer", "--mois", "2024-09", home=private_home)
    assert again.returncode == 1
    assert "déjà clôturé" in again.stderr
    assert not documents.exists()


def test_closing_again_keeps_the_earlier_relevé(carnet: Path, private_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "relevés"
    assert saisir(carnet, private_home, who="Marie Durand").returncode == 0
    assert (
        run(
            "--carnet", carnet, "cloturer", "--mois", "2024-09", "--dossier", folder, home=private_home
        ).returncode
        == 0
    )
    signed = (folder / "releve-heures-2024-09.pdf").read_bytes()
    reopened = run("--carnet", carnet, "rouvrir", "--mois", "2024-09", "--motif", "Oubli", home=private_home)
    assert reopened.returncode == 0, reopened.stderr
    second = run("--carnet", carnet, "cloturer", "--mois", "2024-09", "--dossier", folder, home=private_home)
    assert second.returncode == 0, second.stderr
    assert "gardé tel quel" in second.stdout
    assert "releve-heures-2024-09-cloture-2" in second.stdout
    assert sorted(p.name for p in folder.iterdir()) == [
        "releve-heures-2024-09-cloture-2.pdf",
        "releve-heures-2024-09-cloture-2.xlsx",
        "releve-heures-2024-09.pdf",
        "releve-heures-2024-09.xlsx",
    ]
    assert (folder / "releve-heures-2024-09.pdf").read_bytes() == signed
    assert "Oubli" in pdf_text(folder / "releve-heures-2024-09-cloture-2.pdf")
    assert "Oubli" not in pdf_text(folder / "releve-heures-2024-09.pdf")


def test_closing_a_month_not_ended_warns(private_home: Path, tmp_path: Path) -> None:
    current = Month.of(date.today())
    path = tmp_path / "now.ambassadeur"
    start = current.add(-2).first_day.isoformat()
    made = run(
        "--carnet", path, "init", "--cpts", "C", "--departement", "54", "--debut", start, home=private_home
    )
    assert made.returncode == 0, made.stderr
    folder = tmp_path / "r"
    early = run("--carnet", path, "cloturer", "--mois", str(current), "--dossier", folder, home=private_home)
    assert early.returncode == 0, early.stderr
    assert f"attention : le mois {current.of_label()} n'est pas terminé" in early.stderr
    past = run(
        "--carnet", path, "cloturer", "--mois", str(current.add(-1)), "--dossier", folder, home=private_home
    )
    assert (past.returncode, past.stderr) == (0, "")


# --- 8. a reading before the start -----------------------------------------------------------------


def test_a_reading_before_the_start_is_refused_unless_it_is_the_reference(
    carnet: Path, private_home: Path
) -> None:
    early = run(
        "--carnet", carnet, "lecture", "--date", "01/08/2024", "--utilisateurs", "400", home=private_home
    )
    assert early.returncode == 1
    assert "avant le début de l'expérimentation (01/09/2024)" in early.stderr
    assert live_count(carnet, "user_readings") == 0
    reference = run(
        "--carnet", carnet, "lecture", "--date", "01/08/2024", "--utilisateurs", "400", "--reference",
        home=private_home,
    )  # fmt: skip
    assert reference.returncode == 0, reference.stderr
    inside = run(
        "--carnet", carnet, "lecture", "--date", "01/10/2024", "--utilisateurs", "420", home=private_home
    )
    assert inside.returncode == 0, inside.stderr
    assert live_count(carnet, "user_readings") == 2


# --- 10. the demonstration's details ---------------------------------------------------------------


def test_the_demo_requests_come_in_working_hours_and_fit_their_category(demo_path: Path) -> None:
    with open_service(demo_path, readonly=True, today=lambda: REFERENCE_DAY) as service:
        register = service.register
        requests = register.solicitations(register.solicitation_ids()).values()
        assert len(requests) > 5
        for request in requests:
            received = request.received_at
            assert time(8) <= received.time() < time(18), received
            assert received.weekday() < 5, received
            if request.answered_at is not None:
                assert received <= request.answered_at
            if "Réinitialisation d'accès" in request.description:
                assert request.category is RequestCategory.ACCESS


def test_the_demo_closings_are_dated_after_their_month(demo_path: Path, tmp_path: Path) -> None:
    first, second = demo_months(REFERENCE_DAY)[:2]
    with sqlite3.connect(demo_path) as conn:
        rows = conn.execute(
            "SELECT month, closed_at, reopened_at FROM month_locks ORDER BY closed_at"
        ).fetchall()
    assert [row[0] for row in rows] == [str(first), str(second), str(second)]
    for month, closed_at, reopened_at in rows:
        closed = datetime.fromisoformat(closed_at.replace("Z", "+00:00")).date()
        last = Month.parse(month).last_day
        assert last < closed <= last + timedelta(days=14), (month, closed_at)
        if reopened_at:
            assert closed_at < reopened_at
    out = tmp_path / "juillet.pdf"
    result = run(
        "--carnet", demo_path, "export", "releve", "--mois", str(first), "--format", "pdf", "--sortie", out,
        home=tmp_path / "home",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    closing = re.search(r"Mois clôturé le (\d\d/\d\d/\d{4})", pdf_text(out))
    assert closing is not None
    assert datetime.strptime(closing.group(1), "%d/%m/%Y").date() > first.last_day


# --- 11 and 12. sync and usage errors ----------------------------------------------------------------


def test_sync_of_a_carnet_not_shared_says_so_before_any_passphrase(carnet: Path, private_home: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "AMBASSADEUR_PHRASE_SECRETE"}
    env["AMBASSADEUR_HOME"] = str(private_home)
    result = subprocess.run(
        [sys.executable, "-m", "ambassadeur_app", "--carnet", str(carnet), "sync"],
        capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, check=False, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.startswith("erreur : Ce carnet n'est pas partagé")
    assert "phrase secrète" not in result.stderr


def test_usage_errors_quote_with_guillemets(carnet: Path, private_home: Path) -> None:
    unknown = run("frobnicate", home=private_home)
    assert unknown.returncode == 2
    assert "choix invalide : « frobnicate » (possibles : « init », « demo »," in unknown.stderr
    assert "'" not in unknown.stderr.splitlines()[-1]
    wrong = run(
        "--carnet", carnet, "export", "releve", "--mois", "2024-09", "--format", "docx", "--sortie", "x",
        home=private_home,
    )  # fmt: skip
    assert wrong.returncode == 2
    assert wrong.stderr.splitlines()[-1] == (
        "erreur : argument --format : choix invalide : « docx » (possibles : « xlsx », « pdf »)"
    )
    delay = run("--fermer-apres", "bientôt", home=private_home)
    assert delay.stderr.splitlines()[-1] == "erreur : argument --fermer-apres : valeur invalide : « bientôt »"

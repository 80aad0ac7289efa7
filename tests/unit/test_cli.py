"""The real command, run as a subprocess: exit codes, French messages, files written."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from ambassadeur_app import __version__, errors
from ambassadeur_app.storage.db import acquire_lock


def run(*args: str | Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "AMBASSADEUR_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "ambassadeur_app", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )


def saisir(
    carnet: Path,
    home: Path,
    day: str = "02/09/2024",
    who: str = "Paul Martin",
    mission: str = "formation",
    activity: str = "Session de formation",
    duration: str = "1h",
    description: str = "",
) -> subprocess.CompletedProcess[str]:
    """Log one entry with the ``saisir`` command."""
    return run(
        "--carnet",
        carnet,
        "saisir",
        "--date",
        day,
        "--ambassadeur",
        who,
        "--mission",
        mission,
        "--activite",
        activity,
        "--duree",
        duration,
        "--description",
        description,
        home=home,
    )


def export(carnet: Path, home: Path, fmt: str, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Export September 2024's timesheet with the ``export releve`` command."""
    return run(
        "--carnet",
        carnet,
        "export",
        "releve",
        "--mois",
        "2024-09",
        "--format",
        fmt,
        "--sortie",
        out,
        *extra,
        home=home,
    )


@pytest.fixture
def carnet(tmp_path: Path, private_home: Path) -> Path:
    path = tmp_path / "cli.ambassadeur"
    result = run(
        "--carnet",
        path,
        "init",
        "--cpts",
        "CPTS du Toulois",
        "--departement",
        "54",
        "--debut",
        "2024-09-01",
        "--ambassadeur",
        "Marie Durand:medical",
        "--ambassadeur",
        "Paul Martin:administratif",
        home=private_home,
    )
    assert result.returncode == 0, result.stderr
    assert "Expérimentation du 01/09/2024 au 28/02/2025." in result.stdout
    return path


def test_version_and_french_help(private_home: Path) -> None:
    result = run("--version", home=private_home)
    assert result.stdout.strip() == f"Carnet de bord ambassadeur {__version__}"
    help_text = run("--help", home=private_home).stdout
    assert "utilisation :" in help_text
    assert "affiche cette aide et quitte" in help_text
    assert "remplit un carnet neuf" in help_text


def test_bad_usage_exits_2_in_french(private_home: Path, carnet: Path) -> None:
    result = run("--carnet", carnet, "export", "releve", "--format", "pdf", home=private_home)
    assert result.returncode == 2
    assert "erreur : arguments obligatoires manquants : --mois, --sortie" in result.stderr
    result = run(
        "--carnet",
        carnet,
        "export",
        "releve",
        "--mois",
        "2024-13",
        "--format",
        "pdf",
        "--sortie",
        "x.pdf",
        home=private_home,
    )
    assert result.returncode == 2
    assert "le mois doit aller de 01 à 12" in result.stderr
    result = run("--carnet", carnet, "inconnue", home=private_home)
    assert result.returncode == 2
    assert "choix invalide" in result.stderr


def test_log_summarise_export_and_close(carnet: Path, private_home: Path, tmp_path: Path) -> None:
    result = saisir(
        carnet,
        private_home,
        who="marie durand",
        mission="promotion",
        activity="Rencontre / visite",
        duration="2h30",
        description="MSP de Toul",
    )
    assert result.returncode == 0, result.stderr
    assert "Entrée enregistrée (2 h 30 le 02/09/2024)." in result.stdout.replace("\u00a0", " ")
    refused = saisir(carnet, private_home, who="Marie Durand", duration="22h")
    assert refused.returncode == 1
    assert refused.stderr.startswith("erreur : Marie Durand aurait 24")
    summary = run("--carnet", carnet, "resume", "--mois", "2024-09", home=private_home)
    assert "montant demandé : 125,00 € sur 2 000,00 €" in summary.stdout.replace("\u00a0", " ")
    xlsx = tmp_path / "sept.xlsx"
    pdf = tmp_path / "sept.pdf"
    assert export(carnet, private_home, "xlsx", xlsx).returncode == 0
    assert export(carnet, private_home, "pdf", pdf, "--ambassadeur", "Marie Durand").returncode == 0
    sheet = openpyxl.load_workbook(xlsx)["Relevé"]
    assert sheet["A1"].value == "Relevé d'heures — Septembre 2024"
    assert "Marie Durand" in PdfReader(pdf).pages[0].extract_text()
    unknown = export(carnet, private_home, "pdf", pdf, "--ambassadeur", "Inconnu")
    assert unknown.returncode == 1
    assert "Ambassadeur inconnu : « Inconnu »" in unknown.stderr
    closed = run(
        "--carnet", carnet, "cloturer", "--mois", "2024-09", "--dossier", tmp_path, home=private_home
    )
    assert closed.returncode == 0, closed.stderr
    assert (tmp_path / "releve-heures-2024-09.pdf").exists()
    locked = saisir(
        carnet, private_home, day="03/09/2024", who="Marie Durand", mission="promotion", activity="Appel"
    )
    assert locked.returncode == 1
    assert "est clôturé" in locked.stderr
    reopened = run("--carnet", carnet, "rouvrir", "--mois", "2024-09", "--motif", "Oubli", home=private_home)
    assert reopened.returncode == 0


def test_import_with_invalid_lines_writes_nothing_unless_asked(
    carnet: Path, private_home: Path, tmp_path: Path
) -> None:
    source = tmp_path / "carnet.csv"
    source.write_text(
        "Date;Ambassadeur;Mission;Activité;Durée;Description\n"
        "02/09/2024;Marie Durand;Promotion;Appel;1h;ok\n"
        "32/09/2024;Marie Durand;Promotion;Appel;1h;mauvaise date\n",
        encoding="utf-8",
    )
    refused = run("--carnet", carnet, "import", "carnet", source, home=private_home)
    assert refused.returncode == 1
    assert "ligne invalide — ligne 3, colonne Date « 32/09/2024 »" in refused.stderr
    assert "rien n'a été importé" in refused.stderr
    assert "0 entrée" in run("--carnet", carnet, "check", home=private_home).stdout
    done = run("--carnet", carnet, "import", "carnet", source, "--ignorer-invalides", home=private_home)
    assert done.returncode == 0, done.stderr
    assert "1 entrée importée, 1 ligne invalide ignorée" in done.stdout
    import_id = done.stdout.split("annuler-import ")[1].split()[0]
    listed = run("--carnet", carnet, "imports", home=private_home)
    assert import_id in listed.stdout
    undone = run("--carnet", carnet, "annuler-import", import_id, home=private_home)
    assert "1 entrée retirée" in undone.stdout


def test_backup_into_a_folder_named_with_a_final_slash(
    carnet: Path, private_home: Path, tmp_path: Path
) -> None:
    env = {**os.environ, "AMBASSADEUR_PHRASE_SECRETE": "une phrase assez longue"}
    for extra, folder in (([], tmp_path / "cle" / "sauvegardes"), (["--chiffrer"], tmp_path / "chiffre")):
        done = subprocess.run(
            [sys.executable, "-m", "ambassadeur_app", "--carnet", str(carnet), "backup", *extra,
             "--sortie", f"{folder}/"],
            capture_output=True, text=True, check=False, env={**env, "AMBASSADEUR_HOME": str(private_home)},
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        (copy,) = folder.iterdir()  # a folder was made, with one copy inside named by its date
        assert copy.name.endswith((".ambassadeur", ".carnet-chiffre"))


def test_backup_restore_and_check(carnet: Path, private_home: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copie.ambassadeur"
    assert run("--carnet", carnet, "backup", "--sortie", copy, home=private_home).returncode == 0
    saisir(carnet, private_home)
    assert "1 entrée" in run("--carnet", carnet, "check", home=private_home).stdout
    restored = run("--carnet", carnet, "restore", copy, home=private_home)
    assert restored.returncode == 0, restored.stderr
    assert "L'ancien carnet a été conservé" in restored.stdout
    assert "0 entrée" in run("--carnet", carnet, "check", home=private_home).stdout
    listing = run("--carnet", carnet, "sauvegardes", home=private_home).stdout
    assert "avant restauration" in listing
    assert "quotidienne" in listing
    junk = tmp_path / "junk.ambassadeur"
    junk.write_text("pas un carnet", encoding="utf-8")
    bad = run("--carnet", junk, "check", home=private_home)
    assert bad.returncode == 1
    assert "n'est pas un carnet du Carnet de bord ambassadeur" in bad.stderr
    missing = run("--carnet", tmp_path / "absent.ambassadeur", "resume", home=private_home)
    assert missing.returncode == 1
    assert "n'existe pas" in missing.stderr


def test_a_second_writer_is_told_the_carnet_is_open(carnet: Path, private_home: Path) -> None:
    lock = acquire_lock(carnet.absolute())
    try:
        result = saisir(carnet, private_home)
        assert result.returncode == 1
        assert "est déjà ouvert dans une autre fenêtre" in result.stderr
        # Reading (summaries, exports) still works while the app is open.
        assert run("--carnet", carnet, "resume", "--mois", "2024-09", home=private_home).returncode == 0
    finally:
        lock.release()


def test_demo_fills_a_new_carnet_only(private_home: Path, tmp_path: Path) -> None:
    path = tmp_path / "demo.ambassadeur"
    first = run("--carnet", path, "demo", home=private_home)
    assert first.returncode == 0, first.stderr
    assert "Carnet de démonstration créé" in first.stdout
    second = run("--carnet", path, "demo", home=private_home)
    assert second.returncode == 1
    assert "contient déjà des données" in second.stderr


def test_register_imports_and_exports(carnet: Path, private_home: Path, tmp_path: Path) -> None:
    examples = Path(__file__).resolve().parents[2] / "resources" / "exemples"
    rpps = run(
        "--carnet",
        carnet,
        "import",
        "rpps",
        examples / "PS_LibreAcces_Personne_activite_exemple.txt",
        "--communes",
        "54528,54395",
        home=private_home,
    )
    assert rpps.returncode == 0, rpps.stderr
    assert rpps.stdout.startswith("4 nouveaux professionnels, 0 fiche existante complétée.")
    finess = run(
        "--carnet",
        carnet,
        "import",
        "finess",
        examples / "etalab-cs1100507-stock-exemple.csv",
        "--departement",
        "54",
        home=private_home,
    )
    assert "5 nouvelles structures" in finess.stdout
    bad = run(
        "--carnet",
        carnet,
        "import",
        "finess",
        examples / "liste-contacts.xlsx",
        "--departement",
        "54",
        home=private_home,
    )
    assert bad.returncode == 1
    assert "n'a pas la forme d'un extrait FINESS" in bad.stderr
    out = tmp_path / "structures.xlsx"
    exported = run(
        "--carnet", carnet, "export", "structures", "--format", "xlsx", "--sortie", out, home=private_home
    )
    assert exported.returncode == 0, exported.stderr
    listed = [row[0] for row in openpyxl.load_workbook(out)["Structures"].iter_rows(values_only=True)]
    assert "Centre Hospitalier de Toul" in listed
    finess_id = finess.stdout.split("annuler-import ")[1].split()[0]
    undone = run("--carnet", carnet, "annuler-import", finess_id, home=private_home)
    assert undone.stdout == "Import annulé : 5 fiches retirées ou rétablies.\n"
    contacts = run(
        "--carnet", carnet, "import", "contacts", examples / "liste-contacts.xlsx", home=private_home
    )
    assert "Colonnes reconnues : Nom ← Nom" in contacts.stdout
    # Sophie Martin matched on her RPPS number, Anne Richard on her name, profession and commune.
    assert "2 fiches existantes complétées" in contacts.stdout
    period = run(
        "--carnet",
        carnet,
        "export",
        "contacts",
        "--du",
        "2024-10-01",
        "--au",
        "2024-09-01",
        "--format",
        "pdf",
        "--sortie",
        tmp_path / "c.pdf",
        home=private_home,
    )
    assert period.returncode == 1
    assert "La période se termine" in period.stderr


def test_version_answers_without_loading_the_app() -> None:
    script = (
        "import sys; sys.argv = ['ambassadeur', '--version']\n"
        "from ambassadeur_app.__main__ import run\n"
        "assert run() == 0\n"
        "print(sorted(m for m in sys.modules if m.startswith('ambassadeur_app')))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == [
        f"Carnet de bord ambassadeur {__version__}",
        "['ambassadeur_app', 'ambassadeur_app.__main__']",
    ]


def test_an_unexpected_error_is_said_in_french_and_logged_with_its_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], private_home: Path
) -> None:
    from ambassadeur_app import cli, paths

    def broken(args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setitem(cli._HANDLERS, "check", broken)
    assert cli.main(["check"]) == 1
    message = capsys.readouterr().err
    assert "erreur inattendue (RuntimeError)" in message
    assert "Traceback" not in message
    logged = paths.log_file().read_text(encoding="utf-8")
    assert "Traceback" in logged
    assert "RuntimeError: boom" in logged
    log = logging.getLogger(errors.LOG_NAME)
    for handler in list(log.handlers):  # the next tests log to their own home
        log.removeHandler(handler)
        handler.close()

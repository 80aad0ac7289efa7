"""A failed backup never turns a committed change into an error (issue: no false « erreur »)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from ambassadeur_app.domain.model import EntryFilter
from ambassadeur_app.services import CarnetService, open_service
from tests.conftest import PROGRAMME, TODAY, log_entry, plain
from tests.unit.test_cli import run, saisir


def break_backups(home: Path) -> Path:
    """Put a file where the backup folders should be (as a user or a sync tool might)."""
    root = home / "data" / "sauvegardes"
    if root.is_dir():
        for folder in root.iterdir():
            for backup in folder.iterdir():
                backup.unlink()
            folder.rmdir()
        root.rmdir()
    root.parent.mkdir(parents=True, exist_ok=True)
    root.write_text("pas un dossier")
    return root


@pytest.mark.parametrize("breakage", ["root is a file", "read-only root"])
def test_change_is_saved_and_the_backup_problem_persists_until_a_backup_succeeds(
    carnet_path: Path, private_home: Path, breakage: str
) -> None:
    root = private_home / "data" / "sauvegardes"
    if breakage == "root is a file":
        break_backups(private_home)
    else:
        if os.geteuid() == 0:
            pytest.skip("permissions do not apply to root")
        root.mkdir(parents=True)
        root.chmod(0o500)
    try:
        with open_service(carnet_path, create=True, today=lambda: TODAY) as service:
            service.setup(PROGRAMME, [])  # the day's first change: its backup fails, silently
            assert service.is_set_up
            problem = service.carnet.backup_problem
            assert problem is not None
            assert "La sauvegarde automatique" in problem
            assert "bien enregistrées" in problem
            assert "Traceback" not in problem
            assert "Error" not in problem
        with open_service(carnet_path, readonly=True) as reader:  # persists across openings
            assert reader.carnet.backup_problem == problem
    finally:
        root.chmod(0o700) if root.is_dir() else root.unlink()
    with open_service(carnet_path, today=lambda: TODAY) as service:
        service.save_programme(service.programme())  # the backup is retried and succeeds
        assert service.carnet.backup_problem is None
        assert len(service.backups()) == 1
    with open_service(carnet_path, readonly=True) as reader:
        assert reader.carnet.backup_problem is None


def test_saisir_with_broken_backups_reports_saved_and_warns(tmp_path: Path, private_home: Path) -> None:
    carnet = tmp_path / "c.ambassadeur"
    created = run(
        "--carnet", carnet, "init", "--cpts", "CPTS", "--departement", "54", "--debut", "01/09/2024",
        "--ambassadeur", "Paul Martin:administratif", home=private_home,
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    break_backups(private_home)
    first = saisir(carnet, private_home, duration="2h")
    assert first.returncode == 0, first.stderr
    assert "Entrée enregistrée" in first.stdout
    assert first.stderr.startswith("attention : La sauvegarde automatique")
    assert "sauvegardes » est un fichier, pas un dossier" in first.stderr
    assert "Traceback" not in first.stderr
    assert "NotADirectoryError" not in first.stderr
    summary = run("--carnet", carnet, "resume", "--mois", "2024-09", home=private_home)
    assert summary.returncode == 0
    assert "Total : 2 h ; montant demandé : 100,00 €" in plain(summary.stdout)
    assert "attention : La sauvegarde automatique" in summary.stderr  # the next command says it too
    check = run("--carnet", carnet, "check", home=private_home)
    assert check.returncode == 0
    assert "attention : La sauvegarde automatique" in check.stderr
    (private_home / "data" / "sauvegardes").unlink()
    second = saisir(carnet, private_home, day="03/09/2024")
    assert second.returncode == 0
    assert second.stderr == ""
    assert run("--carnet", carnet, "resume", home=private_home).stderr == ""


def test_a_failed_backup_in_the_middle_of_a_session_keeps_every_change(
    service: CarnetService, private_home: Path
) -> None:
    log_entry(service, date(2024, 9, 2), 60)
    service.carnet.backups._last_daily = None  # as if the day had changed since the last backup
    break_backups(private_home)
    log_entry(service, date(2024, 9, 3), 90)  # no exception: the entry is committed
    assert service.carnet.backup_problem is not None
    minutes = [e.minutes for e in service.entries(service.entry_ids(EntryFilter())).values()]
    assert sorted(minutes) == [60, 90]


def test_an_output_that_cannot_be_written_does_not_turn_a_saved_entry_into_an_error(
    tmp_path: Path, private_home: Path
) -> None:
    import subprocess
    import sys

    carnet = tmp_path / "c.ambassadeur"
    created = run(
        "--carnet", carnet, "init", "--cpts", "CPTS", "--departement", "54", "--debut", "01/09/2024",
        "--ambassadeur", "Paul Martin:administratif", home=private_home,
    )  # fmt: skip
    assert created.returncode == 0
    env = {**os.environ, "AMBASSADEUR_HOME": str(private_home)}
    command = [sys.executable, "-m", "ambassadeur_app", "--carnet", str(carnet), "saisir", "--date"]
    rest = ["--ambassadeur", "Paul Martin", "--mission", "promotion", "--activite", "Appel", "--duree", "1h"]
    # A pipe closed by its reader (`| head -0`), then a redirection to a full disk.
    with subprocess.Popen([*command, "02/09/2024", *rest], env=env, stdout=subprocess.PIPE) as closed:
        assert closed.stdout is not None
        closed.stdout.close()
        assert closed.wait(timeout=60) == 0
    with open("/dev/full", "w") as full:
        result = subprocess.run([*command, "03/09/2024", *rest], env=env, stdout=full, check=False)
    assert result.returncode == 0
    with open_service(carnet, readonly=True) as reader:
        assert len(reader.entry_ids(EntryFilter())) == 2


def test_the_daily_backup_in_the_background_is_taken_once_and_its_failure_noted(
    service: CarnetService, private_home: Path
) -> None:
    carnet = service.carnet
    carnet.backup_in_background = True
    carnet.backups._last_daily = None  # as if the day had changed since the setup's backup
    log_entry(service, date(2024, 9, 2), 60)
    log_entry(service, date(2024, 9, 3), 60)  # while the first is written: no second one
    carnet.settle_backup()
    (daily,) = [b for b in carnet.backups.all() if b.kind.value == "quotidienne"]  # one a day
    from ambassadeur_app.storage.backup import check_file

    assert check_file(daily.path) is None
    copy = open_service(daily.path, readonly=True)
    try:
        assert len(copy.entry_ids(EntryFilter())) in (1, 2)  # one consistent state, whole
    finally:
        copy.close()
    carnet.backups._last_daily = None
    break_backups(private_home)
    log_entry(service, date(2024, 9, 4), 60)
    carnet.settle_backup()
    assert carnet.backup_problem is not None
    assert "bien enregistrées" in carnet.backup_problem

"""The command line as a newcomer types it: missions in any case, a folder that does not exist
yet, and the binôme listed in the same order every month."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.test_cli import run, saisir


@pytest.fixture
def carnet(tmp_path: Path, private_home: Path) -> Path:
    path = tmp_path / "carnet.ambassadeur"
    result = run(
        "--carnet", path, "init", "--cpts", "CPTS Test", "--departement", "54", "--debut", "2024-09-01",
        "--ambassadeur", "Zoé Admin:administratif", "--ambassadeur", "Marie Durand:medical",
        "--ambassadeur", "Paul Martin:administratif", home=private_home,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return path


@pytest.mark.parametrize(
    ("mission", "activity"),
    [
        ("Promotion", "Appel"),
        ("PROMOTION", "Appel"),
        ("Autre", "Administratif"),
        ("AUTRE", "Administratif"),
        ("Autre (non financé)", "Administratif"),
    ],
)
def test_a_mission_is_read_whatever_its_case_and_accents(
    carnet: Path, private_home: Path, mission: str, activity: str
) -> None:
    result = saisir(carnet, private_home, mission=mission, activity=activity)
    assert result.returncode == 0, result.stderr
    assert "Entrée enregistrée" in result.stdout


def test_a_mission_with_accents_or_none_is_the_same(carnet: Path, private_home: Path) -> None:
    other = saisir(carnet, private_home, mission="Autre (non finance)", activity="Administratif")
    assert other.returncode == 0, other.stderr
    support = saisir(carnet, private_home, mission="ACCOMPAGNEMENT", day="03/09/2024", activity="Appel")
    assert support.returncode == 0, support.stderr
    summary = run("--carnet", carnet, "resume", "--mois", "2024-09", home=private_home).stdout
    lines = {line.split()[0]: line for line in summary.splitlines() if line.startswith("  ")}
    assert "1\xa0h" in lines["Autre"]
    assert "1\xa0h" in lines["Accompagnement"]


def test_an_unknown_mission_is_a_usage_error_in_french(carnet: Path, private_home: Path) -> None:
    result = saisir(carnet, private_home, mission="Promo")
    assert result.returncode == 2
    assert "« Promo » : mission inconnue (promotion, formation, accompagnement ou autre)" in result.stderr


def test_cloturer_creates_the_folder_and_its_parents(
    carnet: Path, private_home: Path, tmp_path: Path
) -> None:
    assert saisir(carnet, private_home, who="Marie Durand").returncode == 0
    folder = tmp_path / "relevés" / "2024" / "septembre"
    closed = run("--carnet", carnet, "cloturer", "--mois", "2024-09", "--dossier", folder, home=private_home)
    assert closed.returncode == 0, closed.stderr
    assert sorted(p.name for p in folder.iterdir()) == [
        "releve-heures-2024-09.pdf",
        "releve-heures-2024-09.xlsx",
    ]


def test_a_refused_close_leaves_no_empty_folder(carnet: Path, private_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "nouveau" / "dossier"
    refused = run("--carnet", carnet, "cloturer", "--mois", "2099-01", "--dossier", folder, home=private_home)
    assert refused.returncode == 1
    assert "n'a pas commencé" in refused.stderr
    assert not (tmp_path / "nouveau").exists()


def test_cloturer_into_a_file_says_so(carnet: Path, private_home: Path, tmp_path: Path) -> None:
    blocking = tmp_path / "fichier.txt"
    blocking.write_text("x", encoding="utf-8")
    for folder in (blocking, blocking / "dessous"):
        result = run(
            "--carnet", carnet, "cloturer", "--mois", "2024-09", "--dossier", folder, home=private_home
        )
        assert result.returncode == 1
        assert result.stderr.startswith("erreur : ")
        assert "est un fichier, pas un dossier" in result.stderr
    assert (
        run("--carnet", carnet, "resume", "--mois", "2024-09", home=private_home).stdout.count("ouvert") == 1
    )


def test_the_binome_is_listed_in_the_same_order_every_month(carnet: Path, private_home: Path) -> None:
    # September: Paul works first; October: Zoé first, then Marie. The order must not follow.
    assert saisir(carnet, private_home, day="02/09/2024", who="Paul Martin").returncode == 0
    assert saisir(carnet, private_home, day="03/09/2024", who="Marie Durand").returncode == 0
    assert saisir(carnet, private_home, day="01/10/2024", who="Zoé Admin").returncode == 0
    assert saisir(carnet, private_home, day="02/10/2024", who="Marie Durand").returncode == 0
    orders = []
    for month in ("2024-09", "2024-10", "2024-11"):
        summary = run("--carnet", carnet, "resume", "--mois", month, home=private_home)
        assert summary.returncode == 0, summary.stderr
        orders.append(
            [name for name in ("Marie Durand", "Paul Martin", "Zoé Admin") if name in summary.stdout]
        )
        orders[-1].sort(key=summary.stdout.index)
    assert orders == [["Marie Durand", "Paul Martin", "Zoé Admin"]] * 3

"""Small faults the reviews found, each through what a user runs: an unknown ambassador in an
imported file, an empty carnet file, a full disk at a month's closing, the wording of a count, and
one order of names in every list."""

from __future__ import annotations

import errno
import os
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ambassadeur_app import cli, partfiles
from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.indicators import StructureFigures, Targets
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.domain.register import Channel, Contact, Professional, Structure, StructureType
from ambassadeur_app.errors import CarnetError
from ambassadeur_app.services import CarnetService, open_service
from ambassadeur_app.services.indicators import structures_indicator
from tests.conftest import PROGRAMME, ambassador_id
from tests.unit import test_cli

carnet = test_cli.carnet  # CPTS du Toulois from 1 September 2024: Marie Durand, Paul Martin


def live(path: Path, table: str) -> int:
    with sqlite3.connect(path) as conn:
        count: int = conn.execute(f"SELECT COUNT(*) FROM {table} WHERE deleted_at IS NULL").fetchone()[0]
    return count


# --- an unknown ambassador in an imported file ----------------------------------------------------


def test_an_unknown_ambassador_in_an_imported_file_is_refused_as_saisir_refuses_it(
    carnet: Path, private_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "carnet.csv"
    source.write_text(
        "Date;Ambassadeur;Mission;Activité;Durée;Description\n"
        "02/09/2024;Marie Durand;Promotion;Appel;1h;ok\n"
        "03/09/2024;Marie Durant;Promotion;Appel;2h;une faute de frappe\n"
        "04/09/2024;marie durant;Promotion;Appel;1h;la même\n",
        encoding="utf-8",
    )
    base = ["--carnet", str(carnet)]
    typed = ["saisir", "--date", "03/09/2024", "--ambassadeur", "Marie Durant", "--mission", "promotion"]
    assert cli.main([*base, *typed, "--activite", "Appel", "--duree", "1h"]) == 1
    assert "Ambassadeur inconnu : « Marie Durant »" in capsys.readouterr().err
    assert cli.main([*base, "import", "carnet", str(source)]) == 1
    assert capsys.readouterr().err == (
        "erreur : Ambassadeur inconnu du carnet : « Marie Durant » (lignes 3, 4). Ambassadeurs du "
        "carnet : Marie Durand, Paul Martin. Rien n'a été importé ; corrigez le fichier, ou, pour ajouter "
        "cet ambassadeur au carnet, relancez avec --nouveaux-ambassadeurs.\n"
    )
    assert (live(carnet, "time_entries"), live(carnet, "ambassadors")) == (0, 2)
    assert cli.main([*base, "import", "carnet", str(source), "--nouveaux-ambassadeurs"]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said[0].startswith("3 entrées importées. Pour annuler : ambassadeur annuler-import ")
    assert said[1] == "Nouvel ambassadeur ajouté au carnet : « Marie Durant » (lignes 3, 4)."
    assert (live(carnet, "time_entries"), live(carnet, "ambassadors")) == (3, 3)


# --- an empty carnet file --------------------------------------------------------------------------


def test_an_empty_carnet_file_is_said_empty_not_missing(private_home: Path, tmp_path: Path) -> None:
    empty = tmp_path / "carnet.ambassadeur"
    empty.touch()
    with pytest.raises(CarnetError) as raised:
        open_service(empty)  # as the window opens it
    assert raised.value.message.startswith(
        f"Le fichier « {empty} » est vide (0 octet) : ce n'est pas un carnet"
    )
    assert "n'existe pas" not in raised.value.message
    assert empty.stat().st_size == 0
    with pytest.raises(CarnetError) as missing:
        open_service(tmp_path / "absent.ambassadeur")
    assert "n'existe pas" in missing.value.message


# --- a full disk when a month is closed ----------------------------------------------------------


def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up as a document is written (partfiles syncs it to disk before its rename)."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(partfiles, "open", refuse, raising=False)


@pytest.mark.parametrize("cleanup_fails", [False, True])
def test_a_full_disk_at_closing_names_the_relevé_and_leaves_the_month_open(
    carnet: Path,
    private_home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    cleanup_fails: bool,
) -> None:
    folder = tmp_path / "relevés"
    full_disk(monkeypatch)
    if cleanup_fails:  # removing the staged files fails too: never the reason said
        unlink = Path.unlink

        def refused(path: Path, missing_ok: bool = False) -> None:
            if path.parent == folder and path.name.endswith(partfiles.PART_SUFFIX):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            unlink(path, missing_ok)

        monkeypatch.setattr(Path, "unlink", refused)
    args = ["--carnet", str(carnet), "cloturer", "--mois", "2024-09", "--dossier", str(folder)]
    assert cli.main(args) == 1
    said = capsys.readouterr().err
    assert said.startswith(f"erreur : Impossible d'écrire « {folder / 'releve-heures-2024-09.xlsx'} » : ")
    assert "le disque est plein" in said
    assert ".part" not in said
    with open_service(carnet, readonly=True) as service:
        assert service.month_lock(Month(2024, 9)) is None


# --- the wording of a count ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "line"),
    [
        (1, "1 structure d'un autre département non comptée"),
        (2, "2 structures d'un autre département non comptées"),
    ],
)
def test_structures_of_another_département_are_counted_in_french(count: int, line: str) -> None:
    msp = Structure("MSP de Toul", StructureType.MSP)
    figures = StructureFigures([msp], [], 1, count)
    indicator = structures_indicator(figures, Targets(), PROGRAMME, date(2024, 11, 15))
    assert indicator.detail_lines[-1] == line


# --- one order of names ------------------------------------------------------------------------------

NAMES = [("Zoé", "Anne"), ("eric", "Paul"), ("Émile", "Jean"), ("d'Arc", "Jeanne"), ("Le", "Zoé")]
NAMES.append(("Le Blanc", "Anne"))
# Every list's order (the Professionnels tab's name_key, the documents' person_key): the folded
# « nom prénom », accents and case ignored.
IN_ORDER = ["d'Arc", "Émile", "eric", "Le Blanc", "Le", "Zoé"]


def register_people(service: CarnetService) -> dict[str, str]:
    return {
        last: service.register.save_professional(Professional(last, first, "G15-10")) for last, first in NAMES
    }


def test_the_professionals_to_follow_up_come_in_the_register_s_order(service: CarnetService) -> None:
    people = register_people(service)
    service.register.log_contact(
        Contact(
            date(2024, 9, 2),
            ambassador_id(service, "Marie Durand"),
            Channel.PHONE,
            Mission.PROMOTION,
            "Présentation de Parceo",
            professional_ids=tuple(people.values()),
        )
    )
    names = {identifier: last for last, identifier in people.items()}
    stale = service.register.stale_professionals(30)
    assert [names[identifier] for identifier in stale] == IN_ORDER
    assert list(service.register.professional_ids()) == [people[last] for last in IN_ORDER]

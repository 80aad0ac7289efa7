"""The carnet the command line chooses without --carnet, attacked: the window's settings file
holding what Qt never writes, a last carnet the system cannot look at, missing or empty, a
restore over it; and the messages of a read-only folder, a file imported again and an unknown
activity."""

from __future__ import annotations

import errno
import shlex
import sqlite3
import subprocess
from pathlib import Path

import pytest

from ambassadeur_app import cli, paths
from ambassadeur_app.errors import describe_os_error
from ambassadeur_app.partfiles import part_for
from ambassadeur_app.services import open_service
from tests.unit import test_cli
from tests.unit.test_cli import run, saisir

carnet = test_cli.carnet  # CPTS du Toulois, from 1 September 2024, at tmp_path / "cli.ambassadeur"


def window_showed(value: str) -> None:
    """Write the window's settings as if it showed ``value`` (as written in the ini file) last."""
    paths.settings_file().write_text(f"[carnet]\nlast={value}\nopens_on=dashboard\n", encoding="utf-8")


def init_default(home: Path, cpts: str = "CPTS par défaut") -> subprocess.CompletedProcess[str]:
    made = run("init", "--cpts", cpts, "--departement", "54", "--debut", "2024-09-01", home=home)
    assert made.returncode == 0, made.stderr
    return made


def entry_count(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        count: int = conn.execute("SELECT COUNT(*) FROM time_entries WHERE deleted_at IS NULL").fetchone()[0]
    return count


def cpts_of(path: Path) -> str:
    with open_service(path, readonly=True) as service:
        return service.programme().cpts_name


# --- 1. what Qt never writes in interface.ini -----------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        r"\x110000",
        r"\xffffffffffffffffffffffff",
        r'"/tmp/a\x110000.ambassadeur"',
        r"\x0",
        r"\xffff",
        r"\xd800",
    ],
)
def test_a_value_no_file_name_holds_is_ignored(private_home: Path, value: str) -> None:
    window_showed(value)
    assert paths.last_carnet() is None  # the window finds no such file: the default carnet, else the demo


def test_escapes_read_as_qt_reads_them(private_home: Path) -> None:
    # Two escaped halves of a surrogate pair are one character; a code of four digits at most.
    window_showed(r"/tmp/a\xd83d\xde00-\x41\x00e9.ambassadeur")
    assert paths.last_carnet() == Path("/tmp/a\U0001f600-Aé.ambassadeur")


@pytest.mark.parametrize("value", [r"\x110000", r"\xffffffffffffffffffffffff"])
def test_an_escape_beyond_unicode_never_stops_a_command(
    private_home: Path, value: str, tmp_path: Path
) -> None:
    init_default(private_home)
    window_showed(value)
    checked = run("check", home=private_home)
    assert (checked.returncode, checked.stderr) == (0, "")
    assert f"Le carnet « {paths.default_carnet_path()} » est sain" in checked.stdout
    # demo with --carnet does not read the settings at all; without, the demonstration is made.
    demo = run("--carnet", tmp_path / "essai.ambassadeur", "demo", home=private_home)
    assert demo.returncode == 0, demo.stderr
    assert "Traceback" not in demo.stderr + checked.stderr


def test_the_error_handler_never_raises(
    private_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # An unexpected SQLite error while the carnet of the command cannot be told (its last one is
    # missing): the diagnosis needs the carnet, and gives way to the general message.
    window_showed(str(tmp_path / "absent.ambassadeur"))

    def failing(args: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setitem(cli._HANDLERS, "resume", failing)
    assert cli.main(["resume"]) == 1
    said = capsys.readouterr().err
    assert said.startswith("erreur : la commande s'est arrêtée sur une erreur inattendue (OperationalError)")
    assert said.count("\n") == 1


# --- 2. a last carnet the system cannot look at ---------------------------------------------------


def test_a_last_carnet_whose_name_is_too_long_is_said(private_home: Path) -> None:
    init_default(private_home)
    too_long = f"/tmp/{'é' * 200}.ambassadeur"
    window_showed(too_long)
    refused = run("resume", home=private_home)
    assert refused.returncode == 1
    assert refused.stderr == (
        f"erreur : Le dernier carnet ouvert dans l'application, « {too_long} », ne peut pas être lu — nom "
        "de fichier trop long (raccourcissez-le) : indiquez le carnet avec --carnet CHEMIN.\n"
    )


def test_a_last_carnet_in_a_refused_folder_is_said(
    private_home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    guarded = tmp_path / "protégé" / "carnet.ambassadeur"
    window_showed(str(guarded))
    real_stat = Path.stat

    def stat(self: Path, **kwargs: bool) -> object:
        if self == guarded:  # as root, no folder refuses: the system's answer is played
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_stat(self, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    assert cli.main(["resume"]) == 1
    assert capsys.readouterr().err == (
        f"erreur : Le dernier carnet ouvert dans l'application, « {guarded} », ne peut pas être lu — accès "
        "refusé (fichier ouvert dans un autre programme, ou dossier protégé) : indiquez le carnet avec "
        "--carnet CHEMIN.\n"
    )
    assert paths.opened_carnet(guarded) == (paths.demo_carnet_path(), True)


def test_a_file_too_long_to_look_at_given_alone_opens_nothing_by_surprise(private_home: Path) -> None:
    # ``ambassadeur FICHIER`` (a file opened with the app): a name no system takes is no command.
    refused = run(f"{'é' * 200}", home=private_home)
    assert refused.returncode == 2
    assert "Traceback" not in refused.stderr


# --- 3. the last carnet missing -------------------------------------------------------------------


def test_commands_refuse_to_work_elsewhere_when_the_last_carnet_is_missing(
    private_home: Path, tmp_path: Path
) -> None:
    init_default(private_home)
    usb = tmp_path / "clé" / "carnet CPTS.ambassadeur"
    window_showed(str(usb))
    said = (
        f"erreur : Le dernier carnet ouvert dans l'application, « {usb} », est introuvable (clé USB "
        "retirée ?) : indiquez le carnet avec --carnet CHEMIN.\n"
    )
    typed = (
        "saisir",
        "--date",
        "02/09/2024",
        "--ambassadeur",
        "X",
        "--mission",
        "autre",
        "--activite",
        "Autre",
    )
    for command in (typed, ("resume",), ("restore", tmp_path / "copie.ambassadeur"), ("sauvegardes",)):
        refused = (
            run(*command, "--duree", "1h", home=private_home)
            if command is typed
            else run(*command, home=private_home)
        )
        assert (refused.returncode, refused.stderr) == (1, said), command
    assert entry_count(paths.default_carnet_path()) == 0
    assert not usb.parent.exists()
    # Named, the default carnet works; demo makes the demonstration.
    named = run("--carnet", paths.default_carnet_path(), "resume", home=private_home)
    assert named.returncode == 0, named.stderr
    demo = run("demo", home=private_home)
    assert demo.returncode == 0, demo.stderr
    assert f"« {usb} », est introuvable (clé USB retirée ?) : les commandes sans --carnet s'arrêtent." in (
        demo.stdout
    )


# --- 4. restore without --carnet --------------------------------------------------------------------


def test_restore_names_the_carnet_replaced_and_warns_of_another_cpts(
    carnet: Path, private_home: Path, tmp_path: Path
) -> None:
    window_showed(str(carnet))
    other = tmp_path / "autre.ambassadeur"
    made = run(
        "--carnet", other, "init", "--cpts", "CPTS de Nancy", "--departement", "54", "--debut", "2024-09-01",
        home=private_home,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    copy = tmp_path / "copie-nancy.ambassadeur"
    assert run("--carnet", other, "backup", "--sortie", copy, home=private_home).returncode == 0
    restored = run("restore", copy, home=private_home)
    assert restored.returncode == 0, restored.stderr
    lines = restored.stdout.splitlines()
    assert lines[0] == f"Carnet restauré depuis « {copy} » dans « {carnet} »."
    kept = Path(lines[1].removeprefix("L'ancien carnet a été conservé : "))
    assert cpts_of(kept) == "CPTS du Toulois"
    assert cpts_of(carnet) == "CPTS de Nancy"
    assert restored.stderr == (
        "attention : la copie restaurée est le carnet de « CPTS de Nancy », le carnet remplacé était celui "
        "de « CPTS du Toulois » (il est conservé ci-dessus).\n"
    )
    # The same CPTS: nothing to warn of.
    again = run("restore", copy, home=private_home)
    assert (again.returncode, again.stderr) == (0, "")


# --- 5. init and rejoindre say which carnet the next commands use ---------------------------------


def test_init_says_the_carnet_in_use_with_an_option_to_paste(
    carnet: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "mon dossier" / "home"  # a space in the path: quoted for the shell
    monkeypatch.setenv("AMBASSADEUR_HOME", str(home))
    window_showed(str(carnet))
    made = init_default(home)
    hint = made.stdout.splitlines()[-1]
    made_path = home / "data" / "carnet.ambassadeur"
    assert hint == (
        f"Les commandes sans --carnet travaillent sur « {carnet} » (le dernier carnet ouvert dans "
        f"l'application) : pour ce carnet-ci, ajoutez --carnet '{made_path}'"
    )
    pasted = shlex.split(hint.split("ajoutez ")[1])
    checked = run(*pasted, "check", home=home)
    assert f"Le carnet « {made_path} » est sain" in checked.stdout
    # No last carnet: the new one is the one in use, nothing more to say.
    paths.settings_file().unlink()
    second_home = tmp_path / "autre"
    monkeypatch.setenv("AMBASSADEUR_HOME", str(second_home))
    assert init_default(second_home).stdout.splitlines()[-1].startswith("Expérimentation du ")


# --- 6. an empty file as the last carnet ---------------------------------------------------------------


def test_an_empty_last_carnet_is_said_empty(private_home: Path, tmp_path: Path) -> None:
    empty = tmp_path / "vide.ambassadeur"
    empty.touch()
    window_showed(str(empty))
    refused = run("resume", home=private_home)
    assert refused.returncode == 1
    assert refused.stderr.startswith(
        f"erreur : Le fichier « {empty} » est vide (0 octet) : ce n'est pas un carnet."
    )
    assert "n'existe pas" not in refused.stderr
    assert empty.stat().st_size == 0


# --- 7. a document that cannot be written is named, not its temporary file ------------------------


def test_closing_into_a_read_only_folder_names_the_timesheet(
    carnet: Path, private_home: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "lecture-seule"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", folder], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("no read-only folder can be mounted here")
    try:
        refused = run(
            "--carnet", carnet, "cloturer", "--mois", "2024-09", "--dossier", folder, home=private_home
        )
        listed = list(folder.iterdir())
    finally:
        subprocess.run(["umount", folder], check=False)
    assert refused.returncode == 1
    assert refused.stderr == (
        f"erreur : Impossible d'écrire « {folder / 'releve-heures-2024-09.xlsx'} » : le support est en "
        "lecture seule. Aucun fichier n'a été laissé.\n"
    )
    assert listed == []
    assert "ouvert" in run("--carnet", carnet, "resume", "--mois", "2024-09", home=private_home).stdout


def test_a_temporary_file_left_is_said(tmp_path: Path) -> None:
    target = tmp_path / "rapport.pdf"
    part = part_for(target)
    exc = PermissionError(errno.EACCES, "Permission denied", str(part))
    assert describe_os_error(exc).endswith("Aucun fichier n'a été laissé.")
    part.write_bytes(b"%PDF-")
    assert describe_os_error(exc) == (
        f"impossible d'écrire « {target} » : accès refusé (fichier ouvert dans un autre programme, ou "
        f"dossier protégé). Le fichier temporaire « {part} » est resté."
    )
    other = PermissionError(errno.EACCES, "Permission denied", str(target))
    assert describe_os_error(other).startswith(f"opération impossible sur « {target} » : accès refusé")


# --- 8. a file imported again, with invalid lines ------------------------------------------------------


def test_a_file_imported_again_says_its_invalid_lines_too(
    carnet: Path, private_home: Path, tmp_path: Path
) -> None:
    path = tmp_path / "carnet.csv"
    good = [f"0{day}/09/2024;Marie Durand;Promotion;Appel;1h;Appel {day}" for day in range(2, 8)]
    bad = ["31/02/2024;Marie Durand;Promotion;Appel;1h;date impossible", "04/09/2024;Inconnu;;Appel;1h;"]
    head = "Date;Ambassadeur;Mission;Activité;Durée;Description"
    path.write_text("\n".join([head, *good, *bad]) + "\n", encoding="utf-8")
    first = run("--carnet", carnet, "import", "carnet", path, "--ignorer-invalides", home=private_home)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("6 entrées importées, 2 lignes invalides ignorées.")
    again = run("--carnet", carnet, "import", "carnet", path, "--ignorer-invalides", home=private_home)
    assert again.returncode == 0, again.stderr
    assert again.stdout == (
        "Rien de nouveau : les 6 lignes valides sont déjà dans le carnet ; 2 lignes invalides ignorées.\n"
    )
    assert entry_count(carnet) == 6
    path.write_text("\n".join([head, good[0], bad[0]]) + "\n", encoding="utf-8")
    one = run("--carnet", carnet, "import", "carnet", path, "--ignorer-invalides", home=private_home)
    assert (
        one.stdout
        == "Rien de nouveau : la ligne valide est déjà dans le carnet ; 1 ligne invalide ignorée.\n"
    )


# --- 9. an unknown activity -------------------------------------------------------------------------


def test_an_unknown_activity_is_shown_cleaned_and_spelled_as_known(carnet: Path, private_home: Path) -> None:
    typed = saisir(carnet, private_home, mission="accompagnement", activity="Pr\x1b[2Jep\u200daration")
    assert typed.returncode == 1
    assert "\x1b" not in typed.stderr
    assert "\u200d" not in typed.stderr
    assert typed.stderr.startswith("erreur : « Pr[2Jeparation » n'est pas dans la liste")
    plain = saisir(carnet, private_home, mission="accompagnement", activity="preparation")
    assert "« Préparation » est une activité des missions Promotion et Formation." in plain.stderr
    assert entry_count(carnet) == 0


def test_an_activity_longer_than_the_app_takes_is_refused(carnet: Path, private_home: Path) -> None:
    label = "Réunion " + "x" * 20_000
    refused = run(
        "--carnet", carnet, "saisir", "--date", "02/09/2024", "--ambassadeur", "Paul Martin", "--mission",
        "autre", "--activite", label, "--duree", "1h", "--nouvelle-activite", home=private_home,
    )  # fmt: skip
    assert refused.returncode == 1
    assert (
        refused.stderr
        == "erreur : Texte trop long (20\u00a0008 caractères ; 20\u00a0000 au plus) : raccourcissez-le.\n"
    )
    assert entry_count(carnet) == 0
    with sqlite3.connect(carnet) as conn:
        assert conn.execute("SELECT COUNT(*) FROM activities WHERE length(label) > 100").fetchone()[0] == 0
    unknown = saisir(carnet, private_home, mission="autre", activity=label)
    assert unknown.stderr.startswith(f"erreur : « Réunion {'x' * 71}… » n'est pas dans la liste")


def test_rejoindre_says_the_carnet_in_use(
    carnet: Path, private_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.sync.conftest import PHRASE

    folder = tmp_path / "partage"
    monkeypatch.setenv("AMBASSADEUR_PHRASE_SECRETE", PHRASE)
    shared = run("--carnet", carnet, "partager", "--dossier", folder, home=private_home)
    assert shared.returncode == 0, shared.stderr
    window_showed(str(carnet))
    joined = run("rejoindre", "--dossier", folder, home=private_home)
    assert joined.returncode == 0, joined.stderr
    made = paths.default_carnet_path()
    assert f"Carnet partagé reconstruit : {made}" in joined.stdout
    assert joined.stdout.splitlines()[-1] == (
        f"Les commandes sans --carnet travaillent sur « {carnet} » (le dernier carnet ouvert dans "
        f"l'application) : pour ce carnet-ci, ajoutez --carnet {made}"
    )
    assert cpts_of(made) == "CPTS du Toulois"

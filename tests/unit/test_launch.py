"""Opening the window reads its arguments without the command line's parser, and reads them as
the parser does; anything else still goes to the parser (its help, its errors)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ambassadeur_app import cli, paths
from ambassadeur_app.launch import window_arguments

WINDOW = [
    [],
    ["--carnet", "x.ambassadeur"],
    ["--carnet=mon carnet.ambassadeur"],
    ["--fermer-apres", "5"],
    ["--fermer-apres=0", "--carnet", "a.ambassadeur"],
    ["--carnet", "a", "--fermer-apres", "7", "--carnet", "b", "--fermer-apres=8"],  # the last counts
    ["--carnet", "resume"],  # a carnet named like a command
    [r"C:\Users\Hélène Dupré\Mes documents\carnet 2025.ambassadeur"],
    ["/home/claire/Carnet.AMBASSADEUR"],
]
PARSER = [
    ["--help"],
    ["-h"],
    ["--version"],
    ["resume"],
    ["x.ambassadeur", "resume"],
    ["--carnet", "x.ambassadeur", "resume"],
    ["--carn", "x.ambassadeur"],  # abbreviated: the parser's reading
    ["--carnet"],
    ["--carnet="],
    ["--carnet", "-x"],
    ["--fermer-apres", "bientôt"],
    ["--fermer-apres", "-5"],
    ["--", "x.ambassadeur"],
    ["sans-extension"],  # a file without the suffix: the parser's side looks at the disk
    [".ambassadeur"],
    ["inconnu"],
]


@pytest.mark.parametrize("argv", WINDOW)
def test_the_window_arguments_are_read_as_the_parser_reads_them(argv: list[str]) -> None:
    args = cli.build_parser().parse_args(cli.opened_file_as_carnet(argv))
    assert args.command is None
    assert window_arguments(argv) == (args.carnet, args.fermer_apres)


@pytest.mark.parametrize("argv", PARSER)
def test_everything_else_is_left_to_the_parser(argv: list[str]) -> None:
    assert window_arguments(argv) is None


def test_no_command_is_named_like_a_carnet_file() -> None:
    assert [name for name in cli._HANDLERS if name.lower().endswith(paths.CARNET_SUFFIX)] == []


@pytest.mark.parametrize(
    ("argv", "opened"),
    [
        (["--carnet", "x.ambassadeur", "--fermer-apres", "3"], "x.ambassadeur 3"),
        (["dossier/carnet.ambassadeur"], "dossier/carnet.ambassadeur None"),
        ([], "None None"),
    ],
)
def test_the_window_opens_without_the_command_line_module(
    argv: list[str], opened: str, tmp_path: Path
) -> None:
    code = (
        "import sys\n"
        "from ambassadeur_app.gui import app\n"
        "app.run_app = lambda carnet, close_after_ms: print(carnet, close_after_ms, file=sys.stderr) or 0\n"
        f"sys.argv = ['ambassadeur', *{argv!r}]\n"
        "sys.stdout = None  # the windowed Windows program has no streams\n"
        "from ambassadeur_app.__main__ import run\n"
        "assert run() == 0\n"
        "assert sys.stdout is not None\n"
        "assert 'ambassadeur_app.cli' not in sys.modules\n"
    )
    env = {**os.environ, "AMBASSADEUR_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == opened


def test_a_mistyped_window_option_gets_the_parser_s_french_error(tmp_path: Path) -> None:
    env = {**os.environ, "AMBASSADEUR_HOME": str(tmp_path)}
    command = [sys.executable, "-m", "ambassadeur_app", "--fermer-apres", "bientôt"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "erreur : argument --fermer-apres : valeur invalide : « bientôt »" in done.stderr

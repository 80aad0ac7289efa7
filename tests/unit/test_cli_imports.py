"""The command line costs its own command: the parsers of the other commands are not made,
``export releve`` imports neither the other commands' modules nor what only they use, and the
garbage collector held while a command starts runs again for its work."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader

from ambassadeur_app import cli
from ambassadeur_app.services import CarnetService
from tests.conftest import log_entry

# What ``export releve`` never needs: the other commands' modules, and the standard modules that
# only parsing durations or dates (``decimal``) or the calendar module (``calendar``, ``locale``)
# would bring.
NOT_NEEDED = (
    "ambassadeur_app.gui",
    "ambassadeur_app.demo",
    "ambassadeur_app.importers",
    "ambassadeur_app.sync",
    "ambassadeur_app.services.sync",
    "ambassadeur_app.services.register",
    "ambassadeur_app.services.indicators",
    "ambassadeur_app.services.outside_copy",
    "ambassadeur_app.storage.sealed",
    "ambassadeur_app.reports.planning",
    "ambassadeur_app.reports.region",
    "ambassadeur_app.reports.rex",
    "ambassadeur_app.domain.agenda",
    "ambassadeur_app.domain.checks",
    "ambassadeur_app.domain.indicators",
    "calendar",
    "locale",
    "sqlite_utils",
    "PySide6",
)
# And not the other format's library (nor, for the PDF, ``decimal``, which openpyxl imports).
OTHER_FORMAT = {"xlsx": ("reportlab",), "pdf": ("openpyxl", "decimal")}


@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
def test_export_releve_imports_only_what_it_uses(service: CarnetService, tmp_path: Path, fmt: str) -> None:
    log_entry(service, date(2024, 11, 4), 90, activity="Appel aux pharmacies")
    service.close()
    out = tmp_path / f"releve.{fmt}"
    argv = ["--carnet", str(service.path), "export", "releve", "--mois", "2024-11", "--format", fmt]
    unwanted = (*NOT_NEEDED, *OTHER_FORMAT[fmt])
    code = (
        "import sys\n"
        "from ambassadeur_app.__main__ import run\n"
        f"sys.argv = ['ambassadeur', *{[*argv, '--sortie', str(out)]!r}]\n"
        "status = run()\n"
        f"unwanted, inside = {unwanted!r}, {tuple(f'{name}.' for name in unwanted)!r}\n"
        "names = sorted(m for m in sys.modules if m in unwanted or m.startswith(inside))\n"
        "import gc\n"
        "print('collector', gc.isenabled(), gc.get_freeze_count() > 0)\n"
        "print('status', status, 'imported:', *names)\n"
    )
    env = {**os.environ, "AMBASSADEUR_HOME": str(tmp_path / "home")}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "status 0 imported:", done.stdout + done.stderr
    # The collector, held while the command started, ran again for its work, the start frozen.
    assert done.stdout.splitlines()[-2] == "collector True True"
    if fmt == "xlsx":
        sheet = openpyxl.load_workbook(out).active
        assert sheet is not None
        assert "Appel aux pharmacies" in {cell.value for row in sheet.iter_rows() for cell in row}
    else:
        assert "Appel aux pharmacies" in PdfReader(out).pages[0].extract_text()


def read(parse: Any, argv: list[str]) -> tuple[object, ...]:
    """Return what reading ``argv`` gives: the arguments, the exit status, what is printed."""
    out, err = io.StringIO(), io.StringIO()
    status: object = None
    arguments: dict[str, object] | None = None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            arguments = vars(parse(argv))
        except SystemExit as exc:
            status = exc.code
    return arguments, status, out.getvalue(), err.getvalue()


def full(argv: list[str]) -> argparse.Namespace:
    return cli.build_parser().parse_args(argv)


LINES = [
    [],
    ["--help"],
    ["--carnet", "c.ambassadeur"],
    ["inconnue"],
    ["export"],
    ["export", "-h"],
    ["export", "inconnu"],
    ["export", "releve"],
    ["export", "releve", "--mois", "2025-13", "--format", "pdf", "--sortie", "r.pdf"],
    ["export", "releve", "--mois", "2025-11", "--format", "doc", "--sortie", "r.doc"],
    ["--carnet", "c", "export", "releve", "--mois", "2025-11", "--format", "pdf", "--sortie", "r.pdf"],
    ["export", "releve", "--mois", "2025-11", "--format", "pdf", "--sortie", "r.pdf", "en-trop"],
    ["export", "indicateurs", "--format", "xlsx", "--sortie", "i.xlsx"],
    ["indicateurs"],
    ["import", "rpps", "extrait.txt"],
    ["import", "rpps", "extrait.txt", "--departement", "54"],
    ["depenses"],
    ["depenses", "joindre", "D1", "facture.pdf", "--type", "facture"],
    ["--carn", "c", "resume", "--m", "2025-11"],
    ["--fermer-apres", "x"],
    ["--carnet=export", "resume"],
    ["--", "resume"],
    ["conflits", "--garder", "A1"],
    ["versement", "01/01/2025", "12,5"],
    ["note", "--date", "02/09/2024", "--type", "inconnu", "--texte", "t"],
    ["emargement", "E1", "--sortie", "e.pdf", "--lignes-vides", "999"],
    *([command, "--help"] for command in cli._HANDLERS),
    *(["export", document, "--help"] for document in ("releve", "professionnels", "evenement", "bilan")),
]


@pytest.mark.parametrize("argv", LINES, ids=" ".join)
def test_the_command_line_reads_as_with_every_parser(argv: list[str]) -> None:
    """Reading a line with only its commands' parsers gives the same arguments, help, errors
    and exit status as the parser of every command."""
    assert read(cli.parse, argv) == read(full, argv)


def test_every_help_is_shown() -> None:
    for command in cli._HANDLERS:
        arguments, status, out, err = read(cli.parse, [command, "--help"])
        assert (arguments, status, err) == (None, 0, ""), command
        assert f"ambassadeur {command}" in out
    assert "« avance de 50 % »" in read(cli.parse, ["versement", "--help"])[2]


def test_only_the_commands_of_the_line_get_a_parser() -> None:
    parser = cli.build_parser(wanted={"export", "releve"})
    commands = next(a for a in parser._actions if a.dest == "command").choices
    assert isinstance(commands["export"], argparse.ArgumentParser)
    assert not isinstance(commands["resume"], argparse.ArgumentParser)
    kinds = next(a for a in commands["export"]._actions if a.dest == "kind").choices
    assert isinstance(kinds["releve"], argparse.ArgumentParser)
    assert not isinstance(kinds["professionnels"], argparse.ArgumentParser)
    # Every command keeps its name, in the same order, for the usage errors.
    assert list(commands) == list(next(a for a in cli.build_parser()._actions if a.dest == "command").choices)

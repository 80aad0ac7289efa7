"""The house rules: the core never imports Qt, and the committed forms match their .ui files."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ambassadeur_app.services import CarnetService
from tests.conftest import log_entry

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "ui"))
from compile import compile_form  # noqa: E402


def test_core_runs_without_qt() -> None:
    code = (
        "import sys\n"
        "import ambassadeur_app.cli, ambassadeur_app.services, ambassadeur_app.demo\n"
        "import ambassadeur_app.reports.timesheet, ambassadeur_app.importers.carnet\n"
        "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)\n"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


@pytest.mark.parametrize(
    "argv",
    [["--version"], ["--help"], ["export", "releve", "--help"], ["--carnet", "x.ambassadeur", "--version"]],
)
def test_cli_answers_without_the_heavy_libraries(argv: list[str], tmp_path: Path) -> None:
    """Reading the command line loads neither the storage (sqlite-utils) nor the reports
    (openpyxl, reportlab), the services or the domain: ``--version`` and ``--help`` cost little
    more than starting Python (each command imports what it uses)."""
    code = (
        "import contextlib, io, sys\n"
        "from ambassadeur_app.__main__ import run\n"
        f"sys.argv = ['ambassadeur', *{argv!r}]\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out, contextlib.suppress(SystemExit):\n"
        "    run()\n"
        "assert 'ambassadeur' in out.getvalue().lower(), out.getvalue()\n"
        "heavy = ('sqlite_utils', 'openpyxl', 'reportlab', 'PySide6', 'ambassadeur_app.services',\n"
        "         'ambassadeur_app.storage', 'ambassadeur_app.reports', 'ambassadeur_app.domain')\n"
        "print(*sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    env = {**os.environ, "AMBASSADEUR_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


@pytest.mark.parametrize("form", sorted(p.stem for p in (ROOT / "ui").glob("*.ui")))
def test_form_is_regenerated(form: str, tmp_path: Path) -> None:
    target = tmp_path / f"ui_{form}.py"
    compile_form(ROOT / "ui" / f"{form}.ui", target)

    def body(path: Path) -> list[str]:
        return [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]

    committed = ROOT / "ambassadeur_app" / "gui" / "forms" / f"ui_{form}.py"
    assert body(committed) == body(target), f"run: python ui/compile.py ({form}.ui changed)"


def test_reportlab_measures_text_with_its_c_accelerator() -> None:
    from reportlab.lib import rl_accel

    assert "instanceStringWidthT1" in rl_accel._c_funcs  # type: ignore[attr-defined]


# Made on their first use (``Carnet``'s cached properties, ``records.communes``): an export of
# the month's timesheet, the window's first load, never import them.
LAZY = tuple(
    f"ambassadeur_app.{name}"
    for name in (
        "storage.professionals",
        "storage.structures",
        "storage.contacts",
        "storage.events",
        "storage.expenses",
        "storage.surveys",
        "storage.indicators",
        "storage.journal",
        "storage.planning",
        "storage.imports",
        "domain.register",
        "domain.events",
        "domain.expenses",
        "domain.checks",
        "services.register",
    )
)


def test_a_cli_export_leaves_the_other_records_unimported(service: CarnetService, tmp_path: Path) -> None:
    """``export releve`` opens the carnet and writes the month without importing the register,
    the events, the expenses, the surveys, the indicators or the planning."""
    log_entry(service, date(2024, 11, 4), 90, activity="Appel aux pharmacies")
    service.close()
    out = tmp_path / "releve.xlsx"
    argv = ["--carnet", str(service.path), "export", "releve", "--mois", "2024-11", "--format", "xlsx"]
    code = (
        "import sys\n"
        "from ambassadeur_app.__main__ import run\n"
        f"sys.argv = ['ambassadeur', *{[*argv, '--sortie', str(out)]!r}]\n"
        "try:\n"
        "    run()\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        f"print('lazy:', *sorted(m for m in sys.modules if m in {LAZY!r}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "lazy:"
    sheet = load_workbook(out).active
    assert sheet is not None
    assert "Appel aux pharmacies" in {cell.value for row in sheet.iter_rows() for cell in row}

"""The README stays true: its two commands, the CI script and the CLI reference agree."""

from __future__ import annotations

import re
from pathlib import Path

from ambassadeur_app.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def code_blocks() -> list[str]:
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", README, flags=re.DOTALL)]


def test_readme_starts_with_install_and_test_commands() -> None:
    install, tests = code_blocks()[:2]
    assert README.index(install) < README.index("## ")
    assert install.endswith(".venv/bin/ambassadeur")
    assert "pytest" in tests
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert f"\n{tests}\n" in ci, ".ci/run must call the README's test command verbatim"


def test_every_cli_command_is_documented() -> None:
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    assert commands
    for name in commands:
        assert f" {name}" in README, f"README lacks the command « {name} »"

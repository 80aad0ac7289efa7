"""A carnet double-clicked, dropped on the icon or opened with the app arrives as a lone argument."""

from __future__ import annotations

from pathlib import Path

import pytest

from ambassadeur_app import cli


def test_a_lone_carnet_file_opens_the_app_on_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    opened: list[Path | None] = []
    monkeypatch.setattr(
        "ambassadeur_app.gui.app.run_app", lambda carnet, close_after_ms=None: opened.append(carnet) or 0
    )
    windows_path = r"C:\Users\Hélène Dupré\Mes documents\carnet 2025.ambassadeur"
    assert cli.main([windows_path]) == 0
    plain = tmp_path / "sans-extension"
    plain.write_bytes(b"")
    assert cli.main([str(plain)]) == 0
    assert opened == [Path(windows_path), plain]


@pytest.mark.parametrize(
    "argv",
    [["resume"], ["check"], ["--version"], ["x.ambassadeur", "resume"], [], ["inconnu"]],
)
def test_commands_and_options_keep_their_meaning(argv: list[str]) -> None:
    assert cli.opened_file_as_carnet(argv) == argv

"""The installer files agree with the bundle, the icons and the command line, without building.

Inno Setup and the hosted CI cannot run here: these checks catch what drifts when someone
renames an executable, moves an icon or changes the command line a double-click uses.
"""

from __future__ import annotations

import re
from pathlib import Path, PureWindowsPath
from typing import Any

import pytest

from ambassadeur_app import APP_ID, ORG_NAME
from ambassadeur_app.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build_installer.spec"
ISS = ROOT / "installer" / "windows" / "ambassadeur.iss"
ICONS = ROOT / "resources" / "icons"
WORKFLOW = ROOT / ".github" / "workflows" / "installers.yml"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _iss() -> str:
    return ISS.read_text(encoding="utf-8-sig")


def _iss_defines() -> dict[str, str]:
    return dict(re.findall(r'^\s*#define\s+(\w+)\s+"([^"]*)"', _iss(), re.MULTILINE))


def _iss_section(name: str) -> list[str]:
    """Return the non-comment lines of one [Section] of the .iss."""
    lines: list[str] = []
    current = ""
    for raw in _iss().splitlines():
        line = raw.strip()
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
        elif current == name and line and not line.startswith(";"):
            lines.append(line)
    return lines


def _iss_setup() -> dict[str, str]:
    return dict(line.split("=", 1) for line in _iss_section("Setup"))


def _expand(text: str) -> str:
    """Replace the .iss's ``{#Name}`` preprocessor constants by their values."""
    defines = _iss_defines()
    return re.sub(r"\{#(\w+)\}", lambda m: defines[m.group(1)], text)


def _from_iss(relative: str) -> Path:
    """Resolve a path written in the .iss (Windows separators, relative to the script)."""
    return (ISS.parent / Path(*PureWindowsPath(relative).parts)).resolve()


def _spec_names() -> tuple[set[str], str]:
    """Return the executables' names and the output folder's name in build_installer.spec."""
    text = SPEC.read_text(encoding="utf-8")

    def name_after(call: re.Match[str]) -> str:
        found = re.compile(r'\bname="([^"]+)"').search(text, call.end())
        assert found, f"no name= after {call.group(0)}"
        return found.group(1)

    executables = {name_after(call) for call in re.finditer(r"\bEXE\(", text)}
    folders = [name_after(call) for call in re.finditer(r"\bCOLLECT\(", text)]
    assert len(folders) == 1, "build_installer.spec should have one COLLECT(name=...)"
    return executables, folders[0]


def test_iss_installs_the_bundle_the_spec_builds() -> None:
    executables, folder = _spec_names()
    defines = _iss_defines()
    assert {"ambassadeur", "ambassadeur-app"} <= executables
    assert defines["AppExe"].removesuffix(".exe") in executables
    bundle = PureWindowsPath(defines["BundleDir"])
    assert bundle.parts[-2:] == ("dist", folder)
    assert _from_iss(defines["BundleDir"]) == ROOT / "dist" / folder
    assert _from_iss(_iss_setup()["OutputDir"]) == ROOT / "dist"
    assert any(line.startswith('Source: "{#BundleDir}\\*"') for line in _iss_section("Files"))


def test_iss_icon_files_exist() -> None:
    setup_icon = _from_iss(_iss_setup()["SetupIconFile"])
    assert setup_icon == ICONS / "ambassadeur.ico"
    assert setup_icon.is_file()
    for icon in re.findall(r"ambassadeur\.(?:ico|icns)", SPEC.read_text(encoding="utf-8")):
        assert (ICONS / icon).is_file()


def test_iss_is_french_with_start_menu_and_optional_desktop_icon() -> None:
    assert _iss_section("Languages") == ['Name: "french"; MessagesFile: "compiler:Languages\\French.isl"']
    icons = _iss_section("Icons")
    assert any(line.startswith('Name: "{autoprograms}\\') for line in icons)
    desktop = [line for line in icons if line.startswith('Name: "{autodesktop}\\')]
    assert desktop
    assert all("Tasks: desktopicon" in line for line in desktop)
    tasks = _iss_section("Tasks")
    assert any(line.startswith('Name: "desktopicon"') and "Flags: unchecked" in line for line in tasks)


def test_uninstall_keeps_the_users_carnets() -> None:
    """Only the program folder is ever deleted; the data folder named to the user is the app's."""
    assert _iss_section("UninstallDelete") == []
    for line in _iss_section("InstallDelete"):
        assert re.search(r'Name: "\{app\}\\', line), line
    for section in ("Files", "Icons", "Run"):
        for line in _iss_section(section):
            assert "appdata}" not in line.lower(), line
    # platformdirs puts the data of (appname, appauthor) in %LOCALAPPDATA%\appauthor\appname.
    assert _iss_defines()["DataDir"] == f"{ORG_NAME}\\{APP_ID}"


def test_double_clicked_carnet_opens_in_the_app() -> None:
    registry = [_expand(line) for line in _iss_section("Registry")]
    prog_id = _iss_defines()["ProgId"]
    assert any(
        f'Subkey: "Software\\Classes\\.ambassadeur"; ValueType: string; ValueName: ""; ValueData: "{prog_id}"'
        in line
        for line in registry
    )
    commands = [line for line in registry if '\\shell\\open\\command"' in line]
    keys = [re.search(r'Subkey: "([^"]+)"', line).group(1) for line in commands]  # type: ignore[union-attr]
    assert f"Software\\Classes\\{prog_id}\\shell\\open\\command" in keys
    for line in commands:  # the file type's command and the "Ouvrir avec" one
        value = re.search(r'ValueData: "(.*)"$', line)
        assert value
        # Inno Setup writes "" as one quote: the registry holds "C:\...\ambassadeur-app.exe" --carnet "%1".
        assert value.group(1).replace('""', '"') == '"{app}\\ambassadeur-app.exe" --carnet "%1"'
    # Windows replaces %1 by the file's path, spaces and accents included: the CLI opens the app on it.
    clicked = r"C:\Users\Hélène Dupré\Mes documents\carnet 2025.ambassadeur"
    args = build_parser().parse_args(["--carnet", clicked])
    assert args.command is None
    assert str(args.carnet) == clicked


@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_icons_are_valid(size: int) -> None:
    image_module = pytest.importorskip("PIL.Image")  # Pillow comes with reportlab
    path = ICONS / f"ambassadeur-{size}.png"
    with image_module.open(path) as image:
        image.verify()
    with image_module.open(path) as image:
        assert image.format == "PNG"
        assert image.size == (size, size)
        assert image.mode == "RGBA"
        assert image.getpixel((0, 0))[3] == 0  # transparent corners: the icon is rounded


def test_ico_and_icns_are_valid() -> None:
    image_module = pytest.importorskip("PIL.Image")
    with image_module.open(ICONS / "ambassadeur.ico") as ico:
        assert ico.format == "ICO"
        assert {(s, s) for s in (16, 24, 32, 48, 64, 128, 256)} <= set(ico.info["sizes"])
    with image_module.open(ICONS / "ambassadeur.icns") as icns:
        assert icns.format == "ICNS"
        assert icns.size[0] >= 512


def _load_yaml(text: str) -> Any:
    try:
        import yaml  # type: ignore[import-untyped]

        return yaml.safe_load(text)
    except ImportError:
        pass
    try:
        from ruamel.yaml import YAML  # pycel (a dev dependency) brings it
    except ImportError:
        return None
    return YAML(typ="safe").load(text)


def test_workflow_builds_the_three_systems_and_attaches_the_installers() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "\t" not in text
    for needed in ("build_installer.spec", "installer\\windows\\ambassadeur.iss", "actions/setup-python"):
        assert needed in text
    data = _load_yaml(text)
    if data is None:  # no YAML parser installed: the text checks above are all we can do
        return
    triggers = data.get("on", data.get(True))  # YAML 1.1 parsers read the key `on` as True
    assert "v*" in triggers["push"]["tags"]
    build = data["jobs"]["build"]
    assert set(build["strategy"]["matrix"]["os"]) == {"windows-latest", "macos-latest", "ubuntu-latest"}
    uploads = [step for step in build["steps"] if "upload-artifact" in str(step.get("uses", ""))]
    assert len(uploads) == 1
    # The uploaded name is the one Inno Setup writes (OutputBaseFilename).
    base = _iss_setup()["OutputBaseFilename"].replace("{#AppVersion}", "*")
    assert f"dist/{base}.exe" in uploads[0]["with"]["path"]
    assert data["jobs"]["release"]["needs"] == "build"


def test_the_package_imports_its_modules_by_statements_the_bundler_sees() -> None:
    """PyInstaller follows ``import`` statements, not module names in strings: a module loaded
    by ``__import__("…")`` or ``import_module("…")`` is missing from the bundle (the frozen app
    then fails at start, as it once did)."""
    hidden = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "ambassadeur_app").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\b(__import__|import_module)\(\s*[\"']", line)
    ]
    assert hidden == []

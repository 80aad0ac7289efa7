"""Without a display, or without a library Qt needs, the app says so in French and exits 1,
instead of letting Qt abort with an English message about xcb."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ambassadeur_app.gui.app import NO_DISPLAY, _x_server_answers, display_problem, import_problem

ALL_THERE = {"loadable": lambda library: True, "answers": lambda display: True}


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a bare session: no display variable, no Qt platform chosen."""
    drop = {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    return {**env, "AMBASSADEUR_HOME": str(home), **extra}


def test_without_a_display_the_app_says_so_in_french_and_exits_1(private_home: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ambassadeur_app"],
        env=clean_env(private_home),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr == f"erreur : {NO_DISPLAY}\n"
    assert "Aucun affichage graphique" in result.stderr
    assert "xcb" not in result.stderr.lower()
    assert not list(private_home.rglob("*.ambassadeur"))  # not even the demonstration


def test_a_missing_xcb_library_names_its_debian_package(private_home: Path) -> None:
    # Qt would abort the process: the check runs first, with libxcb-cursor hidden from the loader.
    code = (
        "import ctypes, sys\n"
        "real = ctypes.CDLL\n"
        "def cdll(name, *a, **k):\n"
        "    if 'xcb-cursor' in str(name):\n"
        "        raise OSError(name + ': cannot open shared object file')\n"
        "    return real(name, *a, **k)\n"
        "ctypes.CDLL = cdll\n"
        "from ambassadeur_app.cli import main\n"
        "status = main([])\n"
        "sys.exit(100 + status if any(m.startswith('PySide6') for m in sys.modules) else status)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=clean_env(private_home, DISPLAY=":99", QT_QPA_PLATFORM="xcb"),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr  # and Qt was never loaded
    assert result.stderr.startswith("erreur : L'affichage X11 a besoin de bibliothèques absentes")
    assert "installez le paquet libxcb-cursor0 (Debian, Ubuntu : sudo apt install libxcb-cursor0)" in (
        result.stderr
    )


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, NO_DISPLAY),
        ({"DISPLAY": " "}, NO_DISPLAY),
        ({"QT_QPA_PLATFORM": "xcb"}, NO_DISPLAY),
        ({"DISPLAY": ":0"}, None),
        ({"WAYLAND_DISPLAY": "wayland-0"}, None),
        ({"QT_QPA_PLATFORM": "offscreen"}, None),
        ({"QT_QPA_PLATFORM": "wayland"}, None),
    ],
)
def test_the_display_is_looked_for_on_linux_only(environ: dict[str, str], expected: str | None) -> None:
    assert display_problem(environ, "linux", **ALL_THERE) == expected
    assert display_problem(environ, "win32", **ALL_THERE) is None
    assert display_problem(environ, "darwin", **ALL_THERE) is None


def test_every_missing_xcb_library_is_named_once_by_its_package() -> None:
    missing = {"libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0"}
    problem = display_problem({"DISPLAY": ":0"}, "linux", lambda library: library not in missing, bool)
    assert problem is not None
    assert "installez les paquets libxcb-cursor0, libxcb-icccm4, libxkbcommon-x11-0 " in problem
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4 libxkbcommon-x11-0" in problem
    # On Wayland, X11's libraries are not needed; with xcb asked for, they are.
    wayland = {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}
    assert display_problem(wayland, "linux", lambda library: False) is None
    assert display_problem({**wayland, "QT_QPA_PLATFORM": "xcb"}, "linux", lambda library: False, bool)


def test_a_display_that_does_not_answer_is_said(private_home: Path) -> None:
    # A DISPLAY left over from another session: Qt would abort with "could not connect to display".
    result = subprocess.run(
        [sys.executable, "-m", "ambassadeur_app"],
        env=clean_env(private_home, DISPLAY=":59"),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("erreur : L'affichage graphique « :59 » (variable DISPLAY) ne répond pas")
    assert not list(private_home.rglob("*.ambassadeur"))


@pytest.fixture
def x_server() -> Iterator[str]:
    """A private Xvfb on a display number it picks itself (no clash with other servers).

    It stops when its last client leaves (``-terminate``), as ``xvfb-run`` and kiosk sessions
    reset: the check must stay connected for Qt to find the server still there.
    """
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb n'est pas installé")
    read, write = os.pipe()
    with subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-nolisten", "tcp", "-terminate"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    ) as server:
        os.close(write)
        try:
            with os.fdopen(read) as announced:
                number = announced.readline().strip()  # written once the server is ready
            assert number, "Xvfb did not start"
            yield f":{number}"
        finally:
            server.terminate()


def test_a_live_x_server_passes_the_check_and_is_still_there_for_qt(x_server: str) -> None:
    assert _x_server_answers(x_server)
    assert display_problem({"DISPLAY": x_server}, "linux") is None  # the first check kept it up
    assert _x_server_answers(x_server, attempts=1)
    assert not _x_server_answers(":1" + x_server[1:] + "9")  # a number no server holds


def test_qt_failing_to_load_names_the_missing_library_and_package() -> None:
    error = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    assert import_problem(error) == (
        "La bibliothèque libEGL.so.1 est absente de ce système : installez le paquet libegl1 "
        "(Debian, Ubuntu : sudo apt install libegl1), puis relancez l'application."
    )
    unknown = import_problem(ImportError("libfoo.so.7: cannot open shared object file"))
    assert unknown.startswith(
        "La bibliothèque graphique Qt ne peut pas être chargée (libfoo.so.7 introuvable)"
    )
    assert "ambassadeur --help" in import_problem(ImportError("No module named 'PySide6'"))

"""Where things live: bundled resources, the user's data and configuration folders.

Setting the environment variable ``AMBASSADEUR_HOME`` moves every per-user folder under it
(tests, portable installs). Storage code never guesses a location: it receives explicit paths.
"""

from __future__ import annotations

import os
import re
import sys
from contextlib import suppress
from pathlib import Path

from ambassadeur_app import APP_ID, ORG_NAME, settings_ini
from ambassadeur_app.ids import canonical_id, new_id

HOME_ENV = "AMBASSADEUR_HOME"
CARNET_SUFFIX = ".ambassadeur"
CARNET_FILENAME = f"carnet{CARNET_SUFFIX}"
DEMO_FILENAME = f"demonstration{CARNET_SUFFIX}"


def resource_dir() -> Path:
    """Return the folder of bundled resources (``_internal/resources`` in a frozen build)."""
    if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
        return Path(sys._MEIPASS) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def _user_dir(kind: str) -> Path:
    override = os.environ.get(HOME_ENV)
    if override:
        path = Path(override) / kind
    else:
        import platformdirs

        if kind == "data":
            path = Path(platformdirs.user_data_dir(APP_ID, ORG_NAME))
        elif kind == "config":
            path = Path(platformdirs.user_config_dir(APP_ID, ORG_NAME))
        else:
            path = Path(platformdirs.user_log_dir(APP_ID, ORG_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_data_dir() -> Path:
    """Return the folder holding the default carnet and the automatic backups."""
    return _user_dir("data")


def user_config_dir() -> Path:
    """Return the folder holding per-user settings (device id, window state)."""
    return _user_dir("config")


def log_dir() -> Path:
    """Return the folder holding the application log."""
    return _user_dir("logs")


def log_file() -> Path:
    """Return the application log (errors with their details, for support)."""
    return log_dir() / "ambassadeur.log"


def default_carnet_path() -> Path:
    """Return the carnet a new user creates (the window's « Créer un carnet », ``init``)."""
    return user_data_dir() / CARNET_FILENAME


def demo_carnet_path() -> Path:
    """Return the demonstration carnet, built on first use when there is no carnet yet."""
    return user_data_dir() / DEMO_FILENAME


def settings_file() -> Path:
    """Return the window's settings (``QSettings`` in its ini format)."""
    return user_config_dir() / "interface.ini"


def opened_carnet(last: Path | None) -> tuple[Path, bool]:
    """Return the carnet opened when none is named, and whether it is the demonstration.

    The window and the command line choose alike: the carnet the window showed ``last`` (see
    ``last_carnet``) if it still exists; else the default carnet if it exists; else the
    demonstration carnet (the window builds it on first use). A path the system cannot look at
    (a name too long, a folder refused) counts as missing.
    """
    for candidate in (last, default_carnet_path()):
        if candidate is not None and exists(candidate):
            return candidate, False
    return demo_carnet_path(), True


def exists(path: Path) -> bool:
    """Tell whether ``path`` exists; ``False`` when the system cannot tell (a name too long, a
    folder refused: ``Path.exists`` raises)."""
    try:
        return path.exists()
    except OSError:
        return False


def last_carnet() -> Path | None:
    """Return the carnet the window showed last (``carnet/last`` of ``settings_file``), read
    without Qt as ``QSettings`` reads it (``settings_ini``); ``None`` when it showed the
    demonstration, or none yet, or when the value is no name the window writes (another type than
    a string, a NUL, a half of a surrogate pair, U+FFFE, U+FFFF: the window finds no such file
    and goes on to the default carnet, and so does ``opened_carnet``)."""
    try:
        data = settings_file().read_bytes()
    except OSError:
        return None
    value = settings_ini.read_string(data, "carnet/last")
    return None if not value or _NO_FILE_NAME.search(value) else Path(value)


# What no carnet's name holds: NUL, a half of a surrogate pair, the non-characters U+FFFE, U+FFFF.
_NO_FILE_NAME = re.compile("[\0\ud800-\udfff\ufffe\uffff]")


def backup_root() -> Path:
    """Return the folder under which each carnet gets its own backup folder."""
    return user_data_dir() / "sauvegardes"


def documents_path() -> Path:
    """Return where exported documents go by default: « Carnet de bord ambassadeur » in the
    user's documents folder, without creating it (a command that fails writes nothing)."""
    if os.environ.get(HOME_ENV):
        return Path(os.environ[HOME_ENV]) / "documents"
    import platformdirs

    from ambassadeur_app import APP_NAME

    return Path(platformdirs.user_documents_dir()) / APP_NAME


def documents_dir() -> Path:
    """Return ``documents_path()``, created on first use (the window's file dialogs open there)."""
    path = documents_path()
    with suppress(OSError):  # an unwritable documents folder is said when a file is written
        path.mkdir(parents=True, exist_ok=True)
    return path


def device_id() -> str:
    """Return this computer's id, created on first use; every record written here carries it."""
    path = user_config_dir() / "device-id"
    try:
        return canonical_id(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        value = new_id()
        tmp = path.with_suffix(".part")
        tmp.write_text(value, encoding="ascii")
        tmp.replace(path)
        return value

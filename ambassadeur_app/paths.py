"""Where things live: bundled resources, the user's data and configuration folders.

Setting the environment variable ``AMBASSADEUR_HOME`` moves every per-user folder under it
(tests, portable installs). Storage code never guesses a location: it receives explicit paths.
"""

from __future__ import annotations

import os
import sys
from contextlib import suppress
from pathlib import Path

from ambassadeur_app import APP_ID, ORG_NAME
from ambassadeur_app.ids import canonical_id, new_id

HOME_ENV = "AMBASSADEUR_HOME"
CARNET_SUFFIX = ".ambassadeur"
CARNET_FILENAME = f"carnet{CARNET_SUFFIX}"


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
    """Return the carnet opened when no ``--carnet`` is given."""
    return user_data_dir() / CARNET_FILENAME


def backup_root() -> Path:
    """Return the folder under which each carnet gets its own backup folder."""
    return user_data_dir() / "sauvegardes"


def documents_dir() -> Path:
    """Return where exported documents go by default: « Carnet de bord ambassadeur » in the
    user's documents folder (created on first use)."""
    if os.environ.get(HOME_ENV):
        path = Path(os.environ[HOME_ENV]) / "documents"
    else:
        import platformdirs

        from ambassadeur_app import APP_NAME

        path = Path(platformdirs.user_documents_dir()) / APP_NAME
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

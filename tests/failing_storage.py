"""Storage in trouble, for tests: SQLite errors as SQLite raises them, and a small real disk to
fill up to its last byte."""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest


def sqlite_error(name: str, text: str) -> sqlite3.OperationalError:
    """An error as SQLite raises it, with its extended code's name (``SQLITE_FULL``...)."""
    exc = sqlite3.OperationalError(text)
    exc.sqlite_errorname = name  # type: ignore[attr-defined]
    return exc


@contextmanager
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """Mount a 2 MB disk (as root), or skip the test."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("no small disk can be mounted here")
    try:
        yield disk
    finally:
        subprocess.run(["umount", disk], check=False)


def fill_up(disk: Path) -> Path:
    """Fill ``disk`` to its last byte; return the file that does."""
    filler = disk / "remplissage"
    with suppress(OSError), open(filler, "wb") as handle:
        while handle.write(bytes(1 << 16)):
            handle.flush()
    return filler

"""What a start runs before the command line is parsed: the standard streams made safe, and the
window's own arguments read without argparse.

Opening the window is the most frequent start and it takes two options (or a carnet file): it
goes to the window without importing the command line's module nor building its parser
(~20 ms before the first paint). Anything else, even a spelling the parser would take for the
same thing (an abbreviated ``--carn``), is left to the parser: its help and its errors.
"""

from __future__ import annotations

import os
import sys
from contextlib import suppress
from pathlib import Path

from ambassadeur_app import paths


def usable_streams() -> None:
    """Make the standard streams unable to stop a command by themselves.

    The windowed Windows program has none (``None``); a console or a redirection on Windows
    encodes in cp1252, where a name such as « Łukasz » has no character: it is replaced rather
    than failing the command after its work is done.
    """
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - for the process
        else:
            with suppress(AttributeError, ValueError):
                stream.reconfigure(errors="replace")


def window_arguments(argv: list[str]) -> tuple[Path | None, int | None] | None:
    """Return the carnet and the ``--fermer-apres`` delay of a start that opens the window, as
    the command line's parser would read them; ``None`` when ``argv`` asks for anything else or
    needs the parser to be read (a command, ``--help``, an error...).

    Taken here: no argument; ``--carnet CHEMIN`` and ``--fermer-apres MS`` (also written
    ``--option=valeur``, repeated: the last one counts); a lone carnet file named
    ``….ambassadeur`` (``cli.opened_file_as_carnet``: no command has that suffix).
    """
    if len(argv) == 1 and not argv[0].startswith("-") and Path(argv[0]).suffix.lower() == paths.CARNET_SUFFIX:
        return Path(argv[0]), None
    carnet: Path | None = None
    delay: int | None = None
    words = iter(argv)
    for word in words:
        option, equals, value = word.partition("=")
        if option not in ("--carnet", "--fermer-apres"):
            return None
        if not equals:
            value = next(words, "")
        if not value or value.startswith("-"):
            return None  # the parser says what is wrong, or reads it its own way
        if option == "--carnet":
            carnet = Path(value)
            continue
        try:
            delay = int(value)  # as the parser reads it (type=int)
        except ValueError:
            return None
    return carnet, delay

"""The ``ambassadeur`` command, also run with ``python -m ambassadeur_app``."""

import sys

from ambassadeur_app import APP_NAME, __version__


def run() -> int:
    """Run the command line; ``--version`` answers before the rest of the app is loaded
    (scripts and installers ask it often: it costs what starting Python costs)."""
    if sys.argv[1:] == ["--version"]:
        print(f"{APP_NAME} {__version__}")
        return 0
    from ambassadeur_app.cli import main

    return main()


if __name__ == "__main__":
    sys.exit(run())

"""The ``ambassadeur`` command, also run with ``python -m ambassadeur_app``."""

import sys

from ambassadeur_app import APP_NAME, __version__


def run() -> int:
    """Run the command line; ``--version`` answers before the rest of the app is loaded
    (scripts and installers ask it often: it costs what starting Python costs), and the window
    opens without the command line's parser (``launch.window_arguments``)."""
    argv = sys.argv[1:]
    if argv == ["--version"]:
        print(f"{APP_NAME} {__version__}")
        return 0
    from ambassadeur_app.launch import usable_streams, window_arguments

    window = window_arguments(argv)
    if window is not None:
        usable_streams()
        from ambassadeur_app.gui.app import run_app

        return run_app(*window)
    import gc

    gc.disable()  # held while the command starts: ``cli.main`` lets it run again
    from ambassadeur_app.cli import main

    return main()


if __name__ == "__main__":
    sys.exit(run())

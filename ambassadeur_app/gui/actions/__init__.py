"""The main window's menu actions that open a dialog and run work, grouped by job.

Each module holds one job (``exports``: documents written in the background; ``copies``:
backups, restores and encrypted copies; ``imports``: spreadsheets and national extracts) and
reaches the window only through the few things it offers (its carnet, settings, status bar,
thread pool). Dialogs are imported where they are opened: none loads before the user asks.
"""

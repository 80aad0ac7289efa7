"""Run long work in the thread pool, reporting back to the GUI thread through signals.

The work function receives ``progress(done, total)`` and ``cancelled()``; it must not touch
widgets and opens its own database connection (sqlite connections belong to one thread).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class TaskSignals(QObject):
    """Signals:
    progress(int, int): work done and total.
    finished(object): the work's result.
    failed(object): the exception it raised.
    """

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """One piece of work for the pool."""

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.work = work
        self.signals = TaskSignals()
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    def run(self) -> None:
        try:
            result = self.work(self.signals.progress.emit, lambda: self._cancelled)
        except Exception as exc:
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


def start(task: Task, pool: QThreadPool | None = None) -> Task:
    """Queue ``task`` (on the global pool unless one is given, e.g. a synchronous one in tests)."""
    (pool or QThreadPool.globalInstance()).start(task)
    return task

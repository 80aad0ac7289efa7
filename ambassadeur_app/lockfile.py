"""A lock that the system releases when its holder dies: the carnet's single-writer lock
(``storage.db``) and the notes of the files being written (``partfiles``).

It is the system's own lock on an open file (``flock`` on Linux and macOS, a byte locked with
``msvcrt.locking`` on Windows), held as long as the descriptor is open: a crash, a kill -9, a
power cut free it, and a lock file left behind is never mistaken for a held lock. Two locks on
the same file are exclusive even within one process. Nothing here imports a library: a start
that opens a carnet pays a few system calls, not a package's import (``filelock``: ~7 ms).
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

# The errors a lock held by another process gives (Windows: EACCES or EDEADLOCK; some Unix
# file systems say EACCES instead of EWOULDBLOCK).
_HELD = {errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, getattr(errno, "EDEADLOCK", errno.EDEADLK)}


class LockFile:
    """An exclusive lock on the file ``path`` (created if missing, left in place when released:
    another process may be waiting on it)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock if it is free, without waiting; return whether it was taken.

        Raises:
            OSError: the lock file cannot be created or opened (a read-only folder...).
        """
        if self._fd is not None:
            return True
        # O_NOFOLLOW: a link put in place of the lock file is not followed (Unix).
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o666)
        try:
            _lock(fd)
        except OSError as exc:
            os.close(fd)
            if exc.errno in _HELD:
                return False
            raise
        self._fd = fd
        return True

    def release(self) -> None:
        """Give the lock back (nothing when it is not held)."""
        fd, self._fd = self._fd, None
        if fd is not None:
            try:
                _unlock(fd)
            finally:
                os.close(fd)  # closing alone would release it too


if sys.platform == "win32":
    import msvcrt

    # UNTESTED here (the tests run on Linux): Windows has no flock; ``msvcrt.locking`` locks
    # the first byte from the descriptor's position, 0 just after opening (a byte past the end
    # of the empty file may be locked). The lock belongs to the handle: another handle, even in
    # this process, is refused (EACCES); the system frees it when the process ends.
    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    # flock locks the open file description: a second open of the same file, even in this
    # process, is refused; the lock goes when the last descriptor of it is closed.
    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

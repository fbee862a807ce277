"""An exclusive lock between jobtui processes, on a separate lock file.

flock on `watchlist.lock` (never on the watchlist itself, which is replaced by
rename). Where fcntl does not exist (Windows) writes go unlocked: still atomic, but
two simultaneous writers may lose one change.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from jobtui.domain.errors import StoreError
from jobtui.store.atomic import make_folder, store_error

HAVE_LOCKS = sys.platform != "win32"
if sys.platform != "win32":
    import fcntl

# A writer holds the lock for milliseconds; waiting this long means it is stuck.
LOCK_TIMEOUT = 10.0


@contextmanager
def exclusive_lock(path: Path, *, what: str, timeout: float = LOCK_TIMEOUT) -> Iterator[bool]:
    """Hold the lock for the block; yields False when locking is unavailable."""
    if sys.platform == "win32":
        yield False
        return
    try:
        make_folder(path.parent)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise store_error(exc, path, what) from None
    try:
        _acquire(fd, path, what, timeout)
        yield True
    finally:
        os.close(fd)  # closing the descriptor releases the flock


def _acquire(fd: int, path: Path, what: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    delay = 0.001
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise StoreError(
                    f"cannot save the {what}: another jobtui process has held {path} "
                    f"for {timeout:g} s; try again, or end the stuck process",
                    path=str(path),
                ) from None
            time.sleep(delay)
            delay = min(delay * 2, 0.005)

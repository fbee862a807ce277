"""Watchlist writers in their own processes, for the concurrency and kill tests.

    python -m tests.store.writer FOLDER add PREFIX COUNT     add PREFIX-0 .. one per write
    python -m tests.store.writer FOLDER remove PREFIX COUNT  remove PREFIX-0 .. one by one
    python -m tests.store.writer FOLDER forkserver           see serve_forks()

Each prints "ready" once imported, then waits for a line on stdin before writing,
so a test can start several at the same instant.
"""

from __future__ import annotations

import itertools
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

from jobtui.domain.state import WatchEntry
from jobtui.store.watchlist import Watchlist

AT = datetime(2026, 11, 28, 9, 0, tzinfo=timezone.utc)


def grow(watchlist: Watchlist) -> None:
    """Add job-N, job-N+1 ... one write each, until killed."""
    for n in itertools.count(len(watchlist.load())):
        watchlist.add([WatchEntry("p1", f"job-{n}", AT)])


def serve_forks(watchlist: Watchlist) -> None:
    """'fork' starts a growing writer and prints its pid; 'reap' waits for it to die.

    Forking from this single-threaded, already-imported process costs a millisecond,
    where a fresh interpreter per kill would cost a good part of a second.
    """
    child = 0
    for line in sys.stdin:
        if line.strip() == "fork":
            child = os.fork()
            if child == 0:
                grow(watchlist)
            print(child, flush=True)
        elif line.strip() == "reap":
            _, status = os.waitpid(child, 0)
            print(status, flush=True)


def main(argv: list[str]) -> int:
    folder, mode = Path(argv[0]), argv[1]
    watchlist = Watchlist(folder / "watchlist.toml", folder / "watchlist.lock")
    print("ready", flush=True)
    if mode == "forkserver":
        serve_forks(watchlist)
        return 0
    if not sys.stdin.readline():
        return 1  # the test went away without saying go
    prefix, count = argv[2], int(argv[3])
    for n in range(count):
        if mode == "add":
            watchlist.add([WatchEntry("p1", f"{prefix}-{n}", AT)])
        else:
            watchlist.remove([("p1", f"{prefix}-{n}")])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

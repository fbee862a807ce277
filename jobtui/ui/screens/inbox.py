"""The main screen's inbox: poller events queued from any task or thread, drained in order.

One `PollerNews` message drains a whole burst: a Textual message per answer cost more
CPU than the answer's HTTP request when nothing changed. The drain skips an event that
the next one makes redundant, so a UI that fell behind catches up in one pass.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator

from textual.message import Message

from jobtui.domain.events import (
    CycleFinished,
    FetchFailed,
    FetchRecovered,
    JobUpdated,
    PollerEvent,
    WatchlistChanged,
)


class PollerNews(Message):
    """Poller events wait in the screen's inbox: one message drains a whole burst."""


class Inbox:
    """Events waiting for the screen; `wake` posts the one message that drains them."""

    def __init__(self, wake: Callable[[], object]) -> None:
        self._events: deque[PollerEvent] = deque()
        self._woken = False
        self._wake = wake

    def put(self, event: PollerEvent) -> None:
        """Queue `event`; may run on the poller's task or a thread, so it only queues."""
        self._events.append(event)
        if not self._woken:
            self._woken = True
            self._wake()

    def drain(self) -> Iterator[PollerEvent]:
        """Every queued event in order, less those the next one supersedes."""
        # Lowered before draining: an event queued meanwhile wakes the screen again.
        self._woken = False
        waiting = self._events
        while waiting:
            event = waiting.popleft()
            if not (waiting and supersedes(waiting[0], event)):
                yield event


def supersedes(newer: PollerEvent, older: PollerEvent) -> bool:
    """Whether handling `newer` alone shows what handling `older` first would.

    An unchanged answer only says the job is fresh, and a newer answer for the job says
    that too; a newer failure, cycle end or watchlist change replaces the older one.
    A status change is never skipped: each may announce a finished job.
    """
    if isinstance(older, JobUpdated) and isinstance(newer, (JobUpdated, FetchRecovered)):
        return not older.changed and newer.key == older.key
    if isinstance(older, FetchFailed) and isinstance(newer, FetchFailed):
        return newer.key == older.key
    return isinstance(older, (CycleFinished, WatchlistChanged)) and type(newer) is type(older)

"""`status` over many jobs: a count on a terminal's stderr while it asks, and --max-time.

The rate cap makes a full pass over 2,000 jobs take about half an hour; without these
it printed nothing until the end and could not be told to stop early.
"""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Optional, TextIO

from jobtui.commands.output import NOT_ASKED
from jobtui.domain.errors import ErrorInfo
from jobtui.domain.events import FetchFailed, JobUpdated, PollerEvent
from jobtui.domain.state import JobKey, JobState

if TYPE_CHECKING:
    from jobtui.polling.poller import Poller
CUT_SHORT = ErrorInfo(NOT_ASKED, "not asked: --max-time reached")
# A status that is over within this many seconds draws no count at all.
FIRST_AFTER = 1.0
# The count is redrawn at most this often, and only when it changed (SSH links).
EVERY = 0.25
# Measures FIRST_AFTER; tests replace it.
monotonic = time.monotonic


class Tally:
    """Which jobs have their answer this run; "asked 120/2000…" on a terminal's stderr."""

    def __init__(self, keys: Iterable[JobKey], stream: Optional[TextIO]) -> None:
        self.wanted = set(keys)
        self.seen: set[JobKey] = set()
        self._stream = stream  # None when stderr is not a terminal: nothing is drawn
        self._start = monotonic()
        self._shown = ""

    def on_event(self, event: PollerEvent) -> None:
        """An answer, an error, or a job held back by its gate: it was dealt with."""
        if isinstance(event, (JobUpdated, FetchFailed)) and event.key in self.wanted:
            self.seen.add(event.key)

    def draw(self) -> None:
        if self._stream is None or monotonic() - self._start < FIRST_AFTER:
            return
        text = f"jobtui: asked {len(self.seen)}/{len(self.wanted)}…"
        if text != self._shown:
            # \r and spaces, not escapes: right on any terminal, TERM=dumb too.
            self._write("\r" + text.ljust(len(self._shown)))
            self._shown = text

    def close(self) -> None:
        """Wipe the count, so the table or the shell prompt starts on a clean line."""
        if self._shown:
            self._write("\r" + " " * len(self._shown) + "\r")
            self._shown = ""

    async def keep_drawing(self) -> None:
        while True:
            self.draw()
            await asyncio.sleep(EVERY)

    def _write(self, text: str) -> None:
        assert self._stream is not None
        self._stream.write(text)
        self._stream.flush()


async def refresh_within(
    poller: Poller, keys: Sequence[JobKey], max_time: Optional[float], tally: Tally
) -> tuple[dict[JobKey, JobState], set[JobKey]]:
    """Each job's state after one pass, cut short after `max_time` s if given.

    Returns the states and the keys the pass did not get to: those keep what was
    known of them (the cache's record) with a `not_asked` error saying why.
    """
    drawing = asyncio.ensure_future(tally.keep_drawing())
    asking = asyncio.ensure_future(poller.refresh_once(keys))
    try:
        await asyncio.wait([asking], timeout=max_time)
    finally:
        for task in (asking, drawing):
            task.cancel()
        await asyncio.gather(asking, drawing, return_exceptions=True)
        tally.close()
    if not asking.cancelled():
        return asking.result(), set()  # raises what the pass raised, if it did
    # A cancelled pass drops the requests in flight; their jobs count as not asked.
    missing = {key for key in keys if key not in tally.seen}
    states = {key: poller.states.get(key) or JobState(key) for key in keys}
    for key in missing:
        states[key] = dataclasses.replace(states[key], error=CUT_SHORT)
    return states, missing

"""Requests in flight: a cycle waits a bounded time for each, and none is waited on for ever.

A request that has not landed after `straggler_after` seconds no longer holds up its
cycle: the cycle moves on, the request stays out, and its job is not sent again until
it lands. One that has not landed after `give_up_after` seconds is cancelled and
counts as a timeout of that job. So one stuck request (a connection that trickles, a
gateway that never answers) costs its own job, never every other job's polls.

Both bounds are measured on the event loop's clock: they bound real I/O, which takes
no time on a test's virtual clock (where `sleep` jumps). In production the loop's
clock is the same monotonic clock the schedule runs on.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable

from jobtui.domain.state import JobKey
from jobtui.polling.fetcher import Fetcher
from jobtui.polling.supervision import report_fault

log = logging.getLogger(__name__)

# Answers take well under a second; a cycle waits this long for one, then moves on.
STRAGGLER_AFTER = 5.0
# The client's own timeouts end a request long before this; it is the backstop.
GIVE_UP_AFTER = 120.0


class InFlight:
    """The requests that are out, one per job at most, and the gates they probe."""

    def __init__(
        self,
        fetcher: Fetcher,
        *,
        straggler_after: float = STRAGGLER_AFTER,
        give_up_after: float = GIVE_UP_AFTER,
    ) -> None:
        self._fetcher = fetcher
        self.straggler_after = straggler_after
        self.give_up_after = give_up_after
        self._tasks: dict[JobKey, asyncio.Future[None]] = {}
        self._abandoned: set[JobKey] = set()  # cancelled at `give_up_after`

    def __contains__(self, key: object) -> bool:
        return key in self._tasks

    def __len__(self) -> int:
        return len(self._tasks)

    async def send(self, key: JobKey) -> None:
        """Send the job's request; return when it landed, or after `straggler_after` s.

        A probe that straggles settles nothing: through a new gate, its other jobs
        wait a second (`Fetcher.admit`) and the next cycle probes with another job;
        a blocked gate waits SLOW_PROBE_WAIT for it before probing again.
        """
        if key in self._tasks:
            return
        self._fetcher.schedule.sent(key)
        task = self._tasks[key] = asyncio.ensure_future(self._fetch(key))
        await asyncio.wait({task}, timeout=self.straggler_after)
        if not task.done():
            # Only a probe goes through a blocked gate: it keeps the gate waiting.
            for gate in self._fetcher.gates(key):
                gate.probe_slow(self._fetcher.clock())

    async def _fetch(self, key: JobKey) -> None:
        # A timer, not asyncio.wait_for: no extra task per request on Python < 3.12.
        timer = asyncio.get_running_loop().call_later(self.give_up_after, self._give_up, key)
        try:
            await self._fetcher.fetch(key)
        except asyncio.CancelledError:
            if key not in self._abandoned:
                raise  # stop(): dropped, and still due
            self._fetcher.gave_up(key, self.give_up_after)
        except Exception as exc:  # not an ApiError (fetch takes those): a fault
            report_fault(log, self._fetcher.emit, exc, f"the request for job {key[1]}")
            self._fetcher.schedule.failed(key, self._fetcher.clock())
        finally:
            timer.cancel()
            self._abandoned.discard(key)
            self._tasks.pop(key, None)
            self._fetcher.schedule.landed(key)

    def _give_up(self, key: JobKey) -> None:
        task = self._tasks.get(key)
        if task is not None and not task.done():
            self._abandoned.add(key)
            task.cancel()

    async def settle(self, keys: Iterable[JobKey]) -> None:
        """Wait until these jobs' requests are over (each at most `give_up_after` s)."""
        tasks = [self._tasks[key] for key in keys if key in self._tasks]
        if tasks:
            await asyncio.wait(tasks)

    def cancel(self) -> None:
        """Drop every request that is out; their jobs stay due."""
        for task in list(self._tasks.values()):
            task.cancel()

"""The background poller: refreshes watched jobs on their schedule, never overlapping.

Time comes in through three injected functions: `clock` (monotonic seconds) drives
every schedule, so a wall-clock step neither bursts nor stalls polling (on Linux
CLOCK_MONOTONIC does not count a suspend either; where a clock does, the overdue jobs
go in one cycle, not one per missed interval); `sleep` is
the only way it waits for the schedule; `wall` only stamps records and events. No test
waits on wall time, and nothing here knows about Textual.

Polling never stops by itself: a request that hangs holds up only its own job
(`jobtui.polling.in_flight`), and an exception escaping a cycle is logged, reported as a
`PollerFault` event, and polling goes on at the next interval.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Iterable, Mapping
from datetime import datetime, timezone
from typing import Callable, Optional

from jobtui.domain.cluster import ClusterRecord
from jobtui.domain.events import CycleFinished, PollerEvent, PollingPaused, Warned
from jobtui.domain.state import CLUSTER, JobKey, JobState, NextCheck, WatchEntry
from jobtui.domain.watch_key import is_cluster, item_id
from jobtui.polling.cycle import run_cycle
from jobtui.polling.fetcher import Emit, Fetcher, Router
from jobtui.polling.in_flight import GIVE_UP_AFTER, STRAGGLER_AFTER, InFlight
from jobtui.polling.ratelimit import TokenBucket
from jobtui.polling.schedule import Schedule
from jobtui.polling.supervision import report_fault
from jobtui.store.config import Settings
from jobtui.store.refusals import held_banner

log = logging.getLogger(__name__)

# Never loop faster than this, whatever the schedule says.
MIN_IDLE = 0.1


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Poller:
    """Refreshes every watched job; see docs/architecture.md for where it fits."""

    def __init__(
        self,
        connections: Router,
        *,
        settings: Settings,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        on_event: Optional[Emit] = None,
        wall: Callable[[], datetime] = utcnow,
        rand: Callable[[], float] = random.random,
        straggler_after: float = STRAGGLER_AFTER,
        give_up_after: float = GIVE_UP_AFTER,
    ) -> None:
        self._connections = connections
        self._concurrency = max(1, settings.concurrency)
        self._clock, self._sleep, self._on_event = clock, sleep, on_event
        self.schedule = Schedule(
            settings.refresh_interval, rand=rand,
            adaptive=settings.schedule == "adaptive", rate_per_minute=settings.rate_per_minute,
        )  # fmt: skip
        self.bucket = TokenBucket(settings.rate_per_minute, clock=clock, sleep=sleep)
        self._fetcher = Fetcher(
            connections, self.schedule, self.bucket,
            clock=clock, wall=wall, emit=self._emit, rand=rand,
        )  # fmt: skip
        self._in_flight = InFlight(
            self._fetcher, straggler_after=straggler_after, give_up_after=give_up_after
        )
        self._paused = self._stopping = False
        self._wake: Optional[asyncio.Event] = None
        self._lock: Optional[asyncio.Lock] = None
        self._cycling: Optional[asyncio.Future[int]] = None
        self.last_cycle: Optional[datetime] = None

    @property
    def states(self) -> Mapping[JobKey, JobState]:
        return self._fetcher.states

    @property
    def requested(self) -> int:
        """How many requests went out since the poller was made."""
        return self._fetcher.requested

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def in_flight(self) -> int:
        """How many requests are out (a straggler stays out after its cycle ended)."""
        return len(self._in_flight)

    def _emit(self, event: PollerEvent) -> None:
        if self._on_event is not None:
            self._on_event(event)

    def set_entries(self, entries: Iterable[WatchEntry]) -> None:
        """Watch exactly these jobs: new ones are due now, dropped ones forgotten."""
        self._fetcher.watch(entries)
        self._poke()

    def seed(self, states: Mapping[JobKey, JobState]) -> None:
        """Start from cached states (marked stale); finished jobs are not asked again."""
        self._fetcher.seed(states)

    def refresh(self, key: Optional[JobKey] = None) -> None:
        """Refresh one job now (even a finished one), or every unfinished job.

        A blocked endpoint or paused credential gets one probe at once too, but not a
        refused AK/SK before its time (the gateway locks it after 5 failures): that says why.
        """
        if key is not None and key not in self._fetcher.entries:
            return
        now = self._clock()
        self.schedule.force(now, key)
        # The user may have fixed the credentials file: read it again.
        self._fetcher.forget_routes(reload=True)
        # Every job's gates afresh, so a fixed key is noticed (and tried) now.
        keys = [key] if key is not None else list(self._fetcher.entries)
        gates = dict.fromkeys(gate for k in keys for gate in self._fetcher.gates(k))
        for gate in gates:
            gate.probe_now(now)
            if gate.refused is not None and gate.waiting(now):
                text = held_banner(gate.name, gate.refused, self.wall_at(gate.retry_at))
                self._emit(Warned(text))
        self._poke()

    def pause(self) -> None:
        if not self._paused:
            self._paused = True
            self._emit(PollingPaused(True))
            self._poke()

    def resume(self) -> None:
        if self._paused:
            self._paused = False
            self._emit(PollingPaused(False))
            self._poke()

    def stop(self) -> None:
        """Make `run()` return now: requests in flight are dropped, their jobs stay due."""
        self._stopping = True
        if self._cycling is not None:
            self._cycling.cancel()
        self._in_flight.cancel()
        self._poke()

    def _poke(self) -> None:
        if self._wake is not None:
            self._wake.set()

    def wall_at(self, when: float) -> datetime:
        """A time on the poller's monotonic clock as a wall-clock time."""
        return self._fetcher.wall_at(when)

    def next_due(self) -> Optional[datetime]:
        """When the next request is due (None when nothing is), as a wall time."""
        due = self.schedule.next_due()
        return None if due is None else self._fetcher.wall_at(due)

    def next_check(self, key: JobKey) -> Optional[NextCheck]:
        """When the job is asked next and why (the detail pane shows it)."""
        reason = self.schedule.reason(key)
        if reason is None:
            return None
        due = self.schedule.due_at(key)
        return NextCheck(None if due is None else self.wall_at(due), reason)

    async def run(self) -> None:
        """Poll until `stop()`: a cycle over what is due, then wait for the next."""
        self._wake = asyncio.Event()
        self._stopping = False
        try:
            while not self._stopping:
                faulted = await self._supervised()
                await self._idle(self.schedule.interval if faulted else None)
        finally:
            self._in_flight.cancel()

    async def _supervised(self) -> bool:
        """One cycle over what is due; False, or True when it broke (logged and reported)."""
        keys: list[JobKey] = []
        try:
            keys = self.schedule.due(
                self._clock(), forced_only=self._paused, ahead=self.schedule.window
            )[: self._budget()]
            if keys:
                await self._interruptible(keys)
        except Exception as exc:  # ApiErrors never get here: the fetcher takes them
            report_fault(log, self._emit, exc, "a polling cycle")
            # Its jobs wait an interval: a fault that repeats must not spin.
            until = self._clock() + self.schedule.interval
            for key in keys:
                self.schedule.defer(key, until)
            return True
        return False

    async def _interruptible(self, keys: list[JobKey]) -> None:
        """Run a cycle that `stop()` can cut short (a Retry-After wait may be long)."""
        self._cycling = asyncio.ensure_future(self._cycle(keys))
        try:
            await self._cycling
        except asyncio.CancelledError:
            if not self._stopping:
                raise
        finally:
            self._cycling.cancel()
            self._cycling = None

    def _budget(self) -> int:
        """How many jobs one cycle takes: what the rate cap allows in one interval."""
        return max(self._concurrency, self.bucket.affordable(self.schedule.interval))

    async def _cycle(self, keys: list[JobKey]) -> int:
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            requested = await run_cycle(self._fetcher, self._in_flight, keys, self._concurrency)
        self.last_cycle = self._fetcher.wall()
        self._emit(CycleFinished(self.last_cycle, requested, self.next_due()))
        return requested

    async def _idle(self, seconds: Optional[float] = None) -> None:
        """Sleep until the next job is due (or `seconds`), or until poked (refresh, stop)."""
        assert self._wake is not None
        if self._wake.is_set() or self._stopping:
            self._wake.clear()
            return
        wait = self._idle_time() if seconds is None else seconds
        waits: list[asyncio.Future[object]] = [asyncio.ensure_future(self._wake.wait())]
        waits.append(asyncio.ensure_future(self._sleep(wait)))
        try:
            await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in waits:
                task.cancel()
        self._wake.clear()

    def _idle_time(self) -> float:
        """Seconds until the next job is due; paused or idle, a look every interval."""
        due = None if self._paused else self.schedule.next_due()
        if due is None:
            return self.schedule.interval
        return max(MIN_IDLE, due - self._clock())

    async def list_clusters(
        self, project_id: str, region: Optional[str] = None
    ) -> list[ClusterRecord]:
        """Every cluster of a project and what it does: ONE request (`discover`), through
        the project's route, under the same rate cap as the polls. Raises ApiError."""
        entry = WatchEntry(project_id, "clusters", self._fetcher.wall(), region=region)
        route = self._connections.route(entry)  # routes depend on project and region only
        await self.bucket.acquire()
        self._fetcher.requested += 1
        return await self._connections.client(route).list_clusters(project_id)

    async def refresh_once(self, keys: Iterable[JobKey]) -> dict[JobKey, JobState]:
        """Fetch these jobs now (what `jobtui status` uses) and return their states.

        A key that is not watched yet is watched from now on.
        """
        wanted = list(dict.fromkeys(keys))
        known = list(self._fetcher.entries.values())
        at = self._fetcher.wall()
        extra = [_entry(key, at) for key in wanted if key not in self._fetcher.entries]
        if extra:
            self.set_entries([*known, *extra])
        now = self._clock()
        for key in wanted:
            self.schedule.force(now, key)
        await self._cycle(wanted)
        await self._in_flight.settle(wanted)  # a one-shot answer waits for its stragglers
        return {key: self._fetcher.states.get(key, JobState(key)) for key in wanted}


def _entry(key: JobKey, at: datetime) -> WatchEntry:
    """A stand-in entry for a key `refresh_once` was asked about but nobody watches."""
    if is_cluster(key):
        return WatchEntry(key[0], item_id(key), at, kind=CLUSTER)
    return WatchEntry(key[0], key[1], at)

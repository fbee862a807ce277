"""Virtual time, scenarios and a poller wired to a simulator, for the poller tests."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Optional

from jobtui.domain.events import PollerEvent
from jobtui.domain.state import WatchEntry
from jobtui.polling.connections import Connections
from jobtui.polling.poller import Poller
from jobtui.sim.clock import ManualClock
from jobtui.sim.scenario import JobTimeline, Scenario, Step
from jobtui.sim.server import Simulator
from jobtui.store.config import Settings

EPOCH = datetime(2026, 11, 29, 12, 0, tzinfo=timezone.utc)


class VirtualTime:
    """A monotonic clock that `sleep` moves forward at once; the simulator moves with it.

    `run_for` lets a poller run until this clock reaches a deadline.
    """

    def __init__(self, sim: Optional[Simulator] = None) -> None:
        self.now = 0.0
        self.wall_offset = 0.0
        self.sim = sim
        self.deadline = float("inf")
        self.on_deadline: Callable[[], None] = lambda: None

    def clock(self) -> float:
        return self.now

    def wall(self) -> datetime:
        return EPOCH + timedelta(seconds=self.now + self.wall_offset)

    def advance(self, seconds: float) -> None:
        self.now += seconds
        if self.sim is not None:
            self.sim.advance(seconds)

    async def sleep(self, seconds: float) -> None:
        step = min(max(0.0, seconds), self.deadline - self.now)
        self.advance(step)
        if self.now >= self.deadline:
            self.on_deadline()
        await asyncio.sleep(0)

    async def run_for(self, poller: Poller, seconds: float) -> None:
        """Run the poller for `seconds` of virtual time (a few milliseconds of real time)."""
        self.deadline = self.now + seconds
        self.on_deadline = poller.stop
        await asyncio.wait_for(poller.run(), timeout=30)


def job(
    n: int, *, project: int = 0, steps: tuple[Step, ...] = (Step(0, "RUNNING", "0%"),)
) -> JobTimeline:
    """A job with a stable ID; by default running for ever."""
    return JobTimeline(
        project_id=f"{project:032x}", job_id=f"{n:032x}", job_name="ecfClusterElbCreateJob",
        steps=steps,
    )  # fmt: skip


def finishing(n: int, at: float, status: str = "SUCCESS", project: int = 0) -> JobTimeline:
    """A job that runs and ends with `status` at scenario time `at`."""
    return job(n, project=project, steps=(Step(0, "RUNNING", "0%"), Step(at, status, "100%")))


def entries(scenario: Scenario) -> list[WatchEntry]:
    return [WatchEntry(p, j, EPOCH) for p, j in scenario.pairs()]


@contextmanager
def simulator(scenario: Scenario, **kwargs: Any) -> Iterator[Simulator]:
    # The simulator's wall clock stays real: the gateway checks signatures against it.
    with Simulator(scenario, clock=ManualClock(), **kwargs) as sim:
        yield sim


class Rig:
    """A poller pointed at a simulator, on virtual time, recording its events.

    `poller` passes options to the Poller (e.g. `rand`, `straggler_after`).
    """

    def __init__(self, sim: Simulator, tmp: Path, env: Optional[dict[str, str]] = None,
                 poller: Optional[dict[str, Any]] = None, **settings: Any) -> None:  # fmt: skip
        self.sim = sim
        self.time = VirtualTime(sim)
        self.events: list[PollerEvent] = []
        # These count requests per interval: the fixed schedule (the adaptive one has its own).
        base = Settings(
            endpoint=sim.url, refresh_interval=10.0, rate_per_minute=6000.0, schedule="fixed"
        )
        self.settings = replace(base, **settings)
        self.connections = Connections(self.settings, env=env or {}, home=tmp)
        options: dict[str, Any] = {"rand": lambda: 0.5, **(poller or {})}
        self.poller = Poller(
            self.connections, settings=self.settings, clock=self.time.clock,
            sleep=self.time.sleep, wall=self.time.wall, on_event=self.events.append,
            **options,
        )  # fmt: skip

    def of(self, kind: type) -> list[Any]:
        return [event for event in self.events if isinstance(event, kind)]

    async def served(self, job_id: Optional[str] = None) -> int:
        """The simulator's request count, once its log caught up with what was sent.

        The simulator logs a request just after answering it, on its own thread.
        """
        for _ in range(400):
            if self.sim.count() >= self.poller.requested:
                break
            await asyncio.sleep(0.005)
        return self.sim.count(job_id)

    async def close(self) -> None:
        await self.connections.aclose()


@asynccontextmanager
async def rigged(
    scenario: Scenario,
    tmp: Path,
    *,
    env: Optional[dict[str, str]] = None,
    sim: Optional[dict[str, Any]] = None,
    poller: Optional[dict[str, Any]] = None,
    **settings: Any,
) -> AsyncIterator[Rig]:
    """A simulator serving `scenario` and a poller on it watching every job."""
    with simulator(scenario, **(sim or {})) as server:
        rig = Rig(server, tmp, env, poller, **settings)
        rig.poller.set_entries(entries(scenario))
        try:
            yield rig
        finally:
            await rig.close()

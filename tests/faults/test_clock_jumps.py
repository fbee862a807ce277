"""The clock jumps (NTP step, suspend and resume): polling neither bursts nor stops.

Scheduling runs on the injected monotonic clock (`time.monotonic` in the app); the
wall clock only stamps records. What we rely on: on Linux `time.monotonic` is
CLOCK_MONOTONIC, which an NTP step never moves and which does not count a suspend,
so after a resume the schedule carries on where it was. Should a platform's
monotonic clock count the suspended hour, every job is overdue at once: that must
cost one cycle, not one per missed interval. Both are counted here over real HTTP.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from jobtui.polling.connections import Connections
from jobtui.polling.poller import Poller
from jobtui.sim.scenario import Scenario
from jobtui.sim.server import Simulator
from jobtui.store.config import Settings
from tests.polling.helpers import VirtualTime, entries, job, simulator

TEN = Scenario(tuple(job(n) for n in range(10)))
INTERVAL = 10.0
HOUR = 3600.0


class JumpingTime(VirtualTime):
    """Virtual time whose wall or monotonic clock leaps when it passes given moments."""

    def __init__(self, sim: Simulator, *, wall: dict[float, float], monotonic: dict[float, float]):
        super().__init__(sim)
        self.wall_steps, self.monotonic_steps = dict(wall), dict(monotonic)

    def advance(self, seconds: float) -> None:
        before = self.now
        super().advance(seconds)
        for at in [at for at in self.wall_steps if before < at <= self.now]:
            self.wall_offset += self.wall_steps.pop(at)
        for at in [at for at in self.monotonic_steps if before < at <= self.now]:
            super().advance(self.monotonic_steps.pop(at))  # the scenario sleeps too


async def _requests_per_window(
    tmp: Path, seconds: float, *, wall: dict[float, float], monotonic: dict[float, float]
) -> Counter[int]:
    """Requests the simulator got in each INTERVAL-long window of monotonic time."""
    with simulator(TEN) as sim:
        time = JumpingTime(sim, wall=wall, monotonic=monotonic)
        settings = Settings(
            endpoint=sim.url, refresh_interval=INTERVAL, rate_per_minute=6000.0, schedule="fixed"
        )
        async with Connections(settings, env={}, home=tmp) as conns:
            poller = Poller(
                conns, settings=settings, clock=time.clock, sleep=time.sleep, wall=time.wall,
                rand=lambda: 0.5,
            )  # fmt: skip
            poller.set_entries(entries(TEN))
            await time.run_for(poller, seconds)
        return Counter(int(request.time // INTERVAL) for request in sim.requests)


def _windows(start: float, end: float) -> Iterable[int]:
    return range(int(start // INTERVAL), int(end // INTERVAL))


async def test_a_wall_clock_step_of_hours_neither_bursts_nor_stalls(tmp_path: Path) -> None:
    # NTP steps the wall clock 3 hours ahead at 95 s, then 6 hours back at 195 s.
    counts = await _requests_per_window(
        tmp_path, 300, wall={95.0: 3 * HOUR, 195.0: -6 * HOUR}, monotonic={}
    )
    # Every job once per interval, before, between and after the steps.
    assert [counts[w] for w in _windows(0, 300)] == [10] * 30


async def test_a_resume_after_an_hour_costs_one_cycle(tmp_path: Path) -> None:
    # Suspended at 95 s for an hour, on a clock that counts the suspension.
    counts = await _requests_per_window(
        tmp_path, HOUR + 200, wall={95.0: HOUR}, monotonic={95.0: HOUR}
    )
    # Every interval while awake, the first one after resuming included: the 360
    # intervals missed cost that one cycle, and nothing in between.
    awake = [*_windows(0, 100), *_windows(HOUR + 100, HOUR + 200)]
    assert sorted(counts) == awake
    assert [counts[w] for w in awake] == [10] * len(awake)

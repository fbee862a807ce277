"""Poller benchmark: one full refresh of many jobs against the simulator, rate cap lifted.

    python -m tests.benchmarks.poller_bench            # 2,000 jobs over 20 projects
    python -m tests.benchmarks.poller_bench --quick    # 200 jobs (CI)

Prints figures, asserts nothing about time: wall time of one full refresh at
concurrency 8 and 32 against `jobtui sim` in its own process (so client and server do
not share one interpreter), requests per second, and the requests saved once every job
has finished, counted by an in-process simulator on a manual clock (a pass after that
sends none, where polling every job would send one each).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import subprocess
import sys
import time
from collections.abc import Awaitable, Iterator
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Callable, Optional

from jobtui.domain.state import WatchEntry
from jobtui.polling.connections import Connections
from jobtui.polling.poller import Poller
from jobtui.sim.clock import ManualClock
from jobtui.sim.scenario import JobTimeline, Scenario, Step
from jobtui.sim.server import Simulator
from jobtui.store.config import Settings

PROJECTS = 20
FINISH_AT = 100.0  # scenario seconds: every job ends SUCCESS (or FAIL) here
LIFTED = 1e9  # requests per minute: no cap
SIM = ["-m", "jobtui"]


@dataclasses.dataclass
class Figures:
    concurrency: int
    jobs: int
    seconds: float = 0.0
    cpu: float = 0.0
    requests: int = 0
    finishing_requests: int = 0
    after_requests: int = 0
    naive_after: int = 0

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def scenario(jobs: int) -> Scenario:
    """`jobs` jobs spread over 20 projects, all running until FINISH_AT."""
    return Scenario(
        tuple(
            JobTimeline(
                f"{n % PROJECTS:032x}", f"{n:032x}", "ecfClusterElbCreateJob",
                (Step(0, "RUNNING", "5%"), Step(FINISH_AT, "FAIL" if n % 10 == 0 else "SUCCESS")),
            )
            for n in range(jobs)
        )
    )  # fmt: skip


async def full_refresh(
    url: str, pairs: list[tuple[str, str]], concurrency: int, home: Path
) -> tuple[float, float, int]:
    """Wall time, this process's CPU time and requests of one refresh of every job."""
    settings = Settings(endpoint=url, concurrency=concurrency, rate_per_minute=LIFTED)
    async with Connections(settings, env={}, home=home) as conns:
        poller = Poller(conns, settings=settings)
        started, cpu = time.perf_counter(), time.process_time()
        await poller.refresh_once(pairs)
        return time.perf_counter() - started, time.process_time() - cpu, poller.requested


async def finishing(sim: Simulator, concurrency: int, home: Path) -> tuple[int, int, int]:
    """Requests to see every job finish, then in ten idle minutes, and a naive loop's."""
    clock = ManualClock(sim.now())
    settings = Settings(endpoint=sim.url, concurrency=concurrency, rate_per_minute=LIFTED)
    entries = [WatchEntry(p, j, sim.started_at) for p, j in sim.scenario.pairs()]
    async with Connections(settings, env={}, home=home) as conns:
        poller = Poller(conns, settings=settings, clock=clock.now, sleep=_advancing(clock, sim))
        poller.set_entries(entries)
        await poller.refresh_once([e.key for e in entries])
        sim.advance(FINISH_AT)
        clock.advance(settings.refresh_interval)
        before = sim.count()
        await poller.refresh_once([e.key for e in entries])
        to_finish = sim.count() - before
        idle = 600.0
        await _run_for(poller, clock, sim, idle)
        after = sim.count() - before - to_finish
    return to_finish, after, len(entries) * int(idle / settings.refresh_interval)


def _advancing(clock: ManualClock, sim: Simulator) -> Callable[[float], Awaitable[None]]:
    async def sleep(seconds: float) -> None:
        clock.advance(seconds)
        sim.advance(seconds)
        await asyncio.sleep(0)

    return sleep


async def _run_for(poller: Poller, clock: ManualClock, sim: Simulator, seconds: float) -> None:
    """Run the poller's loop for `seconds` of manual time."""
    end = clock.now() + seconds

    async def sleep(delay: float) -> None:
        step = min(delay, end - clock.now())
        clock.advance(step)
        sim.advance(step)
        if clock.now() >= end:
            poller.stop()
        await asyncio.sleep(0)

    poller._sleep = sleep  # the loop's sleep only; the cap is lifted, so nothing else waits
    await poller.run()


def table(rows: list[Figures]) -> str:
    lines = [
        f"{'concurrency':>11} {'jobs':>6} {'requests':>9} {'full refresh':>13} {'req/s':>7} "
        f"{'client CPU/request':>18}"
    ]
    for r in rows:
        lines.append(
            f"{r.concurrency:>11} {r.jobs:>6} {r.requests:>9} {r.seconds:>11.2f} s "
            f"{r.per_second:>7.0f} {1000 * r.cpu / max(1, r.requests):>15.2f} ms"
        )
    r = rows[0]
    lines.append(
        f"once finished: the pass that saw all {r.jobs} finish sent {r.finishing_requests}; "
        f"the next 10 minutes sent {r.after_requests} (polling every job every 10 s: "
        f"{r.naive_after}), so {r.naive_after - r.after_requests} requests saved"
    )
    return "\n".join(lines)


async def run(jobs: int, levels: tuple[int, ...], home: Path) -> list[Figures]:
    rows = [Figures(concurrency, jobs) for concurrency in levels]
    sim = scenario(jobs)
    with served(sim, home) as url:
        for row in rows:
            row.seconds, row.cpu, row.requests = await full_refresh(
                url, sim.pairs(), row.concurrency, home
            )
    with Simulator(sim, clock=ManualClock()) as local:
        done = await finishing(local, levels[0], home)
    for row in rows:
        row.finishing_requests, row.after_requests, row.naive_after = done
    return rows


@contextlib.contextmanager
def served(sim: Scenario, home: Path) -> Iterator[str]:
    """`jobtui sim` in its own process, serving every job as RUNNING; yields its URL."""
    path = home / "scenario.toml"
    path.write_text(scenario_toml(sim), encoding="utf-8")
    command = [sys.executable, *SIM, "sim", "--port", "0", "--scenario", str(path)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        try:
            yield process.stdout.readline().strip()
        finally:
            process.terminate()


def scenario_toml(sim: Scenario) -> str:
    jobs = (
        f'[[job]]\nproject_id = "{job.project_id}"\njob_id = "{job.job_id}"\n'
        f'[[job.step]]\nat = 0\nstatus = "RUNNING"\nprogress = "5%"\n'
        for job in sim.jobs
    )
    return 'name = "poller benchmark"\n' + "".join(jobs)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.poller_bench")
    parser.add_argument("--quick", action="store_true", help="200 jobs instead of 2,000")
    parser.add_argument("--jobs", type=int, help="how many jobs (overrides --quick)")
    args = parser.parse_args(argv)
    jobs = args.jobs or (200 if args.quick else 2000)
    with TemporaryDirectory() as tmp:
        rows = asyncio.run(run(jobs, (8, 32), Path(tmp)))
    print(f"poller benchmark: {jobs} jobs over {PROJECTS} projects, `jobtui sim` on loopback "
          "in its own process, rate cap lifted, one full refresh per row")  # fmt: skip
    print(table(rows))
    return 0 if all(r.after_requests == 0 for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())

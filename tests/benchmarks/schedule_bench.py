"""The schedule benchmark on a virtual clock: thousands of job timelines in seconds.

    python -m tests.benchmarks.schedule_bench            # 40 x 50 and 5 x 50 jobs
    python -m tests.benchmarks.schedule_bench --quick    # 40 x 8 and 5 x 8 jobs

Drives the real `Poller` (its schedule, cycle, rate cap and fetcher) on an asyncio loop
whose clock jumps to the next timer (`virtual_loop`), against the jobs of
`schedule_mix` answered from their `jobtui.sim` timelines. Compares the adaptive
schedule, a round robin at the same budget (every job in turn: the fixed schedule at
jobs x 60 / rate_per_minute s), the fixed 10 s schedule jobtui had, and an oracle that
asks once at each job's start and once at its end. Prints figures and the issue's
targets; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import datetime, timedelta, timezone
from typing import Callable, Optional

from jobtui.domain.errors import ApiError, ErrorInfo
from jobtui.domain.model import JobRecord
from jobtui.domain.state import WatchEntry
from jobtui.polling.connections import Route
from jobtui.polling.fetcher import Router
from jobtui.polling.poller import Poller, utcnow
from jobtui.store.config import Settings
from tests.benchmarks.schedule_mix import Job, stream
from tests.benchmarks.schedule_watch import HEAD, Outcome, Watch, mean, p90, row
from tests.benchmarks.virtual_loop import run_virtual

START = datetime(2026, 12, 1, 8, 0, tzinfo=timezone.utc)
LATENCY = 0.08  # seconds per answer, as over a bastion's link
RATE = 60.0


class Fleet:
    """The jobs' answers at scenario time, as the simulator would give them."""

    def __init__(self, jobs: list[Job], clock: Callable[[], float]) -> None:
        self.timelines = {job.key: job.timeline for job in jobs}
        self.clock = clock

    def route(self, entry: WatchEntry) -> Route:
        return Route("https://dws.example", "AK bench", None, timezone.utc)

    def client(self, route: Route) -> Fleet:
        return self

    def reload(self) -> None:
        """Nothing to read again."""

    async def get_job(self, project_id: str, job_id: str) -> JobRecord:
        await asyncio.sleep(LATENCY)
        body = self.timelines[(project_id, job_id)].body_at(self.clock(), START)
        if body is None:
            raise ApiError(ErrorInfo("not_found", "no such job yet"))
        return JobRecord.from_api(project_id, job_id, body)


def policies(slots: int) -> list[tuple[str, Settings]]:
    turn = max(1.0, slots * 60.0 / RATE)
    return [
        ("adaptive (new default)", Settings(rate_per_minute=RATE)),
        (f"round robin ({turn:g} s)", Settings(rate_per_minute=RATE, schedule="fixed",
                                                 refresh_interval=turn)),
        ("fixed 10 s (jobtui before)", Settings(rate_per_minute=RATE, schedule="fixed")),
    ]  # fmt: skip


async def drive(
    name: str,
    jobs: list[Job],
    settings: Settings,
    router: Optional[Router] = None,
    horizon: Optional[float] = None,
) -> Outcome:
    """Watch `jobs` as an operator would (added at their start, dropped once seen final).

    Times are seconds since the call (scenario time). Without `router` the jobs answer
    from their timelines on this loop's clock; `horizon` ends the watch early.
    """
    loop = asyncio.get_running_loop()
    origin = loop.time()

    def clock() -> float:
        return loop.time() - origin

    watch = Watch(router or Fleet(jobs, clock), clock)
    poller = Poller(
        watch, settings=settings, clock=loop.time, on_event=watch.on_event,
        wall=(lambda: START + timedelta(seconds=clock())) if router is None else utcnow,
    )  # fmt: skip
    watched: dict[tuple[str, str], WatchEntry] = {}

    def add(job: Job) -> None:
        watched[job.key] = WatchEntry(*job.key, START + timedelta(seconds=job.added))
        poller.set_entries(list(watched.values()))

    def drop(key: tuple[str, str]) -> None:
        watched.pop(key, None)
        loop.call_soon(poller.set_entries, list(watched.values()))
        if len(watch.seen) == len(jobs):
            poller.stop()

    watch.on_final = drop
    for job in jobs:
        loop.call_at(origin + job.added, add, job)
    end = horizon if horizon is not None else max(job.end for job in jobs) + 3600
    loop.call_at(origin + end, poller.stop)
    await poller.run()
    return Outcome.of(name, jobs, watch, horizon=end)


def oracle(jobs: list[Job]) -> Outcome:
    """Asks each job at its start (to show it) and at its end: no delay, no waste."""
    watch = Watch(None, lambda: 0.0)
    watch.sent = [t for job in jobs for t in (job.added, job.end)]
    watch.seen = {job.key: job.end for job in jobs}
    return Outcome.of("oracle (knows every end)", jobs, watch)


def compare(slots: int, per_slot: int, seed: int) -> list[Outcome]:
    jobs = stream(slots, per_slot, seed)
    runs = [run_virtual(drive(name, jobs, settings)) for name, settings in policies(slots)]
    return [*runs, oracle(jobs)]


def verdicts(many: list[Outcome], few: list[Outcome]) -> list[str]:
    """The issue's targets, each with its figures."""
    new, rr = many[0], many[1]
    five, today = few[0], few[2]

    def le(a: Optional[float], b: Optional[float], k: float = 1.0) -> bool:
        return a is not None and b is not None and a <= k * b

    checks = [
        ("mean <= 1/2 round robin (40 jobs)", le(mean(new.delays), mean(rr.delays), 0.5)),
        ("p90 <= 1/2 round robin (40 jobs)", le(p90(new.delays), p90(rr.delays), 0.5)),
        ("FAIL/STOP mean <= round robin", le(mean(new.unwarned), mean(rr.unwarned))),
        ("FAIL/STOP p90 <= round robin", le(p90(new.unwarned), p90(rr.unwarned))),
        ("5 jobs: req/job-h <= 1/2 fixed 10 s", le(five.per_job_hour, today.per_job_hour, 0.5)),
        ("5 jobs: mean delay <= fixed 10 s", le(mean(five.delays), mean(today.delays))),
        (
            "peak <= budget, every jobtui run",
            all(o.peak <= RATE for o in many[:3] + few[:3]),
        ),
    ]
    return [f"  {'ok  ' if good else 'MISS'} {text}" for text, good in checks]


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.schedule_bench")
    parser.add_argument("--quick", action="store_true", help="8 jobs per slot instead of 50")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args(argv)
    per_slot = 8 if args.quick else 50
    tables = {}
    for slots in (40, 5):
        tables[slots] = compare(slots, per_slot, args.seed)
        print(f"schedule benchmark, virtual clock: {slots} jobs at a time, {slots * per_slot} "
              f"jobs, rate_per_minute {RATE:g}, seed {args.seed}")  # fmt: skip
        print(HEAD)
        print("\n".join(row(o) for o in tables[slots]))
        print()
    lines = verdicts(tables[40], tables[5])
    print("targets:\n" + "\n".join(lines))
    return 0 if all(line.startswith("  ok") for line in lines) else 1


if __name__ == "__main__":
    sys.exit(main())

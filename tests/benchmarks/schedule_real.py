"""The schedule against `jobtui sim` over loopback, next to the same jobs on a virtual clock.

    python -m tests.benchmarks.schedule_real               # 40 jobs, 4 min per schedule
    python -m tests.benchmarks.schedule_real --minutes 1   # a shorter look

40 jobs of `schedule_mix` on a quarter-length timeline (median run 3 min; some queue
first, fail or stop at random progress, advance in jumps or run for long) are served
by `jobtui sim --scenario` in its own process; the real `Poller` over real HTTP
(`Connections`) watches them at the defaults (60 requests a minute) for a few
minutes, adding each job at its start and dropping it once seen final. The same jobs
then run on the virtual clock of `schedule_bench`. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Optional

import tomli_w

from jobtui.polling.connections import Connections
from jobtui.store.config import Settings
from tests.benchmarks.schedule_bench import RATE, drive
from tests.benchmarks.schedule_mix import Job, scenario_toml, stream
from tests.benchmarks.schedule_watch import HEAD, Outcome, row
from tests.benchmarks.virtual_loop import run_virtual

JOBS = 40
SCALE = 0.25


def schedules() -> list[tuple[str, Settings]]:
    turn = JOBS * 60.0 / RATE
    return [
        ("adaptive", Settings(rate_per_minute=RATE)),
        (f"round robin ({turn:g} s)",
         Settings(rate_per_minute=RATE, schedule="fixed", refresh_interval=turn)),
    ]  # fmt: skip


async def over_http(
    name: str, jobs: list[Job], settings: Settings, home: Path, end: float
) -> Outcome:
    """A fresh `jobtui sim` (its scenario clock starts with it) and the poller on it."""
    path = home / "scenario.toml"
    path.write_bytes(tomli_w.dumps(scenario_toml(jobs)).encode())
    command = [sys.executable, "-m", "jobtui", "sim", "--port", "0", "--scenario", str(path)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as sim:
        assert sim.stdout is not None
        try:
            url = sim.stdout.readline().strip()
            settings = Settings(**{**settings.__dict__, "endpoint": url})
            async with Connections(settings, env={}, home=home) as conns:
                return await drive(name, jobs, settings, conns, horizon=end)
        finally:
            sim.terminate()


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.schedule_real")
    parser.add_argument("--minutes", type=float, default=4.0, help="per schedule (4)")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args(argv)
    end = args.minutes * 60.0
    jobs = [job for job in stream(JOBS, 3, args.seed, SCALE) if job.added < end][: JOBS * 3]
    rows = []
    with TemporaryDirectory() as tmp:
        for name, settings in schedules():
            rows.append(asyncio.run(over_http(f"{name}, sim", jobs, settings, Path(tmp), end)))
            rows.append(run_virtual(drive(f"{name}, virtual", jobs, settings, horizon=end)))
    print(f"schedule against `jobtui sim` over loopback: {JOBS} jobs at a time "
          f"({len(jobs)} in {args.minutes:g} min), timelines x{SCALE:g}, "
          f"rate_per_minute {RATE:g}, seed {args.seed}")  # fmt: skip
    print(HEAD)
    print("\n".join(row(o) for o in rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())

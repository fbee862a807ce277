"""Figures for the store at 2,000 jobs: is a cache save cheap enough for every poll cycle?

    .venv/bin/python -m tests.store.bench_store [--quick]

Prints the median of several runs for: state cache save (full history, then
unchanged), cache load, watchlist first load, add one job (warm), changed().
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

from jobtui.domain.model import JobRecord
from jobtui.domain.state import MAX_SAMPLES, JobKey, JobState, WatchEntry
from jobtui.store.watchlist import StateCache, Watchlist

T0 = datetime(2026, 11, 28, 9, 0, tzinfo=timezone.utc)
PROJECT = "0123456789abcdef0123456789abcdef"


def busy_state(n: int) -> JobState:
    """A running job with a full progress history: the worst case for the cache."""
    state = JobState((PROJECT, f"ff8080817b6f3d4e017b9a5e0c5a{n:04d}"))
    for step in range(MAX_SAMPLES):
        body = {"status": "RUNNING", "progress": f"{step * 0.5}%", "job_name": "ecfClusterJob"}
        record = JobRecord.from_api(PROJECT, state.key[1], body)
        state = state.with_record(record, T0 + timedelta(seconds=10 * step))
    return state


def poll(states: dict[JobKey, JobState]) -> dict[JobKey, JobState]:
    """What one poll cycle at 60 requests a minute changes: about 10 states."""
    for key in list(states)[:10]:
        state = states[key]
        assert state.record is not None
        states[key] = state.with_record(state.record, T0)
    return states


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    jobs, runs = (200, 3) if "--quick" in argv else (2000, 5)
    folder = Path(tempfile.mkdtemp(prefix="jobtui-bench-"))
    states: dict[JobKey, JobState] = {s.key: s for s in map(busy_state, range(jobs))}
    cache = StateCache(folder / "state.json")
    cache.save(states)
    fresh = [StateCache(folder / "state.json") for _ in range(runs)]
    entries = [WatchEntry(*key, T0, label=f"job {i}") for i, key in enumerate(states)]
    Watchlist(folder / "watchlist.toml").add(entries)
    warm = Watchlist(folder / "watchlist.toml")
    warm.load()
    extra = iter(range(10**6))
    rows = [
        ("cache save, every state changed", median_ms(lambda: fresh.pop().save(states), runs)),
        ("cache save, nothing changed", median_ms(lambda: cache.save(states), runs)),
        ("cache save, 10 states changed", median_ms(lambda: cache.save(poll(states)), runs)),
        ("cache load", median_ms(cache.load, runs)),
        (
            "watchlist load, cold",
            median_ms(lambda: Watchlist(folder / "watchlist.toml").load(), runs),
        ),
        (
            "watchlist add one, warm",
            median_ms(lambda: warm.add([WatchEntry(PROJECT, f"x{next(extra)}", T0)]), runs),
        ),
        ("watchlist changed()", median_ms(warm.changed, runs)),
    ]
    size = (folder / "state.json").stat().st_size
    print(f"{jobs} jobs, {MAX_SAMPLES} progress samples each; state.json {size / 1e6:.1f} MB")
    for name, ms in rows:
        print(f"  {name:<34} {ms:9.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

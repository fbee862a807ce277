"""The jobs a benchmark watches: a simulator scenario serving them and a config dir.

One item in ten is a cluster (its ID and name carry the same `bjNNNNN` as a job's),
running a resize or at rest, so every budget is measured with clusters in the table.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

from jobtui.sim.clock import ManualClock
from jobtui.sim.clusters import ClusterStep, ClusterTimeline
from jobtui.sim.scenario import JobTimeline, Scenario, Step
from jobtui.sim.server import Simulator
from tests.benchmarks.rows import DONE, job_id, job_name

PROJECT = "0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d"
# The default 60 requests a minute would stretch a 2 s interval over 10 running jobs
# to 10 s; benchmarks hold jobtui to the interval it was given.
# These measure what one poll costs at a given pace: the fixed schedule keeps the pace.
UNTHROTTLED = 'rate_per_minute = 100000\nconcurrency = 16\nschedule = "fixed"\n'
ADVANCE_SECONDS = 100.0  # advancing jobs go 0% → 100% in this time: 1% a second


@dataclass(frozen=True)
class Mix:
    """How many jobs, how many RUNNING, how many of those move every second."""

    count: int
    running: int = 0
    advancing: int = 0
    one_step: bool = False  # job 0 goes 40% → 41% when the manual clock reaches STEP_AT
    jump: bool = False  # job 0 goes 40% → 90% then: a move of several cells, which eases
    cycles: int = 1  # advancing jobs start again at 0% this many times (a soak's sawtooth)


STEP_AT = 1000.0
STEPPED = "41%"  # no other job in a one-step mix shows this figure
JUMPED = "90%"  # nor this one in a jump mix


def timeline(i: int, mix: Mix) -> JobTimeline:
    """Job i of the mix: advancing, running still, or finished long ago."""
    if (mix.one_step or mix.jump) and i == 0:
        after = JUMPED if mix.jump else STEPPED
        steps: tuple[Step, ...] = (Step(0, "RUNNING", "40%"), Step(STEP_AT, "RUNNING", after))
    elif i < mix.advancing:
        steps = sawtooth(mix.cycles)
    elif i < mix.running:
        steps = (Step(0, "RUNNING", f"{(i * 7) % 90 + 5}%"),)
    else:
        steps = (Step(-3600, "RUNNING", "0%"), Step(-60, DONE[i % len(DONE)], "100%"))
    return JobTimeline(PROJECT, job_id(i), job_name(i), steps, begin=-7200)


def sawtooth(cycles: int) -> tuple[Step, ...]:
    """0% → 100% at 1% a second, again and again: progress that never stops moving."""
    steps = []
    for n in range(cycles):
        start = n * ADVANCE_SECONDS
        steps += [Step(start, "RUNNING", "0%"), Step(start + ADVANCE_SECONDS - 1, None, "100%")]
    return tuple(steps)


CLUSTER_EVERY = 10  # items 9, 19, 29…: never job 0, the one stepped or jumped


def is_cluster(i: int) -> bool:
    return i % CLUSTER_EVERY == CLUSTER_EVERY - 1


def cluster_timeline(i: int, mix: Mix) -> ClusterTimeline:
    """Item i as a cluster: a resize advancing or holding its progress, or at rest."""
    if i < mix.advancing:
        steps: tuple[ClusterStep, ...] = ()
        for n in range(mix.cycles):
            start = n * ADVANCE_SECONDS
            steps += (ClusterStep(start, "AVAILABLE", "NORMAL", "GROWING", "0%"),)
            steps += (ClusterStep(start + ADVANCE_SECONDS - 1, progress="100%"),)
    elif i < mix.running:
        steps = (ClusterStep(0, "AVAILABLE", "NORMAL", "GROWING", f"{(i * 7) % 90 + 5}%"),)
    else:
        steps = (ClusterStep(-60, "AVAILABLE", "NORMAL", ""),)
    return ClusterTimeline(PROJECT, job_id(i), job_name(i), steps)


def scenario(mix: Mix) -> Scenario:
    jobs = tuple(timeline(i, mix) for i in range(mix.count) if not is_cluster(i))
    clusters = tuple(cluster_timeline(i, mix) for i in range(mix.count) if is_cluster(i))
    return Scenario(jobs, name="bench", clusters=clusters)


class IndexedScenario(Scenario):
    """A scenario that finds a job by key in O(1): the stock scan is slow at 10,000 jobs."""

    @classmethod
    def of(cls, base: Scenario) -> IndexedScenario:
        made = cls(base.jobs, base.faults, base.name, base.clusters)
        index = {(job.project_id, job.job_id): job for job in base.jobs}
        object.__setattr__(made, "_index", index)
        clusters = {(c.project_id, c.cluster_id): c for c in base.clusters}
        object.__setattr__(made, "_clusters", clusters)
        return made

    def job(self, project_id: str, job_id: str) -> Optional[JobTimeline]:
        return self._index.get((project_id, job_id))  # type: ignore[attr-defined,no-any-return]

    def cluster(self, project_id: str, cluster_id: str) -> Optional[ClusterTimeline]:
        found = self._clusters.get((project_id, cluster_id))  # type: ignore[attr-defined]
        return found  # type: ignore[no-any-return]


class Workspace:
    """A running simulator and a config dir whose watchlist holds the mix's jobs."""

    def __init__(
        self, mix: Mix, *, interval: float = 2.0, manual: bool = False, config: str = UNTHROTTLED
    ) -> None:
        self.mix = mix
        self.clock: Optional[ManualClock] = ManualClock() if manual else None
        self.sim = Simulator(IndexedScenario.of(scenario(mix)), clock=self.clock)
        self.url = self.sim.start()
        self.root = Path(tempfile.mkdtemp(prefix="jobtui-bench-"))
        self.interval = interval
        (self.root / "config.toml").write_text(f"refresh_interval = {interval}\n{config}")
        self._write_watchlist()

    def _write_watchlist(self) -> None:
        from jobtui.domain.state import WatchEntry
        from jobtui.store.paths import Paths
        from jobtui.store.watchlist import Watchlist

        paths = Paths(self.root)
        now = datetime.now(timezone.utc)
        entries = [
            WatchEntry(PROJECT, job_id(i), now, kind="cluster" if is_cluster(i) else "job")
            for i in range(self.mix.count)
        ]
        Watchlist(paths.watchlist_file, paths.lock_file).add(entries)

    def seed_cache(self) -> None:
        """Write the state cache as a previous run would have left it."""
        from jobtui.domain.cluster import ClusterRecord
        from jobtui.domain.model import JobRecord
        from jobtui.domain.state import JobState, cluster_key
        from jobtui.store.paths import Paths
        from jobtui.store.state_cache import StateCache

        now = datetime.now(timezone.utc)
        states = {}
        for job in self.sim.scenario.jobs:
            body = job.body_at(0.0, now) or {}
            record = JobRecord.from_api(PROJECT, job.job_id, body)
            key = (PROJECT, job.job_id)
            states[key] = JobState(key).with_record(record, now)
        for cluster in self.sim.scenario.clusters:
            answer = ClusterRecord.from_api(
                PROJECT, cluster.cluster_id, cluster.body_at(0.0, now) or {}
            )
            key = cluster_key(PROJECT, cluster.cluster_id)
            states[key] = JobState(key).with_cluster(answer, now)
        StateCache(Paths(self.root).state_file).save(states)

    def step(self) -> None:
        """Make job 0 move one percent (manual clock only)."""
        assert self.clock is not None
        self.clock.set(STEP_AT)

    def close(self) -> None:
        self.sim.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

"""The jobs the schedule benchmark watches: a mix like an operator's, on sim timelines.

Kinds (shares of all jobs): steadily advancing (35 %), advancing in jumps (20 %),
queued then running (15 %), failing (10 %) or stopping (5 %) without warning at a
random progress, and long ones (15 %). Durations are log-normal (median 12 min,
2 min to 2 h; long ones 1.5 to 5 h). Each job is a `jobtui.sim` timeline, so the
virtual-clock run and `jobtui sim` serve the very same answers.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Any

from jobtui.sim.scenario import JobTimeline, Step

PROJECT = "0" * 31 + "1"
KINDS = (("steady", 35), ("jumps", 20), ("queued", 15), ("fail", 10), ("stop", 5), ("long", 15))


@dataclass(frozen=True)
class Job:
    """One watched job: its timeline, when it is added, when and how it ends."""

    timeline: JobTimeline
    kind: str
    added: float
    end: float
    final: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.timeline.project_id, self.timeline.job_id)


def duration(rng: random.Random, kind: str, scale: float) -> float:
    if kind == "long":
        return rng.uniform(5400, 18000) * scale
    return min(7200.0, max(120.0, 720.0 * math.exp(rng.gauss(0, 0.8)))) * scale


def make_job(n: int, rng: random.Random, added: float, scale: float = 1.0) -> Job:
    """Job number `n`, added (and begun, or queued) at `added` scenario seconds."""
    kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
    queued = rng.uniform(60, 600) * scale if kind == "queued" else 0.0
    run = duration(rng, kind, scale)
    start = added + queued
    steps: list[Step] = [Step(added, "WAITING", "0%")] if queued else []
    final, end, last = "SUCCESS", start + run, 100
    if kind in ("fail", "stop"):
        share = rng.uniform(0.05, 0.95)
        final, end, last = kind.upper(), start + share * run, int(100 * share)
        steps += [Step(start, "RUNNING", 0)]
    elif kind == "jumps":
        steps += _jumps(rng, start, run)
    elif kind == "long":
        steps += _paced(rng, start, run)
    else:
        steps += [Step(start, "RUNNING", 0), Step(end, None, 100)]
    steps = [s for s in steps if s.at < end] + [Step(end, final, last)]
    timeline = JobTimeline(PROJECT, f"{n:032x}", f"job {n} ({kind})", tuple(steps), begin=start)
    return Job(timeline, kind, added, end, final)


def _jumps(rng: random.Random, start: float, run: float) -> list[Step]:
    """Flat stretches, then a jump: the sim climbs linearly between two steps."""
    times = sorted(rng.uniform(0.05, 0.95) * run for _ in range(rng.randint(3, 8)))
    steps, level = [Step(start, "RUNNING", 0)], 0
    for k, at in enumerate(times):
        new = round(100 * (k + 1) / (len(times) + 1) + rng.uniform(-5, 5))
        steps += [Step(start + at - 1, None, level), Step(start + at, None, max(level, new))]
        level = max(level, new)
    return steps


def _paced(rng: random.Random, start: float, run: float) -> list[Step]:
    """Three phases at different paces."""
    cuts = sorted(rng.uniform(0.1, 0.9) for _ in range(2))
    marks = sorted(rng.uniform(10, 90) for _ in range(2))
    steps = [Step(start, "RUNNING", 0)]
    steps += [Step(start + c * run, None, round(m)) for c, m in zip(cuts, marks)]
    return [*steps, Step(start + run, None, 100)]


def stream(slots: int, per_slot: int, seed: int, scale: float = 1.0) -> list[Job]:
    """`slots` jobs at a time: each slot adds its next job a little after one ends."""
    rng = random.Random(seed)
    jobs: list[Job] = []
    for _slot in range(slots):
        at = rng.uniform(0, 300) * scale
        for _ in range(per_slot):
            job = make_job(len(jobs), rng, at, scale)
            jobs.append(job)
            at = job.end + rng.uniform(0, 60) * scale
    return jobs


def scenario_toml(jobs: list[Job]) -> dict[str, Any]:
    """The jobs as a `jobtui sim --scenario` file's data (write it with tomli_w)."""
    out = []
    for job in jobs:
        t = job.timeline
        steps = [
            {k: v for k, v in (("at", s.at), ("status", s.status), ("progress", s.progress))
             if v is not None}
            for s in t.steps
        ]  # fmt: skip
        out.append({"project_id": t.project_id, "job_id": t.job_id, "job_name": t.job_name,
                    "begin": t.begin, "step": steps})  # fmt: skip
    return {"name": "schedule benchmark", "job": out}

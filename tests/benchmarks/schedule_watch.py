"""What the schedule benchmarks measure: request times, and when each end was first seen.

`Watch` wraps the poller's router (every request passes through it) and takes the
poller's events; `Outcome` turns what it saw into the figures of the issue: delay from
a job's end to its first final answer (all jobs, and FAIL/STOP alone), requests per
job-hour, and the most requests in any 60 s.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from jobtui.domain.events import JobUpdated, PollerEvent
from jobtui.domain.model import JobRecord
from jobtui.domain.state import JobKey, WatchEntry
from jobtui.polling.connections import Route
from tests.benchmarks.schedule_mix import Job


class Watch:
    """A router in front of the real one that notes every request and every first end."""

    def __init__(self, inner: Any, clock: Callable[[], float]) -> None:
        self.inner, self.clock = inner, clock
        self.sent: list[float] = []
        self.seen: dict[JobKey, float] = {}
        self.on_final: Callable[[JobKey], None] = lambda key: None

    def route(self, entry: WatchEntry) -> Route:
        return self.inner.route(entry)  # type: ignore[no-any-return]

    def client(self, route: Route) -> Watch:
        self._route = route
        return self

    def reload(self) -> None:
        self.inner.reload()

    async def get_job(self, project_id: str, job_id: str) -> JobRecord:
        self.sent.append(self.clock())
        return await self.inner.client(self._route).get_job(project_id, job_id)  # type: ignore[no-any-return]

    def on_event(self, event: PollerEvent) -> None:
        if isinstance(event, JobUpdated) and event.state.terminal and event.key not in self.seen:
            self.seen[event.key] = self.clock()
            self.on_final(event.key)


@dataclass
class Outcome:
    """One policy's run: figures in seconds, requests, requests per job-hour."""

    name: str
    delays: list[float] = field(default_factory=list)
    unwarned: list[float] = field(default_factory=list)
    sent: list[float] = field(default_factory=list)
    job_hours: float = 0.0
    missed: int = 0

    @classmethod
    def of(cls, name: str, jobs: list[Job], watch: Watch, horizon: float = math.inf) -> Outcome:
        """Ends before `horizon` (less a minute to be seen) count; job-hours up to it."""
        out = cls(name, sent=sorted(watch.sent))
        for job in jobs:
            out.job_hours += max(0.0, min(job.end, horizon) - job.added) / 3600.0
            seen = watch.seen.get(job.key)
            if seen is None:
                out.missed += job.end < horizon - 60
                continue
            delay = max(0.0, seen - job.end)
            out.delays.append(delay)
            if job.final != "SUCCESS":
                out.unwarned.append(delay)
        return out

    @property
    def per_job_hour(self) -> float:
        return len(self.sent) / self.job_hours if self.job_hours else 0.0

    @property
    def peak(self) -> int:
        """The most requests within any 60 s (a window opening at each request)."""
        best, first = 0, 0
        for last, at in enumerate(self.sent):
            while self.sent[first] <= at - 60.0:
                first += 1
            best = max(best, last - first + 1)
        return best


def mean(values: list[float]) -> Optional[float]:
    return sum(values) / len(values) if values else None


def p90(values: list[float]) -> Optional[float]:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]


def _s(value: Optional[float]) -> str:
    return "-" if value is None else f"{value:.1f}"


HEAD = (f"{'schedule':<26} {'ends':>5} {'mean s':>7} {'p90 s':>7} {'FAIL/STOP mean':>15} "
        f"{'p90':>6} {'req/job-h':>10} {'peak/60s':>9}")  # fmt: skip


def row(o: Outcome) -> str:
    return (f"{o.name:<26} {len(o.delays):>5} {_s(mean(o.delays)):>7} {_s(p90(o.delays)):>7} "
            f"{_s(mean(o.unwarned)):>15} {_s(p90(o.unwarned)):>6} {o.per_job_hour:>10.0f} "
            f"{o.peak:>9}" + (f"  ({o.missed} ends never seen)" if o.missed else ""))  # fmt: skip

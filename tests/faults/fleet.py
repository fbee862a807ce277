"""Every fault kind the simulator has, at once, beside healthy advancing jobs.

Faults that cost one job one answer (a bad body, a 404, a bomb) are served by the
same simulator as the healthy jobs. Faults that condemn a whole endpoint by design
(a timeout, a reset, a 503, a 429 with a Retry-After of centuries) each get their own
simulator and project, so the gate that holds them holds nothing else. Every client
has a short deadline, so a drip or a hang costs about a second of real time.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jobtui.domain.state import JobKey, WatchEntry
from jobtui.polling.connections import Connections
from jobtui.sim.clock import ManualClock
from jobtui.sim.faults import FAULT_KINDS
from jobtui.sim.scenario import JobTimeline, Scenario, Step
from jobtui.sim.server import Simulator
from jobtui.store.config import ProjectSettings, Settings
from jobtui.store.paths import Paths
from jobtui.store.watchlist import Watchlist
from tests.polling.helpers import EPOCH

HEALTHY = 15
# Each request's deadline, start to last byte.
DEADLINE = 1.0
# Costs its own job only: served beside the healthy jobs.
JOB_FAULTS: dict[str, dict[str, Any]] = {
    "error": {"status": 500},
    "malformed": {},
    "oversize": {},
    "wrong_types": {},
    "not_found": {},
    "gzip_bomb": {"size": 8 * 1024 * 1024},
    "huge_number": {},
    "redirect": {},
}
# Condemns its endpoint (or its route's pace) by design: a simulator of its own.
ENDPOINT_FAULTS: dict[str, dict[str, Any]] = {
    "latency": {"delay": 3 * DEADLINE},
    "drip": {"delay": 0.05},
    "drop": {},
    "reset": {},
    "html": {},
    "throttle": {"retry_after": "99999999999"},
    "escape_headers": {},
}
# The error kind each fault leaves on its job; None: it answers, progress unknown.
EXPECTED_KIND = {
    "error": "server",
    "malformed": "bad_body",
    "oversize": "too_large",
    "wrong_types": "bad_record",
    "not_found": "not_found",
    "gzip_bomb": "too_large",
    "huge_number": None,
    "redirect": "bad_request",
    "latency": "timeout",
    "drip": "timeout",
    "drop": "connection",
    "reset": "connection",
    "html": "proxy",
    "throttle": "throttled",
    "escape_headers": "server",
}
assert set(JOB_FAULTS) | set(ENDPOINT_FAULTS) == FAULT_KINDS == set(EXPECTED_KIND)


def _job(project: int, n: int, name: str) -> JobTimeline:
    # Climbs from 0 % to 100 % over 400 s of scenario time: 2.5 % per 10 s interval.
    steps = (Step(0, "RUNNING", 0), Step(400, "RUNNING", 100))
    return JobTimeline(f"{project:032x}", f"{n:032x}", job_name=name, steps=steps)


@dataclass
class Fleet:
    """The simulators, which job has which fault, and the files and settings to watch them."""

    main: Simulator
    sims: dict[str, Simulator]  # endpoint fault kind → its simulator
    healthy: list[JobKey]
    faulty: dict[JobKey, str]  # job → fault kind
    paths: Paths
    settings: Settings

    def all(self) -> list[Simulator]:
        return [self.main, *self.sims.values()]

    def advance(self, seconds: float) -> None:
        """Every simulator's scenario clock moves together (SteppedTime calls this)."""
        for sim in self.all():
            sim.advance(seconds)

    def request_ids(self) -> dict[str, set[str]]:
        """Job ID → every request ID the simulators sent with an answer about it."""
        found: dict[str, set[str]] = {}
        for sim in self.all():
            for request in sim.requests:
                if request.job_id is not None:
                    found.setdefault(request.job_id, set()).add(request.request_id)
        return found

    def connections(self, home: Path, env: dict[str, str]) -> Connections:
        return Connections(self.settings, env=env, home=home, timeout=DEADLINE)


@contextmanager
def fleet(tmp: Path, refresh_interval: float = 10.0) -> Iterator[Fleet]:
    """Healthy jobs and one job per fault kind, on their simulators, in a fresh watchlist."""
    healthy = [_job(0, n, f"healthy-{n:02d}") for n in range(HEALTHY)]
    job_faults = [_job(0, 100 + i, f"fault-{k}") for i, k in enumerate(JOB_FAULTS)]
    own = {k: _job(1 + i, 200 + i, f"fault-{k}") for i, k in enumerate(ENDPOINT_FAULTS)}
    with ExitStack() as stack:
        main = Simulator(Scenario((*healthy, *job_faults)), clock=ManualClock(), wall=lambda: EPOCH)
        stack.enter_context(main)
        faulty: dict[JobKey, str] = {}
        for kind, job in zip(JOB_FAULTS, job_faults):
            main.set_fault(kind, job_id=job.job_id, **JOB_FAULTS[kind])
            faulty[(job.project_id, job.job_id)] = kind
        sims, projects = {}, {}
        for kind, job in own.items():
            sim = Simulator(Scenario((job,)), clock=ManualClock(), wall=lambda: EPOCH)
            stack.enter_context(sim)
            sim.set_fault(kind, job_id=job.job_id, **ENDPOINT_FAULTS[kind])
            sims[kind], projects[job.project_id] = sim, ProjectSettings(endpoint=sim.url)
            faulty[(job.project_id, job.job_id)] = kind
        paths = Paths(tmp / "jobtui", env={})
        jobs = [*healthy, *job_faults, *own.values()]
        entries = [WatchEntry(j.project_id, j.job_id, EPOCH) for j in jobs]
        Watchlist(paths.watchlist_file, paths.lock_file).add(entries)
        settings = Settings(
            endpoint=main.url, refresh_interval=refresh_interval, projects=projects,
            rate_per_minute=6000.0, schedule="fixed",  # the faults, not the pace, are tested
        )  # fmt: skip
        keys = [(j.project_id, j.job_id) for j in healthy]
        yield Fleet(main, sims, keys, faulty, paths, settings)

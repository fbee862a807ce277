"""Budgets while nothing changes: bytes and CPU at default settings, and at a 2 s refresh.

The budget table's first rows are "default settings": a 10 s refresh under the default
60-a-minute cap. The 2 s run with the cap lifted (5 requests a second) is shown for
scale, not judged: no budget row names it, and what it measures is the CPU of five
HTTP requests a second (httpx and the loopback socket), which only fewer requests cut.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Optional

from tests.benchmarks import targets
from tests.benchmarks.figure import Check, Figure
from tests.benchmarks.link import steady
from tests.benchmarks.measures import Window, measure, median, settle
from tests.benchmarks.plan import Plan
from tests.benchmarks.workload import UNTHROTTLED, Mix, Workspace

JOBS, RUNNING = 50, 10
# Elapsed times and "refreshed hh:mm" move once a minute at default settings, as the
# budget allows: about 0.8 KB a minute. The allowance is 1 KB a minute above the
# reference; a whole minute is measured, so every window holds exactly one such tick.
MINUTE_TICKS = 1024 / 60


@dataclass(frozen=True)
class Idle:
    """One idle window of jobtui, and the requests the simulator answered meanwhile."""

    window: Window
    requests: int

    @property
    def per_second(self) -> float:
        return self.requests / self.window.seconds

    @property
    def ms_per_request(self) -> float:
        return 1000 * self.window.cpu / max(1, self.requests)


def _within(allowance: float) -> Check:
    def check(mine: float, ref: Optional[float]) -> bool:
        base = float(ref or 0)
        return mine <= max(1.1 * base, base + allowance)

    return check


def idle(plan: Plan) -> list[Figure]:
    """50 jobs, 10 running, nothing changing: bytes/s and CPU%, jobtui vs the static table."""
    nbytes = Figure("idle bytes/s, default settings", "B/s", "<= ref + 1 KB/min",
                    _within(MINUTE_TICKS))  # fmt: skip
    cpu = Figure("idle CPU, default settings", "%", "< 1% core", lambda mine, _ref: mine < 1.0)
    stress = Figure("  same, 2 s refresh, cap lifted", "%", "(for scale)", None)
    defaults: list[Idle] = []
    lifted: list[Idle] = []
    for run in range(plan.runs):
        if plan.jobtui and run < plan.minute_runs:
            defaults.append(_jobtui(plan, interval=10.0, config="", seconds=plan.minute))
        if plan.jobtui:
            lifted.append(_jobtui(plan, interval=plan.interval, seconds=plan.window))
        ref = steady(targets.reference_argv(JOBS), JOBS, plan)
        for fig in (cpu, stress):
            fig.reference.append(ref.cpu_percent)
        nbytes.reference.append(ref.bytes_per_second)
    nbytes.jobtui = [s.window.bytes_per_second for s in defaults]
    cpu.jobtui = [s.window.cpu_percent for s in defaults]
    stress.jobtui = [s.window.cpu_percent for s in lifted]
    nbytes.note = f"{plan.minute:g} s windows (elapsed and 'refreshed' move once a minute)"
    cpu.note = "adaptive schedule, 60/min cap, " + _rates(defaults, plan.minute)
    stress.note = f"{plan.interval:g} s refresh, cap lifted, " + _rates(lifted, plan.window)
    return [nbytes, cpu, stress]


def _rates(samples: list[Idle], seconds: float) -> str:
    per_second = median([s.per_second for s in samples]) or 0.0
    cost = median([s.ms_per_request for s in samples]) or 0.0
    return f"{per_second:.1f} requests/s, {cost:.1f} ms CPU per request; {seconds:g} s windows"


def _jobtui(plan: Plan, *, interval: float, seconds: float, config: str = UNTHROTTLED) -> Idle:
    with (
        Workspace(Mix(JOBS, RUNNING), interval=interval, config=config) as ws,
        targets.spawn(targets.jobtui_argv(ws)) as term,
    ):
        targets.wait_ready(term, JOBS)
        settle(term, plan.settle)
        _first_answers(ws)
        before = ws.sim.count()
        window = measure(term, seconds)
        return Idle(window, ws.sim.count() - before)


def _first_answers(ws: Workspace, limit: float = 60.0) -> None:
    """Wait until every job was answered once: under the cap, the first pass takes a while."""
    deadline = time.monotonic() + limit
    while ws.sim.count() < JOBS and time.monotonic() < deadline:
        time.sleep(0.2)

"""Budgets for the link: bytes per changed row, under steady change; animation.

Idle bytes and CPU are in `tests.benchmarks.idle`.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from typing import Optional

from tests.benchmarks import targets
from tests.benchmarks.figure import Figure
from tests.benchmarks.measures import Window, bursts, measure, settle
from tests.benchmarks.plan import Plan
from tests.benchmarks.workload import JUMPED, STEPPED, Mix, Workspace


def steady(argv: list[str], count: int, plan: Plan, want: Optional[int] = None) -> Window:
    """An app's cost over one window, once its table showed and its start-up passed."""
    with targets.spawn(argv) as term:
        targets.wait_ready(term, count, want=want)
        settle(term, plan.settle)
        return measure(term, plan.window)


def one_poll(plan: Plan) -> list[Figure]:
    """Bytes for one poll in which one of 50 rows changes; reference: naive update_cell.

    The animation figures come from a second run in which the job jumps 40% → 90%: a
    1% step moves the bar less than one glyph step and is drawn at once, not eased.
    """
    fig = Figure("bytes for a poll changing 1 of 50 rows", "B", "< 3 KB",
                 lambda mine, _ref: mine < 3072)  # fmt: skip
    anim = Figure("progress animation (40% -> 90%)", "s", "<= 1 s", lambda mine, _ref: mine <= 1.0)
    fps = Figure("animation frame rate", "fps", "<= 15 fps", lambda mine, _ref: mine <= 15)
    for _ in range(plan.runs):
        if plan.jobtui:
            with Workspace(Mix(50, 10, one_step=True), interval=plan.interval, manual=True) as ws:
                cost, _seconds, _rate = _one_step(ws, plan, STEPPED)
            fig.jobtui.append(cost)
            with Workspace(Mix(50, 10, jump=True), interval=plan.interval, manual=True) as ws:
                _cost, seconds, rate = _one_step(ws, plan, JUMPED)
            anim.jobtui.append(seconds)
            fps.jobtui.append(rate)
        fig.reference.append(_naive_update_cost(plan))
    fig.note = "reference: the static table changing one cell with DataTable.update_cell"
    anim.note = "writes around the changed poll, split into frames at 30 ms pauses"
    return [fig, anim, fps]


def _one_step(ws: Workspace, plan: Plan, shows: str) -> tuple[float, float, float]:
    """Bytes from the poll that shows job 0's new figure until 1.2 s later; its frames."""
    with targets.spawn(targets.jobtui_argv(ws)) as term:
        targets.wait_ready(term, 50)
        settle(term, plan.settle)
        ws.step()
        if not term.wait_for_text(shows, 3 * plan.interval):
            raise AssertionError(f"job 0 never showed {shows} after its poll")
        seen = time.monotonic()
        time.sleep(1.5)
        frames = bursts(term, seen - 0.3, seen + 1.2)
    cost = sum(n for _, n in frames)
    if len(frames) < 2:
        return float(cost), 0.0, float(len(frames))
    duration = frames[-1][0] - frames[0][0]
    return float(cost), duration, (len(frames) - 1) / duration


def _naive_update_cost(plan: Plan) -> float:
    every = 2.0
    argv = targets.reference_argv(50, "--update-every", str(every))
    with targets.spawn(argv) as term:
        targets.wait_ready(term, 50)
        window = measure(term, max(plan.window, 2 * every))
    return window.bytes / (window.seconds / every)


def advancing(plan: Plan) -> list[Figure]:
    """10 of 50 jobs moving every poll: jobtui vs `watch -n <interval> jobtui status`."""
    fig = Figure("bytes/s, 10 of 50 advancing", "B/s", "<= watch jobtui status", _under_watch)
    fig.note = "reference: `watch -n 2 jobtui status` in the same 120x40 pty"
    low = Figure("  same, --low-bandwidth", "B/s", "<= watch jobtui status", _under_watch)
    if not plan.jobtui:
        return [fig]
    for _ in range(plan.runs):
        with Workspace(Mix(50, 10, advancing=10), interval=plan.interval) as ws:
            fig.jobtui.append(steady(targets.jobtui_argv(ws), 50, plan).bytes_per_second)
            if not plan.quick:
                argv = targets.jobtui_argv(ws, "--low-bandwidth")
                low.jobtui.append(steady(argv, 50, plan).bytes_per_second)
            _watch_reference(ws, plan, [fig.reference, low.reference])
    if not fig.reference:
        fig.note = "no reference: `watch` missing or `jobtui status` not working yet"
    return [fig] if plan.quick else [fig, low]


def _under_watch(mine: float, ref: Optional[float]) -> bool:
    return ref is not None and mine <= ref


def _watch_reference(ws: Workspace, plan: Plan, into: list[list[float]]) -> None:
    watch = shutil.which("watch")
    if watch and _status_works(ws):
        argv = [watch, "-x", "-n", f"{plan.interval:g}", *targets.status_argv(ws)]
        # `status` lines wrap at 120 columns: a screenful is fewer jobs
        rate = steady(argv, 50, plan, want=10).bytes_per_second
        for samples in into:
            samples.append(rate)


def _status_works(ws: Workspace) -> bool:
    argv = targets.status_argv(ws)
    done = subprocess.run(argv, capture_output=True, text=True, timeout=60, cwd=targets.ROOT)
    return "bj00000" in done.stdout

"""Budgets for the bastion host: start-up, 10,000 jobs, hang-up, and a soak."""

from __future__ import annotations

import time

from tests.benchmarks import targets
from tests.benchmarks.figure import Figure
from tests.benchmarks.measures import key_latency, median, p95, settle
from tests.benchmarks.plan import Plan
from tests.benchmarks.rows import visible_jobs
from tests.benchmarks.workload import Mix, Workspace
from tests.ptyterm import PtyTerm


def startup(plan: Plan) -> list[Figure]:
    """Start to a full table of 200 jobs from the state cache, alternating with the reference."""
    fig = Figure("start-up to full table, 200 jobs", "s", "< 1.3x ref",
                 lambda mine, ref: ref is not None and mine < 1.3 * ref)  # fmt: skip
    # One untimed start of each first, so both run from compiled bytecode.
    with Workspace(Mix(200, 10), interval=plan.interval) as ws:
        ws.seed_cache()
        _time_to_table(targets.jobtui_argv(ws), 200)
    _time_to_table(targets.reference_argv(200), 200)
    for _ in range(plan.runs + (0 if plan.quick else 1)):
        if plan.jobtui:
            with Workspace(Mix(200, 10), interval=plan.interval) as ws:
                ws.seed_cache()
                fig.jobtui.append(_time_to_table(targets.jobtui_argv(ws), 200))
        fig.reference.append(_time_to_table(targets.reference_argv(200), 200))
    fig.note = "from spawn to the last visible row on the emulated screen; cache seeded"
    return [fig]


def _time_to_table(argv: list[str], count: int) -> float:
    t0 = time.monotonic()
    with targets.spawn(argv) as term:
        targets.wait_ready(term, count)
        return time.monotonic() - t0


def scale(plan: Plan) -> list[Figure]:
    """A huge watchlist: peak RSS, and Home/End answered while the first refresh runs."""
    label = f"{plan.big:,} jobs"
    rss = Figure(f"RSS, {label}", "MB", "< 200 MB", lambda mine, _ref: mine < 200)
    keys = Figure(f"key p95 during refresh, {label}", "ms", "< 100 ms",
                  lambda mine, _ref: mine < 100)  # fmt: skip
    typical = Figure("  same, p50", "ms", "-", lambda mine, _ref: True)
    first = Figure("  first byte after the key, p95", "ms", "-", lambda mine, _ref: True)
    figures = [rss, keys, typical, first]
    if plan.jobtui:
        with Workspace(Mix(plan.big, 100), interval=plan.interval) as ws:
            _scale_run(targets.jobtui_argv(ws), plan, [f.jobtui for f in figures])
    _scale_run(targets.reference_argv(plan.big), plan, [f.reference for f in figures])
    keys.note = (
        f"{plan.keys} End/Home presses: from writing the key until the last byte of the "
        "frame that turned the screenful of jobs over arrived (VT emulation not timed)"
    )
    if plan.quick:
        rss.note = f"quick mode: {label}, not 10,000"
    return figures


def _scale_run(argv: list[str], plan: Plan, into: list[list[float]]) -> None:
    """End and Home in turn; each waits until the screenful of jobs has changed over."""
    with targets.spawn(argv) as term:
        targets.wait_ready(term, plan.big, timeout=120)
        term.quiet_for(0.5, 5)
        top = visible_jobs(term.text())
        term.send_keys("R")  # jobtui: refresh all now, so the keys race a full refresh
        answers = []
        for i in range(plan.keys):
            # the screen has turned over when (almost) none / all of the first jobs show
            if i % 2 == 0:
                key, shows = "end", lambda s: len(visible_jobs(s)) > 0 and _overlap(s, top) < 0.1
            else:
                key, shows = "home", lambda s: _overlap(s, top) > 0.9
            answers.append(key_latency(term, key, shows, 2.0))
            time.sleep(0.05)
        shown = [1000 * a.shown for a in answers]
        firsts = [1000 * a.first_byte for a in answers]
        into[0].append(term.peak_rss_kb() / 1024)
        into[1].append(p95(shown) or 0.0)
        into[2].append(median(shown) or 0.0)
        into[3].append(p95(firsts) or 0.0)


def _overlap(text: str, jobs: set[str]) -> float:
    return len(visible_jobs(text) & jobs) / max(1, len(jobs))


def hangup(plan: Plan) -> list[Figure]:
    """SSH drops while SIGHUP is ignored (nohup): seconds to exit and CPU burnt meanwhile."""
    exit_s = Figure("exit after hang-up under nohup", "s", "<= 2 s", lambda mine, _ref: mine <= 2)
    cpu = Figure("CPU burnt until exit", "s", "< 0.5 s (no spin)", lambda mine, _ref: mine < 0.5)
    if plan.jobtui:
        with Workspace(Mix(50, 10), interval=plan.interval) as ws:
            _hangup_run(targets.jobtui_argv(ws), exit_s.jobtui, cpu.jobtui)
    _hangup_run(targets.reference_argv(50), exit_s.reference, cpu.reference)
    exit_s.note = "reference: plain Textual without the guard, cut off after 3 s"
    return [exit_s, cpu]


def _hangup_run(argv: list[str], seconds: list[float], cpu: list[float]) -> None:
    with targets.spawn(argv, ignore_sighup=True) as term:
        targets.wait_ready(term, 50)
        settle(term, 0.5)
        before, t0 = term.cpu_seconds(), time.monotonic()
        term.close_master()
        code = term.wait_exit(3.0)
        seconds.append(time.monotonic() - t0)
        cpu.append(term.cpu_seconds() - before)
        if code is None:
            term.close()


def soak(plan: Plan) -> list[Figure]:
    """200 jobs refreshed every second: RSS, descriptors and cache growth, as % per hour."""
    rss = Figure("soak RSS growth per hour", "%", "< 5%", lambda mine, _ref: mine < 5)
    fds = Figure("soak open fds growth per hour", "%", "< 5%", lambda mine, _ref: mine < 5)
    cache = Figure("soak state cache growth per hour", "%", "< 5%", lambda mine, _ref: mine < 5)
    if not plan.jobtui:
        return [rss, fds, cache]
    mix = Mix(200, 10, advancing=10, cycles=int(plan.soak // 100) + 2)
    with (
        Workspace(mix, interval=1.0) as ws,
        targets.spawn(targets.jobtui_argv(ws)) as term,
    ):
        targets.wait_ready(term, 200)
        growth = _soak_growth(term, ws, plan.soak)
    rss.jobtui.append(growth[0])
    fds.jobtui.append(growth[1])
    cache.jobtui.append(growth[2])
    rss.note = f"{plan.soak:g} s at 1 s refresh; growth over the 2nd half, extrapolated to 1 h"
    if plan.soak < 120:
        rss.note = f"{plan.soak:g} s at 1 s refresh: growth over the window, not extrapolated"
    return [rss, fds, cache]


def _soak_growth(term: PtyTerm, ws: Workspace, seconds: float) -> tuple[float, float, float]:
    """Growth from the warm-up's end to the soak's end (medians of 3 samples at each end)."""
    time.sleep(seconds * 0.5)  # warm-up: imports, caches and bounded histories fill up
    samples = []
    t0 = time.monotonic()
    while time.monotonic() - t0 < seconds * 0.5:
        samples.append(_sample(term, ws))
        time.sleep(min(5.0, seconds / 20))
    scale = 3600 / (time.monotonic() - t0) if seconds >= 120 else 1.0
    first, last = samples[:3], samples[-3:]
    growth = []
    for i in range(3):
        a, b = median([s[i] for s in first]) or 0.0, median([s[i] for s in last]) or 0.0
        growth.append(100 * (b - a) / a * scale if a else 0.0)
    return growth[0], growth[1], growth[2]


def _sample(term: PtyTerm, ws: Workspace) -> tuple[float, float, float]:
    state = ws.root / "state.json"
    size = state.stat().st_size if state.exists() else 0
    return float(term.rss_kb()), float(term.fd_count()), float(size)

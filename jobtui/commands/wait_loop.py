"""The loop behind `jobtui wait`: run the poller, redraw, stop on a verdict or timeout."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import time
from collections.abc import Mapping, Sequence
from typing import Optional

from jobtui.commands import TIMEOUT
from jobtui.commands.context import Context
from jobtui.commands.record import record_states
from jobtui.commands.sessions import connections, poller, say_held
from jobtui.commands.wait_display import Display, LiveLines, NoLines, PlainLines
from jobtui.commands.wait_verdict import Verdict
from jobtui.domain.events import PollerEvent, PollerFault
from jobtui.domain.state import JobKey, JobState, WatchedJob, WatchEntry

# The clock the timeout and outages are measured with (monotonic: immune to NTP steps).
monotonic = time.monotonic


async def wait_for(ctx: Context, entries: Sequence[WatchEntry]) -> tuple[int, Verdict]:
    args = ctx.args
    verdict = Verdict([e.key for e in entries], args.retry_for, monotonic)
    changed = asyncio.Event()
    faults_said: set[str] = set()

    def on_event(event: PollerEvent) -> None:
        verdict.on_event(event)
        # The poller broke and goes on: said once per distinct fault (the log has each).
        if isinstance(event, PollerFault) and event.message not in faults_said:
            faults_said.add(event.message)
            ctx.err(event.message)
        changed.set()

    settings = ctx.settings
    if args.interval is not None:  # a pace asked for on the command line: exactly that
        interval = max(args.interval, 0.01)
        settings = dataclasses.replace(settings, refresh_interval=interval, schedule="fixed")
    display = _display(ctx)
    async with connections(ctx, settings) as conns:
        watcher = poller(conns, settings, on_event)
        watcher.set_entries(entries)
        task = asyncio.ensure_future(watcher.run())
        try:
            code = await _until_settled(ctx, entries, watcher.states, verdict, changed, display)
        finally:
            watcher.stop()
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            display.close()
            # What wait saw is what `list` and `prune` go by next (Ctrl-C included).
            record_states(ctx, watcher.states)
    say_held(ctx, conns)
    return code, verdict


def _display(ctx: Context) -> Display:
    if ctx.args.quiet:
        return NoLines()
    return LiveLines(ctx.stdout, ctx.width() or 80) if ctx.tty else PlainLines(ctx.stdout)


async def _until_settled(
    ctx: Context,
    entries: Sequence[WatchEntry],
    states: Mapping[JobKey, JobState],
    verdict: Verdict,
    changed: asyncio.Event,
    display: Display,
) -> int:
    timeout: Optional[float] = ctx.args.timeout
    deadline = None if timeout is None else monotonic() + timeout
    while True:
        known = dict(states)
        jobs = [WatchedJob(e, known.get(e.key) or JobState(e.key)) for e in entries]
        display.show(jobs, ctx.clock())
        code = verdict.decide(known)
        if code is not None:
            return code
        left = None if deadline is None else deadline - monotonic()
        if left is not None and left <= 0:
            verdict.reason = f"timed out after {timeout:g} s with jobs still running"
            return TIMEOUT
        changed.clear()
        await _woken(changed, min(left if left is not None else 1.0, 1.0))


async def _woken(event: asyncio.Event, within: float) -> None:
    """Return when the poller says something, or after `within` seconds at the latest."""
    with contextlib.suppress(asyncio.TimeoutError):
        await asyncio.wait_for(event.wait(), within)

"""`jobtui wait`: poll jobs until they finish; the exit status says how (for pipelines)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import time
from collections.abc import Mapping, Sequence
from typing import Optional, Union

from jobtui.commands import TIMEOUT
from jobtui.commands.context import Context
from jobtui.commands.lookup import resolve
from jobtui.commands.wait_display import LiveLines, PlainLines
from jobtui.commands.wait_verdict import Verdict
from jobtui.errors import UsageError
from jobtui.events import PollerEvent
from jobtui.state import JobKey, JobState, WatchedJob, WatchEntry

NAME = "wait"
HELP = "wait until jobs finish; exit 0 if all succeeded"
EPILOG = """\
examples:
  jobtui wait 2c9080e8845b207101845b245e1e0001 --timeout 3600
  jobtui wait 05f2cff45100d5112f4bc00b794ea08e/2c9080e8845b207101845b245e1e0001 && deploy.sh

A bare JOB_ID is looked up in the watchlist; PROJECT_ID/JOB_ID works for any job.
Exit status: 0 every job SUCCESS, 1 any ended FAIL or STOP, 2 usage error,
3 timeout, 4 cannot be queried (bad credentials, job not found, endpoint
unreachable for longer than --retry-for)."""

# The clock the timeout and outages are measured with (monotonic: immune to NTP steps).
monotonic = time.monotonic


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("jobs", nargs="+", metavar="JOB", help="JOB_ID or PROJECT_ID/JOB_ID")
    parser.add_argument("--timeout", type=float, metavar="S", help="give up after S seconds")
    parser.add_argument(
        "--interval", type=float, default=10.0, metavar="S", help="seconds between polls (10)"
    )
    parser.add_argument(
        "--retry-for",
        type=float,
        default=300.0,
        metavar="S",
        help="keep retrying an unreachable endpoint this long (300)",
    )


def run(ctx: Context) -> int:
    args = ctx.args
    for name in ("timeout", "interval", "retry_for"):
        value = getattr(args, name)
        if value is not None and not value >= 0:
            raise UsageError(
                f"--{name.replace('_', '-')} must be a number of seconds, not {value}."
            )
    entries = resolve(args.jobs, ctx.entries(), now=ctx.clock(), region=args.region)
    code, verdict = asyncio.run(_wait(ctx, entries))
    if verdict.reason:
        ctx.err(verdict.reason + ".")
    return code


async def _wait(ctx: Context, entries: Sequence[WatchEntry]) -> tuple[int, Verdict]:
    import dataclasses

    from jobtui.commands.sessions import connections, poller

    args = ctx.args
    verdict = Verdict([e.key for e in entries], args.retry_for, monotonic)
    changed = asyncio.Event()

    def on_event(event: PollerEvent) -> None:
        verdict.on_event(event)
        changed.set()

    settings = dataclasses.replace(ctx.settings, refresh_interval=max(args.interval, 0.01))
    display = LiveLines(ctx.stdout, ctx.width() or 80) if ctx.tty else PlainLines(ctx.stdout)
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
    return code, verdict


async def _until_settled(
    ctx: Context,
    entries: Sequence[WatchEntry],
    states: Mapping[JobKey, JobState],
    verdict: Verdict,
    changed: asyncio.Event,
    display: Union[LiveLines, PlainLines],
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

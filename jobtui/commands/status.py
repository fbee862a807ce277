"""`jobtui status`: fetch jobs now and print a table or JSON."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING

from jobtui.commands import FAILED, OK
from jobtui.commands.context import Context
from jobtui.commands.lookup import resolve
from jobtui.errors import StoreError
from jobtui.output import ZONE_NOTE, any_zone_mismatch, dumps_jobs, status_table
from jobtui.state import JobKey, JobState, WatchedJob, WatchEntry

if TYPE_CHECKING:
    from jobtui.store import StateCache

NAME = "status"
HELP = "fetch jobs now and show their status"
EPILOG = """\
examples:
  jobtui status
  jobtui status 2c9080e8845b207101845b245e1e0001
  jobtui status --json 05f2cff45100d5112f4bc00b794ea08e/2c9080e8845b207101845b245e1e0001

With no JOB, every watched job. Exit status 1 when any job could not be fetched
(its 'error' says why, with the request ID support asks for). Jobs not asked because
their endpoint is down or their credentials were refused say so (error kind
'not_asked', no request ID)."""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("jobs", nargs="*", metavar="JOB", help="JOB_ID or PROJECT_ID/JOB_ID")
    parser.add_argument("--json", action="store_true", help="print a JSON array")


def run(ctx: Context) -> int:
    watched = ctx.entries()
    targets = resolve(ctx.args.jobs, watched, now=ctx.clock(), region=ctx.args.region)
    targets = targets or watched
    ctx.warn_exposed_credentials(targets)
    if not targets:
        ctx.err("the watchlist is empty; add a job with 'jobtui add PROJECT_ID JOB_ID'.")
        return OK
    import asyncio

    states = asyncio.run(fetch(ctx, targets, {e.key for e in watched}))
    jobs = [WatchedJob(entry, states.get(entry.key) or JobState(entry.key)) for entry in targets]
    show(ctx, jobs)
    return FAILED if any(job.state.error for job in jobs) else OK


async def fetch(
    ctx: Context, targets: Sequence[WatchEntry], watched: set[JobKey]
) -> dict[JobKey, JobState]:
    """One request per job, through the poller (rate cap, one probe per credential)."""
    from jobtui.commands.sessions import connections, poller, say_held
    from jobtui.store import StateCache

    cache = StateCache(ctx.paths.state_file)
    cached = cache.load()
    async with connections(ctx) as conns:
        fetcher = poller(conns, ctx.settings)
        fetcher.set_entries(targets)
        # Seeding keeps each job's history (transitions, samples) going in the cache.
        fetcher.seed({key: cached[key] for key in watched & cached.keys()})
        fresh = await fetcher.refresh_once([entry.key for entry in targets])
        say_held(ctx, conns)
    cached.update({key: state for key, state in fresh.items() if key in watched})
    _save(ctx, cache, cached, watched)
    return dict(fresh)


def _save(
    ctx: Context, cache: StateCache, states: dict[JobKey, JobState], keep: set[JobKey]
) -> None:
    try:
        cache.save(states, keep=keep)
    except StoreError as error:
        ctx.err(f"warning: the state cache was not saved: {error}")


def show(ctx: Context, jobs: list[WatchedJob]) -> None:
    if ctx.args.json:
        ctx.out(dumps_jobs(jobs))
        return
    ctx.out(status_table(jobs, ctx.clock(), ctx.width()))
    if any_zone_mismatch(jobs):
        ctx.err(ZONE_NOTE)

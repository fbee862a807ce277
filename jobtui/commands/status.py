"""`jobtui status`: fetch jobs now and print a table or JSON."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from jobtui.commands import FAILED, OK, TIMEOUT
from jobtui.commands.context import Context
from jobtui.commands.job_output import EPILOG as OUTPUT_EPILOG
from jobtui.commands.job_output import configure_output, print_jobs, wants_json
from jobtui.commands.lookup import resolve
from jobtui.commands.output import ZONE_NOTE, any_zone_mismatch
from jobtui.domain.errors import UsageError
from jobtui.domain.state import JobKey, JobState, WatchedJob, WatchEntry

NAME = "status"
HELP = "fetch jobs now and show their status"
EPILOG = (
    """\
examples:
  jobtui status
  jobtui status 2c9080e8845b207101845b245e1e0001
  jobtui status --json 05f2cff45100d5112f4bc00b794ea08e/2c9080e8845b207101845b245e1e0001
  jobtui status --max-time 60
  jobtui status -o tsv --no-headers | awk -F'\t' '$2 == "FAIL" {print $1}'
  watch -n 30 jobtui status -o table

With no JOB, every watched job. On a terminal, stderr counts the jobs asked so far.
Exit status 1 when any job could not be fetched (its 'error' says why, with the
request ID support asks for); else 3 when --max-time ran out first (the jobs not
asked keep their last known state and say 'not asked: --max-time reached'). Jobs not
asked because their endpoint is down or their credentials were refused say so too
(error kind 'not_asked', no request ID).

"""
    + OUTPUT_EPILOG
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("jobs", nargs="*", metavar="JOB", help="JOB_ID or PROJECT_ID/JOB_ID")
    configure_output(parser)
    parser.add_argument(
        "--max-time",
        type=float,
        metavar="S",
        help="stop asking after S seconds and print what is known by then",
    )


def run(ctx: Context) -> int:
    max_time = ctx.args.max_time
    if max_time is not None and not max_time >= 0:
        raise UsageError(f"--max-time must be a number of seconds, not {max_time}.")
    watched = ctx.entries()
    targets = resolve(ctx.args.jobs, watched, now=ctx.clock(), region=ctx.args.region)
    targets = targets or watched
    from jobtui.commands.sessions import warn_exposed_credentials

    warn_exposed_credentials(ctx, targets)
    if not targets:
        ctx.err("the watchlist is empty; add a job with 'jobtui add PROJECT_ID JOB_ID'.")
        return OK
    import asyncio

    states, not_asked = asyncio.run(fetch(ctx, targets, {e.key for e in watched}))
    jobs = [WatchedJob(entry, states.get(entry.key) or JobState(entry.key)) for entry in targets]
    show(ctx, jobs)
    if any(job.state.error for job in jobs if job.entry.key not in not_asked):
        return FAILED
    return TIMEOUT if not_asked else OK


async def fetch(
    ctx: Context, targets: Sequence[WatchEntry], watched: set[JobKey]
) -> tuple[dict[JobKey, JobState], set[JobKey]]:
    """One request per job, through the poller (rate cap, one probe per credential);
    also the keys --max-time left unasked."""
    from jobtui.commands.record import record_states
    from jobtui.commands.sessions import connections, poller, say_held
    from jobtui.commands.status_progress import Tally, refresh_within
    from jobtui.store.watchlist import StateCache

    cached = StateCache(ctx.paths.state_file).load()
    keys = [entry.key for entry in targets]
    tally = Tally(keys, ctx.stderr if ctx.err_tty else None)
    async with connections(ctx) as conns:
        fetcher = poller(conns, ctx.settings, tally.on_event)
        fetcher.set_entries(targets)
        # Seeding keeps each job's history (transitions, samples) going in the cache.
        fetcher.seed({key: cached[key] for key in watched & cached.keys()})
        fresh, not_asked = await refresh_within(fetcher, keys, ctx.args.max_time, tally)
        say_held(ctx, conns)
    record_states(ctx, fresh, skip=not_asked)
    return fresh, not_asked


def show(ctx: Context, jobs: list[WatchedJob]) -> None:
    print_jobs(ctx, jobs)
    if not wants_json(ctx) and any_zone_mismatch(jobs):
        ctx.err(ZONE_NOTE)

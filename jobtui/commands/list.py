"""`jobtui list`: the watchlist with the last known state of each job, no network."""

from __future__ import annotations

import argparse

from jobtui.commands import OK
from jobtui.commands.context import Context
from jobtui.commands.output import dumps_jobs, status_table
from jobtui.domain.state import JobState, WatchedJob

NAME = "list"
HELP = "show the watched jobs as last seen (no network)"
EPILOG = """\
examples:
  jobtui list
  jobtui list --json | jq -r '.[] | select(.status == "FAIL") | .job_id'

The JSON objects have the same keys as 'jobtui status --json'."""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print a JSON array")


def run(ctx: Context) -> int:
    jobs = known_jobs(ctx)
    if ctx.args.json:
        ctx.out(dumps_jobs(jobs))
    elif jobs:
        ctx.out(status_table(jobs, ctx.clock(), ctx.width()))
    else:
        ctx.err("the watchlist is empty; add a job with 'jobtui add PROJECT_ID JOB_ID'.")
    return OK


def known_jobs(ctx: Context) -> list[WatchedJob]:
    """Watchlist entries with their cached state (losing the cache loses only that)."""
    from jobtui.store.watchlist import StateCache

    states = StateCache(ctx.paths.state_file).load()
    return [WatchedJob(e, states.get(e.key) or JobState(e.key)) for e in ctx.entries()]

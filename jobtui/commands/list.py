"""`jobtui list`: the watchlist with the last known state of each job, no network."""

from __future__ import annotations

import argparse

from jobtui.commands import OK
from jobtui.commands.context import Context
from jobtui.commands.job_output import EPILOG as OUTPUT_EPILOG
from jobtui.commands.job_output import configure_output, print_jobs, wants_json
from jobtui.domain.state import JobState, WatchedJob

NAME = "list"
HELP = "show the watched jobs as last seen (no network)"
EPILOG = (
    """\
examples:
  jobtui list
  jobtui list --json | jq -r '.[] | select(.status == "FAIL") | .job_id'
  jobtui list -o tsv --no-headers | cut -f1

The JSON objects have the same keys as 'jobtui status --json'.

"""
    + OUTPUT_EPILOG
)


def configure(parser: argparse.ArgumentParser) -> None:
    configure_output(parser)


def run(ctx: Context) -> int:
    jobs = known_jobs(ctx)
    if jobs or wants_json(ctx):
        print_jobs(ctx, jobs)
    else:
        ctx.err("the watchlist is empty; add a job with 'jobtui add PROJECT_ID JOB_ID'.")
    return OK


def known_jobs(ctx: Context) -> list[WatchedJob]:
    """Watchlist entries with their cached state (losing the cache loses only that)."""
    from jobtui.store.watchlist import StateCache

    states = StateCache(ctx.paths.state_file).load()
    return [WatchedJob(e, states.get(e.key) or JobState(e.key)) for e in ctx.entries()]

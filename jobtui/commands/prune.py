"""`jobtui prune`: drop finished jobs from the watchlist (no network)."""

from __future__ import annotations

import argparse
from datetime import datetime, timedelta
from typing import Optional

from jobtui.commands import OK
from jobtui.commands.context import Context
from jobtui.commands.list import known_jobs
from jobtui.errors import UsageError
from jobtui.state import WatchedJob
from jobtui.timefmt import parse_duration

NAME = "prune"
HELP = "remove finished jobs (SUCCESS, FAIL, STOP) from the watchlist"
EPILOG = """\
examples:
  jobtui prune
  jobtui prune --older-than 7d

A job counts as finished by its last known status (see 'jobtui list'); run
'jobtui status' first to bring that up to date. Durations: 90s, 15m, 12h, 7d, 2w."""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--older-than", metavar="DURATION", help="only jobs that ended longer ago than this"
    )


def run(ctx: Context) -> int:
    age = _age(ctx.args.older_than)
    now = ctx.clock()
    keys = [job.entry.key for job in known_jobs(ctx) if _finished(job, now, age)]
    removed = ctx.watchlist.remove(keys) if keys else 0
    for project, job in keys:
        ctx.out(f"removed: {project}/{job}")
    ctx.err(f"pruned {removed} finished job{'s' if removed != 1 else ''}.")
    return OK


def _age(text: Optional[str]) -> Optional[timedelta]:
    if text is None:
        return None
    try:
        return parse_duration(text)
    except ValueError as error:
        raise UsageError(f"--older-than: {error}.") from None


def _finished(job: WatchedJob, now: datetime, age: Optional[timedelta]) -> bool:
    record = job.state.record
    if record is None or not record.terminal:
        return False
    if age is None:
        return True
    ended = record.end_time or job.state.fetched_at
    return ended is not None and now - ended > age

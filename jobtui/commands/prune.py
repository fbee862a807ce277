"""`jobtui prune`: drop finished jobs from the watchlist (no network)."""

from __future__ import annotations

import argparse
from datetime import timedelta
from typing import Optional

from jobtui.commands import OK
from jobtui.commands.context import Context
from jobtui.domain.errors import UsageError
from jobtui.domain.timefmt import parse_duration
from jobtui.domain.words import FINISHED_WORDS, NO_LONGER_WATCHING, edit_line

NAME = "prune"
HELP = f"stop watching finished jobs ({FINISHED_WORDS})"
EPILOG = """\
examples:
  jobtui prune
  jobtui prune --older-than 7d

A job counts as finished by its last known status (see 'jobtui list'), as the
monitor, 'jobtui status' and 'jobtui wait' last saw it: 'jobtui wait X && jobtui
prune' drops X. Durations: 90s, 15m, 12h, 7d, 2w."""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--older-than", metavar="DURATION", help="only jobs that ended longer ago than this"
    )


def run(ctx: Context) -> int:
    from jobtui.commands.sessions import open_session

    age = _age(ctx.args.older_than)
    # The session holds the one rule for "finished"; it is never started: no network.
    session = open_session(ctx, ctx.settings)
    before = {job.entry.key for job in session.jobs()}
    removed = session.prune(older_than=None if age is None else age.total_seconds())
    gone = before - {job.entry.key for job in session.jobs()}
    for project, job in sorted(gone):
        ctx.out(edit_line(NO_LONGER_WATCHING, project, job))
    ctx.err(f"pruned {removed} finished job{'s' if removed != 1 else ''}.")
    return OK


def _age(text: Optional[str]) -> Optional[timedelta]:
    if text is None:
        return None
    try:
        return parse_duration(text)
    except ValueError as error:
        raise UsageError(f"--older-than: {error}.") from None

"""`jobtui remove`: take jobs off the watchlist."""

from __future__ import annotations

import argparse

from jobtui.commands import FAILED, OK
from jobtui.commands.context import Context
from jobtui.commands.lookup import find
from jobtui.domain.words import NO_LONGER_WATCHING, NOT_WATCHED, edit_line

NAME = "remove"
HELP = "stop watching jobs (the jobs themselves are not touched)"
EPILOG = """\
examples:
  jobtui remove 2c9080e8845b207101845b245e1e0001
  jobtui remove 05f2cff45100d5112f4bc00b794ea08e/2c9080e8845b207101845b245e1e0001

A bare JOB_ID is enough unless the same job ID is watched in two projects; so is
the tail the tables show (…e0001, or e0001) when one watched ID ends in it.
Exit status 1 if any job named was not watched."""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "jobs", nargs="+", metavar="JOB", help="JOB_ID, PROJECT_ID/JOB_ID, or a shown tail (…e0001)"
    )


def run(ctx: Context) -> int:
    entries = ctx.entries()
    found = [(spec, find(spec, entries)) for spec in ctx.args.jobs]
    for spec, entry in found:
        if entry is None:
            ctx.err(f"{spec} is {NOT_WATCHED}.")
    gone = list({e.key: e for _, e in found if e is not None}.values())
    keys = [e.key for e in gone]
    removed = ctx.watchlist.remove(keys) if keys else 0
    for entry in gone:
        ctx.out(
            edit_line(NO_LONGER_WATCHING, entry.project_id, entry.job_id, cluster=entry.is_cluster)
        )
    return OK if removed == len(keys) and all(e for _, e in found) else FAILED

"""`-o table|wide|json|tsv` and `--no-headers` of `status` and `list`.

On a terminal the table fits its width (COLUMNS, else the terminal's); in a pipe
nothing is ever cut: the default becomes `wide`, and `-o table` fits COLUMNS only if
it is set (as `watch` sets it).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from jobtui.commands.context import Context
from jobtui.commands.job_table import table_lines, tsv_lines
from jobtui.commands.output import dumps_jobs
from jobtui.domain.state import WatchedJob

FORMATS = ("table", "wide", "json", "tsv")
EPILOG = """\
Output (-o): 'table' fits the terminal; 'wide' cuts nothing; 'json' is an array of
objects (--json is the same); 'tsv' is one line per job, tab-separated, PROJECT/JOB
first, every column whole. Into a pipe the default is 'wide'. --no-headers leaves
out the header line of table, wide and tsv.

When the table is too wide for the terminal, empty columns are left out, then one
step at a time until it fits: the project ID is cut to its first 8 characters;
STARTED is dropped; the job ID is cut to the shortest tail that tells the jobs shown
apart (…e0001, at least 4 characters, as git shortens hashes); JOB NAME and LABEL
become one NAME column (the label, else the job name); then ELAPSED, PROGRESS and
NAME are dropped, in that order. Names and NOTE are shortened with '…' when that
is enough (NOTE keeps a failure code whole); STATUS and the job never go."""


def configure_output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        choices=FORMATS,
        help="table (fits the terminal), wide (nothing cut), json, or tsv",
    )
    parser.add_argument(
        "--json", dest="output", action="store_const", const="json", help="same as -o json"
    )
    parser.add_argument("--no-headers", action="store_true", help="no header line")


def wants_json(ctx: Context) -> bool:
    return bool(ctx.args.output == "json")


def print_jobs(ctx: Context, jobs: Sequence[WatchedJob]) -> None:
    form = ctx.args.output or ("table" if ctx.tty else "wide")
    headers = not ctx.args.no_headers
    if form == "json":
        ctx.out(dumps_jobs(jobs))
        return
    if form == "tsv":
        lines = tsv_lines(jobs, ctx.clock(), headers=headers)
    else:
        width = ctx.width() if form == "table" else None
        lines = table_lines(jobs, ctx.clock(), width, headers=headers)
    if lines:
        ctx.out("\n".join(lines))

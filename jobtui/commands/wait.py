"""`jobtui wait`: poll jobs until they finish; the exit status says how (for pipelines)."""

from __future__ import annotations

import argparse

from jobtui.commands import OK, UNQUERYABLE
from jobtui.commands.context import Context
from jobtui.commands.lookup import resolve
from jobtui.commands.stdin_ids import read_stdin_ids
from jobtui.domain.errors import UsageError
from jobtui.domain.state import WatchEntry

NAME = "wait"
HELP = "wait until jobs finish; exit 0 if all succeeded"
EPILOG = """\
examples:
  jobtui wait 2c9080e8845b207101845b245e1e0001 --timeout 3600
  jobtui wait 05f2cff45100d5112f4bc00b794ea08e/2c9080e8845b207101845b245e1e0001 && deploy.sh
  jobtui wait && jobtui prune
  jobtui list -o tsv --no-headers | grep RUNNING | cut -f1 | jobtui wait - --quiet

A bare JOB_ID is looked up in the watchlist; PROJECT_ID/JOB_ID works for any job.
With no JOB, every watched job not known to have finished (see 'jobtui list').
'-' reads the jobs from standard input, one per line, in the forms 'jobtui add -'
takes (a bad line is a usage error: nothing is waited for). What wait saw is
recorded for 'jobtui list', 'jobtui prune' and the monitor.
Exit status: 0 every job SUCCESS, 1 any ended FAIL or STOPPED, 2 usage error,
3 timeout, 4 cannot be queried (bad credentials, job not found, endpoint
unreachable or its answers malformed for longer than --retry-for)."""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "jobs", nargs="*", metavar="JOB", help="JOB_ID, PROJECT_ID/JOB_ID, or - (standard input)"
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print nothing but errors; the exit status tells"
    )
    parser.add_argument("--timeout", type=float, metavar="S", help="give up after S seconds")
    parser.add_argument(
        "--interval",
        type=float,
        metavar="S",
        help="poll every S seconds (a fixed schedule); default: the config's schedule",
    )
    parser.add_argument(
        "--retry-for",
        type=float,
        default=300.0,
        metavar="S",
        help="keep retrying an unreachable endpoint or malformed answers this long (300)",
    )


def run(ctx: Context) -> int:
    args = ctx.args
    for name in ("timeout", "interval", "retry_for"):
        value = getattr(args, name)
        if value is not None and not value >= 0:
            raise UsageError(
                f"--{name.replace('_', '-')} must be a number of seconds, not {value}."
            )
    entries = _targets(ctx)
    if not entries:
        return OK
    from jobtui.commands.sessions import warn_exposed_credentials

    warn_exposed_credentials(ctx, entries)
    # Imported here: asyncio, httpx and the poller are not needed for --help.
    import asyncio

    from jobtui.commands.wait_loop import wait_for

    code, verdict = asyncio.run(wait_for(ctx, entries))
    if verdict.reason and (code == UNQUERYABLE or not args.quiet):
        ctx.err(verdict.reason.rstrip(".") + ".")
    return code


def _targets(ctx: Context) -> list[WatchEntry]:
    """The jobs named (on the line or standard input), else every unfinished watched job."""
    specs, watched = list(ctx.args.jobs), ctx.entries()
    if "-" in specs and specs != ["-"]:
        raise UsageError("'-' reads the jobs from standard input: give it alone.")
    if specs == ["-"]:
        parsed = read_stdin_ids(ctx, None, keep_bare=True)
        if parsed.error_count:
            raise UsageError("standard input has bad lines (above); nothing was waited for.")
        specs = [f"{project}/{job}" for project, job in parsed.keys] + parsed.bare
    elif not specs:
        return _unfinished(ctx, watched)
    return resolve(specs, watched, now=ctx.clock(), region=ctx.args.region)


def _unfinished(ctx: Context, watched: list[WatchEntry]) -> list[WatchEntry]:
    from jobtui.store.watchlist import StateCache

    states = StateCache(ctx.paths.state_file).load()
    left = [e for e in watched if not (e.key in states and states[e.key].terminal)]
    if not left and not ctx.args.quiet:
        said = "every watched job has finished" if watched else "the watchlist is empty"
        ctx.err(f"{said}; nothing to wait for.")
    return left

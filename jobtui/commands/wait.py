"""`jobtui wait`: poll jobs until they finish; the exit status says how (for pipelines)."""

from __future__ import annotations

import argparse

from jobtui.commands.context import Context
from jobtui.commands.lookup import resolve
from jobtui.domain.errors import UsageError

NAME = "wait"
HELP = "wait until jobs finish; exit 0 if all succeeded"
EPILOG = """\
examples:
  jobtui wait 2c9080e8845b207101845b245e1e0001 --timeout 3600
  jobtui wait 05f2cff45100d5112f4bc00b794ea08e/2c9080e8845b207101845b245e1e0001 && deploy.sh

A bare JOB_ID is looked up in the watchlist; PROJECT_ID/JOB_ID works for any job.
Exit status: 0 every job SUCCESS, 1 any ended FAIL or STOP, 2 usage error,
3 timeout, 4 cannot be queried (bad credentials, job not found, endpoint
unreachable or its answers malformed for longer than --retry-for)."""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("jobs", nargs="+", metavar="JOB", help="JOB_ID or PROJECT_ID/JOB_ID")
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
    entries = resolve(args.jobs, ctx.entries(), now=ctx.clock(), region=args.region)
    from jobtui.commands.sessions import warn_exposed_credentials

    warn_exposed_credentials(ctx, entries)
    # Imported here: asyncio, httpx and the poller are not needed for --help.
    import asyncio

    from jobtui.commands.wait_loop import wait_for

    code, verdict = asyncio.run(wait_for(ctx, entries))
    if verdict.reason:
        ctx.err(verdict.reason.rstrip(".") + ".")
    return code

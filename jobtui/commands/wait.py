"""`jobtui wait`: poll jobs until they finish; the exit status says how (for pipelines)."""

from __future__ import annotations

import argparse
from typing import Optional

from jobtui.commands import OK, UNQUERYABLE
from jobtui.commands.context import Context
from jobtui.commands.lookup import resolve, resolve_clusters
from jobtui.commands.stdin_ids import read_stdin_ids
from jobtui.domain.errors import UsageError
from jobtui.domain.state import JobState, WatchEntry
from jobtui.domain.watch_key import JobKey, is_cluster, item_id

NAME = "wait"
HELP = "wait until jobs (or a cluster's operation) finish; exit 0 if all succeeded"
EPILOG = """\
examples:
  jobtui wait 2c9080e8845b207101845b245e1e0001 --timeout 3600
  jobtui wait 05f2cff45100d5112f4bc00b794ea08e/2c9080e8845b207101845b245e1e0001 && deploy.sh
  jobtui wait && jobtui prune
  jobtui list -o tsv --no-headers | grep RUNNING | cut -f1 | jobtui wait - --quiet
  jobtui wait --cluster 05f2cff45100d5112f4bc00b794ea08e 6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a01

A bare JOB_ID is looked up in the watchlist (so is a shown tail, …e0001);
PROJECT_ID/JOB_ID works for any job.
With no JOB, every watched job not known to have finished (see 'jobtui list'),
and every watched cluster last seen with an operation running (only those with
--cluster).
'-' reads the jobs from standard input, one per line, in the forms 'jobtui add -'
takes (a bad line is a usage error: nothing is waited for). What wait saw is
recorded for 'jobtui list', 'jobtui prune' and the monitor.
Exit status: 0 every job SUCCESS, 1 any ended FAIL or STOPPED, 2 usage error,
3 timeout, 4 cannot be queried (bad credentials, job not found, endpoint
unreachable or its answers malformed for longer than --retry-for).

With --cluster, the IDs name a cluster (PROJECT_ID CLUSTER_ID, PROJECT_ID/CLUSTER_ID,
or a watched cluster's ID or shown tail, …3a01): wait until no task runs on it and its
status is settled; exit 1 if a task or the status ended in a failure (REBOOT_FAILURE,
CREATE_FAILED…)."""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "jobs", nargs="*", metavar="JOB", help="JOB_ID, PROJECT_ID/JOB_ID, or - (standard input)"
    )
    parser.add_argument(
        "--cluster",
        action="store_true",
        help="the IDs name a cluster (PROJECT_ID CLUSTER_ID); its operation is waited for",
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
        return _named(ctx, parsed.keys, parsed.bare, watched)
    elif not specs:
        return _unfinished(ctx, watched)
    if ctx.args.cluster and len(specs) == 2 and "/" not in "".join(specs):
        specs = ["/".join(specs)]  # PROJECT_ID CLUSTER_ID, as add --cluster takes them
    find = resolve_clusters if ctx.args.cluster else resolve
    return find(specs, watched, now=ctx.clock(), region=ctx.args.region)


def _named(
    ctx: Context, keys: list[JobKey], bare: list[str], watched: list[WatchEntry]
) -> list[WatchEntry]:
    """Standard input's jobs and clusters ('cluster P C' lines, or any line with --cluster)."""
    as_cluster = ctx.args.cluster
    jobs = [f"{k[0]}/{k[1]}" for k in keys if not (is_cluster(k) or as_cluster)]
    clusters = [f"{k[0]}/{item_id(k)}" for k in keys if is_cluster(k) or as_cluster]
    (clusters if as_cluster else jobs).extend(bare)
    now, region = ctx.clock(), ctx.args.region
    return resolve(jobs, watched, now=now, region=region) + resolve_clusters(
        clusters, watched, now=now, region=region
    )


def _unfinished(ctx: Context, watched: list[WatchEntry]) -> list[WatchEntry]:
    from jobtui.store.watchlist import StateCache

    states = StateCache(ctx.paths.state_file).load()
    only_clusters = ctx.args.cluster
    left = [
        e
        for e in watched
        if (e.is_cluster or not only_clusters) and _unsettled(e, states.get(e.key))
    ]
    if not left and not ctx.args.quiet:
        said = "every watched job has finished" if watched else "the watchlist is empty"
        ctx.err(f"{said}; nothing to wait for.")
    return left


def _unsettled(entry: WatchEntry, state: Optional[JobState]) -> bool:
    """A job not known to have finished; a cluster known to be busy (it stays watched
    between operations, so one never seen busy is not waited for)."""
    if entry.is_cluster:
        return state is not None and state.moving
    return state is None or not state.terminal

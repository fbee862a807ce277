"""`jobtui add`: put jobs on the watchlist, from arguments or standard input."""

from __future__ import annotations

import argparse
from typing import Optional

from jobtui.api.endpoints import endpoint_for_region
from jobtui.commands import FAILED, OK
from jobtui.commands.context import Context
from jobtui.commands.lookup import checked, parse_spec
from jobtui.commands.sdk_project import default_project, region_project
from jobtui.commands.stdin_ids import read_stdin_ids
from jobtui.domain.errors import UsageError
from jobtui.domain.id_shape import ADDED_ANYWAY, shape_warnings
from jobtui.domain.state import CLUSTER, JOB, WatchEntry
from jobtui.domain.watch_key import cluster_key, is_cluster, item_id
from jobtui.domain.words import ALREADY_WATCHED, NOW_WATCHING, edit_line

NAME = "add"
HELP = "watch jobs, or clusters with --cluster (add them to the watchlist)"
EPILOG = """\
examples:
  jobtui add 05f2cff45100d5112f4bc00b794ea08e 2c9080e8845b207101845b245e1e0001
  jobtui add 05f2cff45100d5112f4bc00b794ea08e/2c9080e8845b207101845b245e1e0001 --label elb
  jobtui sim --list-jobs | jobtui add -
  hcloud DWS AssociateElb ... | jobtui add - --project 05f2cff45100d5112f4bc00b794ea08e
  jobtui add --cluster 05f2cff45100d5112f4bc00b794ea08e 6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a01

With '-', standard input holds one job per line: 'PROJECT_ID JOB_ID',
'PROJECT_ID/JOB_ID', or with --project a bare JOB_ID; or the JSON a DWS operation
answered (anything holding "job_id"); a line 'cluster PROJECT_ID CLUSTER_ID' (or
'cluster PROJECT_ID/CLUSTER_ID', or with --project 'cluster CLUSTER_ID') adds a
cluster, whose operations (create, resize, restart…) are watched. Bad lines are
reported with their number (the first 100) and the good ones are still added (exit
status 1 if any line was bad); lines longer than 4096 characters are skipped.

A bare JOB_ID without --project goes to the SDK's project: HUAWEICLOUD_SDK_PROJECT_ID,
or project_id in ~/.huaweicloud/credentials; with --region and neither, the project of
that name is asked of IAM (signed GET /v3/projects?name=REGION, as the SDK does) and
remembered in the state folder."""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "ids",
        nargs="+",
        metavar="ID",
        help="PROJECT_ID JOB_ID, PROJECT_ID/JOB_ID, JOB_ID with --project, or -",
    )
    parser.add_argument("--project", metavar="PROJECT_ID", help="project of bare job IDs")
    parser.add_argument("--label", metavar="TEXT", help="a name to show beside the job")
    parser.add_argument("--cluster", action="store_true", help="the IDs name a cluster, not a job")


def run(ctx: Context) -> int:
    args = ctx.args
    if args.region:
        endpoint_for_region(args.region)  # a typo is caught now, not at every poll
    project = args.project or default_project(ctx)
    if project is None and args.region and _bare(args.ids):
        project = region_project(ctx, args.region)
    keys, bad = _from_stdin(ctx, project) if args.ids == ["-"] else ([_key(args.ids, project)], 0)
    if args.cluster and args.ids != ["-"]:
        keys = [cluster_key(*key) for key in keys]
    entries = [_entry(ctx, key) for key in keys]
    added = ctx.watchlist.add(entries) if entries else []
    _report(ctx, entries, added)
    return FAILED if bad or not keys else OK


def _from_stdin(ctx: Context, project: Optional[str]) -> tuple[list[tuple[str, str]], int]:
    """The jobs piped in, and how many lines were bad (each reported on stderr)."""
    parsed = read_stdin_ids(ctx, project)
    return parsed.keys, parsed.error_count


def _bare(ids: list[str]) -> bool:
    """Job IDs without a project: one bare ID, or standard input."""
    return ids == ["-"] or (len(ids) == 1 and "/" not in ids[0])


def _key(ids: list[str], project: str | None) -> tuple[str, str]:
    if len(ids) > 2 or "-" in ids:
        raise UsageError(
            "Give PROJECT_ID JOB_ID, PROJECT_ID/JOB_ID, or '-' to read standard input."
        )
    if len(ids) == 2:
        found_project, job = checked(ids[0], ids[1], " ".join(ids))
    else:
        found_project, job = parse_spec(ids[0])
    found_project = found_project or project
    if found_project is None:
        raise UsageError(
            f"Job {job} needs a project: give PROJECT_ID JOB_ID or --project, or set "
            "HUAWEICLOUD_SDK_PROJECT_ID."
        )
    return found_project, job


def _entry(ctx: Context, key: tuple[str, str]) -> WatchEntry:
    return WatchEntry(
        key[0],
        item_id(key),
        added_at=ctx.clock().replace(microsecond=0),
        label=ctx.args.label,
        region=ctx.args.region,
        kind=CLUSTER if is_cluster(key) else JOB,
    )


def _report(ctx: Context, entries: list[WatchEntry], added: list[WatchEntry]) -> None:
    new = {e.key for e in added}
    for entry in entries:
        verb = NOW_WATCHING if entry.key in new else ALREADY_WATCHED
        ctx.out(edit_line(verb, entry.project_id, entry.job_id, cluster=entry.is_cluster))
        for sentence in shape_warnings(entry.project_id, entry.job_id, cluster=entry.is_cluster):
            ctx.err(f"warning: {sentence}; {ADDED_ANYWAY}.")

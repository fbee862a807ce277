"""`jobtui discover`: a project's clusters and what each is doing, in one request."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from jobtui.api.endpoints import endpoint_for_region
from jobtui.commands import OK
from jobtui.commands.cluster_output import phase_word, task_text
from jobtui.commands.context import Context
from jobtui.commands.output import clean, table
from jobtui.commands.sdk_project import default_project, region_project
from jobtui.domain.errors import UsageError

if TYPE_CHECKING:
    from jobtui.domain.cluster import ClusterRecord

NAME = "discover"
HELP = "list a project's clusters and what each is doing; --add watches the busy ones"
EPILOG = """\
examples:
  jobtui discover --project 05f2cff45100d5112f4bc00b794ea08e
  jobtui discover --region cn-north-4 --add

One request (GET /v1.0/{project_id}/clusters) for the whole project, whatever its
number of clusters. PHASE is 'running' while a task runs (GROWING, REBOOTING…) or the
status is transitional (CREATING, REDISTRIBUTING…), 'failed' after a failure, else
'done'. --add watches the running ones as 'jobtui add --cluster' would.
Without --project: the SDK's project (HUAWEICLOUD_SDK_PROJECT_ID or the credentials
file), or the project IAM names for --region."""
HEADERS = ("NAME", "STATUS", "TASK", "PHASE", "NODES", "PROJECT/CLUSTER", "NOTE")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--project", metavar="PROJECT_ID", help="the project to look in")
    parser.add_argument("--add", action="store_true", help="watch the clusters that are busy")
    parser.add_argument("--json", action="store_true", help="print a JSON array")


def run(ctx: Context) -> int:
    args = ctx.args
    if args.region:
        endpoint_for_region(args.region)
    project = args.project or default_project(ctx)
    if project is None and args.region:
        project = region_project(ctx, args.region)
    if project is None:
        raise UsageError(
            "discover needs a project: give --project PROJECT_ID or --region, or set "
            "HUAWEICLOUD_SDK_PROJECT_ID."
        )
    import asyncio

    clusters = asyncio.run(_list(ctx, project))
    if args.json:
        ctx.out(clean(json.dumps([_json(c) for c in clusters], indent=2), in_json=True))
    elif clusters:
        ctx.out(table([_row(c) for c in clusters], HEADERS, ctx.width()))
    else:
        ctx.err(f"project {project} has no clusters in this region.")
    if args.add:
        from jobtui.domain.discovery import busy_entries

        at = ctx.clock().replace(microsecond=0)
        wanted = busy_entries(clusters, at, args.region)
        added = {e.key for e in ctx.watchlist.add(wanted)} if wanted else set()
        for entry in wanted:
            state = "added" if entry.key in added else "already watched"
            ctx.err(f"{state}: cluster {entry.project_id}/{entry.job_id}")
        if not wanted:
            ctx.err("no cluster has an operation running; nothing added.")
    return OK


async def _list(ctx: Context, project: str) -> list[ClusterRecord]:
    from jobtui.commands.sessions import connections, poller, say_held

    async with connections(ctx) as conns:
        try:
            return await poller(conns, ctx.settings).list_clusters(project, ctx.args.region)
        finally:
            say_held(ctx, conns)


def _row(cluster: ClusterRecord) -> list[str]:
    return [
        clean(cluster.name),
        clean(cluster.status_text),
        clean(task_text(cluster)),
        phase_word(cluster),
        clean(cluster.number_of_node),
        f"{cluster.project_id}/{clean(cluster.cluster_id)}",
        clean(cluster.failure),
    ]


def _json(cluster: ClusterRecord) -> dict[str, object]:
    data = cluster.to_dict()
    data.update(phase=cluster.phase.value, task=cluster.task, progress=cluster.progress)
    data.update(failure=cluster.failure)
    return data

"""`jobtui discover`: a project's clusters and what each is doing, in one request."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Optional

from jobtui.api.endpoints import endpoint_for_region
from jobtui.commands import OK
from jobtui.commands.cluster_output import phase_word, task_text
from jobtui.commands.context import Context
from jobtui.commands.job_output import configure_output
from jobtui.commands.output import clean
from jobtui.commands.sdk_project import default_project, region_project
from jobtui.commands.table_fit import Column, first_fitting, render
from jobtui.domain.errors import UsageError
from jobtui.domain.watch_key import cluster_key
from jobtui.domain.words import ALREADY_WATCHED, NOW_WATCHING, edit_line

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
Output (-o): 'table' fits the terminal: NAME, STATUS, TASK and NOTE are shortened
with '…' (a task keeps its progress figure: 'GROW… 32%'), then the ID column keeps
only the cluster ID (the project is the one asked), then NODES, NOTE and PHASE go in
turn; the cluster ID is never cut.
'wide' cuts nothing; 'json' is an array of objects; 'tsv' is tab-separated.
Without --project: the SDK's project (HUAWEICLOUD_SDK_PROJECT_ID or the credentials
file), or the project IAM names for --region."""
ID = "PROJECT/CLUSTER"
ID_ONLY = "CLUSTER ID"
HEADERS = ("NAME", "STATUS", "TASK", "PHASE", "NODES", ID, "NOTE")
# Shortened with '…' down to these on a narrow terminal; the cluster ID never is.
FLOORS = {"NAME": 12, "STATUS": 8, "TASK": 9, "NOTE": 12}
# After the project goes from the ID column, these go in turn until the table fits.
DROP_ORDER = ("NODES", "NOTE", "PHASE")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--project", metavar="PROJECT_ID", help="the project to look in")
    parser.add_argument("--add", action="store_true", help="watch the clusters that are busy")
    configure_output(parser)


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
    form = args.output or ("table" if ctx.tty else "wide")
    if form == "json":
        ctx.out(clean(json.dumps([_json(c) for c in clusters], indent=2), in_json=True))
    elif clusters:
        width = ctx.width() if form == "table" else None
        ctx.out("\n".join(_lines(clusters, form, width, not args.no_headers)))
    else:
        ctx.err(f"project {project} has no clusters in this region.")
    if args.add:
        from jobtui.domain.discovery import busy_entries

        at = ctx.clock().replace(microsecond=0)
        wanted = busy_entries(clusters, at, args.region)
        added = {e.key for e in ctx.watchlist.add(wanted)} if wanted else set()
        for entry in wanted:
            verb = NOW_WATCHING if entry.key in added else ALREADY_WATCHED
            ctx.err(edit_line(verb, entry.project_id, entry.job_id, cluster=True))
        if not wanted:
            ctx.err("no cluster has an operation running; nothing added.")
    _record(ctx, clusters)
    return OK


async def _list(ctx: Context, project: str) -> list[ClusterRecord]:
    from jobtui.commands.sessions import connections, poller, say_held

    async with connections(ctx) as conns:
        try:
            return await poller(conns, ctx.settings).list_clusters(project, ctx.args.region)
        finally:
            say_held(ctx, conns)


def _lines(
    clusters: list[ClusterRecord], form: str, width: Optional[int], headers: bool
) -> list[str]:
    """The table fitted to `width` (see EPILOG), or TSV: every cell whole."""
    rows = [_row(c) for c in clusters]
    if form == "tsv":
        head = ["\t".join(HEADERS)] if headers else []
        return head + ["\t".join(r) for r in rows]
    cells = {name: [r[i] for r in rows] for i, name in enumerate(HEADERS)}
    cells[ID_ONLY] = [clean(c.cluster_id) for c in clusters]

    def columns(names: list[str]) -> list[Column]:
        return [Column(name, cells[name], FLOORS.get(name, 0)) for name in names]

    # Every row has the project asked for: the cluster ID alone still says which.
    stages = [list(HEADERS), [ID_ONLY if n == ID else n for n in HEADERS]]
    for name in DROP_ORDER:
        stages.append([n for n in stages[-1] if n != name])
    if width is None:
        return render(columns(stages[0]), None, headers=headers)
    return render(
        first_fitting([columns(names) for names in stages], width), width, headers=headers
    )


def _record(ctx: Context, clusters: list[ClusterRecord]) -> None:
    """What discover saw of watched clusters goes to the state cache, as `status` does:
    `jobtui list` and the monitor then show them at once."""
    from jobtui.commands.record import record_states
    from jobtui.domain.state import JobState

    at = ctx.clock()
    keys = [cluster_key(c.project_id, c.cluster_id) for c in clusters]
    record_states(ctx, {k: JobState(k).with_cluster(c, at) for k, c in zip(keys, clusters)})


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

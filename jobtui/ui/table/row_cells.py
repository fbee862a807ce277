"""What one table row says: each column's cell for a watched job, and the header's titles.

Pure (rich only). A cluster's row takes its own cells where they differ
(`cluster_cells`); the rest (label, IDs, project, region) are shared.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Optional

from rich.text import Text

from jobtui.domain.model import Status
from jobtui.domain.state import WatchedJob
from jobtui.domain.timefmt import duration
from jobtui.ui import render
from jobtui.ui.table import cluster_cells
from jobtui.ui.table.column_layout import Layout
from jobtui.ui.table.row_context import BAR_WIDTH_SPARE, Cell, RowContext, bar_cell

__all__ = ["BAR_WIDTH_SPARE", "CELLS", "RowContext", "header_text", "row_text"]


def status_cell(job: WatchedJob, ctx: RowContext, width: int, shown: Optional[float]) -> Text:
    record, error = job.state.record, job.state.error
    if record is None:
        return render.status_text(render.unanswered_look(error.kind) if error else render.NO_ANSWER)
    look = render.STATUS_LOOKS[record.status]
    word = record.status_text if record.status is Status.UNKNOWN else None
    if error is not None:
        # The last poll failed: keep the status, flag it with "!" (not colour alone).
        look = render.StatusLook("!", look.word, look.style)
    return render.status_text(look, word)


def progress_cell(job: WatchedJob, ctx: RowContext, width: int, shown: Optional[float]) -> Text:
    record = job.state.record
    status = record.status if record else None
    return bar_cell(record.progress if record else None, shown, status, width, ctx)


def name_cell(job: WatchedJob, ctx: RowContext, width: int, shown: Optional[float]) -> Text:
    record = job.state.record
    if record is not None and record.job_name:
        return Text(render.literal(record.job_name))
    # No name yet (no answer, or none given): the job ID's tail keeps the row recognisable.
    tail = render.short_id(job.entry.job_id, max(1, width - 1), tail=True)
    return Text(ctx.glyphs.ellipsis + tail, style="dim")


def label_cell(job: WatchedJob, ctx: RowContext, width: int, shown: Optional[float]) -> Text:
    return Text(render.literal(job.entry.label))


def job_cell(job: WatchedJob, ctx: RowContext, width: int, shown: Optional[float]) -> Text:
    # DWS job IDs from one cluster share a long prefix; the tail tells them apart.
    return Text(render.short_id(job.entry.job_id, width, tail=True), style="dim")


def project_cell(job: WatchedJob, ctx: RowContext, width: int, shown: Optional[float]) -> Text:
    label = ctx.project_labels.get(job.entry.project_id)
    if label:
        return Text(render.literal(label))
    return Text(render.short_id(job.entry.project_id, width), style="dim")


def region_cell(job: WatchedJob, ctx: RowContext, width: int, shown: Optional[float]) -> Text:
    return Text(render.literal(job.entry.region))


def started_cell(job: WatchedJob, ctx: RowContext, width: int, shown: Optional[float]) -> Text:
    record = job.state.record
    return Text(render.clock_time(record.begin_time if record else None, ctx.now, ctx.zone))


def elapsed_cell(job: WatchedJob, ctx: RowContext, width: int, shown: Optional[float]) -> Text:
    """Always a duration: begin to end for a finished job, begin to now for the rest."""
    record = job.state.record
    if record is None:
        return Text("")
    style = "dim" if record.terminal else ""
    return Text(duration(record.elapsed(ctx.now), seconds=ctx.seconds_clock), style=style)


def ended_cell(job: WatchedJob, ctx: RowContext, width: int, shown: Optional[float]) -> Text:
    """How long ago a finished job ended: an age, never a duration."""
    record = job.state.record
    if record is None or not record.terminal or record.end_time is None:
        return Text("")
    return Text(render.ago(ctx.now - record.end_time), style="dim")


def failure_cell(job: WatchedJob, ctx: RowContext, width: int, shown: Optional[float]) -> Text:
    record = job.state.record
    failed = record.failed_code if record else None
    if failed is None:
        return Text("")
    return Text(render.literal(failed.code or failed.raw), style="red")


CELLS: Mapping[str, Cell] = {
    "status": status_cell,
    "progress": progress_cell,
    "name": name_cell,
    "label": label_cell,
    "job": job_cell,
    "project": project_cell,
    "region": region_cell,
    "started": started_cell,
    "elapsed": elapsed_cell,
    "ended": ended_cell,
    "failure": failure_cell,
}
# A cluster's row: its own cells where a cluster says something else than a job.
CLUSTER_CELLS: Mapping[str, Cell] = {**CELLS, **cluster_cells.CELLS}


def row_text(
    job: WatchedJob,
    layout: Layout,
    ctx: RowContext,
    shown: Optional[float] = None,
) -> Text:
    """One row, every cell fitted to its column; `shown` is an animated progress value."""
    line = Text(no_wrap=True, end="")
    cells = CLUSTER_CELLS if job.entry.is_cluster else CELLS
    for index, (column, width) in enumerate(layout):
        if index:
            line.append(" ")
        cell = cells[column.id](job, ctx, width, shown)
        line.append_text(render.fit(cell, width, ctx.glyphs, column.justify))
    if job.state.stale:
        line.stylize("italic")
    return line


def header_text(
    layout: Layout,
    sort_column: Optional[str],
    reverse: bool,
    glyphs: render.Glyphs,
) -> Text:
    """Column titles, the sorted one marked with its direction."""
    line = Text(no_wrap=True, end="", style="bold")
    for index, (column, width) in enumerate(layout):
        if index:
            line.append(" ")
        title = column.title
        if column.id == sort_column:
            title += " " + (glyphs.descending if reverse else glyphs.ascending)
        line.append_text(render.fit(Text(title), width, glyphs, column.justify))
    return line

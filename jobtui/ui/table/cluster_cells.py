"""A watched cluster's cells: the ones where a cluster says something else than a job.

Pure (rich only). The status column says the running task (or the phase), the bar
is the task's `action_progress`, the name carries a cluster mark and the status
words, the failure column the failing task status or reason. Server text is literal.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Optional

from rich.text import Text

from jobtui.domain.cluster_phase import Phase
from jobtui.domain.state import WatchedJob
from jobtui.domain.timefmt import duration
from jobtui.ui import cluster_look, render
from jobtui.ui.table.row_context import Cell, RowContext, bar_cell

# The fewest characters of the status words worth showing in a narrow name column.
WORDS_LEAST = 8
# The status of a cluster that is up: said by every healthy row, so dropped first.
USUAL = "AVAILABLE"


def status_cell(job: WatchedJob, ctx: RowContext, width: int, shown: Optional[float]) -> Text:
    cluster, error = job.state.cluster, job.state.error
    if cluster is None:
        return render.status_text(render.unanswered_look(error.kind) if error else render.NO_ANSWER)
    look = cluster_look.PHASE_LOOKS[cluster.phase]
    if error is not None:
        look = render.StatusLook("!", look.word, look.style)  # last poll failed, as for jobs
    return render.status_text(look, cluster_look.row_word(cluster))


def progress_cell(job: WatchedJob, ctx: RowContext, width: int, shown: Optional[float]) -> Text:
    cluster = job.state.cluster
    status = cluster_look.bar_status(cluster) if cluster else None
    if cluster is None or status is None:
        return Text("")  # nothing runs: no bar (a settled cluster is not "100%" of anything)
    return bar_cell(cluster.progress, shown, status, width, ctx)


def name_cell(job: WatchedJob, ctx: RowContext, width: int, shown: Optional[float]) -> Text:
    """`◆ name  AVAILABLE/REDISTRIBUTING`: the mark says cluster, the words its status."""
    cluster = job.state.cluster
    ascii_only = ctx.glyphs is render.ASCII
    cell = Text(cluster_look.MARK_ASCII if ascii_only else cluster_look.MARK_UNICODE)
    cell.append(" ")
    if cluster is not None and cluster.name:
        cell.append(render.literal(cluster.name))
    else:
        cell.append(render.short_id(job.entry.job_id, max(1, width - 2), tail=True), style="dim")
    words = render.literal(cluster_look.status_words(cluster)) if cluster is not None else ""
    words = _words_for(words, width - cell.cell_len - 2)
    if words:
        cell.append("  " + words, style="dim")
    return cell


def _words_for(words: str, room: int) -> str:
    """The status words, else the words after AVAILABLE (the usual status, so the least
    telling: `NORMAL`, `REDISTRIBUTING`), whole when they fit; else the shorter of them,
    to be cut by the column, if at least WORDS_LEAST characters show. Words cut to a
    stub ("AV…") say nothing: the status column and the detail have them."""
    usual = words.startswith(USUAL) and words[len(USUAL) : len(USUAL) + 1] in ("/", " ")
    telling = words[len(USUAL) + 1 :] if usual else words
    for option in (words, telling):
        if option and len(option) <= room:
            return option
    return telling if room >= min(len(telling), WORDS_LEAST) else ""


def started_cell(job: WatchedJob, ctx: RowContext, width: int, shown: Optional[float]) -> Text:
    cluster, transitions = job.state.cluster, job.state.transitions
    if cluster is None or cluster.phase is not Phase.RUNNING or not transitions:
        return Text("")
    return Text(render.clock_time(transitions[-1].at, ctx.now, ctx.zone))


def elapsed_cell(job: WatchedJob, ctx: RowContext, width: int, shown: Optional[float]) -> Text:
    """How long the running task has been seen: a duration, as for a running job."""
    state = job.state
    if state.cluster is None or state.cluster.phase is not Phase.RUNNING or not state.transitions:
        return Text("")
    return Text(duration(ctx.now - state.transitions[-1].at, seconds=ctx.seconds_clock))


def ended_cell(job: WatchedJob, ctx: RowContext, width: int, shown: Optional[float]) -> Text:
    """How long ago the cluster settled (its last operation ended): an age."""
    state = job.state
    if state.cluster is None or state.cluster.phase is Phase.RUNNING or not state.transitions:
        return Text("")
    return Text(render.ago(ctx.now - state.transitions[-1].at), style="dim")


def failure_cell(job: WatchedJob, ctx: RowContext, width: int, shown: Optional[float]) -> Text:
    """The reason's code (the detail pane has the rest), else the failing word."""
    cluster = job.state.cluster
    if cluster is None or cluster.failure is None:
        return Text("")
    reason = cluster.failed_reasons
    code = reason.error_code if reason else None
    return Text(render.literal(code or cluster.failure), style="red")


CELLS: Mapping[str, Cell] = {
    "status": status_cell,
    "progress": progress_cell,
    "name": name_cell,
    "started": started_cell,
    "elapsed": elapsed_cell,
    "ended": ended_cell,
    "failure": failure_cell,
}

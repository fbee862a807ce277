"""`wait`'s live lines fitted to the terminal, the failure code always whole.

Until every line fits, one step at a time: the failure detail is cut with '…', the
name is shortened to 12 characters, the progress bar goes, the job ID becomes its
shortest unique tail, and the name goes. A failure code never is cut but at the very
last (a terminal narrower than status, percentage, ID and code together).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Callable, Optional

from jobtui.commands.output import NOT_ASKED, clean, progress_text, status_word
from jobtui.commands.short_ids import unique_tails
from jobtui.commands.table_fit import cell_width, shorten
from jobtui.domain.cluster import ClusterRecord
from jobtui.domain.cluster_phase import Phase
from jobtui.domain.state import WatchedJob

BAR_WIDTH = 20
NAME_ROOM = 12


@dataclass(frozen=True)
class Form:
    """How much of a job a line shows."""

    bar: bool = True
    name_room: Optional[int] = None  # None: whole; 0: no name
    ident: Optional[Callable[[WatchedJob], str]] = None  # None: the whole job ID


def bar(job: WatchedJob) -> str:
    record = job.state.record or job.state.cluster
    value = record.progress if record is not None and record.progress is not None else 0.0
    done = round(BAR_WIDTH * value / 100)
    return "[" + "#" * done + "-" * (BAR_WIDTH - done) + "]"


def fitted_lines(jobs: Sequence[WatchedJob], width: int) -> list[str]:
    """One line per job, each at most `width` - 1 columns (no wrap in the last column)."""
    room = width - 1
    tail = unique_tails(jobs)
    forms = [
        Form(), Form(name_room=NAME_ROOM), Form(bar=False, name_room=NAME_ROOM),
        Form(bar=False, name_room=NAME_ROOM, ident=tail), Form(bar=False, name_room=0, ident=tail),
    ]  # fmt: skip
    for form in forms:
        heads = [head_and_rest(job, form) for job in jobs]
        if all(cell_width(head) <= room for head, _ in heads):
            break
    return [shorten(head + rest, room) for head, rest in heads]


def head_and_rest(job: WatchedJob, form: Form) -> tuple[str, str]:
    """The line up to the end of the failure code (kept whole), and the rest (may be cut)."""
    record, cluster = job.state.record, job.state.cluster
    said = record.job_name if record else cluster.name if cluster else None
    name = clean(job.entry.label or said or "")
    if form.name_room is not None:
        name = shorten(name, form.name_room) if form.name_room else ""
    parts = [
        f"{status_word(job):<15}",
        bar(job) if form.bar else "",
        f"{progress_text(job):>5}",
        name,
        form.ident(job) if form.ident else job.entry.job_id,
    ]
    code, detail = _code_and_detail(job)
    head = "  ".join(p for p in [*parts, code] if p)
    return head, (" " if code else "  ") + detail if detail else ""


def _code_and_detail(job: WatchedJob) -> tuple[str, str]:
    """The failure code and what follows it; an error's sentence is all detail."""
    error, record = job.state.error, job.state.record
    if error is not None:
        return "", ("" if error.kind == NOT_ASKED else "error: ") + clean(error.message)
    cluster = job.state.cluster
    if cluster is not None:
        return _cluster_code_and_detail(cluster)
    if record is None:
        return "", ""
    code = clean(record.failed_code.raw) if record.failed_code else ""
    return code, clean(record.failed_detail or "")


def _cluster_code_and_detail(cluster: ClusterRecord) -> tuple[str, str]:
    """A failed operation's error code (or failed task status), then its message."""
    if cluster.phase is not Phase.FAILED:
        return "", ""
    reason = cluster.failed_reasons
    code = (reason.error_code if reason else None) or cluster.task_status or cluster.status
    return clean(code), clean((reason.error_msg if reason else None) or "")

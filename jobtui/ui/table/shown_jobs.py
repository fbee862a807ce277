"""Which jobs the table shows (the filter), in what order (the sort), and how many.

Pure: no Textual. The sort keys are in `sort_keys`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Callable, Optional

from jobtui.domain.cluster_phase import Phase
from jobtui.domain.state import JobKey, WatchedJob
from jobtui.ui.cluster_look import PHASE_LOOKS
from jobtui.ui.render import STATUS_LOOKS
from jobtui.ui.table.column_layout import COLUMN_IDS
from jobtui.ui.table.sort_keys import SORT_KEYS, sort_jobs

__all__ = ["SORT_KEYS", "matches", "search_text", "sort_jobs", "visible_keys"]


def is_active(job: WatchedJob) -> bool:
    """Not finished yet, or a cluster's operation running (no answer yet counts as active)."""
    if job.entry.is_cluster:
        cluster = job.state.cluster
        return cluster is None or cluster.phase is Phase.RUNNING
    return not job.state.terminal


def search_text(job: WatchedJob) -> str:
    """Everything `/` matches against, case-folded: name, label, IDs, status, failure."""
    record, cluster = job.state.record, job.state.cluster
    parts = [job.entry.label, job.entry.project_id, job.entry.job_id, job.entry.region]
    if job.entry.is_cluster:
        parts.append("cluster")
    if cluster is not None:
        words = (cluster.status, cluster.sub_status, cluster.task_status, cluster.failure)
        parts += [cluster.name, *words, PHASE_LOOKS[cluster.phase].word]
    if record is not None:
        failed = record.failed_code.raw if record.failed_code else None
        word = STATUS_LOOKS[record.status].word
        parts += [record.job_name, record.status_text, failed, word]
    return "\n".join(part for part in parts if part).casefold()


def matches(
    job: WatchedJob,
    query: str,
    active_only: bool = False,
    haystack: Callable[[WatchedJob], str] = search_text,
) -> bool:
    """True when every word of `query` appears in the job's searchable text."""
    if active_only and not is_active(job):
        return False
    words = query.casefold().split()
    if not words:
        return True
    text = haystack(job)
    return all(word in text for word in words)


def visible_keys(
    jobs: Iterable[WatchedJob],
    *,
    query: str,
    active_only: bool,
    column: Optional[str],
    reverse: bool,
    now: datetime,
    haystack: Callable[[WatchedJob], str] = search_text,
) -> list[JobKey]:
    """The keys the table shows, filtered then sorted."""
    shown = [job for job in jobs if matches(job, query, active_only, haystack)]
    return [job.entry.key for job in sort_jobs(shown, column, reverse, now)]


def status_counts(jobs: Iterable[WatchedJob]) -> dict[str, int]:
    """How many jobs are in each status word (`-` for jobs with no answer yet); a
    cluster counts under its phase word."""
    return dict(Counter(map(_status_word, jobs)))


def _status_word(job: WatchedJob) -> str:
    record, cluster = job.state.record, job.state.cluster
    if cluster is not None:
        return PHASE_LOOKS[cluster.phase].word
    return record.status_text if record else "-"


def next_column(current: Optional[str], columns: Sequence[str] = COLUMN_IDS) -> str:
    """The column `s` moves the sort to."""
    if current not in columns:
        return columns[0]
    return columns[(columns.index(current) + 1) % len(columns)]

"""Which jobs the table shows (the filter), in what order (the sort), and how many.

Pure: no Textual. Sort keys come from the data, never from rendered cells, so
sorting a column of styled `Text` works and is stable.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any, Callable, Optional

from jobtui.domain.model import Status
from jobtui.domain.state import JobKey, WatchedJob
from jobtui.ui.render import STATUS_LOOKS
from jobtui.ui.table.column_layout import COLUMN_IDS

# Failures first: what a DBA sorts by status for is what needs attention.
STATUS_ORDER = {
    Status.FAIL: 0,
    Status.RUNNING: 1,
    Status.DELAY_SCHEDULED: 2,
    Status.WAITING: 3,
    Status.INIT: 4,
    Status.STOP: 5,
    Status.SUCCESS: 6,
    Status.UNKNOWN: 7,
}


def _record_field(name: str) -> Callable[[WatchedJob, datetime], Any]:
    def key(job: WatchedJob, now: datetime) -> Any:
        record = job.state.record
        return getattr(record, name) if record is not None else None

    return key


def _text(value: Optional[str]) -> Optional[str]:
    return value.casefold() if value else None


def _status_key(job: WatchedJob, now: datetime) -> Any:
    record = job.state.record
    return None if record is None else (STATUS_ORDER[record.status], record.status_text)


def _progress_key(job: WatchedJob, now: datetime) -> Any:
    record = job.state.record
    if record is None:
        return None
    return 100.0 if record.status is Status.SUCCESS else record.progress


def _elapsed_key(job: WatchedJob, now: datetime) -> Any:
    record = job.state.record
    elapsed = record.elapsed(now) if record is not None else None
    return elapsed.total_seconds() if elapsed is not None else None


def _ended_key(job: WatchedJob, now: datetime) -> Any:
    record = job.state.record
    if record is None or not record.terminal or record.end_time is None:
        return None
    return now - record.end_time  # an age: the latest ended first, as the column reads


def _failure_key(job: WatchedJob, now: datetime) -> Any:
    record = job.state.record
    return _text(record.failed_code.raw) if record and record.failed_code else None


SORT_KEYS: Mapping[str, Callable[[WatchedJob, datetime], Any]] = {
    "status": _status_key,
    "progress": _progress_key,
    "name": lambda job, now: _text(job.state.record.job_name if job.state.record else None),
    "label": lambda job, now: _text(job.entry.label),
    "job": lambda job, now: job.entry.job_id,
    "project": lambda job, now: job.entry.project_id,
    "region": lambda job, now: _text(job.entry.region),
    "started": _record_field("begin_time"),
    "elapsed": _elapsed_key,
    "ended": _ended_key,
    "failure": _failure_key,
}


def sort_jobs(
    jobs: Sequence[WatchedJob], column: Optional[str], reverse: bool, now: datetime
) -> list[WatchedJob]:
    """Stable sort by `column`; jobs without a value go last in either direction."""
    if column is None:
        return list(reversed(jobs)) if reverse else list(jobs)
    key = SORT_KEYS[column]
    keyed = [(key(job, now), job) for job in jobs]
    present = [pair for pair in keyed if pair[0] is not None]
    missing = [job for value, job in keyed if value is None]
    present.sort(key=lambda pair: pair[0], reverse=reverse)
    return [job for _, job in present] + missing


def is_active(job: WatchedJob) -> bool:
    """Not finished yet (a job with no answer yet counts as active)."""
    return not job.state.terminal


def search_text(job: WatchedJob) -> str:
    """Everything `/` matches against, case-folded: name, label, IDs, status, failure."""
    record = job.state.record
    parts = [job.entry.label, job.entry.project_id, job.entry.job_id, job.entry.region]
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
    """How many jobs are in each status word (`-` for jobs with no answer yet)."""
    return dict(Counter(job.state.record.status_text if job.state.record else "-" for job in jobs))


def next_column(current: Optional[str], columns: Sequence[str] = COLUMN_IDS) -> str:
    """The column `s` moves the sort to."""
    if current not in columns:
        return columns[0]
    return columns[(columns.index(current) + 1) % len(columns)]

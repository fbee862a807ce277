"""Sort keys of the table's columns, from the data, never from rendered cells.

Pure: no Textual. Sorting a column of styled `Text` thus works and is stable; a
cluster's row sorts by its own fields (its phase reads as the job status it means).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, Callable, Optional

from jobtui.domain.cluster import ClusterRecord
from jobtui.domain.cluster_phase import Phase
from jobtui.domain.model import Status
from jobtui.domain.state import WatchedJob
from jobtui.ui.cluster_look import PHASE_STATUS, bar_value, row_word

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


def _or_cluster(
    job_key: Callable[[WatchedJob, datetime], Any], cluster_key: Callable[[ClusterRecord], Any]
) -> Callable[[WatchedJob, datetime], Any]:
    """A sort key that reads a cluster's own field for a cluster's row."""

    def key(job: WatchedJob, now: datetime) -> Any:
        if job.entry.is_cluster:
            cluster = job.state.cluster
            return None if cluster is None else cluster_key(cluster)
        return job_key(job, now)

    return key


def _cluster_status(cluster: ClusterRecord) -> Any:
    return (STATUS_ORDER[PHASE_STATUS[cluster.phase]], row_word(cluster))


def _since(job: WatchedJob) -> Optional[datetime]:
    """When a cluster's current activity was first seen (what its started cell shows)."""
    transitions = job.state.transitions
    return transitions[-1].at if job.state.cluster is not None and transitions else None


def _started_key(job: WatchedJob, now: datetime) -> Any:
    record = job.state.record
    return _since(job) if job.entry.is_cluster else record.begin_time if record else None


def _elapsed_or_since(job: WatchedJob, now: datetime) -> Any:
    since = _since(job) if job.entry.is_cluster else None
    return (now - since).total_seconds() if since is not None else _elapsed_key(job, now)


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
    if job.entry.is_cluster:
        settled = job.state.cluster is not None and job.state.cluster.phase is not Phase.RUNNING
        transitions = job.state.transitions
        return now - transitions[-1].at if settled and transitions else None
    record = job.state.record
    if record is None or not record.terminal or record.end_time is None:
        return None
    return now - record.end_time  # an age: the latest ended first, as the column reads


def _failure_key(job: WatchedJob, now: datetime) -> Any:
    record = job.state.record
    return _text(record.failed_code.raw) if record and record.failed_code else None


SORT_KEYS: Mapping[str, Callable[[WatchedJob, datetime], Any]] = {
    "status": _or_cluster(_status_key, _cluster_status),
    "progress": _or_cluster(_progress_key, bar_value),
    "name": _or_cluster(
        lambda job, now: _text(job.state.record.job_name if job.state.record else None),
        lambda cluster: _text(cluster.name),
    ),
    "label": lambda job, now: _text(job.entry.label),
    "job": lambda job, now: job.entry.job_id,
    "project": lambda job, now: job.entry.project_id,
    "region": lambda job, now: _text(job.entry.region),
    "started": _started_key,
    "elapsed": _elapsed_or_since,
    "ended": _ended_key,
    "failure": _or_cluster(_failure_key, lambda cluster: _text(cluster.failure)),
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

"""How `status`, `list` and `wait` print a watched cluster: a row, a line, JSON.

A cluster's row reads in the job table's columns: its status words, the running task
and its progress, its name, and the failure (or the last fetch's error) as the note.
"""

from __future__ import annotations

from typing import Any, Optional

from jobtui.domain.cluster import ClusterRecord
from jobtui.domain.state import WatchedJob


def task_text(cluster: Optional[ClusterRecord]) -> str:
    """`GROWING 30%`, `GROWING`, or `-` when no task runs."""
    if cluster is None or cluster.task is None:
        return "-"
    progress = cluster.progress
    return cluster.task if progress is None else f"{cluster.task} {progress:g}%"


def phase_word(cluster: Optional[ClusterRecord]) -> str:
    return cluster.phase.value if cluster is not None else "?"


def cluster_json(job: WatchedJob) -> dict[str, Any]:
    """The object `status --json` and `list --json` print for a cluster."""
    state, cluster = job.state, job.state.cluster
    data = job.to_json()
    for gone in ("job_id", "job_name", "begin_time", "end_time", "failed_code", "failed_detail"):
        data.pop(gone)
    record = cluster.to_dict() if cluster is not None else {}
    data.update(
        kind="cluster",
        cluster_id=job.entry.job_id,
        name=record.get("name"),
        status=cluster.status if cluster else None,
        phase=cluster.phase.value if cluster else None,
        task=cluster.task if cluster else None,
        progress=cluster.progress if cluster else None,
        failure=cluster.failure if cluster else None,
        history=[[t.at.isoformat(), t.status] for t in state.transitions],
    )
    for name in ("sub_status", "task_status", "action_progress", "failed_reasons",
                 "resize_info", "version", "created", "updated", "number_of_node",
                 "node_type"):  # fmt: skip
        data[name] = record.get(name)
    return data

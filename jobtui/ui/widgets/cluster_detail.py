"""The detail pane's content for a watched cluster (pure; server text literal).

Every field the cluster API gives about an operation, the task history (each change of
the running task or status words, as the poller saw it), what the cluster is, and the
last poll.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Optional

from rich.text import Text

from jobtui.domain.cluster import ClusterRecord
from jobtui.domain.model import parse_time
from jobtui.domain.state import JobState, NextCheck, WatchedJob
from jobtui.ui.cluster_look import PHASE_LOOKS, row_word
from jobtui.ui.failure_codes import explain
from jobtui.ui.render import literal
from jobtui.ui.widgets.detail_text import (
    RetryInfo,
    eta_words,
    extra_rows,
    history,
    identity,
    last_poll,
    rows,
    stamp,
    title,
)
from jobtui.ui.widgets.sparkline import sparkline


def cluster_detail_text(
    job: WatchedJob,
    now: datetime,
    zone: Optional[tzinfo] = None,
    retry: Optional[RetryInfo] = None,
    upcoming: Optional[NextCheck] = None,
    *,
    seconds: bool = False,
) -> Text:
    """Every field of the cluster, its failure, task history and last poll, in reading order.

    As for a job, a failure comes right under the title, with its request ID.
    """
    state, cluster = job.state, job.state.cluster
    failure = _failure(cluster) if cluster is not None else Text()
    parts = [_title(job, now), failure, identity(job, "Cluster ID")]
    if cluster is None:
        parts.append(Text("No answer from the API yet.", style="italic"))
    else:
        parts += [_operation(cluster, state, now, seconds), _resize(cluster, zone)]
    # What the operation did comes before what the cluster is (name, version, nodes…).
    parts.append(history(state, zone, "Task history"))
    if cluster is not None:
        parts += [_cluster(cluster, zone), extra_rows(cluster.extra)]
    parts.append(last_poll(state, zone, retry, upcoming, bool(failure.plain)))
    return Text("\n\n").join(p for p in parts if p.plain)


def _title(job: WatchedJob, now: datetime) -> Text:
    cluster = job.state.cluster
    shown = (PHASE_LOOKS[cluster.phase], row_word(cluster)) if cluster else None
    return title(job, now, shown, cluster.name if cluster else None, "cluster ")


def _operation(cluster: ClusterRecord, state: JobState, now: datetime, seconds: bool) -> Text:
    """What runs: the phase, status words, task and every task's progress as sent."""
    progress = ", ".join(
        f"{literal(task)} {literal(value)}" for task, value in cluster.action_progress
    )
    spark = sparkline([s.progress for s in state.samples]) if cluster.task else ""
    return rows(
        [
            ("Operation", PHASE_LOOKS[cluster.phase].word.lower()),
            ("Status", cluster.status),
            ("Sub-status", cluster.sub_status),
            ("Task status", cluster.task_status),
            ("Progress", progress or None),
            ("History", spark or None),
            ("ETA", eta_words(state, now, seconds)),
        ]
    )


def _failure(cluster: ClusterRecord) -> Text:
    """Why the operation failed: the reason's code, message and meaning, the failed task,
    and the request ID Huawei support asks for."""
    if cluster.failure is None:
        return Text()
    reason = cluster.failed_reasons
    code = reason.error_code if reason else None
    return rows(
        [
            ("Failed", cluster.failure),
            ("Error code", code),
            ("Error msg", reason.error_msg if reason else None),
            ("Meaning", explain(code)),
            ("Request ID", cluster.request_id),
        ]
    )


def _resize(cluster: ClusterRecord, zone: Optional[tzinfo]) -> Text:
    info = cluster.resize_info
    if info is None:
        return Text()
    nodes = f"{literal(info.origin_node_num) or '?'} -> {literal(info.target_node_num) or '?'}"
    began = parse_time(info.start_time)
    return rows(
        [
            ("Resize nodes", nodes),
            ("Resize state", info.resize_status),
            ("Resize began", stamp(began, zone) if began else info.start_time),
        ]
    )


def _cluster(cluster: ClusterRecord, zone: Optional[tzinfo]) -> Text:
    return rows(
        [
            ("Name", cluster.name),
            ("Version", cluster.version),
            ("Nodes", cluster.number_of_node),
            ("Node type", cluster.node_type),
            ("Created", stamp(cluster.created, zone) if cluster.created else None),
            ("Updated", stamp(cluster.updated, zone) if cluster.updated else None),
        ]
    )

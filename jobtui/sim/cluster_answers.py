"""The simulator's cluster answers, as ListClusterDetails and ListClusters read them."""

from __future__ import annotations

from typing import Any, Optional

from jobtui.sim.backend import Backend
from jobtui.sim.faults import Fault
from jobtui.sim.responses import JSON, Reply, fault_reply


def cluster_answer(
    sim: Backend, project_id: str, cluster_id: Optional[str]
) -> Optional[dict[str, Any]]:
    """`{"cluster": {...}}` for one cluster (None: 404), or the project's list."""
    now, start = sim.now(), sim.started_at
    if cluster_id is None:
        shown = [c.body_at(now, start) for c in sim.scenario.clusters_of(project_id)]
        found = [body for body in shown if body is not None]
        return {"clusters": found, "count": len(found)}
    cluster = sim.scenario.cluster(project_id, cluster_id)
    body = cluster.body_at(now, start) if cluster is not None else None
    return None if body is None else {"cluster": body}


def cluster_fault(
    fault: Fault, answer: Optional[dict[str, Any]], request_id: str
) -> Optional[Reply]:
    """A fault's reply; one that spoils the record (wrong_types…) spoils the cluster in it."""
    inner = answer.get("cluster") if answer else None
    reply = fault_reply(fault, inner if isinstance(inner, dict) else answer, request_id)
    if reply is None or not isinstance(inner, dict) or reply.status != 200:
        return reply
    if reply.content_type != JSON or reply.headers.get("Content-Encoding"):
        return reply
    head = b'{"cluster": '
    return Reply(200, head + reply.body + b"}", JSON, reply.headers, reply.unsized)

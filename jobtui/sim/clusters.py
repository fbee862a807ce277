"""Cluster timelines: what GET /v1.0/{project_id}/clusters[/{cluster_id}] shows over time.

A cluster shows the fields of its latest step at or before the current scenario time,
merged over the earlier steps. A step's `progress` is the running task's entry in
`action_progress`, climbing linearly towards the next step's figure while that task
runs; a step without a task clears `task_status` and `action_progress`. The file
format is described in SCENARIOS.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Optional

CLUSTER_KEYS = {
    "project_id", "cluster_id", "name", "region", "node_type", "number_of_node",
    "version", "created", "step",
}  # fmt: skip
STEP_KEYS = {"at", "status", "sub_status", "task", "progress", "fields"}
TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


@dataclass(frozen=True)
class ClusterStep:
    """From `at` seconds on: these values (and earlier steps' others)."""

    at: float
    status: Optional[str] = None
    sub_status: Optional[str] = None
    # The running task; "" ends it (task_status and action_progress cleared).
    task: Optional[str] = None
    progress: Any = None
    fields: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ClusterTimeline:
    """One cluster: where it lives, what it is, and how its operations move."""

    project_id: str
    cluster_id: str
    name: str
    steps: tuple[ClusterStep, ...]
    region: str = "cn-north-4"
    node_type: str = "dws2.m6.4xlarge.8"
    number_of_node: int = 3
    version: str = "8.1.3.320"
    # Seconds from scenario start to `created` (negative: made before the simulator).
    created: float = -86400.0

    def body_at(self, t: float, start: datetime) -> Optional[dict[str, Any]]:
        """The `cluster` object at scenario time t, or None before its first step."""
        current = [s for s in self.steps if s.at <= t]
        if not current:
            return None
        body: dict[str, Any] = {
            "id": self.cluster_id, "name": self.name, "status": "AVAILABLE",
            "sub_status": "NORMAL", "task_status": "", "action_progress": {},
            "version": self.version, "created": _stamp(start, self.created),
            "updated": _stamp(start, current[-1].at), "number_of_node": self.number_of_node,
            "node_type": self.node_type, "port": 8000, "recent_event": 0,
        }  # fmt: skip
        for step in current:
            _apply(body, step)
        resize = body.get("resize_info")
        if isinstance(resize, dict) and isinstance(resize.get("start_time"), (int, float)):
            # A number of seconds from the start, as scenarios give it: a real time here.
            body["resize_info"] = {**resize, "start_time": _stamp(start, resize["start_time"])}
        task = body["task_status"]
        if task and current[-1].progress is not None:
            body["action_progress"] = {task: _progress(self.steps, current[-1], t)}
        return body


def _apply(body: dict[str, Any], step: ClusterStep) -> None:
    for name in ("status", "sub_status"):
        value = getattr(step, name)
        if value is not None:
            body[name] = value
    if step.task is not None:
        body["task_status"] = step.task
        body["action_progress"] = {}
    body.update(step.fields)


def _progress(steps: tuple[ClusterStep, ...], last: ClusterStep, t: float) -> str:
    """The task's progress, moving towards the next step's while the task is unchanged."""
    later = next((s for s in steps if s.at > last.at), None)
    here = percent(last.progress)
    if later is None or later.task not in (None, last.task) or here is None:
        return last.progress if isinstance(last.progress, str) else f"{here:g}%"
    target = percent(later.progress)
    if target is None:
        return f"{here:g}%"
    share = (t - last.at) / (later.at - last.at)
    return f"{int(here + (target - here) * share)}%"


def percent(value: Any) -> Optional[float]:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str) and value.rstrip("%").replace(".", "", 1).isdigit():
        return float(value.rstrip("%"))
    return None


def _stamp(start: datetime, offset: float) -> str:
    # Cluster times come in UTC with a Z, unlike a job's zone-less ones.
    return (start + timedelta(seconds=offset)).strftime(TIME_FORMAT)


def cluster_from_dict(raw: Mapping[str, Any], where: str) -> ClusterTimeline:
    """A `[[cluster]]` table as read from TOML; ValueError naming what is wrong."""
    check_keys(raw, CLUSTER_KEYS, where)
    steps = []
    for i, step in enumerate(raw.get("step", [])):
        check_keys(step, STEP_KEYS, f"{where}, step {i + 1}")
        values = {key: step.get(key) for key in STEP_KEYS - {"at", "fields"}}
        steps.append(ClusterStep(float(step.get("at", 0)), **values, fields=step.get("fields", {})))
    if not steps or "project_id" not in raw or "cluster_id" not in raw:
        raise ValueError(f"{where}: needs project_id, cluster_id and at least one [[cluster.step]]")
    optional = {k: raw[k] for k in ("region", "node_type", "number_of_node", "version") if k in raw}
    if "created" in raw:
        optional["created"] = float(raw["created"])
    return ClusterTimeline(
        str(raw["project_id"]),
        str(raw["cluster_id"]),
        str(raw.get("name", "dws-cluster")),
        tuple(sorted(steps, key=lambda s: s.at)),
        **optional,
    )


def check_keys(raw: Mapping[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise ValueError(f"{where}: unknown key {unknown[0]!r} (allowed: {sorted(allowed)})")

"""Scenarios: each job's timeline of statuses, and the faults to inject.

A job shows the fields of its latest step at or before the current scenario time,
merged over the earlier steps; before its first step it does not exist (404).
While a job is RUNNING and the next step gives a numeric progress, progress moves
linearly towards it. The file format is described in SCENARIOS.md.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Callable, Optional, TypeVar

from jobtui.sim.clusters import ClusterTimeline, check_keys, cluster_from_dict, percent
from jobtui.sim.faults import Fault, fault_from_dict

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.9/3.10 only
    import tomli as tomllib

T = TypeVar("T")
TERMINAL = ("SUCCESS", "FAIL", "STOP")
TIME_FORMAT = "%Y-%m-%dT%H:%M:%S"
STEP_KEYS = {"at", "status", "progress", "fields"}
JOB_KEYS = {"project_id", "job_id", "job_name", "begin", "region", "step"}


@dataclass(frozen=True)
class Step:
    """From `at` seconds on, the job shows these values (and earlier steps' others)."""

    at: float
    status: Optional[str] = None
    progress: Any = None
    # Raw body fields, sent as they are: failed_code, end_time, odd types...
    fields: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class JobTimeline:
    """One job: where it lives and how it moves."""

    project_id: str
    job_id: str
    job_name: Optional[str]
    steps: tuple[Step, ...]
    # Seconds from scenario start to begin_time (negative: started before the sim).
    begin: Optional[float] = None
    region: str = "cn-north-4"

    def body_at(self, t: float, start: datetime) -> Optional[dict[str, Any]]:
        """The 200 body at scenario time t, or None if the job does not exist yet."""
        current = [s for s in self.steps if s.at <= t]
        if not current:
            return None
        body: dict[str, Any] = {"job_id": self.job_id, "job_name": self.job_name}
        begin = self.begin if self.begin is not None else self.steps[0].at
        body["begin_time"] = _stamp(start, begin)
        body["end_time"] = ""
        for step in current:
            _apply(body, step, start)
        body["progress"] = _progress(body, self.steps, current[-1], t)
        return {k: v for k, v in body.items() if v is not None or k in current[-1].fields}


def _apply(body: dict[str, Any], step: Step, start: datetime) -> None:
    if step.status is not None:
        body["status"] = step.status
        if step.status in TERMINAL:
            body["end_time"] = _stamp(start, step.at)
    if step.progress is not None:
        body["progress"] = step.progress
    body.update(step.fields)


def _progress(body: dict[str, Any], steps: tuple[Step, ...], last: Step, t: float) -> Any:
    """Move progress towards the next step's figure while RUNNING; numbers become "N%"."""
    value = body.get("progress")
    if "progress" in last.fields:
        return value
    later = next((s for s in steps if s.at > last.at and s.progress is not None), None)
    number = percent(value)
    target = percent(later.progress) if later is not None else None
    running = body.get("status") == "RUNNING"
    if running and later is not None and number is not None and target is not None:
        share = (t - last.at) / (later.at - last.at)
        return f"{int(number + (target - number) * share)}%"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:g}%"
    return value


def _stamp(start: datetime, offset: float) -> str:
    # The API sends UTC times without a zone.
    return (start + timedelta(seconds=offset)).strftime(TIME_FORMAT)


@dataclass(frozen=True)
class Scenario:
    """Jobs, clusters and faults the simulator serves."""

    jobs: tuple[JobTimeline, ...]
    faults: tuple[Fault, ...] = ()
    name: str = "scenario"
    clusters: tuple[ClusterTimeline, ...] = ()

    def cluster(self, project_id: str, cluster_id: str) -> Optional[ClusterTimeline]:
        for cluster in self.clusters:
            if cluster.project_id == project_id and cluster.cluster_id == cluster_id:
                return cluster
        return None

    def clusters_of(self, project_id: str) -> list[ClusterTimeline]:
        return [cluster for cluster in self.clusters if cluster.project_id == project_id]

    def job(self, project_id: str, job_id: str) -> Optional[JobTimeline]:
        for job in self.jobs:
            if job.project_id == project_id and job.job_id == job_id:
                return job
        return None

    def pairs(self) -> list[tuple[str, str]]:
        """(project_id, job_id) of every job, in scenario order."""
        return [(job.project_id, job.job_id) for job in self.jobs]

    def projects(self, region: Optional[str] = None) -> list[str]:
        pairs = [(j.project_id, j.region) for j in self.jobs]
        pairs += [(c.project_id, c.region) for c in self.clusters]
        seen = [project for project, where in pairs if region is None or where == region]
        return list(dict.fromkeys(seen))


class ScenarioError(ValueError):
    """A scenario file is wrong; the message names the file and the place."""


def load_scenario(path: Path) -> Scenario:
    """Read a TOML scenario file (see SCENARIOS.md)."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ScenarioError(f"{path}: {exc}") from None
    return scenario_from_dict(data, str(path))


def scenario_from_dict(data: Mapping[str, Any], where: str = "scenario") -> Scenario:
    jobs = _tables(data, "job", _job, where)
    clusters = _tables(data, "cluster", cluster_from_dict, where)
    faults = []
    for i, raw in enumerate(data.get("fault", [])):
        try:
            faults.append(fault_from_dict(raw))
        except (TypeError, ValueError) as exc:
            raise ScenarioError(f"{where}: fault {i + 1}: {exc}") from None
    if not jobs and not clusters:
        raise ScenarioError(f"{where}: no [[job]] or [[cluster]] tables")
    name = str(data.get("name", where))
    return Scenario(tuple(jobs), tuple(faults), name, tuple(clusters))


def _tables(
    data: Mapping[str, Any], kind: str, read: Callable[[Any, str], T], where: str
) -> list[T]:
    """Each `[[kind]]` table read; a mistake names the file, the table and the place."""
    found = []
    for i, raw in enumerate(data.get(kind, [])):
        try:
            found.append(read(raw, f"{where}: {kind} {i + 1}"))
        except (TypeError, ValueError, AttributeError) as exc:
            text = str(exc) if str(exc).startswith(where) else f"{where}: {kind} {i + 1}: {exc}"
            raise ScenarioError(text) from None
    return found


def _job(raw: Mapping[str, Any], where: str) -> JobTimeline:
    check_keys(raw, JOB_KEYS, where)
    steps = []
    for i, step in enumerate(raw.get("step", [])):
        check_keys(step, STEP_KEYS, f"{where}, step {i + 1}")
        steps.append(
            Step(
                float(step.get("at", 0)),
                step.get("status"),
                step.get("progress"),
                dict(step.get("fields", {})),
            )
        )
    if not steps or "project_id" not in raw or "job_id" not in raw:
        raise ScenarioError(f"{where}: needs project_id, job_id and at least one [[job.step]]")
    begin = raw.get("begin")
    return JobTimeline(
        str(raw["project_id"]),
        str(raw["job_id"]),
        raw.get("job_name"),
        tuple(sorted(steps, key=lambda s: s.at)),
        None if begin is None else float(begin),
        str(raw.get("region", "cn-north-4")),
    )

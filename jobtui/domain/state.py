"""What jobtui knows about each watched job: entry, last record, last error, history.

Pure data shared by the store (which persists it), the poller (which updates it)
and the UI and CLI (which show it). No I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, NamedTuple, Optional

from jobtui.domain.cluster import ClusterRecord
from jobtui.domain.cluster_phase import Phase
from jobtui.domain.errors import ErrorInfo
from jobtui.domain.history import (
    Sample,
    Transition,
    pack,
    stored_time,
    unpack_samples,
    unpack_transitions,
)
from jobtui.domain.model import JobRecord, Status, validate_id
from jobtui.domain.watch_key import CLUSTER, JOB, JobKey, cluster_key

__all__ = ["CLUSTER", "JOB", "JobKey", "JobState", "WatchEntry", "WatchedJob", "cluster_key"]

# Bounds on what a job remembers, so the state cache stays small for days.
MAX_TRANSITIONS = 50
MAX_SAMPLES = 120


@dataclass(frozen=True)
class WatchEntry:
    """One line of the watchlist: what the user asked jobtui to watch.

    `kind` is "job" or "cluster"; `job_id` holds the cluster's ID for a cluster.
    """

    project_id: str
    job_id: str
    added_at: datetime
    label: Optional[str] = None
    region: Optional[str] = None
    kind: str = JOB

    def __post_init__(self) -> None:
        validate_id(self.project_id, "project ID")
        if self.kind not in (JOB, CLUSTER):
            raise ValueError(f"kind {self.kind!r} is neither {JOB!r} nor {CLUSTER!r}")
        validate_id(self.job_id, f"{self.kind} ID")

    @property
    def key(self) -> JobKey:
        if self.kind == CLUSTER:
            return cluster_key(self.project_id, self.job_id)
        return (self.project_id, self.job_id)

    @property
    def is_cluster(self) -> bool:
        return self.kind == CLUSTER


@dataclass(frozen=True)
class JobState:
    """The last known picture of one job; `record` None until the first answer."""

    key: JobKey
    record: Optional[JobRecord] = None
    error: Optional[ErrorInfo] = None
    fetched_at: Optional[datetime] = None
    # When the last attempt (success or error) happened.
    attempted_at: Optional[datetime] = None
    # Tuples once fetched; packed `jobtui.domain.history.History` objects as read from the cache.
    transitions: Sequence[Transition] = ()
    samples: Sequence[Sample] = ()
    # True while what we show came from the cache and no fresh answer landed yet.
    stale: bool = False
    # A watched cluster's last answer (`record` stays None for a cluster).
    cluster: Optional[ClusterRecord] = None

    @property
    def status(self) -> Optional[Status]:
        return self.record.status if self.record else None

    @property
    def terminal(self) -> bool:
        return self.record is not None and self.record.terminal

    @property
    def moving(self) -> bool:
        """A job not yet finished, or a cluster whose operation still runs."""
        if self.cluster is not None:
            return self.cluster.phase is Phase.RUNNING
        return self.record is not None and not self.record.terminal

    def with_record(self, record: JobRecord, at: datetime) -> JobState:
        """A new state after a successful fetch: history grows only on change."""
        return self._answered(at, record.status_text, record.progress, record=record)

    def with_cluster(self, cluster: ClusterRecord, at: datetime) -> JobState:
        """A cluster's new answer: its history records each change of activity, and
        the running task's progress (restarted when another task begins)."""
        return self._answered(at, cluster.activity, cluster.progress, True, cluster=cluster)

    def _answered(
        self,
        at: datetime,
        said: str,
        progress: Optional[float],
        restart: bool = False,
        **answer: Any,
    ) -> JobState:
        transitions, samples = self.transitions, self.samples
        if not transitions or transitions[-1].status != said:
            transitions = (*transitions, Transition(at, said))[-MAX_TRANSITIONS:]
            samples = () if restart else samples
        if progress is not None and (not samples or samples[-1].progress != progress):
            samples = (*samples, Sample(at, progress))[-MAX_SAMPLES:]
        return replace(
            self,
            error=None,
            fetched_at=at,
            attempted_at=at,
            transitions=transitions,
            samples=samples,
            stale=False,
            **answer,
        )

    def with_error(self, error: ErrorInfo, at: datetime) -> JobState:
        return replace(self, error=error, attempted_at=at)

    def eta(self, now: datetime) -> Optional[timedelta]:
        """Remaining time from the observed progress rate, once it is meaningful."""
        if not self.moving or len(self.samples) < 3:
            return None
        first, last = self.samples[0], self.samples[-1]
        seconds = (last.at - first.at).total_seconds()
        gained = last.progress - first.progress
        if seconds <= 0 or gained <= 0:
            return None
        rate = gained / seconds
        remaining = (100.0 - last.progress) / rate
        since_last = (now - last.at).total_seconds()
        return timedelta(seconds=max(0.0, remaining - since_last))

    def to_dict(self) -> dict[str, Any]:
        return {
            "project_id": self.key[0],
            "job_id": self.key[1],
            "record": self.record.to_dict() if self.record else None,
            "error": self.error.to_dict() if self.error else None,
            "fetched_at": self.fetched_at.isoformat() if self.fetched_at else None,
            "attempted_at": self.attempted_at.isoformat() if self.attempted_at else None,
            "transitions": pack(self.transitions, "status"),
            "samples": pack(self.samples, "progress"),
            **({"cluster": self.cluster.to_dict()} if self.cluster else {}),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> JobState:
        """Read a cached state; it is marked stale until a fresh answer lands."""
        key = (str(data["project_id"]), str(data["job_id"]))
        record = data.get("record")
        error = data.get("error")
        cluster = data.get("cluster")
        return cls(
            key=key,
            # dict, not Mapping: JSON gives dicts, and the ABC check is slow per job.
            record=JobRecord.from_dict(record) if isinstance(record, dict) else None,
            error=ErrorInfo.from_dict(error) if isinstance(error, dict) else None,
            fetched_at=stored_time(data.get("fetched_at")),
            attempted_at=stored_time(data.get("attempted_at")),
            transitions=unpack_transitions(data.get("transitions"), MAX_TRANSITIONS),
            samples=unpack_samples(data.get("samples"), MAX_SAMPLES),
            stale=True,
            cluster=ClusterRecord.from_dict(cluster) if isinstance(cluster, dict) else None,
        )


class NextCheck(NamedTuple):
    """When the poller will ask about a job next (None: never) and why, in a few words."""

    at: Optional[datetime]
    reason: str


@dataclass(frozen=True)
class WatchedJob:
    """An entry with its state: one row of the table, one object of `status --json`."""

    entry: WatchEntry
    state: JobState = field(default_factory=lambda: JobState(("", "")))

    def to_json(self) -> dict[str, Any]:
        """The object `status --json` and `list --json` print for a job."""
        record = self.state.record
        error = self.state.error
        return {
            "project_id": self.entry.project_id,
            "job_id": self.entry.job_id,
            "label": self.entry.label,
            "region": self.entry.region,
            "job_name": record.job_name if record else None,
            "status": record.status_text if record else None,
            "progress": record.progress if record else None,
            "begin_time": record.begin_time.isoformat() if record and record.begin_time else None,
            "end_time": record.end_time.isoformat() if record and record.end_time else None,
            "failed_code": record.failed_code.raw if record and record.failed_code else None,
            "failed_detail": record.failed_detail if record else None,
            "fetched_at": self.state.fetched_at.isoformat() if self.state.fetched_at else None,
            "error": None
            if error is None
            else {
                "kind": error.kind,
                "http_status": error.http_status,
                "error_code": error.error_code,
                "message": error.message,
                "request_id": error.request_id,
            },
        }

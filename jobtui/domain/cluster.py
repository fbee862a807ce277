"""Cluster records: what GET /v1.0/{project_id}/clusters/{cluster_id} says a cluster does.

Many DWS operations (create, resize, restart, redistribution, anything started from
the console) hand back no job ID; the cluster's own fields tell how they go. Every
value set is open, so strings are kept as they come and only a few are interpreted,
by the phase rule in `jobtui.domain.cluster_phase`. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Optional

from jobtui.domain.cluster_phase import Phase, failure_text, phase_of, running_task
from jobtui.domain.model import _iso, _text, parse_progress, parse_time


@dataclass(frozen=True)
class FailedReason:
    """`failed_reasons` of a cluster: why its last operation failed."""

    error_code: Optional[str] = None
    error_msg: Optional[str] = None


@dataclass(frozen=True)
class ResizeInfo:
    """`resize_info`: a scale-out from `origin_node_num` to `target_node_num` nodes."""

    origin_node_num: Optional[str] = None
    target_node_num: Optional[str] = None
    resize_status: Optional[str] = None
    start_time: Optional[str] = None


@dataclass(frozen=True)
class ClusterRecord:
    """One answer about a cluster, typed and immutable; odd values kept as text."""

    project_id: str
    cluster_id: str
    status: str
    sub_status: Optional[str] = None
    task_status: Optional[str] = None
    # `action_progress` as (task, progress text) pairs, in the order the API sent them.
    action_progress: tuple[tuple[str, str], ...] = ()
    failed_reasons: Optional[FailedReason] = None
    resize_info: Optional[ResizeInfo] = None
    name: Optional[str] = None
    version: Optional[str] = None
    created: Optional[datetime] = None
    updated: Optional[datetime] = None
    number_of_node: Optional[str] = None
    node_type: Optional[str] = None
    request_id: Optional[str] = None
    server_date: Optional[datetime] = None
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False)

    @property
    def phase(self) -> Phase:
        """running, done or failed: see `jobtui.domain.cluster_phase`."""
        return phase_of(self.status, self.sub_status, self.task_status, self.failed_reasons)

    @property
    def task(self) -> Optional[str]:
        """The management task running now, if any (never a failed one)."""
        return running_task(self.task_status, self.action_progress)

    @property
    def progress_raw(self) -> Optional[str]:
        """The running task's progress as sent (e.g. "30%")."""
        progress = dict(self.action_progress)
        task = self.task
        if task is not None and task in progress:
            return progress[task]
        return next(iter(progress.values()), None) if task is not None else None

    @property
    def progress(self) -> Optional[float]:
        return parse_progress(self.progress_raw).value

    @property
    def status_text(self) -> str:
        """The status words: `AVAILABLE`, or `AVAILABLE/REDISTRIBUTING` with a sub-status."""
        return f"{self.status}/{self.sub_status}" if self.sub_status else self.status

    @property
    def activity(self) -> str:
        """One line for the history: the running task, the failure, or the status words."""
        task = self.task
        if task is not None:
            return task
        return self.task_status or self.status_text

    @property
    def failure(self) -> Optional[str]:
        """Why the operation failed, as one line; None unless it did."""
        if self.phase is not Phase.FAILED:
            return None
        reason = self.failed_reasons
        return failure_text(
            self.status,
            self.sub_status,
            self.task_status,
            reason.error_code if reason else None,
            reason.error_msg if reason else None,
        )

    @classmethod
    def from_api(
        cls,
        project_id: str,
        cluster_id: str,
        body: Mapping[str, Any],
        *,
        request_id: Optional[str] = None,
        server_date: Optional[datetime] = None,
    ) -> ClusterRecord:
        """A record from the decoded `cluster` object; its `status` is already checked."""
        known = {*_FIELDS, "id", "project_id", "action_progress", "failed_reasons", "resize_info"}
        return cls(
            project_id=project_id,
            cluster_id=_text(body.get("id")) or cluster_id,
            status=_text(body.get("status")) or "UNKNOWN",
            action_progress=_pairs(body.get("action_progress")),
            failed_reasons=_reason(body.get("failed_reasons")),
            resize_info=_resize(body.get("resize_info")),
            created=parse_time(body.get("created")),
            updated=parse_time(body.get("updated")),
            request_id=request_id,
            server_date=server_date,
            extra={k: v for k, v in body.items() if k not in known},
            **{name: _text(body.get(name)) for name in _FIELDS[1:] if name not in _TIMES},
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict in the API's own shape, as the state cache keeps it."""
        data: dict[str, Any] = {name: getattr(self, name) for name in _FIELDS}
        data.update(
            project_id=self.project_id,
            id=self.cluster_id,
            created=_iso(self.created),
            updated=_iso(self.updated),
            action_progress=dict(self.action_progress),
            failed_reasons=_plain(self.failed_reasons),
            resize_info=_plain(self.resize_info),
            request_id=self.request_id,
            server_date=_iso(self.server_date),
        )
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ClusterRecord:
        """Inverse of `to_dict`."""
        return cls.from_api(
            str(data["project_id"]),
            str(data["id"]),
            {k: v for k, v in data.items() if k not in ("request_id", "server_date")},
            request_id=_text(data.get("request_id")),
            server_date=parse_time(data.get("server_date")),
        )


_TIMES = ("created", "updated")
_FIELDS = (
    "status", "sub_status", "task_status", "name", "version",
    "created", "updated", "number_of_node", "node_type",
)  # fmt: skip


def _pairs(raw: object) -> tuple[tuple[str, str], ...]:
    if not isinstance(raw, Mapping):
        return ()
    return tuple((str(k), _text(v) or "") for k, v in raw.items())


def _reason(raw: object) -> Optional[FailedReason]:
    if not isinstance(raw, Mapping):
        return None
    reason = FailedReason(_text(raw.get("error_code")), _text(raw.get("error_msg")))
    return reason if reason.error_code or reason.error_msg else None


def _resize(raw: object) -> Optional[ResizeInfo]:
    if not isinstance(raw, Mapping):
        return None
    names = ("origin_node_num", "target_node_num", "resize_status", "start_time")
    info = ResizeInfo(*(_text(raw.get(name)) for name in names))
    return None if info == ResizeInfo() else info


def _plain(value: object) -> Optional[dict[str, Any]]:
    return None if value is None else dict(vars(value))

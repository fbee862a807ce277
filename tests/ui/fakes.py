"""A Session stand-in for UI tests: same methods, events emitted on demand."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Optional

from jobtui.domain import events
from jobtui.domain.cluster import ClusterRecord
from jobtui.domain.errors import ErrorInfo
from jobtui.domain.model import JobRecord
from jobtui.domain.state import JobKey, JobState, NextCheck, WatchedJob, WatchEntry
from jobtui.session.empty_watchlist import SetupFacts

T0 = datetime(2026, 11, 29, 9, 0, 0, tzinfo=timezone.utc)
PROJECT = "05f2cff45100d5112f4bc00b794ea08e"


class FakeSession:
    """Keeps jobs in memory and records every call the UI makes."""

    def __init__(
        self, jobs: Optional[list[WatchedJob]] = None, prefs: Optional[dict[str, Any]] = None
    ):
        self._jobs = {job.entry.key: job for job in jobs or []}
        self._prefs: dict[str, Any] = dict(prefs or {})
        self.callbacks: list[Callable[[Any], None]] = []
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.paused = False
        self.endpoint_label = "dws.cn-north-4.myhuaweicloud.com"
        self.started = self.stopped = False
        self.keys_noted = 0
        self.discoverable: Any = []
        self.setup_facts: Optional[SetupFacts] = None
        self.upcoming: dict[JobKey, NextCheck] = {}

    def setup(self) -> Optional[SetupFacts]:
        return self.setup_facts

    def next_check(self, key: JobKey) -> Optional[NextCheck]:
        return self.upcoming.get(key)

    def jobs(self) -> list[WatchedJob]:
        return list(self._jobs.values())

    def subscribe(self, callback: Callable[[Any], None]) -> None:
        self.callbacks.append(callback)

    def emit(self, event: Any) -> None:
        """Deliver a poller event, as the real session does from its poller task."""
        if isinstance(event, (events.JobUpdated, events.StatusChanged, events.FetchFailed)):
            self._jobs[event.key] = replace(self._jobs[event.key], state=event.state)
        for callback in self.callbacks:
            callback(event)

    async def start(self) -> None:
        self.started = True

    async def stop(self) -> None:
        self.stopped = True

    def add(self, entries: list[WatchEntry]) -> list[WatchEntry]:
        self.calls.append(("add", (entries,)))
        for entry in entries:
            self._jobs[entry.key] = WatchedJob(entry, JobState(entry.key))
        self.emit(events.WatchlistChanged())  # as the real session announces its edits
        return entries

    def remove(self, keys: list[JobKey]) -> int:
        self.calls.append(("remove", (keys,)))
        removed = sum(self._jobs.pop(key, None) is not None for key in keys)
        self.emit(events.WatchlistChanged())
        return removed

    def prune(self, older_than: Optional[float] = None) -> int:
        self.calls.append(("prune", ()))
        finished = [k for k, job in self._jobs.items() if job.state.terminal]
        return self.remove(finished)

    def refresh(self, key: Optional[JobKey] = None) -> None:
        self.calls.append(("refresh", (key,)))

    async def discover(self, project_id: str, region: Optional[str] = None) -> list[ClusterRecord]:
        """A project's clusters, as set in `discoverable` (or raised, when an exception)."""
        self.calls.append(("discover", (project_id, region)))
        if isinstance(self.discoverable, Exception):
            raise self.discoverable
        return list(self.discoverable)

    def note_input(self) -> None:
        self.keys_noted += 1

    def pause(self) -> None:
        self.calls.append(("pause", ()))
        self.paused = True
        self.emit(events.PollingPaused(True))

    def resume(self) -> None:
        self.calls.append(("resume", ()))
        self.paused = False
        self.emit(events.PollingPaused(False))

    def prefs(self) -> dict[str, Any]:
        return dict(self._prefs)

    def save_prefs(self, prefs: dict[str, Any]) -> None:
        self.calls.append(("save_prefs", (prefs,)))
        self._prefs = dict(prefs)


def job(
    job_id: str, body: dict[str, Any], *, label: Optional[str] = None, samples: int = 0
) -> WatchedJob:
    """A watched job whose last answer was `body`, fetched at T0."""
    entry = WatchEntry(PROJECT, job_id, T0 - timedelta(hours=1), label=label, region="cn-north-4")
    record = JobRecord.from_api(PROJECT, job_id, body, request_id=f"req-{job_id[-4:]}")
    state = JobState(entry.key)
    for i in range(samples):
        partial = replace(record, progress=min(record.progress or 0, 10.0 * i))
        state = state.with_record(partial, T0 - timedelta(minutes=samples - i))
    return WatchedJob(entry, state.with_record(record, T0))


def demo_jobs() -> list[WatchedJob]:
    """A small watchlist with every interesting case, at T0."""
    return [
        job("2c9080e88459fa44018459fbeb600001", {
            "status": "FAIL", "progress": "9%", "job_name": "ecfClusterElbCreateJob",
            "begin_time": "2026-11-29T08:25:00", "end_time": "2026-11-29T08:30:00",
            "failed_code": "CreateELBTask-fail:DWS.0114",
            "failed_detail": "DWS.0114:ELB private IP is not configured.",
        }, label="elb prod"),
        job("2c9080e8845b207101845b245e1e0002", {
            "status": "RUNNING", "progress": "42%", "job_name": "resizeCluster",
            "begin_time": "2026-11-29T08:40:00",
        }, label="resize dw1", samples=5),
        job("2c9080e8845b207101845b245e1e0003", {
            "status": "SUCCESS", "progress": "100%", "job_name": "createSnapshot",
            "begin_time": "2026-11-29T07:00:00", "end_time": "2026-11-29T07:12:30",
        }),
        job("2c9080e8845b207101845b245e1e0004", {
            "status": "WAITING", "job_name": "restartCluster",
        }),
    ]  # fmt: skip


def auth_error() -> ErrorInfo:
    return ErrorInfo(
        kind="clock_skew",
        message=(
            "Your clock is 16 min ahead of the server's, so the gateway refused the signature"
            " (APIGW.0301); set this host's time right (NTP) (request ID 7a1c0de5)."
        ),
        http_status=401,
        error_code="APIGW.0301",
        request_id="7a1c0de5",
    )


def cluster(cluster_id: str, *answers: dict[str, Any], label: Optional[str] = None) -> WatchedJob:
    """A watched cluster whose answers were `answers`, a minute apart, the last at T0."""
    entry = WatchEntry(PROJECT, cluster_id, T0 - timedelta(hours=1), label=label, kind="cluster")
    state = JobState(entry.key)
    for i, body in enumerate(answers):
        record = ClusterRecord.from_api(PROJECT, cluster_id, body, request_id="req-c")
        state = state.with_cluster(record, T0 - timedelta(minutes=len(answers) - 1 - i))
    return WatchedJob(entry, state)


RESIZING = "4b3a1c2d-0000-4000-8000-1234567890ab"
REBOOTED = "9e8d7c6b-0000-4000-8000-ba0987654321"


def demo_clusters() -> list[WatchedJob]:
    """A resize in progress and a restart that failed, as the simulator plays them."""
    available = {"status": "AVAILABLE", "sub_status": "NORMAL", "name": "dw-sales"}
    growing = {**available, "task_status": "GROWING", "resize_info": {
        "origin_node_num": "3", "target_node_num": "6", "resize_status": "GROWING",
    }}  # fmt: skip
    rebooting = {"status": "AVAILABLE", "name": "dw-audit", "task_status": "REBOOTING"}
    failed = {**rebooting, "task_status": "REBOOT_FAILURE", "failed_reasons": {
        "error_code": "DWS.5011", "error_msg": "node 2 did not start in time",
    }}  # fmt: skip
    return [
        cluster(RESIZING, available, {**growing, "action_progress": {"GROWING": "10%"}},
                {**growing, "action_progress": {"GROWING": "30%"}}, label="scale-out"),
        cluster(REBOOTED, rebooting, failed),
    ]  # fmt: skip

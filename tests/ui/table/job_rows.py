"""Watched jobs and a tiny host app for the job table's tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, Optional

from textual.app import App, ComposeResult
from textual.message import Message

from jobtui.domain.cluster import ClusterRecord
from jobtui.domain.model import JobRecord
from jobtui.domain.state import JobState, WatchedJob, WatchEntry
from jobtui.ui import render
from jobtui.ui.table.job_table import JobTable

NOW = datetime(2026, 11, 29, 12, 0, 0, tzinfo=timezone.utc)
PROJECT = "05f2cff45100d5112f4bc00b794ea08e"


def make_job(
    n: int,
    status: str = "RUNNING",
    progress: Optional[str] = "40%",
    *,
    name: Optional[str] = None,
    label: Optional[str] = None,
    failed: Optional[str] = None,
    begin: Optional[datetime] = None,
    end: Optional[datetime] = None,
) -> WatchedJob:
    """Job number `n`, with a record as the API would answer it."""
    entry = WatchEntry(PROJECT, f"{n:032x}", NOW, label=label, region="cn-north-4")
    body: dict[str, Any] = {
        "status": status,
        "progress": progress,
        "job_name": name if name is not None else f"job-{n}",
        "begin_time": (begin or NOW - timedelta(minutes=30)).isoformat(),
        "end_time": end.isoformat() if end else None,
        "failed_code": failed,
    }
    record = JobRecord.from_api(entry.project_id, entry.job_id, body)
    return WatchedJob(entry, JobState(entry.key).with_record(record, NOW))


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


class TableHost(App[None]):
    """Just a JobTable, recording the messages it posts."""

    def __init__(self, jobs: list[WatchedJob], **options: Any) -> None:
        super().__init__()
        options.setdefault("now", lambda: NOW)
        options.setdefault("glyphs", render.UNICODE)
        options.setdefault("zone", timezone.utc)
        self.table = JobTable(jobs, **options)
        self.posted: list[Message] = []

    def compose(self) -> ComposeResult:
        yield self.table

    def on_mount(self) -> None:
        self.table.focus()

    def on_job_table_selected(self, message: JobTable.Selected) -> None:
        self.posted.append(message)

    def on_job_table_activated(self, message: JobTable.Activated) -> None:
        self.posted.append(message)

    def on_job_table_sort_changed(self, message: JobTable.SortChanged) -> None:
        self.posted.append(message)

    def line(self, y: int) -> str:
        """The text of screen line `y` of the table (0 is the header)."""
        return self.table.render_line(y).text


def make_cluster(
    n: int, history: tuple[dict[str, Any], ...] = (), *, label: Optional[str] = None, **fields: Any
) -> WatchedJob:
    """Cluster number `n` whose answers were `history` (a minute apart), then `fields`."""
    entry = WatchEntry(PROJECT, f"c{n:031x}", NOW, label=label, region="cn-north-4", kind="cluster")
    state = JobState(entry.key)
    answers = [*history, fields]
    for i, answer in enumerate(answers):
        body = {"status": "AVAILABLE", "name": f"dw-{n}", **answer}
        record = ClusterRecord.from_api(entry.project_id, entry.job_id, body)
        state = state.with_cluster(record, NOW - timedelta(minutes=len(answers) - 1 - i))
    return WatchedJob(entry, state)

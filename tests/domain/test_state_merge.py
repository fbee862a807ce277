"""Two processes' pictures of one job: the newer wins, and histories join without repeats."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

from jobtui.domain.model import JobRecord
from jobtui.domain.state import JobState
from jobtui.domain.state_merge import continued, newer

T0 = datetime(2026, 11, 28, 9, 0, tzinfo=timezone.utc)
KEY = ("p1", "j1")


def _seen(state: JobState, status: str, progress: str, minutes: int) -> JobState:
    body = {"job_id": "j1", "status": status, "progress": progress}
    return state.with_record(JobRecord.from_api(*KEY, body), T0 + timedelta(minutes=minutes))


def test_the_later_answer_wins_and_ours_on_a_tie() -> None:
    early = _seen(JobState(KEY), "RUNNING", "10%", 0)
    late = _seen(JobState(KEY), "SUCCESS", "100%", 5)
    assert newer(early, late) is late and newer(late, early) is late
    twin = replace(early)
    assert newer(twin, early) is twin and newer(early, twin) is early
    assert newer(None, late) is late and newer(early, None) is early


def test_a_wait_without_the_cache_continues_the_monitors_history() -> None:
    monitor = _seen(_seen(JobState(KEY), "QUEUED", "0%", 0), "RUNNING", "10%", 1)
    waited = _seen(_seen(JobState(KEY), "RUNNING", "40%", 3), "SUCCESS", "100%", 4)
    joined = continued(monitor, waited)
    assert [t.status for t in joined.transitions] == ["QUEUED", "RUNNING", "SUCCESS"]
    assert [s.progress for s in joined.samples] == [0.0, 10.0, 40.0, 100.0]
    assert joined.record == waited.record

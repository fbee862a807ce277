"""Job state keeps a bounded history and survives the cache round trip."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from jobtui.errors import ErrorInfo
from jobtui.model import JobRecord
from jobtui.state import MAX_SAMPLES, JobState, WatchedJob, WatchEntry

T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)


def _record(status: str, progress: str) -> JobRecord:
    return JobRecord.from_api("p", "j", {"status": status, "progress": progress})


def test_history_grows_only_on_change_and_is_bounded() -> None:
    state = JobState(("p", "j"))
    for i in range(300):
        state = state.with_record(_record("RUNNING", f"{i % 150}%"), T0 + timedelta(seconds=i))
    state = state.with_record(_record("RUNNING", "50%"), T0)
    assert [t.status for t in state.transitions] == ["RUNNING"]
    assert len(state.samples) == MAX_SAMPLES


def test_eta_from_observed_rate() -> None:
    state = JobState(("p", "j"))
    for minute, pct in enumerate((10, 20, 30)):
        state = state.with_record(_record("RUNNING", f"{pct}%"), T0 + timedelta(minutes=minute))
    assert state.eta(T0 + timedelta(minutes=2)) == timedelta(minutes=7)


def test_cache_round_trip_marks_stale() -> None:
    state = JobState(("p", "j")).with_record(_record("SUCCESS", "100%"), T0)
    state = state.with_error(ErrorInfo("timeout", "The request timed out."), T0)
    loaded = JobState.from_dict(state.to_dict())
    assert loaded.stale and loaded.record == state.record and loaded.error == state.error
    assert loaded.transitions == state.transitions


def test_status_json_keys() -> None:
    entry = WatchEntry("p", "j", T0, label="nightly")
    job = WatchedJob(entry, JobState(("p", "j")).with_record(_record("RUNNING", "9%"), T0))
    data = job.to_json()
    assert data["progress"] == 9.0 and data["error"] is None and data["label"] == "nightly"
    assert set(data) >= {"project_id", "job_id", "status", "begin_time", "fetched_at"}

"""Job state keeps a bounded history and survives the cache round trip."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from jobtui.domain.errors import ErrorInfo
from jobtui.domain.model import JobRecord
from jobtui.domain.state import MAX_SAMPLES, JobState, WatchedJob, WatchEntry

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


def _advancing(steps: int) -> JobState:
    state = JobState(("p", "j"))
    for i in range(steps):
        at = T0 + timedelta(seconds=i * 7.25, microseconds=i * 13)
        state = state.with_record(_record("RUNNING", f"{i * 0.5}%"), at)
    return state


def test_cached_history_comes_back_to_the_microsecond() -> None:
    state = _advancing(MAX_SAMPLES)
    loaded = JobState.from_dict(json.loads(json.dumps(state.to_dict())))
    assert list(loaded.samples) == list(state.samples)
    assert loaded.samples == state.samples and loaded.transitions == state.transitions
    now = T0 + timedelta(hours=1)
    assert loaded.eta(now) == state.eta(now) is not None
    # A fresh answer continues the history where the cache left it.
    later = loaded.with_record(_record("SUCCESS", "100%"), now)
    assert [t.status for t in later.transitions] == ["RUNNING", "SUCCESS"]
    assert len(later.samples) == MAX_SAMPLES and later.samples[-1].progress == 100.0


def test_the_cache_keeps_history_compact_and_readable() -> None:
    samples = _advancing(3).to_dict()["samples"]
    assert samples == {
        "since": "2026-01-01T00:00:00+00:00",
        "seconds": "0.0 7.250013 14.500026",
        "progress": "0.0 0.5 1.0",
    }


def test_a_version_1_history_still_loads() -> None:
    data = {
        "project_id": "p", "job_id": "j",
        "transitions": [["2026-01-01T00:00:00+00:00", "RUNNING"], ["garbage", "X"]],
        "samples": [["2026-01-01T00:00:00+00:00", 1.0], ["2026-01-01T00:01:00+00:00", 2]],
    }  # fmt: skip
    loaded = JobState.from_dict(data)
    assert [t.status for t in loaded.transitions] == ["RUNNING"]
    assert [s.progress for s in loaded.samples] == [1.0, 2]


@pytest.mark.parametrize(
    "samples",
    [
        {"since": "2026-01-01T00:00:00+00:00", "seconds": "0 1", "progress": "5"},
        {"since": "2026-01-01T00:00:00+00:00", "seconds": "0 nan", "progress": "5 6"},
        {"since": "2026-01-01T00:00:00+00:00", "seconds": "0 1e300", "progress": "5 6"},
        {"since": "2026-01-01T00:00:00+00:00", "seconds": [0, 1], "progress": "5 6"},
        {"since": "2026-01-01T00:00:00+00:00", "seconds": "0 x", "progress": "5 6"},
        {"since": "yesterday", "seconds": "0", "progress": "5"},
        "0 1",
    ],
)
def test_a_damaged_history_is_empty_not_a_crash(samples: object) -> None:
    loaded = JobState.from_dict({"project_id": "p", "job_id": "j", "samples": samples})
    assert len(loaded.samples) == 0 and list(loaded.samples) == []
    assert loaded.eta(T0) is None

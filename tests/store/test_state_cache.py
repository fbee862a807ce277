"""The state cache: a restart shows the last picture; a damaged cache costs nothing."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from jobtui.domain.errors import ErrorInfo
from jobtui.domain.model import JobRecord
from jobtui.domain.state import MAX_SAMPLES, JobState
from jobtui.store.watchlist import StateCache

T0 = datetime(2026, 11, 28, 9, 0, tzinfo=timezone.utc)


def running(job_id: str, steps: int = 3) -> JobState:
    state = JobState(("p1", job_id))
    for step in range(steps):
        body = {"job_id": job_id, "status": "RUNNING", "progress": f"{step / 2}%", "job_name": "x"}
        state = state.with_record(
            JobRecord.from_api("p1", job_id, body), T0 + timedelta(seconds=step)
        )
    return state


def test_a_restart_shows_the_last_known_picture(tmp_path: Path) -> None:
    failing = JobState(("p1", "j2")).with_error(ErrorInfo("server", "DWS answered 503"), T0)
    states = {("p1", "j1"): running("j1"), ("p1", "j2"): failing}
    StateCache(tmp_path / "state.json").save(states)
    loaded = StateCache(tmp_path / "state.json").load()
    assert set(loaded) == set(states)
    assert loaded[("p1", "j1")].record is not None
    assert loaded[("p1", "j1")].record.progress == 1.0
    assert len(loaded[("p1", "j1")].samples) == 3
    assert loaded[("p1", "j2")].error == failing.error
    assert all(state.stale for state in loaded.values())


def test_jobs_no_longer_watched_are_dropped(tmp_path: Path) -> None:
    cache = StateCache(tmp_path / "state.json")
    cache.save({("p1", "j1"): running("j1"), ("p1", "j2"): running("j2")}, keep={("p1", "j2")})
    assert list(cache.load()) == [("p1", "j2")]


def test_history_stays_bounded(tmp_path: Path) -> None:
    cache = StateCache(tmp_path / "state.json")
    cache.save({("p1", "j1"): running("j1", steps=MAX_SAMPLES + 40)})
    assert len(cache.load()[("p1", "j1")].samples) == MAX_SAMPLES


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"[]",
        b'{"version": 99, "states": []}',
        b'{"version": 1, "states": [{}]}',
        b"\xff\xfe",
        b"[" * 200_000 + b"]" * 200_000,  # nested deeper than json can recurse
    ],
)
def test_a_damaged_cache_reads_as_empty_with_a_warning(
    tmp_path: Path, content: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "state.json").write_bytes(content)
    cache = StateCache(tmp_path / "state.json")
    with caplog.at_level(logging.WARNING, logger="jobtui.store.state_cache"):
        assert cache.load() == {}
    assert cache.warning is not None and "starting without it" in cache.warning
    assert str(tmp_path / "state.json") in caplog.text
    cache.save({("p1", "j1"): running("j1")})
    assert list(cache.load()) == [("p1", "j1")] and cache.warning is None


def test_a_missing_or_unreadable_cache_is_empty(tmp_path: Path) -> None:
    assert StateCache(tmp_path / "state.json").load() == {}
    (tmp_path / "dir.json").mkdir()
    cache = StateCache(tmp_path / "dir.json")
    assert cache.load() == {} and cache.warning is not None


def test_saving_an_unchanged_picture_does_not_touch_the_disk(tmp_path: Path) -> None:
    cache = StateCache(tmp_path / "state.json")
    states = {("p1", "j1"): running("j1")}
    cache.save(states)
    before = (tmp_path / "state.json").stat().st_mtime_ns
    (tmp_path / "state.json").unlink()
    cache.save(states)
    assert not (tmp_path / "state.json").exists(), "no rewrite when nothing changed"
    assert before


def test_each_cycle_saves_the_jobs_that_changed_beside_those_that_did_not(
    tmp_path: Path,
) -> None:
    cache = StateCache(tmp_path / "state.json")
    states = {("p1", "j1"): running("j1"), ("p1", "j2"): running("j2")}
    cache.save(states)
    broken = states[("p1", "j1")].with_error(ErrorInfo("timeout", "no answer in 30 s"), T0)
    cache.save({**states, ("p1", "j1"): broken})
    loaded = StateCache(tmp_path / "state.json").load()
    assert loaded[("p1", "j1")].error == broken.error
    assert loaded[("p1", "j2")].samples == states[("p1", "j2")].samples


V1_CACHE = b"""{"version":1,"states":[{"project_id":"p1","job_id":"j1","record":{"project_id":"p1",
"job_id":"j1","job_name":"x","status":"RUNNING","progress":1.0,"progress_raw":"1%"},
"error":null,"fetched_at":"2026-11-28T09:00:02+00:00","attempted_at":"2026-11-28T09:00:02+00:00",
"transitions":[["2026-11-28T09:00:00+00:00","RUNNING"]],
"samples":[["2026-11-28T09:00:00+00:00",0.0],["2026-11-28T09:00:02+00:00",1.0]]}]}"""


def test_a_cache_from_the_previous_version_still_shows_its_jobs(tmp_path: Path) -> None:
    (tmp_path / "state.json").write_bytes(V1_CACHE)
    cache = StateCache(tmp_path / "state.json")
    loaded = cache.load()[("p1", "j1")]
    assert cache.warning is None and loaded.stale
    assert loaded.record is not None and loaded.record.progress == 1.0
    assert [s.progress for s in loaded.samples] == [0.0, 1.0]
    assert loaded.samples[-1].at == T0 + timedelta(seconds=2)
    # Saved again in the current format, with nothing lost.
    cache.save({("p1", "j1"): loaded.with_error(ErrorInfo("timeout", "no answer"), T0)})
    again = StateCache(tmp_path / "state.json").load()[("p1", "j1")]
    assert b'"version":2' in (tmp_path / "state.json").read_bytes()
    assert again.samples == loaded.samples and again.transitions == loaded.transitions


def test_an_unchanged_cached_history_is_saved_as_it_was_read(tmp_path: Path) -> None:
    first = StateCache(tmp_path / "state.json")
    first.save({("p1", "j1"): running("j1", steps=MAX_SAMPLES)})
    written = (tmp_path / "state.json").read_bytes()
    loaded = StateCache(tmp_path / "state.json").load()
    StateCache(tmp_path / "state.json").save(loaded)
    assert (tmp_path / "state.json").read_bytes() == written


def test_a_save_keeps_what_another_process_saw_later(tmp_path: Path) -> None:
    monitor, waiter = StateCache(tmp_path / "state.json"), StateCache(tmp_path / "state.json")
    old = {("p1", "j1"): running("j1"), ("p1", "j2"): running("j2")}
    monitor.save(old)
    ended = JobRecord.from_api("p1", "j1", {"job_id": "j1", "status": "SUCCESS"})
    done = old[("p1", "j1")].with_record(ended, T0 + timedelta(minutes=5))
    waiter.save({("p1", "j1"): done})
    # The monitor saves its older picture of j1 beside a change to j2: j1 stays SUCCESS.
    broken = old[("p1", "j2")].with_error(
        ErrorInfo("timeout", "no answer"), T0 + timedelta(minutes=6)
    )
    monitor.save({**old, ("p1", "j2"): broken})
    loaded = StateCache(tmp_path / "state.json").load()
    assert loaded[("p1", "j1")].terminal and loaded[("p1", "j2")].error == broken.error
    assert [t.status for t in loaded[("p1", "j1")].transitions] == ["RUNNING", "SUCCESS"]
    # A job no longer watched (not in `keep`) is dropped, whoever saved it.
    StateCache(tmp_path / "state.json").save({("p1", "j1"): done}, keep={("p1", "j1")})
    assert list(StateCache(tmp_path / "state.json").load()) == [("p1", "j1")]

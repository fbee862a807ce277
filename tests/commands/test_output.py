"""What status/list print: server text shown literally, never executed by the terminal."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from jobtui.commands.output import clean, dumps_jobs, status_table
from jobtui.domain.model import JobRecord
from jobtui.domain.state import JobState, WatchedJob, WatchEntry
from jobtui.domain.timefmt import duration, parse_duration
from tests.commands.conftest import JOB, PROJECT

NOW = datetime(2022, 11, 9, 20, 30, tzinfo=timezone.utc)


def _job(**body: object) -> WatchedJob:
    entry = WatchEntry(PROJECT, JOB, added_at=NOW)
    record = JobRecord.from_api(PROJECT, JOB, body, server_date=NOW)
    return WatchedJob(entry, JobState(entry.key).with_record(record, NOW))


def test_escape_c1_and_bidi_controls_are_shown_not_sent() -> None:
    assert clean("a\x1b[2Jb\x9b31m\u202ec\n") == "a\\x1b[2Jb\\x9b31m\\u202ec\\x0a"


def test_json_escapes_what_json_dumps_leaves_raw() -> None:
    name = "x\x9by\x1bz\x7f\u202e\u200b"
    text = dumps_jobs([_job(status="FAIL", job_name=name, failed_detail="中文")])
    assert not any(c in text for c in "\x9b\x1b\x7f\u202e\u200b") and "中文" in text
    assert json.loads(text)[0]["job_name"] == name


def test_a_begin_time_ahead_of_the_server_is_flagged() -> None:
    ahead = (NOW + timedelta(hours=8)).strftime("%Y-%m-%dT%H:%M:%S")
    job = _job(status="RUNNING", begin_time=ahead, progress="5%")
    assert "2022-11-10 04:30 !" in status_table([job], NOW)
    assert json.loads(dumps_jobs([job]))[0]["zone_mismatch"] is True


def test_table_cuts_lines_to_the_terminal_width() -> None:
    job = _job(status="FAIL", failed_code="T-fail:DWS.0114", failed_detail="x" * 300)
    lines = status_table([job], NOW, width=80).splitlines()
    assert all(len(line) <= 80 for line in lines) and lines[1].endswith("…")
    assert "DWS.0114" in status_table([job], NOW)


def test_a_narrow_terminal_gets_short_project_ids_before_lines_are_cut() -> None:
    job = _job(status="RUNNING", job_name="resizeCluster", progress="13%")
    wide = status_table([job], NOW, width=200)
    assert f"{PROJECT}/{JOB}" in wide
    narrow = status_table([job], NOW, width=len(wide.splitlines()[1]) - 10).splitlines()[1]
    assert f"{PROJECT[:8]}…/{JOB}" in narrow and not narrow.endswith("…")


def test_durations_read_and_written() -> None:
    assert parse_duration("7d") == timedelta(days=7)
    assert parse_duration("90") == timedelta(seconds=90)
    assert duration(timedelta(seconds=3725)) == "1h02m"

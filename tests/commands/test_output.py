"""What status/list print: server text shown literally, never executed by the terminal."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from jobtui.commands.job_table import table_lines
from jobtui.commands.output import clean, dumps_jobs
from jobtui.domain.model import JobRecord
from jobtui.domain.state import JobState, WatchedJob, WatchEntry
from jobtui.domain.timefmt import duration, parse_duration
from tests.commands.conftest import JOB, PROJECT

NOW = datetime(2022, 11, 9, 20, 30, tzinfo=timezone.utc)


def _job(job_id: str = JOB, **body: object) -> WatchedJob:
    entry = WatchEntry(PROJECT, job_id, added_at=NOW)
    record = JobRecord.from_api(PROJECT, job_id, body, server_date=NOW)
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
    assert "2022-11-10 04:30 !" in table_lines([job], NOW, None)[1]
    assert json.loads(dumps_jobs([job]))[0]["zone_mismatch"] is True


def test_a_long_note_is_cut_at_the_width_but_its_failure_code_stays_whole() -> None:
    job = _job(status="FAIL", failed_code="T-fail:DWS.0114", failed_detail="x" * 300)
    lines = table_lines([job], NOW, 80)
    assert all(len(line) <= 80 for line in lines) and lines[1].endswith("…")
    assert "T-fail:DWS.0114" in lines[1] and "x" * 300 in table_lines([job], NOW, None)[1]


def test_a_narrow_terminal_gets_short_project_ids_before_short_job_ids() -> None:
    job = _job(status="RUNNING", job_name="resizeCluster", progress="13%")
    wide = table_lines([job], NOW, 200)
    assert f"{PROJECT}/{JOB}" in wide[1]
    narrow = table_lines([job], NOW, len(wide[1]) - 10)[1]
    assert f"{PROJECT[:8]}…/{JOB}" in narrow and not narrow.endswith("…")


def test_job_id_tails_are_as_long_as_it_takes_to_tell_jobs_apart() -> None:
    # Same project, IDs that differ only 6 characters from the end: a 4-character
    # tail would show both as …0001.
    ids = ["2c9080e8845b207101845b245e1a0001", "2c9080e8845b207101845b245e1b0001"]
    jobs = [_job(i, status="RUNNING", job_name="x" * 40) for i in ids]
    lines = table_lines(jobs, NOW, 60)
    assert "JOB" in lines[0].split() and "…a0001" in lines[1] and "…b0001" in lines[2]
    assert all(len(line) <= 60 for line in lines)


def test_durations_read_and_written() -> None:
    assert parse_duration("7d") == timedelta(days=7)
    assert parse_duration("90") == timedelta(seconds=90)
    assert duration(timedelta(seconds=3725)) == "1h02m"

"""The model parses whatever the API sends without raising, keeping the raw text."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from jobtui.domain.model import (
    JobRecord,
    Status,
    parse_failed_code,
    parse_progress,
    parse_time,
    validate_id,
)

DOC_EXAMPLE = {
    "status": "FAIL",
    "progress": "9%",
    "job_id": "2c9080e88459fa44018459fbeb600001",
    "job_name": "ecfClusterElbCreateJob",
    "begin_time": "2022-11-09T20:25:00",
    "end_time": "2022-11-09T20:30:00",
    "failed_code": "CreateELBTask-fail:DWS.0114",
    "failed_detail": "DWS.0114:ELB private IP is not configured.",
}


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("9%", 9.0),
        ("9.5%", 9.5),
        ("100%", 100.0),
        ("150%", 100.0),
        ("-3%", 0.0),
        ("42", 42.0),
        (42, 42.0),
        ("", None),
        (None, None),
        ("abc", None),
        ("nan%", None),
        (True, None),
        ([], None),
    ],
)
def test_progress_is_tolerant(raw: object, value: float | None) -> None:
    assert parse_progress(raw).value == value


@pytest.mark.parametrize(
    "raw",
    [10**310, -(10**310), float("nan"), float("inf"), float("-inf"), "9" * 310, 10**5000],
    ids=["310 digits", "-310 digits", "nan", "inf", "-inf", "310-digit text", "5000 digits"],
)
def test_numbers_beyond_a_float_are_an_unknown_progress(raw: object) -> None:
    record = JobRecord.from_api("p1", "j1", {"status": "RUNNING", "progress": raw, "job_name": raw})
    assert record.progress is None and record.status is Status.RUNNING
    # Kept as text to show, but bounded: a 310-digit number does not fill a screen.
    assert record.progress_raw and len(record.progress_raw) <= 40
    assert record.job_name and (isinstance(raw, str) or len(record.job_name) <= 40)
    assert JobRecord.from_dict(record.to_dict()).progress is None


def test_clamped_progress_keeps_its_raw_text() -> None:
    progress = parse_progress("150%")
    assert (progress.value, progress.raw, progress.clamped) == (100.0, "150%", True)
    assert not parse_progress("9%").clamped


def test_documented_failed_job() -> None:
    record = JobRecord.from_api("p1", "2c9080e88459fa44018459fbeb600001", DOC_EXAMPLE)
    assert record.status is Status.FAIL and record.terminal
    assert record.progress == 9.0
    assert record.failed_code is not None
    assert (record.failed_code.task, record.failed_code.code) == ("CreateELBTask", "DWS.0114")
    assert record.begin_time == datetime(2022, 11, 9, 20, 25, tzinfo=timezone.utc)
    assert record.elapsed(datetime.now(timezone.utc)) == timedelta(minutes=5)


def test_unknown_status_is_kept_not_crashed() -> None:
    record = JobRecord.from_api("p", "j", {"status": "PAUSED_BY_OPS"})
    assert record.status is Status.UNKNOWN
    assert record.status_text == "PAUSED_BY_OPS"
    assert not record.terminal


@pytest.mark.parametrize("body", [{}, {"status": None, "progress": None}, {"status": 7}])
def test_missing_and_null_fields(body: dict[str, object]) -> None:
    record = JobRecord.from_api("p", "j", body)
    assert record.status is Status.UNKNOWN
    assert record.progress is None and record.begin_time is None


def test_zone_assumption_is_configurable() -> None:
    shanghai = timezone(timedelta(hours=8))
    when = parse_time("2022-11-09T20:25:00", shanghai)
    assert when is not None and when.utcoffset() == timedelta(hours=8)
    assert parse_time("2022-11-09T20:25:00Z", shanghai) == datetime(
        2022, 11, 9, 20, 25, tzinfo=timezone.utc
    )
    assert parse_time("yesterday") is None


def test_begin_time_ahead_of_server_is_flagged() -> None:
    server = datetime(2022, 11, 9, 12, 30, tzinfo=timezone.utc)
    record = JobRecord.from_api("p", "j", DOC_EXAMPLE, server_date=server)
    assert record.zone_mismatch


def test_failed_code_without_task() -> None:
    code = parse_failed_code("DWS.0001")
    assert code is not None and code.task is None and code.code == "DWS.0001"
    assert parse_failed_code("") is None


def test_record_round_trips_through_dict() -> None:
    record = JobRecord.from_api("p", "j", DOC_EXAMPLE, request_id="req-1")
    assert JobRecord.from_dict(record.to_dict()) == record


@pytest.mark.parametrize(
    "good", ["2c9080e88459fa44018459fbeb600001", "g6aa82ba1fc9748389b613e8da13e2fe9", "a.b_c-1"]
)
def test_valid_ids(good: str) -> None:
    assert validate_id(good) == good


@pytest.mark.parametrize(
    "bad", ["", "../etc", "a/b", "a?b", "a#b", "%2f", "x" * 129, "é", "a b", ".hidden"]
)
def test_invalid_ids_are_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        validate_id(bad, "job ID")

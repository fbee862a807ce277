"""Answers built to break a reader: numbers no float holds, escapes in headers, redirects.

Whatever one answer holds, it costs that job that answer: a record, or a typed
ApiError with the request ID; never an exception of another type.
"""

from __future__ import annotations

import re
from typing import Any, Callable

import pytest

from jobtui.api.client import DwsClient
from jobtui.domain.model import JobRecord, Status
from jobtui.sim import Simulator
from jobtui.sim.demo_scenario import PROJECT_BEIJING
from tests.api.helpers import ELB_JOB, fetch_error, last_request_id

SimFactory = Callable[..., Simulator]
# What may reach a message or an ID field: no ESC, BEL, C1 controls, bidi or zero-width.
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


async def test_numbers_too_big_for_a_float_give_an_unknown_progress(sim: Simulator) -> None:
    sim.set_fault("huge_number")
    async with DwsClient(sim.url) as api:
        record = await api.get_job(PROJECT_BEIJING, ELB_JOB)
    assert record.status is Status.RUNNING and record.progress is None
    assert record.progress_raw is not None and record.progress_raw.startswith("999")
    assert record.job_name is not None and len(record.job_name) <= 40
    assert record.request_id == last_request_id(sim)


async def test_a_reader_bug_is_that_jobs_bad_record(
    sim: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> JobRecord:
        raise OverflowError("int too large to convert to float")

    monkeypatch.setattr(JobRecord, "from_api", broken)
    error = await fetch_error(sim)
    assert error.kind == "bad_record" and not error.retryable
    assert "could not read (OverflowError)" in str(error) and ELB_JOB in str(error)
    assert error.request_id == last_request_id(sim) and error.request_id in str(error)


async def test_a_bug_mapping_an_error_answer_is_a_bad_record_too(
    sim: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> None:
        raise ValueError("surprise")

    monkeypatch.setattr("jobtui.api.client.error_for_answer", broken)
    sim.set_fault("error", status=503)
    error = await fetch_error(sim)
    assert error.kind == "bad_record" and error.request_id == last_request_id(sim)


@pytest.mark.parametrize("status", [503, 429, 401])
async def test_escapes_in_codes_ids_and_retry_after_never_reach_a_message(
    sim: Simulator, status: int
) -> None:
    sim.set_fault("escape_headers", status=status)
    error = await fetch_error(sim)
    assert error.http_status == status and not UNSAFE.search(str(error))
    for value in (error.request_id, error.error_code):
        assert value and re.fullmatch(r"[A-Za-z0-9._:-]+", value), value
    # "ESC[2J…5" is no number of seconds: ignored, not read as 5 or as a date.
    assert error.retry_after is None


async def test_escapes_in_the_request_id_of_a_record_are_dropped(sim: Simulator) -> None:
    sim.set_fault("escape_headers", status=200)
    async with DwsClient(sim.url) as api:
        record = await api.get_job(PROJECT_BEIJING, ELB_JOB)
    assert record.request_id and re.fullmatch(r"[A-Za-z0-9._:-]+", record.request_id)


@pytest.mark.parametrize("status", [301, 302, 307, 308])
async def test_a_redirect_elsewhere_is_not_followed_and_says_so(
    sim_factory: SimFactory, status: int
) -> None:
    sim, elsewhere = sim_factory(), sim_factory()
    path = f"/v1.0/{PROJECT_BEIJING}/job/{ELB_JOB}"
    sim.set_fault("redirect", status=status, location=elsewhere.url + path)
    error = await fetch_error(sim)
    assert error.kind == "bad_request" and f"redirected the request ({status})" in str(error)
    assert "--endpoint" in str(error)
    assert len(sim.requests) == 1 and not elsewhere.requests


async def test_a_redirect_on_the_same_server_is_not_followed_either(sim: Simulator) -> None:
    sim.set_fault("redirect")
    error = await fetch_error(sim)
    assert "redirected the request (302)" in str(error) and len(sim.requests) == 1

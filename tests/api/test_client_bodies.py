"""Answers that are not a job record: HTML, broken JSON, oversize, wrong types."""

from __future__ import annotations

import pytest

from jobtui.api.client import DwsClient
from jobtui.domain.model import Status
from jobtui.sim import Simulator
from tests.api.helpers import ELB_JOB, fetch_error, fetch_error_for


async def test_html_page_instead_of_json_points_at_a_proxy(sim: Simulator) -> None:
    sim.set_fault("html")
    error = await fetch_error(sim)
    assert error.kind == "proxy" and "HTML page" in str(error)
    assert error.request_id == sim.requests[-1].request_id


async def test_truncated_json_is_a_bad_body(sim: Simulator) -> None:
    sim.set_fault("malformed")
    error = await fetch_error(sim)
    assert error.kind == "bad_body" and "not JSON" in str(error) and error.retryable


@pytest.mark.parametrize("unsized", [False, True], ids=["declared", "streamed"])
async def test_oversized_body_is_cut_at_the_cap(sim: Simulator, unsized: bool) -> None:
    sim.set_fault("oversize", size=300_000, unsized=unsized)
    error = await fetch_error(sim, max_body=64 * 1024)
    assert error.kind == "too_large" and "over 64 KiB" in str(error)


async def test_default_cap_is_one_mebibyte(sim: Simulator) -> None:
    sim.set_fault("oversize", size=1024 * 1024, unsized=True)
    error = await fetch_error(sim)
    assert error.kind == "too_large" and "over 1 MiB" in str(error)


async def test_status_of_the_wrong_type_is_a_bad_record(sim: Simulator) -> None:
    sim.set_fault("wrong_types")
    error = await fetch_error(sim)
    assert error.kind == "bad_record" and "status is 3" in str(error)
    assert ELB_JOB in str(error) and not error.retryable


async def test_other_fields_of_odd_types_are_tolerated(sim_factory) -> None:  # type: ignore[no-untyped-def]
    from jobtui.sim import Scenario, Step
    from jobtui.sim.scenario import JobTimeline

    odd = {"progress": 42, "job_name": 7, "begin_time": 12, "end_time": None, "extra": [1]}
    job = JobTimeline("p1", "j1", "x", (Step(0, "running", None, odd),))
    sim = sim_factory(Scenario((job,)))
    async with DwsClient(sim.url) as api:
        record = await api.get_job("p1", "j1")
    assert record.status is Status.RUNNING and record.progress == 42.0
    assert record.job_name == "7" and record.begin_time is None


@pytest.mark.parametrize(
    ("fields", "problem"),
    [({"status": ""}, 'status is ""'), ({"job_id": "someone-else"}, "about job someone-else")],
)
async def test_records_that_cannot_be_shown_are_bad_records(
    sim_factory,
    fields: dict[str, str],
    problem: str,  # type: ignore[no-untyped-def]
) -> None:
    from jobtui.sim import Scenario, Step
    from jobtui.sim.scenario import JobTimeline

    job = JobTimeline("p1", "j1", "x", (Step(0, "RUNNING", "1%", fields),))
    sim = sim_factory(Scenario((job,)))
    async with DwsClient(sim.url) as api:
        with pytest.raises(Exception) as caught:
            await api.get_job("p1", "j1")
    assert getattr(caught.value, "kind", None) == "bad_record"
    assert problem in str(caught.value)


async def test_a_record_without_status_is_a_bad_record(sim_factory) -> None:  # type: ignore[no-untyped-def]
    from jobtui.sim import Scenario, Step
    from jobtui.sim.scenario import JobTimeline

    sim = sim_factory(Scenario((JobTimeline("p1", "j1", "x", (Step(0, None, "5%"),)),)))
    error = await fetch_error_for(sim, "p1", "j1")
    assert error.kind == "bad_record" and "status is missing" in str(error)

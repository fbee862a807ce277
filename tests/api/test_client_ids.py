"""IDs are checked before any request and can never change the path, query or host."""

from __future__ import annotations

import contextlib

import pytest

from jobtui.api.client import DwsClient
from jobtui.domain.errors import ApiError, UsageError
from jobtui.sim import Simulator
from jobtui.sim.demo_scenario import PROJECT_BEIJING, PROJECT_EUROPE

HOSTILE = ["../x", "..", "a/b", "a?b=1", "a#frag", "a%2fb", "@evil.example", "a b", "é",
           "x" * 129, "x" * 200, "", "a\r\nX-Injected: 1", "a\x00"]  # fmt: skip


@pytest.mark.parametrize("bad", HOSTILE)
async def test_unsafe_ids_are_refused_before_any_request(sim: Simulator, bad: str) -> None:
    async with DwsClient(sim.url) as api:
        with pytest.raises(UsageError) as job_error:
            await api.get_job(PROJECT_BEIJING, bad)
        with pytest.raises(UsageError) as project_error:
            await api.get_job(bad, "2c9080e88459fa44018459fbeb600001")
    assert "job ID" in str(job_error.value) and "project ID" in str(project_error.value)
    assert len(sim.requests) == 0


async def test_odd_but_valid_ids_go_out_as_one_segment(sim: Simulator) -> None:
    ids = ["g6aa82ba1fc9748389b613e8da13e2fe9", "a" * 128, "a.b-c_D", "a.."]
    async with DwsClient(sim.url + "/") as api:
        for job_id in ids:
            with contextlib.suppress(ApiError):  # unknown jobs: only the path sent matters
                await api.get_job(PROJECT_EUROPE, job_id)
    assert [r.path for r in sim.requests] == [f"/v1.0/{PROJECT_EUROPE}/job/{i}" for i in ids]


async def test_the_33_character_official_example_id_is_served(sim: Simulator) -> None:
    async with DwsClient(sim.url) as api:
        record = await api.get_job(PROJECT_EUROPE, "g6aa82ba1fc9748389b613e8da13e2fe9")
    assert record.job_name == "encryptClusterJob"

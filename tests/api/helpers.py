"""Small helpers shared by the API tests."""

from __future__ import annotations

from typing import Any

import pytest

from jobtui.api.client import DwsClient
from jobtui.domain.errors import ApiError
from jobtui.sim import Simulator
from jobtui.sim.demo_scenario import PROJECT_BEIJING

ELB_JOB = "2c9080e88459fa44018459fbeb600001"


async def fetch_error(sim: Simulator, job_id: str = ELB_JOB, **client: Any) -> ApiError:
    """Fetch one demo job and return the ApiError it must raise."""
    return await fetch_error_for(sim, PROJECT_BEIJING, job_id, **client)


async def fetch_error_for(sim: Simulator, project_id: str, job_id: str, **client: Any) -> ApiError:
    """Fetch a job and return the ApiError it must raise."""
    async with DwsClient(sim.url, **client) as api:
        with pytest.raises(ApiError) as caught:
            await api.get_job(project_id, job_id)
    return caught.value


def last_request_id(sim: Simulator) -> str:
    return sim.requests[-1].request_id

"""Every request has a deadline for the whole exchange, however slowly the bytes come."""

from __future__ import annotations

import time

import pytest

from jobtui.api.client import DwsClient
from jobtui.domain.errors import ApiError
from jobtui.sim import Simulator
from jobtui.sim.demo_scenario import PROJECT_BEIJING
from tests.api.helpers import ELB_JOB, fetch_error


async def test_a_body_dripping_a_byte_at_a_time_times_out_at_the_deadline(sim: Simulator) -> None:
    # Each byte comes well within httpx's read timeout, so only a deadline on the whole
    # exchange stops it: the record is ~300 bytes, ~15 s at this pace.
    sim.set_fault("drip", delay=0.05)
    started = time.monotonic()
    error = await fetch_error(sim, timeout=0.5)
    assert time.monotonic() - started < 3
    assert error.kind == "timeout" and error.retryable
    assert "had not finished within 0.5 s" in str(error)


async def test_after_a_deadline_the_half_read_connection_is_not_reused(sim: Simulator) -> None:
    sim.set_fault("drip", delay=0.05, times=1)
    async with DwsClient(sim.url, timeout=0.5) as api:
        with pytest.raises(ApiError, match=r"within 0\.5 s"):
            await api.get_job(PROJECT_BEIJING, ELB_JOB)
        record = await api.get_job(PROJECT_BEIJING, ELB_JOB)
    assert record.job_id == ELB_JOB
    dripped, fresh = sim.requests[-2:]
    # Its own connection: the dripping one was closed, not handed back to the pool.
    assert fresh.client_port != dripped.client_port

"""A 429's Retry-After is honoured up to 10 minutes, and only where it was said.

One gateway throttling one caller slows and holds that endpoint and credential only:
jobs on other endpoints keep their schedule, and the global `rate_per_minute` is as
it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jobtui.domain.errors import NOT_ASKED
from jobtui.domain.events import FetchFailed
from jobtui.polling.backoff import MAX_RETRY_AFTER
from jobtui.sim.scenario import Scenario
from jobtui.store.config import ProjectSettings
from tests.polling.helpers import job, rigged, simulator

THREE = Scenario(tuple(job(n) for n in range(3)))
# Projects 0 and 1, each with three jobs; project 1 is served by another endpoint.
TWO_ENDPOINTS = Scenario(tuple(job(n, project=n // 3) for n in range(6)))
FAR_FUTURE = "Fri, 31 Dec 9999 23:59:59 GMT"


async def test_a_huge_retry_after_holds_its_endpoint_ten_minutes_not_for_ever(
    tmp_path: Path,
) -> None:
    async with rigged(THREE, tmp_path) as rig:
        rig.sim.set_fault("throttle", retry_after="99999999999", times=1)
        await rig.time.run_for(rig.poller, MAX_RETRY_AFTER - 1)
        assert rig.sim.count() == 1
        failed, *held = rig.of(FetchFailed)
        assert failed.error.retry_after == MAX_RETRY_AFTER == 600
        # The jobs its endpoint holds back say why, with no answer or request ID of theirs.
        assert len(held) == 2
        assert all(h.error.kind == NOT_ASKED and h.error.request_id is None for h in held)
        assert all("throttled (429) until" in h.error.message for h in held)
        await rig.time.run_for(rig.poller, 2)
        assert [rig.sim.count(t.job_id) for t in THREE.jobs] == [2, 1, 1]


@pytest.mark.parametrize("retry_after", [FAR_FUTURE, "inf", "1e400"])
async def test_an_http_date_far_ahead_is_capped_too(tmp_path: Path, retry_after: str) -> None:
    async with rigged(THREE, tmp_path) as rig:
        rig.sim.set_fault("throttle", retry_after=retry_after, times=1)
        await rig.time.run_for(rig.poller, MAX_RETRY_AFTER + 1)
        assert rig.sim.count() == 1 + 3  # the 429, then every job once it is over


async def test_an_http_date_in_the_past_asks_for_no_wait(tmp_path: Path) -> None:
    async with rigged(THREE, tmp_path) as rig:
        rig.sim.set_fault("throttle", retry_after="Thu, 01 Jan 1970 00:00:00 GMT", times=1)
        await rig.time.run_for(rig.poller, 30)
        # The throttled job is retried after its usual backoff; the others never paused.
        assert rig.sim.count(THREE.jobs[0].job_id) >= 3
        assert all(rig.sim.count(t.job_id) >= 3 for t in THREE.jobs)


async def test_a_throttled_endpoint_does_not_stop_another_endpoints_jobs(
    tmp_path: Path,
) -> None:
    with simulator(TWO_ENDPOINTS) as other:
        second = ProjectSettings(endpoint=other.url)
        projects = {TWO_ENDPOINTS.jobs[3].project_id: second}
        async with rigged(TWO_ENDPOINTS, tmp_path, projects=projects) as rig:
            rig.sim.set_fault("throttle", retry_after="300")
            await rig.time.run_for(rig.poller, 120)
            # The first endpoint said wait 5 minutes: one request, then nothing.
            assert rig.sim.count() == 1
            # The other kept its schedule: every job asked every 10 s (from 1 s on).
            assert [other.count(t.job_id) for t in TWO_ENDPOINTS.jobs[3:]] == [12] * 3

"""A down endpoint and a refused credential hold every job behind them: counted requests."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobtui.domain.events import (
    CredentialPaused,
    CredentialResumed,
    EndpointDown,
    EndpointUp,
    FetchFailed,
    Warned,
)
from jobtui.polling.gates import ENDPOINT_CAP
from jobtui.sim.clock import ManualClock
from jobtui.sim.responses import NO_API
from jobtui.sim.scenario import Scenario
from jobtui.sim.server import Simulator
from tests.polling.helpers import entries, job, rigged

TWENTY = Scenario(tuple(job(n, project=n % 4) for n in range(20)))


async def test_a_dead_endpoint_gets_one_probe_at_a_time_not_one_request_per_job(
    tmp_path: Path,
) -> None:
    async with rigged(TWENTY, tmp_path, refresh_interval=10.0) as rig:
        sim = rig.sim
        sim.set_fault("reset")
        await rig.time.run_for(rig.poller, 600)
        # Probes at 0, 3.75, 11.25, 26.25, then every 22.5 s to 588.75 (5 s doubling,
        # jitter pinned at 75%, 30 s cap): 29 requests, where one per job would be 1200.
        assert await rig.served() == 29
        downs = rig.of(EndpointDown)
        assert len({e.since for e in downs}) == 1
        # Every job shows the outage, without a request of its own.
        assert {e.key for e in rig.of(FetchFailed)} == {e.key for e in entries(TWENTY)}
        sim.clear_faults()
        # Back within one backoff period: the probe due at 611.25 s finds it, then all go.
        await rig.time.run_for(rig.poller, 15)
        assert [e.endpoint for e in rig.of(EndpointUp)] == [sim.url]
        assert await rig.served() == 29 + 20  # the probe is one of the twenty
        assert all(not state.error for state in rig.poller.states.values())


async def test_an_endpoint_that_dies_mid_watch_is_not_hammered(tmp_path: Path) -> None:
    async with rigged(TWENTY, tmp_path, refresh_interval=10.0, concurrency=4) as rig:
        sim = rig.sim
        await rig.time.run_for(rig.poller, 5)
        assert await rig.served() == 20
        sim.set_fault("error", status=502)
        await rig.time.run_for(rig.poller, 300)
        # Three jobs' 502s condemn it (those in flight finish), then one probe at a time:
        # 3.75, 7.5 and 15 s apart, then every 22.5 s (jitter pinned at 75% of 30 s).
        assert await rig.served() - 20 <= 4 + 15
        assert len(rig.of(EndpointDown)) >= 1


async def test_a_refused_credential_pauses_every_job_that_uses_it(tmp_path: Path) -> None:
    env = {"HUAWEICLOUD_SDK_AK": "AKTESTAKTEST", "HUAWEICLOUD_SDK_SK": "wrong-secret"}
    async with rigged(
        TWENTY, tmp_path, env=env, sim=dict(ak="AKTESTAKTEST", sk="right-secret")
    ) as rig:
        # One failed signature, then one probe every 3 minutes: far from the lock-out.
        for probes, seconds in ((1, 179), (2, 180), (3, 180), (4, 150)):
            await rig.time.run_for(rig.poller, seconds)
            assert await rig.served() == probes
        paused = rig.of(CredentialPaused)
        assert paused and "wrong-secret" not in repr(paused) + str(rig.events)
        assert paused[0].credential == "AK AKTE… from environment"
        # The user asks: nothing goes before the probe is due (the gateway locks the key
        # after 5 failures); the poller says when it is, and then it goes, alone.
        rig.poller.refresh()
        await rig.time.run_for(rig.poller, 1)
        assert await rig.served() == 4
        [said] = [e.message for e in rig.of(Warned)]
        assert "AK AKTE…" in said and "next try at" in said and "5 failures" in said
        await rig.time.run_for(rig.poller, 40)  # the probe due at 720 s
        assert await rig.served() == 5


async def test_a_credential_resumes_when_its_probe_passes(tmp_path: Path) -> None:
    async with rigged(TWENTY, tmp_path) as rig:
        sim = rig.sim
        sim.set_fault("error", status=401, error_code="APIGW.0301", times=1)
        await rig.time.run_for(rig.poller, 181)
        assert len(rig.of(CredentialPaused)) == 1 and len(rig.of(CredentialResumed)) == 1
        assert await rig.served() == 1 + 20  # the refused probe, then every job


async def test_the_services_not_found_under_401_never_pauses_the_credential(
    tmp_path: Path,
) -> None:
    # DWS says "not found" as DWS.0047 under 401 (Huawei's Terraform provider sees it):
    # the key got through the gateway, so the other jobs on that key keep being polled.
    env = {"HUAWEICLOUD_SDK_AK": "AKTESTAKTEST", "HUAWEICLOUD_SDK_SK": "right-secret"}
    gone = {e.job_id for e in entries(TWENTY) if e.project_id == f"{0:032x}"}
    async with rigged(
        TWENTY, tmp_path, env=env, sim=dict(ak="AKTESTAKTEST", sk="right-secret")
    ) as rig:
        rig.sim.set_fault("error", status=401, error_code="DWS.0047", project_id=f"{0:032x}")
        await rig.time.run_for(rig.poller, 60)
        # The first request, alone as a new credential's probe, was one of the 401s.
        assert rig.sim.requests[0].job_id in gone and rig.sim.requests[0].status == 401
        assert not rig.of(CredentialPaused)
        for key, state in rig.poller.states.items():
            if key[1] in gone:
                assert state.error is not None and state.error.kind == "not_found"
            else:
                assert state.error is None and state.record is not None
                assert await rig.served(key[1]) >= 6  # every 10 s for a minute


async def test_jobs_held_by_a_paused_credential_go_as_soon_as_a_retry_passes(
    tmp_path: Path,
) -> None:
    async with rigged(TWENTY, tmp_path) as rig:
        rig.sim.set_fault("error", status=401, error_code="APIGW.0301", times=1)
        await rig.time.run_for(rig.poller, 30)
        assert await rig.served() == 1
        # The user fixed the key and asks about one job: the other 19 follow at once.
        rig.poller.refresh(entries(TWENTY)[5].key)
        await rig.time.run_for(rig.poller, 1)
        assert await rig.served() == 21
        assert all(state.record for state in rig.poller.states.values())


async def test_a_stopped_simulator_is_probed_and_found_again_when_it_returns(
    tmp_path: Path,
) -> None:
    async with rigged(TWENTY, tmp_path) as rig:
        await rig.time.run_for(rig.poller, 1)
        port, sent = rig.sim.port, rig.poller.requested
        rig.sim.stop()
        await rig.time.run_for(rig.poller, 120)
        refused = rig.of(EndpointDown)
        assert refused and refused[0].error.kind == "connection"
        # At most the 8 in flight when it went, then a probe at a time (13.75, 21.25,
        # 36.25, 66.25 s), where one per job would be 20 x 11.
        assert rig.poller.requested - sent <= 8 + 4
        with Simulator(TWENTY, clock=ManualClock(), port=port):
            await rig.time.run_for(rig.poller, 120)
        assert len(rig.of(EndpointUp)) == 1
        assert all(not state.error for state in rig.poller.states.values())


@pytest.mark.parametrize("jitter", [0.0, 0.5, 1.0])
async def test_after_a_two_minute_outage_polling_resumes_within_30_s(
    tmp_path: Path, jitter: float
) -> None:
    async with rigged(TWENTY, tmp_path, poller=dict(rand=lambda: jitter)) as rig:
        await rig.time.run_for(rig.poller, 1)
        rig.sim.set_fault("reset")  # every connection dropped: the endpoint is down
        await rig.time.run_for(rig.poller, 120)
        rig.sim.clear_faults()
        back = rig.sim.now()
        await rig.time.run_for(rig.poller, 60)
        answered = [r.time for r in rig.sim.requests if r.status == 200 and r.time >= back]
        # Probes back off to ENDPOINT_CAP (30 s) at most, whatever the jitter.
        assert answered and min(answered) - back <= ENDPOINT_CAP == 30


async def test_jobs_held_by_a_refused_credential_say_they_were_not_asked(tmp_path: Path) -> None:
    async with rigged(TWENTY, tmp_path) as rig:
        rig.sim.set_fault("error", status=401, error_code="APIG.0301", times=1)
        await rig.time.run_for(rig.poller, 30)
        errors = [state.error for state in rig.poller.states.values() if state.error]
        [own] = [error for error in errors if error.kind == "auth"]
        assert own.request_id == rig.sim.requests[0].request_id
        held = [error for error in errors if error.kind == "not_asked"]
        assert len(held) == 19 and all(error.request_id is None for error in held)
        assert all(e.message.startswith("not asked: credentials refused since ") for e in held)


async def test_a_gateway_without_the_api_holds_its_endpoint_behind_one_probe(
    tmp_path: Path,
) -> None:
    # APIGW.0101: the region or endpoint is wrong for every job there, not for one job.
    async with rigged(TWENTY, tmp_path, refresh_interval=10.0, region="eu-west-101") as rig:
        rig.sim.set_fault("error", status=404, error_code=NO_API[0], error_msg=NO_API[1])
        await rig.time.run_for(rig.poller, 600)
        # The dead endpoint's cadence: 29 probes in 10 minutes, not 20 jobs' back-offs.
        assert await rig.served() == 29
        downs = rig.of(EndpointDown)
        assert len({e.since for e in downs}) == 1 and downs[0].endpoint == rig.sim.url
        said = downs[0].error.message
        assert downs[0].error.kind == "wrong_endpoint"
        assert "127.0.0.1 (chosen for region eu-west-101) has no such API (APIGW.0101" in said
        held = {e.state.error.message for e in rig.of(FetchFailed) if e.error.kind == "not_asked"}
        assert held and all(m.startswith("not asked: wrong endpoint or region") for m in held)
        rig.sim.clear_faults()  # the user set the right endpoint
        await rig.time.run_for(rig.poller, 40)
        assert [e.endpoint for e in rig.of(EndpointUp)] == [rig.sim.url]
        assert all(not state.error for state in rig.poller.states.values())

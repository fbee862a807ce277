"""The simulator answers over real HTTP as DWS and its gateway do."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Callable

import httpx
import pytest

from jobtui.api.auth import AkSkAuth
from jobtui.sim import RealClock, Simulator
from jobtui.sim.clock import ManualClock
from jobtui.sim.demo_scenario import PROJECT_BEIJING, PROJECT_EUROPE, demo_scenario

ELB = f"/v1.0/{PROJECT_BEIJING}/job/2c9080e88459fa44018459fbeb600001"
STOP = f"/v1.0/{PROJECT_BEIJING}/job/2c9080e8845b207101845b245e1e0004"
SimFactory = Callable[..., Simulator]


def _get(sim: Simulator, path: str, **kwargs: object) -> httpx.Response:
    with httpx.Client(base_url=sim.url, trust_env=False) as http:
        return http.get(path, **kwargs)  # type: ignore[arg-type]


def test_job_body_is_all_strings_with_request_id_and_date(sim: Simulator) -> None:
    response = _get(sim, ELB)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    assert len(response.headers["X-Request-Id"]) == 32 and "GMT" in response.headers["Date"]
    body = response.json()
    assert set(body) >= {"status", "progress", "job_id", "job_name", "begin_time", "end_time"}
    assert all(isinstance(v, str) for v in body.values())


def test_every_error_also_carries_request_id_and_date(sim_factory: SimFactory) -> None:
    sim = sim_factory(ak="AK", sk="SK")
    unsigned = _get(sim, ELB)
    assert unsigned.status_code == 401
    body = unsigned.json()
    assert body["error_code"] == "APIGW.0301"
    assert body["request_id"] == unsigned.headers["X-Request-Id"]
    assert "Date" in unsigned.headers


def test_unknown_job_and_unknown_path(sim: Simulator) -> None:
    missing = _get(sim, f"/v1.0/{PROJECT_BEIJING}/job/nope")
    assert missing.status_code == 404 and missing.json()["error_code"].startswith("DWS.")
    assert "request_id" not in missing.json()
    nothing = _get(sim, "/v2/whatever")
    assert nothing.status_code == 404 and nothing.json()["error_code"] == "APIGW.0101"


def test_manual_clock_moves_jobs_and_requests_are_counted(sim: Simulator) -> None:
    assert _get(sim, STOP).json()["status"] == "RUNNING"
    sim.advance(150)
    stopped = _get(sim, STOP).json()
    assert stopped["status"] == "STOP" and stopped["end_time"]
    assert sim.count() == 2 and sim.count("2c9080e8845b207101845b245e1e0004") == 2
    assert sim.count("2c9080e88459fa44018459fbeb600001") == 0


def test_faults_are_scoped_by_job_window_and_times(sim: Simulator) -> None:
    sim.set_fault("error", status=500, job_id="2c9080e8845b207101845b245e1e0004", start=10, end=20)
    sim.set_fault("throttle", times=1)
    assert _get(sim, STOP).status_code == 429
    assert _get(sim, STOP).status_code == 200
    sim.set_time(10)
    assert _get(sim, STOP).status_code == 500 and _get(sim, ELB).status_code == 200
    sim.advance(10)
    assert _get(sim, STOP).status_code == 200


def test_signature_over_a_different_path_is_refused(sim_factory: SimFactory) -> None:
    sim = sim_factory(ak="AK", sk="SK")
    request = httpx.Request("GET", sim.url + ELB)
    signed = next(AkSkAuth("AK", "SK").auth_flow(request))
    headers = dict(signed.headers)
    assert _get(sim, ELB, headers=headers).status_code == 200
    tampered = _get(sim, STOP, headers=headers)
    assert tampered.status_code == 401 and "signature" in tampered.json()["error_msg"]


def test_stale_sdk_date_is_refused_like_the_gateway(sim_factory: SimFactory) -> None:
    now = datetime(2026, 1, 5, 8, 0, tzinfo=timezone.utc)
    sim = sim_factory(ak="AK", sk="SK", wall=lambda: now)
    old = AkSkAuth("AK", "SK", clock=lambda: now - timedelta(minutes=16))
    request = next(old.auth_flow(httpx.Request("GET", sim.url + ELB)))
    refused = _get(sim, ELB, headers=dict(request.headers))
    assert refused.status_code == 401 and refused.json()["error_code"] == "APIGW.0301"
    assert refused.json()["error_msg"].endswith(
        "calc aksk signature fail:signature expired, signature time:20260105T074400Z,"
        "server time:20260105T080000Z"
    )
    assert refused.headers["Date"] == "Mon, 05 Jan 2026 08:00:00 GMT"


def test_iam_project_lookup_by_region(sim: Simulator) -> None:
    projects = _get(sim, "/v3/projects", params={"name": "eu-west-101"}).json()["projects"]
    assert [p["id"] for p in projects] == [PROJECT_EUROPE]


def test_refuses_a_non_loopback_address() -> None:
    with pytest.raises(ValueError, match="loopback"):
        Simulator(host="0.0.0.0")


def test_manual_time_needs_a_manual_clock() -> None:
    with pytest.raises(TypeError, match="ManualClock"):
        Simulator(clock=RealClock()).advance(1)


def test_real_clock_can_run_faster() -> None:
    ticks = iter([100.0, 101.0])
    assert RealClock(speed=10, monotonic=lambda: next(ticks)).now() == 10.0


def test_a_clock_started_part_way_stamps_end_time_when_the_job_ends() -> None:
    # `jobtui demo` starts 85 s in; the ELB job fails at 90 s, i.e. 5 s after start.
    wall = datetime(2026, 11, 29, 14, 20, tzinfo=timezone.utc)
    clock = ManualClock(85.0)
    sim = Simulator(demo_scenario(), clock=clock, wall=lambda: wall)
    clock.advance(5)
    job = sim.scenario.jobs[0]
    body = job.body_at(clock.now(), sim.started_at)
    assert body is not None and body["status"] == "FAIL"
    assert body["end_time"] == (wall + timedelta(seconds=5)).strftime("%Y-%m-%dT%H:%M:%S")

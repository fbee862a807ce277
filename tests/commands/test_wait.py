"""Each exit status of `jobtui wait`, driven by the simulator's timeline."""

from __future__ import annotations

import socket

from jobtui.sim.server import Simulator
from tests.commands.conftest import FAILS, MISSING, PROJECT, RUNNING, SUCCEEDS, Run
from tests.commands.waiting import wait_across_the_end

FAST = ("--interval", "0.02")


def _spec(job: str) -> str:
    return f"{PROJECT}/{job}"


def test_exit_0_when_a_running_job_succeeds(jobtui: Run, cli_sim: Simulator) -> None:
    jobtui("add", PROJECT, SUCCEEDS)
    result = wait_across_the_end(
        jobtui, cli_sim, SUCCEEDS, SUCCEEDS, *FAST, "--endpoint", cli_sim.url
    )
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert "RUNNING" in lines[0] and "10%" in lines[0]
    assert "SUCCESS" in lines[-1] and "100%" in lines[-1]


def test_exit_1_when_any_job_fails(jobtui: Run, cli_sim: Simulator) -> None:
    cli_sim.set_time(20)
    result = jobtui("wait", _spec(SUCCEEDS), _spec(FAILS), *FAST, "--endpoint", cli_sim.url)
    assert result.code == 1
    assert f"{PROJECT}/{FAILS} ended FAIL" in result.err
    assert "CreateELBTask-fail:DWS.0114" in result.out


def test_exit_2_for_a_job_not_in_the_watchlist_or_a_bad_timeout(jobtui: Run) -> None:
    unknown = jobtui("wait", RUNNING)
    assert unknown.code == 2 and "PROJECT_ID/JOB_ID" in unknown.err
    assert jobtui("wait", _spec(RUNNING), "--timeout", "soon").code == 2
    assert jobtui("wait", _spec(RUNNING), "--interval", "-1").code == 2


def test_exit_3_on_timeout(jobtui: Run, cli_sim: Simulator) -> None:
    result = jobtui("wait", _spec(RUNNING), "--timeout", "1", *FAST, "--endpoint", cli_sim.url)
    assert result.code == 3
    assert "timed out after 1 s" in result.err
    assert "RUNNING" in result.out


def test_exit_4_when_the_job_does_not_exist(jobtui: Run, cli_sim: Simulator) -> None:
    result = jobtui("wait", _spec(MISSING), *FAST, "--endpoint", cli_sim.url)
    assert result.code == 4
    assert f"cannot query {PROJECT}/{MISSING}" in result.err


def test_exit_4_at_once_when_the_endpoint_is_not_the_dws_api(
    jobtui: Run, cli_sim: Simulator
) -> None:
    # A host whose gateway has no such API (APIGW.0101): the endpoint is wrong, not the job.
    result = jobtui("wait", _spec(RUNNING), *FAST, "--endpoint", f"{cli_sim.url}/dws")
    assert result.code == 4
    assert "the endpoint or region is wrong" in result.err and "not found" not in result.err
    assert [r.status for r in cli_sim.requests] == [404]  # no retries: it will not heal


def test_exit_4_when_credentials_are_refused(jobtui: Run, monkeypatch: object) -> None:
    from jobtui.sim.scenario import scenario_from_dict
    from tests.commands.conftest import SCENARIO

    with Simulator(scenario_from_dict(SCENARIO), ak="AKTEST", sk="right-secret") as sim:
        mp = monkeypatch
        mp.setenv("HUAWEICLOUD_SDK_AK", "AKTEST")  # type: ignore[attr-defined]
        mp.setenv("HUAWEICLOUD_SDK_SK", "wrong-secret")  # type: ignore[attr-defined]
        result = jobtui("wait", _spec(RUNNING), *FAST, "--endpoint", sim.url)
    assert result.code == 4
    assert "wrong-secret" not in result.err + result.out
    assert sim.count() == 1  # one refused signature, not one per retry


def test_exit_4_when_the_endpoint_stays_unreachable(jobtui: Run) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    result = jobtui("wait", _spec(RUNNING), *FAST, "--retry-for", "0", "--endpoint", url)
    assert result.code == 4
    assert "cannot query" in result.err

"""`wait` and `status` leave what they saw in the state cache: `wait X && prune` drops X."""

from __future__ import annotations

import json

from jobtui.sim.server import Simulator
from tests.commands.conftest import FAILS, PROJECT, RUNNING, SUCCEEDS, Run
from tests.commands.waiting import wait_across_the_end

FAST = ("--interval", "0.02")


def _listed(jobtui: Run) -> dict[str, str]:
    return {j["job_id"]: j["status"] for j in json.loads(jobtui("list", "--json").out)}


def test_wait_then_list_shows_the_end_and_prune_drops_the_job(
    jobtui: Run, cli_sim: Simulator
) -> None:
    for job in (RUNNING, SUCCEEDS):
        jobtui("add", PROJECT, job)
    assert jobtui("status", "--endpoint", cli_sim.url).code == 0
    assert _listed(jobtui) == {RUNNING: "RUNNING", SUCCEEDS: "RUNNING"}
    done = wait_across_the_end(
        jobtui, cli_sim, SUCCEEDS, SUCCEEDS, *FAST, "--endpoint", cli_sim.url
    )
    assert done.code == 0, done.err
    assert _listed(jobtui) == {RUNNING: "RUNNING", SUCCEEDS: "SUCCESS"}
    pruned = jobtui("prune")
    assert pruned.out == f"no longer watching: {PROJECT}/{SUCCEEDS}\n"
    assert list(_listed(jobtui)) == [RUNNING]


def test_a_failed_wait_records_the_failure_code_too(jobtui: Run, cli_sim: Simulator) -> None:
    jobtui("add", PROJECT, FAILS)
    cli_sim.set_time(20)
    assert jobtui("wait", FAILS, *FAST, "--quiet", "--endpoint", cli_sim.url).code == 1
    [job] = json.loads(jobtui("list", "--json").out)
    assert job["status"] == "FAIL" and job["failed_code"] == "CreateELBTask-fail:DWS.0114"
    assert "pruned 1 finished job." in jobtui("prune").err


def test_waiting_on_a_job_not_watched_leaves_the_cache_to_watched_jobs(
    jobtui: Run, cli_sim: Simulator
) -> None:
    jobtui("add", PROJECT, RUNNING)
    cli_sim.set_time(20)
    assert jobtui("wait", f"{PROJECT}/{SUCCEEDS}", *FAST, "--endpoint", cli_sim.url).code == 0
    assert _listed(jobtui) == {RUNNING: None}

"""`jobtui prune` drops finished jobs, as last seen by `status`."""

from __future__ import annotations

import json

from jobtui.sim.server import Simulator
from tests.commands.conftest import FAILS, PROJECT, RUNNING, SUCCEEDS, Run


def test_prune_removes_finished_jobs_and_respects_older_than(
    jobtui: Run, cli_sim: Simulator
) -> None:
    for job in (RUNNING, SUCCEEDS, FAILS):
        jobtui("add", PROJECT, job)
    cli_sim.set_time(20)
    assert jobtui("status", "--endpoint", cli_sim.url).code == 0
    kept = jobtui("prune", "--older-than", "1d")
    assert kept.code == 0 and "pruned 0 finished jobs" in kept.err
    pruned = jobtui("prune")
    assert pruned.code == 0 and "pruned 2 finished jobs" in pruned.err
    assert [j["job_id"] for j in json.loads(jobtui("list", "--json").out)] == [RUNNING]


def test_prune_rejects_a_bad_duration(jobtui: Run) -> None:
    result = jobtui("prune", "--older-than", "soon")
    assert result.code == 2 and "90s, 15m, 12h or 7d" in result.err

"""The poller benchmark still runs (tiny), so its figures never rot between full runs."""

from __future__ import annotations

import pytest

from tests.benchmarks import poller_bench


def test_the_poller_benchmark_runs_and_finished_jobs_cost_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert poller_bench.main(["--jobs", "20"]) == 0
    out = capsys.readouterr().out
    assert "the next 10 minutes sent 0" in out and "20 jobs over 20 projects" in out

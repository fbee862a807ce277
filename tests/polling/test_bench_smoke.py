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


def test_the_schedule_benchmark_sees_every_end_on_its_virtual_clock() -> None:
    from tests.benchmarks.schedule_bench import compare

    outcomes = compare(5, 2, seed=3)
    assert [o.missed for o in outcomes] == [0, 0, 0, 0]
    assert all(len(o.delays) == 10 and o.peak <= 60 for o in outcomes)

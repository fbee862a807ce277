"""`wait` with no job (every unfinished watched job), `wait -` (standard input), `--quiet`."""

from __future__ import annotations

from jobtui.sim.server import Simulator
from tests.commands.conftest import FAILS, MISSING, PROJECT, RUNNING, SUCCEEDS, Run

FAST = ("--interval", "0.02")


def test_wait_without_jobs_waits_for_every_unfinished_watched_job(
    jobtui: Run, cli_sim: Simulator
) -> None:
    cli_sim.set_time(20)
    jobtui("add", PROJECT, FAILS)
    assert jobtui("status", "--endpoint", cli_sim.url).code == 0  # FAIL is known: not waited
    jobtui("add", PROJECT, SUCCEEDS)
    result = jobtui("wait", *FAST, "--endpoint", cli_sim.url)
    assert result.code == 0, result.err
    assert SUCCEEDS in result.out and FAILS not in result.out
    again = jobtui("wait", *FAST, "--endpoint", cli_sim.url)
    assert again.code == 0 and "every watched job has finished" in again.err
    assert jobtui("wait", "--quiet").err == ""


def test_wait_dash_reads_the_jobs_from_standard_input(jobtui: Run, cli_sim: Simulator) -> None:
    cli_sim.set_time(20)
    jobtui("add", PROJECT, FAILS)
    stdin = f"# from a script\n{PROJECT}/{SUCCEEDS}\n{FAILS}\n"
    result = jobtui("wait", "-", *FAST, "--endpoint", cli_sim.url, stdin=stdin)
    assert result.code == 1
    assert f"{PROJECT}/{FAILS} ended FAIL" in result.err
    assert SUCCEEDS in result.out and "CreateELBTask-fail:DWS.0114" in result.out


def test_a_bad_line_on_standard_input_waits_for_nothing(jobtui: Run, cli_sim: Simulator) -> None:
    stdin = f"{PROJECT}/{SUCCEEDS}\nnot-an-id!\n"
    result = jobtui("wait", "-", *FAST, "--endpoint", cli_sim.url, stdin=stdin)
    assert result.code == 2 and "line 2" in result.err and "nothing was waited for" in result.err
    assert cli_sim.requests == []
    assert jobtui("wait", "-", RUNNING).code == 2


def test_quiet_prints_nothing_but_errors(jobtui: Run, cli_sim: Simulator) -> None:
    cli_sim.set_time(20)
    failed = jobtui("wait", f"{PROJECT}/{FAILS}", "-q", *FAST, "--endpoint", cli_sim.url)
    assert (failed.code, failed.out, failed.err) == (1, "", "")
    missing = jobtui("wait", f"{PROJECT}/{MISSING}", "-q", *FAST, "--endpoint", cli_sim.url)
    assert missing.code == 4 and missing.out == ""
    assert f"cannot query {PROJECT}/{MISSING}" in missing.err

"""`wait` rides out malformed answers for --retry-for, as it does outages."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest

from jobtui.commands.wait_verdict import Verdict
from jobtui.domain.errors import ErrorInfo
from jobtui.domain.events import FetchFailed, JobUpdated
from jobtui.domain.model import JobRecord
from jobtui.domain.state import JobState
from jobtui.polling.fetcher import Fetcher
from jobtui.sim.server import Simulator
from tests.commands.conftest import PROJECT, RUNNING, SUCCEEDS, Run

FAST = ("--interval", "0.02")
KEY = (PROJECT, RUNNING)
AT = datetime(2024, 5, 1, tzinfo=timezone.utc)
BAD = ErrorInfo("bad_record", "h answered for job j but its status is 3, not a status word.")


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _failed(error: ErrorInfo = BAD) -> tuple[FetchFailed, dict[tuple[str, str], JobState]]:
    state = JobState(KEY).with_error(error, AT)
    return FetchFailed(KEY, state, error, None), {KEY: state}


def test_a_malformed_answer_gives_up_only_after_retry_for_of_them() -> None:
    clock = Clock()
    verdict = Verdict([KEY], 300, clock)
    event, states = _failed()
    verdict.on_event(event)
    clock.now = 299.0
    verdict.on_event(event)  # still bad: the first failure is what counts
    assert verdict.decide(states) is None
    clock.now = 300.0
    assert verdict.decide(states) == 4
    assert verdict.reason and "after 300 s of retries" in verdict.reason
    assert "status is 3" in verdict.reason


def test_a_good_answer_in_between_starts_the_count_again() -> None:
    clock = Clock()
    verdict = Verdict([KEY], 300, clock)
    event, states = _failed()
    verdict.on_event(event)
    clock.now = 200.0
    record = JobRecord.from_api(PROJECT, RUNNING, {"status": "RUNNING"})
    verdict.on_event(JobUpdated(KEY, JobState(KEY).with_record(record, AT), True))
    verdict.on_event(event)
    clock.now = 450.0
    assert verdict.decide(states) is None
    clock.now = 500.0
    assert verdict.decide(states) == 4


def test_a_refused_job_still_gives_up_at_once() -> None:
    verdict = Verdict([KEY], 300, Clock())
    event, states = _failed(ErrorInfo("not_found", "Job j was not found."))
    verdict.on_event(event)
    assert verdict.decide(states) == 4
    assert verdict.reason == f"cannot query {PROJECT}/{RUNNING}: Job j was not found."


def test_wait_exits_0_after_a_spell_of_malformed_answers(jobtui: Run, cli_sim: Simulator) -> None:
    cli_sim.set_time(20)  # the job has succeeded; the first answers say nothing usable
    cli_sim.set_fault("wrong_types", job_id=SUCCEEDS, times=3)
    result = jobtui("wait", f"{PROJECT}/{SUCCEEDS}", *FAST, "--endpoint", cli_sim.url)
    assert result.code == 0, result.err
    assert cli_sim.count(SUCCEEDS) == 4
    assert "SUCCESS" in result.out.splitlines()[-1]


def test_wait_exits_4_when_malformed_answers_outlast_retry_for(
    jobtui: Run, cli_sim: Simulator
) -> None:
    cli_sim.set_fault("wrong_types", job_id=RUNNING)
    spec = f"{PROJECT}/{RUNNING}"
    result = jobtui("wait", spec, *FAST, "--retry-for", "0.3", "--endpoint", cli_sim.url)
    assert result.code == 4
    assert cli_sim.count(RUNNING) > 1  # retried, not dropped on the first
    assert f"cannot query {spec} after 0.3 s of retries" in result.err
    assert "status is 3" in result.err


def test_wait_says_a_poller_fault_once_escaped_and_still_exits_0(
    jobtui: Run, cli_sim: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    real, calls = Fetcher.gates, []

    def gates(self: Fetcher, key: tuple[str, str]) -> Any:
        calls.append(key)
        if len(calls) <= 3:  # the same bug three cycles running, then gone
            raise KeyError("\x1b]52;c;boom\x07")
        return real(self, key)

    monkeypatch.setattr(Fetcher, "gates", gates)
    cli_sim.set_time(20)  # the job has succeeded
    result = jobtui("wait", f"{PROJECT}/{SUCCEEDS}", *FAST, "--endpoint", cli_sim.url)
    assert result.code == 0, result.err
    said = [line for line in result.err.splitlines() if "internal error" in line]
    assert len(said) == 1 and "KeyError" in said[0] and "goes on" in said[0]
    assert "\x1b" not in result.err and "\x07" not in result.err

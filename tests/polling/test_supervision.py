"""A bug inside a cycle is logged and shown, and polling goes on at the next interval."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Callable

import pytest

from jobtui.domain.events import CycleFinished, JobUpdated, PollerFault
from jobtui.polling.fetcher import Fetcher
from jobtui.polling.supervision import fault_message
from jobtui.sim.scenario import Scenario
from tests.polling.helpers import job, rigged

THREE = Scenario(tuple(job(n) for n in range(3)))


def raising_once(method: Callable[..., Any], error: Exception) -> Callable[..., Any]:
    """`method`, except that its first call raises `error`."""
    calls = []

    def patched(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        if len(calls) == 1:
            raise error
        return method(*args, **kwargs)

    return patched


async def test_a_fault_in_a_cycle_is_reported_and_polling_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async with rigged(THREE, tmp_path, refresh_interval=10.0) as rig:
        fetcher = rig.poller._fetcher
        monkeypatch.setattr(fetcher, "gates", raising_once(fetcher.gates, KeyError("boom")))
        with caplog.at_level(logging.ERROR, logger="jobtui"):
            await rig.time.run_for(rig.poller, 35)
        [fault] = rig.of(PollerFault)
        assert "KeyError" in fault.message and "goes on" in fault.message
        assert any(r.exc_info and r.name == "jobtui.polling.poller" for r in caplog.records)
        # Nothing went at 0 s; the next interval's cycle asked every job, and so on.
        assert [rig.sim.count(t.job_id) for t in THREE.jobs] == [3, 3, 3]  # 10, 20, 30 s
        assert rig.of(CycleFinished)


async def test_a_worker_breaking_mid_cycle_ends_that_cycle_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scenario = Scenario(tuple(job(n) for n in range(20)))
    async with rigged(scenario, tmp_path, refresh_interval=10.0) as rig:
        fetcher = rig.poller._fetcher
        monkeypatch.setattr(fetcher, "admit", raising_once(fetcher.admit, ValueError("x")))
        await rig.time.run_for(rig.poller, 35)
        assert len(rig.of(PollerFault)) == 1
        # Whatever the broken cycle sent at 0 s, every job is polled at 10, 20 and 30 s.
        assert all(3 <= rig.sim.count(t.job_id) <= 4 for t in scenario.jobs)
        assert rig.poller.in_flight == 0


async def test_a_fault_taking_in_one_answer_costs_that_answer_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async with rigged(THREE, tmp_path, refresh_interval=10.0) as rig:
        landed = raising_once(Fetcher._landed, RuntimeError("bad record"))
        monkeypatch.setattr(Fetcher, "_landed", landed)
        with caplog.at_level(logging.ERROR, logger="jobtui"):
            await rig.time.run_for(rig.poller, 25)
        assert len(rig.of(PollerFault)) == 1
        assert any(r.exc_info for r in caplog.records)
        # Every job has an answer, and all are polled on: 0 (one lost), 10, 20 s.
        assert {e.key for e in rig.of(JobUpdated)} == set(rig.poller.states)
        assert rig.sim.count() >= 3 * 3 - 1
        assert all(state.record for state in rig.poller.states.values())


def test_the_fault_sentence_shows_control_characters_and_stays_short() -> None:
    message = fault_message(ValueError("\x1b[2Jcleared " + "x" * 500))
    assert "\x1b" not in message and "\\x1b[2J" in message
    assert message.startswith("Polling hit an internal error (ValueError: ")
    assert len(message) < 260

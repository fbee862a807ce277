"""`status` on many jobs: a count on a terminal while it asks, and --max-time."""

from __future__ import annotations

import io
import json
import os
import re
import select
import sys
from collections.abc import Iterator
from typing import TextIO

import pytest

from jobtui.commands import status_progress
from jobtui.commands.status_progress import Tally
from jobtui.domain.events import JobUpdated
from jobtui.domain.state import JobState
from jobtui.sim.server import Simulator
from tests.commands.conftest import FAILS, MISSING, PROJECT, RUNNING, SUCCEEDS, Run

NOT_ASKED = {
    "kind": "not_asked",
    "http_status": None,
    "error_code": None,
    "message": "not asked: --max-time reached",
    "request_id": None,
}


@pytest.fixture
def three(jobtui: Run, cli_sim: Simulator) -> Simulator:
    """Three watched jobs; FAILS never answers (its request hangs until the sim stops)."""
    for job in (RUNNING, SUCCEEDS, FAILS):
        jobtui("add", PROJECT, job)
    cli_sim.set_fault("latency", job_id=FAILS, delay=60)
    return cli_sim


def test_max_time_prints_what_is_known_and_marks_the_rest(jobtui: Run, three: Simulator) -> None:
    result = jobtui("status", "--json", "--max-time", "0.3", "--endpoint", three.url)
    assert result.code == 3, result.err
    running, succeeds, fails = json.loads(result.out)
    assert running["status"] == "RUNNING" and running["error"] is None
    assert succeeds["status"] == "RUNNING" and succeeds["error"] is None
    assert fails["status"] is None and fails["error"] == NOT_ASKED
    # The cache keeps what was fetched, not the cut: the monitor shows no error for it.
    listed = {job["job_id"]: job for job in json.loads(jobtui("list", "--json").out)}
    assert listed[RUNNING]["status"] == "RUNNING" and listed[FAILS]["error"] is None


def test_a_job_not_asked_keeps_its_last_known_state(jobtui: Run, cli_sim: Simulator) -> None:
    jobtui("add", PROJECT, FAILS)
    jobtui("add", PROJECT, RUNNING)
    assert jobtui("status", "--endpoint", cli_sim.url).code == 0
    cli_sim.set_fault("latency", job_id=FAILS, delay=60)
    table = jobtui("status", "--max-time", "0.3", "--endpoint", cli_sim.url)
    assert table.code == 3
    fails = next(line for line in table.out.splitlines() if FAILS in line)
    assert fails.startswith("RUNNING") and fails.endswith("not asked: --max-time reached")
    assert "error:" not in fails


def test_a_failed_job_wins_over_max_time_in_the_exit_status(jobtui: Run, three: Simulator) -> None:
    jobs = (f"{PROJECT}/{MISSING}", f"{PROJECT}/{FAILS}")
    result = jobtui("status", *jobs, "--json", "--max-time", "0.3", "--endpoint", three.url)
    assert result.code == 1
    missing, fails = json.loads(result.out)
    assert missing["error"]["kind"] == "not_found" and fails["error"]["kind"] == "not_asked"


def test_max_time_must_be_seconds(jobtui: Run) -> None:
    result = jobtui("status", "--max-time", "-1")
    assert result.code == 2 and "--max-time" in result.err


@pytest.fixture
def terminal() -> Iterator[tuple[int, TextIO]]:
    """A real pseudo-terminal: the master end to read what was drawn, the slave to write."""
    master, slave = os.openpty()
    with open(slave, "w", encoding="utf-8") as tty:
        yield master, tty
    os.close(master)


def _drawn(master: int) -> str:
    data = b""
    while select.select([master], [], [], 0)[0]:
        data += os.read(master, 65536)
    return data.decode("utf-8")


def test_the_count_is_drawn_on_a_terminal_and_wiped(
    jobtui: Run, three: Simulator, terminal: tuple[int, TextIO], monkeypatch: pytest.MonkeyPatch
) -> None:
    master, tty = terminal
    monkeypatch.setattr(status_progress, "FIRST_AFTER", 0.0)
    monkeypatch.setattr(sys, "stderr", tty)  # here: capsys sets its own when the test starts
    result = jobtui("status", "--max-time", "0.3", "--endpoint", three.url)
    assert result.code == 3
    drawn = _drawn(master)
    assert re.search("\rjobtui: asked [0-3]/3…", drawn), drawn
    last = drawn.rsplit("\r", 2)
    assert last[-1] == "" and last[-2].strip() == ""  # the line is left blank
    assert "jobtui: asked" not in result.out and "not asked: --max-time reached" in result.out


def test_no_count_into_a_pipe(
    jobtui: Run, three: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(status_progress, "FIRST_AFTER", 0.0)
    result = jobtui("status", "--max-time", "0.3", "--endpoint", three.url)
    assert result.code == 3
    assert "jobtui: asked" not in result.err and "\r" not in result.err + result.out


def test_the_count_waits_a_second_and_redraws_only_changes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    now = [100.0]
    monkeypatch.setattr(status_progress, "monotonic", lambda: now[0])
    stream = io.StringIO()
    keys = [(PROJECT, RUNNING), (PROJECT, SUCCEEDS)]
    tally = Tally(keys, stream)
    tally.on_event(JobUpdated(keys[0], JobState(keys[0]), True))
    tally.draw()
    assert stream.getvalue() == ""  # a quick status draws nothing
    now[0] = 101.0
    tally.draw()
    tally.draw()
    assert stream.getvalue() == "\rjobtui: asked 1/2…"
    tally.close()
    assert stream.getvalue().endswith("\r" + " " * len("jobtui: asked 1/2…") + "\r")
    tally.close()  # nothing left to wipe
    assert stream.getvalue().count("\r") == 3

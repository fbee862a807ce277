"""Real processes: concurrent writers lose nothing, and a kill never tears the file."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jobtui.domain.state import WatchEntry
from jobtui.store.watchlist import Watchlist
from tests.store.conftest import T0

ROOT = Path(__file__).resolve().parents[2]


def spawn(folder: Path, *args: str) -> subprocess.Popen[str]:
    """A writer process (see tests/store/writer.py)."""
    return subprocess.Popen(
        [sys.executable, "-m", "tests.store.writer", str(folder), *args],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def ask(proc: subprocess.Popen[str], line: str) -> str:
    assert proc.stdout is not None and proc.stdin is not None
    proc.stdin.write(line + "\n")
    proc.stdin.flush()
    return proc.stdout.readline().strip()


def ready(proc: subprocess.Popen[str]) -> subprocess.Popen[str]:
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    return proc


def go(proc: subprocess.Popen[str]) -> None:
    assert proc.stdin is not None
    proc.stdin.write("go\n")
    proc.stdin.flush()


def temps(folder: Path) -> list[Path]:
    return list(folder.glob(".watchlist.toml.*.tmp"))


def test_two_processes_adding_100_jobs_each_while_a_third_removes_lose_nothing(
    tmp_path: Path,
) -> None:
    Watchlist(tmp_path / "watchlist.toml").add(
        [WatchEntry("p1", f"old-{n}", T0) for n in range(20)]
    )
    procs = [
        spawn(tmp_path, "add", "a", "100"),
        spawn(tmp_path, "add", "b", "100"),
        spawn(tmp_path, "remove", "old", "20"),
    ]
    for proc in procs:
        ready(proc)
    for proc in procs:
        go(proc)
    for proc in procs:
        proc.communicate(timeout=60)
        assert proc.returncode == 0
    ids = {entry.job_id for entry in Watchlist(tmp_path / "watchlist.toml").load()}
    assert ids == {f"{p}-{n}" for p in "ab" for n in range(100)}
    assert temps(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the kill test forks writers")
def test_killing_a_writer_at_any_instant_leaves_the_old_or_the_new_file(tmp_path: Path) -> None:
    rng = random.Random(20261129)
    kills = 30
    server = ready(spawn(tmp_path, "forkserver"))
    seen, mid_write = 0, 0
    for _ in range(kills):
        pid = int(ask(server, "fork"))
        time.sleep(rng.uniform(0.005, 0.03))  # a random instant, not a wait for behaviour
        os.kill(pid, signal.SIGKILL)
        assert os.WTERMSIG(int(ask(server, "reap"))) == signal.SIGKILL
        mid_write += bool(temps(tmp_path))
        ids = [entry.job_id for entry in Watchlist(tmp_path / "watchlist.toml").load()]
        assert ids == [f"job-{n}" for n in range(len(ids))], "a whole, earlier or later list"
        assert len(ids) >= seen
        seen = len(ids)
    server.communicate(timeout=10)
    assert seen > 0 and mid_write > 0, "writers wrote, and some kills caught them mid-write"
    Watchlist(tmp_path / "watchlist.toml").add([WatchEntry("p1", "after", T0)])
    assert temps(tmp_path) == [], "a killed writer's temp file is cleared by the next write"
    print(f"{kills} kills, {mid_write} of them mid-write, {seen} jobs written")

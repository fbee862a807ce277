"""What `status` and `list` print at 80 and 120 columns and into a pipe: every job
told apart, the columns that fit, nothing ever cut in a pipe."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from jobtui.sim.server import Simulator
from tests.benchmarks.targets import JOBTUI, ROOT
from tests.commands.conftest import AHEAD, FAILS, PROJECT, RUNNING, SUCCEEDS, Run
from tests.ptyterm import PtyTerm

JOBS = (RUNNING, SUCCEEDS, FAILS, AHEAD)
CODE = "CreateELBTask-fail:DWS.0114"
DETAIL = "DWS.0114:ELB private IP is not configured."


@pytest.fixture
def watched(jobtui: Run, cli_sim: Simulator) -> Simulator:
    """Four jobs of one project, their IDs alike but for the tail, one FAIL; no labels."""
    for job in JOBS:
        jobtui("add", PROJECT, job)
    cli_sim.set_time(20)
    assert jobtui("status", "--endpoint", cli_sim.url).code == 0
    return cli_sim


def _job_cells(lines: list[str]) -> list[str]:
    """Each job line's cell under the header's JOB column."""
    at = re.search(r"(?<=  )JOB(?=  |$)", lines[0])  # not the JOB of "JOB NAME"
    assert at is not None, lines[0]
    return [line[at.start() :].split()[0] for line in lines[1:]]


def _table_at(width: int, jobtui: Run, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """`list -o table` with COLUMNS=width; no line wider than that."""
    monkeypatch.setenv("COLUMNS", str(width))
    lines = jobtui("list", "-o", "table").out.splitlines()
    assert all(len(line) <= width for line in lines)
    return lines


def test_at_80_columns_each_job_is_told_apart_and_the_failure_code_is_whole(
    jobtui: Run, watched: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = _table_at(80, jobtui, monkeypatch)
    assert lines[0].split()[:2] == ["STATUS", "PROG"] and "NOTE" in lines[0]
    assert "LABEL" not in lines[0]  # empty: left out, its width given to the others
    cells = _job_cells(lines)
    assert len(set(cells)) == len(JOBS)
    for cell, job in zip(cells, JOBS):
        assert cell.startswith("…") and job.endswith(cell[1:])
    assert CODE in lines[1 + JOBS.index(FAILS)]


def test_at_120_columns_ids_names_and_times_are_shown(
    jobtui: Run, watched: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = _table_at(120, jobtui, monkeypatch)
    for name in ("STATUS", "PROG", "JOB NAME", "PROJECT/JOB", "ELAPSED", "NOTE"):
        assert name in lines[0]
    for line, job in zip(lines[1:], JOBS):
        assert f"{PROJECT[:8]}…/{job}" in line


def test_a_pipe_gets_every_column_whole_whatever_the_width(
    jobtui: Run, watched: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")  # honoured on a terminal only
    for command in ("list", "status"):
        out = jobtui(command, "--endpoint", watched.url).out
        assert "…" not in out and f"{CODE} {DETAIL}" in out
        assert "STARTED" in out and "ecfClusterElbCreateJob" in out
        for job in JOBS:
            assert f"{PROJECT}/{job}" in out
    assert jobtui("list", "-o", "wide").out == jobtui("list").out


def test_tsv_is_one_whole_line_per_job_with_the_id_first(jobtui: Run, watched: Simulator) -> None:
    lines = jobtui("list", "-o", "tsv").out.splitlines()
    rows = [line.split("\t") for line in lines]
    assert rows[0][:2] == ["PROJECT/JOB", "STATUS"] and "LABEL" in rows[0]
    assert {len(row) for row in rows} == {len(rows[0])}
    assert [row[0] for row in rows[1:]] == [f"{PROJECT}/{job}" for job in JOBS]
    assert f"{CODE} {DETAIL}" in lines[1 + JOBS.index(FAILS)]
    bare = jobtui("list", "-o", "tsv", "--no-headers").out.splitlines()
    assert bare == lines[1:]
    assert jobtui("list", "--no-headers").out.splitlines() == jobtui("list").out.splitlines()[1:]


def test_json_is_the_same_with_o_json_and_the_old_flag(jobtui: Run, watched: Simulator) -> None:
    assert jobtui("list", "-o", "json").out == jobtui("list", "--json").out
    assert [j["job_id"] for j in json.loads(jobtui("list", "-o", "json").out)] == list(JOBS)
    assert jobtui("list", "-o", "yaml").code == 2


def test_list_on_an_80_column_terminal(jobtui: Run, watched: Simulator, tmp_path: Path) -> None:
    # A real terminal, its width from the pty (no COLUMNS): what an operator sees over SSH.
    argv = [*JOBTUI, "--config-dir", str(tmp_path), "list"]
    with PtyTerm(argv, cols=80, rows=12, cwd=ROOT, env={"HOME": str(tmp_path)}) as term:
        assert term.wait_exit(20) == 0
        term.quiet_for(0.05, 2)
        lines = [line.rstrip() for line in term.text().splitlines() if line.strip()]
    assert lines[0].startswith("STATUS") and len(lines) == 1 + len(JOBS)
    cells = _job_cells(lines)
    assert len(set(cells)) == len(JOBS) and all(re.fullmatch(r"…\w{4,}", c) for c in cells)


def test_wait_live_lines_at_80_columns_keep_the_failure_code_whole() -> None:
    from datetime import datetime, timezone

    from jobtui.commands.live_fit import fitted_lines
    from jobtui.domain.model import JobRecord
    from jobtui.domain.state import JobState, WatchedJob, WatchEntry

    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    jobs = []
    for job in JOBS:
        body = {
            "status": "FAIL",
            "progress": "9%",
            "job_name": "restoreClusterFromSnapshotJob",
            "failed_code": "UpdateTimeZoneTask-fail:DWS.6103",
            "failed_detail": DETAIL * 3,
        }
        entry = WatchEntry(PROJECT, job, added_at=now)
        record = JobRecord.from_api(PROJECT, job, body)
        jobs.append(WatchedJob(entry, JobState(entry.key).with_record(record, now)))
    lines = fitted_lines(jobs, 80)
    assert all(len(line) < 80 and "UpdateTimeZoneTask-fail:DWS.6103 " in line for line in lines)
    assert len({line.split()[3] for line in lines}) == len(JOBS)  # the ID tails differ

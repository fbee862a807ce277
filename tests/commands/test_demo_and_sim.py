"""`jobtui demo`'s sandbox, `jobtui sim` delegation, and wait's redrawn lines."""

from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path

import pytest

from jobtui.commands.demo import write_demo_files
from jobtui.commands.wait_display import LiveLines, PlainLines
from jobtui.domain.model import JobRecord
from jobtui.domain.state import JobState, WatchedJob, WatchEntry
from jobtui.sim.demo_clusters import CREATE_ID, RESIZE_ID, RESTART_ID
from jobtui.sim.demo_scenario import demo_scenario
from jobtui.store.config import load_settings
from jobtui.store.watchlist import Watchlist
from tests.commands.conftest import JOB, PROJECT, Run

NOW = datetime(2026, 1, 31, 9, 30, tzinfo=timezone.utc)


def test_demo_files_point_at_the_simulator_without_credentials(tmp_path: Path) -> None:
    scenario = demo_scenario()
    write_demo_files(tmp_path, "http://127.0.0.1:4321", scenario, NOW)
    settings = load_settings(tmp_path / "config.toml")
    assert settings.endpoint == "http://127.0.0.1:4321"
    assert {settings.project(p).credentials for p in scenario.projects()} == {"none"}
    entries = Watchlist(tmp_path / "watchlist.toml").load()
    assert [e.key for e in entries if not e.is_cluster] == scenario.pairs()
    # Clusters beside the jobs: a resize, a creation, a restart; the idle one is for `f`.
    clusters = {e.job_id: e.label for e in entries if e.is_cluster}
    assert clusters == {RESIZE_ID: "prod-dw 3→6", CREATE_ID: "new analytics", RESTART_ID: None}


def test_sim_help_is_the_simulators_own(jobtui: Run) -> None:
    result = jobtui("sim", "--help")
    assert result.code == 0 and "usage: jobtui sim" in result.out and "--scenario" in result.out


def test_sim_rejects_a_remote_host_with_one_sentence(jobtui: Run) -> None:
    result = jobtui("sim", "--host", "0.0.0.0", "--port", "0")
    assert result.code != 0 and "Traceback" not in result.err


def _job(status: str, progress: str) -> WatchedJob:
    entry = WatchEntry(PROJECT, JOB, added_at=NOW, label="elb")
    body = {"status": status, "progress": progress, "job_name": "x\x1b[2Jy"}
    record = JobRecord.from_api(PROJECT, JOB, body)
    return WatchedJob(entry, JobState(entry.key).with_record(record, NOW))


def test_live_lines_redraw_in_place_and_only_on_change() -> None:
    stream = io.StringIO()
    live = LiveLines(stream, width=100)
    live.show([_job("RUNNING", "40%")], NOW)
    live.show([_job("RUNNING", "40%")], NOW)
    first = stream.getvalue()
    assert "[########------------]    40%  elb" in first and first.count("\n") == 1
    live.show([_job("SUCCESS", "100%")], NOW)
    assert stream.getvalue()[len(first) :].startswith("\x1b[1F\x1b[2K")
    assert "\x1b[2J" not in stream.getvalue()


@pytest.mark.parametrize("progress", ["40%", "41%"])
def test_plain_lines_print_once_per_change(progress: str) -> None:
    stream = io.StringIO()
    plain = PlainLines(stream)
    for _ in range(3):
        plain.show([_job("RUNNING", "40%")], NOW)
    plain.show([_job("RUNNING", progress)], NOW)
    expected = 1 if progress == "40%" else 2
    assert stream.getvalue().count("\n") == expected
    assert "\x1b" not in stream.getvalue() and stream.getvalue().startswith("09:30:00 ")


def test_low_bandwidth_and_no_mouse_override_config(tmp_path: Path) -> None:
    from jobtui.cli import parse
    from jobtui.commands.context import Context
    from jobtui.commands.sessions import tui_settings

    (tmp_path / "config.toml").write_text("[display]\nmouse = true\nanimations = true\n")
    args = parse(["--config-dir", str(tmp_path), "--low-bandwidth"])
    display = tui_settings(Context(args, env={})).display
    assert (display.low_bandwidth, display.animations, display.mouse) == (True, False, False)
    args = parse(["--config-dir", str(tmp_path), "--no-mouse"])
    display = tui_settings(Context(args, env={})).display
    assert (display.animations, display.mouse) == (True, False)


def test_demo_labels_some_jobs_so_the_label_column_shows(tmp_path: Path) -> None:
    write_demo_files(tmp_path, "http://127.0.0.1:4321", demo_scenario(), NOW)
    labels = {e.job_id: e.label for e in Watchlist(tmp_path / "watchlist.toml").load()}
    assert labels["2c9080e88459fa44018459fbeb600001"] == "prod-dw ELB"
    assert "nightly restore" in labels.values() and None in labels.values()

"""The monitor, `status` and `wait` keep jobtui.log; quick commands leave none."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from jobtui.cli import parse
from jobtui.commands.context import Context
from jobtui.commands.sessions import open_session
from jobtui.sim.clock import ManualClock
from jobtui.sim.scenario import scenario_from_dict
from jobtui.sim.server import Simulator
from jobtui.store.logfile import logging_to
from tests.commands.conftest import FAILS, PROJECT, RUNNING, SCENARIO, Run

AK = "QTWAOYTTINDUT2QVKYUC"
SK = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"


@pytest.fixture
def signed_sim(monkeypatch: pytest.MonkeyPatch) -> Iterator[Simulator]:
    """The CLI scenario behind a gateway that checks AK/SK signatures; keys in the env."""
    monkeypatch.setenv("HUAWEICLOUD_SDK_AK", AK)
    monkeypatch.setenv("HUAWEICLOUD_SDK_SK", SK)
    with Simulator(scenario_from_dict(SCENARIO), ak=AK, sk=SK, clock=ManualClock()) as sim:
        sim.set_time(20)
        yield sim


def test_status_logs_a_failed_job_and_an_outage_with_request_ids_but_never_the_sk(
    jobtui: Run, signed_sim: Simulator, tmp_path: Path
) -> None:
    old = os.umask(0)
    try:
        jobtui("add", PROJECT, FAILS)
        jobtui("add", PROJECT, RUNNING)
        signed_sim.set_fault("error", status=503, error_msg=f"bad gateway (sk={SK})", times=1)
        assert jobtui("status", "--endpoint", signed_sim.url).code == 1
        assert jobtui("status", "--endpoint", signed_sim.url).code == 0
    finally:
        os.umask(old)
    text = (tmp_path / "jobtui.log").read_text("utf-8")
    [outage] = [r.request_id for r in signed_sim.requests if r.status == 503]
    assert f"endpoint {signed_sim.url} down: " in text and f"(request ID {outage})" in text
    answered = [r.request_id for r in signed_sim.requests if r.job_id == FAILS and r.status == 200]
    assert f"job {PROJECT}/{FAILS} (shrinkCluster): FAIL (request ID {answered[-1]})" in text
    assert SK not in text and "sk=***" in text
    assert oct(stat.S_IMODE((tmp_path / "jobtui.log").stat().st_mode)) == "0o600"


def test_wait_logs_how_its_jobs_ended(jobtui: Run, signed_sim: Simulator, tmp_path: Path) -> None:
    result = jobtui("wait", f"{PROJECT}/{FAILS}", "--endpoint", signed_sim.url)
    assert result.code == 1
    text = (tmp_path / "jobtui.log").read_text("utf-8")
    assert f"WARNING jobtui.session.event_log: job {PROJECT}/{FAILS} (shrinkCluster): FAIL" in text


def test_quick_commands_keep_no_log(jobtui: Run, tmp_path: Path) -> None:
    jobtui("add", PROJECT, FAILS)
    jobtui("list")
    jobtui("paths")
    assert not (tmp_path / "jobtui.log").exists()


def test_the_monitors_session_logs_a_save_the_disk_refused(tmp_path: Path) -> None:
    ctx = Context(parse(["--config-dir", str(tmp_path)]), env={})
    with logging_to(ctx.paths.log_file):
        session = open_session(ctx, ctx.settings)
        ctx.paths.prefs_file.mkdir()  # a folder where the file should go
        session.save_prefs({"filter": "elb"})
        session.save_prefs({"filter": "elb bind"})
    lines = ctx.paths.log_file.read_text("utf-8").splitlines()
    [refused] = [line for line in lines if " ERROR " in line]
    assert "cannot save the preferences" in refused and str(ctx.paths.prefs_file) in refused

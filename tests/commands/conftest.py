"""Helpers for calling `jobtui.cli.main` the way a user would, with files in tmp_path."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

import pytest

from jobtui.cli import main
from jobtui.sim.clock import ManualClock
from jobtui.sim.scenario import scenario_from_dict
from jobtui.sim.server import Simulator

PROJECT = "05f2cff45100d5112f4bc00b794ea08e"
JOB = "2c9080e8845b207101845b245e1e0001"


@dataclass
class Result:
    code: int
    out: str
    err: str


Run = Callable[..., Result]


@pytest.fixture
def jobtui(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Run:
    """Run `jobtui --config-dir tmp_path ARGS...` with optional stdin; return code and output."""
    names = ("JOBTUI_ENDPOINT", "JOBTUI_CONFIG_DIR", "HUAWEICLOUD_SDK_AK", "JOBTUI_AUTH_TOKEN")
    sdk = ("HUAWEICLOUD_SDK_PROJECT_ID", "HUAWEICLOUD_SDK_CREDENTIALS_FILE")
    for name in (*names, *sdk, "HUAWEICLOUD_SDK_SK", "JOBTUI_RETRY_REFUSED", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))

    def run(*args: str, stdin: Optional[str] = None) -> Result:
        if stdin is not None:
            monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        capsys.readouterr()
        code = main(["--config-dir", str(tmp_path), *args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


RUNNING = "11111111111111111111111111110001"
SUCCEEDS = "11111111111111111111111111110002"
FAILS = "11111111111111111111111111110003"
AHEAD = "11111111111111111111111111110004"
MISSING = "11111111111111111111111111119999"

SCENARIO = {
    "name": "cli",
    "job": [
        {"project_id": PROJECT, "job_id": RUNNING, "job_name": "[bold]slow\x1b[31m",
         "step": [{"at": 0, "status": "RUNNING", "progress": "40%"}]},
        {"project_id": PROJECT, "job_id": SUCCEEDS, "job_name": "ecfClusterElbCreateJob",
         "step": [{"at": 0, "status": "RUNNING", "progress": "10%"},
                  {"at": 10, "status": "SUCCESS", "progress": "100%"}]},
        {"project_id": PROJECT, "job_id": FAILS, "job_name": "shrinkCluster",
         "step": [{"at": 0, "status": "RUNNING", "progress": "9%"},
                  {"at": 10, "status": "FAIL",
                   "fields": {"failed_code": "CreateELBTask-fail:DWS.0114",
                              "failed_detail": "DWS.0114:ELB private IP is not configured."}}]},
        # Local Beijing time sent as if it were UTC: begins 8 h after the server's Date.
        {"project_id": PROJECT, "job_id": AHEAD, "job_name": "localTimeJob", "begin": 28800,
         "step": [{"at": 0, "status": "RUNNING", "progress": "5%"}]},
    ],
}  # fmt: skip


@pytest.fixture
def cli_sim() -> Iterator[Simulator]:
    """The three-job scenario above on loopback, on a clock only the test moves."""
    with Simulator(scenario_from_dict(SCENARIO), clock=ManualClock()) as sim:
        yield sim

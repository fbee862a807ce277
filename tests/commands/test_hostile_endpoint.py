"""`status` and `wait` against answers and endpoints that used to crash or hang them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from jobtui.domain.model import JobRecord
from jobtui.sim.server import Simulator
from tests.commands.conftest import PROJECT, RUNNING, SUCCEEDS, Run


def test_a_310_digit_progress_shows_as_unknown(jobtui: Run, cli_sim: Simulator) -> None:
    jobtui("add", PROJECT, RUNNING)
    cli_sim.set_fault("huge_number")
    result = jobtui("--endpoint", cli_sim.url, "status", "--json")
    assert result.code == 0, result.err
    [job] = json.loads(result.out)
    assert job["status"] == "RUNNING" and job["progress"] is None and job["error"] is None


def test_a_reader_bug_is_one_jobs_error_not_an_internal_error(
    jobtui: Run, cli_sim: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> JobRecord:
        raise OverflowError("int too large to convert to float")

    monkeypatch.setattr(JobRecord, "from_api", broken)
    jobtui("add", PROJECT, RUNNING)
    result = jobtui("--endpoint", cli_sim.url, "status", "--json")
    assert result.code == 1 and "internal error" not in result.err
    [job] = json.loads(result.out)
    assert job["error"]["kind"] == "bad_record"
    assert job["error"]["request_id"] == cli_sim.requests[-1].request_id


@pytest.mark.parametrize(
    ("endpoint", "why"),
    [("http://[::1", "closing ']'"), ("http://dws corp", "spaces"), ("http://h:0", "port")],
)
def test_a_malformed_endpoint_is_named_with_how_to_write_one(
    jobtui: Run, endpoint: str, why: str
) -> None:
    jobtui("add", PROJECT, RUNNING)
    result = jobtui("--endpoint", endpoint, "status")
    assert result.code == 2 and "internal error" not in result.err
    assert f"Endpoint {endpoint!r}" in result.err and why in result.err


def test_a_malformed_endpoint_in_config_names_file_and_line(jobtui: Run, tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('region = "cn-north-4"\nendpoint = "http://[::1"\n')
    jobtui("add", PROJECT, RUNNING)
    result = jobtui("status")
    assert result.code == 2 and "internal error" not in result.err
    assert "config.toml:2" in result.err and "closing ']'" in result.err


def test_wait_goes_on_past_an_answer_it_could_not_read(jobtui: Run, cli_sim: Simulator) -> None:
    cli_sim.set_time(20)  # SUCCEEDS has succeeded; its first answer has a 310-digit progress
    cli_sim.set_fault("huge_number", job_id=SUCCEEDS, times=1)
    result = jobtui(
        "wait", f"{PROJECT}/{SUCCEEDS}", "--interval", "0.02", "--timeout", "20",
        "--endpoint", cli_sim.url,
    )  # fmt: skip
    assert result.code == 0, result.err
    assert cli_sim.count(SUCCEEDS) >= 2 and "SUCCESS" in result.out.splitlines()[-1]

"""`jobtui status` against the simulator over loopback."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from jobtui.sim.server import Simulator
from tests.commands.conftest import AHEAD, FAILS, MISSING, PROJECT, RUNNING, SUCCEEDS, Run


def test_status_json_has_every_documented_key(jobtui: Run, cli_sim: Simulator) -> None:
    cli_sim.set_time(20)
    jobtui("add", PROJECT, FAILS, "--label", "elb")
    result = jobtui("--endpoint", cli_sim.url, "status", "--json")
    assert result.code == 0, result.err
    [job] = json.loads(result.out)
    assert job["status"] == "FAIL" and job["progress"] == 9.0 and job["label"] == "elb"
    assert job["failed_code"] == "CreateELBTask-fail:DWS.0114"
    assert job["error"] is None and job["fetched_at"] and job["begin_time"]
    for key in ("project_id", "job_id", "region", "job_name", "end_time", "failed_detail"):
        assert key in job


def test_status_table_and_list_shows_what_status_fetched(jobtui: Run, cli_sim: Simulator) -> None:
    jobtui("add", PROJECT, SUCCEEDS)
    jobtui("add", PROJECT, RUNNING)
    table = jobtui("status", "--endpoint", cli_sim.url)
    assert table.code == 0
    assert "RUNNING" in table.out and "40%" in table.out
    # Server text is printed literally: no ESC reaches the terminal.
    assert "\x1b" not in table.out and "[bold]slow\\x1b[31m" in table.out
    listed = json.loads(jobtui("list", "--json").out)
    assert {j["status"] for j in listed} == {"RUNNING"}


def test_status_under_watch_fits_the_columns_watch_gives_it(
    jobtui: Run, cli_sim: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `watch` runs the command into a pipe and says the width in COLUMNS: with
    # `-o table` the table fits it (a wrapped line would show half as many jobs).
    jobtui("add", PROJECT, RUNNING)
    monkeypatch.setenv("COLUMNS", "105")
    lines = jobtui("status", "-o", "table", "--endpoint", cli_sim.url).out.splitlines()
    assert len(lines) == 2 and all(len(line) <= 105 for line in lines)
    assert f"{PROJECT[:8]}…/{RUNNING}" in lines[1] and "40%" in lines[1]
    # Without -o, a pipe gets everything whole, COLUMNS or not.
    piped = jobtui("status", "--endpoint", cli_sim.url).out.splitlines()
    assert f"{PROJECT}/{RUNNING}" in piped[1] and "…" not in "".join(piped)


def test_status_of_a_job_not_watched_and_an_error_exits_1(jobtui: Run, cli_sim: Simulator) -> None:
    result = jobtui(
        "status", "--json", f"{PROJECT}/{MISSING}", f"{PROJECT}/{RUNNING}",
        "--endpoint", cli_sim.url,
    )  # fmt: skip
    assert result.code == 1
    missing, running = json.loads(result.out)
    assert missing["error"]["kind"] == "not_found" and missing["error"]["request_id"]
    assert running["status"] == "RUNNING"
    assert json.loads(jobtui("list", "--json").out) == []


def test_status_without_any_endpoint_says_how_to_set_one(jobtui: Run) -> None:
    jobtui("add", PROJECT, RUNNING)
    result = jobtui("status", "--json")
    assert result.code == 1
    [job] = json.loads(result.out)
    assert "region" in job["error"]["message"] or "endpoint" in job["error"]["message"]


def test_zone_per_region_from_config(jobtui: Run, cli_sim: Simulator, tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('[zones]\n"cn-north-4" = "Asia/Shanghai"\n')
    jobtui("add", PROJECT, RUNNING, "--region", "cn-north-4")
    jobtui("add", PROJECT, SUCCEEDS, "--region", "eu-west-101")
    result = jobtui("status", "--json", "--endpoint", cli_sim.url)
    shanghai, utc = json.loads(result.out)
    assert shanghai["begin_time"].endswith("+08:00") and utc["begin_time"].endswith("+00:00")
    assert not shanghai["zone_mismatch"] and not utc["zone_mismatch"]


def test_begin_time_ahead_of_the_server_is_flagged(jobtui: Run, cli_sim: Simulator) -> None:
    result = jobtui("status", f"{PROJECT}/{AHEAD}", "--endpoint", cli_sim.url)
    assert result.code == 0
    assert " !" in result.out.splitlines()[1]
    assert "[zones]" in result.err


@pytest.fixture
def kathmandu(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time 5:45 ahead of UTC: a time shown in UTC by mistake would not match."""
    monkeypatch.setenv("TZ", "Asia/Kathmandu")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_jobs_not_asked_in_an_outage_say_so_and_borrow_no_request_id(
    jobtui: Run, cli_sim: Simulator, kathmandu: None
) -> None:
    ids = [f"{n:032x}" for n in range(1, 26)]
    jobtui("add", "-", stdin="".join(f"{PROJECT}/{job_id}\n" for job_id in ids))
    cli_sim.set_fault("error", status=503)  # the endpoint is down for every job
    before = datetime.now().astimezone().strftime("%H:%M")
    result = jobtui("status", "--json", "--endpoint", cli_sim.url)
    local = {before, datetime.now().astimezone().strftime("%H:%M")}
    assert result.code == 1
    jobs = json.loads(result.out)
    asked = {r.job_id: r.request_id for r in cli_sim.requests}
    assert len(jobs) == 25 and 1 <= len(asked) < 25
    for job in jobs:
        error = job["error"]
        if job["job_id"] in asked:  # its own answer, with its own request ID
            assert error["kind"] == "server" and error["request_id"] == asked[job["job_id"]]
        else:
            assert error["kind"] == "not_asked"
            assert error["request_id"] is None and error["http_status"] is None
            assert re.fullmatch(r"not asked: endpoint down since \d\d:\d\d", error["message"])
            assert error["message"][-5:] in local
    table = jobtui("status", "--endpoint", cli_sim.url)
    assert "not asked: endpoint down since" in table.out

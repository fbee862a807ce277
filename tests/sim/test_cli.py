"""`jobtui sim` prints its URL first, then the jobs, and stops cleanly on SIGTERM or Ctrl-C."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from jobtui.sim import demo_scenario
from jobtui.sim.cli import main


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
def test_prints_url_then_pairs_and_stops_cleanly(stop: signal.Signals) -> None:
    command = [sys.executable, "-m", "jobtui.sim", "--port", "0"]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        try:
            _check_output_and_stop(process, stop)
        finally:
            process.kill()


def _check_output_and_stop(process: subprocess.Popen[str], stop: signal.Signals) -> None:
    assert process.stdout is not None and process.stderr is not None
    url = process.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:")
    pairs = [tuple(process.stdout.readline().split()) for _ in demo_scenario().jobs]
    assert pairs == demo_scenario().pairs()
    project_id, job_id = pairs[0]
    answer = httpx.get(f"{url}/v1.0/{project_id}/job/{job_id}", trust_env=False, timeout=5)
    assert answer.json()["job_name"] == "ecfClusterElbCreateJob"
    process.send_signal(stop)
    assert process.wait(timeout=10) == 0
    assert process.stderr.read() == ""


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--ak", "AK"], "--ak and --sk go together"),
        (["--host", "0.0.0.0"], "without --allow-remote"),
        (["--scenario", "/nonexistent/x.toml"], "x.toml"),
    ],
)
def test_bad_options_exit_2_with_one_line(
    argv: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--port", "0", *argv]) == 2
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1 and "Traceback" not in err


def test_scenario_file_and_hostile_builtin(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[2] / "jobtui" / "sim" / "example.toml"
    from jobtui.sim.cli import _scenario

    assert _scenario(str(example)).name == "example"
    assert _scenario("hostile").name == "hostile"


def test_list_jobs_prints_pairs_and_exits(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--list-jobs"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [tuple(line.split()) for line in lines] == demo_scenario().pairs()

"""A credentials file that other users can read is pointed out, with the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobtui.sim.server import Simulator
from tests.commands.conftest import PROJECT, RUNNING, Run


def _credentials(tmp_path: Path, mode: int) -> Path:
    path = tmp_path / "home" / ".huaweicloud" / "credentials"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[basic]\nak = EXAMPLEAK\nsk = EXAMPLESECRETSK\n", encoding="utf-8")
    path.chmod(mode)
    return path


@pytest.mark.parametrize("command", ["status", "wait"])
def test_world_readable_credentials_are_warned_about(
    jobtui: Run, cli_sim: Simulator, tmp_path: Path, command: str
) -> None:
    path = _credentials(tmp_path, 0o644)
    jobtui("add", PROJECT, RUNNING)
    args = [RUNNING, "--timeout", "0", "--interval", "0.01"] if command == "wait" else []
    result = jobtui(command, "--endpoint", cli_sim.url, *args)
    assert f"{path} is readable by other users; run: chmod 600 {path}" in result.err
    assert "EXAMPLESECRETSK" not in result.err + result.out


def test_private_credentials_file_is_not_warned_about(
    jobtui: Run, cli_sim: Simulator, tmp_path: Path
) -> None:
    _credentials(tmp_path, 0o600)
    jobtui("add", PROJECT, RUNNING)
    result = jobtui("status", "--endpoint", cli_sim.url)
    assert "readable by other users" not in result.err

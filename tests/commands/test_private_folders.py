"""Folders jobtui creates are the user's alone (0700), even under `umask 000`."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from jobtui.cli import main
from jobtui.domain.state import JobState
from jobtui.store.paths import Paths
from jobtui.store.prefs import save_prefs
from jobtui.store.watchlist import StateCache
from tests.commands.conftest import JOB, PROJECT


@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("open_umask")
def test_config_dir_and_its_parents_are_made_private(tmp_path: Path) -> None:
    root = tmp_path / "home" / "jobs" / "jobtui"
    assert main(["--config-dir", str(root), "add", PROJECT, JOB]) == 0
    made = [tmp_path / "home", tmp_path / "home" / "jobs", root]
    assert {str(folder): oct(mode(folder)) for folder in made} == {
        str(folder): "0o700" for folder in made
    }
    assert oct(mode(root / "watchlist.toml")) == "0o600"
    assert oct(mode(root / "watchlist.lock")) == "0o600"


@pytest.mark.usefixtures("open_umask")
def test_platform_folders_for_config_and_state_are_made_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("JOBTUI_CONFIG_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg" / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg" / "state"))
    paths = Paths(env={})
    StateCache(paths.state_file).save({(PROJECT, JOB): JobState((PROJECT, JOB))})
    save_prefs(paths.prefs_file, {"filter": "x"})
    assert main(["add", PROJECT, JOB]) == 0
    made = [tmp_path / "xdg", *(p for p in (tmp_path / "xdg").rglob("*") if p.is_dir())]
    assert paths.config_dir in made and paths.state_dir in made
    assert {str(p): oct(mode(p)) for p in made} == {str(p): "0o700" for p in made}
    assert {oct(mode(p)) for p in (tmp_path / "xdg").rglob("*") if p.is_file()} == {"0o600"}

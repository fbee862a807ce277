"""Files nested absurdly deep: a damaged cache or preferences read as empty, a deep
watchlist or config is a ConfigError naming the file, never an internal error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jobtui.domain.errors import ConfigError
from jobtui.polling.connections import Connections
from jobtui.session.session import Session
from jobtui.store.config import Settings, load_settings
from jobtui.store.paths import Paths
from tests.commands.conftest import JOB, PROJECT, Run

DEEP = 100_000


def session_on(root: Path) -> Session:
    settings = Settings(endpoint="http://127.0.0.1:9")
    return Session.from_paths(Paths(root, env={}), settings, Connections(settings, env={}))


def test_a_state_cache_nested_deep_reads_as_empty(jobtui: Run, tmp_path: Path) -> None:
    assert jobtui("add", PROJECT, JOB).code == 0
    (tmp_path / "state.json").write_text("[" * DEEP + "]" * DEEP)
    listed = jobtui("list", "--json")
    assert listed.code == 0 and "internal error" not in listed.err
    assert json.loads(listed.out)[0]["job_id"] == JOB
    session = session_on(tmp_path)
    assert session.notice is not None and "state cache" in session.notice
    assert "damaged (RecursionError)" in session.notice
    assert [job.entry.job_id for job in session.jobs()] == [JOB]


@pytest.mark.parametrize("depth", [DEEP, 900], ids=["100000", "900"])
def test_preferences_nested_deep_read_as_defaults_and_save_again(
    tmp_path: Path, depth: int
) -> None:
    # 900 deep: json reads it here but could not write it back from a deeper stack.
    prefs = tmp_path / "prefs.json"
    prefs.write_text('{"theme": "x", "junk": ' + "[" * depth + "]" * depth + "}")
    session = session_on(tmp_path)
    session.save_prefs({"filter": "elb"})
    assert json.loads(prefs.read_text()) == {"filter": "elb"}
    assert session.prefs() == {"filter": "elb"}


ARRAYS, TABLES = "[" * DEEP, "{a = " * DEEP


@pytest.mark.parametrize("nest", [ARRAYS, TABLES], ids=["arrays", "inline tables"])
def test_a_watchlist_nested_deep_is_a_config_error(jobtui: Run, tmp_path: Path, nest: str) -> None:
    (tmp_path / "watchlist.toml").write_text(f"version = 1\nx = {nest}")
    listed = jobtui("list")
    assert listed.code == 2 and "internal error" not in listed.err
    assert f"{tmp_path / 'watchlist.toml'}: is not a jobtui file" in listed.err
    assert "nested too deeply" in listed.err


def test_a_config_nested_deep_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text(f"region = {ARRAYS}")
    with pytest.raises(ConfigError, match="nested too deeply") as caught:
        load_settings(tmp_path / "config.toml")
    assert caught.value.path == str(tmp_path / "config.toml")

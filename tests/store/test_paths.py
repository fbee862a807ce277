"""Where files live: one root when overridden, platform folders otherwise."""

from __future__ import annotations

from pathlib import Path

from jobtui.store.paths import Paths


def test_config_dir_puts_every_file_under_one_root(tmp_path: Path) -> None:
    paths = Paths(tmp_path, env={})
    assert all(path.parent == tmp_path for _, path in paths.all())
    names = [name for name, _ in paths.all()]
    assert names[:4] == ["config", "watchlist", "lock", "state"]
    assert paths.config_file.name == "config.toml"
    assert paths.watchlist_file.name == "watchlist.toml"


def test_the_environment_variable_sets_the_root(tmp_path: Path) -> None:
    paths = Paths(env={"JOBTUI_CONFIG_DIR": str(tmp_path)})
    assert paths.watchlist_file == tmp_path / "watchlist.toml"
    assert paths.state_file.parent == tmp_path


def test_an_explicit_root_beats_the_environment(tmp_path: Path) -> None:
    paths = Paths(tmp_path / "a", env={"JOBTUI_CONFIG_DIR": str(tmp_path / "b")})
    assert paths.config_file == tmp_path / "a" / "config.toml"


def test_without_an_override_user_files_and_state_are_apart(tmp_path: Path) -> None:
    env = {"XDG_CONFIG_HOME": str(tmp_path / "cfg"), "XDG_STATE_HOME": str(tmp_path / "st")}
    import os

    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        paths = Paths(env={})
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key)
            else:
                os.environ[key] = value
    assert paths.config_file == tmp_path / "cfg" / "jobtui" / "config.toml"
    assert paths.lock_file.parent == paths.watchlist_file.parent
    assert paths.state_file == tmp_path / "st" / "jobtui" / "state.json"

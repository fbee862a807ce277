"""Each config.toml mistake names the file, the key and its line (one file per mistake)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import pytest

from jobtui.domain.errors import ConfigError
from jobtui.store.config import load_settings

DATA = Path(__file__).resolve().parent.parent / "data" / "config"

CASES = [
    # file, line, column, key, words the message must hold
    ("unknown_key.toml", 3, None, "refesh_interval", "did you mean 'refresh_interval'"),
    ("unknown_nested_key.toml", 6, None, "display.mous", "did you mean 'mouse'"),
    ("unknown_project_key.toml", 3, None, "projects.abc123.regoin", "did you mean 'region'"),
    ("wrong_type.toml", 2, None, "concurrency", "must be a whole number, not a string"),
    ("wrong_bool.toml", 2, None, "notify.bell", "must be true or false, not a string"),
    ("bool_for_number.toml", 1, None, "refresh_interval", "must be a number, not true or false"),
    ("syntax_error.toml", 2, 23, None, "is not valid TOML"),
    ("out_of_range.toml", 1, None, "concurrency", "between 1 and 256"),
    ("bad_zone.toml", 2, None, "zones.cn-north-4", "did you mean 'Asia/Shanghai'"),
    ("bad_credentials.toml", 2, None, "projects.abc123.credentials", '"file:/path"'),
    ("bad_endpoint.toml", 1, None, "endpoint", "https://"),
    ("bad_schedule.toml", 2, None, "schedule", "must be 'adaptive' or 'fixed', not 'smart'"),
    ("bad_project_id.toml", 1, None, 'projects."not an id!"', "characters outside"),
    ("keys_wrong_type.toml", 2, None, "keys.refresh", "must be a string, not a number"),
    ("inline_table.toml", 1, None, "display.colour", "unknown key"),
    ("not_utf8.toml", None, None, None, "is not UTF-8 text"),
]


@pytest.mark.parametrize(("name", "line", "column", "key", "words"), CASES)
def test_each_mistake_is_named_with_file_key_and_line(
    name: str, line: Optional[int], column: Optional[int], key: Optional[str], words: str
) -> None:
    path = DATA / name
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    error = caught.value
    assert (error.path, error.line, error.column, error.key) == (str(path), line, column, key)
    message = str(error)
    assert message.startswith(f"{path}:{line}" if line else str(path))
    assert words in message
    if key:
        assert key.split(".")[-1].strip('"') in message
    assert "\n" not in message and "Traceback" not in message


def test_a_syntax_error_says_what_tomllib_found(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[display\nmouse = true\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert caught.value.line == 1
    assert caught.value.column is not None
    assert f"{path}:1:{caught.value.column}: is not valid TOML: " in str(caught.value)


def test_an_unreadable_config_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "config.toml").mkdir()
    with pytest.raises(ConfigError, match="cannot be read"):
        load_settings(tmp_path / "config.toml")


def test_a_machine_without_a_time_zone_database_is_told_to_install_tzdata(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import zoneinfo

    def no_database(name: str) -> None:
        raise zoneinfo.ZoneInfoNotFoundError(name)

    monkeypatch.setattr(zoneinfo, "ZoneInfo", no_database)
    monkeypatch.setattr(zoneinfo, "available_timezones", set)
    with pytest.raises(ConfigError) as caught:
        load_settings(DATA / "valid_full.toml")
    assert caught.value.line == 10 and caught.value.key == "zones.cn-north-4"
    assert "install the tzdata package" in str(caught.value)

"""config.toml into Settings: defaults when absent, every field when present."""

from __future__ import annotations

from datetime import timedelta, timezone
from pathlib import Path

import pytest

from jobtui.store.config import ProjectSettings, Settings, load_settings

DATA = Path(__file__).resolve().parent.parent / "data" / "config"
PROD = "0123456789abcdef0123456789abcdef"


def test_no_config_file_means_the_defaults(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "config.toml")
    assert settings == Settings()
    assert (settings.refresh_interval, settings.concurrency, settings.rate_per_minute) == (
        10.0,
        8,
        60.0,
    )
    assert (settings.notify.toast, settings.notify.bell, settings.notify.desktop) == (
        True,
        False,
        False,
    )
    assert settings.display.animations and settings.display.mouse
    assert not settings.display.low_bandwidth and not settings.display.seconds_clock
    assert settings.display.theme is None and dict(settings.keymap) == {}
    assert settings.zone("cn-north-4") is timezone.utc


def test_every_setting_is_read(tmp_path: Path) -> None:
    settings = load_settings(DATA / "valid_full.toml")
    assert settings.region == "cn-north-4"
    assert settings.endpoint == "https://dws.cn-north-4.myhuaweicloud.com"
    assert (settings.refresh_interval, settings.concurrency, settings.rate_per_minute) == (
        5,
        16,
        120.5,
    )
    assert isinstance(settings.refresh_interval, float)
    assert settings.schedule == "fixed" and Settings().schedule == "adaptive"
    assert settings.notify.bell and settings.notify.desktop and not settings.notify.toast
    assert settings.display.low_bandwidth and settings.display.theme == "nord"
    assert dict(settings.keymap) == {"refresh": "r,f5"}
    assert settings.projects[PROD] == ProjectSettings(
        region="ap-southeast-1",
        credentials="file:~/.huaweicloud/prod-credentials",
        label="prod",
    )


def test_a_credentials_file_source_names_its_file() -> None:
    settings = load_settings(DATA / "valid_full.toml")
    path = settings.projects[PROD].credentials_file
    assert path == Path.home() / ".huaweicloud" / "prod-credentials"
    assert settings.projects["feedface"].credentials_file is None


def test_a_project_without_a_region_takes_the_default_region() -> None:
    settings = load_settings(DATA / "valid_full.toml")
    assert settings.projects["feedface"].region == "cn-north-4"
    assert settings.projects["feedface"].credentials == "token"
    assert settings.project("unknown-project") == ProjectSettings(region="cn-north-4")


def test_zones_turn_zone_less_api_times_into_local_ones() -> None:
    settings = load_settings(DATA / "valid_full.toml")
    assert settings.zone_name("cn-north-4") == "Asia/Shanghai"
    assert settings.zone_name("ap-southeast-1") == "UTC"
    shanghai = settings.zone("cn-north-4")
    from datetime import datetime

    assert shanghai.utcoffset(datetime(2026, 1, 1)) == timedelta(hours=8)


def test_settings_cannot_be_changed_in_place() -> None:
    settings = load_settings(DATA / "valid_full.toml")
    with pytest.raises(AttributeError):
        settings.concurrency = 1  # type: ignore[misc]
    with pytest.raises(TypeError):
        settings.keymap["quit"] = "x"  # type: ignore[index]


def test_jobtui_never_rewrites_the_config(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    text = "# my notes\nregion = 'cn-north-4'  # home\n"
    path.write_text(text, encoding="utf-8")
    before = path.stat().st_mtime_ns
    load_settings(path)
    assert path.read_text(encoding="utf-8") == text
    assert path.stat().st_mtime_ns == before

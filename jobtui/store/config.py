"""Settings from config.toml: the user's file, read into frozen types, never rewritten.

A missing file means defaults. Anything wrong is a ConfigError naming the file, the
key and its line (syntax errors also the column).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timezone, tzinfo
from pathlib import Path
from types import MappingProxyType
from typing import Any, Optional
from zoneinfo import ZoneInfo

from jobtui.domain.model import validate_id
from jobtui.store.config_schema import DISPLAY, NOTIFY, PROJECT, SCHEDULES, TOP, Checker
from jobtui.store.tomlfile import dotted, read_toml

DEFAULT_ZONE = "UTC"


def _frozen(data: Optional[Mapping[str, Any]] = None) -> Mapping[str, Any]:
    return MappingProxyType(dict(data or {}))


@dataclass(frozen=True)
class ProjectSettings:
    """Per-project overrides from `[projects."<id>"]`."""

    region: Optional[str] = None
    endpoint: Optional[str] = None
    # "sdk" (env vars, then credentials file), "ecs" (then the ECS agency), "token",
    # "none" or "file:/path"; the top-level `credentials` when the project says nothing.
    credentials: str = "sdk"
    label: Optional[str] = None

    @property
    def credentials_file(self) -> Optional[Path]:
        """The file named by `credentials = "file:<path>"`, with ~ expanded."""
        if not self.credentials.startswith("file:"):
            return None
        return Path(self.credentials[len("file:") :]).expanduser()


@dataclass(frozen=True)
class NotifySettings:
    toast: bool = True
    bell: bool = False
    desktop: bool = False


@dataclass(frozen=True)
class DisplaySettings:
    animations: bool = True
    low_bandwidth: bool = False
    mouse: bool = True
    seconds_clock: bool = False
    smooth_bars: bool = False  # eighth-cell bars: finer, and a few bytes at nearly every poll
    theme: Optional[str] = None


@dataclass(frozen=True)
class Settings:
    """Everything config.toml can say, with the defaults when it says nothing."""

    region: Optional[str] = None
    endpoint: Optional[str] = None
    credentials: str = "sdk"
    refresh_interval: float = 10.0
    concurrency: int = 8
    rate_per_minute: float = 60.0
    # "adaptive": ask where an end is likely (jobtui.polling.attention); "fixed": every
    # refresh_interval, as jobtui did before.
    schedule: str = "adaptive"
    zones: Mapping[str, str] = field(default_factory=_frozen)
    projects: Mapping[str, ProjectSettings] = field(default_factory=_frozen)
    notify: NotifySettings = field(default_factory=NotifySettings)
    display: DisplaySettings = field(default_factory=DisplaySettings)
    keymap: Mapping[str, str] = field(default_factory=_frozen)

    def credentials_files(self) -> list[Path]:
        """The credentials files that `[projects]` name with `credentials = "file:..."`."""
        top = ProjectSettings(credentials=self.credentials)
        files = (project.credentials_file for project in (top, *self.projects.values()))
        return list(dict.fromkeys(path for path in files if path is not None))

    def project(self, project_id: str) -> ProjectSettings:
        found = self.projects.get(project_id)
        return found or ProjectSettings(region=self.region, credentials=self.credentials)

    def zone_name(self, region: Optional[str]) -> str:
        """The IANA zone the API's zone-less times are in for `region` (default UTC)."""
        return self.zones.get(region or "", DEFAULT_ZONE)

    def zone(self, region: Optional[str]) -> tzinfo:
        name = self.zone_name(region)
        return timezone.utc if name == DEFAULT_ZONE else ZoneInfo(name)


def load_settings(path: Path) -> Settings:
    """Read config.toml; a missing file gives the defaults."""
    if not path.exists():
        return Settings()
    text, data = read_toml(path)
    return settings_from(data, Checker(path, text))


def settings_from(data: Mapping[str, Any], check: Checker) -> Settings:
    """Typed Settings from parsed TOML, every key checked."""
    top = check.table(data, TOP)
    check.number(top, "refresh_interval", 1, 86400)
    check.number(top, "concurrency", 1, 256)
    check.number(top, "rate_per_minute", 1, 100000)
    check.endpoint(top.get("endpoint"), ("endpoint",))
    check.credentials(top.get("credentials", "sdk"), ("credentials",))
    check.choice(top.get("schedule"), SCHEDULES, ("schedule",))
    scalars = {k: v for k, v in top.items() if not isinstance(v, dict)}
    for key in ("refresh_interval", "rate_per_minute"):
        if key in scalars:
            scalars[key] = float(scalars[key])  # `= 5` in TOML is an int
    return Settings(
        **scalars,
        zones=_frozen(_zones(top.get("zones", {}), check)),
        projects=_frozen(_projects(top.get("projects", {}), check, top)),
        notify=NotifySettings(**check.table(top.get("notify", {}), NOTIFY, ("notify",))),
        display=DisplaySettings(**check.table(top.get("display", {}), DISPLAY, ("display",))),
        keymap=_frozen(_keys(top.get("keys", {}), check)),
    )


def _zones(data: Mapping[str, Any], check: Checker) -> dict[str, str]:
    for region, name in data.items():
        check.zone(name, ("zones", region))
    return dict(data)


def _keys(data: Mapping[str, Any], check: Checker) -> dict[str, str]:
    for binding, keys in data.items():
        check.kind(keys, str, ("keys", binding))
    return dict(data)


def _projects(
    data: Mapping[str, Any], check: Checker, top: Mapping[str, Any]
) -> dict[str, ProjectSettings]:
    projects = {}
    for project_id, table in data.items():
        at = ("projects", project_id)
        try:
            validate_id(project_id, "project ID")
        except ValueError as exc:
            raise check.error(f"{dotted(at)}: {exc}", at) from None
        check.kind(table, dict, at)
        values = check.table(table, PROJECT, at)
        check.endpoint(values.get("endpoint"), (*at, "endpoint"))
        check.credentials(values.get("credentials", "sdk"), (*at, "credentials"))
        values.setdefault("region", top.get("region"))
        values.setdefault("credentials", top.get("credentials", "sdk"))
        projects[project_id] = ProjectSettings(**values)
    return projects

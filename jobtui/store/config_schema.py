"""Checks a parsed config.toml table by table, so each mistake names file, key and line."""

from __future__ import annotations

import zoneinfo
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Union

from jobtui.domain.endpoint_url import endpoint_problem
from jobtui.domain.errors import ConfigError
from jobtui.store.tomlfile import did_you_mean, dotted, key_line

Number = (int, float)
Kind = Union[type, tuple[type, ...]]

TOP: dict[str, Kind] = {
    "region": str,
    "endpoint": str,
    "credentials": str,
    "refresh_interval": Number,
    "concurrency": int,
    "rate_per_minute": Number,
    "schedule": str,
    "zones": dict,
    "projects": dict,
    "notify": dict,
    "display": dict,
    "keys": dict,
}
NOTIFY: dict[str, Kind] = {"toast": bool, "bell": bool, "desktop": bool}
DISPLAY: dict[str, Kind] = {
    "animations": bool,
    "low_bandwidth": bool,
    "mouse": bool,
    "seconds_clock": bool,
    "smooth_bars": bool,
    "theme": str,
}
PROJECT: dict[str, Kind] = {"region": str, "endpoint": str, "credentials": str, "label": str}
# "ecs" (the SDK's chain, then the ECS agency) only when asked: see jobtui.api.ecs_metadata.
CREDENTIAL_SOURCES = ("sdk", "token", "none", "ecs", "file:")
SCHEDULES = ("adaptive", "fixed")

_KIND_NAMES = {str: "a string", int: "a whole number", bool: "true or false", dict: "a table"}


def kind_name(kind: Kind) -> str:
    return "a number" if kind == Number else _KIND_NAMES.get(kind, str(kind))  # type: ignore[arg-type]


def _value_name(value: object) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (list, tuple)):
        return "an array"
    return _KIND_NAMES.get(type(value), type(value).__name__)


class Checker:
    """Validates one file's tables; every failure becomes a ConfigError at the key's line."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text

    def error(self, message: str, at: tuple[str, ...]) -> ConfigError:
        line = key_line(self.text, at) if at else None
        return ConfigError(message, path=str(self.path), line=line, key=dotted(at) or None)

    def table(
        self, data: Mapping[str, Any], schema: Mapping[str, Kind], at: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        """`data` with its keys checked against `schema`: unknown keys, wrong types."""
        for key, value in data.items():
            if key not in schema:
                hint = did_you_mean(key, schema)
                raise self.error(f"unknown key {dotted((*at, key))!r}{hint}", (*at, key))
            self.kind(value, schema[key], (*at, key))
        return dict(data)

    def kind(self, value: object, kind: Kind, at: tuple[str, ...]) -> None:
        # bool is an int in Python, but `concurrency = true` is a mistake.
        wrong_bool = isinstance(value, bool) and kind is not bool
        if wrong_bool or not isinstance(value, kind):
            raise self.error(
                f"{dotted(at)!r} must be {kind_name(kind)}, not {_value_name(value)}", at
            )

    def number(self, data: Mapping[str, Any], key: str, low: float, high: float) -> None:
        value = data.get(key)
        if value is not None and not low <= value <= high:
            raise self.error(f"{key!r} must be between {low:g} and {high:g}, not {value}", (key,))

    def endpoint(self, value: object, at: tuple[str, ...]) -> None:
        if isinstance(value, str) and not value.startswith(("https://", "http://")):
            raise self.error(f"{dotted(at)!r} must be a URL starting with https://", at)
        if isinstance(value, str):
            problem = endpoint_problem(value)
            if problem is not None:
                raise self.error(f"{dotted(at)!r} {problem}", at)

    def credentials(self, value: str, at: tuple[str, ...]) -> None:
        if value in CREDENTIAL_SOURCES[:4] or (value.startswith("file:") and len(value) > 5):
            return
        raise self.error(
            f'{dotted(at)!r} must be "sdk", "ecs", "token", "none" or "file:/path", not {value!r}',
            at,
        )

    def choice(self, value: object, allowed: tuple[str, ...], at: tuple[str, ...]) -> None:
        if value is not None and value not in allowed:
            words = " or ".join(f"{word!r}" for word in allowed)
            raise self.error(f"{dotted(at)!r} must be {words}, not {value!r}", at)

    def zone(self, name: object, at: tuple[str, ...]) -> None:
        self.kind(name, str, at)
        try:
            zoneinfo.ZoneInfo(str(name))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            known = zoneinfo.available_timezones()
            if not known:
                raise self.error(
                    "no time zone database found: install the tzdata package "
                    f"(pip install tzdata) to use {name!r}",
                    at,
                ) from None
            hint = did_you_mean(str(name), known)
            raise self.error(f"unknown time zone {name!r} for {dotted(at)!r}{hint}", at) from None

"""The SDK's credentials file, read as huaweicloudsdkcore reads it.

The SDK uses `configparser.ConfigParser()` with its default interpolation: `%%` is a
literal `%`, `%(key)s` another key's value, and a lone `%` is an error. Reading the
file any other way would sign with a different SK than the SDK, so jobtui reads it
the same way and says so when the SDK would refuse it. Messages never quote a value:
configparser's own quote the line, which may hold the SK.
"""

from __future__ import annotations

import configparser
from pathlib import Path
from typing import Optional

from jobtui.domain.errors import ConfigError

SECTION = "basic"
KEYS = ("ak", "sk", "security_token", "project_id", "iam_endpoint", "idp_id", "id_token_file")
FEDERATED_INSTEAD = (
    "jobtui signs with an AK/SK only: put a (temporary) ak, sk and security_token in "
    '[basic], or on an ECS with an agency set credentials = "ecs" in config.toml'
)


def read_basic(path: Path) -> Optional[dict[str, str]]:
    """The [basic] section's values (interpolated as the SDK does), None without one."""
    parser = configparser.ConfigParser()  # BasicInterpolation, as the SDK's
    try:
        parser.read_string(path.read_text(encoding="utf-8"), source=str(path))
    except (OSError, UnicodeDecodeError, configparser.Error) as exc:
        raise ConfigError(_first_line(exc), path=str(path)) from None
    if not parser.has_section(SECTION):  # case-sensitive, as in the SDK
        return None
    values = {}
    for key in KEYS:
        try:
            value = parser.get(SECTION, key, fallback="")
        except configparser.InterpolationError as exc:
            raise ConfigError(_interpolation(exc), path=str(path), key=key) from None
        values[key] = value.strip()
    return values


def federated_error(path: Path) -> ConfigError:
    """idp_id and id_token_file: the SDK would federate; jobtui says it cannot."""
    return ConfigError(
        "[basic] has idp_id and id_token_file (federated identity), which jobtui does "
        f"not support; {FEDERATED_INSTEAD}",
        path=str(path),
        key="idp_id",
    )


def _interpolation(exc: configparser.InterpolationError) -> str:
    key = exc.option
    if isinstance(exc, configparser.InterpolationMissingOptionError):
        return (
            f"[basic] {key} refers to a key with %(...)s that does not exist; Huawei's SDK "
            "refuses this file too. Write '%%' for a literal '%'"
        )
    return (
        f"[basic] {key} has a '%' not followed by '%' or '(': Huawei's SDK reads the file "
        "with interpolation and refuses it. Write '%%' for a literal '%'"
    )


def _first_line(exc: BaseException) -> str:
    # configparser messages quote the offending line, which may hold the SK.
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text.split(":")[0].rstrip(".") + "; expected an INI file with a [basic] section."

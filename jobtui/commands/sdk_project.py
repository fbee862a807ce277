"""The project a bare job ID belongs to when none is given: the SDK's, as it finds it.

HUAWEICLOUD_SDK_PROJECT_ID, else `project_id` in the credentials file (read with the
SDK's interpolation). Cheap: neither httpx nor the client is imported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from jobtui.api.credentials_file import read_basic
from jobtui.commands.context import Context
from jobtui.domain.errors import ConfigError
from jobtui.domain.model import validate_id

ENV_PROJECT_ID = "HUAWEICLOUD_SDK_PROJECT_ID"
ENV_CREDENTIALS_FILE = "HUAWEICLOUD_SDK_CREDENTIALS_FILE"


def default_project(ctx: Context) -> Optional[str]:
    """The SDK's project ID, checked; None when neither says one."""
    project = ctx.env.get(ENV_PROJECT_ID, "").strip() or _from_file(ctx)
    if not project:
        return None
    try:
        return validate_id(project, "project ID")
    except ValueError as exc:
        raise ConfigError(f"{ENV_PROJECT_ID} or the credentials file: {exc}") from None


def _from_file(ctx: Context) -> Optional[str]:
    override = ctx.env.get(ENV_CREDENTIALS_FILE, "").strip()
    home = Path(ctx.env.get("HOME") or Path.home())
    path = Path(override).expanduser() if override else home / ".huaweicloud" / "credentials"
    if not path.is_file():
        return None
    basic = read_basic(path)
    return (basic or {}).get("project_id") or None

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


def region_project(ctx: Context, region: str) -> str:
    """The project named `region`, from the cache or asked of IAM as the SDK asks."""
    from jobtui.api.credentials import credentials_from_file, find_credentials
    from jobtui.api.iam_projects import project_for_region
    from jobtui.store.config import ProjectSettings
    from jobtui.store.project_cache import cached_project, remember_project

    source = ProjectSettings(credentials=ctx.settings.credentials)
    home = Path(ctx.env.get("HOME") or Path.home())
    if source.credentials_file is not None:
        creds = credentials_from_file(source.credentials_file)
    else:
        creds = find_credentials(ctx.env, home, ecs=source.credentials == "ecs")
    if creds is not None and creds.project_id:
        return creds.project_id  # the SDK asks IAM only when the credentials name none
    if creds is None or creds.kind == "none":
        raise ConfigError(f"Looking up the project of {region} needs credentials; give --project.")
    who = creds.ak or f"{creds.kind}:{creds.source}"
    cache = ctx.paths.project_cache_file
    found = cached_project(cache, who, region)
    if found is None:
        found = project_for_region(creds, region, ctx.env)
        remember_project(cache, who, region, found)
    return found

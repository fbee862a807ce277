"""`jobtui doctor`'s checks of this host's files: config, watchlist, credentials, endpoint.

Nothing here goes on the network. A check that cannot pass says what to change; the
ones after it carry on with what is left (defaults for a broken config.toml).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from jobtui.commands.doctor_report import Check, fail, ok, warn
from jobtui.commands.lookup import find, parse_spec
from jobtui.domain.errors import ConfigError, JobtuiError, UsageError
from jobtui.domain.state import WatchEntry
from jobtui.store.config import Settings, load_settings

if TYPE_CHECKING:
    from jobtui.api.credentials import Credentials
    from jobtui.commands.context import Context
    from jobtui.polling.connections import Connections, Route

# A job ID no job has: the service's "not found" then proves key and permission good.
PROBE_JOB = "0" * 32
# Stands for "no project known" when working out the endpoint and credentials.
NO_PROJECT = "doctor-no-project"
SHOWN_AK = 4
NO_CREDENTIALS_FIX = (
    "none found: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or write ak and sk "
    "under [basic] in ~/.huaweicloud/credentials (chmod 600), or set JOBTUI_AUTH_TOKEN"
)


@dataclass(frozen=True)
class Target:
    """What the signed request asks for; `real`: a job the user has, not the probe ID."""

    entry: WatchEntry
    real: bool
    sendable: bool = True


def config(ctx: Context) -> tuple[Check, Settings]:
    path = ctx.paths.config_file
    try:
        settings = load_settings(path)
    except ConfigError as error:
        text = f"{error}; fix it: every other command stops there (defaults used below)"
        return fail("config", text), Settings()
    if not path.exists():
        return ok("config", f"{path} is not there: defaults used"), settings
    return ok("config", f"{path} read"), settings


def watchlist(ctx: Context) -> tuple[Check, list[WatchEntry]]:
    try:
        entries = ctx.entries()
    except ConfigError as error:
        return fail("watchlist", f"{error}; fix it or move it away"), []
    if not entries:
        return ok("watchlist", "empty; add a job with 'jobtui add PROJECT_ID JOB_ID'"), []
    jobs = "1 job" if len(entries) == 1 else f"{len(entries)} jobs"
    return ok("watchlist", f"{jobs} in {ctx.paths.watchlist_file}"), entries


def target(ctx: Context, entries: list[WatchEntry], now: datetime) -> Target:
    """The job named on the command line, else the first watched one, else the probe ID
    in the project the environment names; else nothing to send (`sendable` False)."""
    spec: Optional[str] = ctx.args.job
    if spec:
        found = find(spec, entries)
        if found is not None:
            return Target(found, real=True)
        project, job = parse_spec(spec)
        if project is None:
            raise UsageError(f"Job {job} is not watched; name it as PROJECT_ID/JOB_ID.")
        return Target(WatchEntry(project, job, now, region=ctx.args.region), real=True)
    if entries:
        return Target(entries[0], real=True)
    from jobtui.api.credentials import ENV_PROJECT_ID

    project = ctx.env.get(ENV_PROJECT_ID, "").strip()
    if project:
        return Target(WatchEntry(project, PROBE_JOB, now), real=False)
    return Target(WatchEntry(NO_PROJECT, PROBE_JOB, now), real=False, sendable=False)


def credentials(
    conns: Connections, settings: Settings, goal: Target, home: Path
) -> tuple[Check, Optional[Credentials], Target]:
    """Which credentials sign, shown as `gh auth status` does: the AK's start and its source.

    A credentials file's project ID gives the probe a project when nothing else did.
    """
    try:
        found = conns.credentials_for(goal.entry.project_id)
    except ConfigError as error:
        return fail("credentials", str(error)), None, goal
    if not goal.sendable and found.project_id:
        entry = WatchEntry(found.project_id, PROBE_JOB, goal.entry.added_at)
        goal = Target(entry, real=False)
    if found.kind == "token":
        return ok("credentials", f"IAM token from {found.source}"), found, goal
    if found.kind == "none":
        if settings.project(goal.entry.project_id).credentials == "none":
            return ok("credentials", "none: open mode, as config.toml asks"), found, goal
        return fail("credentials", NO_CREDENTIALS_FIX), found, goal
    return _aksk(found, home), found, goal


def _aksk(found: Credentials, home: Path) -> Check:
    from jobtui.api.credentials import credentials_file_warning

    ak = found.ak or ""
    shown = ak[:SHOWN_AK] + "…" if len(ak) > SHOWN_AK else ak
    if found.source == "environment":
        where = "the environment (HUAWEICLOUD_SDK_AK/SK)"
    else:
        where = found.source.replace(str(home), "~", 1)
    token = ", with a security token" if found.security_token else ""
    text = f"AK {shown} from {where}{token}"
    in_file = found.source != "environment"
    exposed = credentials_file_warning(Path(found.source)) if in_file else None
    return warn("credentials", f"{text}; but {exposed}") if exposed else ok("credentials", text)


def endpoint(conns: Connections, goal: Target, signed: bool) -> tuple[Check, Optional[str]]:
    """Where requests go; `signed`: AK/SK requests, which plain http to another host exposes."""
    from jobtui.api.endpoints import clear_text_warning

    try:
        url, region = conns.endpoint_for(goal.entry)
    except JobtuiError as error:
        return fail("endpoint", str(error).rstrip(".")), None
    warning = clear_text_warning(url) if signed else None
    if warning is not None:
        return warn("endpoint", warning), url
    return ok("endpoint", url + (f" (region {region})" if region else "")), url


def route(conns: Connections, goal: Target) -> tuple[Optional[Check], Optional[Route]]:
    """The job's route, or why there is none (a token over plain http, say)."""
    try:
        return None, conns.route(goal.entry)
    except JobtuiError as error:
        return fail("endpoint", str(error).rstrip(".")), None

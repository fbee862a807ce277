"""Finding credentials where Huawei's SDK looks, without ever showing the secrets."""

from __future__ import annotations

import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import httpx

from jobtui.api import federated
from jobtui.api.agency_auth import AgencyAuth
from jobtui.api.auth import AkSkAuth, TokenAuth
from jobtui.api.credentials_file import federated_error, read_basic
from jobtui.api.ecs_metadata import DEFAULT_URL, ENV_METADATA_URL, AgencyKeys
from jobtui.domain import redact
from jobtui.domain.errors import ConfigError

ENV_AK = "HUAWEICLOUD_SDK_AK"
ENV_SK = "HUAWEICLOUD_SDK_SK"
ENV_SECURITY_TOKEN = "HUAWEICLOUD_SDK_SECURITY_TOKEN"
ENV_PROJECT_ID = "HUAWEICLOUD_SDK_PROJECT_ID"
ENV_CREDENTIALS_FILE = "HUAWEICLOUD_SDK_CREDENTIALS_FILE"
ENV_TOKEN = "JOBTUI_AUTH_TOKEN"
ENV_IAM_ENDPOINT = "HUAWEICLOUD_SDK_IAM_ENDPOINT"
# The same five values, as environment variables and as the file's keys.
ENV_NAMES = (ENV_AK, ENV_SK, ENV_SECURITY_TOKEN, ENV_PROJECT_ID, ENV_IAM_ENDPOINT)
FILE_KEYS = ("ak", "sk", "security_token", "project_id", "iam_endpoint")


@dataclass(frozen=True)
class Credentials:
    """How to authenticate: kind "aksk", "ecs", "token" or "none"; secrets stay out of repr."""

    kind: str
    ak: Optional[str] = None
    sk: Optional[str] = field(default=None, repr=False)
    security_token: Optional[str] = field(default=None, repr=False)
    token: Optional[str] = field(default=None, repr=False)
    project_id: Optional[str] = None
    iam_endpoint: Optional[str] = None
    agency: Optional[AgencyKeys] = None  # kind "ecs": the keys, fetched when first signed
    # Where they came from, for messages: "environment", a file path, ...
    source: str = ""

    def __post_init__(self) -> None:
        # Whatever this process logs from now on masks them (jobtui.log).
        redact.remember(self.sk, self.security_token, self.token)

    def auth(self) -> Optional[httpx.Auth]:
        """The httpx.Auth that applies these credentials (None for open mode)."""
        if self.kind == "aksk" and self.ak and self.sk:
            return AkSkAuth(self.ak, self.sk, self.security_token)
        if self.kind == "ecs" and self.agency is not None:
            return AgencyAuth(self.agency)
        if self.kind == "token" and self.token:
            return TokenAuth(self.token)
        return None

    def origin(self) -> str:
        """Where a refused key is to be corrected, for the 401's advice: the variables,
        the file, or the metadata service's URL (never a secret)."""
        if self.kind == "aksk" and self.source == "environment":
            return f"{ENV_AK}/SK in the environment"
        if self.kind == "aksk":
            return f"ak and sk in {self.source}"
        return self.source if self.kind == "ecs" else ""

    def __str__(self) -> str:
        # The first 4 characters of the AK, as `gh auth status` shows a token.
        if self.kind == "aksk":
            return f"AK {(self.ak or '')[:4]}… from {self.source}"
        if self.kind == "ecs":
            return f"ECS agency from {self.source}"
        if self.kind == "token":
            return f"IAM token from {self.source}"
        return "no credentials"


NO_CREDENTIALS = Credentials("none", source="open mode")


def find_credentials(env: Mapping[str, str], home: Path, *, ecs: bool = False) -> Credentials:
    """JOBTUI_AUTH_TOKEN, then the SDK's chain: environment, credentials file and, with
    `ecs`, the ECS agency; else none. Identities jobtui cannot use are a ConfigError."""
    token = env.get(ENV_TOKEN, "").strip()
    if token:
        return Credentials(
            "token", token=token, project_id=_opt(env, ENV_PROJECT_ID), source=ENV_TOKEN
        )
    unsupported = federated.before_env(env)
    if unsupported is not None:
        raise unsupported
    from_env = credentials_from_env(env)
    if from_env is not None:
        return from_env
    path = credentials_path(env, home)
    if env.get(ENV_CREDENTIALS_FILE, "").strip() and not path.is_file():
        # Set on purpose: falling back to no credentials would hide the typo.
        raise ConfigError(
            f"{ENV_CREDENTIALS_FILE} names a file that does not exist", path=str(path)
        )
    from_file = credentials_from_file(path)
    if from_file is not None:
        return from_file
    if ecs:
        return agency_credentials(env)
    unsupported = federated.after_all(env)
    if unsupported is not None:
        raise unsupported
    return NO_CREDENTIALS


def agency_credentials(env: Mapping[str, str]) -> Credentials:
    """The ECS agency's keys, fetched on first use from JOBTUI_METADATA_URL or 169.254.169.254."""
    url = env.get(ENV_METADATA_URL, "").strip() or DEFAULT_URL
    return Credentials(
        "ecs", agency=AgencyKeys(url), project_id=_opt(env, ENV_PROJECT_ID),
        iam_endpoint=_opt(env, ENV_IAM_ENDPOINT), source=url,
    )  # fmt: skip


def credentials_from_env(env: Mapping[str, str]) -> Optional[Credentials]:
    """AK/SK from HUAWEICLOUD_SDK_*; like the SDK, both must be non-empty."""
    return _aksk(env, ENV_NAMES, "environment")


def credentials_path(env: Mapping[str, str], home: Path) -> Path:
    """HUAWEICLOUD_SDK_CREDENTIALS_FILE or ~/.huaweicloud/credentials."""
    override = env.get(ENV_CREDENTIALS_FILE, "").strip()
    return Path(override).expanduser() if override else home / ".huaweicloud" / "credentials"


def credentials_from_file(path: Path) -> Optional[Credentials]:
    """Read the SDK's INI file as the SDK does: section [basic], keys any case."""
    if not path.is_file():
        return None
    basic = read_basic(path)
    if basic is None:
        return None
    if basic["idp_id"] and basic["id_token_file"]:
        raise federated_error(path)  # the SDK would federate even with an AK/SK here
    present = [key for key in ("ak", "sk") if basic[key]]
    if len(present) == 1:
        missing = "sk" if present == ["ak"] else "ak"
        raise ConfigError(f"[basic] has {present[0]} but no {missing}", path=str(path), key=missing)
    return _aksk(basic, FILE_KEYS, str(path))


def _aksk(values: Mapping[str, str], names: tuple[str, ...], source: str) -> Optional[Credentials]:
    ak, sk, token, project_id, iam = (values.get(name, "").strip() or None for name in names)
    if not (ak and sk):
        return None
    return Credentials(
        "aksk", ak=ak, sk=sk, security_token=token, project_id=project_id,
        iam_endpoint=iam, source=source,
    )  # fmt: skip


def credentials_file_warning(path: Path) -> Optional[str]:
    """A sentence when the credentials file is readable by other users, else None."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if mode & (stat.S_IRGRP | stat.S_IROTH):
        return f"{path} is readable by other users; run: chmod 600 {path}"
    return None


def exposed_credentials(
    env: Mapping[str, str], home: Path, extra: Iterable[Path] = ()
) -> list[str]:
    """Warnings for the credentials files jobtui would read that others can read too."""
    paths = list(extra)
    uses_file = not env.get(ENV_TOKEN, "").strip() and credentials_from_env(env) is None
    if uses_file:
        paths.insert(0, credentials_path(env, home))
    found = (credentials_file_warning(path) for path in dict.fromkeys(paths))
    return [warning for warning in found if warning]


def _opt(env: Mapping[str, str], name: str) -> Optional[str]:
    return env.get(name, "").strip() or None

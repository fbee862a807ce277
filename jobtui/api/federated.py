"""Identities the SDK can use and jobtui cannot: said out loud, never signed around.

huaweicloudsdkcore 3.1.219 tries, in order: OIDC (HUAWEICLOUD_OIDC_*), the
environment (AK/SK, or HUAWEICLOUD_SDK_IDP_ID with HUAWEICLOUD_SDK_ID_TOKEN_FILE),
the credentials file, the ECS metadata service, pod identity (HC_CONTAINER_*). Where
the SDK would take an identity jobtui cannot use, jobtui stops with a sentence instead
of sending unsigned requests or another key than the SDK's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Optional

from jobtui.api.credentials_file import FEDERATED_INSTEAD
from jobtui.domain.errors import ConfigError

ENV_IDP_ID = "HUAWEICLOUD_SDK_IDP_ID"
ENV_ID_TOKEN_FILE = "HUAWEICLOUD_SDK_ID_TOKEN_FILE"
OIDC_URNS = ("HUAWEICLOUD_OIDC_PROVIDER_URN", "HUAWEICLOUD_OIDC_AGENCY_URN")
OIDC_TOKENS = ("HUAWEICLOUD_OIDC_ID_TOKEN", "HUAWEICLOUD_OIDC_TOKEN_FILE")
POD_IDENTITY = ("HC_CONTAINER_CREDENTIALS_FULL_URI", "HC_CONTAINER_AUTHORIZATION_TOKEN_FILE")


def _set(env: Mapping[str, str], *names: str) -> bool:
    return all(env.get(name, "").strip() for name in names)


def before_env(env: Mapping[str, str]) -> Optional[ConfigError]:
    """What the SDK would use before any AK/SK in the environment: OIDC, then federation."""
    if _set(env, *OIDC_URNS) and any(_set(env, name) for name in OIDC_TOKENS):
        return _unsupported("HUAWEICLOUD_OIDC_PROVIDER_URN and _AGENCY_URN (OIDC)")
    if _set(env, ENV_IDP_ID, ENV_ID_TOKEN_FILE):
        return _unsupported(f"{ENV_IDP_ID} and {ENV_ID_TOKEN_FILE} (federated identity)")
    return None


def after_all(env: Mapping[str, str]) -> Optional[ConfigError]:
    """Pod identity, the SDK's last resort, or a half-set federation, when nothing else
    was found: better than quietly sending unsigned requests."""
    if _set(env, *POD_IDENTITY):
        return _unsupported("HC_CONTAINER_CREDENTIALS_FULL_URI (pod identity)")
    half = [name for name in (ENV_IDP_ID, ENV_ID_TOKEN_FILE, *OIDC_URNS) if _set(env, name)]
    if half:
        return _unsupported(f"{half[0]} (federated identity, incompletely set)")
    return None


def _unsupported(what: str) -> ConfigError:
    return ConfigError(f"{what} is set, which jobtui does not support; {FEDERATED_INSTEAD}.")

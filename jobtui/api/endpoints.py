"""Where the DWS API lives: the official region table and explicit overrides."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Optional
from urllib.parse import urlsplit

from jobtui.domain.errors import UsageError

# Regions outside the usual myhuaweicloud.com domain (huaweicloudsdkdws's DwsRegion).
DOMAIN_EXCEPTIONS = {
    "eu-west-101": "myhuaweicloud.eu",
    "cn-south-4": "myhuaweicloud.cn",
    "cn-north-12": "myhuaweicloud.cn",
    "cn-east-4": "myhuaweicloud.cn",
    "tr-west-1": "myhuaweicloud.cn",
    "ap-southeast-4": "myhuaweicloud.cn",
}
DEFAULT_DOMAIN = "myhuaweicloud.com"
ENDPOINT_ENV = "JOBTUI_ENDPOINT"
_REGION = re.compile(r"^[a-z]{2,}(-[a-z0-9]+)+$")


def endpoint_for_region(region: str) -> str:
    """The official DWS endpoint of a region, e.g. https://dws.cn-north-4.myhuaweicloud.com."""
    name = region.strip().lower()
    if not _REGION.match(name):
        raise UsageError(f"{region!r} is not a region name like 'cn-north-4'.")
    return f"https://dws.{name}.{DOMAIN_EXCEPTIONS.get(name, DEFAULT_DOMAIN)}"


def normalise_endpoint(url: str) -> str:
    """Check an explicit endpoint URL and strip its trailing slash."""
    text = url.strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(
            f"Endpoint {url!r} is not a URL; write it like https://dws.example.com:443."
        )
    if parts.query or parts.fragment or parts.username or parts.password:
        raise UsageError(f"Endpoint {url!r} must not carry credentials, a query or a fragment.")
    try:
        parts.port  # noqa: B018 -- raises ValueError on a bad port
    except ValueError:
        raise UsageError(f"Endpoint {url!r} has an invalid port number.") from None
    return text.rstrip("/")


def resolve_endpoint(explicit: Optional[str], env: Mapping[str, str], region: Optional[str]) -> str:
    """--endpoint or the config key first, then JOBTUI_ENDPOINT, then the region table."""
    for candidate in (explicit, env.get(ENDPOINT_ENV)):
        if candidate and candidate.strip():
            return normalise_endpoint(candidate)
    if region and region.strip():
        return endpoint_for_region(region)
    raise UsageError(
        "No endpoint: set a region in config.toml, or pass --endpoint, or set JOBTUI_ENDPOINT."
    )

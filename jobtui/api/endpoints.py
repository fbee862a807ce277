"""Where the DWS API lives: the official region table and explicit overrides."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from typing import Optional
from urllib.parse import urlsplit

from jobtui.domain.endpoint_url import endpoint_problem
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
# DWS's regions in huaweicloudsdkdws (DwsRegion); another region's host is guessed.
KNOWN_REGIONS = frozenset(
    [
        "ae-ad-1",
        "af-north-1",
        "af-south-1",
        "ap-southeast-1",
        "ap-southeast-2",
        "ap-southeast-3",
        "ap-southeast-4",
        "ap-southeast-5",
        "cn-east-2",
        "cn-east-3",
        "cn-east-4",
        "cn-east-5",
        "cn-north-1",
        "cn-north-11",
        "cn-north-12",
        "cn-north-2",
        "cn-north-4",
        "cn-north-9",
        "cn-south-1",
        "cn-south-4",
        "cn-southwest-2",
        "cn-southwest-3",
        "eu-west-101",
        "la-north-2",
        "la-south-2",
        "me-east-1",
        "my-kualalumpur-1",
        "na-mexico-1",
        "ru-moscow-1",
        "sa-brazil-1",
        "tr-west-1",
    ]
)
ENDPOINT_ENV = "JOBTUI_ENDPOINT"
_REGION = re.compile(r"^[a-z]{2,}(-[a-z0-9]+)+$")


def endpoint_for_region(region: str) -> str:
    """The official DWS endpoint of a region, e.g. https://dws.cn-north-4.myhuaweicloud.com."""
    name = region.strip().lower()
    if not _REGION.match(name):
        raise UsageError(f"{region!r} is not a region name like 'cn-north-4'.")
    return f"https://dws.{name}.{DOMAIN_EXCEPTIONS.get(name, DEFAULT_DOMAIN)}"


def guessed_region(endpoint: str, region: Optional[str]) -> Optional[str]:
    """The region whose host `endpoint` is a guess at (not in the table), else None."""
    if not region or region.strip().lower() in KNOWN_REGIONS:
        return None
    try:
        return region if endpoint == endpoint_for_region(region) else None
    except UsageError:
        return None


def unknown_region_dns(host: str, region: str) -> str:
    """The sentence for a guessed host that does not resolve."""
    return (
        f"The name {host} could not be resolved: region {region!r} is not in jobtui's "
        "table of DWS regions, so its host was guessed; check the region's name, or "
        "give --endpoint"
    )


def normalise_endpoint(url: str) -> str:
    """Check an explicit endpoint URL and strip its trailing slash."""
    problem = endpoint_problem(url)
    if problem is not None:
        raise UsageError(f"Endpoint {_shown(url)} {problem}.")
    return url.strip().rstrip("/")


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and localhost: traffic that never leaves this machine."""
    name = host.strip("[]").lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name.split("%")[0]).is_loopback
    except ValueError:
        return False


def in_cloud(endpoint: str) -> bool:
    """True when `endpoint` is another machine (not the simulator on loopback)."""
    return not is_loopback(urlsplit(endpoint).hostname or "")


def in_clear(endpoint: str) -> bool:
    """True when requests to `endpoint` cross a network unencrypted."""
    parts = urlsplit(endpoint)
    return parts.scheme == "http" and not is_loopback(parts.hostname or "")


def refuse_token_in_clear(endpoint: str) -> None:
    """A bearer token over plain HTTP can be read and replayed by anyone on the way."""
    if in_clear(endpoint):
        raise UsageError(
            f"Refusing to send an IAM token to {endpoint} over plain http, where anyone "
            "on the way could read and reuse it; use an https:// endpoint."
        )


def clear_text_warning(endpoint: str) -> Optional[str]:
    """A sentence for AK/SK requests over plain HTTP to another machine, else None."""
    if not in_clear(endpoint):
        return None
    return (
        f"requests to {endpoint} go over plain http: the signature does not reveal the SK, "
        "but the AK and the job details can be read on the way; use an https:// endpoint"
    )


def _shown(url: str) -> str:
    return repr(url if len(url) <= 80 else url[:79] + "…")


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

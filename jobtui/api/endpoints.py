"""Where the DWS API lives: the official region table and explicit overrides."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from typing import Optional
from urllib.parse import urlsplit

from jobtui.errors import UsageError

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
_LABEL = re.compile(r"^[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$")
_BLANK_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f-\x9f]")
_EXAMPLE = "write it like https://dws.example.com or http://[::1]:8086"


def endpoint_for_region(region: str) -> str:
    """The official DWS endpoint of a region, e.g. https://dws.cn-north-4.myhuaweicloud.com."""
    name = region.strip().lower()
    if not _REGION.match(name):
        raise UsageError(f"{region!r} is not a region name like 'cn-north-4'.")
    return f"https://dws.{name}.{DOMAIN_EXCEPTIONS.get(name, DEFAULT_DOMAIN)}"


def normalise_endpoint(url: str) -> str:
    """Check an explicit endpoint URL and strip its trailing slash."""
    problem = endpoint_problem(url)
    if problem is not None:
        raise UsageError(f"Endpoint {_shown(url)} {problem}.")
    return url.strip().rstrip("/")


def endpoint_problem(url: str) -> Optional[str]:
    """Why `url` is no endpoint ("is not a URL; write it like …"), or None if it is one."""
    text = url.strip()
    if not text or _BLANK_OR_CONTROL.search(text):
        return f"has spaces or control characters; {_EXAMPLE}"
    try:
        parts = urlsplit(text)
        port = parts.port
        host = parts.hostname
    except ValueError as exc:
        return f"is not a valid URL ({_why(exc)}); {_EXAMPLE}"
    if parts.scheme not in ("http", "https") or not host:
        return f"is not a URL; {_EXAMPLE}"
    if parts.query or parts.fragment or parts.username or parts.password:
        return "must not carry credentials, a query or a fragment"
    if port is not None and not 0 < port < 65536:
        return "has an invalid port number; ports run from 1 to 65535"
    if not _valid_host(host):
        return f"has {host[:60]!r} where a host name or IP address belongs; {_EXAMPLE}"
    return None


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and localhost: traffic that never leaves this machine."""
    name = host.strip("[]").lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name.split("%")[0]).is_loopback
    except ValueError:
        return False


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


def _valid_host(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%")[0])
        return True
    except ValueError:
        pass
    try:
        ascii_name = host.rstrip(".").encode("idna").decode("ascii")
    except UnicodeError:
        return False
    labels = ascii_name.split(".")
    return len(ascii_name) <= 253 and all(_LABEL.match(label) for label in labels)


def _why(exc: ValueError) -> str:
    text = str(exc)
    if "Invalid IPv6 URL" in text:
        return "an IPv6 address needs its closing ']'"
    if "does not appear to be" in text:
        return "what is in brackets is not an IPv6 address"
    if "port" in text.lower():
        return "the port is not a number from 1 to 65535"
    return "it does not parse"


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

"""Whether a string is an endpoint URL jobtui can use, and if not, why: a sentence to show."""

from __future__ import annotations

import ipaddress
import re
from typing import Optional
from urllib.parse import urlsplit

_LABEL = re.compile(r"^[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$")
_BLANK_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f-\x9f]")
_EXAMPLE = "write it like https://dws.example.com or http://[::1]:8086"


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
    if "[" in parts.netloc and not _is_ipv6(host):
        # Python before 3.11.4 lets urlsplit take anything in brackets.
        return f"is not a valid URL (what is in brackets is not an IPv6 address); {_EXAMPLE}"
    if not _valid_host(host):
        return f"has {host[:60]!r} where a host name or IP address belongs; {_EXAMPLE}"
    return None


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


def _is_ipv6(host: str) -> bool:
    try:
        ipaddress.IPv6Address(host.split("%")[0])
    except ValueError:
        return False
    return True

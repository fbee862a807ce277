"""Map httpx's transport exceptions to ApiError kinds: timeout, dns, tls, connection, proxy.

`timeout` also covers the client's own deadline on the whole exchange, which httpx's
per-read timeouts do not give: a body that drips a byte a second never trips them.
"""

from __future__ import annotations

import socket
import ssl
import urllib.request
from collections.abc import Iterator
from typing import Optional
from urllib.parse import urlsplit

import httpx

from jobtui.api.errors_map import api_error
from jobtui.domain.errors import ApiError

# Texts that give a cause away when httpx keeps only the message of the OS error.
_DNS_WORDS = (
    "name or service not known",
    "nodename nor servname",
    "temporary failure in name",
    "no address associated",
    "getaddrinfo failed",
    "name resolution",
)
_TLS_WORDS = ("ssl", "certificate", "tls")


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _caused_by(
    exc: BaseException, kinds: tuple[type[BaseException], ...], words: tuple[str, ...]
) -> bool:
    for cause in _causes(exc):
        if isinstance(cause, kinds) or any(w in str(cause).lower() for w in words):
            return True
    return False


def _proxy_for(exc: httpx.HTTPError) -> Optional[str]:
    """host:port of the proxy the environment names for this request, if any."""
    try:
        url = exc.request.url
    except RuntimeError:
        return None
    if urllib.request.proxy_bypass(url.host):
        return None
    proxies = urllib.request.getproxies_environment()
    proxy = proxies.get(url.scheme) or proxies.get("all")
    if not proxy:
        return None
    # Only host and port: a proxy URL may carry a password.
    parts = urlsplit(proxy if "://" in proxy else "http://" + proxy)
    return f"{parts.hostname}:{parts.port}" if parts.port else str(parts.hostname)


def deadline_error(host: str, timeout: float, *, answering: bool) -> ApiError:
    """The whole exchange took longer than `timeout`; `answering`: headers had come."""
    if answering:
        return api_error(
            "timeout",
            f"{host} began to answer but had not finished within {timeout:g} s; "
            "the network, a proxy or the service is stalling",
        )
    return api_error(
        "timeout",
        f"{host} did not answer within {timeout:g} s; the network or the service is slow",
    )


def error_for_exception(exc: httpx.HTTPError, host: str, timeout: float) -> ApiError:
    """The typed error for a request that got no complete answer."""
    if isinstance(exc, httpx.TimeoutException):
        return deadline_error(host, timeout, answering=False)
    if isinstance(exc, httpx.ProxyError):
        return api_error("proxy", f"The proxy refused to connect to {host}; check HTTPS_PROXY")
    proxy = _proxy_for(exc)
    if proxy is not None and isinstance(exc, httpx.ConnectError):
        return api_error("proxy", f"Could not reach the proxy {proxy} on the way to {host}; "
                                  "check HTTPS_PROXY and NO_PROXY")  # fmt: skip
    if _caused_by(exc, (socket.gaierror,), _DNS_WORDS):
        return api_error(
            "dns",
            f"The name {host} could not be resolved; check the region or "
            "--endpoint and this host's DNS",
        )
    if _caused_by(exc, (ssl.SSLError, ssl.CertificateError), _TLS_WORDS):
        return api_error(
            "tls",
            f"The TLS certificate of {host} could not be verified; if a "
            "proxy re-signs traffic, point SSL_CERT_FILE at its CA bundle",
        )
    if isinstance(exc, httpx.ConnectError) and _caused_by(
        exc, (ConnectionRefusedError,), ("refused",)
    ):
        return api_error(
            "connection",
            f"{host} refused the connection; check the endpoint "
            "and that the service (or jobtui sim) is running",
        )
    if isinstance(exc, httpx.ConnectError):
        return api_error(
            "connection", f"Could not connect to {host}; check the network and the endpoint"
        )
    return api_error(
        "connection",
        f"The connection to {host} was dropped before the answer was complete; "
        "the network or a proxy cut it",
    )

"""`jobtui doctor`'s way to the endpoint: proxy, DNS, then TCP and TLS, before any request.

The TLS handshake trusts what the client trusts (the system's CAs, or SSL_CERT_FILE),
so a proxy that re-signs traffic shows here as an unverified certificate. Behind a
proxy (HTTPS_PROXY and NO_PROXY, as httpx reads them) the proxy looks the name up and
opens the way; the signed request then tells whether it does.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
from collections.abc import Mapping
from typing import Any, Callable, Optional
from urllib.parse import urlsplit

from jobtui.commands.doctor_report import Check, fail, ok, warn

CONNECT_TIMEOUT = 10.0
# A certificate this close to its end gets a warning: someone must renew it.
EXPIRY_WARNING_DAYS = 14
Resolve = Callable[..., "list[tuple[Any, ...]]"]  # socket.getaddrinfo's shape


def proxy_for(url: str, env: Mapping[str, str]) -> Optional[str]:
    """host:port of the proxy requests to `url` go through, if the environment names one."""
    parts = urlsplit(url)
    proxies = {
        name[: -len("_proxy")].lower(): value
        for name, value in env.items()
        if name.lower().endswith("_proxy") and value.strip()
    }
    proxy = proxies.get(parts.scheme) or proxies.get("all")
    if not proxy or _bypassed(parts.hostname or "", proxies.get("no", "")):
        return None
    # Only host and port: a proxy URL may carry a password.
    where = urlsplit(proxy if "://" in proxy else "http://" + proxy)
    return f"{where.hostname}:{where.port}" if where.port else str(where.hostname)


def _bypassed(host: str, no_proxy: str) -> bool:
    """NO_PROXY as curl and httpx read it: '*', or names (and their subdomains) and IPs."""
    names = [n.strip().lstrip(".").lower() for n in no_proxy.split(",") if n.strip()]
    host = host.lower().rstrip(".")
    return any(n == "*" or host == n or host.endswith("." + n) for n in names)


def host_port(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    return parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80)


def dns(url: str, resolve: Optional[Resolve] = None) -> Check:
    host, port = host_port(url)
    resolve = resolve or socket.getaddrinfo  # looked up now: tests patch it
    if _is_address(host):
        return ok("dns", f"{host} is an address: nothing to look up")
    try:
        found = resolve(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        return fail(
            "dns",
            f"{host} could not be resolved ({_reason(error)}); check the region or "
            "--endpoint, and this host's DNS (/etc/resolv.conf, a VPN)",
        )
    addresses = list(dict.fromkeys(str(info[4][0]) for info in found))
    more = f" (+{len(addresses) - 2})" if len(addresses) > 2 else ""
    return ok("dns", f"{host} is {', '.join(addresses[:2])}{more}")


def connect(url: str, *, now: Callable[[], float] = time.time) -> Check:
    """TCP to the endpoint; for https also the handshake and its certificate."""
    host, port = host_port(url)
    secure = urlsplit(url).scheme == "https"
    name = "tls" if secure else "connect"
    try:
        with socket.create_connection((host, port), timeout=CONNECT_TIMEOUT) as sock:
            if not secure:
                return _plain(url, host, port)
            with _context().wrap_socket(sock, server_hostname=host) as tls:
                return _certificate(host, tls.version(), tls.getpeercert(), now())
    except ssl.SSLCertVerificationError as error:
        why = error.verify_message or _reason(error)
        return fail(
            name,
            f"the certificate of {host} could not be verified ({why}); if a "
            "proxy re-signs traffic, point SSL_CERT_FILE at its CA bundle",
        )
    except ssl.SSLError as error:
        return fail(
            name,
            f"the TLS handshake with {host}:{port} failed ({_reason(error)}); "
            "check that the endpoint speaks https on this port",
        )
    except ConnectionRefusedError:
        return fail(
            name,
            f"{host}:{port} refused the connection; check the endpoint and "
            "that the service (or jobtui sim) is running",
        )
    except socket.timeout:
        return fail(
            name,
            f"{host}:{port} did not answer within {CONNECT_TIMEOUT:g} s; a "
            "firewall may drop it, or the way out needs a proxy (HTTPS_PROXY)",
        )
    except OSError as error:
        return fail(
            name,
            f"could not connect to {host}:{port} ({_reason(error)}); "
            "check the network and the endpoint",
        )


def _plain(url: str, host: str, port: int) -> Check:
    from jobtui.api.endpoints import in_clear

    if in_clear(url):
        return warn(
            "connect", f"{host}:{port} answers, over plain http: use https:// for a real endpoint"
        )
    return ok("connect", f"{host}:{port} answers (plain http on this machine)")


def _certificate(host: str, version: Optional[str], cert: object, now: float) -> Check:
    until = cert.get("notAfter") if isinstance(cert, dict) else None
    if not isinstance(until, str):
        return ok("tls", f"{version or 'TLS'} to {host}, certificate verified")
    ends = ssl.cert_time_to_seconds(until)
    days = int((ends - now) // 86400)
    date = time.strftime("%Y-%m-%d", time.gmtime(ends))
    text = f"{version or 'TLS'} to {host}, certificate valid until {date}"
    if days < EXPIRY_WARNING_DAYS:
        return warn("tls", f"{text}: {days} days left; the endpoint's owner must renew it")
    return ok("tls", text)


def _context() -> ssl.SSLContext:
    """What the client trusts: httpx's defaults with SSL_CERT_FILE and SSL_CERT_DIR."""
    import httpx

    return httpx.create_ssl_context(verify=True, trust_env=True)


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return False
    return True


def _reason(error: BaseException) -> str:
    text = getattr(error, "strerror", None) or getattr(error, "reason", None) or str(error)
    return str(text) or type(error).__name__

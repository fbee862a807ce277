"""Request authentication: SDK-HMAC-SHA256 signing (AK/SK) and IAM tokens.

The signer reproduces huaweicloudsdkcore's `Signer` byte for byte; the test
`tests/api/test_signing_vectors.py` holds it to the official SDK's own output.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Generator, Iterable, Mapping
from datetime import datetime, timezone
from typing import Callable, Optional
from urllib.parse import quote, unquote, urlsplit

import httpx

ALGORITHM = "SDK-HMAC-SHA256"
DATE_FORMAT = "%Y%m%dT%H%M%SZ"
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()

# Headers the client signs when present. Signing only these (not Accept-Encoding,
# Connection...) keeps a signature valid through proxies that rewrite hop headers.
SIGNED_HEADERS = ("content-type", "host", "x-project-id", "x-sdk-date", "x-security-token")


def _encode(text: str) -> str:
    # RFC 3986 unreserved characters stay, everything else is %XX of UTF-8.
    return quote(text, safe="-_.~")


def canonical_uri(path: str) -> str:
    """Each segment decoded then re-encoded; always ends in '/'."""
    segments = [_encode(unquote(s)) for s in path.split("/")]
    uri = "/".join(segments)
    return uri if uri.endswith("/") else uri + "/"


def canonical_query(params: Iterable[tuple[str, str]]) -> str:
    pairs = sorted((_encode(k), _encode(v)) for k, v in params)
    return "&".join(f"{k}={v}" for k, v in pairs)


def canonical_headers(headers: Mapping[str, str]) -> tuple[str, str]:
    """Return (canonical header block, signed header list)."""
    # The SDK signs every header it is handed except names containing '_'.
    items = sorted(
        (name.lower(), value.strip()) for name, value in headers.items() if "_" not in name
    )
    block = "".join(f"{name}:{value}\n" for name, value in items)
    return block, ";".join(name for name, _ in items)


def canonical_request(
    method: str,
    path: str,
    query: Iterable[tuple[str, str]],
    headers: Mapping[str, str],
    body: bytes,
) -> tuple[str, str]:
    """Return (canonical request, signed header list)."""
    block, signed = canonical_headers(headers)
    parts = [
        method.upper(),
        canonical_uri(path),
        canonical_query(query),
        block,
        signed,
        hashlib.sha256(body).hexdigest() if body else EMPTY_SHA256,
    ]
    return "\n".join(parts), signed


def string_to_sign(canonical: str, sdk_date: str) -> str:
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    return f"{ALGORITHM}\n{sdk_date}\n{digest}"


def signature(secret_key: str, to_sign: str) -> str:
    return hmac.new(secret_key.encode("utf-8"), to_sign.encode("utf-8"), hashlib.sha256).hexdigest()


def authorization(access_key: str, signed_headers: str, sig: str) -> str:
    return f"{ALGORITHM} Access={access_key}, SignedHeaders={signed_headers}, Signature={sig}"


def sign(
    method: str,
    url: str,
    headers: Mapping[str, str],
    body: bytes,
    access_key: str,
    secret_key: str,
) -> str:
    """Return the Authorization value for a request whose headers are all signed."""
    parts = urlsplit(url)
    query = [
        (unquote(k), unquote(v))
        for k, _, v in (p.partition("=") for p in parts.query.split("&") if p)
    ]
    sdk_date = next(v for k, v in headers.items() if k.lower() == "x-sdk-date").strip()
    canonical, signed = canonical_request(method, parts.path, query, headers, body)
    sig = signature(secret_key, string_to_sign(canonical, sdk_date))
    return authorization(access_key, signed, sig)


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


class AkSkAuth(httpx.Auth):
    """Signs every request (and every retry) afresh with SDK-HMAC-SHA256."""

    requires_request_body = True

    def __init__(
        self,
        access_key: str,
        secret_key: str,
        security_token: Optional[str] = None,
        *,
        clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        self.access_key = access_key
        self._secret_key = secret_key
        self._security_token = security_token
        self._clock = clock

    def __repr__(self) -> str:
        return f"AkSkAuth(access_key={self.access_key!r}, secret_key='***')"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["X-Sdk-Date"] = self._clock().astimezone(timezone.utc).strftime(DATE_FORMAT)
        if self._security_token:
            request.headers["X-Security-Token"] = self._security_token
        request.headers.pop("Authorization", None)
        to_sign = {k: v for k, v in request.headers.items() if k.lower() in SIGNED_HEADERS}
        request.headers["Authorization"] = sign(
            request.method,
            str(request.url),
            to_sign,
            request.content,
            self.access_key,
            self._secret_key,
        )
        yield request


class TokenAuth(httpx.Auth):
    """Sends an IAM token as X-Auth-Token."""

    def __init__(self, token: str) -> None:
        self._token = token

    def __repr__(self) -> str:
        return "TokenAuth(token='***')"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["X-Auth-Token"] = self._token
        yield request

"""Temporary AK/SK of an ECS or BMS agency, from the metadata service as the SDK gets them.

`PUT {url}/meta-data/latest/api/token` (X-Metadata-Token-Ttl-Seconds) gives a metadata
token (404/405/503: the service has none, go on without, as the SDK does); `GET
{url}/openstack/latest/securitykey` with it gives `credential.access`, `secret`,
`securitytoken` and `expires_at`. Keys are kept until shortly before they expire and
fetched again then, or after a 401 (`AgencyKeys.get(stale=...)`), never per request.
Only used when config.toml says `credentials = "ecs"`: probing a link-local address
from a laptop costs seconds and traffic nobody asked for.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Optional

import httpx

from jobtui.api.answer import clean
from jobtui.api.errors_map import api_error
from jobtui.domain.errors import ApiError

DEFAULT_URL = "http://169.254.169.254"
ENV_METADATA_URL = "JOBTUI_METADATA_URL"
TOKEN_PATH = "/meta-data/latest/api/token"
KEY_PATH = "/openstack/latest/securitykey"
TOKEN_TTL = 6 * 3600
TIMEOUT = 3.0  # the SDK's (3, 3): a link-local service answers at once or not at all
REFRESH_BEFORE = 40 * 60  # the SDK's threshold
NO_AGENCY = "Please configure Cloud Service Agency first"
_TIME_FORMATS = ("%Y-%m-%dT%H:%M:%S.%fZ", "%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class TempKey:
    """One temporary key; the SK and token stay out of repr."""

    ak: str
    sk: str = field(repr=False)
    token: str = field(repr=False)
    expires_at: float
    fetched_at: float

    def due(self, now: float) -> bool:
        """Time to fetch again: 40 min before expiry, or half-way for shorter keys."""
        margin = min(REFRESH_BEFORE, (self.expires_at - self.fetched_at) / 2)
        return now >= self.expires_at - margin


class AgencyKeys:
    """The agency's current key, fetched on demand; thread-safe, blocking."""

    def __init__(
        self,
        url: str = DEFAULT_URL,
        *,
        clock: Callable[[], float] = time.time,
        timeout: float = TIMEOUT,
    ) -> None:
        self.url = url.rstrip("/")
        self.fetches = 0
        self._clock = clock
        self._timeout = timeout
        self._key: Optional[TempKey] = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"AgencyKeys({self.url!r})"

    def cached(self) -> Optional[TempKey]:
        """The current key if it is not due for renewal (no I/O)."""
        key = self._key
        return key if key is not None and not key.due(self._clock()) else None

    def get(self, stale: Optional[TempKey] = None) -> TempKey:
        """A usable key: the cached one unless it is due or is `stale` (refused)."""
        with self._lock:
            key = self._key
            if key is None or key is stale or key.due(self._clock()):
                key = self._key = self._fetch()
                self.fetches += 1
            return key

    def _fetch(self) -> TempKey:
        try:
            # No proxy: the service is link-local. No CA bundle to load for plain http.
            verify = self.url.startswith("https:")
            with httpx.Client(
                base_url=self.url, timeout=self._timeout, trust_env=False, verify=verify
            ) as http:
                headers = {}
                token = self._metadata_token(http)
                if token:
                    headers["X-Metadata-Token"] = token
                response = http.get(KEY_PATH, headers=headers)
        except httpx.HTTPError as exc:
            raise self._error(f"could not be reached ({type(exc).__name__})") from None
        if response.status_code >= 400:
            if NO_AGENCY in response.text:
                raise self._error("says this server has no agency; attach one to it in the console")
            raise self._error(f"answered HTTP {response.status_code}: {clean(response.text, 80)}")
        return self._parse(response.content)

    def _metadata_token(self, http: httpx.Client) -> Optional[str]:
        response = http.put(TOKEN_PATH, headers={"X-Metadata-Token-Ttl-Seconds": str(TOKEN_TTL)})
        if response.status_code == 200:
            return response.text.strip() or None
        if response.status_code in (404, 405, 503):
            # An older metadata service (or, as the SDK reads a 503, one without the
            # token API at the moment): the key is served without a token.
            return None
        raise self._error(f"refused a metadata token (HTTP {response.status_code})")

    def _parse(self, body: bytes) -> TempKey:
        try:
            data: Any = json.loads(body)
            cred = data.get("credential") or data.get("credentials") or data
            ak, sk = cred.get("access"), cred.get("secret")
            token = cred.get("securitytoken") or cred.get("security_token")
            expires = _timestamp(str(cred.get("expires_at") or cred.get("expiration")))
        except (ValueError, AttributeError, TypeError):
            raise self._error("answered something that is not a security key") from None
        if not (isinstance(ak, str) and isinstance(sk, str) and isinstance(token, str)):
            raise self._error("answered without access, secret and securitytoken")
        return TempKey(ak, sk, token, expires, self._clock())

    def _error(self, what: str) -> ApiError:
        return api_error("auth", f"The ECS metadata service at {self.url} {what}")


def _timestamp(text: str) -> float:
    for form in _TIME_FORMATS:
        try:
            return datetime.strptime(text, form).replace(tzinfo=timezone.utc).timestamp()
        except ValueError:
            continue
    raise ValueError("expires_at")


ENV_DMI_DIR = "JOBTUI_DMI_DIR"
DMI_DIR = "/sys/class/dmi/id"
_CLOUD_WORDS = ("huawei", "openstack")


def looks_like_ecs(dmi_dir: Path) -> bool:
    """True when the firmware's vendor or product names Huawei or OpenStack (no network)."""
    for name in ("sys_vendor", "product_name"):
        try:
            text = (dmi_dir / name).read_text(encoding="utf-8", errors="replace").lower()
        except OSError:
            continue
        if any(word in text for word in _CLOUD_WORDS):
            return True
    return False


def ecs_hint() -> str:
    return (
        "no credentials found, and this machine looks like a Huawei Cloud ECS: if it has "
        'an agency, set credentials = "ecs" in config.toml to sign with its temporary keys'
    )

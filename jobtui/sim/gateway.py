"""What the API gateway checks before the service sees a request: signature or token.

It verifies SDK-HMAC-SHA256 over exactly the headers `SignedHeaders` lists, with the
same functions the client signs with, and refuses an X-Sdk-Date more than 15
minutes from its own clock. Refusals use the public gateway's code (`APIGW.0301`,
HTTP 401) and, where it is known, its wording, e.g. "Incorrect IAM authentication
information: calc aksk signature fail:signature expired, signature time:…,server
time:…" for a skewed clock.
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Optional

from jobtui.api import auth

MAX_SKEW = 15 * 60
_AUTH = re.compile(
    r"^SDK-HMAC-SHA256\s+Access=(?P<ak>[^,\s]+),\s*SignedHeaders=(?P<signed>[^,\s]+),"
    r"\s*Signature=(?P<sig>[0-9a-fA-F]+)\s*$"
)
_IAM = "Incorrect IAM authentication information: "
REFUSED = "APIGW.0301"


@dataclass(frozen=True)
class Refusal:
    """A 401 the gateway answers with."""

    error_code: str
    error_msg: str
    status: int = 401


@dataclass(frozen=True)
class Gateway:
    """The credentials this simulated gateway accepts; none at all means open mode."""

    ak: Optional[str] = None
    sk: Optional[str] = None
    token: Optional[str] = None

    def __repr__(self) -> str:
        return f"Gateway(ak={self.ak!r}, sk='***', token='***')"

    @property
    def open(self) -> bool:
        return not (self.ak and self.sk) and not self.token

    def check(
        self, method: str, target: str, headers: Mapping[str, str], body: bytes, now: datetime
    ) -> Optional[Refusal]:
        """None if the request may pass, else why not."""
        if self.open:
            return None
        lower = {k.lower(): v for k, v in headers.items()}
        if self.token and "x-auth-token" in lower:
            if hmac.compare_digest(lower["x-auth-token"], self.token):
                return None
            return Refusal(REFUSED, _IAM + "decrypt token fail")
        if self.ak and self.sk and "authorization" in lower:
            return self._check_signature(method, target, headers, body, now)
        return Refusal(REFUSED, _IAM + "x-auth-token not found")

    def _check_signature(
        self, method: str, target: str, headers: Mapping[str, str], body: bytes, now: datetime
    ) -> Optional[Refusal]:
        assert self.ak is not None and self.sk is not None  # checked by the caller
        lower = {k.lower(): v for k, v in headers.items()}
        match = _AUTH.match(lower["authorization"])
        if not match:
            return Refusal(REFUSED, _IAM + "the Authorization header is malformed")
        if match["ak"] != self.ak:
            return Refusal(REFUSED, _IAM + f"ak {match['ak']} not exist")
        signed = match["signed"].split(";")
        if "host" not in signed or "x-sdk-date" not in signed or not set(signed) <= set(lower):
            return Refusal(REFUSED, _IAM + "SignedHeaders must list host and x-sdk-date")
        refusal = _check_date(lower["x-sdk-date"], now)
        if refusal:
            return refusal
        expected = auth.sign(
            method, f"http://sim{target}", {h: lower[h] for h in signed}, body, self.ak, self.sk
        )
        got = expected.rsplit("Signature=", 1)[1]
        if not hmac.compare_digest(got, match["sig"].lower()):
            return Refusal(REFUSED, _IAM + "verify aksk signature fail")
        return None


def _check_date(value: str, now: datetime) -> Optional[Refusal]:
    try:
        signed_at = datetime.strptime(value.strip(), auth.DATE_FORMAT).replace(tzinfo=timezone.utc)
    except ValueError:
        return Refusal(REFUSED, _IAM + "X-Sdk-Date is not in the form YYYYMMDDTHHMMSSZ")
    if abs((signed_at - now).total_seconds()) <= MAX_SKEW:
        return None
    server = now.astimezone(timezone.utc).strftime(auth.DATE_FORMAT)
    return Refusal(
        REFUSED,
        _IAM + "calc aksk signature fail:signature expired, "
        f"signature time:{value.strip()},server time:{server}",
    )

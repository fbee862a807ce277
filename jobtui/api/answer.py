"""The parts of an HTTP answer that error messages need, parsed tolerantly.

The service's body is parsed the way huaweicloudsdkcore does: `error_code`/
`error_msg`, then `errorCode`/`errorMsg`, then `code`/`message`; a body that is not
JSON becomes the message. Some DWS errors carry only `errCode`/`externalMessage`
(Huawei's Terraform provider reads `errCode`), tried last. Text from the server is
data: `clean` strips control characters and shortens it before it goes into a sentence.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Optional

# The gateway refuses an X-Sdk-Date further than this from its clock.
SKEW_LIMIT = 15 * 60
# Controls (C0, C1: ESC and CSI start terminal sequences) and the invisible format
# characters that reorder or hide text: bidi overrides and isolates, zero-width
# joiners, line separators, the BOM, Unicode tags.
_CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]+"
)
_NOT_ID = re.compile(r"[^A-Za-z0-9._:-]+")
# The longest wait a server's Retry-After may impose (429 or 5xx, seconds or an HTTP
# date; 10 minutes, as the README says): "99999999999" must not stop a monitor left
# open for days. The poller applies it again to whatever reaches it.
MAX_RETRY_AFTER = 600.0
_SDK_DATE = re.compile(r"signature time:\s*(\d{8}T\d{6}Z)\W+server time:\s*(\d{8}T\d{6}Z)", re.I)
_CODE_KEYS = (
    ("error_code", "error_msg"),
    ("errorCode", "errorMsg"),
    ("code", "message"),
    ("errCode", "externalMessage"),
)


@dataclass(frozen=True)
class Answer:
    """The parts of an HTTP answer that error mapping needs."""

    status: int
    body: bytes
    content_type: str = ""
    request_id: Optional[str] = None
    server_date: Optional[datetime] = None
    retry_after: Optional[str] = None
    # X-Sdk-Date we signed with, to measure clock skew against server_date.
    signed_at: Optional[datetime] = None


@dataclass(frozen=True)
class Where:
    """What the request was for, to name it in messages."""

    host: str
    project_id: str
    job_id: str
    # "aksk", "ecs", "token" or "none": which credentials a 401 message should point at.
    auth: str = "aksk"
    # Where they came from, for that message: the environment variables, the
    # credentials file's path, the metadata service's URL. "" when not known.
    origin: str = ""
    # The region the endpoint was chosen for, when there is one: a wrong one is named.
    region: Optional[str] = None
    # "job", "cluster", or "clusters" (the list of a project's clusters).
    what: str = "job"

    @property
    def subject(self) -> str:
        """How messages name what was asked for: "job …", "cluster …", "the cluster list"."""
        if self.what == "clusters":
            return "the cluster list"
        return f"{self.what} {self.job_id}"

    @property
    def noun(self) -> str:
        return "cluster" if self.what == "clusters" else self.what


def clean(text: str, limit: int = 160) -> str:
    """Server text made safe for a one-line message: no control characters, bounded."""
    flat = _CONTROL.sub(" ", text).strip()
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def clean_id(value: object) -> Optional[str]:
    """A request ID or error code from the server, fit to quote: one short plain word.

    Real ones are hex or like "DWS.0001"; anything else is dropped, so escape
    sequences, bidi overrides and markup brackets never reach a message.
    """
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        return None
    text = _NOT_ID.sub("", str(value)[:256])[:64]
    return text or None


def looks_like_html(answer: Answer) -> bool:
    head = answer.body[:512].lstrip().lower()
    return "html" in answer.content_type.lower() or head.startswith((b"<!doctype", b"<html"))


def parse_error_body(body: bytes) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """Return (error_code, error_msg, request_id) as the SDK reads them."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # a deep nest from a proxy
        text = body.decode("utf-8", "replace").strip()
        return None, text or None, None
    if not isinstance(data, dict):
        return None, None, None
    request_id = clean_id(data.get("request_id"))
    for code_key, msg_key in _CODE_KEYS:
        if code_key in data or msg_key in data:
            return clean_id(data.get(code_key)), _str(data.get(msg_key)), request_id
    return None, None, request_id


def _str(value: object) -> Optional[str]:
    return None if value is None or value == "" else str(value)


def parse_http_date(value: Optional[str]) -> Optional[datetime]:
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def parse_retry_after(value: Optional[str], now: Optional[datetime]) -> Optional[float]:
    """Seconds to wait: Retry-After is either a number or an HTTP date."""
    if not value:
        return None
    try:
        seconds = float(value.strip())
    except ValueError:
        when = parse_http_date(value)
        if when is None or now is None:
            return None
        seconds = (when - now).total_seconds()
    if math.isnan(seconds):
        return None
    return min(MAX_RETRY_AFTER, max(0.0, seconds))


def measure_skew(answer: Answer, error_msg: Optional[str]) -> Optional[float]:
    """Seconds our clock is ahead of the server's (negative: behind), if knowable.

    The gateway's own words ("signature time:…,server time:…") are what it compared,
    so they win over our X-Sdk-Date against a Date header a proxy may have set.
    """
    match = _SDK_DATE.search(error_msg or "")
    if match:
        try:
            signed, server = (datetime.strptime(m, "%Y%m%dT%H%M%SZ") for m in match.groups())
            return (signed - server).total_seconds()
        except ValueError:  # "20241399T…": digits, but no date
            pass
    if answer.signed_at is not None and answer.server_date is not None:
        return (answer.signed_at - answer.server_date).total_seconds()
    return None


def describe_offset(seconds: float) -> str:
    """'17 min ahead of' / '2 h 5 min behind' the server's clock."""
    way = "ahead of" if seconds > 0 else "behind"
    total = round(abs(seconds))
    if total < 90:
        return f"{total} s {way}"
    minutes = round(total / 60)
    if minutes < 90:
        return f"{minutes} min {way}"
    return f"{minutes // 60} h {minutes % 60} min {way}"

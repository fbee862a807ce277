"""Job records, statuses and tolerant parsing of what the DWS job API answers.

Pure: no I/O, no httpx, no Textual. Every field the API sends is optional and a
string, so parsing never raises on odd values; it keeps the raw text instead.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any, Optional

# IDs are usually 32 hex characters, but an official example has 33 and starts
# with "g": accept a safe set and a bounded length rather than strict hex.
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")
ID_MAX_LENGTH = 128


class Status(enum.Enum):
    """A job status as the DWS API reports it; UNKNOWN keeps new values alive."""

    INIT = "INIT"
    WAITING = "WAITING"
    RUNNING = "RUNNING"
    DELAY_SCHEDULED = "DELAY_SCHEDULED"
    SUCCESS = "SUCCESS"
    FAIL = "FAIL"
    STOP = "STOP"
    UNKNOWN = "UNKNOWN"

    @property
    def terminal(self) -> bool:
        return self in TERMINAL

    @property
    def pending(self) -> bool:
        """Queued but not started: no meaningful percentage yet."""
        return self in (Status.INIT, Status.WAITING, Status.DELAY_SCHEDULED)

    @classmethod
    def parse(cls, raw: object) -> Status:
        if isinstance(raw, str):
            try:
                return cls(raw.strip().upper())
            except ValueError:
                return cls.UNKNOWN
        return cls.UNKNOWN


TERMINAL = frozenset({Status.SUCCESS, Status.FAIL, Status.STOP})


@dataclass(frozen=True)
class Progress:
    """A percentage 0-100 (or None) and the text it was read from."""

    value: Optional[float]
    raw: Optional[str]

    @property
    def clamped(self) -> bool:
        return self.value is not None and self.raw is not None and _number(self.raw) != self.value


_NUMBER = re.compile(r"^\s*([+-]?\d+(?:\.\d+)?)\s*%?\s*$")


def _number(raw: str) -> Optional[float]:
    match = _NUMBER.match(raw)
    if not match:
        return None
    value = float(match.group(1))
    return value if math.isfinite(value) else None


def parse_progress(raw: object) -> Progress:
    """Read "9%", "9.5%", "9", 9 or 9.5; anything else gives value None.

    Never raises: a number too big for a float (a 310-digit integer), NaN or
    infinity is an unknown progress, with its text kept (shortened) as the raw value.
    """
    if raw is None:
        return Progress(None, None)
    if isinstance(raw, bool):
        return Progress(None, str(raw))
    if isinstance(raw, (int, float)):
        text = _number_text(raw)
        number = _finite(raw)
    elif isinstance(raw, str):
        text = raw
        number = _number(raw)
    else:
        return Progress(None, _shorten(repr(raw)))
    if number is None:
        return Progress(None, _shorten(text))
    return Progress(min(100.0, max(0.0, number)), text)


def _finite(value: float) -> Optional[float]:
    try:
        number = float(value)  # OverflowError for an int beyond 1e308
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def _number_text(value: float) -> str:
    try:
        text = str(value)  # ValueError past Python's 4,300-digit int limit
    except ValueError:
        return "a number too long to show"
    return _shorten(text)


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class FailedCode:
    """`CreateELBTask-fail:DWS.0114` split into task and service error code."""

    raw: str
    task: Optional[str]
    code: Optional[str]


_FAILED_CODE = re.compile(r"^(?P<task>.*?)-fail:(?P<code>.+)$", re.DOTALL)


def parse_failed_code(raw: object) -> Optional[FailedCode]:
    if not isinstance(raw, str) or not raw.strip():
        return None
    match = _FAILED_CODE.match(raw.strip())
    if not match:
        return FailedCode(raw, None, raw.strip())
    return FailedCode(raw, match.group("task") or None, match.group("code"))


def parse_time(raw: object, zone: tzinfo = timezone.utc) -> Optional[datetime]:
    """Parse the API's zone-less ISO time; `zone` is our assumption (default UTC).

    A string that carries its own offset keeps it. Unparseable text gives None.
    """
    if not isinstance(raw, str) or not raw.strip():
        return None
    text = raw.strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone)
    return parsed


@dataclass(frozen=True)
class JobRecord:
    """One answer of GET /v1.0/{project_id}/job/{job_id}, typed and immutable."""

    project_id: str
    job_id: str
    status: Status
    status_raw: Optional[str] = None
    progress: Optional[float] = None
    progress_raw: Optional[str] = None
    job_name: Optional[str] = None
    begin_time: Optional[datetime] = None
    end_time: Optional[datetime] = None
    failed_code: Optional[FailedCode] = None
    failed_detail: Optional[str] = None
    request_id: Optional[str] = None
    # The server's Date header: used to flag begin times that lie in its future.
    server_date: Optional[datetime] = None
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False)

    @property
    def terminal(self) -> bool:
        return self.status.terminal

    @property
    def status_text(self) -> str:
        """The status word to show: the raw value for statuses we do not know."""
        if self.status is Status.UNKNOWN:
            return self.status_raw if self.status_raw else "UNKNOWN"
        return str(self.status.value)

    @property
    def zone_mismatch(self) -> bool:
        """True when begin_time lies well ahead of the server's clock."""
        if self.begin_time is None or self.server_date is None:
            return False
        return self.begin_time - self.server_date > timedelta(minutes=5)

    def elapsed(self, now: datetime) -> Optional[timedelta]:
        if self.begin_time is None:
            return None
        end = self.end_time or now
        return max(timedelta(0), end - self.begin_time)

    @classmethod
    def from_api(
        cls,
        project_id: str,
        job_id: str,
        body: Mapping[str, Any],
        *,
        request_id: Optional[str] = None,
        server_date: Optional[datetime] = None,
        zone: tzinfo = timezone.utc,
    ) -> JobRecord:
        """Build a record from a decoded 200 body; unknown fields go to `extra`."""
        progress = parse_progress(body.get("progress"))
        raw_status = body.get("status")
        known = {
            "status", "progress", "job_id", "job_name", "begin_time",
            "end_time", "failed_code", "failed_detail",
        }  # fmt: skip
        return cls(
            project_id=project_id,
            job_id=_text(body.get("job_id")) or job_id,
            status=Status.parse(raw_status),
            status_raw=_text(raw_status),
            progress=progress.value,
            progress_raw=progress.raw,
            job_name=_text(body.get("job_name")),
            begin_time=parse_time(body.get("begin_time"), zone),
            end_time=parse_time(body.get("end_time"), zone),
            failed_code=parse_failed_code(body.get("failed_code")),
            failed_detail=_text(body.get("failed_detail")),
            request_id=request_id,
            server_date=server_date,
            extra={k: v for k, v in body.items() if k not in known},
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict, as `status --json` and the state cache use."""
        return {
            "project_id": self.project_id,
            "job_id": self.job_id,
            "job_name": self.job_name,
            "status": self.status_text,
            "progress": self.progress,
            "progress_raw": self.progress_raw,
            "begin_time": _iso(self.begin_time),
            "end_time": _iso(self.end_time),
            "failed_code": self.failed_code.raw if self.failed_code else None,
            "failed_detail": self.failed_detail,
            "request_id": self.request_id,
            "server_date": _iso(self.server_date),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> JobRecord:
        """Inverse of `to_dict` (times are stored with their offset)."""
        progress = parse_progress(data.get("progress_raw", data.get("progress")))
        status_raw = _text(data.get("status"))
        return cls(
            project_id=str(data["project_id"]),
            job_id=str(data["job_id"]),
            status=Status.parse(status_raw),
            status_raw=status_raw,
            progress=progress.value,
            progress_raw=progress.raw,
            job_name=_text(data.get("job_name")),
            begin_time=parse_time(data.get("begin_time")),
            end_time=parse_time(data.get("end_time")),
            failed_code=parse_failed_code(data.get("failed_code")),
            failed_detail=_text(data.get("failed_detail")),
            request_id=_text(data.get("request_id")),
            server_date=parse_time(data.get("server_date")),
        )


def _text(value: object) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, str):
        text = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        text = _number_text(value)
    else:
        text = str(value)
    return text if text != "" else None


def _iso(value: Optional[datetime]) -> Optional[str]:
    return value.isoformat() if value is not None else None


def validate_id(value: str, what: str = "ID") -> str:
    """Return `value` if it is a safe project or job ID, else raise ValueError."""
    if not isinstance(value, str) or not value:
        raise ValueError(f"{what} is empty")
    if len(value) > ID_MAX_LENGTH:
        raise ValueError(f"{what} is longer than {ID_MAX_LENGTH} characters")
    if not ID_PATTERN.match(value):
        raise ValueError(
            f"{what} {value!r} has characters outside letters, digits, '-', '_' and '.'"
        )
    return value

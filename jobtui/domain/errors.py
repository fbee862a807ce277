"""Typed errors: every failure to fetch a job is one of these, never a crash.

    JobtuiError
    ├── UsageError          bad input from the user (IDs, flags), before any request
    ├── ConfigError         a file we read is wrong: carries path, line, column, key
    ├── StoreError          a file we write could not be saved (disk full, read-only)
    └── ApiError            a request did not give a job record; `kind` says why:
          auth, clock_skew, forbidden, not_found, throttled, server, bad_request,
          wrong_endpoint, timeout, connection, dns, tls, proxy, bad_body, too_large,
          bad_record

Only `auth` and `clock_skew` mean the gateway refused the credential (the poller
pauses every job using it); `wrong_endpoint` is the gateway's "no such API"
(APIGW.0101): the host or region is not the job's, whatever the job ID.

A job the poller held back (its endpoint down, its credential refused) carries an
ErrorInfo of kind `not_asked` (NOT_ASKED): no request, no HTTP status, no request ID.

`str(error)` is one sentence a user can act on. Secrets never appear in them: the
client builds messages from the status, the service's code and message, and the
request ID only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional


class JobtuiError(Exception):
    """Base of every error jobtui reports to a user."""


class UsageError(JobtuiError):
    """The user asked for something malformed (exit status 2 in the CLI)."""


class ConfigError(JobtuiError):
    """A file jobtui reads is wrong; the message names the file and the place."""

    def __init__(
        self,
        message: str,
        *,
        path: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
        key: Optional[str] = None,
    ) -> None:
        self.path = path
        self.line = line
        self.column = column
        self.key = key
        where = path or ""
        if path and line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}" if where else message)


class StoreError(JobtuiError):
    """A file jobtui writes could not be saved; the old one is left as it was."""

    def __init__(self, message: str, *, path: Optional[str] = None) -> None:
        self.path = path
        super().__init__(message)


# Kinds worth a different reaction from the poller.
AUTH_KINDS = frozenset({"auth", "clock_skew"})
TRANSPORT_KINDS = frozenset({"timeout", "connection", "dns", "tls", "proxy"})
# Not an answer at all: the job was held back while its endpoint or credential was blocked.
NOT_ASKED = "not_asked"
# What a job held back by a refused credential says; `wait` gives up on it as on a 401.
HELD_BY_REFUSED_KEY = "not asked: credentials refused"
RETRYABLE_KINDS = TRANSPORT_KINDS | {"server", "throttled", "bad_body", "too_large", NOT_ASKED}


@dataclass(frozen=True)
class ErrorInfo:
    """The plain data of an ApiError, safe to store in the state cache."""

    kind: str
    message: str
    http_status: Optional[int] = None
    error_code: Optional[str] = None
    error_msg: Optional[str] = None
    request_id: Optional[str] = None
    retry_after: Optional[float] = None
    clock_skew: Optional[float] = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "http_status": self.http_status,
            "error_code": self.error_code,
            "message": self.message,
            "request_id": self.request_id,
            "retry_after": self.retry_after,
            "clock_skew": self.clock_skew,
            "error_msg": self.error_msg,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ErrorInfo:
        return cls(
            kind=str(data.get("kind", "unknown")),
            message=str(data.get("message", "")),
            http_status=data.get("http_status"),
            error_code=data.get("error_code"),
            error_msg=data.get("error_msg"),
            request_id=data.get("request_id"),
            retry_after=data.get("retry_after"),
            clock_skew=data.get("clock_skew"),
        )


class ApiError(JobtuiError):
    """A request that did not give a job record; see the module docstring."""

    def __init__(self, info: ErrorInfo) -> None:
        self.info = info
        super().__init__(info.message)

    @property
    def kind(self) -> str:
        return self.info.kind

    @property
    def http_status(self) -> Optional[int]:
        return self.info.http_status

    @property
    def error_code(self) -> Optional[str]:
        return self.info.error_code

    @property
    def request_id(self) -> Optional[str]:
        return self.info.request_id

    @property
    def retry_after(self) -> Optional[float]:
        return self.info.retry_after

    @property
    def is_auth(self) -> bool:
        return self.info.kind in AUTH_KINDS

    @property
    def is_transport(self) -> bool:
        return self.info.kind in TRANSPORT_KINDS

    @property
    def retryable(self) -> bool:
        return self.info.kind in RETRYABLE_KINDS

    def __repr__(self) -> str:
        return (
            f"ApiError(kind={self.kind!r}, http_status={self.http_status!r}, "
            f"message={self.info.message!r})"
        )

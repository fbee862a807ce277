"""Map an HTTP error answer to a typed ApiError with one sentence a user can act on."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Optional

from jobtui.api.answer import (
    SKEW_LIMIT,
    Answer,
    Where,
    clean,
    describe_offset,
    looks_like_html,
    measure_skew,
    parse_error_body,
    parse_retry_after,
)
from jobtui.domain.errors import ApiError, ErrorInfo

# Most gateway 401s; skew within a minute of the limit counts as skew too.
_SKEW_WORDS = ("signature expired", "request expired", "x-sdk-date")


def sentence(text: str, request_id: Optional[str]) -> str:
    """End a message with the request ID that Huawei support asks for."""
    return f"{text} (request ID {request_id})." if request_id else f"{text}."


def api_error(kind: str, text: str, request_id: Optional[str] = None, **extra: Any) -> ApiError:
    """An ApiError that did not come from an error status (transport, body, record)."""
    info = ErrorInfo(kind, sentence(text, request_id), request_id=request_id)
    return ApiError(replace(info, **extra) if extra else info)


def error_for_answer(answer: Answer, where: Where) -> ApiError:
    """The typed error for a non-2xx answer."""
    code, msg, body_rid = parse_error_body(answer.body)
    html = looks_like_html(answer)
    if html:
        code, msg = None, None
    request_id = answer.request_id or body_rid
    skew = measure_skew(answer, msg)
    kind, text = _describe(answer.status, where, code, msg, skew, html)
    retry = parse_retry_after(answer.retry_after, answer.server_date)
    info = ErrorInfo(
        kind,
        sentence(text, request_id),
        answer.status,
        code,
        msg,
        request_id,
        retry if kind in ("throttled", "server") else None,
        skew if kind == "clock_skew" else None,
    )
    return ApiError(info)


def _said(code: Optional[str], msg: Optional[str]) -> str:
    """' (APIG.0301: bad signature)' — what the service said, cleaned; '' if nothing."""
    parts = [p for p in (code, clean(msg, 120).rstrip(".") if msg else None) if p]
    return f" ({': '.join(parts)})" if parts else ""


def _is_skew(msg: Optional[str], skew: Optional[float]) -> bool:
    text = (msg or "").lower()
    if any(word in text for word in _SKEW_WORDS):
        return True
    return skew is not None and abs(skew) >= SKEW_LIMIT - 60


def _describe(
    status: int,
    where: Where,
    code: Optional[str],
    msg: Optional[str],
    skew: Optional[float],
    html: bool,
) -> tuple[str, str]:
    said = _said(code, msg) if not html else " (an HTML page, probably from a proxy)"
    if status == 401 and _is_skew(msg, skew):
        # The gateway's own wording repeats both times at length: its code is enough.
        return "clock_skew", _skew_text(skew, f" ({code})" if code and skew is not None else said)
    if status == 401:
        return "auth", _auth_text(code, said, where.auth)
    if status == 403:
        return "forbidden", (
            f"Access to project {where.project_id} was refused{said}; "
            "ask for DWS read permission (e.g. DWS ReadOnlyAccess) in this project"
        )
    if status == 404 and code != "APIG.0101" and not html:
        return "not_found", (
            f"Job {where.job_id} was not found in project {where.project_id}{said}; "
            "check the job ID and that the project and region are the job's"
        )
    if status == 429:
        return "throttled", (
            f"{where.host} is throttling requests{said}; "
            "ask less often, e.g. with a longer refresh_interval"
        )
    if status >= 500:
        return "server", (
            f"{where.host} answered {status}{said}; the fault is on the service's side "
            "and usually passes, so try again in a minute"
        )
    if 300 <= status < 400:
        return "bad_request", (
            f"{where.host} redirected the request ({status}){said}; "
            "set --endpoint to the API's own address"
        )
    if status == 407:
        return "proxy", f"The proxy asks for authentication (407){said}; check HTTPS_PROXY"
    return "bad_request", (
        f"{where.host} refused the request with {status}{said}; "
        "check the endpoint (region or --endpoint) and the IDs"
    )


def _skew_text(skew: Optional[float], said: str) -> str:
    if skew is None:
        return (
            f"The gateway says the signature expired{said}; "
            "this host's clock is probably wrong: set it right (NTP)"
        )
    return (
        f"Your clock is {describe_offset(skew)} the server's, so the gateway refused the "
        f"signature{said}; set this host's time right (NTP)"
    )


def _auth_text(code: Optional[str], said: str, auth: str) -> str:
    if code == "APIG.0307" or auth == "token":
        return f"The IAM token was refused{said}; get a new one and set JOBTUI_AUTH_TOKEN"
    if auth == "none":
        return (
            f"The service wants credentials{said}; set HUAWEICLOUD_SDK_AK/SK "
            "or write them to ~/.huaweicloud/credentials"
        )
    return (
        f"Authentication failed{said}; check HUAWEICLOUD_SDK_AK/SK "
        "(or ~/.huaweicloud/credentials) and the project ID"
    )

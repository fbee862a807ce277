"""Map an HTTP error answer to a typed ApiError with one sentence a user can act on.

The code decides before the HTTP status: a gateway code (`APIGW.0301`, or `APIG.0301`
as dedicated gateways spell it) says what the gateway refused, a `DWS.xxxx` code says
the service answered (so the key was accepted, even under 401), and only an answer
without a known code is judged by its status.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Optional

from jobtui.api import error_texts as texts
from jobtui.api.answer import (
    SKEW_LIMIT,
    Answer,
    Where,
    clean,
    looks_like_html,
    measure_skew,
    parse_error_body,
    parse_retry_after,
)
from jobtui.api.error_texts import Described
from jobtui.domain.error_codes import gateway_number, is_not_found, service_code
from jobtui.domain.errors import ApiError, ErrorInfo

# Words of the gateway's expired-signature message; a measured skew within a minute
# of the limit counts as skew too, whatever the wording.
_SKEW_WORDS = ("signature expired", "request expired")


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
    said = _said(code, msg) if not html else " (an HTML page, probably from a proxy)"
    kind, text = (
        _by_gateway(answer.status, where, code, msg, skew, said)
        or _by_service(answer.status, where, code, said)
        or _by_status(answer.status, where, msg, skew, said, html)
    )
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
    """' (APIGW.0301: bad signature)' — what the service said, cleaned; '' if nothing."""
    parts = [p for p in (code, clean(msg, 120).rstrip(".") if msg else None) if p]
    return f" ({': '.join(parts)})" if parts else ""


def _is_skew(msg: Optional[str], skew: Optional[float]) -> bool:
    text = (msg or "").lower()
    if any(word in text for word in _SKEW_WORDS):
        return True
    return skew is not None and abs(skew) >= SKEW_LIMIT - 60


def _by_gateway(
    status: int,
    where: Where,
    code: Optional[str],
    msg: Optional[str],
    skew: Optional[float],
    said: str,
) -> Optional[Described]:
    """What a gateway code says, whatever the status; None for an unknown number."""
    number = gateway_number(code)
    if number in ("0301", "0303"):
        if _is_skew(msg, skew):
            return texts.clock_skew(code, skew, said)
        return "auth", texts.auth_text(number, msg, said, where)
    if number == "0307":
        return "auth", texts.token_text(said)
    if number == "0101":
        return texts.wrong_endpoint(where, said)
    if number == "0201":
        return texts.server(status, where, said) if status >= 500 else texts.malformed(where, said)
    if number == "0302":
        return texts.forbidden(where, said)
    if number == "0308":
        return texts.throttled(where, said)
    return None


def _by_service(status: int, where: Where, code: Optional[str], said: str) -> Optional[Described]:
    """DWS answered: the key got through the gateway, so this never pauses it."""
    if service_code(code) is None:
        return None
    if is_not_found(code):
        return texts.not_found(where, said)
    if status in (401, 403):
        return texts.service_refused(where, said)
    return None


def _by_status(
    status: int,
    where: Where,
    msg: Optional[str],
    skew: Optional[float],
    said: str,
    html: bool,
) -> Described:
    """An answer without a code we know: its HTTP status decides."""
    if status == 401 and _is_skew(msg, skew):
        return texts.clock_skew(None, skew, said)
    if status == 401:
        return "auth", texts.auth_text(None, msg, said, where)
    if status == 403:
        return texts.forbidden(where, said)
    if status == 404 and not html:
        return texts.not_found(where, said)
    if status == 429:
        return texts.throttled(where, said)
    if status >= 500:
        return texts.server(status, where, said)
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

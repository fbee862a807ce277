"""Reading an answer: a capped body, its headers, and whether a 200 is a usable job.

A 200 answer must be a JSON object whose `status` is a non-empty string (and whose
`job_id`, when present, is the one asked for); anything else is `bad_record`. Other
fields are tolerated whatever their type: the model keeps odd values as raw text or
drops them (a number for `progress` is read as a percentage, a non-string time is
treated as absent), because a job with a status is still worth showing.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any, Optional

import httpx

from jobtui.api.answer import Answer, Where, clean, clean_id, looks_like_html, parse_http_date
from jobtui.api.auth import DATE_FORMAT
from jobtui.api.errors_map import api_error
from jobtui.api.inflate import BadEncoding, Inflater, TooLarge
from jobtui.domain.errors import ApiError

MAX_BODY = 1024 * 1024
log = logging.getLogger(__name__)


async def read_capped(response: httpx.Response, limit: int, host: str) -> bytes:
    """Read and decode the body as a stream, stopping past `limit` bytes either side.

    A proxy can send anything: a huge body, or a small gzip one that inflates to a
    gigabyte. The raw bytes are decoded here, not by httpx, so the cap bounds memory.
    """
    request_id = request_id_of(response)
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(host, limit, request_id)
    chunks: list[bytes] = []
    try:
        inflater = Inflater(response.headers.get("Content-Encoding"), limit)
        async for chunk in response.aiter_raw():
            chunks.append(inflater.feed(chunk))
        chunks.append(inflater.finish())
    except TooLarge:
        raise _too_large(host, limit, request_id) from None
    except BadEncoding as exc:
        text = f"{host} sent an answer jobtui cannot read: {exc}"
        raise api_error("bad_body", text, request_id) from None
    return b"".join(chunks)


def _too_large(host: str, limit: int, request_id: Optional[str]) -> ApiError:
    size = f"{limit >> 20} MiB" if limit % (1 << 20) == 0 else f"{limit >> 10} KiB"
    text = (
        f"{host} sent an answer over {size}, far more than a job record; a proxy may be in the way"
    )
    return api_error("too_large", text, request_id)


def answer_from(response: httpx.Response, body: bytes) -> Answer:
    """The parts of a response that records and error messages need."""
    signed = response.request.headers.get("X-Sdk-Date")
    return Answer(
        status=response.status_code,
        body=body,
        content_type=response.headers.get("Content-Type", ""),
        request_id=request_id_of(response),
        server_date=parse_http_date(response.headers.get("Date")),
        retry_after=response.headers.get("Retry-After"),
        signed_at=_sdk_date(signed),
    )


def request_id_of(response: httpx.Response) -> Optional[str]:
    """The X-Request-Id support asks for, stripped of anything but an ID's characters."""
    return clean_id(response.headers.get("X-Request-Id"))


def _sdk_date(value: Optional[str]) -> Optional[datetime]:
    if not value:
        return None
    try:
        return datetime.strptime(value, DATE_FORMAT).replace(tzinfo=timezone.utc)
    except ValueError:
        return None


def unreadable(exc: Exception, where: Where, request_id: Optional[str]) -> ApiError:
    """An answer that broke our reading of it: that job's bad_record, never a crash."""
    log.warning(
        "could not read the answer for %s from %s (request ID %s)",
        where.subject, where.host, request_id, exc_info=exc,
    )  # fmt: skip
    text = (
        f"{where.host} answered for {where.subject} with something jobtui "
        f"could not read ({type(exc).__name__})"
    )
    return api_error("bad_record", text, request_id)


def job_body(answer: Answer, where: Where) -> dict[str, Any]:
    """The decoded 200 body, or an ApiError saying why it is not a job record."""
    body = _decode(answer, where)
    return _checked(body, _record_problem(body, where.job_id), answer, where)


def _checked(
    body: dict[str, Any], problem: Optional[str], answer: Answer, where: Where
) -> dict[str, Any]:
    if problem:
        text = f"{where.host} answered for {where.subject} but {problem}"
        raise api_error("bad_record", text, answer.request_id)
    return body


def cluster_body(answer: Answer, where: Where) -> dict[str, Any]:
    """The `cluster` object of a 200 answer, or an ApiError saying why it is not one."""
    inner = _decode(answer, where).get("cluster")
    if not isinstance(inner, dict):
        shown = "missing" if inner is None else f"a JSON {type(inner).__name__}"
        return _checked({}, f"its cluster is {shown}, not an object", answer, where)
    problem = _record_problem(inner, where.job_id, "id", "cluster")
    return _checked(inner, problem, answer, where)


def clusters_body(answer: Answer, where: Where) -> list[dict[str, Any]]:
    """The usable clusters of a list answer: objects with an ID (the rest are skipped)."""
    items = _decode(answer, where).get("clusters")
    if not isinstance(items, list):
        shown = "missing" if items is None else f"a JSON {type(items).__name__}"
        _checked({}, f"its clusters are {shown}, not an array", answer, where)
        return []
    return [item for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)]


def _decode(answer: Answer, where: Where) -> dict[str, Any]:
    try:
        data = json.loads(answer.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # a deep nest from a proxy
        if looks_like_html(answer):
            raise api_error(
                "proxy",
                f"{where.host} answered with an HTML page instead of "
                "JSON; a proxy or login portal is in the way",
                answer.request_id,
            ) from None
        raise api_error(
            "bad_body",
            f"{where.host} answered with something that is not JSON "
            f"({clean(answer.body[:60].decode('utf-8', 'replace'), 40)!r})",
            answer.request_id,
        ) from None
    if not isinstance(data, dict):
        raise api_error(
            "bad_record",
            f"{where.host} answered for {where.subject} with "
            f"a JSON {type(data).__name__}, not an object",
            answer.request_id,
        )
    return data


def _record_problem(
    body: Mapping[str, Any], item_id: str, id_key: str = "job_id", what: str = "job"
) -> Optional[str]:
    """Why a decoded 200 body is not a usable job (or cluster) record, or None."""
    status = body.get("status")
    if not isinstance(status, str) or not status.strip():
        shown = "missing" if status is None else clean(json.dumps(status), 40)
        return f"its status is {shown}, not a status word"
    other = body.get(id_key)
    if isinstance(other, str) and other and other != item_id:
        return f"the answer is about {what} {clean(other, 60)}"
    return None

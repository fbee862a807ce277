"""The DWS job client: one shared httpx.AsyncClient, typed records, typed errors.

A 200 answer must be a JSON object whose `status` is a non-empty string (and whose
`job_id`, when present, is the one asked for); anything else is `bad_record`. Other
fields are tolerated whatever their type: the model keeps odd values as raw text or
drops them (a number for `progress` is read as a percentage, a non-string time is
treated as absent), because a job with a status is still worth showing.
"""

from __future__ import annotations

import functools
import json
import os
import ssl
from collections.abc import Mapping
from datetime import datetime, timezone, tzinfo
from typing import Any, Optional, Union
from urllib.parse import quote

import httpx

from jobtui.api.answer import Answer, Where, clean, looks_like_html, parse_http_date
from jobtui.api.auth import DATE_FORMAT, TokenAuth
from jobtui.api.endpoints import normalise_endpoint
from jobtui.api.errors_map import api_error, error_for_answer
from jobtui.api.transport_errors import error_for_exception
from jobtui.errors import ApiError, UsageError
from jobtui.model import JobRecord, validate_id

MAX_BODY = 1024 * 1024
# Shorter than the SDK's 60 s / 120 s: a poller asks again soon anyway.
DEFAULT_TIMEOUT = 20.0
USER_AGENT = "jobtui/0.1"
Verify = Union[bool, str, ssl.SSLContext]


class DwsClient:
    """Fetches DWS jobs; use as an async context manager so connections are closed."""

    def __init__(
        self,
        endpoint: str,
        auth: Optional[httpx.Auth] = None,
        *,
        zone: tzinfo = timezone.utc,
        timeout: float = DEFAULT_TIMEOUT,
        verify: Verify = True,
        max_body: int = MAX_BODY,
        transport: Optional[httpx.AsyncBaseTransport] = None,
    ) -> None:
        self.endpoint = normalise_endpoint(endpoint)
        self.host = httpx.URL(self.endpoint).host
        self._zone = zone
        self._timeout = timeout
        self._max_body = max_body
        self._auth_kind = _auth_kind(auth)
        # trust_env (the default) honours HTTPS_PROXY, NO_PROXY and SSL_CERT_FILE.
        self._http = httpx.AsyncClient(
            auth=auth,
            timeout=timeout,
            verify=_ssl_context(verify),
            transport=transport,
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
        )

    def __repr__(self) -> str:
        return f"DwsClient({self.endpoint!r})"

    async def __aenter__(self) -> DwsClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    def job_url(self, project_id: str, job_id: str) -> str:
        """The job's URL, each ID checked and encoded as exactly one path segment."""
        for value, what in ((project_id, "project ID"), (job_id, "job ID")):
            try:
                validate_id(value, what)
            except ValueError as exc:
                raise UsageError(f"{str(exc)[:200]}.") from None
        return f"{self.endpoint}/v1.0/{_segment(project_id)}/job/{_segment(job_id)}"

    async def get_job(self, project_id: str, job_id: str) -> JobRecord:
        """GET /v1.0/{project_id}/job/{job_id} as a JobRecord, or raise ApiError."""
        url = self.job_url(project_id, job_id)
        where = Where(self.host, project_id, job_id, self._auth_kind)
        answer = await self._fetch(url, {"X-Project-Id": project_id}, where)
        if not 200 <= answer.status < 300:
            raise error_for_answer(answer, where)
        return self._record(answer, where)

    async def _fetch(self, url: str, headers: Mapping[str, str], where: Where) -> Answer:
        try:
            async with self._http.stream("GET", url, headers=headers) as response:
                body = await self._read_capped(response, where)
                return _answer(response, body)
        except httpx.HTTPError as exc:
            raise error_for_exception(exc, where.host, self._timeout) from None

    async def _read_capped(self, response: httpx.Response, where: Where) -> bytes:
        """Read the body as a stream and stop at max_body: a proxy can send anything."""
        request_id = response.headers.get("X-Request-Id")
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self._max_body:
            raise self._too_large(where, request_id)
        chunks, size = [], 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > self._max_body:
                raise self._too_large(where, request_id)
            chunks.append(chunk)
        return b"".join(chunks)

    def _too_large(self, where: Where, request_id: Optional[str]) -> ApiError:
        limit = f"{self._max_body // 1024} KiB"
        return api_error(
            "too_large",
            f"{where.host} sent an answer over {limit}; a proxy may be in the way",
            request_id,
        )

    def _record(self, answer: Answer, where: Where) -> JobRecord:
        body = _decode(answer, where)
        problem = _record_problem(body, where.job_id)
        if problem:
            raise api_error(
                "bad_record",
                f"{where.host} answered for job {where.job_id} but {problem}",
                answer.request_id,
            )
        return JobRecord.from_api(
            where.project_id,
            where.job_id,
            body,
            request_id=answer.request_id,
            server_date=answer.server_date,
            zone=self._zone,
        )


def _auth_kind(auth: Optional[httpx.Auth]) -> str:
    if auth is None:
        return "none"
    return "token" if isinstance(auth, TokenAuth) else "aksk"


def _segment(value: str) -> str:
    # safe="" encodes '/', '?', '#', '@' too: an ID can never leave its segment.
    return quote(value, safe="")


def _ssl_context(verify: Verify) -> Union[bool, ssl.SSLContext]:
    # httpx deprecates a path for `verify`; build the context ourselves.
    if isinstance(verify, str):
        return ssl.create_default_context(cafile=verify)
    if verify is True:
        return _trusted_context(os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))
    return verify


@functools.lru_cache(maxsize=4)
def _trusted_context(cert_file: Optional[str], cert_dir: Optional[str]) -> ssl.SSLContext:
    """Loading the CA bundle takes ~0.1 s: share one context per SSL_CERT_* setting."""
    return httpx.create_ssl_context(verify=True, trust_env=True)


def _answer(response: httpx.Response, body: bytes) -> Answer:
    signed = response.request.headers.get("X-Sdk-Date")
    return Answer(
        status=response.status_code,
        body=body,
        content_type=response.headers.get("Content-Type", ""),
        request_id=response.headers.get("X-Request-Id"),
        server_date=parse_http_date(response.headers.get("Date")),
        retry_after=response.headers.get("Retry-After"),
        signed_at=_sdk_date(signed),
    )


def _sdk_date(value: Optional[str]) -> Optional[datetime]:
    if not value:
        return None
    try:
        return datetime.strptime(value, DATE_FORMAT).replace(tzinfo=timezone.utc)
    except ValueError:
        return None


def _decode(answer: Answer, where: Where) -> dict[str, Any]:
    try:
        data = json.loads(answer.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
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
            f"{where.host} answered for job {where.job_id} with "
            f"a JSON {type(data).__name__}, not an object",
            answer.request_id,
        )
    return data


def _record_problem(body: Mapping[str, Any], job_id: str) -> Optional[str]:
    """Why a decoded 200 body is not a usable job record, or None."""
    status = body.get("status")
    if not isinstance(status, str) or not status.strip():
        shown = "missing" if status is None else clean(json.dumps(status), 40)
        return f"its status is {shown}, not a status word"
    other = body.get("job_id")
    if isinstance(other, str) and other and other != job_id:
        return f"the answer is about job {clean(other, 60)}"
    return None

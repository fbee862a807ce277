"""The DWS job client: one shared httpx.AsyncClient, typed records, typed errors.

What counts as a usable 200 body is decided in `jobtui.api.reading`.
"""

from __future__ import annotations

import functools
import os
import ssl
from collections.abc import Mapping
from datetime import timezone, tzinfo
from typing import Callable, Optional, TypeVar, Union
from urllib.parse import quote

import anyio
import anyio.abc
import httpx

from jobtui import patches
from jobtui.api.agency_auth import AgencyAuth
from jobtui.api.answer import Answer, Where
from jobtui.api.auth import TokenAuth
from jobtui.api.endpoints import normalise_endpoint, refuse_token_in_clear, unknown_region_dns
from jobtui.api.errors_map import api_error, error_for_answer
from jobtui.api.inflate import ACCEPT_ENCODING
from jobtui.api.reading import (
    MAX_BODY,
    answer_from,
    cluster_body,
    clusters_body,
    job_body,
    read_capped,
    request_id_of,
    unreadable,
)
from jobtui.api.transport_errors import deadline_error, error_for_exception
from jobtui.domain.cluster import ClusterRecord
from jobtui.domain.errors import ApiError, UsageError
from jobtui.domain.model import JobRecord, validate_id

try:  # httpcore's private parts, for the pool check in jobtui/patches.py
    from httpcore._backends.anyio import AnyIOStream
    from httpcore._utils import is_socket_readable
except ImportError:  # pragma: no cover - a release that moved them keeps its own check
    AnyIOStream = is_socket_readable = None  # type: ignore[assignment,misc]

# For the whole exchange (connect, headers and body), shorter than the SDK's
# 60 s / 120 s: a poller asks again soon anyway.
DEFAULT_TIMEOUT = 30.0
USER_AGENT = "jobtui/0.1"
# Keep idle connections longer than the default refresh interval (httpx drops them
# after 5 s, so every 10 s cycle paid a new TCP and TLS handshake), yet under the
# 60 s idle timeout of common load balancers, so the server rarely closes one first.
KEEPALIVE = 30.0
Verify = Union[bool, str, ssl.SSLContext]
T = TypeVar("T")


class DwsClient:
    """Fetches DWS jobs; use as an async context manager so connections are closed.

    `timeout` bounds each request from start to the body's last byte; `max_body`
    bounds the body as sent and as decoded.
    """

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
        on_answer: Optional[Callable[[Answer], None]] = None,
        guessed_region: Optional[str] = None,
        region: Optional[str] = None,
        origin: str = "",
    ) -> None:
        self.endpoint = normalise_endpoint(endpoint)
        self._guessed_region = guessed_region
        self.host = httpx.URL(self.endpoint).host
        self._auth_kind = _auth_kind(auth)
        # For messages only: where the credentials came from, the region asked for.
        self._origin, self._region = origin, region
        if self._auth_kind == "token":
            refuse_token_in_clear(self.endpoint)
        patches.install_pool_check(
            AnyIOStream, is_socket_readable, anyio.abc.SocketAttribute.raw_socket
        )
        self._zone = zone
        self._timeout = timeout
        self._max_body = max_body
        # Sees every complete answer (its Date, request ID): `jobtui doctor` reads the clock.
        self._on_answer = on_answer
        # trust_env (the default) honours HTTPS_PROXY, NO_PROXY and SSL_CERT_FILE.
        self._http = httpx.AsyncClient(
            auth=auth,
            timeout=timeout,
            verify=_ssl_context(verify),
            transport=transport,
            limits=httpx.Limits(
                max_connections=100, max_keepalive_connections=20, keepalive_expiry=KEEPALIVE
            ),
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "application/json",
                # Only what jobtui.api.inflate decodes within the body cap.
                "Accept-Encoding": ACCEPT_ENCODING,
            },
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
        return self._url(project_id, "job", job_id)

    def cluster_url(self, project_id: str, cluster_id: Optional[str] = None) -> str:
        """A cluster's URL, or (without an ID) the project's cluster list."""
        return self._url(project_id, "clusters", cluster_id)

    def _url(self, project_id: str, collection: str, item_id: Optional[str]) -> str:
        what = "job ID" if collection == "job" else "cluster ID"
        pairs = [(project_id, "project ID")] + ([(item_id, what)] if item_id is not None else [])
        for value, name in pairs:
            try:
                validate_id(value, name)
            except ValueError as exc:
                raise UsageError(f"{str(exc)[:200]}.") from None
        tail = "" if item_id is None else f"/{_segment(item_id)}"
        return f"{self.endpoint}/v1.0/{_segment(project_id)}/{collection}{tail}"

    async def get_job(self, project_id: str, job_id: str) -> JobRecord:
        """GET /v1.0/{project_id}/job/{job_id} as a JobRecord, or raise ApiError."""
        url = self.job_url(project_id, job_id)
        return await self._get(url, self._where(project_id, job_id, "job"), self._record)

    async def get_cluster(self, project_id: str, cluster_id: str) -> ClusterRecord:
        """GET /v1.0/{project_id}/clusters/{cluster_id} as a ClusterRecord, or raise ApiError."""
        url = self.cluster_url(project_id, cluster_id)
        where = self._where(project_id, cluster_id, "cluster")
        return await self._get(url, where, self._cluster)

    async def list_clusters(self, project_id: str) -> list[ClusterRecord]:
        """GET /v1.0/{project_id}/clusters: every cluster of the project, in one request."""
        url = self.cluster_url(project_id)
        where = self._where(project_id, "", "clusters")
        return await self._get(url, where, self._clusters)

    def _where(self, project_id: str, item_id: str, what: str) -> Where:
        return Where(
            self.host, project_id, item_id, self._auth_kind, self._origin, self._region, what
        )

    async def _get(self, url: str, where: Where, read: Callable[[Answer, Where], T]) -> T:
        answer = await self._fetch(url, {"X-Project-Id": where.project_id}, where)
        try:
            if not 200 <= answer.status < 300:
                raise error_for_answer(answer, where)
            return read(answer, where)
        except ApiError:
            raise
        except Exception as exc:  # a parser bug must cost one job one answer, no more
            raise unreadable(exc, where, answer.request_id) from None

    async def _fetch(self, url: str, headers: Mapping[str, str], where: Where) -> Answer:
        response: Optional[httpx.Response] = None
        try:
            # httpx's timeouts restart with every byte read; this one bounds it all.
            # Leaving the stream early closes its connection rather than pooling it.
            with anyio.fail_after(self._timeout):
                async with self._http.stream("GET", url, headers=headers) as response:
                    body = await read_capped(response, self._max_body, where.host)
                    answer = answer_from(response, body)
                    if self._on_answer is not None:
                        self._on_answer(answer)
                    return answer
        except ApiError:
            raise
        except TimeoutError:
            answering = response is not None
            raise deadline_error(where.host, self._timeout, answering=answering) from None
        except httpx.HTTPError as exc:
            error = error_for_exception(exc, where.host, self._timeout)
            if error.info.kind == "dns" and self._guessed_region:
                sentence = unknown_region_dns(where.host, self._guessed_region)
                raise api_error("dns", sentence) from None
            raise error from None
        except Exception as exc:
            if response is None:  # no answer yet: not ours to call a bad record
                raise
            raise unreadable(exc, where, request_id_of(response)) from None

    def _record(self, answer: Answer, where: Where) -> JobRecord:
        body = job_body(answer, where)
        return JobRecord.from_api(
            where.project_id,
            where.job_id,
            body,
            request_id=answer.request_id,
            server_date=answer.server_date,
            zone=self._zone,
        )

    def _cluster(self, answer: Answer, where: Where) -> ClusterRecord:
        body = cluster_body(answer, where)
        return ClusterRecord.from_api(
            where.project_id,
            where.job_id,
            body,
            request_id=answer.request_id,
            server_date=answer.server_date,
        )

    def _clusters(self, answer: Answer, where: Where) -> list[ClusterRecord]:
        return [
            ClusterRecord.from_api(
                where.project_id, item["id"], item, server_date=answer.server_date
            )
            for item in clusters_body(answer, where)
        ]


def _auth_kind(auth: Optional[httpx.Auth]) -> str:
    if auth is None:
        return "none"
    if isinstance(auth, AgencyAuth):
        return "ecs"
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

"""Signing with an ECS agency's temporary keys: the current key, renewed when due or refused.

A request is signed with the cached key (no I/O on the event loop while it is fresh);
fetching one runs in a thread. After a 401 the key is fetched again once and, only if
the service handed out a different one, the request is sent again with it.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Generator
from datetime import datetime
from typing import Callable

import anyio.to_thread
import httpx

from jobtui.api.auth import AkSkAuth, _utcnow
from jobtui.api.ecs_metadata import AgencyKeys, TempKey


class AgencyAuth(httpx.Auth):
    """httpx.Auth over `AgencyKeys`; signs with X-Security-Token."""

    def __init__(self, keys: AgencyKeys, *, clock: Callable[[], datetime] = _utcnow) -> None:
        self.keys = keys
        self._clock = clock

    def __repr__(self) -> str:
        return f"AgencyAuth({self.keys.url!r})"

    def _signed(self, request: httpx.Request, key: TempKey) -> httpx.Request:
        signer = AkSkAuth(key.ak, key.sk, key.token, clock=self._clock)
        return next(signer.auth_flow(request))

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        request.read()
        key = self.keys.get()
        response = yield self._signed(request, key)
        if response.status_code == 401:
            fresh = self.keys.get(stale=key)
            if fresh.ak != key.ak or fresh.token != key.token:
                yield self._signed(request, fresh)

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        await request.aread()
        key = self.keys.cached()
        if key is None:
            key = await anyio.to_thread.run_sync(self.keys.get)
        response = yield self._signed(request, key)
        if response.status_code == 401:
            fresh = await anyio.to_thread.run_sync(self.keys.get, key)
            if fresh.ak != key.ak or fresh.token != key.token:
                yield self._signed(request, fresh)

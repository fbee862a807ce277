"""Which endpoint and credential each watched job goes through, and its shared client.

A route is worked out from the entry, its project's settings and the command line;
jobs with the same endpoint, credential and zone share one DwsClient, so connections
are reused and a refused credential can be paused for every job that uses it. The
record of refused keys that every process shares (`jobtui.store.refusals`) comes along.

Importing this module is cheap: httpx (~0.2 s) and the client are imported on first
use, so the monitor paints its cached table before it pays for them.
"""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Optional
from urllib.parse import urlsplit

from jobtui.api.endpoints import (
    clear_text_warning,
    guessed_region,
    in_cloud,
    normalise_endpoint,
    refuse_token_in_clear,
    resolve_endpoint,
)
from jobtui.domain.errors import ConfigError, JobtuiError
from jobtui.domain.state import WatchEntry
from jobtui.store.config import ProjectSettings, Settings
from jobtui.store.refusals import KeyId, RefusalBook, key_id

if TYPE_CHECKING:
    import httpx

    from jobtui.api.client import DwsClient
    from jobtui.api.credentials import Credentials

log = logging.getLogger(__name__)
# What `warm_up()` imports: everything a first request needs that pulls in httpx.
NETWORK_MODULES = ("jobtui.api.client", "jobtui.api.credentials")


@dataclass(frozen=True)
class Route:
    """Where a job's requests go; `credential` is a label, never a secret."""

    endpoint: str
    credential: str
    region: Optional[str]
    zone: tzinfo
    # Tells one AK/SK from another with the same label (a fixed SK); None for other kinds.
    key_id: Optional[KeyId] = None
    # A region not in the table, whose host was guessed: a DNS failure says so.
    guessed: Optional[str] = None


class Connections:
    """Entry → route, and one shared DwsClient per (endpoint, credential, zone)."""

    def __init__(
        self,
        settings: Settings,
        *,
        endpoint: Optional[str] = None,
        region: Optional[str] = None,
        env: Optional[Mapping[str, str]] = None,
        home: Optional[Path] = None,
        transport: Optional[httpx.AsyncBaseTransport] = None,
        refusals: Optional[RefusalBook] = None,
        dmi_dir: Optional[Path] = None,
        timeout: Optional[float] = None,
    ) -> None:
        self._settings = settings
        # Each client's deadline for a whole exchange (None: the client's default).
        self._timeout = timeout
        self.refusals = refusals
        # A malformed --endpoint is the user's mistake, said once (exit 2), not per job.
        self._endpoint = normalise_endpoint(endpoint) if endpoint and endpoint.strip() else None
        self._region = region
        self._env = dict(os.environ if env is None else env)
        self._home = Path.home() if home is None else home
        self._transport = transport
        self._dmi_dir = dmi_dir
        self._credentials: dict[str, Credentials] = {}
        self._by_source: dict[str, Credentials] = {}
        self._routes: dict[tuple[str, Optional[str]], Route] = {}
        self._retired: list[DwsClient] = []
        self._clients: dict[Route, DwsClient] = {}
        # Sentences about routes worked out so far (AK/SK over plain http), once each.
        self._warnings: list[str] = []

    def route(self, entry: WatchEntry) -> Route:
        """The route for a job; UsageError or ConfigError when it has none."""
        # Routes depend on the project and the entry's region only: with thousands of
        # jobs over a few projects, work each out once.
        where = (entry.project_id, entry.region)
        found = self._routes.get(where)
        if found is None:
            found = self._routes[where] = self._route(entry)
        return found

    def endpoint_for(self, entry: WatchEntry) -> tuple[str, Optional[str]]:
        """The endpoint and region of a job's requests; UsageError when it has none."""
        project = self._settings.project(entry.project_id)
        region = entry.region or self._region or project.region
        explicit = self._endpoint or project.endpoint or self._settings.endpoint
        return resolve_endpoint(explicit, self._env, region), region

    def _route(self, entry: WatchEntry) -> Route:
        endpoint, region = self.endpoint_for(entry)
        project = self._settings.project(entry.project_id)
        credentials = self._credentials_for(project)
        if credentials.kind == "none" and project.credentials == "sdk" and in_cloud(endpoint):
            self._hint_ecs()
        if credentials.kind == "token":
            refuse_token_in_clear(endpoint)
        elif credentials.kind == "aksk":
            warning = clear_text_warning(endpoint)
            if warning is not None and warning not in self._warnings:
                log.warning("%s", warning)
                self._warnings.append(warning)
        zone = self._settings.zone(region)
        guess = guessed_region(endpoint, region)
        return Route(endpoint, str(credentials), region, zone, _key_id(credentials), guess)

    def _hint_ecs(self) -> None:
        """Unsigned requests from what looks like an ECS: name the opt-in instead."""
        from jobtui.api.ecs_metadata import DMI_DIR, ENV_DMI_DIR, ecs_hint, looks_like_ecs

        dmi = self._dmi_dir or Path(self._env.get(ENV_DMI_DIR) or DMI_DIR)
        if looks_like_ecs(dmi):
            raise ConfigError(ecs_hint())

    def client(self, route: Route) -> DwsClient:
        """The shared client for a route, made on first use."""
        client = self._clients.get(route)
        if client is None:
            from jobtui.api.client import DEFAULT_TIMEOUT, DwsClient

            credentials = self._credentials[route.credential]
            timeout = DEFAULT_TIMEOUT if self._timeout is None else self._timeout
            client = DwsClient(
                route.endpoint, credentials.auth(), zone=route.zone, timeout=timeout,
                transport=self._transport, guessed_region=route.guessed,
                region=route.region, origin=credentials.origin(),
            )  # fmt: skip
            self._clients[route] = client
        return client

    def credentials_for(self, project_id: str) -> Credentials:
        """The credentials a project's requests are signed with; ConfigError if unusable."""
        return self._credentials_for(self._settings.project(project_id))

    def label(self) -> str:
        """The endpoints and credentials in use, for a status line: one of each, or how
        many; the credential as its source and the AK's first 4 characters."""
        # A copy: `warm_up` may be adding clients in its thread meanwhile.
        routes = tuple(self._clients)
        hosts = _one_or_more(urlsplit(route.endpoint).netloc for route in routes)
        keys = _one_or_more(r.credential for r in routes if r.credential != "no credentials")
        where = hosts or self._default_host()
        return f"{where} · {keys}" if keys else where

    def default_endpoint(self) -> str:
        """Where a job with no settings of its own is asked; UsageError when nowhere."""
        return resolve_endpoint(
            self._endpoint or self._settings.endpoint,
            self._env,
            self._region or self._settings.region,
        )

    def _default_host(self) -> str:
        try:
            endpoint = self.default_endpoint()
        except JobtuiError:  # the route will say why, job by job
            return "no endpoint"
        return urlsplit(endpoint).netloc

    def _credentials_for(self, project: ProjectSettings) -> Credentials:
        """The project's credentials, read once per source (the file is not re-read per job)."""
        found = self._by_source.get(project.credentials)
        if found is None:
            found = self._by_source[project.credentials] = self._load(project)
            if self._credentials.get(str(found)) != found:
                self._retire(str(found))
                self._credentials[str(found)] = found
        return found

    def _retire(self, credential: str) -> None:
        """The credentials behind a label changed (a new SK): its clients must go."""
        for route in [r for r in self._clients if r.credential == credential]:
            self._retired.append(self._clients.pop(route))

    def _load(self, project: ProjectSettings) -> Credentials:
        from jobtui.api.credentials import (
            ENV_TOKEN,
            NO_CREDENTIALS,
            Credentials,
            credentials_from_file,
            find_credentials,
        )

        source, path = project.credentials, project.credentials_file
        if source == "none":
            return NO_CREDENTIALS
        if source == "ecs":
            return find_credentials(self._env, self._home, ecs=True)
        if source == "token":
            token = self._env.get(ENV_TOKEN, "").strip()
            if not token:
                raise ConfigError(f"credentials = 'token' but {ENV_TOKEN} is not set.")
            return Credentials("token", token=token, source=ENV_TOKEN)
        if path is not None:
            found = credentials_from_file(path)
            if found is None:
                raise ConfigError("no [basic] section with ak and sk", path=str(path))
            return found
        return find_credentials(self._env, self._home)

    def warm_up(self, entries: Iterable[WatchEntry] = ()) -> None:
        """Import httpx and make the entries' clients now: blocking, so run it in a thread.

        The first client costs ~0.1 s (an SSL context, httpx's transport) on top of the
        imports; done here, the first poll does not freeze the UI. A job without a route
        is skipped: the poller reports it.
        """
        for name in NETWORK_MODULES:
            importlib.import_module(name)
        for entry in entries:
            try:
                self.client(self.route(entry))
            except JobtuiError:
                continue

    def exposed(self) -> list[str]:
        """Warnings for credentials files other users can read (blocking: a stat each),
        then for signed requests the routes so far send over plain http."""
        from jobtui.api.credentials import exposed_credentials

        files = self._settings.credentials_files()
        return [*exposed_credentials(self._env, self._home, files), *self._warnings]

    def clear_text_warnings(self, entries: Iterable[WatchEntry]) -> list[str]:
        """Work out the entries' routes; the warnings about plain http they bring."""
        for entry in entries:
            try:
                self.route(entry)
            except JobtuiError:  # the poller reports it, job by job
                continue
        return list(self._warnings)

    def reload(self) -> None:
        """Read the credentials again on next use (after the user fixed them)."""
        self._by_source.clear()
        self._routes.clear()

    async def aclose(self) -> None:
        """Close every client's connections."""
        clients, self._clients = [*self._clients.values(), *self._retired], {}
        self._retired = []
        for client in clients:
            await client.aclose()

    async def __aenter__(self) -> Connections:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()


def _one_or_more(names: Iterable[str]) -> str:
    found = sorted(set(names))
    if not found:
        return ""
    return found[0] if len(found) == 1 else f"{found[0]} +{len(found) - 1}"


def _key_id(credentials: Credentials) -> Optional[KeyId]:
    if credentials.kind == "aksk" and credentials.ak and credentials.sk:
        return key_id(credentials.ak, credentials.sk)
    return None

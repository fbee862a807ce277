"""A Session on fresh files polling a simulator that a test can break and heal.

Time is virtual (`tests.polling.helpers.VirtualTime`): the poller's sleeps move a
monotonic clock at once, the simulator's scenario clock moves with it, and every
request is real HTTP over loopback. `Outage` holds the four ways an endpoint goes
away in issue 5 (stopped, DNS, TLS, a proxy's HTML page, 200 or 502) and how each comes back.
"""

from __future__ import annotations

import socket
import ssl
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Optional

from jobtui.domain.events import PollerEvent
from jobtui.polling.connections import Connections
from jobtui.session.session import Session
from jobtui.sim.clock import ManualClock
from jobtui.sim.scenario import Scenario
from jobtui.sim.server import Simulator
from jobtui.store.config import Settings
from jobtui.store.paths import Paths
from jobtui.store.watchlist import Watchlist
from tests.polling.helpers import VirtualTime, entries, job

SCENARIO = Scenario(tuple(job(n) for n in range(6)))
KEYS = [e.key for e in entries(SCENARIO)]
TLS = Path(__file__).resolve().parent.parent / "data" / "tls"
UNTRUSTED = Path(__file__).resolve().parent / "data"
# A name under .invalid never resolves for real (RFC 6761): nothing leaves loopback.
FAKE_HOST = "dws.faults.invalid"
PROXY_VARS = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")


def tls_context(trusted: bool) -> ssl.SSLContext:
    """The simulator's TLS: the test CA's certificate, or one nobody trusts."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    if trusted:
        context.load_cert_chain(TLS / "cert.pem", TLS / "key.pem")
    else:
        context.load_cert_chain(UNTRUSTED / "untrusted-cert.pem", UNTRUSTED / "untrusted-key.pem")
    return context


class Resolver:
    """getaddrinfo for FAKE_HOST: loopback while `failing` is off, NXDOMAIN while on."""

    def __init__(self) -> None:
        self.failing = False
        self.real = socket.getaddrinfo

    def __call__(self, host: Any, *args: Any, **kwargs: Any) -> Any:
        # anyio hands the name over IDNA-encoded, as bytes.
        if host in (FAKE_HOST, FAKE_HOST.encode()):
            if self.failing:
                raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
            host = "127.0.0.1"
        return self.real(host, *args, **kwargs)


class Outage:
    """One way of losing the endpoint: `start()` breaks it, `heal()` brings it back."""

    def __init__(self, kind: str, resolver: Resolver) -> None:
        self.kind, self.resolver = kind, resolver
        tls = tls_context(trusted=True) if kind == "tls" else None
        self.sim = _serve(port=0, tls=tls)

    def endpoint(self) -> str:
        if self.kind == "dns":
            return f"http://{FAKE_HOST}:{self.sim.port}"
        return self.sim.url

    def start(self) -> None:
        if self.kind == "html":  # a proxy's login page, answered 200
            self.sim.set_fault("html")
        elif self.kind == "html502":  # a proxy's error page for an unreachable upstream
            self.sim.set_fault("html", status=502)
        elif self.kind == "dns":
            # Connections kept alive outlive a DNS failure: the VPN blink drops them.
            self.resolver.failing = True
            self.sim.stop()
            self.sim = _serve(self.sim.port, None, self.sim)
        else:
            self.sim.stop()
            if self.kind == "tls":  # a middlebox with its own certificate took the port
                self.sim = _serve(self.sim.port, tls_context(trusted=False), self.sim)

    def heal(self) -> None:
        if self.kind.startswith("html"):
            self.sim.clear_faults()
        elif self.kind == "dns":
            self.resolver.failing = False
        else:
            self.sim.stop()
            tls = tls_context(trusted=True) if self.kind == "tls" else None
            self.sim = _serve(self.sim.port, tls, self.sim)


def _serve(
    port: int, tls: Optional[ssl.SSLContext], before: Optional[Simulator] = None
) -> Simulator:
    """A simulator on `port`, its scenario clock where the one `before` it stopped."""
    clock = ManualClock(before.now() if before is not None else 0.0)
    sim = Simulator(SCENARIO, clock=clock, port=port, tls=tls)
    sim.start()
    return sim


def watching_all(tmp: Path) -> Paths:
    """jobtui's files under `tmp`, the watchlist holding every job of SCENARIO."""
    paths = Paths(tmp / "jobtui", env={})
    Watchlist(paths.watchlist_file, paths.lock_file).add(entries(SCENARIO))
    return paths


class Rig:
    """A Session watching SCENARIO's jobs at `endpoint`, on virtual time, logging events."""

    def __init__(
        self, tmp: Path, sim: Simulator, endpoint: str, env: Optional[dict[str, str]] = None
    ) -> None:
        self.time = VirtualTime(sim)
        self.paths = watching_all(tmp)
        self.settings = Settings(endpoint=endpoint, refresh_interval=10.0, schedule="fixed")
        self.session = Session.from_paths(
            self.paths, self.settings, Connections(self.settings, env=env or {}, home=tmp),
            clock=self.time.clock, sleep=self.time.sleep, wall=self.time.wall,
        )  # fmt: skip
        self.log: list[tuple[float, PollerEvent]] = []
        self.session.subscribe(lambda event: self.log.append((self.time.now, event)))

    async def poll(self, seconds: float) -> None:
        await self.time.run_for(self.session.poller, seconds)

    def of(self, kind: type) -> list[tuple[float, Any]]:
        """(monotonic time, event) for every event of this type, oldest first."""
        return [(at, event) for at, event in self.log if isinstance(event, kind)]


@asynccontextmanager
async def session_on(
    tmp: Path, sim: Simulator, endpoint: Optional[str] = None, **kw: Any
) -> AsyncIterator[Rig]:
    """A Rig watching every job of SCENARIO, stopped (and its cache saved) at the end."""
    rig = Rig(tmp, sim, endpoint or sim.url, **kw)
    try:
        yield rig
    finally:
        await rig.session.stop()

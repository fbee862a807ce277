"""The simulator: a real HTTP server on loopback that serves a scenario like DWS does."""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
from datetime import datetime, timedelta, timezone
from http.server import ThreadingHTTPServer
from typing import Any, Callable, Optional

from jobtui.sim.backend import Backend, Request
from jobtui.sim.clock import Clock, ManualClock, RealClock
from jobtui.sim.faults import Fault, FaultBook
from jobtui.sim.gateway import Gateway
from jobtui.sim.handler import Handler
from jobtui.sim.scenario import Scenario

LOOPBACK = ("127.0.0.1", "::1", "localhost")


class _Server(ThreadingHTTPServer):
    """Tracks open connections so that stopping also ends the kept-alive ones."""

    # Handler threads must not keep a stopping simulator (or the test run) alive.
    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: type[Handler], sim: Backend) -> None:
        super().__init__(address, handler)
        self.sim = sim  # what `Handler.sim` answers from
        self._open: set[Any] = set()
        self._open_lock = threading.Lock()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        """Cut every open connection: a stopped endpoint must not answer on old ones."""
        with self._open_lock:
            connections = list(self._open)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


class _Server6(_Server):
    address_family = socket.AF_INET6


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Simulator:
    """Serves `scenario` on http://127.0.0.1:port in a background thread."""

    def __init__(
        self,
        scenario: Optional[Scenario] = None,
        *,
        ak: Optional[str] = None,
        sk: Optional[str] = None,
        token: Optional[str] = None,
        port: int = 0,
        host: str = "127.0.0.1",
        clock: Optional[Clock] = None,
        wall: Callable[[], datetime] = _utcnow,
        allow_remote: bool = False,
        tls: Optional[ssl.SSLContext] = None,
    ) -> None:
        if host not in LOOPBACK and not allow_remote:
            raise ValueError(f"refusing to listen on {host}: the simulator is for loopback")
        if scenario is None:
            from jobtui.sim.demo_scenario import demo_scenario

            scenario = demo_scenario()
        self.scenario = scenario
        self.gateway = Gateway(ak, sk, token)
        self.clock: Clock = clock if clock is not None else RealClock()
        self.wall = wall
        # Wall time of scenario second 0: a clock that starts part-way (the demo starts
        # 85 s in) must still stamp begin/end times at the moment things happen.
        self.started_at = wall() - timedelta(seconds=self.clock.now())
        self._address = (host, port)
        self._tls = tls
        self._lock = threading.Lock()
        self._faults = FaultBook(scenario.faults)
        self._requests: list[Request] = []
        self._server: Optional[_Server] = None
        self._thread: Optional[threading.Thread] = None
        self.stopping = threading.Event()

    def __repr__(self) -> str:
        return f"Simulator({self.url if self._server else 'stopped'}, {self.gateway!r})"

    # Lifecycle -----------------------------------------------------------------

    def start(self) -> str:
        """Bind and serve; returns the base URL."""
        server_class = _Server6 if ":" in self._address[0] else _Server
        server = server_class(self._address, Handler, self)
        if self._tls is not None:
            server.socket = self._tls.wrap_socket(server.socket, server_side=True)
        self._server = server
        self._address = (self._address[0], server.server_address[1])
        self.stopping.clear()
        self._thread = threading.Thread(
            target=server.serve_forever,
            name="jobtui-sim",
            kwargs={"poll_interval": 0.05},
            daemon=True,
        )
        self._thread.start()
        return self.url

    def stop(self) -> None:
        """Stop serving and free the port (a new Simulator may bind it at once)."""
        self.stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.close_connections()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> Simulator:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return self._address[1]

    @property
    def url(self) -> str:
        host = self._address[0]
        scheme = "https" if self._tls is not None else "http"
        return f"{scheme}://{'[' + host + ']' if ':' in host else host}:{self.port}"

    # Time ----------------------------------------------------------------------

    def now(self) -> float:
        return self.clock.now()

    def advance(self, seconds: float) -> float:
        return self._manual().advance(seconds)

    def set_time(self, seconds: float) -> None:
        self._manual().set(seconds)

    def _manual(self) -> ManualClock:
        if not isinstance(self.clock, ManualClock):
            raise TypeError("advance() and set_time() need Simulator(clock=ManualClock())")
        return self.clock

    # Faults and the request log ----------------------------------------------

    def set_fault(self, kind: str = "error", **params: Any) -> Fault:
        """Inject a fault now (see SCENARIOS.md for kinds and parameters)."""
        fault = Fault(kind, **params)
        with self._lock:
            self._faults.add(fault)
        return fault

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def pick_fault(self, project_id: Optional[str], job_id: Optional[str]) -> Optional[Fault]:
        with self._lock:
            return self._faults.pick(self.now(), project_id, job_id)

    def record(self, request: Request) -> None:
        with self._lock:
            self._requests.append(request)

    @property
    def requests(self) -> list[Request]:
        with self._lock:
            return list(self._requests)

    def count(self, job_id: Optional[str] = None) -> int:
        """How many job requests arrived (for one job, or all)."""
        return sum(
            1
            for r in self.requests
            if r.job_id is not None and (job_id is None or r.job_id == job_id)
        )

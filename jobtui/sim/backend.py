"""What the request handler needs of the simulator, and what it records per request.

The handler answers from a scenario, a clock, faults and the gateway's checks, all
owned by `Simulator`; it reaches them through `Backend` so that it depends on this
small surface, not on the server module that builds it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable, Optional, Protocol

from jobtui.sim.faults import Fault
from jobtui.sim.gateway import Gateway
from jobtui.sim.scenario import Scenario


@dataclass(frozen=True)
class Request:
    """One request the simulator received (secrets in headers are masked)."""

    time: float
    method: str
    path: str
    project_id: Optional[str]
    job_id: Optional[str]
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    request_id: str = ""
    # The client's source port: the same port twice means a reused connection.
    client_port: int = 0


class Backend(Protocol):
    """The simulator as its handler sees it (`Simulator` is the one implementation)."""

    @property
    def scenario(self) -> Scenario: ...

    @property
    def gateway(self) -> Gateway: ...

    @property
    def wall(self) -> Callable[[], datetime]: ...

    @property
    def started_at(self) -> datetime: ...

    @property
    def url(self) -> str: ...

    @property
    def stopping(self) -> threading.Event: ...

    def now(self) -> float: ...

    def pick_fault(self, project_id: Optional[str], job_id: Optional[str]) -> Optional[Fault]: ...

    def record(self, request: Request) -> None: ...

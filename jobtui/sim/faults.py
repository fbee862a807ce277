"""Faults the simulator injects, scoped by scenario time window, project and job."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any, Optional

# What each kind does is described in SCENARIOS.md.
FAULT_KINDS = frozenset(
    {
        "latency",
        "error",
        "throttle",
        "drop",
        "reset",
        "malformed",
        "html",
        "oversize",
        "wrong_types",
        "not_found",
        "drip",
        "gzip_bomb",
        "huge_number",
        "escape_headers",
        "redirect",
    }
)


@dataclass(frozen=True)
class Fault:
    """One misbehaviour: `kind` plus its scope and parameters."""

    kind: str
    start: float = 0.0
    end: float = math.inf
    project_id: Optional[str] = None
    job_id: Optional[str] = None
    status: Optional[int] = None
    error_code: Optional[str] = None
    error_msg: Optional[str] = None
    delay: float = 0.0
    retry_after: Optional[str] = None
    # Fire at most this many times (None: always within the window).
    times: Optional[int] = None
    size: int = 2 * 1024 * 1024
    # oversize only: omit Content-Length so the client must count while reading.
    unsized: bool = False
    # gzip_bomb only: the Content-Encoding it claims.
    encoding: str = "gzip"
    # redirect only: where to send the client (default: this simulator, under /moved).
    location: Optional[str] = None

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r} (one of {sorted(FAULT_KINDS)})")
        if self.retry_after is not None:
            # TOML and callers may give a number; the header is text either way.
            object.__setattr__(self, "retry_after", str(self.retry_after))
        if not (self.delay >= 0 and math.isfinite(self.delay)) or self.size < 0:
            raise ValueError("delay and size must be finite and not negative")

    def matches(self, t: float, project_id: Optional[str], job_id: Optional[str]) -> bool:
        """True when this fault applies to a request at scenario time t."""
        if not self.start <= t < self.end:
            return False
        if self.project_id is not None and self.project_id != project_id:
            return False
        return self.job_id is None or self.job_id == job_id


def fault_from_dict(raw: Mapping[str, Any]) -> Fault:
    """Build a Fault from a scenario file's [[fault]] table."""
    known = {f.name for f in fields(Fault)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r}")
    return Fault(**raw)


class FaultBook:
    """The faults in force and how often each fired; not thread-safe on its own."""

    def __init__(self, faults: tuple[Fault, ...] = ()) -> None:
        self._faults = list(faults)
        self._fired: dict[int, int] = {}

    def add(self, fault: Fault) -> None:
        # Faults set at runtime win over the scenario's.
        self._faults.insert(0, fault)

    def clear(self) -> None:
        self._faults.clear()
        self._fired.clear()

    def pick(self, t: float, project_id: Optional[str], job_id: Optional[str]) -> Optional[Fault]:
        """The first fault that applies now, counting it as fired."""
        for index, fault in enumerate(self._faults):
            fired = self._fired.get(id(fault), 0)
            if fault.times is not None and fired >= fault.times:
                continue
            if fault.matches(t, project_id, job_id):
                self._fired[id(fault)] = fired + 1
                return self._faults[index]
        return None

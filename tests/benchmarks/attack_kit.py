"""What every attack in `tests.benchmarks.attacks` runs on: loopback simulators, a poller
on virtual time, `jobtui.cli.main` with captured output, and a search for the secret.

Every simulator checks SDK-HMAC-SHA256 signatures made with AK/SK below, so the SK is
really used; after each attack its output, jobtui's log records and every file it
wrote are searched for the SK.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Optional

from jobtui.cli import main
from jobtui.domain.events import PollerEvent
from jobtui.domain.state import WatchEntry
from jobtui.polling.connections import Connections
from jobtui.polling.poller import Poller
from jobtui.sim.clock import ManualClock
from jobtui.sim.scenario import Scenario
from jobtui.sim.server import Simulator
from jobtui.store.config import ProjectSettings, Settings
from tests.polling.helpers import EPOCH, VirtualTime

AK = "AKATTACKTABLE0001"
SK = "sk-attack-table-never-shown-9f3c"
SIGNED = {"HUAWEICLOUD_SDK_AK": AK, "HUAWEICLOUD_SDK_SK": SK}


@dataclass
class Row:
    attack: str
    tried: str
    survived: str
    lost: str
    figure: str


@dataclass
class Sandbox:
    """A fresh directory, the text jobtui showed, and the log records it wrote."""

    root: Path
    shown: list[str] = field(default_factory=list)
    log: io.StringIO = field(default_factory=io.StringIO)

    def leaks(self) -> int:
        """How many places hold the SK: output, log records, any file under the root."""
        texts = [*self.shown, self.log.getvalue()]
        found = sum(SK in text for text in texts)
        for path in self.root.rglob("*"):
            if path.is_file() and SK.encode() in path.read_bytes():
                found += 1
        return found

    def cli(self, *args: str, stdin: Optional[io.TextIOBase] = None) -> tuple[int, str, str]:
        """`jobtui --config-dir ROOT ARGS...` with the signed credentials; code, out, err."""
        out, err = io.StringIO(), io.StringIO()
        saved = os.environ.copy()
        os.environ.update(SIGNED, HOME=str(self.root / "home"))
        for name in ("JOBTUI_ENDPOINT", "JOBTUI_CONFIG_DIR", "HTTP_PROXY", "HTTPS_PROXY"):
            os.environ.pop(name, None)
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                if stdin is not None:
                    with _stdin(stdin):
                        code = main(["--config-dir", str(self.root), *args])
                else:
                    code = main(["--config-dir", str(self.root), *args])
        finally:
            os.environ.clear()
            os.environ.update(saved)
        self.shown += [out.getvalue(), err.getvalue()]
        return code, out.getvalue(), err.getvalue()


@contextlib.contextmanager
def _stdin(stream: Any) -> Iterator[None]:
    import sys

    saved, sys.stdin = sys.stdin, stream
    try:
        yield
    finally:
        sys.stdin = saved


@contextlib.contextmanager
def sandbox() -> Iterator[Sandbox]:
    """A temporary directory and every jobtui log record captured, for one attack."""
    with tempfile.TemporaryDirectory(prefix="jobtui-attack-") as folder:
        box = Sandbox(Path(folder))
        handler = logging.StreamHandler(box.log)
        handler.setLevel(logging.DEBUG)
        logger = logging.getLogger("jobtui")
        old_level = logger.level
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
        try:
            yield box
        finally:
            logger.removeHandler(handler)
            logger.setLevel(old_level)


def simulator(scenario: Scenario, **kwargs: Any) -> Simulator:
    """A started simulator on 127.0.0.1 that checks the AK/SK signature."""
    options: dict[str, Any] = {"ak": AK, "sk": SK, "clock": ManualClock(), **kwargs}
    sim = Simulator(scenario, **options)
    sim.start()
    return sim


class Together:
    """Several simulators' scenario clocks, moved as one by VirtualTime."""

    def __init__(self, sims: Sequence[Simulator]) -> None:
        self.sims = list(sims)

    def advance(self, seconds: float) -> None:
        for sim in self.sims:
            sim.advance(seconds)


class PollRig:
    """A Poller over these simulators' jobs on virtual time, recording its events.

    The first simulator is the default endpoint; `projects` sends a project elsewhere.
    """

    def __init__(
        self,
        box: Sandbox,
        sims: Sequence[Simulator],
        *,
        projects: Optional[dict[str, str]] = None,
        env: Optional[dict[str, str]] = None,
        timeout: float = 2.0,
        **settings: Any,
    ) -> None:
        self.box, self.sims = box, list(sims)
        self.time = VirtualTime(Together(sims))  # type: ignore[arg-type]
        self.events: list[PollerEvent] = []
        self.stamps: list[float] = []  # the virtual time of each event
        base = Settings(endpoint=sims[0].url, refresh_interval=10.0, rate_per_minute=600.0)
        routed = {p: ProjectSettings(endpoint=url) for p, url in (projects or {}).items()}
        self.settings = replace(base, projects=routed, **settings)
        env = SIGNED if env is None else env
        self.connections = Connections(self.settings, env=env, home=box.root, timeout=timeout)
        self.poller = Poller(
            self.connections, settings=self.settings, clock=self.time.clock,
            sleep=self.time.sleep, wall=self.time.wall, on_event=self._record,
        )  # fmt: skip
        jobs = [(p, j) for sim in sims for p, j in sim.scenario.pairs()]
        self.poller.set_entries([WatchEntry(p, j, EPOCH) for p, j in jobs])

    def _record(self, event: PollerEvent) -> None:
        self.events.append(event)
        self.stamps.append(self.time.now)
        self.box.shown.append(repr(event))

    def of(self, kind: type) -> list[Any]:
        return [event for event in self.events if isinstance(event, kind)]

    async def run(self, seconds: float) -> None:
        await self.time.run_for(self.poller, seconds)

    async def close(self) -> None:
        await self.connections.aclose()
        for sim in self.sims:
            sim.stop()


def run_async(coro: Any) -> Any:
    return asyncio.run(coro)

"""How to start jobtui and the reference app in a pseudo-terminal, and when each is ready."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

from tests.benchmarks.rows import rows_on_screen
from tests.benchmarks.workload import Mix, Workspace
from tests.ptyterm import PtyTerm

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
JOBTUI = [PYTHON, "-c", "from jobtui.cli import run; run()"]
REFERENCE = [PYTHON, "-m", "tests.benchmarks.reference_app"]
SIZE = (120, 40)


class NotReady(RuntimeError):
    """The app never showed its table; the message says what was on screen."""


def jobtui_argv(ws: Workspace, *extra: str) -> list[str]:
    return [*JOBTUI, "--config-dir", str(ws.root), "--endpoint", ws.url, *extra]


def status_argv(ws: Workspace) -> list[str]:
    """`jobtui status` on the same watchlist, for `watch` to run."""
    return jobtui_argv(ws, "status")


def reference_argv(count: int, *extra: str) -> list[str]:
    return [*REFERENCE, "--rows", str(count), *extra]


# An installed jobtui runs from compiled bytecode; this sandbox sets
# PYTHONDONTWRITEBYTECODE, which would make every start compile jobtui from source
# (Textual's bytecode is already in site-packages). Both apps get the same cache.
BYTECODE = {
    "PYTHONDONTWRITEBYTECODE": "",
    "PYTHONPYCACHEPREFIX": str(Path(tempfile.gettempdir()) / "jobtui-bench-pycache"),
}


def spawn(argv: list[str], *, size: tuple[int, int] = SIZE, **options: object) -> PtyTerm:
    cols, rows = size
    env = {**BYTECODE, **dict(options.pop("env", None) or {})}  # type: ignore[call-overload]
    return PtyTerm(argv, cols=cols, rows=rows, cwd=ROOT, env=env, **options)  # type: ignore[arg-type]


def visible_rows(count: int, rows: int = SIZE[1]) -> int:
    """How many job rows a full table shows: all jobs, or a screenful less chrome."""
    return min(count, rows - 12)


def wait_ready(
    term: PtyTerm, count: int, timeout: float = 60.0, want: Optional[int] = None
) -> float:
    """Seconds from now until a full table (or `want` rows) is on screen; else NotReady."""
    start = time.monotonic()
    want = want or visible_rows(count, term.rows)
    if not term.wait_for(lambda text: rows_on_screen(text) >= want, timeout):
        code = term.wait_exit(0.1)
        screen = " | ".join(line for line in term.text().splitlines() if line.strip())[-300:]
        raise NotReady(f"exit {code}, screen: {screen or '(empty)'}")
    return time.monotonic() - start


def jobtui_missing() -> Optional[str]:
    """Why jobtui cannot be benchmarked yet (no real `jobtui demo` or monitor), else None."""
    missing = demo_missing()
    if missing:
        return missing
    with Workspace(Mix(5)) as ws, spawn(jobtui_argv(ws)) as term:
        try:
            wait_ready(term, 5, timeout=30)
        except NotReady as exc:
            if any(words in str(exc) for words in NOT_YET):
                return "the monitor is not wired yet"
    return None


def demo_missing() -> Optional[str]:
    """Why `jobtui demo` cannot run yet (not there, or still the CLI's stub), else None."""
    probe = subprocess.run(
        [PYTHON, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    if probe.returncode != 0 or "placeholder" in probe.stdout:
        return "`jobtui demo` is not there yet (missing, or still the CLI's placeholder stub)"
    with tempfile.TemporaryDirectory() as home:
        if _says_not_yet([*JOBTUI, "demo"], home):
            return "`jobtui demo` says its monitor is not in this build yet"
    return None


def _says_not_yet(argv: list[str], home: str) -> bool:
    """Start the command; True if it stops saying its monitor is not built yet."""
    with spawn(argv, env={"JOBTUI_CONFIG_DIR": home, "TMPDIR": home}) as term:
        term.wait_for(lambda text: "RUNNING" in text or any(w in text for w in NOT_YET), 30)
        return any(words in term.text() for words in NOT_YET)


# What the CLI says while its monitor is not wired up yet.
NOT_YET = ("not wired yet", "not available in this build yet")
# The CLI's commands start life as stubs whose docstring says "placeholder".
PROBE = "import jobtui.commands.demo as d; print((d.__doc__ or '').strip())"

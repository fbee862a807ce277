"""Fixtures for end-to-end runs in a pseudo-terminal."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Callable

import pytest

from tests.ptyterm import PtyTerm

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
REFERENCE = [PYTHON, "-m", "tests.benchmarks.reference_app"]
JOBTUI = [PYTHON, "-m", "jobtui"]

Launch = Callable[..., PtyTerm]


@pytest.fixture
def launch(tmp_path: Path) -> Iterator[Launch]:
    """Start commands in pseudo-terminals; every one is killed and closed afterwards."""
    started: list[PtyTerm] = []

    def start(argv: list[str], **options: Any) -> PtyTerm:
        options.setdefault("cwd", ROOT)
        options.setdefault("env", {})
        options["env"] = {"JOBTUI_CONFIG_DIR": str(tmp_path / "config"), **options["env"]}
        term = PtyTerm(argv, **options)
        started.append(term)
        return term

    yield start
    for term in started:
        term.close()


@pytest.fixture(scope="session")
def jobtui_demo() -> list[str]:
    """The `jobtui demo` command; skips only while that subcommand does not exist yet."""
    probe = subprocess.run(
        [*JOBTUI, "demo", "--help"], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    if probe.returncode != 0:
        pytest.skip("`jobtui demo` is not there yet: " + (probe.stderr.strip()[-200:] or "?"))
    return [*JOBTUI, "demo"]

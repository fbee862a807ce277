"""Fixtures for end-to-end runs in a pseudo-terminal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Callable

import pytest

from tests.benchmarks.targets import JOBTUI, REFERENCE, ROOT, demo_missing
from tests.ptyterm import PtyTerm

__all__ = ["JOBTUI", "REFERENCE", "Launch"]

Launch = Callable[..., PtyTerm]


@pytest.fixture
def launch(tmp_path: Path) -> Iterator[Launch]:
    """Start commands in pseudo-terminals; every one is killed and closed afterwards."""
    started: list[PtyTerm] = []

    def start(argv: list[str], **options: Any) -> PtyTerm:
        options.setdefault("cwd", ROOT)
        # TMPDIR too: a demo killed at teardown cannot clean its folder, so keep it here.
        scratch = tmp_path / "tmp"
        scratch.mkdir(exist_ok=True)
        defaults = {"JOBTUI_CONFIG_DIR": str(tmp_path / "config"), "TMPDIR": str(scratch)}
        options["env"] = {**defaults, **options.get("env", {})}
        term = PtyTerm(argv, **options)
        started.append(term)
        return term

    yield start
    for term in started:
        term.close()


@pytest.fixture(scope="session")
def jobtui_demo() -> list[str]:
    """The `jobtui demo` command; skips only while that subcommand does not exist yet."""
    missing = demo_missing()
    if missing:
        pytest.skip(missing)
    return [*JOBTUI, "demo"]

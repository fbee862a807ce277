"""What each part loads: the parts below the UI never bring in Textual, and the command
line loads Textual, httpx and Rich only when a command needs them.

`lint-imports` checks the import statements; these check what a fresh process really
loads, which also catches an import done at run time.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HEADLESS = ("domain", "store", "api", "polling", "session", "sim", "commands")

IMPORT_ALL = """
import importlib, pkgutil, sys

def first_to_load_textual():
    for part in {parts!r}:
        package = importlib.import_module("jobtui." + part)
        for found in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if found.name.endswith(".__main__"):
                continue  # runs a program when imported
            importlib.import_module(found.name)
            if "textual" in sys.modules or "jobtui.ui" in sys.modules:
                return found.name
    return None

print("LOADED BY", first_to_load_textual())
print("MODULES", sum(name.startswith("jobtui.") for name in sys.modules))
"""

RUN_COMMAND = """
import sys
from jobtui.cli import main
code = main({argv!r})
loaded = sorted(m for m in ("textual", "httpx", "rich") if m in sys.modules)
print("LOADED", ",".join(loaded), code)
"""


def _run(code: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()


def test_the_parts_below_the_ui_and_the_commands_do_not_load_textual() -> None:
    # The commands import the UI inside `run` only, when the monitor opens.
    lines = _run(IMPORT_ALL.format(parts=HEADLESS))
    assert lines[0] == "LOADED BY None"
    assert int(lines[-1].split()[1]) > 60  # every module was imported, not none


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["list"],
        ["list", "--json"],
        ["status", "--help"],
        ["wait", "--help"],
        ["doctor", "--help"],
    ],
)
def test_light_commands_do_not_import_textual_or_httpx(argv: list[str], tmp_path: Path) -> None:
    lines = _run(RUN_COMMAND.format(argv=["--config-dir", str(tmp_path), *argv]))
    assert lines[-1] == "LOADED  0"


def test_the_monitor_paints_before_it_imports_httpx() -> None:
    """What the TUI loads before its first paint: the UI, store and cache, not the network."""
    code = (
        "import sys, jobtui.cli, jobtui.commands.tui, jobtui.commands.sessions, "
        "jobtui.session.session, jobtui.ui.app; print('httpx' in sys.modules)"
    )
    assert _run(code) == ["False"]

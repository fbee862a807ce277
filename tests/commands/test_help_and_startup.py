"""--help everywhere with an example; what a command loads is in tests/test_layering.py."""

from __future__ import annotations

import pytest

from jobtui.cli import COMMANDS
from tests.commands.conftest import Run

NAMES = [m.NAME for m in COMMANDS if m.NAME != "sim"]


@pytest.mark.parametrize("name", NAMES)
def test_each_command_help_has_an_example(jobtui: Run, name: str) -> None:
    result = jobtui(name, "--help")
    assert result.code == 0
    assert "example" in result.out and f"jobtui {name}" in result.out
    assert "--config-dir" in result.out


def test_top_level_help_lists_commands_and_exit_statuses(jobtui: Run) -> None:
    result = jobtui("--help")
    assert result.code == 0
    for name in NAMES:
        assert name in result.out
    assert "Exit statuses" in result.out


def test_unknown_option_is_a_one_sentence_usage_error(jobtui: Run) -> None:
    result = jobtui("list", "--bogus")
    assert result.code == 2
    assert result.err.count("\n") == 1 and "--bogus" in result.err


def test_global_option_before_or_after_the_command(jobtui: Run, tmp_path: object) -> None:
    after = jobtui("paths", "--config-dir", "/tmp/elsewhere")
    assert "/tmp/elsewhere/watchlist.toml" in after.out

"""`--version`, `completion bash|zsh|fish` (run in real shells), and which options --help lists."""

from __future__ import annotations

import re
import shutil
import subprocess
from importlib import metadata
from pathlib import Path

import pytest

from jobtui.cli import COMMANDS
from tests.commands.conftest import Run

NAMES = [m.NAME for m in COMMANDS]
MONITOR_ONLY = ("--low-bandwidth", "--no-mouse")


def test_version_comes_from_the_installed_package(jobtui: Run) -> None:
    result = jobtui("--version")
    assert result.code == 0
    assert result.out.startswith(f"jobtui {metadata.version('jobtui')} (Python ")


def test_monitor_options_are_only_on_the_monitor(
    jobtui: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    for option in MONITOR_ONLY:
        assert option in jobtui("--help").out and option in jobtui("demo", "--help").out
        for name in ("add", "status", "list", "wait", "doctor"):
            assert option not in jobtui(name, "--help").out
    refused = jobtui("list", "--no-mouse")
    assert refused.code == 2 and "--no-mouse" in refused.err


def _bash_complete(script: Path, *words: str) -> list[str]:
    """What <Tab> offers after `words` (the last one is being typed), in a real bash."""
    array = " ".join(f"'{w}'" for w in words)
    program = (
        f"source {script}; complete -p jobtui >/dev/null || exit 9; COMP_WORDS=({array}); "
        f"COMP_CWORD={len(words) - 1}; _jobtui; printf '%s\\n' \"${{COMPREPLY[@]}}\""
    )
    done = subprocess.run(["bash", "--norc", "-c", program], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_completes_subcommands_options_and_choices(jobtui: Run, tmp_path: Path) -> None:
    script = tmp_path / "jobtui.bash"
    script.write_text(jobtui("completion", "bash").out)
    assert _bash_complete(script, "jobtui", "") == NAMES
    assert _bash_complete(script, "jobtui", "st") == ["status"]
    assert _bash_complete(script, "jobtui", "add", "--l") == ["--label"]
    assert "--low-bandwidth" not in _bash_complete(script, "jobtui", "add", "--")
    assert "--low-bandwidth" in _bash_complete(script, "jobtui", "--")
    assert _bash_complete(script, "jobtui", "completion", "") == ["bash", "zsh", "fish"]
    (tmp_path / "conf.d").mkdir()
    folder = str(tmp_path / "conf")
    assert _bash_complete(script, "jobtui", "--config-dir", folder) == [f"{folder}.d"]


@pytest.mark.parametrize(("shell", "check"), [("zsh", ["zsh", "-n"]), ("fish", ["fish", "-n"])])
def test_zsh_and_fish_scripts_name_every_subcommand_and_parse(
    jobtui: Run, tmp_path: Path, shell: str, check: list[str]
) -> None:
    out = jobtui("completion", shell).out
    said = set(re.findall(r"[\w-]+", out))
    assert set(NAMES) <= said and ("label" in said or "--label" in said)
    assert out.startswith("#compdef jobtui\n") or shell != "zsh"
    if shutil.which(check[0]) is None:
        pytest.skip(f"{check[0]} is not installed: the script was not parsed")
    script = tmp_path / f"jobtui.{shell}"
    script.write_text(out)
    done = subprocess.run([*check, str(script)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
def test_fish_completes_subcommands_and_options(jobtui: Run, tmp_path: Path) -> None:
    script = tmp_path / "jobtui.fish"
    script.write_text(jobtui("completion", "fish").out)
    asks = 'complete -C "jobtui st"; complete -C "jobtui add --la"; complete -C "jobtui add --lo"'
    program = f"source {script}; {asks}"
    done = subprocess.run(["fish", "--no-config", "-c", program], capture_output=True, text=True)
    offered = [line.split("\t")[0] for line in done.stdout.splitlines()]
    assert offered == ["status", "--label"]  # and no --low-bandwidth for add

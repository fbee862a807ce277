"""`jobtui completion bash|zsh|fish`: shell completion written from jobtui's own parser.

Walked, not written by hand: every subcommand and option the parser has is in the
script, so the two cannot drift. The scripts themselves are in `completion_scripts`.
"""

from __future__ import annotations

import argparse

from jobtui.commands import OK
from jobtui.commands.context import Context

NAME = "completion"
HELP = "print a shell completion script (bash, zsh or fish)"
EPILOG = """\
examples:
  source <(jobtui completion bash)                       # this shell; or add it to ~/.bashrc
  jobtui completion zsh > "${fpath[1]}/_jobtui"          # then start a new zsh
  jobtui completion fish > ~/.config/fish/completions/jobtui.fish"""
SHELLS = ("bash", "zsh", "fish")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("shell", choices=SHELLS, help="the shell to complete in")


def script(shell: str, parser: argparse.ArgumentParser) -> str:
    from jobtui.commands import completion_scripts
    from jobtui.commands.completion_model import walk

    writer = {"bash": completion_scripts.bash, "zsh": completion_scripts.zsh}
    return writer.get(shell, completion_scripts.fish)(walk(parser))


def run(ctx: Context) -> int:
    ctx.out(script(ctx.args.shell, ctx.args.top_parser).rstrip("\n"))
    return OK

"""`jobtui demo`: being wired (placeholder so the CLI parses)."""

from __future__ import annotations

import argparse

from jobtui.commands.context import Context

NAME = "demo"
HELP = "demo"
EPILOG = """\
example:
  jobtui demo"""


def configure(parser: argparse.ArgumentParser) -> None:
    """No options yet."""


def run(ctx: Context) -> int:
    ctx.err("this command is not available yet.")
    return 1

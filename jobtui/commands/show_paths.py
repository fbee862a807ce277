"""`jobtui paths`: every file jobtui reads or writes."""

from __future__ import annotations

import argparse

from jobtui.commands import OK
from jobtui.commands.context import Context

NAME = "paths"
HELP = "print every file jobtui reads or writes"
EPILOG = """\
example:
  jobtui paths
  jobtui --config-dir /tmp/try paths"""


def configure(parser: argparse.ArgumentParser) -> None:
    """No options of its own."""


def run(ctx: Context) -> int:
    for what, path in ctx.paths.all():
        ctx.out(f"{what:<10} {path}")
    return OK

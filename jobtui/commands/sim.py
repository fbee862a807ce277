"""`jobtui sim`: the built-in DWS job API simulator (its own options follow `sim`)."""

from __future__ import annotations

import argparse

from jobtui.commands.context import Context

NAME = "sim"
HELP = "run the DWS job API simulator on 127.0.0.1 (see 'jobtui sim --help')"
EPILOG = """\
example:
  jobtui sim --port 0"""


def configure(parser: argparse.ArgumentParser) -> None:
    """Options belong to the simulator's own parser: everything after `sim` goes there."""


def run(ctx: Context) -> int:
    from jobtui.sim.cli import main

    try:
        return main(list(ctx.args.extra))
    except SystemExit as done:  # its argparse ends --help and usage errors this way
        return done.code if isinstance(done.code, int) else 0

"""The `jobtui` command line: parse arguments, run one command, map errors to exit codes.

Thin on purpose (as pypa/build's): tests call `main([...])`; every command lives in
`jobtui.commands`, and nothing heavy is imported before a command needs it.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
from collections.abc import Iterator, Sequence
from types import ModuleType
from typing import Optional

from jobtui.commands import FAILED, INTERRUPTED, PIPE_CLOSED, USAGE
from jobtui.commands import add as add_cmd
from jobtui.commands import completion as completion_cmd
from jobtui.commands import demo as demo_cmd
from jobtui.commands import discover as discover_cmd
from jobtui.commands import doctor as doctor_cmd
from jobtui.commands import list as list_cmd
from jobtui.commands import prune as prune_cmd
from jobtui.commands import remove as remove_cmd
from jobtui.commands import show_paths as paths_cmd
from jobtui.commands import sim as sim_cmd
from jobtui.commands import status as status_cmd
from jobtui.commands import tui as tui_cmd
from jobtui.commands import wait as wait_cmd
from jobtui.commands.context import Context
from jobtui.domain.errors import ConfigError, JobtuiError, UsageError

COMMANDS: tuple[ModuleType, ...] = (
    add_cmd, remove_cmd, list_cmd, prune_cmd, status_cmd, wait_cmd, discover_cmd,
    doctor_cmd, paths_cmd, demo_cmd, sim_cmd, completion_cmd,
)  # fmt: skip

# Commands that open the monitor, and so take its options.
MONITORS = (demo_cmd.NAME,)

# The monitor (no command) and the commands that poll keep jobtui.log.
LOGGED = (None, "status", "wait", "discover")
log = logging.getLogger(__name__)

EPILOG = """\
examples:
  jobtui demo                          try it against a built-in simulator
  jobtui add 05f2cff45100d5112f4bc00b794ea08e 2c9080e8845b207101845b245e1e0001
  jobtui status --json
  jobtui wait 2c9080e8845b207101845b245e1e0001 --timeout 3600

With no command, jobtui opens the monitor on the watchlist.
Exit statuses: 0 ok, 1 failed, 2 usage or configuration error (wait: 3 timeout,
4 cannot query; status: 3 --max-time ran out)."""


class VersionAction(argparse.Action):
    """`--version`: read from the installed package's metadata only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str = "") -> None:
        suppress = argparse.SUPPRESS
        super().__init__(option_strings, suppress, default=suppress, nargs=0, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from jobtui.commands.version import version_line

        print(version_line())
        parser.exit()


class Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as UsageError instead of exiting itself."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see '{self.prog} --help').")


def add_global_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """Options every command takes, before or after the command name."""
    # On subcommands SUPPRESS keeps a value given before the command name.
    default = None if top else argparse.SUPPRESS
    flag = False if top else argparse.SUPPRESS
    group = parser.add_argument_group("global options")
    group.add_argument(
        "--endpoint",
        metavar="URL",
        default=default,
        help="DWS endpoint URL (default: $JOBTUI_ENDPOINT, config, region table)",
    )
    group.add_argument(
        "--region",
        metavar="REGION",
        default=default,
        help="region, e.g. cn-north-4 (default: config.toml's region)",
    )
    group.add_argument(
        "--config-dir",
        metavar="DIR",
        default=default,
        help="keep every jobtui file under DIR (default: $JOBTUI_CONFIG_DIR)",
    )
    group.add_argument(
        "--debug",
        action="store_true",
        default=flag,
        help="show a traceback when something goes wrong",
    )


def add_monitor_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """Options of the monitor only: `jobtui` itself and `jobtui demo`, not the commands."""
    flag = False if top else argparse.SUPPRESS
    group = parser.add_argument_group("monitor options")
    group.add_argument(
        "--low-bandwidth",
        action="store_true",
        default=flag,
        help="no animation, coarse clocks, no mouse",
    )
    group.add_argument(
        "--no-mouse", action="store_true", default=flag, help="do not capture the mouse"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="jobtui",
        description="Watch Huawei Cloud GaussDB(DWS) jobs from a terminal.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=VersionAction, help="print jobtui's version and exit")
    add_global_options(parser, top=True)
    add_monitor_options(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for module in COMMANDS:
        sub = commands.add_parser(
            module.NAME,
            help=module.HELP,
            description=module.HELP,
            epilog=module.EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
            add_help=module.NAME != "sim",
        )
        if module.NAME != "sim":
            add_global_options(sub, top=False)
        if module.NAME in MONITORS:
            add_monitor_options(sub, top=False)
        module.configure(sub)
        # `completion` walks the whole parser (handed over: commands do not import cli).
        sub.set_defaults(handler=module.run, top_parser=parser)
    parser.set_defaults(handler=tui_cmd.run)
    return parser


def parse(argv: list[str]) -> argparse.Namespace:
    """Parse argv; `jobtui sim` passes whatever follows it to the simulator's own CLI."""
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra and args.command != "sim":
        parser.error("unrecognized arguments: " + " ".join(extra))
    args.extra = extra
    return args


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run jobtui with `argv` (default: sys.argv[1:]) and return the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args_list
    try:
        args = parse(args_list)
    except SystemExit as done:  # --help and --version print and end here
        return done.code if isinstance(done.code, int) else 0
    except UsageError as error:
        return _report(error, USAGE, debug)
    ctx = Context(args)
    with _log_file(ctx) as logged:
        return _run(ctx, debug, logged)


def _run(ctx: Context, debug: bool, logged: bool) -> int:
    try:
        return int(ctx.args.handler(ctx))
    except KeyboardInterrupt:
        return INTERRUPTED
    except (UsageError, ConfigError) as error:
        return _report(error, USAGE, debug, logged)
    except JobtuiError as error:
        return _report(error, FAILED, debug, logged)
    except BrokenPipeError:  # `jobtui list | head`: the reader left; nothing to say
        _silence_stdout()
        return PIPE_CLOSED
    except OSError as error:
        where = f" {error.filename}" if error.filename else ""
        return _report(JobtuiError(f"cannot use{where}: {error.strerror or error}."), FAILED, debug)
    except Exception as error:  # the user gets a sentence, not a traceback
        if logged:  # the log gets the traceback (never on stderr, where it could be lastResort's)
            log.exception("internal error")
        if debug:
            raise
        name = type(error).__name__
        print(
            f"jobtui: internal error ({name}); run again with --debug for details.", file=sys.stderr
        )
        return FAILED


def _report(error: JobtuiError, status: int, debug: bool, logged: bool = False) -> int:
    if logged:
        log.error("%s", error)
    if debug:
        import traceback

        traceback.print_exc()
    from jobtui.commands.output import clean

    print(f"jobtui: {clean(error)}", file=sys.stderr)
    return status


@contextlib.contextmanager
def _log_file(ctx: Context) -> Iterator[bool]:
    """Keep jobtui.log for the monitor and the commands that poll; True while it is kept."""
    if ctx.args.command not in LOGGED:
        yield False
        return
    try:
        path = ctx.paths.log_file
    except Exception:  # e.g. --config-dir ~nobody/x: the command itself will say so
        yield False
        return
    from jobtui.store.logfile import logging_to

    with logging_to(path, ctx.env) as handler:
        yield handler is not None


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail again."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())

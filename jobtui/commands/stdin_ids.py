"""Job IDs piped into `add -` and `wait -`: one parser, bad lines said the same way."""

from __future__ import annotations

from typing import Optional

from jobtui.commands.context import Context
from jobtui.domain.errors import UsageError
from jobtui.domain.parse_input import ParsedInput, read_job_lines


def read_stdin_ids(ctx: Context, project: Optional[str], *, keep_bare: bool = False) -> ParsedInput:
    """The jobs on standard input; each bad line is reported on stderr (the first 100)."""
    try:
        parsed = read_job_lines(ctx.stdin, project, keep_bare=keep_bare)
    except UnicodeDecodeError as exc:  # a binary file piped in by mistake
        raise UsageError(
            f"standard input is not text (byte {exc.object[exc.start]:#04x} at offset "
            f"{exc.start}); give job IDs as lines of text."
        ) from None
    for error in parsed.errors:
        ctx.err(f"standard input {error}.")
    unsaid = parsed.error_count - len(parsed.errors)
    if unsaid:
        ctx.err(f"standard input: {unsaid} more bad lines not shown.")
    if not parsed.keys and not parsed.bare and not parsed.error_count:
        forms = f"see 'jobtui {ctx.args.command} --help' for the forms"
        ctx.err(f"no job IDs on standard input; {forms}.")
    return parsed

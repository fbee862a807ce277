"""One module per `jobtui` subcommand; each has `configure(parser)` and `run(ctx) -> int`.

Modules import httpx, Textual and the poller inside `run`, never at the top, so that
`jobtui --help` and `jobtui list` start without loading them.
"""

from __future__ import annotations

# Exit statuses shared by every command (wait's are the documented contract).
OK = 0
FAILED = 1
USAGE = 2
TIMEOUT = 3
UNQUERYABLE = 4
INTERRUPTED = 130
PIPE_CLOSED = 141  # as a shell reports a command ended by SIGPIPE

"""jobtui.log: what a long-running jobtui saw go wrong and change, for after the fact.

The monitor, `status` and `wait` write the `jobtui` logger namespace (INFO and up) to
`Paths.log_file`: rotated at 1 MiB, three old files kept, created 0600 in a 0700
folder. Each record is one line, its control characters escaped (server text cannot
move a `tail -f` terminal's cursor) and the secrets the process knows masked
(`jobtui.domain.redact`). Logging never fails the program: a folder that cannot be made
means no log, and a write the disk refuses loses that line only.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import re
from collections.abc import Iterator, Mapping
from datetime import datetime, timezone
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Optional

from jobtui.domain import redact
from jobtui.store.atomic import make_folder

LOGGER = "jobtui"
MAX_BYTES = 1 << 20
BACKUPS = 3
# Secrets a process may hold in its environment without ever making credentials of them.
SECRET_VARIABLES = ("HUAWEICLOUD_SDK_SK", "HUAWEICLOUD_SDK_SECURITY_TOKEN", "JOBTUI_AUTH_TOKEN")
# C0 (but tab), DEL, C1 and the bidi overrides, as in jobtui.commands.output.clean.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class SafeLineFormatter(logging.Formatter):
    """`2026-11-28T09:00:00Z 4242 WARNING jobtui.domain.events: …`, one line, secrets masked."""

    def format(self, record: logging.LogRecord) -> str:
        when = datetime.fromtimestamp(record.created, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        head = f"{when} {record.process} {record.levelname}"
        lines = [f"{head} {record.name}: {_safe(record.getMessage())}"]
        if record.exc_info:
            trace = self.formatException(record.exc_info).splitlines()
            lines += ["    " + _safe(line) for line in trace]
        return "\n".join(lines)


def _safe(text: str) -> str:
    return _UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}", redact.redact(text))


class LogFile(RotatingFileHandler):
    """A rotated file, 0600, that never raises and never prints logging's error report."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, delay=True)
        self.setFormatter(SafeLineFormatter())
        self.setLevel(logging.INFO)

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        return os.fdopen(fd, "a", encoding="utf-8", errors="backslashreplace")

    def handleError(self, record: logging.LogRecord) -> None:
        # A full disk or a removed folder loses the line; on a TUI, logging's report on
        # stderr would also garble the screen.
        if self.stream is not None:
            with contextlib.suppress(Exception):
                self.stream.close()
            self.stream = None  # reopened on the next record


@contextlib.contextmanager
def logging_to(path: Path, env: Optional[Mapping[str, str]] = None) -> Iterator[Optional[LogFile]]:
    """Log the `jobtui` namespace to `path` for the block (None: the folder refused)."""
    redact.remember(*((env or {}).get(name) for name in SECRET_VARIABLES))
    try:
        make_folder(path.parent)
    except OSError:
        yield None
        return
    logger = logging.getLogger(LOGGER)
    handler, level = LogFile(path), logger.level
    logger.addHandler(handler)
    if logger.getEffectiveLevel() > logging.INFO:
        logger.setLevel(logging.INFO)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        handler.close()

"""Lines of untrusted text, read with bounded memory, and user text quoted safely.

`jobtui add -` may be fed anything (a binary by mistake, a log of gigabytes): a line
is never held longer than the limit, so memory stays bounded and time linear.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Optional, TextIO

MAX_LINE = 4096  # characters; an ID line is under 300, a pretty-printed JSON line too
SHOWN = 80  # characters of a user's text quoted back in a message


def bounded_lines(stream: TextIO, limit: int = MAX_LINE) -> Iterator[tuple[int, Optional[str]]]:
    """(1-based number, line without its newline) for each line; None for a line
    longer than `limit`, which is skipped in pieces and never read whole."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if line.endswith("\n"):
            yield number, line[:-1]
        elif len(line) <= limit:
            yield number, line  # the last line, without a newline
        else:
            _skip_rest(stream, limit)
            yield number, None


def _skip_rest(stream: TextIO, limit: int) -> None:
    while True:
        piece = stream.readline(limit)
        if not piece or piece.endswith("\n"):
            return


def shown(value: str, limit: int = SHOWN) -> str:
    """`value` quoted for a message: control, bidi and undecodable characters escaped
    (as repr does), cut to about `limit` characters with '…'."""
    pieces: list[str] = []
    size = 0
    for char in value:
        piece = char if char.isprintable() else repr(char)[1:-1]
        pieces.append(piece)
        size += len(piece)
        if size > limit:
            break
    if size > limit:
        while size > limit - 1:
            size -= len(pieces.pop())
        pieces.append("…")
    return "'" + "".join(pieces) + "'"

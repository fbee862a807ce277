"""Read a TOML file and point at places in it, so errors name file, line and column.

tomllib gives data without positions; a small scan of the text finds the line of a
key (`[table]` headers, dotted and quoted keys, `[[array]]` entries) well enough for
an error message.
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Optional

from jobtui.domain.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.9/3.10 only
    import tomli as tomllib

_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)")
_KEY_PART = re.compile(r"""\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*""")
_HEADER = re.compile(r"^\s*(\[\[?)([^\]]*)\]\]?\s*(?:#.*)?$")
_ASSIGN = re.compile(r"""^\s*((?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_.\- ]+?)+)\s*=""")


def read_toml(path: Path) -> tuple[str, dict[str, Any]]:
    """The text and data of a TOML file; ConfigError with line and column if broken."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot be read: {exc.strerror}", path=str(path)) from None
    return parse_toml(raw, path)


def parse_toml(raw: bytes, path: Path) -> tuple[str, dict[str, Any]]:
    """Decode and parse bytes read from `path` (named in errors)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"is not UTF-8 text ({exc.reason})", path=str(path)) from None
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise syntax_error(exc, path) from None
    except (RecursionError, MemoryError):
        # tomllib recurses once per nested array or inline table: a file nested a few
        # hundred deep is no config of ours, and must not end the program.
        raise ConfigError(
            "is not a jobtui file: its arrays or tables are nested too deeply to read",
            path=str(path),
        ) from None


def syntax_error(exc: tomllib.TOMLDecodeError, path: Path) -> ConfigError:
    """tomllib's message carries '(at line L, column C)': move it into the error."""
    message = str(exc.args[0]) if exc.args else str(exc)
    found = _POSITION.search(message)
    line = int(found.group(1)) if found else None
    column = int(found.group(2)) if found else None
    reason = _POSITION.sub("", message).strip() or "invalid TOML"
    return ConfigError(f"is not valid TOML: {reason}", path=str(path), line=line, column=column)


def split_key(text: str) -> Optional[tuple[str, ...]]:
    """`a."b.c".d` -> ('a', 'b.c', 'd'); None when it is not a key."""
    parts: list[str] = []
    pos = 0
    while True:
        match = _KEY_PART.match(text, pos)
        if not match or match.end() == match.start():
            return None
        parts.append(next(g for g in match.groups() if g is not None))
        pos = match.end()
        if pos == len(text):
            return tuple(parts)
        if text[pos] != ".":
            return None
        pos += 1


def key_line(text: str, path: tuple[str, ...], array_index: int = 0) -> Optional[int]:
    """The 1-based line where the key or table `path` is written, best match wins.

    `array_index` picks the n-th `[[table]]` when path[0] names an array of tables.
    """
    best: tuple[int, int] = (0, 0)  # (matched depth, line)
    table: tuple[str, ...] = ()
    is_array = _is_array(text, path[0])
    arrays_seen = -1
    for number, line in enumerate(text.splitlines(), start=1):
        full = _line_key(line, table)
        if full is None:
            continue
        if _HEADER.match(line):
            table = full
            arrays_seen += line.lstrip().startswith("[[") and full == path[:1]
        if is_array and table[:1] == path[:1] and arrays_seen != array_index:
            continue
        depth = _common(full, path)
        if depth > best[0]:
            best = (depth, number)
    return best[1] or None


def _line_key(line: str, table: tuple[str, ...]) -> Optional[tuple[str, ...]]:
    header = _HEADER.match(line)
    if header:
        return split_key(header.group(2))
    assign = _ASSIGN.match(line)
    if assign:
        key = split_key(assign.group(1).strip())
        return None if key is None else table + key
    return None


def _is_array(text: str, name: str) -> bool:
    return re.search(rf"^\s*\[\[\s*{re.escape(name)}\s*\]\]", text, re.MULTILINE) is not None


def _common(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    if len(a) > len(b):
        return 0
    depth = 0
    for x, y in zip(a, b):
        if x != y:
            return 0
        depth += 1
    return depth


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for a close match, else ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def dotted(path: tuple[str, ...]) -> str:
    """A key path as a user would write it: projects."abc".region."""
    return ".".join(p if re.fullmatch(r"[A-Za-z0-9_-]+", p) else f'"{p}"' for p in path)

"""Read the job IDs a user pipes into `jobtui add -`.

Accepted, one per line: `PROJECT_ID JOB_ID`, `PROJECT_ID/JOB_ID`, and with a default
project a bare `JOB_ID`; an API path or URL (`GET /v1.0/PROJECT_ID/job/JOB_ID`); also
the JSON a DWS operation answers (any object holding `job_id`, possibly pretty-printed
over many lines). No I/O but reading the stream it is given. The add dialog uses it
too, with `keep_bare=True`.

Whatever is piped in (a binary by mistake), time stays linear and memory bounded: lines
are read one at a time and cut at `MAX_LINE`, a JSON answer may span at most
`MAX_JSON` characters, and only the first `KEPT_ERRORS` bad lines are kept.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Optional, TextIO

from jobtui.domain.input_lines import MAX_LINE, bounded_lines, shown
from jobtui.domain.model import validate_id
from jobtui.domain.watch_key import CLUSTER, cluster_key

# The path of the job API (docs/dws-job-api): people paste it from logs and curl lines.
_API_PATH = re.compile(r"/v1(?:\.0)?/([^/\s]+)/job/([^/\s?#]+)")
MAX_JSON = 64 * 1024  # characters: a DWS answer is a few hundred
KEPT_ERRORS = 100
TOO_LONG = f"longer than {MAX_LINE} characters, skipped (split JSON with 'jq .')"


@dataclass(frozen=True)
class LineError:
    """A line that gave no job, with a sentence saying why."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class ParsedInput:
    """The (project_id, job_id) pairs found, in order and without repeats, and the bad lines."""

    keys: list[tuple[str, str]] = field(default_factory=list)
    # The first KEPT_ERRORS bad lines; `error_count` counts them all.
    errors: list[LineError] = field(default_factory=list)
    # Job IDs that came without a project (only with keep_bare): the caller supplies one.
    bare: list[str] = field(default_factory=list)
    error_count: int = 0
    _seen: set[tuple[str, str]] = field(default_factory=set, repr=False)

    def add(self, project_id: str, job_id: str) -> None:
        key = (project_id, job_id)
        if key not in self._seen:
            self._seen.add(key)
            if project_id is _BARE:
                self.bare.append(job_id)
            else:
                self.keys.append(key)

    def fail(self, line: int, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < KEPT_ERRORS:
            self.errors.append(LineError(line, message))


def parse_job_lines(
    text: str, project: Optional[str] = None, *, keep_bare: bool = False
) -> ParsedInput:
    """Parse pasted text; bad lines are reported and the good ones still kept."""
    return read_job_lines(io.StringIO(text), project, keep_bare=keep_bare)


def read_job_lines(
    stream: TextIO, project: Optional[str] = None, *, keep_bare: bool = False
) -> ParsedInput:
    """Parse piped input line by line, as `parse_job_lines`."""
    reader = _Reader(_BARE if keep_bare and project is None else project)
    for number, line in bounded_lines(stream):
        reader.feed(number, line)
    reader.finish()
    return reader.result


# Stands for "no project" with keep_bare; compared by identity, never validated or stored.
_BARE = "\0bare"


@dataclass
class _Block:
    """The lines of a JSON value being read, until its brackets balance."""

    start: int
    replayable: bool
    lines: list[str] = field(default_factory=list)
    size: int = 0
    depth: int = 0


class _Reader:
    def __init__(self, project: Optional[str]) -> None:
        self.project = project
        self.result = ParsedInput()
        self.block: Optional[_Block] = None

    def feed(self, number: int, line: Optional[str], replayable: bool = True) -> None:
        if line is None:
            if self.block is not None:
                self._abandon("not valid JSON: one of its lines is too long")
            self.result.fail(number, TOO_LONG)
            return
        if self.block is not None:
            self._extend(line)
            return
        stripped = line.strip()
        if stripped.startswith(("{", "[")):
            self.block = _Block(number, replayable)
            self._extend(line)
        elif stripped and not stripped.startswith("#"):
            _parse_plain(stripped, number, self.project, self.result)

    def finish(self) -> None:
        while self.block is not None:
            opener = self.block.lines[0].strip()[0]
            self._abandon(f"not valid JSON: its {opener!r} is never closed")

    def _extend(self, line: str) -> None:
        block = self.block
        assert block is not None
        block.depth, end = _closing(line, block.depth)
        block.lines.append(line if end is None else line[: end + 1])
        block.size += len(line) + 1
        if end is not None:
            self.block = None
            _decode(block, self.project, self.result)
        elif block.size > MAX_JSON:
            self._abandon(f"not valid JSON: no end within {MAX_JSON // 1024} KiB")

    def _abandon(self, why: str) -> None:
        """Report an unfinished JSON value; read its other lines again as lines, once
        (as a person would: `{ oops` above good lines must not swallow them)."""
        block, self.block = self.block, None
        assert block is not None
        self.result.fail(block.start, why)
        if block.replayable:
            for number, line in enumerate(block.lines[1:], start=block.start + 1):
                self.feed(number, line, replayable=False)


_JSON_MARK = re.compile(r'[\[\]{}"\\]')


def _closing(line: str, depth: int) -> tuple[int, Optional[int]]:
    """The bracket depth after `line`, and where in it the value closed, if it did."""
    if '"' not in line and "\\" not in line:
        closers = line.count("]") + line.count("}")
        if closers < depth:  # cannot close here: count, without a loop per bracket
            return depth + line.count("[") + line.count("{") - closers, None
    in_string, skip = False, -1
    for mark in _JSON_MARK.finditer(line):
        pos, char = mark.start(), mark.group()
        if pos == skip:
            continue
        if in_string:
            if char == "\\":
                skip = pos + 1
            in_string = char != '"'
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return 0, pos
    return depth, None


def _decode(block: _Block, project: Optional[str], result: ParsedInput) -> None:
    try:
        value = json.loads("\n".join(block.lines))
    except json.JSONDecodeError as error:
        result.fail(block.start + error.lineno - 1, f"not valid JSON: {error.msg}")
        return
    except RecursionError:
        result.fail(block.start, "not valid JSON: nested too deeply")
        return
    found = list(_job_ids(value, project))
    if not found:
        result.fail(block.start, "the JSON holds no job_id")
    for project_id, job_id in found:
        if project_id is None:
            result.fail(block.start, f"job {shown(job_id)} from JSON needs --project PROJECT_ID")
        else:
            _add_checked(project_id, job_id, block.start, result)


def _parse_plain(text: str, number: int, project: Optional[str], result: ParsedInput) -> None:
    tokens = text.split()
    if len(tokens) > 1 and tokens[0].lower() == CLUSTER:
        _parse_cluster(tokens[1:], number, project, result)
        return
    path = _API_PATH.search(text)
    if path is not None:
        tokens = [path.group(1), path.group(2)]
    elif len(tokens) == 1 and "/" in tokens[0]:
        tokens = tokens[0].split("/", 1)
    elif len(tokens) == 1 and project is not None:
        tokens = [project, tokens[0]]
    elif len(tokens) == 1:
        result.fail(number, "a bare job ID needs --project PROJECT_ID")
        return
    if len(tokens) != 2:
        result.fail(number, "expected PROJECT_ID JOB_ID or PROJECT_ID/JOB_ID")
        return
    _add_checked(tokens[0], tokens[1], number, result)


def _parse_cluster(
    tokens: list[str], number: int, project: Optional[str], result: ParsedInput
) -> None:
    """`cluster PROJECT_ID CLUSTER_ID` (or PROJECT_ID/CLUSTER_ID, or with --project an ID)."""
    if len(tokens) == 1 and "/" in tokens[0]:
        tokens = tokens[0].split("/", 1)
    elif len(tokens) == 1 and project is not None and project is not _BARE:
        tokens = [project, tokens[0]]
    if len(tokens) != 2:
        result.fail(number, "expected cluster PROJECT_ID CLUSTER_ID")
        return
    problem = _problem(tokens[0], "project ID") or _problem(tokens[1], "cluster ID")
    if problem:
        result.fail(number, problem)
    else:
        result.add(*cluster_key(tokens[0], tokens[1]))


def _add_checked(project_id: str, job_id: str, number: int, result: ParsedInput) -> None:
    problem = None if project_id is _BARE else _problem(project_id, "project ID")
    problem = problem or _problem(job_id, "job ID")
    if problem:
        result.fail(number, problem)
    else:
        result.add(project_id, job_id)


def _problem(value: str, what: str) -> Optional[str]:
    try:
        validate_id(value, what)
    except ValueError as error:
        # validate_id quotes the whole value; a line of binary junk is quoted in short.
        return str(error).replace(repr(value), shown(value))
    return None


def _job_ids(value: Any, project: Optional[str]) -> Iterator[tuple[Optional[str], str]]:
    """Every string `job_id` anywhere in the value (depth first, in order), with a
    `project_id` beside it if any. No recursion: json reads deeper than we may recurse."""
    todo: list[tuple[Any, Optional[str]]] = [(value, project)]
    while todo:
        value, project = todo.pop()
        if isinstance(value, dict):
            here = value.get("project_id")
            project = here if isinstance(here, str) and here else project
            job_id = value.get("job_id")
            if isinstance(job_id, str) and job_id:
                yield project, job_id
            children = [child for key, child in value.items() if key != "job_id"]
        elif isinstance(value, list):
            children = value
        else:
            continue
        todo.extend((child, project) for child in reversed(children))

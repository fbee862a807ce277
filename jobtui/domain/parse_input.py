"""Read the job IDs a user pipes into `jobtui add -`.

Accepted, one per line: `PROJECT_ID JOB_ID`, `PROJECT_ID/JOB_ID`, and with a default
project a bare `JOB_ID`; an API path or URL (`GET /v1.0/PROJECT_ID/job/JOB_ID`); also
the JSON a DWS operation answers (any object holding `job_id`, possibly pretty-printed
over many lines). Pure: no I/O. The add dialog uses it too, with `keep_bare=True`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Optional

from jobtui.domain.model import validate_id

# The path of the job API (docs/dws-job-api): people paste it from logs and curl lines.
_API_PATH = re.compile(r"/v1(?:\.0)?/([^/\s]+)/job/([^/\s?#]+)")


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
    errors: list[LineError] = field(default_factory=list)
    # Job IDs that came without a project (only with keep_bare): the caller supplies one.
    bare: list[str] = field(default_factory=list)

    def add(self, project_id: str, job_id: str) -> None:
        if (project_id, job_id) not in self.keys:
            self.keys.append((project_id, job_id))


def parse_job_lines(
    text: str, project: Optional[str] = None, *, keep_bare: bool = False
) -> ParsedInput:
    """Parse piped input; bad lines are reported and the good ones still kept."""
    result = ParsedInput()
    if keep_bare and project is None:
        project = _BARE
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        stripped = lines[index].strip()
        if stripped.startswith(("{", "[")):
            index = _parse_json(lines, index, project, result)
            continue
        if stripped and not stripped.startswith("#"):
            _parse_plain(stripped, index + 1, project, result)
        index += 1
    return result


def _parse_plain(text: str, number: int, project: Optional[str], result: ParsedInput) -> None:
    tokens = text.split()
    path = _API_PATH.search(text)
    if path is not None:
        tokens = [path.group(1), path.group(2)]
    elif len(tokens) == 1 and "/" in tokens[0]:
        tokens = tokens[0].split("/", 1)
    elif len(tokens) == 1 and project is not None:
        tokens = [project, tokens[0]]
    elif len(tokens) == 1:
        result.errors.append(LineError(number, "a bare job ID needs --project PROJECT_ID"))
        return
    if len(tokens) != 2:
        result.errors.append(LineError(number, "expected PROJECT_ID JOB_ID or PROJECT_ID/JOB_ID"))
        return
    _add_checked(tokens[0], tokens[1], number, result)


def _add_checked(project_id: str, job_id: str, number: int, result: ParsedInput) -> None:
    try:
        if project_id is not _BARE:
            validate_id(project_id, "project ID")
        validate_id(job_id, "job ID")
    except ValueError as error:
        result.errors.append(LineError(number, str(error)))
        return
    if project_id is _BARE:
        if job_id not in result.bare:
            result.bare.append(job_id)
    else:
        result.add(project_id, job_id)


# Stands for "no project" with keep_bare; compared by identity, never validated or stored.
_BARE = "\0bare"


def _parse_json(lines: list[str], start: int, project: Optional[str], result: ParsedInput) -> int:
    """Decode one JSON value starting at line `start`; return the next line to read."""
    rest = "\n".join(lines[start:])
    try:
        value, end = json.JSONDecoder().raw_decode(rest.lstrip())
    except json.JSONDecodeError as error:
        result.errors.append(LineError(start + error.lineno, f"not valid JSON: {error.msg}"))
        return start + 1
    consumed = rest[: end + len(rest) - len(rest.lstrip())].count("\n")
    found = list(_job_ids(value, project))
    if not found:
        result.errors.append(LineError(start + 1, "the JSON holds no job_id"))
    for project_id, job_id in found:
        if project_id is None:
            result.errors.append(
                LineError(start + 1, f"job {job_id!r} from JSON needs --project PROJECT_ID")
            )
        else:
            _add_checked(project_id, job_id, start + 1, result)
    return start + consumed + 1


def _job_ids(value: Any, project: Optional[str]) -> Iterator[tuple[Optional[str], str]]:
    """Every string `job_id` anywhere in the value, with a `project_id` beside it if any."""
    if isinstance(value, dict):
        here = value.get("project_id")
        project = here if isinstance(here, str) and here else project
        job_id = value.get("job_id")
        if isinstance(job_id, str) and job_id:
            yield project, job_id
        for key, child in value.items():
            if key != "job_id":
                yield from _job_ids(child, project)
    elif isinstance(value, list):
        for child in value:
            yield from _job_ids(child, project)

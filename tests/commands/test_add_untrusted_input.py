"""`jobtui add -` fed anything: a binary, one endless line, junk IDs, deep JSON.

It must finish in linear time with bounded memory, name bad lines by number, quote at
most a short, escaped piece of what it refused, and still add the good lines.
"""

from __future__ import annotations

import io
import json
import random
import re
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from jobtui.domain.input_lines import MAX_LINE
from tests.commands.conftest import JOB, PROJECT, Run

JOB2 = "g6aa82ba1fc9748389b613e8da13e2fe9"
MiB = 1024 * 1024


@pytest.fixture
def binary_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """8 MiB of random bytes on stdin, decoded as Python decodes a pipe (surrogateescape)."""
    path = tmp_path / "junk.bin"
    path.write_bytes(random.Random(7).randbytes(8 * MiB))
    with path.open("rb") as raw:
        handle = io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape")
        monkeypatch.setattr("sys.stdin", handle)
        yield
        handle.detach()


@pytest.mark.usefixtures("binary_stdin")
def test_eight_megabytes_of_binary_finish_in_bounded_memory(jobtui: Run) -> None:
    tracemalloc.start()
    try:
        result = jobtui("add", "-")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.code == 1 and "internal error" not in result.err
    assert peak < MiB, f"peak {peak / MiB:.1f} MiB for 8 MiB of input"
    said = result.err.splitlines()
    assert re.fullmatch(r"jobtui: standard input: \d+ more bad lines not shown\.", said[-1])
    assert len(said) <= 101
    quoted = [m for line in said for m in re.findall(r" ID ('.*') has characters", line)]
    assert quoted and max(len(q) for q in quoted) <= 82
    assert not any(ch in line for line in said for ch in "\x1b\x9b\x07\r")


def test_an_endless_line_is_skipped_by_number_and_the_rest_added(
    jobtui: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = f"{PROJECT} {JOB}\n" + "x" * (64 * MiB) + f"\n{PROJECT}/{JOB2}\n"
    stdin = io.StringIO(text)
    del text
    monkeypatch.setattr("sys.stdin", stdin)
    tracemalloc.start()
    try:
        result = jobtui("add", "-")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.code == 1
    assert f"standard input line 2: longer than {MAX_LINE} characters" in result.err
    assert peak < MiB, "the long line was read whole"
    assert {j["job_id"] for j in json.loads(jobtui("list", "--json").out)} == {JOB, JOB2}


def test_a_refused_id_is_quoted_short_and_escaped(jobtui: Run) -> None:
    junk = "\x1b]0;pwned\x07" + "é!" * 50
    result = jobtui("add", "-", stdin=f"{PROJECT} {junk}\n")
    [said] = result.err.splitlines()
    quoted = re.search(r"job ID ('.*') has characters", said)
    assert quoted is not None and len(quoted.group(1)) <= 82
    assert quoted.group(1).startswith("'\\x1b]0;pwned\\x07é!é!") and "…" in quoted.group(1)
    assert "\x1b" not in said and "\x07" not in said


def test_json_nested_deep_on_stdin_is_one_bad_line(jobtui: Run) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    result = jobtui("add", "-", stdin=f"{deep}\n{PROJECT}/{JOB}\n")
    assert result.code == 1 and "internal error" not in result.err
    assert "standard input line 1:" in result.err
    assert [j["job_id"] for j in json.loads(jobtui("list", "--json").out)] == [JOB]


def test_a_json_answer_that_never_closes_does_not_swallow_the_lines_below(jobtui: Run) -> None:
    answer = json.dumps({"job_id": JOB2}, indent=2)
    text = f'{{ "job_id": "oops"\n{PROJECT} {JOB}\n{answer}\n'
    result = jobtui("add", "-", "--project", PROJECT, stdin=text)
    assert "standard input line 1: not valid JSON: its '{' is never closed." in result.err
    assert {j["job_id"] for j in json.loads(jobtui("list", "--json").out)} == {JOB, JOB2}

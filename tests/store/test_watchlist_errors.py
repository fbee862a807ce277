"""A watchlist that does not parse is reported at its line and never overwritten."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import pytest

from jobtui.domain.errors import ConfigError
from tests.store.conftest import entry

CASES = [
    # file, line, column, words the message must hold
    ("syntax_error.toml", 5, 13, "is not valid TOML"),
    ("missing_job_id.toml", 8, None, "job 2 has no 'job_id'"),
    ("bad_job_id.toml", 11, None, "job 2: job ID '../../etc/passwd' has characters"),
    ("bad_added_at.toml", 6, None, "'added_at' is a date without a time"),
    ("unknown_key.toml", 6, None, "did you mean 'label'"),
    ("jobs_not_array.toml", 2, None, "array of [[jobs]] tables"),
]


@pytest.mark.parametrize(("name", "line", "column", "words"), CASES)
def test_a_broken_entry_is_named_at_its_line(
    copy_data,
    name: str,
    line: int,
    column: Optional[int],
    words: str,  # type: ignore[no-untyped-def]
) -> None:
    watchlist = copy_data(name)
    with pytest.raises(ConfigError) as caught:
        watchlist.load()
    error = caught.value
    assert (error.path, error.line, error.column) == (str(watchlist.path), line, column)
    assert words in str(error)
    assert str(error).startswith(f"{watchlist.path}:{line}")


@pytest.mark.parametrize("name", [case[0] for case in CASES] + ["newer_version.toml"])
def test_a_watchlist_that_cannot_be_read_is_never_overwritten(copy_data, name: str) -> None:  # type: ignore[no-untyped-def]
    watchlist = copy_data(name)
    before = watchlist.path.read_bytes()
    for write in (
        lambda: watchlist.add([entry("new")]),
        lambda: watchlist.remove([("p1", "j1")]),
        lambda: watchlist.update(("p1", "j1"), label="x"),
    ):
        with pytest.raises(ConfigError):
            write()
    assert watchlist.path.read_bytes() == before
    assert sorted(p.name for p in watchlist.path.parent.iterdir()) == [
        "watchlist.lock",
        "watchlist.toml",
    ]


def test_a_newer_version_is_read_but_not_written(copy_data) -> None:  # type: ignore[no-untyped-def]
    watchlist = copy_data("newer_version.toml")
    assert [e.job_id for e in watchlist.load()] == ["j1"]
    with pytest.raises(ConfigError) as caught:
        watchlist.add([entry("j2")])
    message = str(caught.value)
    assert message.startswith(f"{watchlist.path}:1: was written by a newer jobtui")
    assert "upgrade jobtui" in message and caught.value.key == "version"


def test_fixing_the_file_by_hand_lets_writes_through(copy_data) -> None:  # type: ignore[no-untyped-def]
    watchlist = copy_data("syntax_error.toml")
    with pytest.raises(ConfigError):
        watchlist.load()
    assert not watchlist.changed()
    text = watchlist.path.read_text(encoding="utf-8").replace('"j1\n', '"j1"\n')
    Path(watchlist.path).write_text(text, encoding="utf-8")
    assert watchlist.changed()
    assert watchlist.add([entry("j2")]) == [entry("j2")]
    assert [e.job_id for e in watchlist.load()] == ["j1", "j2"]

"""`add` warns about an ID not shaped like a DWS ID, says what one looks like, and adds it."""

from __future__ import annotations

from tests.commands.conftest import Run

PROJECT = "05f2cff45100d5112f4bc00b794ea08e"
JOB = "2c9080e8845b207101845b245e1e0001"


def test_a_well_shaped_id_is_added_without_a_word_more(jobtui: Run) -> None:
    result = jobtui("add", PROJECT, "g" + JOB)  # a letter and 32 hex, as some jobs are
    assert (result.code, result.err) == (0, "")
    assert result.out == f"now watching: {PROJECT}/g{JOB}\n"


def test_an_odd_id_is_added_with_a_warning_that_shows_the_shape(jobtui: Run) -> None:
    result = jobtui("add", "foo", "bar")
    assert result.code == 0 and result.out == "now watching: foo/bar\n"
    lines = result.err.splitlines()
    assert lines == [
        "jobtui: warning: project ID foo does not look like a DWS project ID (32 hex "
        f"characters, e.g. {PROJECT}); watching it anyway: the service decides.",
        "jobtui: warning: job ID bar does not look like a DWS job ID (32 hex characters, sometimes "
        f"after one letter, e.g. {JOB}); watching it anyway: the service decides.",
    ]
    assert "foo/bar" in jobtui("list").out

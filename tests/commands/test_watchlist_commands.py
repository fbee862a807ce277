"""add, remove, list and paths: the offline commands, through `main([...])`."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.commands.conftest import JOB, PROJECT, Run

JOB2 = "g6aa82ba1fc9748389b613e8da13e2fe9"


def test_add_then_list_shows_the_job_with_its_label(jobtui: Run) -> None:
    added = jobtui("add", PROJECT, JOB, "--label", "elb bind", "--region", "cn-north-4")
    assert added.code == 0
    assert f"now watching: {PROJECT}/{JOB}" in added.out
    listed = jobtui("list", "--json")
    [job] = json.loads(listed.out)
    assert (job["project_id"], job["job_id"], job["label"]) == (PROJECT, JOB, "elb bind")
    assert job["region"] == "cn-north-4" and job["status"] is None and job["error"] is None
    assert f"{PROJECT}/{JOB}" in jobtui("list").out


def test_adding_twice_keeps_one_entry(jobtui: Run) -> None:
    jobtui("add", f"{PROJECT}/{JOB}")
    again = jobtui("add", PROJECT, JOB)
    assert again.code == 0 and "already watched" in again.out
    assert len(json.loads(jobtui("list", "--json").out)) == 1


def test_add_from_stdin_reports_bad_lines_and_adds_good_ones(jobtui: Run) -> None:
    text = f"{PROJECT} {JOB}\nnonsense here now\n{PROJECT}/{JOB2}\n"
    result = jobtui("add", "-", stdin=text)
    assert result.code == 1
    assert "standard input line 2:" in result.err
    assert {j["job_id"] for j in json.loads(jobtui("list", "--json").out)} == {JOB, JOB2}


def test_add_from_empty_stdin_says_so(jobtui: Run) -> None:
    result = jobtui("add", "-", stdin="\n# nothing\n")
    assert result.code == 1 and "no job IDs on standard input" in result.err


def test_add_from_binary_stdin_is_a_usage_error_and_adds_nothing(
    jobtui: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    jobtui("add", PROJECT, JOB)
    binary = io.TextIOWrapper(io.BytesIO(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256))), "utf-8")
    monkeypatch.setattr("sys.stdin", binary)
    result = jobtui("add", "-")
    assert result.code == 2 and "standard input is not text (byte 0x" in result.err
    assert "internal error" not in result.err
    assert [j["job_id"] for j in json.loads(jobtui("list", "--json").out)] == [JOB]


def test_add_from_stdin_takes_a_dws_answer_with_project(jobtui: Run) -> None:
    answer = json.dumps({"job_id": JOB2}, indent=4)
    assert jobtui("add", "-", "--project", PROJECT, stdin=answer).code == 0
    assert json.loads(jobtui("list", "--json").out)[0]["job_id"] == JOB2


def test_add_rejects_a_bad_id_with_a_sentence(jobtui: Run) -> None:
    result = jobtui("add", PROJECT, "../../etc")
    assert result.code == 2
    assert result.err.startswith("jobtui: ") and "job ID" in result.err
    assert "Traceback" not in result.err


def test_add_rejects_a_region_that_is_not_one(jobtui: Run) -> None:
    result = jobtui("add", PROJECT, JOB, "--region", "Beijing 4")
    assert result.code == 2 and "cn-north-4" in result.err
    assert json.loads(jobtui("list", "--json").out) == []


def test_remove_by_job_id_and_unknown_ones(jobtui: Run) -> None:
    jobtui("add", PROJECT, JOB)
    jobtui("add", PROJECT, JOB2)
    removed = jobtui("remove", JOB)
    assert removed.code == 0 and f"no longer watching: {PROJECT}/{JOB}" in removed.out
    missing = jobtui("remove", JOB)
    assert missing.code == 1 and "is not watched" in missing.err
    assert [j["job_id"] for j in json.loads(jobtui("list", "--json").out)] == [JOB2]


def test_corrupt_watchlist_names_file_line_and_column(jobtui: Run, tmp_path: Path) -> None:
    (tmp_path / "watchlist.toml").write_text('version = 1\n[[job]\nproject_id = "x"\n')
    commands = (["list"], ["remove", JOB], ["status"], ["add", PROJECT, JOB], ["wait", JOB], [])
    for command in commands:
        result = jobtui(*command)
        assert result.code == 2, command
        assert f"{tmp_path / 'watchlist.toml'}:2:" in result.err
        assert "Traceback" not in result.err
    assert (tmp_path / "watchlist.toml").read_text().startswith("version = 1\n[[job]\n")


def test_paths_lists_every_file_under_the_config_dir(jobtui: Run, tmp_path: Path) -> None:
    result = jobtui("paths")
    assert result.code == 0
    lines = dict(line.split(None, 1) for line in result.out.splitlines())
    assert lines["watchlist"] == str(tmp_path / "watchlist.toml")
    assert lines["config"] == str(tmp_path / "config.toml")
    # The IAM project lookups `add --region` caches are a file jobtui writes too.
    assert lines["projects"] == str(tmp_path / "projects.json")


def test_empty_list_says_how_to_add(jobtui: Run) -> None:
    result = jobtui("list")
    assert result.code == 0 and "jobtui add" in result.err
    assert json.loads(jobtui("list", "--json").out) == []

"""What `jobtui add -` makes of piped text: good lines kept, bad ones named by number."""

from __future__ import annotations

import json

from jobtui.domain.parse_input import parse_job_lines

P = "05f2cff45100d5112f4bc00b794ea08e"
J1 = "2c9080e8845b207101845b245e1e0001"
J2 = "g6aa82ba1fc9748389b613e8da13e2fe9"


def test_pairs_slashes_comments_and_blank_lines() -> None:
    text = f"# from the runbook\n{P} {J1}\n\n  {P}/{J2}  \n"
    parsed = parse_job_lines(text)
    assert parsed.keys == [(P, J1), (P, J2)]
    assert parsed.errors == []


def test_bad_lines_are_reported_by_number_and_good_ones_kept() -> None:
    text = f"{P} {J1}\n{J2}\n{P} {J1} extra\n{P} bad;id\n{P}/{J2}\n"
    parsed = parse_job_lines(text)
    assert parsed.keys == [(P, J1), (P, J2)]
    assert [e.line for e in parsed.errors] == [2, 3, 4]
    assert "--project" in str(parsed.errors[0])
    assert str(parsed.errors[2]).startswith("line 4: job ID")


def test_bare_ids_with_project_and_duplicates_once() -> None:
    parsed = parse_job_lines(f"{J1}\n{J1}\n{J2}\n", project=P)
    assert parsed.keys == [(P, J1), (P, J2)]


def test_pretty_printed_dws_answer_between_plain_lines() -> None:
    answer = json.dumps({"cluster": {"id": "c1"}, "job_id": J2}, indent=2)
    text = f"{P} {J1}\n{answer}\n{P}/{J2}\nthree words here\n"
    parsed = parse_job_lines(text, project=P)
    assert parsed.keys == [(P, J1), (P, J2)]
    # Lines after a six-line JSON answer keep their true numbers.
    assert [e.line for e in parsed.errors] == [9]


def test_json_job_id_anywhere_and_its_project_beside_it() -> None:
    body = {"jobs": [{"project_id": P, "job_id": J1}, {"nested": {"job_id": J2}}]}
    parsed = parse_job_lines(json.dumps(body))
    assert parsed.keys == [(P, J1)]
    assert [e.line for e in parsed.errors] == [1]
    assert "--project" in parsed.errors[0].message


def test_broken_json_names_its_line_and_the_rest_still_counts() -> None:
    text = f'{P} {J1}\n{{\n  "job_id": \n}}\n{P}/{J2}\n'
    parsed = parse_job_lines(text, project=P)
    assert (P, J2) in parsed.keys and (P, J1) in parsed.keys
    assert parsed.errors[0].line == 4
    assert "not valid JSON" in parsed.errors[0].message


def test_json_without_job_id_is_an_error() -> None:
    parsed = parse_job_lines('{"error_code": "DWS.0001"}', project=P)
    assert parsed.keys == []
    assert parsed.errors[0].message == "the JSON holds no job_id"

"""Whatever bytes come back, reading them gives a record body or a typed error, never a crash."""

from __future__ import annotations

import json

import pytest

from jobtui.api.answer import Answer, Where, parse_error_body
from jobtui.api.errors_map import error_for_answer
from jobtui.api.reading import job_body
from jobtui.domain.errors import ApiError
from jobtui.domain.model import JobRecord

WHERE = Where("dws.example", "p1", "j1")
DEEP = b"[" * 200_000 + b"]" * 200_000
NASTY = [
    b"", b" ", b"null", b"0", b"1e999", b'"RUNNING"', b"[]", b"{}", b"\xff\xfe{", DEEP,
    b'{"status": null}', b'{"status": ["RUNNING"]}', b'{"status": {"a": 1}}', b'{"status": NaN}',
    b'{"status": "RUNNING", "progress": NaN, "begin_time": [], "failed_code": 1}',
    b'{"status": "RUNNING", "progress": 1e999, "job_id": 5}', b'{"status": "\\u0000\\u001b[2J"}',
    b'{"error_code": 5, "error_msg": {"x": []}, "request_id": []}', b'{"code": null}',
    b"<html><body>502</body></html>", "{\"status\": \"\u00e9\u202e\"}".encode(),
]  # fmt: skip


def test_a_deeply_nested_body_is_a_bad_body_not_a_crash() -> None:
    with pytest.raises(ApiError) as caught:
        job_body(Answer(200, DEEP), WHERE)
    assert caught.value.kind == "bad_body"
    assert error_for_answer(Answer(502, DEEP), WHERE).kind == "server"


@pytest.mark.parametrize("body", NASTY, ids=range(len(NASTY)))
def test_any_body_reads_as_a_record_or_a_typed_error(body: bytes) -> None:
    parse_error_body(body)
    try:
        fields = job_body(Answer(200, body), WHERE)
    except ApiError as error:
        assert error.kind in ("bad_body", "bad_record", "proxy") and str(error)
    else:
        record = JobRecord.from_api("p1", "j1", fields)
        assert record.status_text and json.dumps(record.to_dict())
    for status in (401, 404, 429, 503):
        message = str(error_for_answer(Answer(status, body), WHERE))
        assert message.endswith(".") and "\x1b" not in message and "\x00" not in message

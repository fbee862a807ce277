"""The one wording of the banner and the status line, as plain words (no Textual)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from jobtui.domain.errors import ErrorInfo
from jobtui.session.status_line import Problem, StatusFacts, banner_line, status_words

T0 = datetime(2026, 11, 29, 9, 0, 0, tzinfo=timezone.utc)
REFUSED = ErrorInfo("connection", "The connection was refused.", request_id="7a1c0de5")


def test_an_offline_endpoint_says_since_when_and_the_countdown() -> None:
    problem = Problem(REFUSED, T0 + timedelta(seconds=30), since=T0)
    assert str(banner_line(problem, T0 + timedelta(seconds=5), timezone.utc)) == (
        "Offline since 09:00, retrying in 25 s — The connection was refused. (request ID 7a1c0de5)"
    )
    # Past the retry time (the probe is under way) the countdown stays at 0 s.
    assert "retrying in 0 s" in banner_line(problem, T0 + timedelta(minutes=1)).lead


def test_a_refused_credential_is_named_and_the_request_id_said_once() -> None:
    error = ErrorInfo("auth", "Signature refused (request ID 7a1c0de5).", request_id="7a1c0de5")
    line = banner_line(Problem(error, T0 + timedelta(minutes=3), credential="AK … from env"), T0)
    assert line.lead == "Credentials AK … from env refused, retrying in 180 s"
    assert line.sentence == error.message


def test_shorter_wordings_drop_the_endpoint_then_next_then_the_word_refreshed() -> None:
    facts = StatusFacts("dws", T0, None, False, 2, 3, (("FAIL", 1),), interval=10)
    wordings = list(status_words(facts, timezone.utc))
    assert [(w.endpoint, w.next, w.refreshed) for w in wordings[:4]] == [
        ("dws", "every 10s", "refreshed 09:00"),
        (None, "every 10s", "refreshed 09:00"),
        (None, None, "refreshed 09:00"),
        (None, None, "09:00"),
    ]
    assert wordings[0].shown == "│ 2 of 3 shown " and wordings[0].counts == (("FAIL", "FAIL 1"),)
    paused = next(status_words(StatusFacts("dws", T0, None, True, 3, 3, (), interval=10)))
    assert (paused.paused, paused.next, paused.shown) == ("PAUSED", None, "│ 3 jobs ")


def test_a_gateway_without_the_api_is_worded_as_a_wrong_endpoint_not_an_outage() -> None:
    said = "dws.example (chosen for region eu-west-101) has no such API (APIGW.0101)."
    error = ErrorInfo("wrong_endpoint", said, 404, "APIGW.0101")
    line = banner_line(Problem(error, T0 + timedelta(seconds=5), since=T0), T0, timezone.utc)
    assert str(line) == f"Wrong endpoint or region since 09:00, retrying in 5 s — {said}"


def test_the_active_only_filter_is_said_with_the_key_that_shows_all() -> None:
    facts = StatusFacts("dws", T0, None, False, 10, 12, (), interval=10, active_only_key="o")
    wordings = list(status_words(facts, timezone.utc))
    assert wordings[0].shown == "│ 10 of 12 shown, active only (o shows all) "
    assert wordings[-1].shown == "│ 10 of 12 shown, active only (o: all) "


def test_clusters_are_counted_apart_from_jobs() -> None:
    facts = StatusFacts("dws", T0, None, False, 6, 6, (), interval=10, clusters=2)
    assert next(status_words(facts)).shown == "│ 4 jobs, 2 clusters "
    only = StatusFacts("dws", T0, None, False, 1, 1, (), interval=10, clusters=1)
    assert next(status_words(only)).shown == "│ 1 cluster "
    filtered = StatusFacts("dws", T0, None, False, 3, 6, (), interval=10, clusters=2)
    assert next(status_words(filtered)).shown == "│ 3 of 6 shown "


def test_the_adaptive_schedule_is_not_called_every_10s() -> None:
    facts = StatusFacts("dws", T0, None, False, 2, 2, (), interval=10, adaptive=True)
    assert next(status_words(facts)).next == "adaptive"

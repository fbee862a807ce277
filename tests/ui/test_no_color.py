"""NO_COLOR: status words stay readable (weight and reverse), never faded to grey."""

from __future__ import annotations

import pytest
from rich.style import Style

from tests.ui.conftest import running


def _styles_of(text, word: str) -> list[Style]:  # type: ignore[no-untyped-def]
    start = text.plain.index(word)
    return [Style.parse(str(s.style)) for s in text.spans if s.start <= start < s.end]


async def test_failure_count_is_reversed_not_grey_red(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    async with running() as ui:
        bar = ui.main.query_one("#status")
        (style,) = _styles_of(bar.render(), "FAIL 1")
        assert style.reverse and style.bold and style.color is None
        for word in ("INIT", "WAITING"):
            if word in bar.render().plain:
                assert not any(s.dim for s in _styles_of(bar.render(), word))


async def test_detail_title_of_a_failed_job_is_reversed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    async with running() as ui:
        ui.main.detail.show(ui.session.jobs()[0], ui.app.now(), None)
        text = ui.main.detail.text
        assert text.plain.startswith("x FAIL")
        assert Style.parse(str(text.style)).reverse or any(
            Style.parse(str(s.style)).reverse for s in text.spans if s.start == 0
        )

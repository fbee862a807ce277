"""Changed cells of a table line: exact spans, and strips cut at their edges."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from jobtui.ui.table.line_diff import changed_spans, split_at

CYAN, DIM = Style(color="cyan"), Style(dim=True)


def _strip(*parts: tuple[str, Style]) -> Strip:
    return Strip([Segment(text, style) for text, style in parts])


def test_one_changed_digit_is_one_cell() -> None:
    old = _strip(("> RUNNING ", CYAN), ("███▍░░░░░░", CYAN), ("  41%", CYAN))
    new = _strip(("> RUNNING ", CYAN), ("███▍░░░░░░", CYAN), ("  42%", CYAN))
    assert changed_spans(old, new) == [(23, 1)]


def test_a_style_change_alone_counts_and_far_apart_changes_stay_apart() -> None:
    old = _strip(("a", CYAN), ("b" * 10, CYAN), ("c", CYAN))
    new = _strip(("a", DIM), ("b" * 10, CYAN), ("d", CYAN))
    assert changed_spans(old, new) == [(0, 1), (11, 1)]
    assert changed_spans(old, new, gap=10) == [(0, 12)]


def test_close_changes_merge_into_one_span() -> None:
    old, new = _strip(("abcdef", CYAN)), _strip(("xbcdyf", CYAN))
    assert changed_spans(old, new) == [(0, 5)]


def test_a_span_never_splits_a_wide_character() -> None:
    old, new = _strip(("中a", CYAN)), _strip(("中b", CYAN))
    assert changed_spans(old, new) == [(2, 1)]
    old, new = _strip(("a中", CYAN)), _strip(("b中", CYAN))
    assert changed_spans(old, new) == [(0, 1)]
    old, new = _strip(("中", CYAN)), _strip(("中", DIM))
    assert changed_spans(old, new) == [(0, 2)]


def test_split_cuts_segments_at_span_edges_and_keeps_the_text() -> None:
    strip = _strip(("> RUNNING ", CYAN), ("░░░░", DIM))
    cut = split_at(strip, [(3, 2)])
    assert [segment.text for segment in cut] == ["> R", "UN", "NING ", "░░░░"]
    assert cut.text == strip.text and cut.cell_length == strip.cell_length

"""A partial refresh sends its changed segments, not the line from the widget's edge."""

from __future__ import annotations

import pyte
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from textual._compositor import ChopsUpdate
from textual.strip import Strip

from jobtui.ui import partial_update
from tests.ui.table.job_rows import TableHost, make_job

STYLE = Style(color="cyan")


def _update(x1: int, x2: int, style: Style = STYLE) -> ChopsUpdate:
    row = Strip([Segment("> RUNNING ", style), Segment("4", style), Segment("2% tail", style)])
    return ChopsUpdate([{0: row}], [(0, x1, x2)], [[row.cell_length]])


def _console() -> Console:
    return Console(color_system="256", force_terminal=True, width=80)


def test_a_change_in_mid_line_sends_only_its_segment() -> None:
    sent = partial_update.render_segments(_update(10, 11), _console())
    assert sent.startswith("\x1b[1;11H")  # cursor straight to the changed cell
    assert "RUNNING" not in sent and "4" in sent and "2%" not in sent


def test_a_region_inside_a_segment_sends_that_whole_segment() -> None:
    sent = partial_update.render_segments(_update(3, 5), _console())
    assert sent.startswith("\x1b[1;1H") and "> RU" in sent and "NING" not in sent


async def test_the_table_installs_it_and_a_one_digit_change_refreshes_one_cell() -> None:
    app = TableHost([make_job(n) for n in range(50)], animations=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert ChopsUpdate.render_segments is partial_update.render_segments
        regions: list = []
        original = app.table.refresh
        app.table.refresh = lambda *r, **kw: (regions.extend(r), original(*r, **kw))[1]
        app.table.update_job(make_job(7, progress="41%"))  # the bar does not move
        await pilot.pause()
        assert [(r.x, r.y, r.width, r.height) for r in regions] == [(25, 8, 1, 1)]
        assert app.line(8)[22:27] == "  41%"


def _screen(data: str) -> list[list[tuple[str, str, str, bool]]]:
    screen = pyte.Screen(30, 3)
    pyte.Stream(screen).feed(data)
    return [
        [(c.data, c.fg, c.bg, c.bold) for c in (screen.buffer[y][x] for x in range(30))]
        for y in range(3)
    ]


def test_it_draws_exactly_what_textual_draws_with_fewer_bytes() -> None:
    bold, plain = Style(bold=True, color="red", bgcolor="blue"), Style(color="red", bgcolor="blue")
    rows = [
        Strip(
            [Segment("ab", bold), Segment("cd", plain), Segment("ef", None), Segment("gh", plain)]
        ),
        Strip(
            [Segment("ij", plain), Segment("kl", bold), Segment("mn", STYLE), Segment("o", bold)]
        ),
    ]
    spans = [(0, 2, 8), (1, 0, 2), (1, 4, 7)]
    update = ChopsUpdate([{0: row} for row in rows], spans, [[8], [7]])
    ours = partial_update.render_segments(update, _console())
    assert partial_update.TEXTUAL_RENDER is not None
    theirs = partial_update.TEXTUAL_RENDER(update, _console())
    # The screen before: the rows as they are outside the refreshed spans, stale inside.
    whole = ChopsUpdate(update.chops, [(0, 0, 8), (1, 0, 7)], update.chop_ends)
    stale = "".join(f"\x1b[{y + 1};{x1 + 1}H" + "z" * (x2 - x1) for y, x1, x2 in spans)
    background = partial_update.TEXTUAL_RENDER(whole, _console()) + stale
    assert _screen(background + ours) == _screen(background + theirs)
    assert len(ours) < len(theirs) and ours.endswith("\x1b[0m")


def test_a_column_of_changed_figures_is_drawn_alike_with_short_relative_moves() -> None:
    # A table tick: one digit per row, row after row, in the same column.
    rows = [Strip([Segment(f"job {n} 2h 0", STYLE), Segment(f"{n}m", STYLE)]) for n in range(3)]
    spans = [(y, 10, 11) for y in range(3)]
    update = ChopsUpdate([{0: row} for row in rows], spans, [[row.cell_length] for row in rows])
    ours = partial_update.render_segments(update, _console())
    theirs = partial_update.TEXTUAL_RENDER(update, _console())  # type: ignore[misc]
    whole = ChopsUpdate(update.chops, [(y, 0, 13) for y in range(3)], update.chop_ends)
    background = partial_update.TEXTUAL_RENDER(whole, _console()) + "\x1b[0m"  # type: ignore[misc]
    stale = "".join(f"\x1b[{y + 1};11Hz" for y in range(3))
    assert _screen(background + stale + ours) == _screen(background + stale + theirs)
    assert ours.count("H") == 1 and ours.count("\x0b\b") == 2
    assert len(ours) < len(theirs) - 2 * 6


def test_bars_and_figures_moving_on_every_row_are_drawn_column_by_column() -> None:
    # Ten jobs in step: each row's bar gains a cell and its figure a digit.
    rows = [
        Strip([Segment("##", STYLE), Segment("-- 2", None), Segment("0%", None)]) for _ in range(3)
    ]
    spans = [(y, x, x + 1) for y in range(3) for x in (1, 6)]
    update = ChopsUpdate([{0: row} for row in rows], spans, [[8] for _ in rows])
    ours = partial_update.render_segments(update, _console())
    theirs = partial_update.TEXTUAL_RENDER(update, _console())  # type: ignore[misc]
    whole = ChopsUpdate(update.chops, [(y, 0, 8) for y in range(3)], update.chop_ends)
    background = partial_update.TEXTUAL_RENDER(whole, _console()) + "\x1b[0m"  # type: ignore[misc]
    stale = "".join(f"\x1b[{y + 1};{x + 1}Hz" for y, x, _ in spans)
    assert _screen(background + stale + ours) == _screen(background + stale + theirs)
    # One absolute move per column, then down one and back one: not a jump per cell.
    assert ours.count("H") == 2 and ours.count("\x0b\b") == 4


def test_after_the_last_column_the_cursor_is_placed_absolutely() -> None:
    # A terminal may hold a wrap pending there; relative moves would land elsewhere.
    assert partial_update.shortest_move((80, 0), 78, 1, width=80) == "\x1b[2;79H"
    assert partial_update.shortest_move((79, 0), 78, 1, width=80) == "\x0b\b"
    assert partial_update.shortest_move(None, 0, 0, width=80) == "\x1b[1;1H"
    assert partial_update.shortest_move((5, 9), 40, 2, width=80) == "\x1b[3;41H"


def test_one_row_down_is_a_vertical_tab_that_never_returns_the_carriage() -> None:
    screen = pyte.Screen(10, 3)
    pyte.Stream(screen).feed("\x1b[1;5Hab" + partial_update.shortest_move((6, 0), 5, 1, 10) + "c")
    assert screen.display[1] == "     c    "
    assert partial_update.shortest_move((6, 0), 5, 2, 10) == "\x1b[2B\b"  # one VT a row only


def test_styles_after_a_reset_leave_out_default_colours_but_not_colour_numbers() -> None:
    assert partial_update.lean_sgr("36;49") == "36"
    assert partial_update.lean_sgr("1;7;39;49") == "1;7"
    assert partial_update.lean_sgr("38;5;39;48;5;49") == "38;5;39;48;5;49"
    assert partial_update.lean_sgr("38;2;39;49;1;49") == "38;2;39;49;1"
    assert partial_update.lean_sgr("39;49") == ""
    on_default = Style(color="cyan", bgcolor="default")  # as Textual's ANSI themes style text
    sent = partial_update.render_segments(_update(10, 11, on_default), _console())
    assert "\x1b[0;36m4" in sent

"""NO_COLOR: no colour codes at all; contrast from bold, reverse, dim and underline.

Textual's own NO_COLOR filter turns colours to grey by luminance (`Monochrome`), which
in the terminal's own themes made every cell black on black (`38;5;16;48;5;16`), and
bold red "FAIL 1" a faint grey. `Colourless` instead drops every colour and keeps the
attributes, so the terminal draws its default foreground on its default background;
what colour alone marked (the cursor row, a failure count, a banner, a toast) is given
reverse video here or in `app.tcss` (`:nocolor` rules).
"""

from __future__ import annotations

from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from rich.text import Span, Text
from textual.color import Color
from textual.filter import LineFilter

# Colours that mean "look here": they become reverse video.
_ATTENTION = {"red", "bright_red"}


def mono_style(style: str | Style) -> Style:
    """The colourless form of a style: attention reversed, bold/italic kept, dim dropped."""
    parsed = Style.parse(style) if isinstance(style, str) else style
    if parsed.color is not None and parsed.color.name in _ATTENTION:
        return Style(bold=True, reverse=True)
    return Style(
        bold=parsed.bold, italic=parsed.italic, underline=parsed.underline, reverse=parsed.reverse
    )


def without_colour(text: Text) -> Text:
    """A copy of `text` with every style made colourless by `mono_style`."""
    out = text.copy()
    out.style = mono_style(text.style)
    out.spans = [Span(s.start, s.end, mono_style(s.style)) for s in text.spans]
    return out


@lru_cache(maxsize=4096)
def colourless(style: Style) -> Style:
    """`style` with no colour; attributes, links and mouse actions (meta) kept."""
    plain = style.without_color
    return plain + Style.from_meta(style.meta) if style.meta else plain


class Colourless(LineFilter):
    """Every segment without colour: no 30-37/90-97/38;…/48;… ever reaches the terminal."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            Segment(text, None if style is None else colourless(style), control)
            for text, style, control in segments
        ]

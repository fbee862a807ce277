"""Styles for NO_COLOR: weight and reverse instead of colour, never dim.

Textual's NO_COLOR filter turns colours to grey by luminance, so bold red "FAIL 1"
ends up as a faint grey on a dark background; dim text fades the same way.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Span, Text

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

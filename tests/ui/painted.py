"""What the app would send for a full repaint, and that replayed on a VT emulator (pyte)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pyte
from rich.color import ColorSystem
from rich.console import COLOR_SYSTEMS
from rich.style import Style
from textual.strip import Strip

# SGR sequences, and the colour parameters inside them (30-37, 38;…, 39 is "default").
_SGR = re.compile(r"\x1b\[([\d;]*)m")
DEPTHS = ("truecolor", "256", "standard")
_BASIC = {*range(30, 38), *range(40, 48), *range(90, 98), *range(100, 108)}


@dataclass
class Painted:
    """The bytes of a full repaint and the emulated screen they leave."""

    data: str
    screen: pyte.Screen

    def line(self, y: int) -> str:
        return self.screen.display[y]

    def row_of(self, text: str) -> int:
        return next(y for y, line in enumerate(self.screen.display) if text in line)

    def colour_params(self) -> list[str]:
        """Every SGR parameter that sets a colour (foreground or background)."""
        return colour_params(self.data)


def colour_params(data: str) -> list[str]:
    """Every colour-setting SGR parameter in `data`: 30-37, 40-47, 90-107, 38;…, 48;…, 58;…."""
    found: list[str] = []
    for match in _SGR.finditer(data):
        params = match.group(1).split(";")
        i = 0
        while i < len(params):
            p = params[i]
            if p in ("38", "48", "58"):
                take = {"5": 2, "2": 4}.get(params[i + 1] if i + 1 < len(params) else "", 1)
                found.append(";".join(params[i : i + take + 1]))
                i += take + 1
                continue
            if p.isdigit() and int(p) in _BASIC:
                found.append(p)
            i += 1
    return found


def _sgr(style: Style, system: ColorSystem) -> str:
    # Textual keeps a style's codes on the (shared, cached) Style for the one depth a
    # terminal has: put them back, or later renders at another depth would take ours.
    kept = style._ansi
    try:
        return Strip.render_ansi(style, system)
    finally:
        style._ansi = kept


def painted(app: Any, color_system: str = "256") -> Painted:
    """Render the whole screen (modals over what they cover) as the terminal would get it.

    Styles are rendered here at `color_system` (Textual caches a strip's and a style's
    codes for the one depth a real terminal has).
    """
    width, height = app.size
    system = COLOR_SYSTEMS[color_system]
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    out: list[str] = []
    for y, line in enumerate(update.strips, update.region.y):
        out.append(f"\x1b[{y + 1};{update.region.x + 1}H")
        for strip in line:
            for text, style, _ in strip:
                sgr = _sgr(style, system) if style is not None else ""
                out.append(f"\x1b[{sgr}m{text}\x1b[0m" if sgr else text)
    data = "".join(out)
    screen = pyte.Screen(width, height)
    pyte.Stream(screen).feed(data)
    return Painted(data, screen)


# xterm's palette for the 16 colours, by the names pyte gives them.
_SIXTEEN = {
    "black": "000000", "red": "cd0000", "green": "00cd00", "brown": "cdcd00",
    "blue": "0000ee", "magenta": "cd00cd", "cyan": "00cdcd", "white": "e5e5e5",
    "brightblack": "7f7f7f", "brightred": "ff0000", "brightgreen": "00ff00",
    "brightbrown": "ffff00", "brightblue": "5c5cff", "brightmagenta": "ff00ff",
    "brightcyan": "00ffff", "brightwhite": "ffffff",
}  # fmt: skip


def _rgb(name: str, default: str) -> tuple[int, int, int]:
    value = default if name == "default" else _SIXTEEN.get(name, name)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG relative luminance."""
    channels = [c / 255 for c in rgb]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG contrast ratio, 1 (same) to 21 (black on white)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def seen_colours(cell: Any, dark: bool) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """(text, background) as the eye sees a cell, on a dark or a light terminal."""
    fg = _rgb(cell.fg, "e5e5e5" if dark else "000000")
    bg = _rgb(cell.bg, "000000" if dark else "ffffff")
    return (bg, fg) if cell.reverse else (fg, bg)


def row_colours(
    screen: pyte.Screen, y: int, dark: bool, columns: range
) -> tuple[float, tuple[int, int, int]]:
    """The worst text contrast on a row's visible cells, and its most common background."""
    cells = [screen.buffer[y][x] for x in columns]
    seen = [seen_colours(c, dark) for c in cells]
    worst = min((contrast(fg, bg) for c, (fg, bg) in zip(cells, seen) if c.data.strip()))
    backgrounds = [bg for _, bg in seen]
    return worst, max(set(backgrounds), key=backgrounds.count)

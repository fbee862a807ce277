"""Which Textual theme the app starts in and toggles to.

Low bandwidth means the terminal's own 16 colours: their codes are a third the
length of 256-colour ones (`ESC[0;36m` against `ESC[0;38;5;80;48;5;233m`), the
table sits on the terminal's own background, and the user's palette is kept.
"""

from __future__ import annotations

from typing import Optional

OWN = ("textual-dark", "textual-light")
TERMINAL = ("ansi-dark", "ansi-light")


def pair(low_bandwidth: bool) -> tuple[str, str]:
    """The (dark, light) themes of this mode."""
    return TERMINAL if low_bandwidth else OWN


def initial(remembered: Optional[str], configured: str, low_bandwidth: bool) -> str:
    """The remembered choice, else the configured one, else this mode's dark theme.

    A remembered light/dark toggle keeps its brightness across modes: light stays
    light when `--low-bandwidth` swaps our colours for the terminal's.
    """
    dark, light = pair(low_bandwidth)
    if remembered in OWN + TERMINAL:
        return light if remembered in (OWN[1], TERMINAL[1]) else dark
    return remembered or configured or dark


def toggled(current: str, low_bandwidth: bool) -> str:
    dark, light = pair(low_bandwidth)
    return light if current == dark else dark

"""Which Textual theme the app starts in and toggles to.

By default the terminal's own 16 colours and background (Textual's ANSI themes), as
htop and lazygit draw: the user's palette is kept, light and dark terminals both
read right, and a colour code is a third the length of a 256-colour one
(`ESC[0;36m` against `ESC[0;38;5;80;48;5;233m`), which is most of what a poll sends.
"""

from __future__ import annotations

from typing import Optional

TERMINAL = ("ansi-dark", "ansi-light")
OWN = ("textual-dark", "textual-light")  # Textual's own colours: `theme = "textual-dark"`


def family(theme: str) -> tuple[str, ...]:
    """The themes `t` switches between when `theme` is in use."""
    for pair in (TERMINAL, OWN):
        if theme in pair:
            return pair
    return (theme,)


def initial(remembered: Optional[str], configured: str) -> str:
    """The configured theme (else the terminal's), or the remembered toggle of it."""
    chosen = configured or TERMINAL[0]
    return remembered if remembered in family(chosen) else chosen


def toggled(current: str) -> str:
    """Light for dark and back, within the family; a theme of its own switches to ours."""
    pair = family(current)
    if len(pair) == 1:
        return TERMINAL[0]
    return pair[1] if current == pair[0] else pair[0]

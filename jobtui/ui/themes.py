"""Which Textual theme the app starts in, and what `t` steps through.

By default the terminal's own 16 colours and background (Textual's ANSI themes), as
htop and lazygit draw: the user's palette is kept, light and dark terminals both
read right, and a colour code is a third the length of a 256-colour one
(`ESC[0;36m` against `ESC[0;38;5;80;48;5;233m`), which is most of what a poll sends.

`t` steps through themes that look different: the terminal's colours, Textual's dark
and Textual's light (and first a theme of the user's own, if configured). The ANSI
dark/light pair is one step: in the terminal's colours the two draw the table alike.
"""

from __future__ import annotations

from typing import Optional

TERMINAL = ("ansi-dark", "ansi-light")
OWN = ("textual-dark", "textual-light")  # Textual's own colours: `theme = "textual-dark"`
SHIPPED = (*TERMINAL, *OWN)
_NAMES = {
    "ansi-dark": "the terminal's colours",
    "ansi-light": "the terminal's colours (light)",
    "textual-dark": "Textual dark",
    "textual-light": "Textual light",
}


def family(theme: str) -> tuple[str, ...]:
    """The light/dark pair `theme` belongs to (what `t` toggled before it cycled)."""
    for pair in (TERMINAL, OWN):
        if theme in pair:
            return pair
    return (theme,)


def cycle(configured: str) -> tuple[str, ...]:
    """The themes `t` steps through when `configured` is config.toml's `theme`."""
    terminal = configured if configured in TERMINAL else TERMINAL[0]
    own = (configured,) if configured and configured not in SHIPPED else ()
    return (*own, terminal, *OWN)


def initial(remembered: Optional[str], configured: str, chosen_under: Optional[str] = None) -> str:
    """The configured theme (else the terminal's), or the one `t` left it on.

    `chosen_under` is the configured theme when `t` was pressed: a changed config wins
    over a choice made under the old one. Without it (prefs written before `t` cycled),
    only the light/dark toggle of the configured theme counts.
    """
    chosen = configured or TERMINAL[0]
    if remembered is None:
        return chosen
    if chosen_under is None:
        return remembered if remembered in family(chosen) else chosen
    fits = chosen_under == configured and remembered in cycle(configured)
    return remembered if fits else chosen


def following(current: str, configured: str) -> str:
    """The theme after `current` in the cycle (the first if `current` is not in it)."""
    themes = cycle(configured)
    return themes[(themes.index(current) + 1) % len(themes)] if current in themes else themes[0]


def announcement(theme: str, configured: str) -> str:
    """What `t` says: `Theme 2 of 3: Textual dark (t: next).`"""
    themes = cycle(configured)
    place = f" {themes.index(theme) + 1} of {len(themes)}" if theme in themes else ""
    return f"Theme{place}: {_NAMES.get(theme, theme)} (t: next)."

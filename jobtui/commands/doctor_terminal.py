"""`jobtui doctor`'s look at the terminal: colours, and tmux for notifications and copying.

Never a failure: the monitor works in any terminal, these only explain what it can
show. tmux is asked only for its version (`tmux -V`), and only when it is on PATH.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Mapping
from typing import Callable, Optional

from jobtui.commands.doctor_report import Check, ok, warn

# tmux 3.3 added `allow-passthrough` (off by default): before it, passthrough always went
# through; since, desktop notifications (OSC 9/777 wrapped for tmux) need it on.
PASSTHROUGH = (3, 3)
_VERSION = re.compile(r"(\d+)\.(\d+)")
TMUX_ADVICE = "set -g allow-passthrough on (notifications), set -g set-clipboard on (copying)"


def colours(env: Mapping[str, str]) -> Check:
    term = env.get("TERM", "")
    if env.get("NO_COLOR", ""):
        return ok("colours", "off: NO_COLOR is set (states still read by their words)")
    if term in ("", "dumb"):
        shown = f"TERM={term}" if term else "TERM is not set"
        return warn(
            "colours",
            f"{shown}: the monitor needs a terminal that moves the cursor; "
            "set TERM to your terminal's, e.g. xterm-256color",
        )
    colourterm = env.get("COLORTERM", "")
    if colourterm in ("truecolor", "24bit"):
        return ok("colours", f"truecolor (COLORTERM={colourterm}, TERM={term})")
    if "256color" in term:
        return ok("colours", f"256 colours (TERM={term})")
    return ok("colours", f"TERM={term}: the default theme uses the terminal's 16 colours")


def tmux(
    env: Mapping[str, str],
    *,
    desktop: bool,
    version: Optional[Callable[[], Optional[str]]] = None,
) -> Check:
    """Inside tmux, what its version means for notifications (`desktop`: they are on)."""
    if not env.get("TMUX", ""):
        return ok("tmux", "not inside tmux")
    said = (version or (lambda: tmux_version(env)))()
    found = _VERSION.search(said or "")
    if said is None or found is None:
        return warn(
            "tmux", f"inside tmux, but 'tmux -V' did not say which version; with 3.3+ {TMUX_ADVICE}"
        )
    shown = said.strip()
    if (int(found.group(1)), int(found.group(2))) < PASSTHROUGH:
        return ok(
            "tmux",
            f"{shown} passes notifications through as they are (no "
            "allow-passthrough before 3.3); set -g set-clipboard on for copying",
        )
    if desktop:
        return warn(
            "tmux",
            f"{shown} drops desktop notifications unless allowed (3.3+ has "
            f"allow-passthrough, off by default): {TMUX_ADVICE}",
        )
    return ok("tmux", f"{shown} (3.3+ has allow-passthrough): {TMUX_ADVICE}")


def tmux_version(env: Mapping[str, str]) -> Optional[str]:
    """What `tmux -V` prints, or None when tmux is not on PATH or does not answer."""
    path = shutil.which("tmux", path=env.get("PATH"))
    if path is None:
        return None
    try:
        done = subprocess.run([path, "-V"], capture_output=True, text=True, timeout=2, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip()[:40] or None

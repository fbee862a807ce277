"""Progress history drawn as one line of block characters."""

from __future__ import annotations

from collections.abc import Sequence

_BLOCKS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float], width: int = 40, top: float = 100.0) -> str:
    """The last `width` values (0..top) as blocks; "" when there are none."""
    if not values or width <= 0:
        return ""
    steps = len(_BLOCKS) - 1
    out = []
    for value in list(values)[-width:]:
        ratio = min(1.0, max(0.0, value / top)) if top > 0 else 0.0
        out.append(_BLOCKS[round(ratio * steps)])
    return "".join(out)

"""`jobtui add -` on junk: time and peak memory against input size.

    python -m tests.benchmarks.add_input            # 1, 4, 16 and 64 MiB
    python -m tests.benchmarks.add_input --quick    # 1 and 4 MiB

Prints figures, asserts nothing: for random bytes and for lines of '{' (the worst case
for the JSON reader), seconds and traced peak memory of parsing them from a file, the
way `add -` reads a pipe. Both should grow linearly and stay flat, respectively.
"""

from __future__ import annotations

import io
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Callable

from jobtui.domain.parse_input import read_job_lines

MiB = 1024 * 1024
KINDS: dict[str, Callable[[int], bytes]] = {
    "random bytes": lambda size: random.Random(7).randbytes(size),
    "lines of '{'": lambda size: b"{\n" * (size // 2),
}


def measure(path: Path) -> tuple[float, int, int]:
    """Seconds, peak traced bytes and bad lines counted for parsing `path`."""
    with path.open("rb") as raw:
        stream = io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape")
        started = time.perf_counter()
        parsed = read_job_lines(stream)
        seconds = time.perf_counter() - started
        stream.detach()
    with path.open("rb") as raw:
        stream = io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape")
        tracemalloc.start()
        read_job_lines(stream)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        stream.detach()
    return seconds, peak, parsed.error_count


def main(argv: list[str]) -> int:
    sizes = [1, 4] if "--quick" in argv else [1, 4, 16, 64]
    print(f"{'input':>14} {'MiB':>5} {'seconds':>8} {'s/MiB':>6} {'peak KiB':>9} {'bad lines':>9}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input"
        for kind, make in KINDS.items():
            for size in sizes:
                path.write_bytes(make(size * MiB))
                seconds, peak, bad = measure(path)
                print(
                    f"{kind:>14} {size:5d} {seconds:8.2f} {seconds / size:6.3f} "
                    f"{peak / 1024:9.0f} {bad:9d}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Attacks on jobtui over loopback, and what each cost: `python -m tests.benchmarks.attacks`.

Each attack runs jobtui's own code (a Poller on virtual time, a DwsClient, or
`jobtui.cli.main`) against the simulator, and prints one row of a markdown table:
what was tried, whether polling went on (or the exit status is the documented one),
what was lost (jobs, watchlist entries, the SK in any output, log record or file),
and one figure. Figures are printed, never asserted; the exit status is 1 only when
an attack raised (a crash is the finding). The whole run takes well under 2 minutes.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from typing import Callable

from tests.benchmarks.attack_kit import Row, sandbox
from tests.benchmarks.attacks_files import binary_add, deep_state, refused_key
from tests.benchmarks.attacks_http import (
    escape_headers,
    gzip_bomb,
    huge_progress,
    malformed_during_wait,
    redirect_elsewhere,
)
from tests.benchmarks.attacks_polling import (
    drip,
    endpoint_down,
    outage_recovery,
    retry_after_date,
    retry_after_huge,
    throttle_one_endpoint,
)

ATTACKS: tuple[Callable[..., Row], ...] = (
    drip,
    retry_after_huge,
    retry_after_date,
    huge_progress,
    gzip_bomb,
    redirect_elsewhere,
    escape_headers,
    endpoint_down,
    throttle_one_endpoint,
    malformed_during_wait,
    refused_key,
    outage_recovery,
    deep_state,
    binary_add,
)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a 16 MiB bomb, not 64 MiB")
    args = parser.parse_args(argv)
    print("| attack | tried | survived | lost | figure |")
    print("|---|---|---|---|---|")
    crashed = 0
    started = time.monotonic()
    for attack in ATTACKS:
        with sandbox() as box:
            try:
                row = attack(box, quick=args.quick)
            except Exception as exc:  # the finding: print it and go on
                traceback.print_exc(file=sys.stderr)
                crashed += 1
                name = attack.__name__.replace("_", " ")
                row = Row(name, "-", f"**CRASH** {type(exc).__name__}", "?", "-")
            leaked = box.leaks()
        secret = "SK in 0 places" if not leaked else f"**SK in {leaked} places**"
        lost = f"{row.lost}; {secret}"
        print(f"| {row.attack} | {row.tried} | {row.survived} | {lost} | {row.figure} |")
        sys.stdout.flush()
    print(f"\n{len(ATTACKS)} attacks in {time.monotonic() - started:.1f} s, {crashed} crashed.")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Run the bastion-host benchmarks and print the table: `python -m tests.benchmarks.run [--quick]`.

Budgets are reported, not asserted; the exit status is 1 only when an app crashed or
never showed its table (a broken benchmark must not pass quietly in CI).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from typing import Callable

from tests.benchmarks import host, idle, link, schedule_rows, targets
from tests.benchmarks.figure import Figure, table
from tests.benchmarks.plan import Plan, make_plan

SECTIONS: tuple[Callable[[Plan], list[Figure]], ...] = (
    idle.idle,
    link.one_poll,
    link.advancing,
    host.startup,
    host.scale,
    host.hangup,
    host.soak,
    schedule_rows.schedule,
)


def run_section(section: Callable[[Plan], list[Figure]], plan: Plan) -> list[Figure]:
    """One group of figures; a crash becomes a CRASH line instead of ending the run."""
    try:
        return section(plan)
    except (targets.NotReady, OSError, AssertionError) as exc:
        name = (section.__doc__ or section.__name__).split(":")[0].rstrip(".")
        broken = Figure(name[:60], "", "-", lambda mine, ref: False)
        broken.failed = f"{type(exc).__name__}: {exc}"
        return [broken]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.run")
    parser.add_argument("--quick", action="store_true", help="short runs for CI")
    parser.add_argument("--skip", action="append", default=[], metavar="SECTION",
                        help="leave a section out, e.g. soak while another soak runs")  # fmt: skip
    parser.add_argument("--soak", type=float, metavar="SECONDS",
                        help="soak this long instead (the budget speaks of an hour)")  # fmt: skip
    args = parser.parse_args(argv)
    missing = targets.jobtui_missing()
    plan = make_plan(args.quick, jobtui=missing is None)
    if args.soak:
        plan = replace(plan, soak=args.soak)
    started = time.monotonic()
    figures: list[Figure] = []
    for section in SECTIONS:
        if section.__name__ in args.skip:
            print(f"  skipped: {section.__name__}", file=sys.stderr)
            continue
        figures += run_section(section, plan)
        print(f"  [{time.monotonic() - started:5.1f} s] {section.__name__}", file=sys.stderr)
    mode = "quick" if plan.quick else "full"
    print(f"jobtui bastion-host benchmarks ({mode}: {plan.runs} A/B run(s), medians; 120x40, "
          f"TERM=xterm-256color, no COLORTERM)")  # fmt: skip
    if missing:
        print(f"jobtui figures skipped: {missing}")
    if args.skip:
        print(f"sections left out: {', '.join(args.skip)}")
    print(table(figures))
    return 1 if any(f.failed for f in figures) else 0


if __name__ == "__main__":
    sys.exit(main())

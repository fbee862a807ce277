"""One line of the benchmark table: a figure for jobtui, the reference beside it, the budget."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

from tests.benchmarks.measures import median

# A verdict from (jobtui, reference): True when within budget.
Check = Callable[[float, Optional[float]], bool]


@dataclass
class Figure:
    """Samples of one quantity for jobtui and the reference, judged against a budget."""

    name: str
    unit: str
    budget: str
    check: Optional[Check]  # None: a figure shown for scale, which no budget row names
    jobtui: list[float] = field(default_factory=list)
    reference: list[float] = field(default_factory=list)
    note: str = ""
    failed: Optional[str] = None  # the app crashed or never showed its table

    def verdict(self) -> str:
        if self.failed:
            return "CRASH"
        mine = median(self.jobtui)
        if mine is None:
            return "n/a"
        if self.check is None:
            return "info"
        return "ok" if self.check(mine, median(self.reference)) else "OVER"

    def ratio(self) -> Optional[float]:
        mine, ref = median(self.jobtui), median(self.reference)
        if mine is None or not ref:
            return None
        return mine / ref

    def cells(self) -> list[str]:
        ratio = self.ratio()
        return [
            self.name,
            _fmt(median(self.jobtui), self.unit),
            _fmt(median(self.reference), self.unit),
            "-" if ratio is None else f"{ratio:.2f}x",
            self.budget,
            self.verdict(),
        ]


def _fmt(value: Optional[float], unit: str) -> str:
    if value is None:
        return "-"
    digits = 0 if abs(value) >= 100 else 2
    return f"{value:,.{digits}f} {unit}".strip()


def table(figures: list[Figure]) -> str:
    """The figures as a plain-text table, then their notes."""
    head = ["figure", "jobtui", "reference", "ratio", "budget", "verdict"]
    rows = [head] + [f.cells() for f in figures]
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    notes = [f"- {f.name}: {f.failed or f.note}" for f in figures if f.failed or f.note]
    return "\n".join(lines + (["", *notes] if notes else []))

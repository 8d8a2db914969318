"""Benchmark: the nested purchase path against the unconstrained frontier on every bundled example.

Run: ``python -m bench.bench_path [--steps N] [--multi-year-steps M] [--only NAME]``. Prints a Markdown table:
per example, the frontier's and the path's wall time in one run (the ratio path / frontier), the path's status
and MIP gap, and what nesting costs (value lost against the frontier: max and mean, absolute and %), and how
often the frontier drops a device that it had at the budget before. Not a test.

Both are timed without the greedy fill (it is the ladder's baseline, not part of either): the frontier is
:func:`planner.decision.budget_ladder` with ``with_greedy=False``, the path is
:func:`planner.decision.path.purchase_path` given that frontier (its own build and solve only).
"""

from __future__ import annotations

import argparse
import platform
from pathlib import Path

import pulp

from planner import load_catalog, load_scenario
from planner.decision import budget_ladder
from planner.decision.path import PurchasePath, purchase_path

ROOT = Path(__file__).resolve().parents[1]


def removals(path: PurchasePath) -> int:
    """Devices the frontier drops between two budgets (removed or replaced): what the path forbids."""
    return sum(1 for c in path.frontier.changes if c.kind in ("removed", "replaced"))


def row(name: str, path: PurchasePath) -> str:
    """One Markdown row."""
    f = path.frontier
    gap = "-" if path.mip_gap is None else f"{path.mip_gap:.2%}"
    return (f"| {name} | {len(path.steps)} | {removals(path)} | {f.time_s:.2f} | {path.time_s:.2f} | "
            f"{path.time_s / max(f.time_s, 1e-9):.1f} | {path.status} ({gap}) | "
            f"{path.max_value_lost:.2f} ({path.max_value_lost_share:.1%}) | "
            f"{path.mean_value_lost:.3f} ({path.mean_value_lost_share:.2%}) |")


def main() -> None:
    """Run every example once and print the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--multi-year-steps", type=int, default=5)
    parser.add_argument("--only", default=None)
    args = parser.parse_args()
    print(f"Python {platform.python_version()}, PuLP {pulp.__version__}, {platform.machine()}")
    print("| example | steps | frontier drops | frontier (s) | path (s) | path / frontier | path status (gap) | "
          "max lost (%) | mean lost (%) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for file in sorted((ROOT / "examples").glob("*.yaml")):
        if args.only and args.only != file.stem:
            continue
        scenario = load_scenario(file)
        catalog = load_catalog(scenario.catalog_path())
        steps = args.steps if scenario.horizon_years == 1 else args.multi_year_steps
        frontier = budget_ladder(catalog, scenario, steps, with_greedy=False)
        print(row(file.stem, purchase_path(catalog, scenario, steps, frontier=frontier)), flush=True)


if __name__ == "__main__":
    main()

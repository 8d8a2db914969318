"""Benchmark: the budget ladder on the bundled examples (and a generated instance), against a naive ladder.

Run: ``python -m bench.bench_ladder [--steps N] [--repeat R] [--greedy-table]``. Prints Markdown tables.
Not a test.

* **ladder**: :func:`planner.decision.budget_ladder` (prepared inputs reused, top-down reuse of each plan down
  to its own capex, interchangeable twins left out, greedy fill evaluated at every point).
* **naive**: :func:`planner.make_plan` at each of the same budgets (validate, prepare, build, solve each time),
  without greedy; the difference is what the reuse saves.
"""

from __future__ import annotations

import argparse
import dataclasses
import platform
import statistics
import time
from pathlib import Path

import pulp

from bench.generate import generate
from planner import load_catalog, load_scenario, make_plan
from planner.catalog import Catalog
from planner.decision import Ladder, budget_ladder
from planner.scenario import Scenario

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ("general_hospital", "university_hospital")


def cases(with_generated: bool) -> list[tuple[str, Catalog, Scenario]]:
    """The bundled examples, and one generated 3-site instance."""
    out = []
    for name in EXAMPLES:
        scenario = load_scenario(ROOT / "examples" / f"{name}.yaml")
        out.append((name, load_catalog(scenario.catalog_path()), scenario))
    if with_generated:
        catalog, scenario = generate(3, 60, seed=42)
        out.append(("generated 3 sites x 60 devices", catalog, scenario))
    return out


def naive_seconds(catalog: Catalog, scenario: Scenario, budgets: list[float]) -> float:
    """Time of make_plan at each budget, from scratch."""
    start = time.perf_counter()
    for b in budgets:
        make_plan(catalog, dataclasses.replace(scenario, budget=dataclasses.replace(scenario.budget, capex_eur=b)))
    return time.perf_counter() - start


def timed_ladder(catalog: Catalog, scenario: Scenario, steps: int, repeat: int) -> tuple[Ladder, list[float]]:
    """The ladder and its wall times over ``repeat`` runs."""
    times, ladder = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        ladder = budget_ladder(catalog, scenario, steps)
        times.append(time.perf_counter() - start)
    assert ladder is not None
    return ladder, times


def main() -> None:
    """Print the timing table, then the optimiser-versus-greedy table."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--generated", action="store_true", help="add a generated 3-site instance")
    ap.add_argument("--greedy-table", action="store_true", help="print every ladder point against greedy")
    args = ap.parse_args()
    print(f"Machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"PuLP {pulp.__version__}; {args.steps} budget points, median of {args.repeat} runs")
    print()
    print("| scenario | points | distinct plans | solves (frontier + greedy) | ladder s (median) | min..max s | "
          "naive make_plan x points s | optimiser >= greedy | max gain over greedy |")
    print("|---|---|---|---|---|---|---|---|---|")
    results = []
    for name, catalog, scenario in cases(args.generated):
        ladder, times = timed_ladder(catalog, scenario, args.steps, args.repeat)
        naive = naive_seconds(catalog, scenario, [p.budget_eur for p in ladder.points])
        distinct = len({p.configuration for p in ladder.points})
        gains = [p.gain_over_greedy for p in ladder.points if p.gain_over_greedy is not None]
        ok = all(g >= -1e-6 * max(1.0, p.benefit) for p, g in zip(ladder.points, gains, strict=False))
        print(f"| {name} | {len(ladder.points)} | {distinct} | {ladder.solves} | {statistics.median(times):.2f} | "
              f"{min(times):.2f}..{max(times):.2f} | {naive:.2f} | {'yes' if ok else 'NO'} | "
              f"{max(gains, default=0):,.1f} |", flush=True)
        results.append((name, ladder))
    for name, ladder in results if args.greedy_table else []:
        print(f"\n{name}\n")
        print("| capex budget EUR | optimiser benefit | greedy benefit | gain | gain % | capex used | greedy capex |")
        print("|---|---|---|---|---|---|---|")
        for p in ladder.points:
            g = p.greedy
            gb = "fails floors/opex" if g is None or g.benefit is None else f"{g.benefit:,.1f}"
            gain = p.gain_over_greedy
            pct = "-" if gain is None or not g or not g.benefit else f"{100 * gain / g.benefit:.1f} %"
            print(f"| {p.budget_eur:,.0f} | {p.benefit:,.1f} | {gb} | {'-' if gain is None else f'{gain:,.1f}'} | "
                  f"{pct} | {p.capex_eur:,.0f} | {0 if g is None else g.capex_eur:,.0f} |")


if __name__ == "__main__":
    main()

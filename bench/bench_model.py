"""Benchmark: model build and solve time, status and gap, for HiGHS and CBC on instances of growing size.

Run: ``python -m bench.bench_model [--time-limit S] [--quick]``. Prints a Markdown table. Not a test.
"""

from __future__ import annotations

import argparse
import platform
import time

import pulp

from bench.generate import generate
from planner.inputs import prepare
from planner.model import build_model
from planner.scenario import SolverOptions
from planner.solve import solve

SIZES = [(1, 30), (3, 60), (10, 100), (20, 200), (30, 300)]


def run(sites: int, devices: int, solver: str, time_limit: float, gap: float) -> dict[str, object]:
    """Build and solve one generated instance; return the measured row."""
    catalog, scenario = generate(sites, devices, seed=42)
    t0 = time.perf_counter()
    inputs = prepare(catalog, scenario)
    built = build_model(inputs)
    build_s = time.perf_counter() - t0
    result = solve(built, SolverOptions(solver, time_limit, gap))
    n_int = sum(1 for v in built.prob.variables() if v.cat == pulp.LpInteger)
    return {"sites": sites, "devices": devices, "vars": len(built.prob.variables()), "int": n_int,
            "cons": len(built.prob.constraints()), "solver": solver, "build_s": build_s,
            "solve_s": result.time_s, "status": result.status.value,
            "gap": "n/a" if result.mip_gap is None else f"{result.mip_gap:.4%}",
            "benefit": result.benefit_value}


def main() -> None:
    """Print the benchmark table."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--time-limit", type=float, default=60.0)
    ap.add_argument("--gap", type=float, default=0.0)
    ap.add_argument("--quick", action="store_true", help="only the two smallest sizes")
    args = ap.parse_args()
    print(f"Machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"PuLP {pulp.__version__}; time limit {args.time_limit:g} s per solve (shared by both phases), "
          f"requested gap {args.gap:g}")
    print("| sites | devices | vars | int vars | constraints | solver | build s | solve s | status | gap | benefit |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for sites, devices in SIZES[:2] if args.quick else SIZES:
        for solver in ("highs", "cbc"):
            r = run(sites, devices, solver, args.time_limit, args.gap)
            benefit = "-" if r["benefit"] is None else f"{r['benefit']:.1f}"
            print(f"| {r['sites']} | {r['devices']} | {r['vars']} | {r['int']} | {r['cons']} | {r['solver']} | "
                  f"{r['build_s']:.2f} | {r['solve_s']:.2f} | {r['status']} | {r['gap']} | {benefit} |", flush=True)


if __name__ == "__main__":
    main()

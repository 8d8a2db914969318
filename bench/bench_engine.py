"""Benchmark: the planner end to end against an independent formulation and against HiGHS alone.

Run: ``python -m bench.bench_engine [--sizes S,M,L,XL] [--time-limit S]``. Prints a Markdown table. Not a test.

For each generated instance (``bench.generate``), in one run on the same machine:

* **planner**: validate, prepare, remove dominated devices, build (PuLP), solve (one HiGHS model, value then
  cost, from the floors' starting plan), build the Plan;
* **independent**: prepare, then :func:`bench.independent.solve_independent` (the same model written straight
  into HiGHS as arrays, same lexicographic objective); its optimum must equal the planner's;
* **HiGHS alone**: HiGHS reading the planner's own MPS files of phase 1 and of phase 2 (with the value lock),
  solver time only.

Ratios compare two things measured in the same run (the machine is shared and noisy).
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time

import highspy
import pulp

from bench.generate import generate
from bench.independent import solve_independent
from planner.checks import validate
from planner.inputs import prepare
from planner.model import build_model
from planner.model.reduce import reduce_dominated, with_removed
from planner.planbuild import from_solution
from planner.scenario import SolverOptions
from planner.solve import BENEFIT_LOCK_TOL, cost_objective, solve

SIZES = {"S": (1, 30, 0.0), "M": (6, 120, 0.0), "L": (30, 300, 0.005), "XL": (60, 300, 0.005)}


def planner_run(sites: int, devices: int, gap: float, limit: float) -> dict[str, float]:
    """Time each stage of the planner on one instance."""
    catalog, scenario = generate(sites, devices, seed=42)
    t0 = time.perf_counter()
    validate(catalog, scenario)
    inputs = prepare(catalog, scenario)
    reduced = reduce_dominated(inputs)  # as make_plan does: dominated devices out, same optimum
    t1 = time.perf_counter()
    built = build_model(reduced.inputs)
    t2 = time.perf_counter()
    result = with_removed(solve(built, SolverOptions("highs", limit, gap), started=t0), inputs)
    t3 = time.perf_counter()
    from_solution(inputs, result, scenario.to_dict())
    t4 = time.perf_counter()
    return {"vars": len(built.prob.variables()), "prepare": t1 - t0, "build": t2 - t1, "solve": t3 - t2,
            "plan": t4 - t3, "total": t4 - t0, "value": result.benefit_value or float("nan"),
            "status": result.status.value}  # type: ignore[dict-item]


def independent_run(sites: int, devices: int, gap: float, limit: float) -> dict[str, float]:
    """Time the independent formulation (preparation included)."""
    catalog, scenario = generate(sites, devices, seed=42)
    t0 = time.perf_counter()
    out = solve_independent(prepare(catalog, scenario), gap, limit)
    return {"total": time.perf_counter() - t0, "value": out.value}


def highs_alone(sites: int, devices: int, gap: float, limit: float) -> float:
    """HiGHS solver time on the planner's MPS files of both phases."""
    catalog, scenario = generate(sites, devices, seed=42)
    built = build_model(prepare(catalog, scenario))
    total = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "phase.mps")
        built.prob.setObjective(-1 * built.benefit)
        built.prob.writeMPS(path)
        best, seconds = _run_mps(path, gap, limit)
        total += seconds
        built.prob.addConstraint(built.benefit >= best - BENEFIT_LOCK_TOL * max(abs(best), 1.0), "benefit_lock")
        built.prob.setObjective(cost_objective(built))
        built.prob.writeMPS(path)
        total += _run_mps(path, gap, limit)[1]
    return total


def _run_mps(path: str, gap: float, limit: float) -> tuple[float, float]:
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", gap)
    h.setOptionValue("time_limit", limit)
    h.readModel(path)
    start = time.perf_counter()
    h.run()
    seconds = time.perf_counter() - start
    return -float(h.getInfo().objective_function_value), seconds


def main() -> None:
    """Print the table."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="S,M,L,XL")
    ap.add_argument("--time-limit", type=float, default=300.0)
    args = ap.parse_args()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"PuLP {pulp.__version__}, highspy {highspy.__version__ if hasattr(highspy, '__version__') else ''}")
    print("| instance | vars | planner s | independent s | HiGHS alone s | planner / independent | "
          "planner / HiGHS alone | build + plan share | build + plan µs/var | value equal |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name in args.sizes.split(","):
        sites, devices, gap = SIZES[name]
        p = planner_run(sites, devices, gap, args.time_limit)
        ind = independent_run(sites, devices, gap, args.time_limit)
        alone = highs_alone(sites, devices, gap, args.time_limit)
        overhead = p["build"] + p["plan"]
        same = abs(p["value"] - ind["value"]) <= max(gap, 1e-6) * max(abs(ind["value"]), 1.0) * 2
        print(f"| {name} {sites} x {devices}{f', {gap:.1%} gap' if gap else ''} | {p['vars']:,.0f} | "
              f"{p['total']:.2f} | {ind['total']:.2f} | {alone:.2f} | {p['total'] / ind['total']:.2f}x | "
              f"{p['total'] / alone:.2f}x | {overhead / p['total']:.0%} | {1e6 * overhead / p['vars']:.0f} | "
              f"{'yes' if same else 'no'} |", flush=True)


if __name__ == "__main__":
    main()

"""Robustness benchmark: futures evaluated per second on each backend, and the largest extensive form that
solves to a 0.5 % gap within a minute.

    python -m bench.bench_robust [--samples 40] [--sizes 10,20,40,80]

Futures per second: stability mode (each future solves the plan with its equipment fixed and the future's
own optimum: 2 lexicographic solves) on the university-hospital example, with 1 worker (this process),
a 2-process pool and a 2-worker Dask LocalCluster (times include starting the workers or the cluster).
"""

from __future__ import annotations

import argparse
import time

from planner.catalog import load_catalog
from planner.inputs import prepare
from planner.robust.backends import Backend
from planner.robust.extensive import build_extensive
from planner.robust.run import DEFAULT_UNCERTAINTY, RobustOptions, run_robustness
from planner.robust.sampling import sample_inputs
from planner.scenario import SolverOptions, load_scenario
from planner.solve import solve

EXAMPLES = ("examples/general_hospital.yaml", "examples/university_hospital.yaml",
            "examples/university_hospital_ppi_2027_2031.yaml")


def throughput(path: str, samples: int) -> None:
    """Futures per second on each backend (same seed: the results must be identical)."""
    scenario = load_scenario(path)
    catalog = load_catalog(scenario.catalog_path())
    values = None
    for backend in (Backend(workers=1), Backend(workers=2), Backend(workers=2, dask="local")):
        start = time.perf_counter()
        report = run_robustness(catalog, scenario, RobustOptions("stability", samples, backend=backend))
        elapsed = time.perf_counter() - start
        same = values is None or report.plans[0].values == values
        values = report.plans[0].values
        print(f"| {path.split('/')[-1]} | {backend.describe()} | {samples} | {elapsed:.1f} | "
              f"{samples / elapsed:.1f} | {'yes' if same else 'NO'} |", flush=True)


def extensive(path: str, sizes: list[int]) -> None:
    """Size, time and gap of the extensive form for growing numbers of futures (0.5 % gap, 60 s)."""
    scenario = load_scenario(path)
    base = prepare(load_catalog(scenario.catalog_path()), scenario)
    for n in sizes:
        start = time.perf_counter()
        ext = build_extensive(base, [sample_inputs(base, DEFAULT_UNCERTAINTY, i) for i in range(n)])
        built_s = time.perf_counter() - start
        result = solve(ext.built, SolverOptions("highs", 60.0, 0.005))
        gap = "-" if result.mip_gap is None else f"{result.mip_gap:.2%}"
        print(f"| {path.split('/')[-1]} | {n} | {ext.variables} | {ext.constraints} | {built_s:.1f} | "
              f"{result.time_s:.1f} | {result.status.value} | {gap} |", flush=True)
        if not result.status.has_solution or result.time_s > 60:
            break


def main() -> None:
    """Print the two tables of docs/performance.md ("Robustness")."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--samples", type=int, default=40)
    ap.add_argument("--sizes", default="10,20,40,80,160")
    args = ap.parse_args()
    print("| scenario | backend | futures | s | futures/s | same results |\n|---|---|---|---|---|---|")
    for path in EXAMPLES[:2]:
        throughput(path, args.samples)
    print("\n| scenario | futures | variables | constraints | build s | solve s | status | gap |\n"
          "|---|---|---|---|---|---|---|---|")
    for path in EXAMPLES:
        extensive(path, [int(x) for x in args.sizes.split(",")])


if __name__ == "__main__":
    main()

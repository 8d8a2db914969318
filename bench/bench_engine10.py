"""Benchmark: where the time of a multi-year solve goes, before and after the issue-12 engine changes.

Run: ``python -m bench.bench_engine10 [--sites 30] [--devices 300] [--years 10] [--time-limit S] [--gap G]
[--variants before,after]``. Prints a Markdown table. Not a test.

The instance is ``bench.generate`` (seed 42) over ``--years`` years (the "10-year L" of issue 12 by default:
30 sites x 300 devices x 10 years, about 299,000 variables). Each variant runs the planner's pipeline in this
process, stage by stage, with the time limit counted from the start of the run (as ``make_plan`` does):

* **before**: the full model (no reduction), no starting plan, ``used`` binary;
* **after**: dominated devices removed (``planner.model.reduce``), the floors' starting plan handed to HiGHS
  (``planner.model.start``), ``used`` continuous.

Both wall-clock and CPU seconds (this process, HiGHS threads included) are printed: the machine is shared, and
CPU seconds move less with the load. Ratios compare variants of one run.
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import highspy
import pulp

from bench.generate import add_instance_arguments, generate
from planner import solve as solve_module
from planner.checks import validate
from planner.inputs import prepare
from planner.model import build_model
from planner.model.reduce import reduce_dominated, with_removed
from planner.planbuild import from_solution
from planner.scenario import SolverOptions


@contextmanager
def before_changes() -> Iterator[None]:
    """The engine as it was: no starting plan (the reduction is skipped and ``used`` made binary by the caller)."""
    start = solve_module.starting_point
    solve_module.starting_point = lambda *_a: None  # type: ignore[assignment]
    try:
        yield
    finally:
        solve_module.starting_point = start  # type: ignore[assignment]


class Clock:
    """Wall and CPU seconds of named stages."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self._w, self._c = time.perf_counter(), time.process_time()

    def lap(self, name: str) -> None:
        """Close the stage ``name``."""
        w, c = time.perf_counter(), time.process_time()
        self.wall[name], self.cpu[name] = w - self._w, c - self._c
        self._w, self._c = w, c


def run(variant: str, sites: int, devices: int, years: int, limit: float, gap: float) -> dict[str, Any]:
    """One variant end to end; stage times and the outcome."""
    catalog, scenario = generate(sites, devices, seed=42, years=years)
    clock, begun = Clock(), time.perf_counter()
    validate(catalog, scenario)
    inputs = prepare(catalog, scenario)
    clock.lap("prepare")
    reduced = reduce_dominated(inputs) if variant == "after" else None
    clock.lap("reduce")
    built = build_model(reduced.inputs if reduced else inputs)
    if variant == "before":  # "in use in some year" as the binary it was
        for var in built.variables.present.values():
            if isinstance(var, pulp.LpVariable) and var.name.startswith("used_"):
                var.cat = pulp.LpInteger
    clock.lap("build")
    result = solve_module.solve(built, SolverOptions("highs", limit, gap), started=begun)
    clock.lap("solve")
    plan = from_solution(inputs, with_removed(result, inputs) if reduced else result, scenario.to_dict())
    clock.lap("plan")
    return {"variant": variant, "vars": len(built.prob.variables()), "rows": len(built.prob.constraints()),
            "removed": len(reduced.removed) if reduced else 0, "clock": clock,
            "phases": {p.objective: p for p in result.phases}, "status": plan.status, "gap": result.mip_gap,
            "value": plan.benefit}


def _fmt(x: float | None, spec: str = ".1f") -> str:
    return "–" if x is None else format(x, spec)


def _row(r: dict[str, Any]) -> str:
    c, ph = r["clock"], r["phases"]
    p1, p2 = ph.get("max_benefit"), ph.get("min_cost_at_max_benefit")
    gap = "n/a" if r["gap"] is None else f"{r['gap']:.2%}"
    return (f"| {r['variant']} | {r['vars']:,} | {r['rows']:,} | {r['removed']:,} | "
            f"{c.wall['prepare'] + c.wall['reduce']:.1f} | {c.wall['build']:.1f} | "
            f"{_fmt(p1.time_s if p1 else None)} {p1.status.value if p1 else ''} | "
            f"{_fmt(p2.time_s if p2 else None)} {p2.status.value if p2 else ''} | {c.wall['plan']:.1f} | "
            f"{sum(c.wall.values()):.1f} ({sum(c.cpu.values()):.1f}) | {r['status']} | {gap} | "
            f"{_fmt(r['value'], '.2f')} |")


def main() -> None:
    """Print the table."""
    ap = argparse.ArgumentParser()
    add_instance_arguments(ap, sites=30, devices=300, time_limit=600.0)
    ap.add_argument("--variants", default="before,after")
    args = ap.parse_args()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}, Python "
          f"{platform.python_version()}, PuLP {pulp.__version__}, highspy {getattr(highspy, '__version__', '')}; "
          f"{args.sites} sites x {args.devices} devices x {args.years} years, gap {args.gap:g}, "
          f"limit {args.time_limit:g} s from the start of the run")
    print("| variant | vars | rows | removed | prepare s | build s | phase 1 s | phase 2 s | plan s | total s "
          "(CPU s) | status | gap | value |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for variant in args.variants.split(","):
        if variant == "before":
            with before_changes():
                r = run(variant, args.sites, args.devices, args.years, args.time_limit, args.gap)
        else:
            r = run(variant, args.sites, args.devices, args.years, args.time_limit, args.gap)
        print(_row(r), flush=True)


if __name__ == "__main__":
    main()

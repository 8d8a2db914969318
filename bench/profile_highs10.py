"""Benchmark: HiGHS alone on the phase-1 model of a generated multi-year instance (issue 12, third round).

Run: ``python -m bench.profile_highs10 [--sites 3] [--devices 60] [--years 10] [--time-limit S] [--gap G]
[--mps PATH] [--relaxation] [--option name=value ...]``. Builds the planner's model (dominated devices removed),
loads it into HiGHS with the phase-1 objective (maximise the clinical value), optionally writes it as MPS, and
runs HiGHS with the given options (``presolve=off``, ``mip_detect_symmetry=false``, ``solver=ipm``...), with its
log on the console: presolve, root LP and search times are read there. ``--relaxation`` solves the LP
relaxation alone (``solve_relaxation``). Prints wall and CPU seconds, status, objective and dual bound. Not a
test.
"""

from __future__ import annotations

import argparse
import time

from bench.generate import add_instance_arguments, generate
from planner.checks import validate
from planner.highs_session import HighsSession
from planner.inputs import prepare
from planner.model import build_model
from planner.model.reduce import reduce_dominated


def option_value(text: str) -> bool | int | float | str:
    """A HiGHS option value typed from its text.

    >>> option_value("false"), option_value("2"), option_value("0.5"), option_value("ipm")
    (False, 2, 0.5, 'ipm')
    """
    if text in ("true", "false"):
        return text == "true"
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def phase1_session(sites: int, devices: int, years: int, gap: float) -> HighsSession:
    """The planner's model of the generated instance in HiGHS, objective: maximise the clinical value."""
    catalog, scenario = generate(sites, devices, seed=42, years=years)
    validate(catalog, scenario)
    built = build_model(reduce_dominated(prepare(catalog, scenario)).inputs)
    session = HighsSession(built.prob, gap)
    session.set_objective(built.benefit, maximise=True)
    return session


def main() -> None:
    """Build, optionally write the MPS, run HiGHS with the options, print the outcome."""
    ap = argparse.ArgumentParser()
    add_instance_arguments(ap, sites=3, devices=60, time_limit=120.0)
    ap.add_argument("--mps", default="")
    ap.add_argument("--relaxation", action="store_true")
    ap.add_argument("--option", action="append", default=[], help="a HiGHS option, name=value")
    args = ap.parse_args()
    session = phase1_session(args.sites, args.devices, args.years, args.gap)
    highs = session.highs
    if args.mps:
        highs.writeModel(args.mps)
    highs.setOptionValue("output_flag", True)
    highs.setOptionValue("time_limit", args.time_limit)
    highs.setOptionValue("solve_relaxation", args.relaxation)
    for item in args.option:
        name, _, value = item.partition("=")
        highs.setOptionValue(name, option_value(value))
    wall, cpu = time.perf_counter(), time.process_time()
    highs.run()
    info = highs.getInfo()
    bound = "" if args.relaxation else f", dual bound {-info.mip_dual_bound:.2f}, gap {info.mip_gap:.2%}"
    print(f"{args.sites} x {args.devices} x {args.years}: {highs.getNumCol():,} columns, {highs.getNumRow():,} rows; "
          f"{highs.modelStatusToString(highs.getModelStatus())} in {time.perf_counter() - wall:.1f} s "
          f"({time.process_time() - cpu:.1f} CPU s); objective (value) {-info.objective_function_value:.2f}{bound}")


if __name__ == "__main__":
    main()

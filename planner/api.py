"""``make_plan(catalog, scenario, options) -> Plan``: the one entry point of the pipeline.

catalog + scenario -> checks -> prepare -> merge model twins -> build_model -> solve -> Plan (with its purchase
lines stated as functions, ``planner.specs``).
"""

from __future__ import annotations

import dataclasses
import os
import time

from planner.catalog import Catalog
from planner.checks import validate
from planner.diagnose import diagnose
from planner.errors import PlannerSolverError
from planner.inputs import prepare
from planner.model import build_model
from planner.model.reduce import Reduction, reduce_dominated, with_removed, worth_reducing
from planner.plan import Plan
from planner.planbuild import from_solution
from planner.progress import SolveReport, SolveWatch
from planner.scenario import Scenario, SolverOptions
from planner.solve import PhaseWatch, SolveResult, SolveStatus, solve, solver_version
from planner.specs.functions import load_functions
from planner.specs.lines import purchase_specs
from planner.specs.twins import merge_twins

#: Seconds the solver needs at least: a run whose preparation used all but this of the time limit stops there
#: (``time_limit_no_solution``).
MIN_SOLVE_S = 0.05


def make_plan(catalog: Catalog, scenario: Scenario, options: SolverOptions | None = None,
              write_mps: str | os.PathLike[str] | None = None, watch: SolveWatch | None = None) -> Plan:
    """Validate, build and solve the scenario; return a :class:`Plan` (possibly infeasible, with a diagnosis).

    ``options`` replaces the scenario's solver options. Raises :class:`~planner.errors.PlannerInputError`
    when the inputs have errors. The time limit counts from the start of the call: checks, preparation and
    model building use part of it. ``watch`` hears where the run stands (:class:`planner.progress.SolveReport`):
    each stage as it begins and, during the solver's phases, its bounds; what it raises stops the run.
    """
    start = time.perf_counter()
    options = options or scenario.solver
    report = _reporter(watch, start, options.time_limit_s)
    report("check", None, None, None)
    warnings = validate(catalog, scenario)
    inputs = prepare(catalog, scenario)
    functions = load_functions(catalog)
    merged = merge_twins(inputs)  # model twins -> one canonical representative (planner.specs.twins)
    # then dominated devices out of a large model (planner.model.reduce): same optimum, a smaller model
    reduction = reduce_dominated(merged.inputs) if worth_reducing(merged.inputs) else Reduction(merged.inputs, {})
    report("build", None, None, None)
    try:
        built = build_model(reduction.inputs)
    except (ArithmeticError, ValueError, TypeError) as exc:  # numbers the model cannot hold
        raise PlannerSolverError("building the model", exc) from exc
    if write_mps is not None:
        built.prob.setObjective(-1 * built.benefit if inputs.objective == "max_benefit" else built.tco)
        built.prob.writeMPS(str(write_mps))
    # the time limit bounds the whole run: preparing and building the model count against it
    remaining = options.time_limit_s - (time.perf_counter() - start)
    if remaining < MIN_SOLVE_S:
        result = SolveResult(SolveStatus.TIME_LIMIT_NO_SOLUTION, options.name, solver_version(options.name),
                             time.perf_counter() - start, None, ())
    else:
        result = with_removed(solve(built, dataclasses.replace(options, time_limit_s=remaining),
                                    watch=None if watch is None else report), merged.inputs)
    report("plan", None, None, None)
    plan = from_solution(merged.inputs, result, scenario.to_dict(), tuple(warnings), catalog.fingerprint)
    plan = dataclasses.replace(plan, specifications=purchase_specs(inputs, plan, functions, merged.groups,
                                                                   scenario.equivalence_tolerance))
    if result.status == SolveStatus.INFEASIBLE:
        report("diagnosis", None, None, None)
        plan = dataclasses.replace(plan, diagnosis=diagnose(inputs))
    return plan


def _reporter(watch: SolveWatch | None, start: float, limit_s: float) -> PhaseWatch:
    """``(stage, best, bound, gap)`` -> a :class:`SolveReport` to ``watch`` (nothing without one)."""
    def report(stage: str, best: float | None, bound: float | None, gap: float | None) -> None:
        if watch is not None:
            watch(SolveReport(stage, time.perf_counter() - start, limit_s, best, bound, gap))
    return report

"""``make_plan(catalog, scenario, options) -> Plan``: the one entry point of the pipeline.

catalog + scenario -> checks -> prepare -> build_model -> solve -> Plan.
"""

from __future__ import annotations

import dataclasses
import os
import time

from planner.catalog import Catalog
from planner.checks import validate
from planner.diagnose import diagnose
from planner.inputs import prepare
from planner.model import build_model
from planner.plan import Plan
from planner.planbuild import from_solution
from planner.scenario import Scenario, SolverOptions
from planner.solve import SolveStatus, solve


def make_plan(catalog: Catalog, scenario: Scenario, options: SolverOptions | None = None,
              write_mps: str | os.PathLike[str] | None = None) -> Plan:
    """Validate, build and solve the scenario; return a :class:`Plan` (possibly infeasible, with a diagnosis).

    ``options`` replaces the scenario's solver options. Raises :class:`~planner.errors.PlannerInputError`
    when the inputs have errors. The time limit counts from the start of the call: checks, preparation and
    model building use part of it.
    """
    started = time.perf_counter()
    warnings = validate(catalog, scenario)
    inputs = prepare(catalog, scenario)
    built = build_model(inputs)
    if write_mps is not None:
        built.prob.setObjective(-1 * built.benefit if inputs.objective == "max_benefit" else built.tco)
        built.prob.writeMPS(str(write_mps))
    result = solve(built, options or scenario.solver, started=started)
    plan = from_solution(inputs, result, scenario.to_dict(), tuple(str(w) for w in warnings), catalog.fingerprint)
    if result.status == SolveStatus.INFEASIBLE:
        plan = dataclasses.replace(plan, diagnosis=diagnose(inputs))
    return plan

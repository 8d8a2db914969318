"""Plan building is linear in the number of variables and gives the same plan as the direct formulation."""

from __future__ import annotations

import dataclasses

import pulp
import pytest

from bench.generate import generate
from planner import planbuild
from planner.inputs import prepare
from planner.model import build_model, money
from planner.model.variables import Variables
from planner.scenario import SolverOptions
from planner.solve import solve


def _tco_rows_direct(inputs, v):
    """Each (site, device)'s TCO from the variables filtered for that pair (the former, quadratic way)."""
    rows = {}
    for s, d in inputs.candidates:
        if not inputs.installed.get((s, d)) and not any(n for (s2, d2, _m, _t), n in v.acquire.items()
                                                         if (s2, d2) == (s, d)):
            continue
        sub = dataclasses.replace(inputs, candidates=((s, d),))
        mine = Variables(*({k: x for k, x in part.items() if k[:2] == (s, d)}
                           for part in (v.acquire, v.present_t, v.cases_t, v.shortfall, v.buy, v.present, v.cases)))
        rows[(s, d)] = float(pulp.value(money.tco_expr(sub, mine)) or 0.0)
    return rows


@pytest.mark.parametrize(("sites", "devices"), [(3, 60), (5, 40)])
def test_tco_by_device_matches_the_direct_formulation(sites, devices):
    catalog, scenario = generate(sites, devices, seed=3)
    inputs = prepare(catalog, scenario)
    result = solve(build_model(inputs), SolverOptions("highs", 60, 0.0))
    plan = planbuild.from_solution(inputs, result, scenario.to_dict())
    v = planbuild.numeric_variables(inputs, {k: round(x) for k, x in result.acquire.items()},
                                    {k: round(x) for k, x in result.present_t.items()},
                                    {k: (x if x > 1e-7 else 0.0) for k, x in result.cases_t.items()})
    direct = _tco_rows_direct(inputs, v)
    assert {(r.site_id, r.device_id) for r in plan.tco_by_device} == set(direct)
    for r in plan.tco_by_device:
        assert r.tco_eur == pytest.approx(1000 * direct[(r.site_id, r.device_id)], rel=1e-9, abs=1e-6)
    assert sum(r.tco_eur for r in plan.tco_by_device) == pytest.approx(plan.costs.tco_eur, rel=1e-9)

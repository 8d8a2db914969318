"""Plan building gives each (site, device) its cost of ownership: the rows (computed in one pass over the
variables, linear in their number) equal an independent per-pair computation from the catalogue figures and the
solver's values (:mod:`tests.model.reference_costs`) and add up to the plan's TCO."""

from __future__ import annotations

import pytest

from bench.generate import generate
from planner import planbuild
from planner.inputs import prepare
from planner.model import build_model
from planner.scenario import SolverOptions
from planner.solve import solve
from tests.model.reference_costs import reference_costs


@pytest.mark.parametrize(("sites", "devices"), [(3, 60), (5, 40)])
@pytest.mark.slow
def test_tco_by_device_matches_an_independent_computation(sites, devices):
    catalog, scenario = generate(sites, devices, seed=3)
    inputs = prepare(catalog, scenario)
    result = solve(build_model(inputs), SolverOptions("highs", 60, 0.0))
    plan = planbuild.from_solution(inputs, result, scenario.to_dict())
    acquire = {k: round(x) for k, x in result.acquire.items()}
    ref = reference_costs(catalog, scenario, acquire, result.cases_t, result.refer, inputs.segmentation_eur)
    owned = {(s.id, d) for s in scenario.sites for d, n in s.installed.items() if n}
    owned |= {(s, d) for (s, d, _m, _t), n in acquire.items() if n}
    assert len(owned) >= 5
    assert {(r.site_id, r.device_id) for r in plan.tco_by_device} == owned
    for r in plan.tco_by_device:
        assert r.tco_eur == pytest.approx(ref.tco_by_pair[(r.site_id, r.device_id)], rel=1e-9, abs=1e-6)
    assert sum(r.tco_eur for r in plan.tco_by_device) == pytest.approx(plan.costs.tco_eur, rel=1e-9)
    assert plan.costs.tco_eur == pytest.approx(ref.tco, rel=1e-9)

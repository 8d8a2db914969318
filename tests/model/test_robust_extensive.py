"""The two-stage extensive form: its optimum equals a brute force over equipment choices; out of sample the
robust plan is at least as good as the deterministic one on the bundled examples."""

from __future__ import annotations

import itertools

import pytest

from planner.catalog import load_catalog
from planner.inputs import prepare
from planner.robust.backends import Backend
from planner.robust.evaluate import Equipment, solve_future
from planner.robust.extensive import build_extensive
from planner.robust.run import RobustOptions, run_robustness
from planner.robust.sampling import sample_inputs
from planner.robust.uncertainty import Distribution, Uncertainty
from planner.scenario import SolverOptions, load_scenario
from planner.solve import solve
from tests.builders import make_catalog, make_scenario

EXACT = SolverOptions("highs", 30.0, 0.0)


def tiny():
    """Three devices of capacity 60 serving two indications of uncertain demand, a capital budget for two
    units: which units to buy depends on the futures."""
    catalog = make_catalog(
        devices=[{"id": "d0", "capex_eur": 10000, "capacity_cases_per_year": 60},
                 {"id": "d1", "capex_eur": 10000, "capacity_cases_per_year": 60, "family": "imaging"},
                 {"id": "d2", "capex_eur": 20000, "capacity_cases_per_year": 60, "family": "imaging"}],
        indications=[{"id": "k0", "default_share": 0.05}, {"id": "k1", "default_share": 0.08}],
        coverage=[("d0", "k0", 0.10), ("d1", "k1", 0.06), ("d2", "k1", 0.09), ("d2", "k0", 0.04)])
    scenario = make_scenario(budget={"capex_eur": 30000})
    return catalog, scenario


def brute_force(base, futures):
    """Best expected value over every unit vector within the capital budget, each future's use optimised."""
    pairs = list(base.candidates)
    best = None
    for units in itertools.product(*(range(base.max_new[sd] + 1) for sd in pairs)):
        if sum(base.unit_capex(d) * n for (s, d), n in zip(pairs, units, strict=True)) > base.capex_budget_eur:
            continue
        t = base.horizon.start
        eq = Equipment({(s, d, "purchase", t): n for (s, d), n in zip(pairs, units, strict=True) if n},
                       {(s, d, t): 1 for (s, d), n in zip(pairs, units, strict=True) if n})
        values = []
        for fut in futures:
            level, _built, result = solve_future(fut, eq, EXACT)
            if level != "hard" or not result.status.has_solution:
                break
            values.append(result.benefit_value)
        else:
            mean = sum(values) / len(values)
            best = mean if best is None else max(best, mean)
    return best


def test_extensive_form_equals_brute_force():
    catalog, scenario = tiny()
    base = prepare(catalog, scenario)
    unc = Uncertainty(seed=5, indications={"k0": Distribution("uniform", low=-0.6, high=0.8),
                                           "k1": Distribution("uniform", low=-0.6, high=0.8)})
    futures = [sample_inputs(base, unc, i) for i in range(4)]
    ext = build_extensive(base, futures)
    result = solve(ext.built, EXACT)
    assert result.status.value == "optimal"
    assert result.benefit_value == pytest.approx(brute_force(base, futures), rel=1e-5)


@pytest.mark.parametrize("example", ["general_hospital", "university_hospital"])
@pytest.mark.slow
def test_robust_plan_out_of_sample_at_least_deterministic(example):
    scenario = load_scenario(f"examples/{example}.yaml")
    catalog = load_catalog(scenario.catalog_path())
    report = run_robustness(catalog, scenario, RobustOptions(mode="robust", samples=12, fit_samples=6,
                                                             backend=Backend(workers=1)))
    det, rob = report.plans
    print(f"{example}: robust {rob.value.mean:.4f} vs deterministic {det.value.mean:.4f} (out of sample, 12 futures)")
    assert rob.value.mean >= det.value.mean - 1e-6 * max(abs(det.value.mean), 1.0)

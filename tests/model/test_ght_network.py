"""The GHT example (issue 15): the plan concentrates circulatory support at the hub and refers the spokes'
shock cases there; flows respect the roles and time limits, and the costs reconcile with the objective."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner import load_catalog, load_scenario, make_plan
from tests.model.reference_costs import solver_benefit, solver_tco_eur

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ght_network.yaml"
MCS = ("impella", "ecmo", "iabp")


@pytest.fixture(scope="module")
def plan():
    sc = load_scenario(EXAMPLE)
    return make_plan(load_catalog(sc.catalog_path()), sc)


def test_mcs_is_concentrated_at_the_hub(plan):
    assert plan.has_solution
    sites = {a.site_id for a in plan.acquisitions if a.family in MCS and (a.units_new or a.units_installed)}
    assert sites == {"limoges"}


def test_the_spokes_refer_their_shock_to_the_hub(plan):
    shock = {(f.from_site, f.to_site) for f in plan.flows if f.indication_id == "cardiogenic_shock"}
    assert shock == {("brive", "limoges"), ("gueret", "limoges"), ("saint_junien", "limoges")}
    hub = next(c for c in plan.coverage if (c.site_id, c.indication_id) == ("limoges", "cardiogenic_shock"))
    assert hub.received_cases == pytest.approx(sum(f.cases_per_year for f in plan.flows
                                                   if f.indication_id == "cardiogenic_shock"), rel=1e-6)


def test_time_limits_and_roles_hold(plan):
    limits = {"cardiogenic_shock": 90, "refractory_shock_ecpr": 60, "mechanical_complication": 120, "anoca": 600}
    assert all(f.to_site == "limoges" and f.transfer_minutes <= limits[f.indication_id] for f in plan.flows)
    assert not any(f.from_site == "brive" and f.indication_id == "refractory_shock_ecpr" for f in plan.flows)


def test_costs_reconcile_with_the_objective(plan):
    """Against HiGHS's own objective values and the scenario's transport price; tests/model/test_invariants.py
    checks every cost of this plan against an independent computation."""
    assert plan.benefit == pytest.approx(solver_benefit(plan), rel=1e-5)
    assert plan.costs.tco_eur == pytest.approx(solver_tco_eur(plan), rel=1e-6)
    assert plan.years == (2027,)
    transport = load_scenario(EXAMPLE).referral_rules.transport_eur_per_case
    assert transport == 900
    assert plan.costs.transport_eur_per_year == pytest.approx(transport * sum(f.cases_per_year for f in plan.flows),
                                                              rel=1e-9)
    assert plan.costs.opex_eur_per_year <= 1_800_000 + 1

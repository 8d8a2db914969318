"""Referrals between sites (issue 15), one tiny model per rule with an optimum known by construction.

Two sites of 100 STEMI a year: 10 shock cases each (share 0.1). Shock needs the shock_centre role; a pump
case avoids 0.5 weighted events, a pump costs 10 000 EUR over 10 years (1 000 EUR a year annualised)."""

from __future__ import annotations

import pytest

from planner import make_plan
from planner.checks import run_checks
from planner.errors import PlannerInputError
from planner.inputs import prepare
from planner.model import build_model
from planner.model.build import REFERRAL_FAMILIES
from planner.referrals import great_circle_km
from tests.builders import make_catalog, make_scenario
from tests.model.reference_costs import solver_benefit, solver_tco_eur

SHOCK = [{"id": "shock", "base_activity": "stemi", "default_share": 0.1, "required_role": "shock_centre"}]
HUB = {"id": "hub", "roles": ["shock_centre"], "latitude": 45.0, "longitude": 5.0}
SPOKE = {"id": "spoke", "latitude": 45.3, "longitude": 5.0}  # 33.4 km north: 33 min at 60 km/h
LINK = {"from": "spoke", "to": "hub", "indications": ["shock"], "transfer_minutes": 40}


def approx(x):
    return pytest.approx(x, rel=1e-5, abs=1e-3)


def catalog(capacity=1000, min_cases=0):
    return make_catalog([{"id": "pump", "family": "mcs", "capacity_cases_per_year": capacity}], SHOCK,
                        [("pump", "shock", 0.5)], families=[{"id": "mcs", "min_cases_per_year": min_cases}])


def plan_of(cat, sites=(HUB, SPOKE), **top):
    plan = make_plan(cat, make_scenario(list(sites), **top))
    assert plan.status == "optimal"
    return plan


def cov(plan, site, k="shock"):
    return next(c for c in plan.coverage if (c.site_id, c.indication_id) == (site, k))


def flows(plan):
    return [(f.from_site, f.to_site, f.indication_id, round(f.cases_per_year, 3)) for f in plan.flows]


def test_the_hub_serves_the_referred_cases_and_the_spoke_refers_them():
    plan = plan_of(catalog(), referrals=[LINK])
    assert flows(plan) == [("spoke", "hub", "shock", 10.0)]
    assert plan.benefit == approx(20 * 0.5)
    hub, spoke = cov(plan, "hub"), cov(plan, "spoke")
    assert (hub.served_cases, hub.received_cases, hub.coverage_share) == (approx(20), approx(10), approx(1))
    assert (spoke.served_cases, spoke.referred_cases, spoke.without_receiver_cases) == (0, approx(10), 0)
    assert [a.code for a in plan.alerts] == ["referred"]


def test_received_cases_count_against_the_receivers_capacity():
    # one pump of 15 cases (budget for one): the hub serves its 10 and 5 received; 5 spoke cases have no room
    plan = plan_of(catalog(capacity=15), referrals=[LINK], budget={"capex_eur": 10000})
    assert flows(plan) == [("spoke", "hub", "shock", 5.0)]
    assert plan.benefit == approx(15 * 0.5)
    assert cov(plan, "spoke").without_receiver_cases == approx(5)
    assert "no_receiver" in [a.code for a in plan.alerts]


def test_received_cases_count_towards_the_receivers_minimum_volume():
    # two shock centres of 10 cases each, a pump needs 15 a year: alone neither uses one, together one does
    sites = (HUB, {**SPOKE, "roles": ["shock_centre"]})
    assert plan_of(catalog(min_cases=15), sites).benefit == approx(0)
    plan = plan_of(catalog(min_cases=15), sites, referrals=[LINK])
    assert flows(plan) == [("spoke", "hub", "shock", 10.0)]
    assert plan.benefit == approx(10.0)
    assert [(a.site_id, a.units_new) for a in plan.acquisitions if a.units_new] == [("hub", 1)]


def test_a_link_longer_than_the_time_limit_is_not_used():
    rules = {"max_minutes": {"shock": 30}}
    sc = make_scenario([HUB, SPOKE], referrals=[LINK], referral_rules=rules)
    assert [i.severity for i in run_checks(catalog(), sc) if i.field == "transfer_minutes"] == ["warning"]
    plan = plan_of(catalog(), referrals=[LINK], referral_rules=rules)
    assert plan.flows == ()
    assert plan.benefit == approx(5.0)
    assert cov(plan, "spoke").referred_cases == approx(10)  # no route: referred outside the plan, as without links


@pytest.mark.parametrize(("limit", "linked"), [(45, True), (30, False)])
def test_links_generated_from_coordinates_within_the_time_limit(limit, linked):
    assert great_circle_km(45.0, 5.0, 45.3, 5.0) == pytest.approx(33.36, abs=0.01)
    plan = plan_of(catalog(), referral_rules={"max_minutes": {"shock": limit}, "speed_kmh": 60})
    assert flows(plan) == ([("spoke", "hub", "shock", 10.0)] if linked else [])
    assert [(f.transfer_minutes, f.estimate) for f in plan.flows] == ([(33.4, True)] if linked else [])


def test_a_receiver_without_the_role_is_refused_at_validation():
    bad = {**LINK, "to": "spoke", "from": "hub"}
    with pytest.raises(PlannerInputError, match="lacks the role cardiogenic shock centre"):
        make_plan(catalog(), make_scenario([HUB, SPOKE], referrals=[bad]))


@pytest.mark.parametrize(("limit", "cases"), [({"max_share": 0.4}, 4.0), ({"max_cases": 3}, 3.0)])
def test_the_share_or_number_limit_of_a_link(limit, cases):
    plan = plan_of(catalog(), referrals=[{**LINK, **limit}])
    assert flows(plan) == [("spoke", "hub", "shock", cases)]
    assert plan.benefit == approx((10 + cases) * 0.5)


def test_value_loss_and_transport_enter_the_value_and_the_running_costs():
    link = {**LINK, "value_loss_per_case": 0.1, "transport_eur_per_case": 500}
    plan = plan_of(catalog(), referrals=[link])
    assert plan.benefit == approx(20 * 0.5 - 10 * 0.1)
    assert plan.costs.transport_eur_per_year == approx(5000)
    assert plan.costs.tco_eur == approx(1000 + 5000)  # one pump annualised + transport
    assert plan.costs.tco_eur == approx(solver_tco_eur(plan))
    assert plan.benefit == approx(solver_benefit(plan))
    assert [(f.value_lost, f.transport_eur) for f in plan.flows] == [(approx(1.0), approx(5000))]


def test_a_loss_above_the_value_of_a_case_stops_the_referral():
    plan = plan_of(catalog(), referrals=[{**LINK, "value_loss_per_case": 0.6}])
    assert plan.flows == ()
    assert plan.benefit == approx(5.0)


def test_the_opex_budget_counts_transport():
    link = {**LINK, "transport_eur_per_case": 500}
    plan = plan_of(catalog(), referrals=[link], budget={"opex_eur_per_year": 2000})
    assert flows(plan) == [("spoke", "hub", "shock", 4.0)]


def test_no_routes_means_the_same_model():
    cat = catalog()
    plain = build_model(prepare(cat, make_scenario([HUB, SPOKE]))).prob
    # rules without coordinates make no route: the model is today's, name for name
    sc = make_scenario([{**HUB, "latitude": None}, {**SPOKE, "longitude": None}],
                       referral_rules={"max_minutes": {"shock": 90}})
    same = build_model(prepare(cat, sc)).prob
    assert [(c.name, str(c)) for c in same.constraints()] == [(c.name, str(c)) for c in plain.constraints()]
    assert [x.name for x in same.variables()] == [x.name for x in plain.variables()]
    linked = build_model(prepare(cat, make_scenario([HUB, SPOKE], referrals=[LINK]))).prob
    names = [c.name for c in linked.constraints()]
    assert {f for f in REFERRAL_FAMILIES if any(n.startswith(f) for n in names)} == {"referral_origin",
                                                                                    "referral_served"}
    assert "refer_spoke_hub_shock" in [x.name for x in linked.variables()]


def test_referrals_in_a_multi_year_plan():
    plan = plan_of(catalog(), referrals=[LINK], horizon_years=2, start_year=2027)
    assert [(f.year, round(f.cases_per_year, 3)) for f in plan.flows] == [(2027, 10.0), (2028, 10.0)]
    names = [x.name for x in build_model(prepare(catalog(), make_scenario(
        [HUB, SPOKE], referrals=[LINK], horizon_years=2, start_year=2027))).prob.variables()]
    assert "refer_spoke_hub_shock_2028" in names


@pytest.mark.parametrize(("link", "where", "message"), [
    ({**LINK, "to": "nowhere"}, "referrals[0].to", "unknown site id"),
    ({**LINK, "to": "spoke"}, "referrals[0].to", "cannot refer to itself"),
    ({**LINK, "indications": []}, "referrals[0].indications", "is required"),
    ({**LINK, "max_share": 1.5}, "referrals[0].max_share", "must be <="),
])
def test_link_errors_are_located(link, where, message):
    with pytest.raises(PlannerInputError) as err:
        make_scenario([HUB, SPOKE], referrals=[link])
    assert any(where in i.location and message in i.message for i in err.value.issues)


def test_unknown_indication_in_a_link_is_an_error():
    sc = make_scenario([HUB, SPOKE], referrals=[{**LINK, "indications": ["nope"]}])
    assert [(i.location, i.severity) for i in run_checks(catalog(), sc) if i.field == "indication_id"] == [
        ("referrals[0].indications[0]", "error")]


def test_a_scenario_with_links_round_trips():
    sc = make_scenario([HUB, SPOKE], referrals=[{**LINK, "max_cases": 3, "source": "SAMU 2025"}],
                       referral_rules={"max_minutes": {"shock": 90}, "speed_kmh": 70})
    again = make_scenario([s for s in sc.to_dict()["sites"]], referrals=sc.to_dict()["referrals"],
                          referral_rules=sc.to_dict()["referral_rules"])
    assert again.referrals == sc.referrals and again.referral_rules == sc.referral_rules
    assert again.sites == sc.sites

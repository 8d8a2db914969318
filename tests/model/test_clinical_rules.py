"""Clinical rules of issue 11, one tiny model each with an optimum known by construction: site roles, required
equipment, minimum volumes, share caps with a fallback family, harmful pairs, and the value itself."""

from __future__ import annotations

import pytest

from planner import make_plan
from planner.checks import run_checks
from planner.errors import PlannerInputError
from planner.inputs import prepare
from planner.model import build_model
from tests.builders import make_catalog, make_scenario


def approx(x):
    return pytest.approx(x, rel=1e-5, abs=1e-3)


def cov(plan, k, site="s1"):
    return next(c for c in plan.coverage if (c.site_id, c.indication_id) == (site, k))


def in_use(plan, d, site="s1"):
    return any(a.in_use for a in plan.acquisitions if (a.site_id, a.device_id) == (site, d))


SHOCK = [{"id": "shock", "base_activity": "stemi", "default_share": 0.1, "required_role": "shock_centre"},
         {"id": "k1", "base_activity": "pci", "default_share": 0.1}]  # demand 10 shock, 100 k1 at the default site


def test_site_without_the_role_refers_the_cases_and_buys_nothing_for_them():
    cat = make_catalog([{"id": "pump", "family": "mcs"}, {"id": "wire"}], SHOCK,
                       [("pump", "shock", 0.5), ("wire", "k1", 0.1)])
    plan = make_plan(cat, make_scenario())
    assert plan.status == "optimal"
    assert not in_use(plan, "pump")
    c = cov(plan, "shock")
    assert (c.served_cases, c.referred_cases, c.not_covered_cases) == (0, approx(10.0), 0)
    assert plan.benefit == approx(10.0)  # 100 k1 cases x 0.1; the shock cases are referred, not lost value here
    assert [(a.code, a.indication_id, a.role) for a in plan.alerts] == [("referred", "shock", "shock_centre")]


def test_site_with_the_role_serves_the_cases():
    cat = make_catalog([{"id": "pump", "family": "mcs"}, {"id": "wire"}], SHOCK,
                       [("pump", "shock", 0.5), ("wire", "k1", 0.1)])
    plan = make_plan(cat, make_scenario([{"roles": ["shock_centre"]}]))
    assert in_use(plan, "pump")
    assert cov(plan, "shock").served_cases == approx(10.0)
    assert plan.benefit == approx(10.0 * 0.5 + 100 * 0.1)


def test_family_role_keeps_a_device_out_of_a_site_without_the_role():
    fams = [{"id": "mcs", "required_role": "shock_centre"}, {"id": "physiology"}]
    inds = [{"id": "k1", "base_activity": "pci", "default_share": 0.1}]
    cat = make_catalog([{"id": "pump", "family": "mcs"}], inds, [("pump", "k1", 1.0)], families=fams)
    assert make_plan(cat, make_scenario()).benefit == approx(0.0)
    assert make_plan(cat, make_scenario([{"roles": ["shock_centre"]}])).benefit == approx(100.0)
    # an installed pump at a site without the role stays idle, and the plan says why
    plan = make_plan(cat, make_scenario([{"installed": {"pump": 1}}]))
    assert not in_use(plan, "pump")
    assert [(a.code, a.device_id, a.role) for a in plan.alerts] == [("role_missing_device", "pump", "shock_centre")]


def test_required_indication_is_served_in_full_and_outside_the_value():
    inds = [{"id": "act", "base_activity": "pci", "default_share": 1.0, "required": "yes"},
            {"id": "k1", "base_activity": "pci", "default_share": 0.1}]
    cat = make_catalog([{"id": "analyser", "family": "act", "capex_eur": 5000, "consumable_eur_per_case": 20},
                        {"id": "wire"}], inds,
                       [{"device_id": "analyser", "indication_id": "act", "effectiveness": 1.0, "strategy": ""},
                        ("wire", "k1", 0.5)])
    plan = make_plan(cat, make_scenario(budget={"capex_eur": 1e6}))
    assert cov(plan, "act").served_cases == approx(1000.0)
    assert cov(plan, "act").min_coverage == 1.0 and cov(plan, "act").required
    assert plan.benefit == approx(50.0)  # only k1: 100 x 0.5
    assert cov(plan, "act").events_avoided == 0.0
    # the scenario may lift the requirement: then nothing forces the analyser, and it adds no value
    free = make_plan(cat, make_scenario(indications={"act": {"required": False}}))
    assert not in_use(free, "analyser")


def test_min_volume_keeps_a_device_out_below_its_family_minimum():
    fams = [{"id": "ra", "min_cases_per_year": 50}]
    inds = [{"id": "calc", "base_activity": "pci", "default_share": 0.03}]  # 30 cases a year
    cat = make_catalog([{"id": "burr", "family": "ra"}], inds, [("burr", "calc", 1.0)], families=fams)
    low = make_plan(cat, make_scenario())
    assert not in_use(low, "burr") and low.benefit == approx(0.0)
    names = [c.name for c in build_model(prepare(cat, make_scenario())).prob.constraints()]
    assert "min_volume_s1_burr" in names
    high = make_plan(cat, make_scenario([{"activity": {"cag": 1000, "pci": 2000, "stemi": 100}}]))  # 60 cases
    assert in_use(high, "burr") and high.benefit == approx(60.0)


def test_min_volume_makes_a_floor_infeasible_and_the_plan_says_so():
    fams = [{"id": "ra", "min_cases_per_year": 50}]
    inds = [{"id": "calc", "base_activity": "pci", "default_share": 0.03, "default_min_coverage": 0.5}]
    cat = make_catalog([{"id": "burr", "family": "ra"}], inds, [("burr", "calc", 1.0)], families=fams)
    assert make_plan(cat, make_scenario()).status == "infeasible"


def test_share_cap_and_fallback_family_keep_a_wire_beside_angio_ffr():
    fams = [{"id": "angio_ffr", "requires_family": "physiology"}, {"id": "physiology"}]
    inds = [{"id": "phys", "base_activity": "pci", "default_share": 0.1}]  # 100 cases
    devices = [{"id": "qfr", "family": "angio_ffr", "capex_eur": 1000, "consumable_eur_per_case": 0},
               {"id": "wire", "family": "physiology", "capex_eur": 1000, "consumable_eur_per_case": 700}]
    coverage = [{"device_id": "qfr", "indication_id": "phys", "effectiveness": 0.9, "max_share": 0.8},
                ("wire", "phys", 1.0)]
    cat = make_catalog(devices, inds, coverage, families=fams)
    plan = make_plan(cat, make_scenario(budget={"opex_eur_per_year": 1e6}))
    cases = {a.device_id: a.cases_per_year for a in plan.allocation}
    # the wire is worth more per case, so it serves everything when money allows
    assert cases == {"wire": approx(100.0)}
    tight = make_plan(cat, make_scenario(budget={"opex_eur_per_year": 7000}))  # 10 wire cases
    cases = {a.device_id: a.cases_per_year for a in tight.allocation}
    assert cases["qfr"] == approx(80.0) and cases["wire"] == approx(10.0)  # capped at 80 %, wire kept
    assert in_use(tight, "wire") and in_use(tight, "qfr")
    names = [c.name for c in build_model(prepare(cat, make_scenario())).prob.constraints()]
    assert "share_cap_s1_angio_ffr_phys" in names and "requires_s1_qfr" in names
    # without any wire console possible, angio-FFR cannot be used at all
    no_wire = make_plan(cat, make_scenario(exclude=["wire"]))
    assert not in_use(no_wire, "qfr") and no_wire.benefit == approx(0.0)


def test_harmful_pair_is_never_used_unless_a_floor_forces_it():
    inds = [{"id": "k1", "base_activity": "pci", "default_share": 0.1}]
    cat = make_catalog([{"id": "ecmo"}], inds,
                       [{"device_id": "ecmo", "indication_id": "k1", "effectiveness": 1.0, "strategy": ""}])
    cat = _with_harm(cat)
    plan = make_plan(cat, make_scenario())
    assert not in_use(plan, "ecmo") and plan.benefit == approx(0.0)
    forced = make_plan(cat, make_scenario(indications={"k1": {"min_coverage": 0.2}}))
    assert forced.benefit == approx(-20 * 0.05)
    assert [(a.code, a.device_id) for a in forced.alerts] == [("harmful_use", "ecmo")]


def _with_harm(cat):
    """The catalogue with ecmo x k1 carrying a harm: 5 events added per 100 treated."""
    import dataclasses

    from planner.catalog import Coverage, Effect, Evidence
    ev = Evidence("harm", "test", 2024, "rct", "test", "none", "H", "event", control_rate_pct=0.0,
                  treated_rate_pct=5.0)
    return dataclasses.replace(
        cat, evidence={**cat.evidence, "harm": ev}, effects=(*cat.effects, Effect("harmful", "k1", "event", "harm")),
        coverage=tuple(Coverage(c.device_id, c.indication_id, 1.0, "I", "test", strategy="harmful")
                       for c in cat.coverage))


def test_outcome_weights_scale_the_value():
    inds = [{"id": "k1", "base_activity": "pci", "default_share": 0.1}]
    cat = make_catalog([{"id": "a"}], inds, [("a", "k1", 0.5)])
    assert make_plan(cat, make_scenario(outcome_weights={"event": 2.0})).benefit == approx(100.0)
    assert make_plan(cat, make_scenario(indications={"k1": {"weight": 3}})).benefit == approx(150.0)


def test_scenario_checks_roles_outcomes_and_the_new_meaning_of_weights():
    inds = [{"id": "k1", "base_activity": "pci", "default_share": 0.1}]
    cat = make_catalog([{"id": "a"}], inds, [("a", "k1", 0.5)])
    with pytest.raises(PlannerInputError, match="unknown role"):
        make_scenario([{"roles": ["cathedral"]}])
    issues = run_checks(cat, make_scenario(outcome_weights={"nope": 1.0}, indications={"k1": {"weight": 4}}))
    errors = [i for i in issues if i.severity == "error"]
    warnings = [i for i in issues if i.severity == "warning"]
    assert [i.field for i in errors] == ["outcome_id"]
    assert any("multiplier" in i.message for i in warnings)

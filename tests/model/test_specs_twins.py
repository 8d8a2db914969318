"""Model twins merged before solving, and the equivalents of a purchase line (:mod:`planner.specs`): planted
catalogues where the canonical representative and the distances are known by construction."""

from __future__ import annotations

import dataclasses

import pytest

from planner import make_plan
from planner.inputs import prepare
from planner.model import build_model
from planner.scenario import SolverOptions
from planner.solve import solve
from planner.specs.twins import merge_twins, twin_groups
from tests.builders import make_catalog, make_scenario

ONE_IND = [{"id": "k1", "base_activity": "pci", "default_share": 0.1}]  # demand 100 at the default site
BASE = {"capex_eur": 10000, "consumable_eur_per_case": 100, "estimate": "yes"}  # line cost 1,000 + 10,000 /yr


def _catalog(devices, effectiveness=None):
    eff = effectiveness or {}
    return make_catalog([{**BASE, **d} for d in devices], ONE_IND,
                        [(d["id"], "k1", eff.get(d["id"], 1.0)) for d in devices])


def _spec(plan):
    (spec,) = plan.specifications
    return spec


def test_identical_devices_merge_into_the_first_by_id():
    cat = _catalog([{"id": "zeta"}, {"id": "alpha"}, {"id": "mid"}])
    sc = make_scenario()
    assert twin_groups(prepare(cat, sc)) == {("s1", "alpha"): ("mid", "zeta")}
    spec = _spec(make_plan(cat, sc))
    assert spec.device_id == "alpha" and spec.units_new == 1
    assert [(e.device_id, e.value_distance, e.cost_distance, e.model_twin) for e in spec.equivalents] == [
        ("mid", 0.0, 0.0, True), ("zeta", 0.0, 0.0, True)]
    assert spec.annual_cost_eur == pytest.approx(11000, abs=0.1)  # phase 2 may give up 1e-6 of the value
    assert spec.cases_per_year == pytest.approx(100, abs=1e-3)


def test_a_device_with_sourced_figures_is_preferred_as_representative():
    cat = _catalog([{"id": "alpha"}, {"id": "zeta", "estimate": "no"}])
    assert _spec(make_plan(cat, make_scenario())).device_id == "zeta"


def test_twins_leave_the_model_and_the_optimum_is_unchanged():
    cat = _catalog([{"id": "a"}, {"id": "b"}, {"id": "c", "consumable_eur_per_case": 90}])
    sc = make_scenario(budget={"opex_eur_per_year": 12000})
    inputs = prepare(cat, sc)
    merged = merge_twins(inputs)
    built = build_model(merged.inputs)
    assert ("s1", "b") not in built.variables.present and ("s1", "a") in built.variables.present
    assert ("s1", "c") in built.variables.present  # differs in price: not a twin
    full = solve(build_model(inputs), SolverOptions())
    fewer = solve(built, SolverOptions())
    assert fewer.benefit_value == pytest.approx(full.benefit_value)
    assert fewer.tco_value == pytest.approx(full.tco_value)
    plan = make_plan(cat, sc)
    assert plan.costs.tco_eur == pytest.approx(plan.solver.objective_tco_eur)
    assert _spec(plan).device_id == "c"  # the cheaper consumable: chosen by the data


def test_must_include_devices_are_never_merged():
    cat = _catalog([{"id": "a"}, {"id": "b"}])
    assert twin_groups(prepare(cat, make_scenario(must_include=["b"]))) == {}


def test_twins_merge_into_the_installed_product_which_stays():
    cat = _catalog([{"id": d, "capacity_cases_per_year": 100} for d in ("a", "b", "c", "d")])
    sc = make_scenario([{"installed": {"c": 1, "d": 1}}])
    assert twin_groups(prepare(cat, sc)) == {("s1", "c"): ("a", "b")}  # d installed too: it stays
    plan = make_plan(cat, make_scenario([{"installed": {"c": 1}}]))  # 100 cases: the installed unit serves them
    assert [(a.device_id, a.units_new, a.units_installed) for a in plan.acquisitions] == [("c", 0, 1)]
    plan = make_plan(cat, make_scenario([{"installed": {"c": 1}}], indications={"k1": {"share": 0.3}}))
    assert [(a.device_id, a.units_new, a.units_installed) for a in plan.acquisitions] == [("c", 2, 1)]
    spec = _spec(plan)  # 300 cases: two more units of the installed product, the others named as equivalents
    assert spec.device_id == "c" and [(e.device_id, e.model_twin) for e in spec.equivalents] == [
        ("a", True), ("b", True), ("d", True)]


def test_consoles_merge_only_when_the_same_devices_require_them():
    devices = [{"id": "opt", "capex_eur": 1000, "requires": "con_a;con_b"}, {"id": "con_a"}, {"id": "con_b"},
               {"id": "con_c"}]
    groups = twin_groups(prepare(_catalog(devices), make_scenario()))
    assert groups == {("s1", "con_a"): ("con_b",)}  # con_c is required by nothing: not like the other two
    devices.append({"id": "opt2", "capex_eur": 2000, "requires": "con_a"})  # only con_a hosts this option
    assert twin_groups(prepare(_catalog(devices), make_scenario())) == {}


def test_equivalents_within_the_tolerance_of_value_and_cost():
    devices = [{"id": "base"}, {"id": "near", "consumable_eur_per_case": 104},  # cost +400 / 11,000 = +3.6 %
               {"id": "weaker"},  # value -3 %
               {"id": "far", "consumable_eur_per_case": 110},  # cost +9.1 %
               {"id": "ge_only", "compatible_angio": "ge"},  # not usable with the site's philips angiography
               {"id": "other_family", "family": "ivus", "consumable_eur_per_case": 101}]  # another function
    cat = _catalog(devices, {"weaker": 0.97})
    spec = _spec(make_plan(cat, make_scenario()))
    assert spec.device_id == "base" and spec.tolerance == 0.05
    got = {e.device_id: (e.value_distance, e.cost_distance, e.model_twin) for e in spec.equivalents}
    assert got == {"near": (0.0, pytest.approx(400 / 11000, abs=1e-6), False),
                   "weaker": (pytest.approx(-0.03, abs=1e-6), 0.0, False)}
    wider = _spec(make_plan(cat, make_scenario(equivalence_tolerance=0.1)))
    assert {e.device_id for e in wider.equivalents} == {"near", "weaker", "far"}
    none = _spec(make_plan(cat, make_scenario(equivalence_tolerance=0)))
    assert none.equivalents == ()


def test_a_device_that_cannot_serve_the_line_is_not_an_equivalent():
    cat = make_catalog([{**BASE, "id": "a"}, {**BASE, "id": "b"}],
                       [*ONE_IND, {"id": "k2", "base_activity": "pci", "default_share": 0.05}],
                       [("a", "k1", 1.0), ("a", "k2", 1.0), ("b", "k1", 1.0)])
    spec = _spec(make_plan(cat, make_scenario()))
    assert spec.device_id == "a" and spec.equivalents == ()


def test_tolerance_out_of_range_is_an_input_error():
    from planner import PlannerInputError  # noqa: PLC0415

    with pytest.raises(PlannerInputError) as exc:
        make_scenario(equivalence_tolerance=1.5)
    assert "equivalence_tolerance" in str(exc.value)


def test_specifications_round_trip_through_json():
    from planner import Plan  # noqa: PLC0415

    plan = make_plan(_catalog([{"id": "a"}, {"id": "b"}]), make_scenario())
    assert Plan.from_json(plan.to_json()) == plan
    assert dataclasses.asdict(plan)["specifications"][0]["equivalents"][0]["model_twin"] is True

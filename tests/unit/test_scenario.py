"""Scenario parsing: every structural error located by key path and YAML line; YAML round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner import PlannerInputError, load_catalog, load_scenario, scenario_from_yaml
from planner.checks import run_checks
from planner.errors import errors_only

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

GOOD = """\
name: t
budget: {capex_eur: 100000}
sites:
  - id: main
    rooms: 2
    angio_vendor: philips
    activity: {cag: 1800, pci: 950, stemi: 220}
"""


def errors_of(text: str) -> list[str]:
    with pytest.raises(PlannerInputError) as err:
        scenario_from_yaml(text, "s.yaml")
    return [str(i) for i in err.value.issues]


def test_good_scenario_defaults():
    sc = scenario_from_yaml(GOOD)
    assert sc.objective == "max_benefit" and sc.solver.name == "highs" and sc.solver.mip_gap == 0.0
    assert sc.budget.capex_eur == 100000 and sc.budget.opex_eur_per_year is None
    assert sc.sites[0].rooms == 2


@pytest.mark.parametrize(("edit", "expected"), [
    (("rooms: 2", "rooms: 0"), "line 5 (sites[0].rooms)"),
    (("rooms: 2", "rooms: 1.5"), "whole number"),
    (("capex_eur: 100000", "capex_eur: -3"), "budget.capex_eur"),
    (("angio_vendor: philips", "angio_vendor: toshiba"), "must be one of philips"),
    (("name: t", "name: t\ncolour: red"), "unknown key"),
    (("stemi: 220", "stemi: many"), "must be a number"),
    (("pci: 950, ", ""), "sites[0].activity.pci"),
    (("name: t", "name: t\nindications: {anoca: {share: 1.2}}"), "must be <= 1"),
    (("name: t", "name: t\nobjective: max_fun"), "must be one of max_benefit, min_cost"),
    (("name: t", "name: t\nsolver: {name: gurobi}"), "must be one of highs, cbc"),
    (("name: t", "name: t\ndevices: {x: {capex_eur: -1}}"), "devices.x.capex_eur"),
    (("- id: main", "- id: Main Site"), "lowercase id"),
])
def test_structural_errors_are_located(edit, expected):
    text = GOOD.replace(*edit)
    assert any(expected in e for e in errors_of(text)), errors_of(text)


def test_several_errors_at_once_and_yaml_syntax():
    text = GOOD.replace("rooms: 2", "rooms: -1").replace("capex_eur: 100000", "capex_eur: x")
    assert len(errors_of(text)) == 2
    assert any("invalid YAML" in e and "line" in e for e in errors_of("name: [unclosed\n"))
    assert errors_of("- just a list")


def test_reference_errors_from_checks():
    cat = load_catalog()
    sc = scenario_from_yaml(GOOD.replace("name: t", "name: t\nmust_include: [ghost]\nexclude: [ghost]\n"
                                         "indications: {nope: {weight: 2}}"))
    issues = [str(i) for i in errors_only(run_checks(cat, sc))]
    assert any("must_include[0]" in i and "unknown device id" in i for i in issues)
    assert any("both required and excluded" in i for i in issues)
    assert any("indications.nope" in i for i in issues)


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_examples_load_validate_and_round_trip(example):
    sc = load_scenario(example)
    assert not errors_only(run_checks(load_catalog(sc.catalog_path()), sc))
    again = scenario_from_yaml(sc.to_yaml(), "again", sc.base_dir)
    assert again == sc


def test_missing_file():
    with pytest.raises(PlannerInputError, match="file not found"):
        load_scenario("/no/such/file.yaml")

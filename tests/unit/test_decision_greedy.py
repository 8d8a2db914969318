"""The greedy rank-order fill and the engine helpers of planner.decision."""

from __future__ import annotations

import math

import pytest

from planner.decision import greedy
from planner.decision.engine import interchangeable, twins_excluded
from planner.decision.ladder import budget_grid
from planner.inputs import prepare
from tests.builders import make_catalog, make_scenario

# pci 1000 at the default site: 100 cases per indication (share 0.1)
DEVICES = [
    {"id": "cheap", "capex_eur": 10000},  # k1: 100 x 1 / 10,000
    {"id": "twin", "capex_eur": 10000},  # same as cheap: skipped once k1 is covered
    {"id": "pricey", "capex_eur": 40000},  # k2: 100 x 3 / 40,000
    {"id": "option", "capex_eur": 1000, "requires": "pricey"},  # k3: needs pricey first
    {"id": "free", "capex_eur": 0},  # k4: free, first
]
INDS = [{"id": "k1"}, {"id": "k2", "default_weight": 3}, {"id": "k3"}, {"id": "k4", "default_weight": 0.5}]
COV = [("cheap", "k1", 1.0), ("twin", "k1", 1.0), ("pricey", "k2", 1.0), ("option", "k3", 1.0), ("free", "k4", 1.0)]


def inputs(**top):
    return prepare(make_catalog(DEVICES, INDS, COV), make_scenario(**top))


def test_requests_are_ranked_by_benefit_per_euro():
    ranked = greedy.requests(inputs())
    assert [r.device_id for r in ranked] == ["free", "option", "cheap", "twin", "pricey"]
    assert math.isinf(ranked[0].score) and ranked[0].to_dict()["score"] is None
    assert ranked[1].score == pytest.approx(100 / 1000)


def test_fill_respects_budget_requirements_and_redundancy():
    inp = inputs()
    assert greedy.greedy_purchases(inp, 0) == {("s1", "free"): 1}
    # 10,000: free + cheap; the option needs pricey, which does not fit; twin adds nothing
    assert greedy.greedy_purchases(inp, 10000) == {("s1", "cheap"): 1, ("s1", "free"): 1}
    # 51,000: option was skipped before pricey was bought (rank order, no revisiting)
    assert greedy.greedy_purchases(inp, 51000) == {("s1", "cheap"): 1, ("s1", "free"): 1, ("s1", "pricey"): 1}
    assert greedy.purchases_capex_eur(inp, greedy.greedy_purchases(inp, None)) == 50000


def test_mandatory_first_must_include_and_floors():
    inp = inputs(must_include=["pricey"], indications={"k1": {"min_coverage": 0.5}})
    bought = greedy.greedy_purchases(inp, 50000)
    assert bought == {("s1", "pricey"): 1, ("s1", "cheap"): 1, ("s1", "free"): 1}
    # a budget too small for the mandatory purchases: the fill still stays within the budget
    assert greedy.purchases_capex_eur(inp, greedy.greedy_purchases(inp, 5000)) <= 5000


def test_interchangeable_twins():
    inp = inputs()
    assert interchangeable(inp) == {("s1", "cheap"): ("twin",)}
    assert twins_excluded(inp) == (("s1", "twin"),)
    assert interchangeable(inp, prefer=frozenset({("s1", "twin")})) == {("s1", "twin"): ("cheap",)}
    assert interchangeable(inp, drop=(("s1", "cheap"),)) == {}
    installed = inputs(sites=[{"installed": {"twin": 1}}])
    # the installed product represents its twins that are not installed (planner.specs.twins): more units of it
    assert interchangeable(installed) == {("s1", "twin"): ("cheap",)}


def test_budget_grid():
    assert budget_grid(0.0, 0.0, 20) == (0.0,)
    grid = budget_grid(138000.0, 212000.0, 20)
    assert len(grid) == 20 and grid[0] == 138000.0 and grid[-1] == 212000.0
    assert all(b == round(b) for b in grid)

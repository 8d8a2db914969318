"""Stable reference products (issue 14): on every bundled example, a price change of an unrelated device keeps the
reference product of every other function, and the plan's costs still equal the objective's terms.

Before model twins were merged, the university hospital's IVUS reference flipped between identical carts
(Boston AVVIGO+, Philips IntraSight, Terumo AltaView) when the i-STAT cartridge price moved by 3 %.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from planner import load_catalog, load_scenario, make_plan

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))
#: Unrelated price changes: (device, price field, factor).
CHANGES = (("abbott_istat_act", "consumable_eur_per_case", 1.03), ("abbott_istat_act", "capex_eur", 1.03),
           ("boston_rotapro", "consumable_eur_per_case", 0.97))


def references(plan):
    """(site, family) -> the reference product of the purchase line."""
    return {(s.site_id, s.family): s.device_id for s in plan.specifications}


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def example(request):
    sc = load_scenario(request.param)
    sc = dataclasses.replace(sc, solver=dataclasses.replace(sc.solver, mip_gap=0.0, time_limit_s=300))
    catalog = load_catalog(sc.catalog_path())
    return catalog, sc, make_plan(catalog, sc)


@pytest.mark.parametrize(("device", "field", "factor"), CHANGES, ids=lambda x: str(x))
def test_an_unrelated_price_change_keeps_the_reference_products(example, device, field, factor):
    catalog, sc, base = example
    assert base.status == "optimal" and base.specifications
    dev = catalog.devices[device]
    changed = {**sc.devices, device: {**sc.devices.get(device, {}), field: getattr(dev, field) * factor}}
    plan = make_plan(catalog, dataclasses.replace(sc, devices=changed))
    assert plan.status == "optimal"
    assert plan.costs.tco_eur == pytest.approx(plan.solver.objective_tco_eur, rel=1e-6)
    before = {k: d for k, d in references(base).items() if k[1] != dev.family}
    after = {k: d for k, d in references(plan).items() if k[1] != dev.family}
    common = set(before) & set(after)
    assert common, "the plans share purchase lines"
    assert {k: after[k] for k in common} == {k: before[k] for k in common}


def test_reference_products_do_not_depend_on_the_order_of_the_catalogue(example):
    catalog, sc, base = example
    shuffled = dataclasses.replace(catalog, devices=dict(reversed(list(catalog.devices.items()))))
    assert references(make_plan(shuffled, sc)) == references(base)

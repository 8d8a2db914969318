"""Comparison of plans (issue 14): a swap between equivalent products (same function, within the tolerance) is not
a difference; a swap to a product outside the tolerance still is."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from planner import load_catalog, load_scenario, make_plan
from planner.decision import compare_plans
from planner.decision.text import comparison_text
from ui.decision_tables import comparison_devices
from ui.i18n import Translator

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "general_hospital.yaml"
CARTS = ("acist_hdi_kodama", "boston_avvigo_opticross", "philips_intrasight_mobile_ivus", "terumo_altaview")


@pytest.fixture(scope="module")
def plans():
    catalog, sc = load_catalog(), load_scenario(EXAMPLE)
    base = make_plan(catalog, sc)
    other_cart = make_plan(catalog, dataclasses.replace(sc, name="without ACIST", exclude=(*sc.exclude, CARTS[0])))
    nirs = make_plan(catalog, dataclasses.replace(sc, name="NIRS only", exclude=(*sc.exclude, *CARTS)))
    return base, other_cart, nirs


def _ivus(plan):
    return next(s for s in plan.specifications if s.family == "ivus")


def test_a_swap_between_equivalent_carts_is_not_a_difference(plans):
    base, other_cart, _ = plans
    assert _ivus(base).device_id == "acist_hdi_kodama"
    assert _ivus(other_cart).device_id == "boston_avvigo_opticross"
    comp = compare_plans([base, other_cart])
    rows = {r.device_id: r for r in comp.devices if r.device_id in CARTS}
    assert set(rows) == {"acist_hdi_kodama", "boston_avvigo_opticross"}
    for r in rows.values():
        assert r.equivalent and not r.differs and len(set(r.units)) == 2
    assert {r.device_id for r in comp.equivalent_products} == set(rows)
    assert not any(r.device_id in CARTS for r in comp.device_differences)
    text = comparison_text(comp)
    assert "= main / acist_hdi_kodama" in text and "* main / acist_hdi_kodama" not in text
    frame = comparison_devices(comp, load_catalog(), Translator("en"), {"main": "Main"})
    shown = frame.set_index("device")["equivalent"]
    assert shown[load_catalog().devices["acist_hdi_kodama"].name] == "Equivalent product"


def test_a_swap_outside_the_tolerance_is_a_difference(plans):
    base, _, nirs = plans
    assert _ivus(nirs).device_id not in CARTS
    assert "acist_hdi_kodama" not in _ivus(nirs).equivalent_ids
    comp = compare_plans([base, nirs])
    differing = {r.device_id for r in comp.device_differences}
    assert {"acist_hdi_kodama", _ivus(nirs).device_id} <= differing
    assert not comp.equivalent_products

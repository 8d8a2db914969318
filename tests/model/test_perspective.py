"""The payer's perspective: a planted optimum where it changes the choice, and the costs of both perspectives.

Two devices serve the same indication with the same value; the floor makes the plan serve all 100 cases.
``billed``: consumable 1,000 EUR per case on the liste en sus with an LPP tariff of 900 EUR (the hospital pays
100 net). ``inside``: consumable 300 EUR per case, paid inside the GHS. Consoles cost 1,000 EUR over 10 years.
The health system's cheapest plan uses ``inside`` (100 + 30,000 = 30,100 EUR a year against 100,100); the
hospital's uses ``billed`` (100 + 10,000 = 10,100 against 30,100).
"""

from __future__ import annotations

import pytest

from planner import make_plan
from tests.builders import make_catalog, make_scenario

DEVICES = [
    {"id": "billed", "capex_eur": 1000, "consumable_eur_per_case": 1000, "funding": "liste_en_sus",
     "lpp_code": "3199999", "lpp_tariff_eur": 900, "funding_source": "test arrêté", "funding_date": "2026-01"},
    {"id": "inside", "capex_eur": 1000, "consumable_eur_per_case": 300, "funding": "intra_ghs",
     "funding_source": "test"},
]
INDICATIONS = [{"id": "need", "base_activity": "pci", "default_share": 0.1, "default_min_coverage": 1}]


def _plan(perspective: str, **top: object):
    catalog = make_catalog(DEVICES, INDICATIONS, [("billed", "need", 0.01), ("inside", "need", 0.01)])
    return make_plan(catalog, make_scenario(objective="min_cost", perspective=perspective, **top))


def _bought(plan) -> set[str]:
    return {a.device_id for a in plan.acquisitions if a.units_new}


def test_health_system_perspective_buys_the_cheaper_consumable():
    plan = _plan("health_system")
    assert plan.status == "optimal"
    assert _bought(plan) == {"inside"}
    c = plan.costs
    assert c.tco_eur == pytest.approx(30_100.0)
    assert c.tco_health_system_eur == pytest.approx(30_100.0)
    assert c.tco_hospital_eur == pytest.approx(30_100.0)  # nothing billed on top: the same for the hospital
    assert c.billed_on_top_eur_per_year == 0.0


def test_hospital_perspective_buys_the_device_billed_on_top():
    plan = _plan("hospital")
    assert plan.status == "optimal"
    assert _bought(plan) == {"billed"}
    c = plan.costs
    assert c.perspective == "hospital"
    assert c.tco_eur == pytest.approx(10_100.0)
    assert c.tco_eur == pytest.approx(plan.solver.objective_tco_eur, rel=1e-9)
    assert c.tco_health_system_eur == pytest.approx(100_100.0)
    assert c.billed_on_top_eur_per_year == pytest.approx(90_000.0)
    assert c.consumables_eur_per_year == pytest.approx(100_000.0)  # the cash spent; the budget counts it
    row = next(r for r in plan.tco_by_device if r.device_id == "billed")
    assert (row.billed_on_top_eur, row.tco_hospital_eur, row.tco_health_system_eur) == pytest.approx(
        (90_000.0, 10_100.0, 100_100.0))


def test_tariff_above_the_price_bills_the_price_only():
    """A consumable bought below its LPP tariff is billed at its price: the hospital's net cost is 0, never
    negative (the écart indemnisable is not counted)."""
    devices = [{**DEVICES[0], "consumable_eur_per_case": 800}]
    catalog = make_catalog(devices, INDICATIONS, [("billed", "need", 0.01)])
    plan = make_plan(catalog, make_scenario(objective="min_cost", perspective="hospital"))
    assert plan.costs.billed_on_top_eur_per_year == pytest.approx(80_000.0)
    assert plan.costs.tco_hospital_eur == pytest.approx(100.0)


def test_multi_year_discounted_billing_reconciles():
    plan = _plan("hospital", horizon_years=3, start_year=2027, discount_rate=0.04,
                 price_escalation={"consumables": 0.05})
    c = plan.costs
    assert c.tco_eur == pytest.approx(plan.solver.objective_tco_eur, rel=1e-6)
    # price 1000 escalated at 5 %, tariff fixed at 900: billed 900 per case every year
    assert [y.billed_on_top_eur for y in plan.costs_by_year] == pytest.approx([90_000.0] * 3)
    npv = sum(90_000.0 / 1.04 ** i for i in range(3))
    assert c.tco_health_system_eur - c.tco_hospital_eur == pytest.approx(npv)

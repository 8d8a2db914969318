"""Security rules: unsupported OS excluded with a reason, MDS2 and risk-score rules, segmentation in capex."""

from __future__ import annotations

from datetime import date

import pytest

from planner import make_plan
from planner.catalog import load_catalog
from planner.security import MAX_RISK_SCORE, risk_score
from tests.builders import make_catalog, make_scenario
from tests.model.reference_costs import solver_tco_eur

IND = [{"id": "k1", "base_activity": "pci", "default_share": 0.1}]
OLD = {"id": "cheap_old", "capex_eur": 20000, "network_connected": "dicom", "os_family": "Windows 7",
       "os_end_of_support": "2020-01-14", "mds2_available": "yes", "sbom_available": "no",
       "patch_policy": "on_request", "remote_access": "vendor_vpn", "encryption_at_rest": "no"}
NEW = {"id": "dear_new", "capex_eur": 50000, "network_connected": "dicom", "os_family": "Windows 10 IoT LTSC 2021",
       "os_end_of_support": "2032-01-13", "mds2_available": "yes", "sbom_available": "yes",
       "patch_policy": "vendor_validated_monthly", "remote_access": "none", "encryption_at_rest": "yes"}
REF = "2026-11-23"


def catalog():
    return make_catalog([OLD, NEW], IND, [("cheap_old", "k1", 1.0), ("dear_new", "k1", 1.0)])


def bought(plan):
    return {a.device_id: a.units_new for a in plan.acquisitions if a.units_new}


def test_cheapest_device_with_unsupported_os_is_replaced_and_the_plan_says_why():
    base = make_plan(catalog(), make_scenario(security={"reference_date": REF}))
    assert bought(base) == {"cheap_old": 1}
    sec = {s.device_id: s for s in base.security}["cheap_old"]
    assert sec.os_status == "ended" and sec.flagged
    strict = make_plan(catalog(), make_scenario(security={"exclude_unsupported_os": True, "reference_date": REF}))
    assert bought(strict) == {"dear_new": 1}
    reasons = {e.device_id: str(e.reason) for e in strict.security_exclusions}
    assert "Windows 7" in reasons["cheap_old"] and "2020-01-14" in reasons["cheap_old"]


def test_require_mds2_and_max_risk_score():
    cat = make_catalog([{**OLD, "mds2_available": "unknown"}, NEW], IND,
                       [("cheap_old", "k1", 1.0), ("dear_new", "k1", 1.0)])
    plan = make_plan(cat, make_scenario(security={"require_mds2": True, "reference_date": REF}))
    assert bought(plan) == {"dear_new": 1}
    old_score = risk_score(catalog().devices["cheap_old"], date(2026, 11, 23)).score
    capped = make_plan(catalog(), make_scenario(security={"max_risk_score": old_score - 1, "reference_date": REF}))
    assert bought(capped) == {"dear_new": 1}
    assert "risk score" in str(capped.security_exclusions[0].reason)


def test_segmentation_cost_enters_capex_for_connected_devices_only():
    cat = make_catalog([{**NEW, "network_connected": "none", "id": "offline", "capex_eur": 30000},
                        {**NEW, "capex_eur": 29000}], IND, [("offline", "k1", 1.0), ("dear_new", "k1", 1.0)])
    plain = make_plan(cat, make_scenario())
    assert bought(plain) == {"dear_new": 1} and plain.costs.segmentation_eur == 0
    seg = make_plan(cat, make_scenario(security={"segmentation_cost_eur_per_connected_device": 5000}))
    assert bought(seg) == {"offline": 1}  # 29k + 5k segmentation > 30k offline
    forced = make_plan(cat, make_scenario(exclude=["offline"],
                                          security={"segmentation_cost_eur_per_connected_device": 5000}))
    assert forced.costs.capex_eur == 34000 and forced.costs.segmentation_eur == 5000
    assert forced.acquisitions[0].segmentation_eur == 5000 and forced.acquisitions[0].unit_capex_eur == 34000
    assert forced.costs.annualised_eur_per_year == pytest.approx(solver_tco_eur(forced))


def test_risk_score_points_of_known_fields():
    cat = catalog()
    ref = date(2026, 11, 23)
    assert risk_score(cat.devices["dear_new"], ref).score == 1  # dicom
    old = risk_score(cat.devices["cheap_old"], ref)
    assert old.score == 1 + 0 + 1 + 2 + 1 + 2 + 3
    assert 0 <= old.score <= MAX_RISK_SCORE
    assert old.known == 7 and old.known_share == 1.0


def test_catalog_without_security_columns_loads_all_unknown():
    cat = make_catalog([{"id": "a"}], IND, [("a", "k1", 1.0)])
    dev = cat.devices["a"]
    assert dev.network_connected == "unknown" and dev.os_end_of_support is None
    score = risk_score(dev, date(2026, 1, 1))
    assert score.score == 0 and score.known == 0 and not score.connected  # unknown is unknown, not risky
    assert len(score.unknown) == 7
    assert load_catalog() is not None

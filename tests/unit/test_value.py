"""The value reconciles with the evidence rows: each coverage pair's weighted events avoided per case,
recomputed here straight from the CSV files (not with planner.value), equals the model's; hand-checked
anchors for the trials the plans rest on; the reliability policy of the effects."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from planner import load_catalog
from planner.catalog import BUNDLED_CATALOG
from planner.inputs import prepare
from planner.value import Interval, avoided_per_100, treated_risk
from tests.builders import make_scenario


def rows(table: str) -> list[dict[str, str]]:
    with (Path(BUNDLED_CATALOG) / f"{table}.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def inputs():
    site = {"roles": ["cardiac_surgery", "shock_centre", "ecmo_centre", "ccs_programme"]}
    return prepare(load_catalog(), make_scenario([site], allow_not_recommended=True))


def test_value_per_case_reconciles_with_the_evidence_rows(inputs):
    severity = {r["id"]: float(r["default_severity"]) for r in rows("outcomes")}
    evidence = {r["id"]: r for r in rows("evidence")}
    effects = rows("effects")
    required = {r["id"] for r in rows("indications") if r.get("required", "no") == "yes"}
    checked = 0
    for cov in rows("coverage"):
        pair = (cov["device_id"], cov["indication_id"])
        if not cov["strategy"] or cov["indication_id"] in required:
            assert pair not in inputs.value
            continue
        expected = 0.0
        for eff in effects:
            if (eff["strategy"], eff["indication_id"]) == (cov["strategy"], cov["indication_id"]):
                ev = evidence[eff["evidence_id"]]
                per_case = (float(ev["control_rate_pct"]) - float(ev["treated_rate_pct"])) / 100
                expected += severity[eff["outcome_id"]] * float(eff["applicability"] or 1) * per_case
        expected *= float(cov["effectiveness"])
        assert inputs.value[pair].weighted.central == pytest.approx(expected, abs=1e-12), pair
        checked += 1
    assert checked >= 15


def test_anchors_from_the_trials(inputs):
    """Numbers read in the publications, typed here by hand."""
    impella = {o.outcome_id: o for o in inputs.value[("abiomed_impella_cp_aic", "cardiogenic_shock")].outcomes}
    assert impella["death"].per_case.central == pytest.approx(0.127)  # DanGer Shock 58.5 % -> 45.8 % at 180 days
    assert impella["renal_replacement"].per_case.central == pytest.approx(-0.152)  # 26.7 % -> 41.9 %: a harm
    ecmo = {o.outcome_id: o for o in inputs.value[("getinge_cardiohelp", "cardiogenic_shock")].outcomes}
    assert ecmo["death"].per_case.central == pytest.approx(0.012)  # ECLS-SHOCK 49.0 % -> 47.8 % at 30 days
    assert ecmo["major_bleeding"].per_case.central == pytest.approx(-0.138)  # 9.6 % -> 23.4 %
    assert inputs.value[("getinge_cardiohelp", "cardiogenic_shock")].weighted.central < 0  # net harm
    assert inputs.value[("abiomed_impella_cp_aic", "cardiogenic_shock")].weighted.central > 0


def test_effects_rest_on_reliable_evidence_with_rates():
    evidence = {r["id"]: r for r in rows("evidence")}
    for eff in rows("effects"):
        ev = evidence[eff["evidence_id"]]
        assert ev["reliability"] in ("H", "M"), eff
        assert ev["control_rate_pct"] and ev["treated_rate_pct"], eff
        assert ev["outcome_id"] == eff["outcome_id"], eff


def test_ranges_apply_the_confidence_interval_to_the_control_rate():
    assert treated_risk(40.0, "RR", 0.5) == pytest.approx(20.0)
    assert treated_risk(40.0, "OR", 1.5) == pytest.approx(100 * (0.4 / 0.6 * 1.5) / (1 + 0.4 / 0.6 * 1.5))
    ecls = load_catalog().evidence["ecls_shock_death"]
    iv = avoided_per_100(ecls)
    # RR 0.98 (0.80-1.19) on 49.0 %: 49 - 49 x 0.80 = 9.8 avoided at best, 49 - 49 x 1.19 = -9.31 at worst
    assert (iv.central, iv.low, iv.high) == pytest.approx((1.2, -9.31, 9.8))
    assert Interval(1.0, 0.5, 2.0).scaled(2) == Interval(2.0, 1.0, 4.0)

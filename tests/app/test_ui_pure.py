"""The pure helpers of the app (no running app): formats, labels, scenario edits, tables, charts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner import Issue, load_catalog, make_plan
from planner.errors import PlannerInputError
from planner.messages import catalogue, msg
from planner.scenario import OBJECTIVES, scenario_from_yaml
from planner.schema import ACTIVITIES, ANGIO_VENDORS
from tests.model.reference_costs import figure, reference_costs
from ui import charts, edits, tables
from ui.i18n import Translator, eur, number, pct
from ui.views.widgets import issue_line, place

FR = Translator("fr")

ROOT = Path(__file__).resolve().parents[2]
CATALOG = load_catalog()


@pytest.fixture(scope="module")
def general():
    return edits.load_example("general_hospital")


@pytest.fixture(scope="module")
def general_plan(general):
    return make_plan(CATALOG, general)


# ---------------------------------------------------------------- formats and labels


@pytest.mark.parametrize(("value", "fr", "en"), [
    (1234567, "1\u202f234\u202f567\u00a0€", "€1,234,567"),
    (0, "0\u00a0€", "€0"),
    (999.6, "1\u202f000\u00a0€", "€1,000"),
    (-2500, "-2\u202f500\u00a0€", "-€2,500"),
    (-0.4, "0\u00a0€", "€0"),
])
def test_euros_french_and_english(value, fr, en):
    assert eur(value, "fr") == fr
    assert eur(value, "en") == en


def test_numbers_and_percentages():
    assert number(2542.34, "fr", 1) == "2\u202f542,3"
    assert number(2542.34, "en", 1) == "2,542.3"
    assert pct(0.5, "fr") == "50\u00a0%"
    assert pct(0.055, "en", 1) == "5.5%"
    assert Translator("fr").eur(None) == "illimité"
    assert Translator("xx").lang == "fr"


def test_every_label_used_in_the_code_exists():
    sources = [ROOT / "app.py", *ROOT.glob("app_pages/*.py"), *ROOT.glob("ui/**/*.py")]
    used = set()
    for path in sources:
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+\.[a-z_.]+)["']""", path.read_text(encoding="utf-8")))
    assert used, "no label found: the pattern is stale"
    assert sorted(used - set(catalogue())) == []


def test_option_labels_cover_the_catalogue_and_the_schema():
    keys = ([f"family.{f}" for f in CATALOG.families()] + [f"activity.{a}" for a in ACTIVITIES]
            + [f"vendor.{v}" for v in ANGIO_VENDORS] + [f"objective.{o}" for o in OBJECTIVES]
            + [f"status.{s}" for s in ("optimal", "feasible", "infeasible", "time_limit_no_solution", "solver_error")]
            + [f"example.{e}" for e in edits.bundled_examples()]
            + [f"deploy.{d.deployment}" for d in CATALOG.devices.values()])
    assert sorted(k for k in keys if k not in catalogue()) == []


def test_planner_messages_in_french():
    with pytest.raises(PlannerInputError) as err:
        scenario_from_yaml("name: x\nsites: [{id: a, rooms: -1, angio_vendor: ge, activity: {cag: 1, pci: 1, "
                           "stemi: 1}}]\nbogus: 1\n", "s.yaml")
    french = Translator("fr")
    fr = {issue.field: french.say(issue.why) for issue in err.value.issues}
    assert fr["rooms"] == "doit être ≥ 1" or fr["rooms"].startswith("doit être ≥")
    assert fr["bogus"].startswith("clé inconnue (clés possibles : ")
    assert french.say("some text not migrated") == "some text not migrated"


def test_issue_places_in_the_users_words():
    t = Translator("fr")
    assert place("sites[0].rooms", t) == "Site 1 — Salles (sites[0].rooms)"
    assert (place("line 7 (sites[1].activity.pci)", t)
            == "ligne 7 : Site 2 — Angioplasties (ATL) (sites[1].activity.pci)")
    assert place("budget.capex_eur", Translator("en")) == "Capital budget (€) (budget.capex_eur)"
    assert place("devices.boston_rotapro.capex_eur", t, CATALOG).startswith("Console Rotablator RotaPro")
    assert place("something.else", t) == "something.else"
    line = issue_line(Issue("form", "sites[0].rooms", "rooms", "0", msg("in.min", low="1")), t)
    assert line == "**Site 1 — Salles (sites[0].rooms)** = `0` : doit être ≥ 1"


# ---------------------------------------------------------------- scenario edits


def test_checked_rejects_bad_references(general):
    data = general.to_dict()
    data["must_include"] = ["no_such_device"]
    with pytest.raises(edits.PlannerInputError) as err:
        edits.checked(data, CATALOG)
    assert err.value.issues[0].value == "no_such_device"


def test_sites_added_with_fresh_ids_and_never_below_one(general):
    two = edits.with_site_added(general, CATALOG)
    three = edits.with_site_added(two, CATALOG)
    assert [s.id for s in three.sites] == ["main", "site_2", "site_3"]
    assert edits.with_site_removed(three, 1, CATALOG).sites[1].id == "site_3"
    assert len(edits.with_site_removed(general, 0, CATALOG).sites) == 1


def test_price_overrides_keep_only_differences(general):
    existing = {"boston_rotapro": {"capex_eur": 1.0}, "shockwave_c2_ivl": {"capex_eur": 2.0}}
    base = CATALOG.devices["boston_rotapro"]
    rows = [("boston_rotapro", {"capex_eur": base.capex_eur, "lifetime_years": base.lifetime_years + 1,
                                "maintenance_eur_per_year": float("nan")})]
    out = edits.price_overrides(rows, CATALOG, existing)
    assert out["shockwave_c2_ivl"] == {"capex_eur": 2.0}  # filtered out of the view: kept
    assert out["boston_rotapro"]["lifetime_years"] == base.lifetime_years + 1
    assert "capex_eur" not in out["boston_rotapro"]  # back to the catalogue value: dropped
    assert out["boston_rotapro"]["maintenance_eur_per_year"] is None  # blank: validation will name it


def test_need_rows_change_only_what_the_user_changed(general):
    shown = edits.need_values(CATALOG, general, "complex_pci")
    data = general.to_dict()
    same = edits.with_need(data, shown, "complex_pci", shown["weight"], shown["floor_pct"], shown["demand"])
    assert same == data
    changed = edits.with_need(data, shown, "complex_pci", 5.0, shown["floor_pct"], {"main": 10.0})
    assert changed["indications"]["complex_pci"] == {"weight": 5.0}
    assert changed["sites"][0]["volumes"] == {"complex_pci": 10.0}
    assert data == general.to_dict()  # input not mutated


# ---------------------------------------------------------------- tables and charts


def test_cost_by_family_reconciles_with_plan_costs(general, general_plan):
    frame = tables.cost_by_family(general_plan)
    c = general_plan.costs
    # each family's row against an independent computation from the catalogue (one year, purchase only)
    assert general_plan.years == (general.years[0],) and general.discount_rate == 0
    acquire = {(a.site_id, a.device_id, a.mode, a.year): a.units_new for a in general_plan.acquisitions}
    cases = {(r.site_id, r.device_id, "purchase", r.indication_id, r.year): r.cases_per_year
             for r in general_plan.allocation}
    ref = reference_costs(CATALOG, general, acquire, cases)
    by_family = frame.set_index("family")
    assert len(by_family) >= 3
    for family, row in by_family.iterrows():
        pairs = [p for p in ref.tco_by_pair if CATALOG.devices[p[1]].family == family]
        capex = sum(figure(CATALOG, general, d, "capex_eur") * n for (_s, d, _m, _t), n in acquire.items()
                    if CATALOG.devices[d].family == family)
        assert row["capex"] == pytest.approx(capex), family
        assert row["annualised"] == pytest.approx(sum(ref.tco_by_pair[p] for p in pairs)), family
    assert frame["capex"].sum() == pytest.approx(c.capex_eur)
    assert frame["annualised"].sum() == pytest.approx(c.annualised_eur_per_year)
    assert frame["consumables"].sum() == pytest.approx(c.consumables_eur_per_year)
    assert frame["maintenance"].sum() == pytest.approx(c.maintenance_eur_per_year)


def test_cost_by_family_reconciles_on_two_sites():
    plan = make_plan(CATALOG, edits.load_example("university_hospital"))
    frame = tables.cost_by_family(plan)
    assert frame["annualised"].sum() == pytest.approx(plan.costs.annualised_eur_per_year)
    assert "site" in tables.acquisitions_frame(plan, CATALOG, Translator("fr")).columns


def test_coverage_served_matches_the_plan(general_plan):
    t = Translator("en")
    served = tables.served_frame(general_plan, CATALOG, t)
    coverage = tables.coverage_frame(general_plan, CATALOG, t)
    assert served["cases"].sum() == pytest.approx(coverage["served"].sum())
    fig = charts.coverage_figure(coverage, served, t)
    assert {tr.name for tr in fig.data if tr.type == "bar"} == set(served["device"])
    assert fig.layout.separators == ".,"
    # a device keeps its colour whatever else the chart shows: the colour follows the device, not the bar order
    colours = {tr.name: tr.marker.color for tr in fig.data if tr.type == "bar"}
    assert len(set(colours.values())) == len(colours)
    first = served["device"].iloc[0]
    alone = charts.coverage_figure(coverage, served[served["device"] == first], t)
    assert [tr.marker.color for tr in alone.data if tr.type == "bar"] == [colours[first]]


def test_charts_are_pure_figures(general_plan):
    t = Translator("fr")
    budgets = tables.budget_frame(general_plan)
    fig = charts.budget_figure(budgets, t)
    assert [tr.name for tr in fig.data] == ["Utilisé", "Plafond"]
    assert fig.data[1].text[0] == t.eur(general_plan.budgets[0].limit_eur)
    cost = charts.cost_figure(tables.cost_by_family(general_plan), t)
    assert [tr.name for tr in cost.data] == [FR("cost.annualised_capex"), "Maintenance", "Consommables"]


def test_unlimited_budget_shows_as_such(general):
    import dataclasses

    from planner.scenario import Budget

    plan = make_plan(CATALOG, dataclasses.replace(general, budget=Budget(None, None)))
    shown = tables.display(tables.budget_frame(plan), Translator("fr"), {"limit": "limit"})
    assert list(shown["Plafond"]) == ["illimité", "illimité"]
    fig = charts.budget_figure(tables.budget_frame(plan), Translator("en"))
    assert list(fig.data[1].text) == ["unlimited", "unlimited"]


def test_catalogue_frame_applies_local_prices(general):
    import dataclasses

    local = dataclasses.replace(general, devices={"boston_rotapro": {"capex_eur": 1234.0}})
    ids = tables.filter_devices(CATALOG, families=["rotational_atherectomy"])
    frame = tables.catalogue_frame(CATALOG, local, ids, Translator("fr"))
    assert frame.loc["boston_rotapro", "capex_eur"] == 1234.0
    assert bool(frame.loc["boston_rotapro", "local"])
    assert tables.filter_devices(CATALOG, estimates_only=True) == [
        d for d in tables.devices_by_family(CATALOG) if CATALOG.devices[d].estimate]

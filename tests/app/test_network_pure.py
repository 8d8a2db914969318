"""Pure helpers of the network section (no running app): nodes, edges, per-site table, the network figure."""

from __future__ import annotations

import pandas as pd
import pytest

from planner import load_catalog, make_plan
from planner.messages import catalogue
from ui import charts_network, edits, network
from ui.i18n import Translator

CATALOG = load_catalog()
FR, EN = Translator("fr"), Translator("en")


@pytest.fixture(scope="module")
def ght_plan():
    return make_plan(CATALOG, edits.load_example("ght_network"))


def _nodes(coords: bool) -> pd.DataFrame:
    lat, lon = ([45.8, 45.2, 46.2], [1.3, 1.5, 1.9]) if coords else ([None] * 3, [None] * 3)
    return pd.DataFrame({"site_id": ["hub", "a", "b"], "name": ["Hub", "A", "B"],
                         "roles": ["shock", "", ""], "lat": lat, "lon": lon}).astype({"lat": float, "lon": float})


EDGES = pd.DataFrame({"from_site": ["a", "a", "b"], "to_site": ["hub", "hub", "hub"],
                      "indication": ["Shock", "ANOCA", "Shock"], "cases": [2.0, 20.0, 8.0],
                      "minutes": [60.0, 60.0, 45.0]})


def test_network_labels_are_in_the_message_catalogue():
    codes = [c for c in catalogue() if c.startswith("netw.")]
    assert len(codes) >= 10 and all(set(catalogue()[c]) == {"fr", "en"} for c in codes)
    assert Translator("fr")("netw.title") != Translator("en")("netw.title")


@pytest.mark.parametrize("coords", [True, False])
def test_one_edge_per_flow_and_widths_grow_with_cases(coords):
    fig = charts_network.network_figure(_nodes(coords), EDGES, EN)
    lines = [tr for tr in fig.data if tr.mode == "lines"]
    assert len(lines) == len(EDGES)
    widths = [tr.line.width for tr in lines]
    assert widths[1] > widths[2] > widths[0]  # 20 > 8 > 2 cases a year
    assert widths[1] == charts_network.MAX_WIDTH
    assert "ANOCA" in lines[1].hovertext[0] and "20.0 cases/year" in lines[1].hovertext[0]
    assert "60 min" in lines[1].hovertext[0]
    assert all(tr.type == ("scattermap" if coords else "scatter") for tr in fig.data)
    assert lines[0].lon != lines[1].lon if coords else lines[0].x != lines[1].x  # the two flows a -> hub apart


def test_one_node_trace_per_role_set_labelled_with_site_names():
    fig = charts_network.network_figure(_nodes(False), EDGES, FR)
    groups = {tr.name: list(tr.text) for tr in fig.data if tr.mode == "markers+text"}
    assert groups == {"shock": ["Hub"], FR("netw.no_role"): ["A", "B"]}


def test_sites_without_coordinates_sit_on_a_circle():
    pos, geo = charts_network.positions(_nodes(False))
    assert not geo
    assert all(abs(x * x + y * y - 1) < 1e-9 for x, y in pos.values())


def test_ght_edges_are_the_plan_flows(ght_plan):
    edges = network.edges(ght_plan, CATALOG, EN)
    assert len(edges) == len(ght_plan.flows) > 0
    assert edges["cases"].sum() == pytest.approx(sum(f.cases_per_year for f in ght_plan.flows))
    assert network.nodes(ght_plan, EN)[["lat", "lon"]].notna().all().all()


def test_site_table_balances_referred_and_received(ght_plan):
    hub = network.site_table(ght_plan, "limoges", CATALOG, EN)
    spoke = network.site_table(ght_plan, "saint_junien", CATALOG, EN)
    assert hub["refers"].sum() == 0
    received = sum(f.cases_per_year for f in ght_plan.flows if f.to_site == "limoges")
    assert hub["receives"].sum() == pytest.approx(received)
    assert spoke["receives"].sum() == 0 and spoke["refers"].sum() > 0
    assert all("CHU" in s for s in spoke.loc[spoke["refers"] > 0, "refers_to"])


def test_with_role_adds_shock_centre_to_one_site_only(ght_plan):
    sc = edits.load_example("ght_network")
    changed = network.with_role(sc, "brive", "shock_centre")
    roles = {s.id: s.roles for s in changed.sites}
    assert roles["brive"] == ("shock_centre",)
    assert roles["limoges"] == next(s.roles for s in sc.sites if s.id == "limoges")
    assert network.with_role(changed, "brive", "shock_centre") == changed

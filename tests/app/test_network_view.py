"""Plan page, network section (issue 15): the GHT example's network chart, per-site tables and the
"what if this site became a shock centre" comparison, in French and in English."""

from __future__ import annotations

import pytest

from tests.app.conftest import charts, optimise, plan, table
from ui.i18n import Translator

FR = Translator("fr")
EN = Translator("en")


def _ght_plan(at, lang):
    at.radio(key="ui.lang").set_value(lang).run()
    at.selectbox(key="ui.example").set_value("ght_network").run()
    at.button(key="ui.load").click().run()
    optimise(at)
    assert plan(at) is not None and plan(at).flows
    return at


@pytest.mark.parametrize(("lang", "column", "compare"), [("fr", "Adressés à", "Plan actuel"),
                                                         ("en", "Referred to", "Current plan")])
@pytest.mark.slow
def test_network_section_and_shock_centre_what_if(at, lang, column, compare):
    _ght_plan(at, lang)
    network = charts(at)["ui.chart.network"]
    assert sum(1 for tr in network["data"] if tr["mode"] == "lines") == len(plan(at).flows)
    assert any(tr["type"] == "scattermap" for tr in network["data"])
    spoke = [d.value for d in at.dataframe if column in d.value.columns]
    assert len(spoke) == len(plan(at).scenario["sites"])
    assert any(v for frame in spoke for v in frame[column])
    assert "ui.chart.compare" not in charts(at)
    at.selectbox(key="ui.netw.what_if_site").set_value("brive").run()
    at.button(key="ui.netw.what_if").click().run()
    assert not at.exception, at.exception
    assert "ui.chart.compare" in charts(at)
    summary = table(at, [c for d in at.dataframe for c in d.value.columns if c.startswith(compare)][0])
    assert any("Brive" in c for c in summary.columns)


def test_no_network_section_without_flows(at):
    optimise(at)  # the general-hospital example: one site, no referral
    assert "ui.chart.network" not in charts(at)
    assert not [d for d in at.dataframe
                if EN("col.refers_to") in d.value.columns or FR("col.refers_to") in d.value.columns]

"""The decision tools' plotly figures in the user's language (pure: no streamlit).

The figures are :mod:`planner.report.charts_decision`'s (English, ids); these functions relabel them: product
and indication names, French or English titles, axes, legends and hover texts, and the language's number
separators. Nothing is recomputed.
"""

from __future__ import annotations

from collections.abc import Mapping

import plotly.graph_objects as go

from planner import Catalog
from planner.decision import Comparison, Ladder, Sensitivity
from planner.decision.path import PurchasePath
from planner.report.charts_decision import (
    comparison_figure,
    frontier_figure,
    path_figure,
    tornado_figure,
    tornado_order,
)
from ui import wording
from ui.i18n import Translator


def _names(catalog: Catalog, lang: str) -> dict[str, str]:
    return {d: dev.label(lang) for d, dev in catalog.devices.items()}


def _item(item: str, catalog: Catalog, sites: Mapping[str, str], lang: str, limit: int = 0) -> str:
    """``site/device`` as a label: the product name (cut to ``limit`` characters if given), and the site when
    the scenario has several."""
    site, _, dev = item.partition("/")
    name = wording.device(catalog, dev, lang)
    name = wording.short(name, limit) if limit else name
    return f"{wording.short(sites.get(site, site), 16)} : {name}" if len(sites) > 1 else name


def frontier(ladder: Ladder, catalog: Catalog, t: Translator, sites: Mapping[str, str],
             show_greedy: bool = True) -> go.Figure:
    """Benefit against the capex budget (optimiser and greedy fill), the entering devices labelled."""
    fig = frontier_figure(ladder, names=_names(catalog, t.lang), show_greedy=show_greedy)
    fig.data[0].name = t("ladder.optimiser")
    fig.data[0].hovertext = ["<br>".join([t("ladder.hover_budget", eur=t.eur(p.budget_eur)),
                                          t("ladder.hover_benefit", benefit=t.num(p.benefit, 1)),
                                          t("ladder.hover_capex", eur=t.eur(p.capex_eur)),
                                          t("ladder.hover_annualised", eur=t.eur(p.annualised_eur_per_year))]
                                         + [f"+ {_item(e, catalog, sites, t.lang)}" for e in p.entering])
                             for p in ladder.points]
    if len(fig.data) > 1:
        fig.data[1].name = t("ladder.greedy")
    labels = [p.entering for p in ladder.points if p.entering]
    annotations = list(fig.layout.annotations)
    low, high = ladder.min_budget_eur or 0.0, ladder.max_budget_eur or 1.0
    for k, (annotation, entering) in enumerate(zip(annotations, labels, strict=False)):
        where = (float(annotation.x) - low) / max(high - low, 1.0)
        side = 1 if where < 0.15 else -1 if where > 0.75 else (-1 if k % 2 else 1)
        annotation.text = "<br>".join("+ " + _item(e, catalog, sites, t.lang, 24) for e in entering)
        annotation.update(ax=45 * side, ay=-35 - 32 * (k % 4), bgcolor="rgba(255,255,255,0.8)")
    if ladder.scenario_budget_eur is not None and annotations:
        annotations[-1].text = t("ladder.scenario_budget")
    fig.update_layout(annotations=annotations, title=None, separators=t.plotly_separators, height=560,
                      xaxis_title=t("ladder.axis_budget"), yaxis_title=t("ladder.axis_benefit"),
                      margin={"l": 10, "r": 10, "t": 30, "b": 10}, legend={"orientation": "h", "y": -0.15, "x": 0})
    _frame_budgets(fig, ladder)
    return fig


def path_frontier(path: PurchasePath, catalog: Catalog, t: Translator, sites: Mapping[str, str]) -> go.Figure:
    """The purchase path (steps, what each buys on hover) beside the unconstrained frontier, same budgets."""
    fig = path_figure(path, names=_names(catalog, t.lang))
    fig.data[0].name = t("path.frontier")
    fig.data[1].name = t("path.name")
    fig.data[1].hovertext = ["<br>".join([t("ladder.hover_budget", eur=t.eur(s.budget_eur)),
                                          t("ladder.hover_benefit", benefit=t.num(s.benefit, 2)),
                                          t("ladder.hover_capex", eur=t.eur(s.capex_eur))]
                                         + [f"+ {_item(e, catalog, sites, t.lang)}" for e in s.entering])
                             for s in path.steps]
    fig.update_layout(title=None, separators=t.plotly_separators, height=460, xaxis_title=t("ladder.axis_budget"),
                      yaxis_title=t("ladder.axis_benefit"), margin={"l": 10, "r": 10, "t": 30, "b": 10},
                      legend={"orientation": "h", "y": -0.18, "x": 0})
    return fig


def _frame_budgets(fig: go.Figure, ladder: Ladder) -> None:
    """Keep the x axis on the ladder when the scenario's budget lies far beyond it (its line is then off-chart;
    the page shows the figure) and leave head room above the frontier for the labels."""
    low, high = ladder.min_budget_eur or 0.0, ladder.max_budget_eur or 0.0
    pad = max(high - low, 1.0) * 0.08
    right = high + pad
    if ladder.scenario_budget_eur is not None and ladder.scenario_budget_eur <= high + 4 * pad:
        right = max(right, ladder.scenario_budget_eur + pad)
    fig.update_xaxes(range=[low - pad, right])
    benefits = [p.benefit for p in ladder.points]
    span = max(max(benefits) - min(benefits), 1.0)
    fig.update_yaxes(range=[min(benefits) - 0.05 * span, max(benefits) + 0.35 * span])


def tornado(sens: Sensitivity, catalog: Catalog, t: Translator, sites: Mapping[str, str]) -> go.Figure:
    """Range of each parameter (% change) keeping the same configuration, the most fragile at the top."""
    fig = tornado_figure(sens, names=_names(catalog, t.lang))
    ranges = tornado_order(sens)
    labels = [t("sens.weight_of", name=wording.short(wording.indication(catalog, t, r.subject), 48))
              if r.parameter == "weight"
              else t("sens.price_of", name=wording.short(wording.device(catalog, r.subject, t.lang), 40))
              for r in ranges]
    for trace, side in zip(fig.data, ("low", "high"), strict=True):
        trace.y = labels
        trace.name = t(f"sens.{side}")
        trace.hovertext = [_hover(r, side, catalog, t, sites) for r in ranges]
    fig.update_layout(title=None, separators=t.plotly_separators, xaxis_title=t("sens.axis"),
                      height=max(300, 34 * len(ranges) + 130), yaxis={"automargin": True},
                      margin={"l": 10, "r": 10, "t": 10, "b": 10}, legend={"orientation": "h", "y": -0.12, "x": 0})
    return fig


def _hover(r: object, side: str, catalog: Catalog, t: Translator, sites: Mapping[str, str]) -> str:
    multiplier = getattr(r, f"{side}_multiplier")
    text = ("+" if multiplier > 1 else "") + t.pct(multiplier - 1)
    if getattr(r, f"{side}_open"):
        text += " " + t("sens.limit")
    change = getattr(r, f"{side}_change")
    return text + (f"<br>{t('sens.beyond')} {t.say(change, catalog, sites)}" if change else "")


def comparison(comp: Comparison, t: Translator) -> go.Figure:
    """Benefit and annualised cost of each plan side by side."""
    fig = comparison_figure(comp)
    fig.data[0].name = t("cmp.benefit")
    fig.data[1].name = t("cmp.annualised")
    fig.update_layout(title=None, separators=t.plotly_separators, height=340, bargap=0.35,
                      yaxis={"title": t("cmp.axis_benefit")}, yaxis2={"title": t("cmp.axis_cost")},
                      margin={"l": 10, "r": 10, "t": 10, "b": 10}, legend={"orientation": "h", "y": -0.15, "x": 0})
    return fig

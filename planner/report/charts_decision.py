"""Plotly figures of the decision tools: budget frontier, sensitivity tornado, scenario comparison.

Pure functions ``result -> go.Figure``: no Streamlit, no I/O. Labels are device ids unless ``names`` maps
ids to display names.
"""

from __future__ import annotations

from collections.abc import Mapping

import plotly.graph_objects as go

from planner.decision.compare import Comparison
from planner.decision.ladder import Ladder
from planner.decision.path import PurchasePath
from planner.decision.sensitivity import Sensitivity, SensitivityRange

OPTIMISER_COLOUR = "#1f77b4"
GREEDY_COLOUR = "#ff7f0e"
BUDGET_COLOUR = "#7f7f7f"
PATH_COLOUR = "#1565c0"
FRONTIER_COLOUR = "#9e9e9e"


def _label(item: str, names: Mapping[str, str] | None) -> str:
    site, _, device = item.partition("/")
    return f"{site}: {(names or {}).get(device, device)}" if device else (names or {}).get(item, item)


def frontier_figure(ladder: Ladder, names: Mapping[str, str] | None = None, show_greedy: bool = True) -> go.Figure:
    """Benefit against the capex budget (optimiser, and greedy fill), entering devices labelled at each step."""
    fig = go.Figure()
    pts = ladder.points
    budgets = [p.budget_eur for p in pts]
    hover = ["<br>".join([f"budget {p.budget_eur:,.0f} EUR", f"benefit {p.benefit:,.1f}",
                          f"capex used {p.capex_eur:,.0f} EUR", f"annualised {p.annualised_eur_per_year:,.0f} EUR/yr"]
                         + [f"+ {_label(e, names)}" for e in p.entering]) for p in pts]
    fig.add_trace(go.Scatter(x=budgets, y=[p.benefit for p in pts], mode="lines+markers", name="optimiser",
                             line={"shape": "hv", "color": OPTIMISER_COLOUR}, hovertext=hover, hoverinfo="text"))
    if show_greedy and any(p.greedy is not None for p in pts):
        fig.add_trace(go.Scatter(
            x=budgets, y=[None if p.greedy is None else p.greedy.benefit for p in pts], mode="lines+markers",
            name="greedy rank-order fill", line={"shape": "hv", "dash": "dot", "color": GREEDY_COLOUR}))
    for i, p in enumerate(pts):
        if p.entering:
            fig.add_annotation(x=p.budget_eur, y=p.benefit, text="<br>".join(_label(e, names) for e in p.entering),
                               showarrow=True, arrowhead=2, ax=-30 if i % 2 else 30, ay=-40 - 15 * (i % 3),
                               font={"size": 10}, align="left")
    if ladder.scenario_budget_eur is not None:
        fig.add_vline(x=ladder.scenario_budget_eur, line={"dash": "dash", "color": BUDGET_COLOUR},
                      annotation_text="scenario capex budget", annotation_position="top left")
    fig.update_layout(title=f"Budget ladder: {ladder.scenario_name}", xaxis_title="capex budget (EUR)",
                      yaxis_title="benefit (weighted cases/year)", hovermode="closest",
                      legend={"orientation": "h", "y": -0.2})
    fig.update_xaxes(tickformat=",.0f")
    return fig


def path_figure(path: PurchasePath, names: Mapping[str, str] | None = None) -> go.Figure:
    """The nested purchase path (what each step buys on hover) beside the unconstrained frontier, same budgets.

    Trace 0 is the frontier, trace 1 the path."""
    fig = go.Figure()
    steps = path.steps
    budgets = [s.budget_eur for s in steps]
    fig.add_trace(go.Scatter(x=budgets, y=[s.frontier_benefit for s in steps], mode="lines+markers",
                             name="frontier (each budget alone)", line={"dash": "dot", "color": FRONTIER_COLOUR}))
    hover = ["<br>".join([f"budget {s.budget_eur:,.0f} EUR", f"benefit {s.benefit:,.2f}",
                          f"capex used {s.capex_eur:,.0f} EUR", f"lost vs frontier {s.value_lost:,.2f}"]
                         + [f"+ {_label(e, names)}" for e in s.entering]) for s in steps]
    fig.add_trace(go.Scatter(x=budgets, y=[s.benefit for s in steps], mode="lines+markers",
                             name="purchase path (nested)", line={"shape": "hv", "width": 3, "color": PATH_COLOUR},
                             hovertext=hover, hoverinfo="text"))
    fig.update_layout(title=f"Purchase path: {path.scenario_name}", xaxis_title="capex budget (EUR)",
                      yaxis_title="benefit (weighted events avoided/year)", hovermode="closest",
                      legend={"orientation": "h", "y": -0.2})
    fig.update_xaxes(tickformat=",.0f")
    return fig


def tornado_order(sens: Sensitivity) -> list[SensitivityRange]:
    """The ranges bottom to top as plotly draws horizontal bars: widest first, so the narrowest is on top."""
    return sorted(sens.ranges, key=lambda r: (-(r.high_multiplier - r.low_multiplier), r.parameter, r.subject))


def tornado_figure(sens: Sensitivity, names: Mapping[str, str] | None = None) -> go.Figure:
    """Range (as % change of the parameter) over which the configuration stays the same; the narrowest range (the
    parameter that changes the configuration soonest) at the top, decreases to the left, increases to the right.

    Bars that reach the search limit (no change found) are drawn lighter.
    """
    ranges = tornado_order(sens)
    labels = [f"{'weight' if r.parameter == 'weight' else 'price'}: {(names or {}).get(r.subject, r.subject)}"
              for r in ranges]
    fig = go.Figure()
    for side, values, open_flags, changes in (
            ("decrease", [100 * (r.low_multiplier - 1) for r in ranges], [r.low_open for r in ranges],
             [r.low_change for r in ranges]),
            ("increase", [100 * (r.high_multiplier - 1) for r in ranges], [r.high_open for r in ranges],
             [r.high_change for r in ranges])):
        fig.add_trace(go.Bar(
            y=labels, x=values, orientation="h", name=side,
            marker={"color": [("#9ecae1" if side == "decrease" else "#fdae6b") if o else
                              (OPTIMISER_COLOUR if side == "decrease" else GREEDY_COLOUR) for o in open_flags]},
            hovertext=[_hover(v, o, c) for v, o, c in zip(values, open_flags, changes, strict=True)],
            hoverinfo="text"))
    fig.update_layout(barmode="overlay", title=f"Sensitivity of the configuration: {sens.scenario_name}",
                      xaxis_title="change of the parameter keeping the same configuration (%)",
                      legend={"orientation": "h", "y": -0.2}, height=max(300, 40 * len(ranges) + 150))
    fig.add_vline(x=0, line={"color": "black", "width": 1})
    return fig


def _hover(value: float, at_limit: bool, change: str) -> str:
    text = f"{value:+.0f} %" + (" (search limit, no change found)" if at_limit else "")
    return text + (f"<br>beyond: {change}" if change else "")


def comparison_figure(comp: Comparison) -> go.Figure:
    """Benefit and annualised cost of each plan side by side (two y axes)."""
    fig = go.Figure()
    names = list(comp.names)
    fig.add_trace(go.Bar(x=names, y=[p.benefit for p in comp.plans], name="benefit (weighted cases/year)",
                         offsetgroup="benefit", marker={"color": OPTIMISER_COLOUR}))
    fig.add_trace(go.Bar(x=names, y=[p.annualised_eur_per_year for p in comp.plans], name="annualised cost (EUR/year)",
                         offsetgroup="cost", yaxis="y2", marker={"color": GREEDY_COLOUR}))
    fig.update_layout(title="Scenario comparison", barmode="group", yaxis={"title": "benefit"},
                      yaxis2={"title": "EUR/year", "overlaying": "y", "side": "right", "tickformat": ",.0f"},
                      legend={"orientation": "h", "y": -0.2})
    return fig

"""Plotly figures of a plan: pure ``tables -> go.Figure`` functions (no streamlit).

Inputs are the frames of :mod:`ui.tables`; labels come from the :class:`~ui.i18n.Translator`, and
``layout.separators`` follows the language (``1 234,5`` or ``1,234.5``).
"""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from ui.i18n import Translator
from ui.tables import wrap

COST_PARTS = ("annualised_capex", "maintenance", "consumables")
#: One colour per catalogue device (its rank in the catalogue's sorted ids), so that a device keeps its colour
#: from one chart, year or plan to the next; 50 colours, more than the bundled catalogue's devices.
DEVICE_PALETTE = (*px.colors.qualitative.Dark24, *px.colors.qualitative.Light24, "#1c5fa8", "#7f7f7f")


def device_colour(rank: int) -> str:
    """The colour of the device of this catalogue rank.

    >>> device_colour(0) == device_colour(len(DEVICE_PALETTE))
    True
    """
    return str(DEVICE_PALETTE[rank % len(DEVICE_PALETTE)])
CAPEX_COLOUR = "#1c5fa8"  #: capital spend (strong) ...
RUNNING_COLOUR = "rgba(140, 150, 160, 0.45)"  #: ... against the running costs (muted) in the spend chart


def _layout(fig: go.Figure, t: Translator, rows: int, xaxis: str, legend_rows: int = 1) -> go.Figure:
    fig.update_layout(separators=t.plotly_separators, height=120 + 70 * rows + 22 * legend_rows,
                      margin={"l": 10, "r": 10, "t": 10, "b": 10}, xaxis={"title": xaxis, "tickformat": ",.0f"},
                      legend={"orientation": "h", "yanchor": "top", "y": -0.12 - 0.5 / max(rows, 1), "x": 0},
                      yaxis={"autorange": "reversed", "automargin": True})
    return fig


def coverage_figure(coverage: pd.DataFrame, served: pd.DataFrame, t: Translator) -> go.Figure:
    """Horizontal bars per indication: cases served, stacked by device, against the demand (a marker)."""
    order = list(coverage["indication"])
    fig = go.Figure()
    for device, rows in served.groupby("device", sort=True):
        by_ind = rows.groupby("indication")["cases"].sum()
        fig.add_bar(y=[wrap(i) for i in order], x=[float(by_ind.get(i, 0.0)) for i in order], name=str(device),
                    orientation="h", hovertemplate="%{x:,.0f}<extra>" + str(device) + "</extra>",
                    marker={"color": device_colour(int(rows["rank"].iloc[0]))})
    fig.add_scatter(y=[wrap(i) for i in order], x=list(coverage["demand"]), name=t("chart.demand"), mode="markers",
                    marker={"symbol": "line-ns-open", "size": 26, "line": {"width": 3}, "color": "black"},
                    hovertemplate="%{x:,.0f}<extra>" + t("chart.demand") + "</extra>")
    fig.update_layout(barmode="stack")
    return _layout(fig, t, len(order), t("chart.cases"), legend_rows=1 + served["device"].nunique() // 2)


def cost_figure(costs: pd.DataFrame, t: Translator) -> go.Figure:
    """Annualised cost per device family, split into annualised capex, maintenance and consumables."""
    labels = [t.opt("family", f) for f in costs["family"]]
    fig = go.Figure()
    for part in COST_PARTS:
        fig.add_bar(y=labels, x=list(costs[part]), name=t(f"cost.{part}"), orientation="h",
                    hovertemplate="%{x:,.0f} €<extra>" + t(f"cost.{part}") + "</extra>")
    fig.update_layout(barmode="stack")
    return _layout(fig, t, len(labels), t("chart.eur_per_year"), legend_rows=2)


def budget_figure(budgets: pd.DataFrame, t: Translator) -> go.Figure:
    """Use of each budget against its limit (no limit bar when the budget is unlimited)."""
    labels = [t(f"budget.{b}") for b in budgets["budget"]]
    limits = [None if v is None or v != v else float(v) for v in budgets["limit"]]
    fig = go.Figure()
    fig.add_bar(y=labels, x=list(budgets["used"]), name=t("budget.used"), orientation="h",
                text=[t.eur(v) for v in budgets["used"]], textposition="auto")
    fig.add_bar(y=labels, x=[v or 0.0 for v in limits], name=t("budget.limit"), orientation="h",
                text=[t.eur(v) for v in limits], textposition="auto", marker={"opacity": 0.35})
    fig.update_layout(barmode="group")
    return _layout(fig, t, 2 * len(labels), t("chart.eur"), legend_rows=1)


def spend_figure(spend: pd.DataFrame, t: Translator, cumulative: bool) -> go.Figure:
    """Spend by year (capital, then running costs, stacked) against the capital envelope (line and markers).

    With carry-over (``cumulative``) the envelope is cumulative, so the capital spent to date is drawn as a line
    beside it; the bars stay each year's spend. Years without an envelope have no marker.
    """
    years = list(spend["year"])
    fig = go.Figure()
    parts = (("capex", t("chart.capex"), CAPEX_COLOUR), ("opex", t("chart.running"), RUNNING_COLOUR))
    for column, name, colour in parts:
        fig.add_bar(x=years, y=list(spend[column]), name=name, marker={"color": colour},
                    hovertemplate="%{y:,.0f} €<extra>" + name + "</extra>")
    limits = [None if v is None or v != v else float(v) for v in spend["envelope"]]
    if any(v is not None for v in limits):
        name = t("chart.envelope_cum" if cumulative else "chart.envelope")
        fig.add_scatter(x=years, y=limits, name=name, mode="lines+markers", line={"color": "black", "width": 2},
                        marker={"size": 9}, hovertemplate="%{y:,.0f} €<extra>" + name + "</extra>")
        if cumulative:
            done = t("chart.capex_cum")
            fig.add_scatter(x=years, y=list(spend["capex_to_date"]), name=done, mode="lines+markers",
                            line={"color": CAPEX_COLOUR, "width": 2, "dash": "dot"}, marker={"symbol": "diamond"},
                            hovertemplate="%{y:,.0f} €<extra>" + done + "</extra>")
    fig.update_layout(barmode="stack", separators=t.plotly_separators, height=400,
                      margin={"l": 10, "r": 10, "t": 10, "b": 10}, xaxis={"type": "category"},
                      yaxis={"title": t("chart.eur_by_year"), "tickformat": ",.0f", "rangemode": "tozero"},
                      legend={"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0, "traceorder": "normal"})
    return fig

"""Plotly figures of a robustness run: histograms of value and cost, selection frequency, regret.

Pure functions ``RobustReport -> go.Figure`` (no Streamlit); ``t`` gives the axis titles.
"""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go

from planner.robust.run import RobustReport

COLOURS = {"deterministic": "#1f77b4", "robust": "#2ca02c"}


def histogram(report: RobustReport, what: str, axis: str) -> go.Figure:
    """Overlaid histograms of each plan's ``values`` or ``costs_eur`` over the futures."""
    fig = go.Figure()
    for p in report.plans:
        fig.add_trace(go.Histogram(x=list(getattr(p, what)), name=p.name, opacity=0.6,
                                   marker_color=COLOURS.get(p.name)))
    fig.update_layout(barmode="overlay", xaxis_title=axis, yaxis_title="#", height=320,
                      margin={"l": 10, "r": 10, "t": 30, "b": 10})
    return fig


def selection_frequency(report: RobustReport, label: Callable[[str], str]) -> go.Figure:
    """How often each (site, device) is in use in the futures' optima (stability mode)."""
    rows = report.stability.frequency if report.stability is not None else ()
    fig = go.Figure(go.Bar(x=[share for _s, _d, share in rows], y=[f"{s}: {label(d)}" for s, d, _share in rows],
                           orientation="h", marker_color=COLOURS["deterministic"]))
    fig.update_layout(xaxis_tickformat=".0%", yaxis_autorange="reversed", height=120 + 24 * len(rows),
                      margin={"l": 10, "r": 10, "t": 10, "b": 10})
    return fig

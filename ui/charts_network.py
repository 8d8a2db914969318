"""Plotly figure of a plan's referral network: a pure ``tables -> go.Figure`` function (no streamlit).

Sites are nodes, at their coordinates on a map when every site has them, else on a circle; each referral
flow is one edge (a curved line, so that the flows of one link stay apart) whose width grows with its cases
a year, with its indication, cases a year and transfer minutes on hover. One colour per set of roles.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import plotly.graph_objects as go

if TYPE_CHECKING:
    import pandas as pd

    from ui.i18n import Translator

MIN_WIDTH, MAX_WIDTH = 1.5, 10.0  #: edge widths (px) of the smallest and of the largest flow
CURVE = 0.12  #: sideways offset of the n-th flow of a link, as a share of the link's length
EDGE_COLOUR = "rgba(28, 95, 168, 0.55)"
POINTS = 12  #: points per curved edge


def edge_width(cases: float, most: float) -> float:
    """Width of an edge of ``cases`` a year when the largest flow has ``most``: grows with the cases.

    >>> edge_width(0.0, 10.0), edge_width(10.0, 10.0)
    (1.5, 10.0)
    """
    return MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * (cases / most if most > 0 else 0.0)


def positions(nodes: pd.DataFrame) -> tuple[dict[str, tuple[float, float]], bool]:
    """Site id -> (x, y): (longitude, latitude) when every site has coordinates (``True``), else on a circle."""
    ids = list(nodes["site_id"])
    if len(nodes) and nodes[["lat", "lon"]].notna().all().all():
        return {s: (float(x), float(y)) for s, x, y in zip(ids, nodes["lon"], nodes["lat"], strict=True)}, True
    n = max(len(ids), 1)
    return {s: (math.cos(math.pi / 2 - 2 * math.pi * i / n), math.sin(math.pi / 2 - 2 * math.pi * i / n))
            for i, s in enumerate(ids)}, False


def _curve(a: tuple[float, float], b: tuple[float, float], bend: float) -> tuple[list[float], list[float]]:
    """Quadratic curve from ``a`` to ``b``, its middle pushed sideways by ``bend`` x the length."""
    mx, my = (a[0] + b[0]) / 2 - bend * (b[1] - a[1]), (a[1] + b[1]) / 2 + bend * (b[0] - a[0])
    steps = [i / (POINTS - 1) for i in range(POINTS)]
    return ([(1 - s) ** 2 * a[0] + 2 * (1 - s) * s * mx + s ** 2 * b[0] for s in steps],
            [(1 - s) ** 2 * a[1] + 2 * (1 - s) * s * my + s ** 2 * b[1] for s in steps])


def _trace(geo: bool, xs: list[float], ys: list[float], **kw: object) -> go.Scattermap | go.Scatter:
    return go.Scattermap(lon=xs, lat=ys, **kw) if geo else go.Scatter(x=xs, y=ys, **kw)


def network_figure(nodes: pd.DataFrame, edges: pd.DataFrame, t: Translator) -> go.Figure:
    """The group as a network: one trace per flow (``edges`` rows, see :func:`ui.network.edges`), then one
    per role set of the sites (``nodes`` rows, see :func:`ui.network.nodes`), labelled with the site names."""
    pos, geo = positions(nodes)
    names = dict(zip(nodes["site_id"], nodes["name"], strict=True))
    fig = go.Figure()
    most = float(edges["cases"].max()) if len(edges) else 0.0
    seen: dict[tuple[str, str], int] = {}
    for e in edges.itertuples(index=False):
        n = seen[(e.from_site, e.to_site)] = seen.get((e.from_site, e.to_site), -1) + 1
        xs, ys = _curve(pos[e.from_site], pos[e.to_site], CURVE * (n + 1) * (-1) ** n / 2 if n else 0.0)
        text = t("netw.hover", source=names[e.from_site], target=names[e.to_site], indication=e.indication,
                 cases=t.num(e.cases, 1), minutes=t.num(e.minutes, 0))
        fig.add_trace(_trace(geo, xs, ys, mode="lines", line={"width": edge_width(e.cases, most),
                                                              "color": EDGE_COLOUR},
                             hovertext=[text] * POINTS, hoverinfo="text", showlegend=False, name="flow"))
    for roles, group in nodes.groupby("roles", sort=True):
        xs, ys = [pos[s][0] for s in group["site_id"]], [pos[s][1] for s in group["site_id"]]
        fig.add_trace(_trace(geo, xs, ys, mode="markers+text", text=list(group["name"]),
                             textposition="top center", marker={"size": 16}, name=str(roles) or t("netw.no_role"),
                             hovertext=list(group["name"]), hoverinfo="text"))
    return _layout(fig, pos, geo, t)


def _layout(fig: go.Figure, pos: dict[str, tuple[float, float]], geo: bool, t: Translator) -> go.Figure:
    fig.update_layout(separators=t.plotly_separators, height=520, margin={"l": 10, "r": 10, "t": 10, "b": 10},
                      legend={"orientation": "h", "yanchor": "top", "y": -0.02, "x": 0})
    if geo:
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        span = max(max(xs) - min(xs), max(ys) - min(ys), 0.05)
        fig.update_layout(map={"style": "open-street-map", "zoom": max(1.0, min(12.0, math.log2(360 / span) - 1.2)),
                               "center": {"lon": (min(xs) + max(xs)) / 2, "lat": (min(ys) + max(ys)) / 2}})
    else:
        hidden = {"visible": False, "range": [-1.4, 1.4]}
        fig.update_layout(xaxis=hidden, yaxis={**hidden, "scaleanchor": "x"}, plot_bgcolor="white")
    return fig

"""Readable text of the decision tools (the CLI's output)."""

from __future__ import annotations

from planner.decision.compare import Comparison
from planner.decision.explain import Explanation
from planner.decision.ladder import Ladder
from planner.decision.path import PurchasePath
from planner.decision.sensitivity import Sensitivity


def _eur(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f}"


def _num(value: float | None, fmt: str = ",.1f") -> str:
    return "-" if value is None else format(value, fmt)


def ladder_text(ladder: Ladder) -> str:
    """Frontier table, changes between steps, tiers."""
    lines = [f"Scenario: {ladder.scenario_name}", f"Budget ladder: {ladder.status}, {len(ladder.points)} points, "
             f"{ladder.solves} solves, {ladder.time_s:.2f} s"]
    if not ladder.points:
        return "\n".join(lines + ["", "No plan at any capex budget:"] + [f"  - {d}" for d in ladder.diagnosis])
    if ladder.scenario_budget_eur is not None:
        lines.append(f"Scenario capex budget: {_eur(ladder.scenario_budget_eur)} EUR")
        if ladder.min_budget_eur is not None and ladder.scenario_budget_eur < ladder.min_budget_eur - 0.5:
            lines.append(f"  below the cheapest feasible plan ({_eur(ladder.min_budget_eur)} EUR): "
                         "the scenario as given has no plan")
    head = (f"{'capex budget':>13} {'benefit':>9} {'greedy':>9} {'gain':>7} {'capex used':>11} "
            f"{'annualised/yr':>14}  entering")
    lines += ["", head, "-" * len(head)]
    for p in ladder.points:
        g = None if p.greedy is None else p.greedy.benefit
        lines.append(f"{_eur(p.budget_eur):>13} {p.benefit:>9,.1f} {_num(g):>9} {_num(p.gain_over_greedy):>7} "
                     f"{_eur(p.capex_eur):>11} {_eur(p.annualised_eur_per_year):>14}  {', '.join(p.entering)}")
    lines += ["", "Changes from one budget to the next"]
    lines += [f"  at {_eur(c.to_budget_eur):>9} EUR  {c.text}" for c in ladder.changes] or ["  (none)"]
    lines += ["", f"Tiers (recommended = enters before {ladder.recommended_share:.0%} of the benefit gain)"]
    for t in ladder.tiers:
        inst = f", {t.units_installed} installed" if t.units_installed else ""
        lines.append(f"  {t.tier:<12} {t.site_id:<10} {t.device_id:<34} from {_eur(t.entry_budget_eur):>9} EUR "
                     f"({t.units} unit{'s' if t.units > 1 else ''}{inst})")
    return "\n".join(lines)


def path_text(path: PurchasePath) -> str:
    """The purchase path step by step beside the frontier, what each step buys, the path's tiers."""
    lad = path.frontier
    lines = [f"Scenario: {path.scenario_name}",
             f"Purchase path (nested: each budget keeps what the one before bought): {path.status}, "
             f"{len(path.steps)} steps, {path.variables:,} variables, {path.constraints:,} constraints, "
             f"{path.time_s:.2f} s; frontier (each budget alone): {lad.status}, {lad.time_s:.2f} s"]
    if not path.steps:
        why = path.diagnosis or ("the joint solve ended without a path: use fewer --steps, or see the frontier "
                                 "with --frontier",)
        return "\n".join(lines + ["", "No purchase path:"] + [f"  - {d}" for d in why])
    if path.mip_gap:
        lines.append(f"MIP gap of the path: {path.mip_gap:.2%} (the path is feasible, its optimality not proven)")
    head = (f"{'capex budget':>13} {'path':>9} {'frontier':>9} {'lost':>7} {'lost %':>7} {'capex used':>11} "
            f"{'annualised/yr':>14}  buy at this step")
    lines += ["", head, "-" * len(head)]
    for s in path.steps:
        share = "-" if s.value_lost_share is None else f"{s.value_lost_share:.1%}"
        buys = ", ".join(f"{c.site_id}/{c.device_id} x{c.units_new}" for c in s.purchases)
        idle = f"  (idle: {', '.join(s.idle)})" if s.idle else ""
        lines.append(f"{_eur(s.budget_eur):>13} {s.benefit:>9,.2f} {s.frontier_benefit:>9,.2f} {s.value_lost:>7,.2f} "
                     f"{share:>7} {_eur(s.capex_eur):>11} {_eur(s.annualised_eur_per_year):>14}  {buys}{idle}")
    lines += ["", f"What nesting costs against the frontier: at most {path.max_value_lost:,.2f} "
              f"({path.max_value_lost_share:.1%}), on average {path.mean_value_lost:,.2f} "
              f"({path.mean_value_lost_share:.1%}) weighted events avoided"]
    lines += ["", f"Tiers of the path (recommended = bought before {lad.recommended_share:.0%} of the path's gain)"]
    for t in path.tiers:
        inst = f", {t.units_installed} installed" if t.units_installed else ""
        lines.append(f"  {t.tier:<12} {t.site_id:<10} {t.device_id:<34} from {_eur(t.entry_budget_eur):>9} EUR "
                     f"({t.units} unit{'s' if t.units > 1 else ''}{inst})")
    return "\n".join(lines)


def explanation_text(expl: Explanation) -> str:
    """Chosen devices, devices not chosen with the reason, binding constraints."""
    lines = [f"Scenario: {expl.scenario_name}", f"Status: {expl.status} ({expl.solves} solves)"]
    if expl.benefit is None:
        return "\n".join(lines + ["", "No plan:"] + [f"  - {d}" for d in expl.diagnosis])
    lines += ["", f"Benefit: {expl.benefit:,.1f} weighted cases/year", "", "Why these devices"]
    lines += [f"  {c.site_id} / {c.device_id}: {c.text}" for c in expl.chosen]
    lines += ["", "Why not the others"]
    lines += [f"  {w.site_id} / {w.device_id} [{w.reason.value}]: {w.text}" for w in expl.not_chosen]
    lines += ["", "Binding constraints"]
    lines += [f"  - {b.text}" for b in expl.binding] or ["  (none)"]
    return "\n".join(lines)


def sensitivity_text(sens: Sensitivity) -> str:
    """Ranges of each parameter."""
    lines = [f"Scenario: {sens.scenario_name}", f"Sensitivity: {sens.status}, {sens.solves} solves, "
             f"{sens.time_s:.2f} s (bracket {sens.tolerance:.0%})"]
    for r in sens.ranges:
        lo = f"{'<=' if r.low_open else ''}{(r.low_multiplier - 1):+.0%}"
        hi = f"{'>=' if r.high_open else ''}{(r.high_multiplier - 1):+.0%}"
        lines.append(f"  {r.parameter:<17} {r.subject:<34} {lo:>7} .. {hi:<7}"
                     + (f"  below: {r.low_change}" if r.low_change else "")
                     + (f"  above: {r.high_change}" if r.high_change else ""))
    return "\n".join(lines)


def comparison_text(comp: Comparison) -> str:
    """Headline figures, then device and coverage rows, differences marked with '*'."""
    width = max([12, *(len(n) for n in comp.names)])
    def row(label: str, cells: list[str]) -> str:
        return f"  {label:<44}" + "".join(f"{c:>{width + 2}}" for c in cells)

    lines = [row("", list(comp.names)), row("status", [p.status for p in comp.plans]),
             row("benefit (weighted cases/year)", [_num(p.benefit) for p in comp.plans]),
             row("capex (EUR)", [_eur(p.capex_eur) for p in comp.plans]),
             row("opex (EUR/year)", [_eur(p.opex_eur_per_year) for p in comp.plans]),
             row("annualised cost (EUR/year)", [_eur(p.annualised_eur_per_year) for p in comp.plans]),
             "", "Devices in use (units; * differs; = only an equivalent product: same function, within tolerance)"]
    lines += [row(f"{'*' if r.differs else '=' if r.equivalent else ' '} {r.site_id} / {r.device_id}",
                  [str(u) for u in r.units])
              for r in comp.devices]
    lines += ["", "Coverage (share of demand served; * = differs)"]
    lines += [row(f"{'*' if r.differs else ' '} {r.site_id} / {r.indication_id}",
                  ["-" if v is None else f"{v:.0%}" for v in r.shares]) for r in comp.coverage]
    for p in comp.plans:
        if p.diagnosis:
            lines += ["", f"{p.name}: no plan"] + [f"  - {d}" for d in p.diagnosis]
    return "\n".join(lines)

"""Readable text of the decision tools (the CLI's output), in the output language.

Every sentence is a catalogue message (``dtext.*`` in ``planner/messages/cli.toml``); devices, indications and
sites are named by ``names`` (their labels; ids when none are given), numbers the language's way.
"""

from __future__ import annotations

from collections.abc import Sequence

from planner.decision.compare import Comparison
from planner.decision.explain import Explanation
from planner.decision.ladder import Ladder, Tier
from planner.decision.path import PurchasePath
from planner.decision.sensitivity import Sensitivity
from planner.messages import Arg, Device, Indication, Msg, Names, Opt, Site, msg, render
from planner.messages.format import number, pct


class _Say:
    """Messages, names and numbers in one language."""

    def __init__(self, lang: str, names: Names | None) -> None:
        self.lang, self.names = lang, names

    def __call__(self, code: str, **args: Arg) -> str:
        return render(msg(code, **args), self.lang, self.names)

    def msg(self, message: Msg) -> str:
        return render(message, self.lang, self.names)

    def eur(self, value: float | None) -> str:
        return "-" if value is None else number(value, self.lang)

    def num(self, value: float | None, decimals: int = 1) -> str:
        return "-" if value is None else number(value, self.lang, decimals)

    def pct(self, value: float | None, decimals: int = 0) -> str:
        return "-" if value is None else pct(value, self.lang, decimals)

    def item(self, site_device: str) -> str:
        """``site/device`` as ``site / device name``."""
        site, _, device = site_device.partition("/")
        return self.msg(msg("dtext.item", site=Site(site), device=Device(device)))

    def items(self, site_devices: Sequence[str]) -> str:
        return ", ".join(self.item(i) for i in site_devices)

    def diagnosis(self, lines: Sequence[Msg | str]) -> list[str]:
        return [f"  - {line if isinstance(line, str) else self.msg(line)}" for line in lines]


def _tiers(say: _Say, tiers: Sequence[Tier]) -> list[str]:
    return [say("dtext.tier_line", tier=Opt("tier", t.tier), site=Site(t.site_id), device=Device(t.device_id),
                budget=say.eur(t.entry_budget_eur), units=t.units,
                installed=msg("dtext.installed", n=t.units_installed) if t.units_installed else "")
            for t in tiers]


def ladder_text(ladder: Ladder, lang: str = "en", names: Names | None = None) -> str:
    """Frontier table, changes between steps, tiers."""
    say = _Say(lang, names)
    lines = [say("cli.scenario", name=ladder.scenario_name),
             say("dtext.ladder_head", status=Opt("status", ladder.status), points=len(ladder.points),
                 solves=ladder.solves, seconds=say.num(ladder.time_s, 2))]
    if not ladder.points:
        return "\n".join([*lines, "", say("dtext.ladder_no_plan"), *say.diagnosis(ladder.diagnosis)])
    if ladder.scenario_budget_eur is not None:
        lines.append(say("dtext.scenario_budget", eur=say.eur(ladder.scenario_budget_eur)))
        if ladder.min_budget_eur is not None and ladder.scenario_budget_eur < ladder.min_budget_eur - 0.5:
            lines.append(say("dtext.below_cheapest", eur=say.eur(ladder.min_budget_eur)))
    cols = [say(f"dtext.col.{c}") for c in ("budget", "benefit", "greedy", "gain", "capex", "annualised")]
    head = (f"{cols[0]:>13} {cols[1]:>9} {cols[2]:>9} {cols[3]:>7} {cols[4]:>11} {cols[5]:>14}  "
            + say("dtext.col.entering"))
    lines += ["", head, "-" * len(head)]
    for p in ladder.points:
        g = None if p.greedy is None else p.greedy.benefit
        lines.append(f"{say.eur(p.budget_eur):>13} {say.num(p.benefit):>9} {say.num(g):>9} "
                     f"{say.num(p.gain_over_greedy):>7} {say.eur(p.capex_eur):>11} "
                     f"{say.eur(p.annualised_eur_per_year):>14}  {say.items(p.entering)}")
    lines += ["", say("dtext.changes")]
    lines += [say("dtext.change_line", eur=f"{say.eur(c.to_budget_eur):>9}", text=c.text)
              for c in ladder.changes] or [say("dtext.none")]
    lines += ["", say("dtext.tiers", share=say.pct(ladder.recommended_share))]
    return "\n".join(lines + _tiers(say, ladder.tiers))


def path_text(path: PurchasePath, lang: str = "en", names: Names | None = None) -> str:
    """The purchase path step by step beside the frontier, what each step buys, the path's tiers."""
    say = _Say(lang, names)
    lad = path.frontier
    lines = [say("cli.scenario", name=path.scenario_name),
             say("dtext.path_head", status=Opt("status", path.status), steps=len(path.steps),
                 variables=say.num(path.variables, 0), constraints=say.num(path.constraints, 0),
                 seconds=say.num(path.time_s, 2), frontier=Opt("status", lad.status),
                 frontier_seconds=say.num(lad.time_s, 2))]
    if not path.steps:
        why = say.diagnosis(path.diagnosis) or [f"  - {say('dtext.path_failed')}"]
        return "\n".join([*lines, "", say("dtext.no_path"), *why])
    if path.mip_gap:
        lines.append(say("dtext.path_gap", gap=say.pct(path.mip_gap, 2)))
    cols = [say(f"dtext.col.{c}") for c in ("budget", "path", "frontier", "lost", "lost_pct", "capex",
                                            "annualised")]
    head = (f"{cols[0]:>13} {cols[1]:>9} {cols[2]:>9} {cols[3]:>7} {cols[4]:>7} {cols[5]:>11} {cols[6]:>14}  "
            + say("dtext.col.buy"))
    lines += ["", head, "-" * len(head)]
    for s in path.steps:
        buys = ", ".join(f"{say.item(f'{c.site_id}/{c.device_id}')} x{c.units_new}" for c in s.purchases)
        idle = say("dtext.idle", items=say.items(s.idle)) if s.idle else ""
        lines.append(f"{say.eur(s.budget_eur):>13} {say.num(s.benefit, 2):>9} {say.num(s.frontier_benefit, 2):>9} "
                     f"{say.num(s.value_lost, 2):>7} {say.pct(s.value_lost_share, 1):>7} {say.eur(s.capex_eur):>11} "
                     f"{say.eur(s.annualised_eur_per_year):>14}  {buys}{idle}")
    lines += ["", say("dtext.nesting_cost", most=say.num(path.max_value_lost, 2),
                      most_share=say.pct(path.max_value_lost_share, 1), mean=say.num(path.mean_value_lost, 2),
                      mean_share=say.pct(path.mean_value_lost_share, 1))]
    lines += ["", say("dtext.path_tiers", share=say.pct(lad.recommended_share))]
    return "\n".join(lines + _tiers(say, path.tiers))


def explanation_text(expl: Explanation, lang: str = "en", names: Names | None = None) -> str:
    """Chosen devices, devices not chosen with the reason, binding constraints."""
    say = _Say(lang, names)
    lines = [say("cli.scenario", name=expl.scenario_name),
             say("dtext.explain_head", status=Opt("status", expl.status), solves=expl.solves)]
    if expl.benefit is None:
        return "\n".join([*lines, "", say("cli.no_plan"), *say.diagnosis(expl.diagnosis)])
    lines += ["", say("dtext.benefit", benefit=say.num(expl.benefit)), "", say("dtext.why_these")]
    lines += [say("dtext.chosen_line", site=Site(c.site_id), device=Device(c.device_id), text=c.text)
              for c in expl.chosen]
    lines += ["", say("dtext.why_not")]
    lines += [say("dtext.not_chosen_line", site=Site(w.site_id), device=Device(w.device_id),
                  reason=Opt("reason", w.reason.value), text=w.text) for w in expl.not_chosen]
    lines += ["", say("dtext.binding")]
    lines += [say("cli.item", text=b.text) for b in expl.binding] or [say("dtext.none")]
    return "\n".join(lines)


def sensitivity_text(sens: Sensitivity, lang: str = "en", names: Names | None = None) -> str:
    """Ranges of each parameter."""
    say = _Say(lang, names)
    lines = [say("cli.scenario", name=sens.scenario_name),
             say("dtext.sens_head", status=Opt("status", sens.status), solves=sens.solves,
                 seconds=say.num(sens.time_s, 2), bracket=say.pct(sens.tolerance))]
    for r in sens.ranges:
        lo = f"{'<=' if r.low_open else ''}{'+' if r.low_multiplier > 1 else ''}{say.pct(r.low_multiplier - 1)}"
        hi = f"{'>=' if r.high_open else ''}{'+' if r.high_multiplier > 1 else ''}{say.pct(r.high_multiplier - 1)}"
        subject = Indication(r.subject) if r.parameter == "weight" else Device(r.subject)
        lines.append(f"  {say(f'dtext.param.{r.parameter}'):<22} {say.msg(msg('text', text=subject)):<34} "
                     f"{lo:>8} .. {hi:<8}"
                     + (say("dtext.below", change=r.low_change) if r.low_change else "")
                     + (say("dtext.above", change=r.high_change) if r.high_change else ""))
    return "\n".join(lines)


def comparison_text(comp: Comparison, lang: str = "en", names: Names | None = None) -> str:
    """Headline figures, then device and coverage rows, differences marked with '*'."""
    say = _Say(lang, names)
    width = max([12, *(len(n) for n in comp.names)])

    def row(label: str, cells: list[str]) -> str:
        return f"  {label:<44}" + "".join(f"{c:>{width + 2}}" for c in cells)

    lines = [row("", list(comp.names)), row(say("dtext.cmp.status"), [say.msg(msg("text", text=Opt("status", p.status)))
                                                                      for p in comp.plans]),
             row(say("dtext.cmp.benefit"), [say.num(p.benefit) for p in comp.plans]),
             row(say("dtext.cmp.capex"), [say.eur(p.capex_eur) for p in comp.plans]),
             row(say("dtext.cmp.opex"), [say.eur(p.opex_eur_per_year) for p in comp.plans]),
             row(say("dtext.cmp.annualised"), [say.eur(p.annualised_eur_per_year) for p in comp.plans]),
             "", say("dtext.cmp.devices")]
    lines += [row(f"{'*' if r.differs else '=' if r.equivalent else ' '} "
                  + say("dtext.pair", site=Site(r.site_id), thing=Device(r.device_id)), [str(u) for u in r.units])
              for r in comp.devices]
    lines += ["", say("dtext.cmp.coverage")]
    lines += [row(f"{'*' if r.differs else ' '} " + say("dtext.pair", site=Site(r.site_id),
                                                       thing=Indication(r.indication_id)),
                  [say.pct(v) for v in r.shares]) for r in comp.coverage]
    for p in comp.plans:
        if p.diagnosis:
            lines += ["", say("dtext.cmp.no_plan", name=p.name), *say.diagnosis(p.diagnosis)]
    return "\n".join(lines)

"""Why a catalogue device is not in the plan at a site: reason codes and the structural rules.

A rule is a function ``(RuleContext, Site, Device) -> WhyNot | None``; :data:`STRUCTURAL_RULES` are tried
in order before any re-solve (see :mod:`planner.decision.explain`). A new reason is a new
:class:`ReasonCode` member and a new rule here (or in the ``rules`` passed to ``explain_plan``);
:func:`rule_excluded_security` is the worked example.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from planner.catalog import Catalog, Device
from planner.inputs import ModelInputs
from planner.messages import Device as DeviceRef
from planner.messages import Indication, Join, Msg, Opt, msg
from planner.scenario import Scenario, Site


class ReasonCode(StrEnum):
    """Why a catalogue device is not in the plan at a site."""

    EXCLUDED_BY_USER = "excluded_by_user"
    EXCLUDED_SECURITY = "excluded_security"
    INCOMPATIBLE_ANGIO = "incompatible_angio"
    NO_DEMAND = "no_demand"
    REQUIRES_ABSENT = "requires_absent"
    UNAVAILABLE = "unavailable"
    DOMINATED = "dominated"
    NOT_AFFORDABLE = "not_affordable"


@dataclass(frozen=True)
class WhyNot:
    """Why a device is not in use at a site, in words and figures."""

    site_id: str
    device_id: str
    reason: ReasonCode
    text: Msg  # the reason in words (codes ``why.*``)
    benefit_gain: float | None = None  # not affordable: its benefit in the plan with budgets lifted
    extra_capex_eur: float | None = None  # capex it needs beyond what the plan leaves
    extra_opex_eur_per_year: float | None = None  # opex it needs beyond what the plan leaves
    alternatives: tuple[str, ...] = ()  # dominated: devices of the plan that serve the same cases


@dataclass(frozen=True)
class RuleContext:
    """What a why-not rule may look at."""

    catalog: Catalog
    scenario: Scenario
    inputs: ModelInputs


WhyNotRule = Callable[[RuleContext, Site, Device], WhyNot | None]


def rule_excluded_by_user(ctx: RuleContext, site: Site, dev: Device) -> WhyNot | None:
    """The scenario's ``exclude`` list names the device."""
    if dev.id in ctx.scenario.exclude and not site.installed.get(dev.id):
        return WhyNot(site.id, dev.id, ReasonCode.EXCLUDED_BY_USER, msg("why.excluded_by_user"))
    return None


def rule_excluded_security(ctx: RuleContext, site: Site, dev: Device) -> WhyNot | None:
    """The scenario's security rules forbid buying the device (:func:`planner.security.security_exclusions`)."""
    reason = ctx.inputs.security_excluded.get(dev.id)
    if reason and not site.installed.get(dev.id):
        return WhyNot(site.id, dev.id, ReasonCode.EXCLUDED_SECURITY, msg("why.excluded_security", reason=reason))
    return None


def rule_incompatible_angio(ctx: RuleContext, site: Site, dev: Device) -> WhyNot | None:
    """The device does not work with the site's angiography vendor (and none is installed)."""
    if not dev.works_with(site.angio_vendor) and not site.installed.get(dev.id):
        return WhyNot(site.id, dev.id, ReasonCode.INCOMPATIBLE_ANGIO,
                      msg("why.incompatible_angio", vendor=Opt("vendor", site.angio_vendor),
                          works=Join(tuple(Opt("vendor", v) for v in dev.compatible_angio))))
    return None


def rule_no_demand(ctx: RuleContext, site: Site, dev: Device) -> WhyNot | None:
    """No indication the device may serve has demand at the site."""
    inputs = ctx.inputs
    usable = [k for (d, k) in inputs.effectiveness if d == dev.id]
    if any(inputs.demand[(site.id, k)] > 0 for k in usable):
        return None
    listed = sorted(c.indication_id for c in ctx.catalog.coverage if c.device_id == dev.id)
    class_iii = sorted(set(listed) - set(usable))
    names = Join(tuple(Indication(k) for k in dict.fromkeys(listed))) if listed else msg("why.none")
    text = msg("why.no_demand", indications=names)
    if class_iii:
        text = msg("concat", a=text, b=msg("why.class_iii"))
    return WhyNot(site.id, dev.id, ReasonCode.NO_DEMAND, text)


def rule_requires_absent(ctx: RuleContext, site: Site, dev: Device) -> WhyNot | None:
    """None of the devices it requires can be at the site."""
    needs = ctx.catalog.requirements(dev.id)
    if needs and (site.id, dev.id) not in set(ctx.inputs.candidates):
        return WhyNot(site.id, dev.id, ReasonCode.REQUIRES_ABSENT,
                      msg("why.requires_absent", devices=Join(tuple(DeviceRef(d) for d in needs), "or")))
    return None


#: Structural rules, in the order they are tried; add new ones here (or pass ``rules=``).
STRUCTURAL_RULES: tuple[WhyNotRule, ...] = (rule_excluded_by_user, rule_excluded_security, rule_incompatible_angio,
                                            rule_no_demand, rule_requires_absent)

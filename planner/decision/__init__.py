"""Decision support: budget ladder and nested purchase path, why / why not, sensitivity, scenario comparison.

Every tool re-solves the planner's own model (:func:`planner.model.build_model` + :mod:`planner.solve`) with
a change, and returns a frozen dataclass with ``to_dict()``; figures are in
:mod:`planner.report.charts_decision`, text in :mod:`planner.decision.text`. Infeasibility diagnosis lives
in :mod:`planner.diagnose`. See ``docs/decision.md``.
"""

from planner.decision.compare import Comparison, compare_plans, compare_scenarios
from planner.decision.engine import ConfigItem, Configuration, SolverFailureError, configuration
from planner.decision.explain import Explanation, ReasonCode, WhyNot, explain_plan
from planner.decision.ladder import GreedyPoint, Ladder, LadderChange, LadderPoint, Tier, budget_ladder
from planner.decision.path import PathStep, PurchasePath, purchase_path
from planner.decision.sensitivity import (
    Sensitivity,
    SensitivityRange,
    price_sensitivity,
    sensitivity,
    weight_sensitivity,
)

__all__ = [
    "Comparison", "ConfigItem", "Configuration", "Explanation", "GreedyPoint", "Ladder", "LadderChange",
    "LadderPoint", "PathStep", "PurchasePath", "ReasonCode", "Sensitivity", "SensitivityRange", "SolverFailureError",
    "Tier", "WhyNot",
    "budget_ladder", "compare_plans", "compare_scenarios", "configuration", "explain_plan", "price_sensitivity",
    "purchase_path", "sensitivity", "weight_sensitivity",
]

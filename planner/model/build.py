"""``build_model(inputs) -> BuiltModel``: the table of contents of the MILP."""

from __future__ import annotations

from dataclasses import dataclass

import pulp

from planner.inputs import ModelInputs
from planner.model import constraints as c
from planner.model.elastic import Elastic
from planner.model.objective import tco_expr, tie_break_expr, value_expr
from planner.model.variables import Variables, add_variables

#: Constraint families in the order they are built; names start with these prefixes.
CONSTRAINT_FAMILIES = (
    "demand", "coverage_floor", "capacity", "presence_lower", "presence_upper", "cases_need_presence",
    "per_room", "requires", "capex_budget", "opex_budget", "must_include",
)
#: Clinical rules that exist where the catalogue sets them: minimum volumes per family, share caps.
CLINICAL_RULE_FAMILIES = ("min_volume", "share_cap")
#: Families that exist only in multi-year or multi-mode models.
MULTI_PERIOD_FAMILIES = ("used_upper", "used_lower", "placement_commitment")
#: Families that exist only with referral routes between sites (``referrals:``, ``referral_rules:``).
REFERRAL_FAMILIES = ("referral_origin", "referral_served", "referral_share", "referral_cases")


@dataclass(frozen=True)
class BuiltModel:
    """The PuLP problem, its variables and the objective terms it may optimise (``benefit``: the clinical
    value, weighted events avoided per year)."""

    prob: pulp.LpProblem
    variables: Variables
    benefit: pulp.LpAffineExpression
    tco: pulp.LpAffineExpression  # total cost of ownership over the horizon, k EUR (one year: annualised cost)
    inputs: ModelInputs
    tie_break: pulp.LpAffineExpression | None = None  # units acquired + devices in use: fewest among equal costs


def build_model(inputs: ModelInputs, name: str = "cathlab_plan", elastic: Elastic | None = None) -> BuiltModel:
    """Create variables, every constraint family and the objective terms (objective set by the solver).

    ``elastic`` (the infeasibility diagnosis) puts a slack on the limits it names: budgets, envelopes,
    coverage floors, must-includes; every other rule is the same."""
    prob = pulp.LpProblem(name, pulp.LpMinimize)
    v = add_variables(prob, inputs)
    c.add_demand_constraints(prob, inputs, v)
    c.add_coverage_floor_constraints(prob, inputs, v, elastic)
    c.add_capacity_constraints(prob, inputs, v)
    c.add_presence_constraints(prob, inputs, v)
    c.add_per_room_constraints(prob, inputs, v)
    c.add_requires_constraints(prob, inputs, v)
    c.add_capex_budget_constraints(prob, inputs, v, elastic)
    c.add_opex_budget_constraints(prob, inputs, v, elastic)
    c.add_commitment_constraints(prob, inputs, v)
    c.add_must_include_constraints(prob, inputs, v, elastic)
    c.add_min_volume_constraints(prob, inputs, v)
    c.add_share_cap_constraints(prob, inputs, v)
    c.add_referral_constraints(prob, inputs, v)
    return BuiltModel(prob, v, value_expr(inputs, v), tco_expr(inputs, v), inputs, tie_break_expr(v))

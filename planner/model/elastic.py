"""The soft switch of the limits: the infeasibility diagnosis builds the same model with a slack on the limits
it may relax (budgets, envelopes, coverage floors, must-includes), through the same builders.

A builder asks :meth:`Elastic.slack` for the slack of a named limit; outside a diagnosis (``None``) or for a
limit that stays hard, there is none and the row is the model's own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pulp


@dataclass
class Elastic:
    """Which named limits get a slack, and the slacks made (name -> (variable, scale of its unit))."""

    soft: frozenset[str]
    slacks: dict[str, tuple[pulp.LpVariable, float]] = field(default_factory=dict)

    def slack(self, prob: pulp.LpProblem, name: str, scale: float, cap: float | None = None) -> pulp.LpVariable | None:
        """The slack of limit ``name`` (made once), or ``None`` when the limit stays hard."""
        if name not in self.soft:
            return None
        if name not in self.slacks:
            self.slacks[name] = (prob.add_variable(f"slack_{name}", 0, cap, pulp.LpContinuous), scale)
        return self.slacks[name][0]

    def objective(self) -> pulp.LpAffineExpression:
        """The sum of the slacks, each in its own unit (a share of the limit it relaxes)."""
        return pulp.lpSum(slack * (1.0 / scale) for slack, scale in self.slacks.values())


def slack_of(elastic: Elastic | None, prob: pulp.LpProblem, name: str, scale: float,
             cap: float | None = None) -> pulp.LpVariable | None:
    """:meth:`Elastic.slack`, or ``None`` outside a diagnosis."""
    return None if elastic is None else elastic.slack(prob, name, scale, cap)

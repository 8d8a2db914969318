"""Re-solving one model at other capital budgets (the budget ladder): built and loaded into HiGHS once.

Between two budgets only the right-hand side of the ``capex_budget`` row changes (and the benefit lock of
phase 2 is lifted, then set again at the new optimum); phase 1 starts from the previous plan when it fits the
new budget, else from the starting plan of the floors (:mod:`planner.model.start`), and phase 2 from phase 1
(:class:`planner.solve.LexicographicSession`). The plans are the cold solves' (``tests/model/
test_decision_ladder.py`` compares them).
"""

from __future__ import annotations

import pulp

from planner import costs
from planner.decision.engine import EUR_TOL, NO_TWEAK, Tweak, build_tweaked, with_capex_budget
from planner.inputs import ModelInputs
from planner.model.start import starting_point
from planner.plan import Plan
from planner.planbuild import from_solution
from planner.scenario import SolverOptions
from planner.solve import LexicographicSession


class BudgetSession:
    """The scenario's model at a sequence of capital budgets (``max_benefit``: value, then cost)."""

    def __init__(self, inputs: ModelInputs, options: SolverOptions, tweak: Tweak = NO_TWEAK) -> None:
        self.inputs, self.options, self.tweak = inputs, options, tweak
        self.lex: LexicographicSession | None = None
        self.built_rhs = 0.0  # the capital budget the model was built with, k EUR
        self.previous: tuple[float, dict[str, float]] | None = None  # capex (EUR) and values of the last plan

    def plan(self, budget_eur: float) -> Plan:
        """The plan at ``budget_eur`` (same lexicographic optimum as a cold solve)."""
        at = with_capex_budget(self.inputs, budget_eur)
        rhs = costs.to_model_money(budget_eur)
        if self.lex is None:
            self.lex = LexicographicSession(build_tweaked(at, self.tweak), self.options)
            self.built_rhs = rhs
        else:
            self.lex.set_upper("capex_budget", rhs, self.built_rhs)
        built = self.lex.built
        fits = self.previous is not None and self.previous[0] <= budget_eur + EUR_TOL
        point = self.previous[1] if fits and self.previous else starting_point(built.inputs, built.variables)
        plan = from_solution(at, self.lex.result(point=point), {})
        if plan.has_solution and plan.costs is not None:
            self.previous = (plan.costs.capex_eur, {v.name: float(v.varValue or 0.0) for v in built.prob.variables()
                                                    if isinstance(v, pulp.LpVariable)})
        return plan

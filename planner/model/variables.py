"""Decision variables: new units ``buy``, presence ``present`` and annual cases ``cases``."""

from __future__ import annotations

from dataclasses import dataclass

import pulp

from planner.inputs import Allocation, ModelInputs, SiteDevice


@dataclass(frozen=True)
class Variables:
    """The model's variables, indexed like :class:`~planner.inputs.ModelInputs`."""

    buy: dict[SiteDevice, pulp.LpVariable]  # u_sd, integer >= 0
    present: dict[SiteDevice, pulp.LpVariable]  # p_sd, binary
    cases: dict[Allocation, pulp.LpVariable]  # n_sdk >= 0


def add_variables(prob: pulp.LpProblem, inputs: ModelInputs) -> Variables:
    """Create u_sd, p_sd for candidate (site, device) pairs and n_sdk for possible allocations."""
    buy = {(s, d): prob.add_variable(f"buy_{s}_{d}", 0, inputs.max_new[(s, d)], pulp.LpInteger)
           for s, d in inputs.candidates}
    present = {(s, d): prob.add_variable(f"present_{s}_{d}", 0, 1, pulp.LpBinary)
               for s, d in inputs.candidates}
    cases = {(s, d, k): prob.add_variable(f"cases_{s}_{d}_{k}", 0, None, pulp.LpContinuous)
             for s, d, k in inputs.allocations}
    return Variables(buy, present, cases)

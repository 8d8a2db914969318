"""Plain-words diagnosis of an infeasible scenario.

Structural causes are found by inspecting the inputs (a floor no device can serve at a site, a must-include
device that cannot be used anywhere). Conflicts between budgets and floors are diagnosed by
:func:`planner.diagnose.diagnose` with elastic re-solves where available.
"""

from __future__ import annotations

from planner.inputs import ModelInputs


def structural_causes(inputs: ModelInputs) -> list[str]:
    """Causes of infeasibility visible without solving."""
    causes = []
    servable = {(s, k) for s, _d, k in inputs.allocations}
    for s in inputs.sites:
        for k in inputs.indications:
            need = inputs.floor[k] * inputs.demand[(s, k)]
            if need > 0 and (s, k) not in servable:
                causes.append(f"site {s}: the coverage floor of {inputs.floor[k]:.0%} for {k} "
                              f"({need:.1f} cases/year) cannot be met: no usable device at this site serves {k} "
                              "(check angiography compatibility, exclusions and required devices)")
    candidates = {d for _s, d in inputs.candidates}
    for d in inputs.must_include:
        if d not in candidates:
            causes.append(f"must-include device {d} cannot be used at any site (excluded, incompatible with "
                          "the angiography vendor, or its required device is unavailable)")
    return causes


def diagnose(inputs: ModelInputs) -> tuple[str, ...]:
    """Explain why no plan exists, in plain words."""
    causes = structural_causes(inputs)
    if not causes:
        causes.append("the budgets cannot pay for the devices that the coverage floors and must-include "
                      "devices require; raise a budget, lower a floor or drop a must-include device")
    return tuple(causes)

"""cathlab-planner: which adjunct equipment a hospital's cath rooms should have, within its budget.

Pipeline: ``load_catalog`` + ``load_scenario`` -> ``make_plan`` -> :class:`Plan` -> views.
"""

from typing import Any

from planner.catalog import Catalog, Device, Indication, load_catalog
from planner.errors import Issue, PlannerInputError
from planner.plan import Plan
from planner.scenario import Scenario, SolverOptions, load_scenario, parse_scenario, scenario_from_yaml

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """``make_plan`` loads the solver stack (PuLP, HiGHS) on first use, so ``import planner`` stays light."""
    if name == "make_plan":
        from planner.api import make_plan  # noqa: PLC0415

        return make_plan
    msg = f"module 'planner' has no attribute {name!r}"
    raise AttributeError(msg)

__all__ = [
    "Catalog", "Device", "Indication", "Issue", "Plan", "PlannerInputError", "Scenario", "SolverOptions",
    "__version__", "load_catalog", "load_scenario", "make_plan", "parse_scenario", "scenario_from_yaml",
]

"""The MILP: variables, named constraint families and objective terms (see ``docs/model.md``)."""

from planner.model.build import BuiltModel, build_model

__all__ = ["BuiltModel", "build_model"]

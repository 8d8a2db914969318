"""Input issues and domain exceptions.

Every problem found in a user's input is an :class:`Issue` that says *where* (file, row or key path),
*which field*, *which value* and *why*. Loaders collect all issues before raising, so the user sees every
problem at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Issue:
    """One problem in the input: where it is, what the value was and why it is wrong."""

    source: str
    location: str
    field: str
    value: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.source}, {self.location}" if self.location else self.source
        what = f"{self.field}={self.value!r}" if self.field else ""
        tag = "" if self.severity == "error" else "warning: "
        return f"{tag}{where}: {what}{': ' if what else ''}{self.message}"


def errors_only(issues: Iterable[Issue]) -> list[Issue]:
    """Return the issues of severity ``error``."""
    return [i for i in issues if i.severity == "error"]


class PlannerInputError(ValueError):
    """Raised when the catalogue or the scenario has errors; carries every issue found."""

    def __init__(self, issues: Iterable[Issue]) -> None:
        self.issues: tuple[Issue, ...] = tuple(issues)
        lines = "\n".join(f"  - {i}" for i in self.issues)
        super().__init__(f"{len(self.issues)} input problem(s):\n{lines}")


class PlannerSolverError(RuntimeError):
    """Raised when the solver (or the model handed to it) fails with an exception: the run has no plan.

    The command line exits with 3 and prints the message; the app shows it.
    """

    def __init__(self, step: str, exc: BaseException) -> None:
        self.step = step
        self.reason = f"{type(exc).__name__}: {exc}"[:300]
        super().__init__(f"the solver failed while {step} ({self.reason}); no plan was made")

"""Input issues and domain exceptions.

Every problem found in a user's input is an :class:`Issue` that says *where* (file, row or key path),
*which field*, *which value* and *why*. Loaders collect all issues before raising, so the user sees every
problem at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from planner.messages import Arg, Msg, Names, msg, render

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Issue:
    """One problem in the input: where it is, what the value was and why it is wrong."""

    source: str | Msg  # a file name, or a message naming the tool (read back as its English text)
    location: str | Msg  # given as a catalogue message (or a plain text); read back as its English text
    field: str
    value: str
    message: str | Msg  # given as a catalogue message (or a plain text); read back as its English text
    severity: Severity = "error"
    code: Msg | None = None  # the message as a code with its parameters (taken from ``message``)
    place: Msg | None = None  # the location as a message (taken from ``location``)
    origin: Msg | None = None  # the source as a message (taken from ``source``)

    def __post_init__(self) -> None:
        """Keep a catalogue message as ``code`` and its English text as ``message`` (logs, old callers); the
        same for a location given as a message (``place`` and ``location``)."""
        if isinstance(self.message, Msg):
            object.__setattr__(self, "code", self.message)
            object.__setattr__(self, "message", str(self.message))
        if isinstance(self.location, Msg):
            object.__setattr__(self, "place", self.location)
            object.__setattr__(self, "location", str(self.location))
        elif self.place is not None and str(self.place) != self.location:  # replaced by a plain text
            object.__setattr__(self, "place", None)
        if isinstance(self.source, Msg):
            object.__setattr__(self, "origin", self.source)
            object.__setattr__(self, "source", str(self.source))
        elif self.origin is not None and str(self.origin) != self.source:
            object.__setattr__(self, "origin", None)

    @property
    def why(self) -> Msg:
        """The message to render: its code, or a plain text wrapped as the ``text`` message."""
        return self.code if self.code is not None else msg("text", text=str(self.message))

    def as_msg(self) -> Msg:
        """The whole issue as a message: where, the field and its value, why (``warning:`` first if one)."""
        location = self.place if self.place is not None else self.location
        source = self.origin if self.origin is not None else self.source
        where: Arg = msg("issue.where", source=source, location=location) if self.location else source
        line = (msg("issue.line_field", where=where, field=self.field, value=repr(self.value), why=self.why)
                if self.field else msg("issue.line", where=where, why=self.why))
        return line if self.severity == "error" else msg("issue.warning", line=line)

    def render(self, lang: str, names: Names | None = None) -> str:
        """The issue in ``lang`` (devices and indications named by ``names``)."""
        return render(self.as_msg(), lang, names)

    def __str__(self) -> str:
        return str(self.as_msg())


class InvalidValue(ValueError):  # noqa: N818 (a ValueError that carries its message)
    """A value refused by a converter, with the reason as a catalogue message (``str()`` is the English)."""

    def __init__(self, message: Msg) -> None:
        self.message = message
        super().__init__(str(message))


class MessageError(Exception):
    """An error whose reason is a catalogue message (:attr:`message`); ``str()`` is its English text. A plain
    text (a third party's) is kept as the ``text`` message."""

    def __init__(self, message: Msg | str) -> None:
        self.message = message if isinstance(message, Msg) else msg("text", text=message)
        super().__init__(str(self.message))


def message_of(exc: BaseException) -> Msg:
    """The catalogue message an exception carries (``message``), else its text as it is."""
    found = getattr(exc, "message", None)
    return found if isinstance(found, Msg) else msg("text", text=str(exc))


def reason(exc: Exception) -> Msg | str:
    """The reason of a refused value: the message of an :class:`InvalidValue`, else the exception's text."""
    return exc.message if isinstance(exc, InvalidValue) else str(exc)


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
        self.message = msg("solver.failed", reason=self.reason)
        super().__init__(f"the solver failed while {step} ({self.reason}); no plan was made")

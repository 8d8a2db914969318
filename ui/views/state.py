"""Every session-state key of the app, with typed accessors.

The current :class:`~planner.Scenario` is the single source of truth for the inputs. Input widgets (keys
starting with :data:`INPUT`) are seeded from it when absent, so a widget that Streamlit dropped (its page
was not rendered) or that :func:`reset_inputs` cleared shows the scenario's value again: nothing typed is
lost when switching pages or languages.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import streamlit as st

from planner import Issue, Plan, Scenario

SCENARIO = "scenario"  #: Scenario: the current, valid inputs
PLAN = "plan"  #: Plan | None: the result of the last optimisation
PREVIOUS = "previous_plan"  #: Plan | None: the plan before the last one of another scenario (what changed)
LANG = "lang"  #: "fr" | "en"
STALE = "plan_stale"  #: bool: the inputs changed since the last optimisation
NOTICE = "notice"  #: dict[str, Notice]: per page ("scenario", "catalog"), the outcome of the last upload
MEMO = "memo."  #: prefix of the long analyses kept in the session (ui.views.cached.held): (key, result)
REQUESTS = "requests"  #: dict[str, str]: the on-demand analyses asked for (ladder, explanation, ...) -> cache key
ROBUST = "robust_report"  #: RobustReport | None: the last robustness run (Robustness page)
EXTENSION = "catalog_extension"  #: Extension | None: the catalogue extension file uploaded in this session

INPUT = "in."  #: prefix of widgets bound to the scenario (re-seeded from it)
UI = "ui."  #: prefix of other widgets (language, filters, buttons, uploader)

LANGUAGES = ("fr", "en")


class Notice(NamedTuple):
    """The outcome of an upload or an action, shown on its page until the next one. Kept as a label key, its
    values and the planner's issues, so that it is worded in the language of the moment."""

    level: str  # "error" or "success"
    key: str  # label of the title
    values: tuple[tuple[str, Any], ...] = ()
    issues: tuple[Issue, ...] = ()


@dataclass(frozen=True)
class Extension:
    """A catalogue extension file (new devices, indications, coverage rows), kept as uploaded, with its digest
    (computed once: the cache of the extended catalogue is keyed on it)."""

    name: str
    data: bytes = field(repr=False)
    digest: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "digest", hashlib.sha256(self.data).hexdigest())


def init(default_scenario: Callable[[], Scenario]) -> None:
    """Create the session keys on the first run."""
    if SCENARIO not in st.session_state:
        st.session_state[SCENARIO] = default_scenario()
    st.session_state.setdefault(PLAN, None)
    st.session_state.setdefault(PREVIOUS, None)
    st.session_state.setdefault(LANG, "fr")
    st.session_state.setdefault(STALE, False)
    st.session_state.setdefault(NOTICE, {})
    st.session_state.setdefault(REQUESTS, {})
    st.session_state.setdefault(EXTENSION, None)


def scenario() -> Scenario:
    """The current scenario."""
    value: Scenario = st.session_state[SCENARIO]
    return value


def extension() -> Extension | None:
    """The catalogue extension of this session, or None (the bundled catalogue as it is)."""
    value: Extension | None = st.session_state[EXTENSION]
    return value


def set_extension(value: Extension | None) -> None:
    """Extend the catalogue with a file (``None``: back to the bundled catalogue); the plan is out of date."""
    st.session_state[EXTENSION] = value
    st.session_state[STALE] = True


def commit(new: Scenario) -> bool:
    """Make ``new`` the current scenario; mark the plan stale if it changed. Returns whether it changed."""
    if new.to_json() == scenario().to_json():
        return False
    st.session_state[SCENARIO] = new
    st.session_state[STALE] = True
    return True


def replace(new: Scenario) -> None:
    """Replace the scenario wholesale (example, upload, site added or removed): re-seed every input.

    Call from a callback (before the widgets of the run exist).
    """
    commit(new)
    reset_inputs()


def plan() -> Plan | None:
    """The last plan, or None."""
    value: Plan | None = st.session_state[PLAN]
    return value


def set_plan(new: Plan) -> None:
    """Store a fresh plan: it matches the current inputs. The plan it replaces becomes the previous plan when
    it was made from other inputs (optimising the same inputs again keeps the previous plan)."""
    old: Plan | None = st.session_state[PLAN]
    if old is not None and (dict(old.scenario) != dict(new.scenario)
                            or old.catalog_fingerprint != new.catalog_fingerprint):
        st.session_state[PREVIOUS] = old
    st.session_state[PLAN] = new
    st.session_state[STALE] = False


def previous_plan() -> Plan | None:
    """The plan before the current one (made from other inputs), or None."""
    value: Plan | None = st.session_state[PREVIOUS]
    return value


def stale() -> bool:
    """Whether the inputs changed since the last plan."""
    return bool(st.session_state[STALE])


def lang() -> str:
    """The interface language."""
    return str(st.session_state[LANG])


def set_lang(value: str) -> None:
    """Switch the interface language."""
    if value in LANGUAGES:
        st.session_state[LANG] = value


def notice_of(scope: str) -> Notice | None:
    """The outcome of the last upload or action of a page ("scenario", "installed", "catalog")."""
    value: Notice | None = st.session_state[NOTICE].get(scope)
    return value


def set_notice(scope: str, notice: Notice | None) -> None:
    """Remember the outcome of an upload or action of a page (``None`` forgets it)."""
    notices = {k: v for k, v in st.session_state[NOTICE].items() if k != scope}
    if notice is not None:
        notices[scope] = notice
    st.session_state[NOTICE] = notices


def requested(kind: str) -> str | None:
    """The cache key of the last ``kind`` analysis the user asked for (``None``: not asked yet)."""
    value: str | None = st.session_state[REQUESTS].get(kind)
    return value


def request(kind: str, key: str) -> None:
    """Remember that the user asked for a ``kind`` analysis of ``key`` (a scenario's JSON and options)."""
    st.session_state[REQUESTS] = {**st.session_state[REQUESTS], kind: key}


def cancel(kind: str) -> None:
    """Forget the ``kind`` analysis asked for (the Cancel button of a long analysis: the page stops at the
    analysis's next progress report and reruns without it)."""
    st.session_state[REQUESTS] = {k: v for k, v in st.session_state[REQUESTS].items() if k != kind}


def seed(key: str, value: Any) -> None:
    """Give widget ``key`` its value from the scenario unless it already holds one."""
    if key not in st.session_state:
        st.session_state[key] = value


def reset_inputs() -> None:
    """Forget every scenario-bound widget value; the next render seeds them from the scenario."""
    for key in [k for k in st.session_state if str(k).startswith(INPUT)]:
        del st.session_state[key]

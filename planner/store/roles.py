"""Who may change what: the roles of the store and the scenario sections each may change.

A scenario change is a list of :class:`~planner.store.diff.Change`; each path falls in one section (its first
key, or ``site_roles`` for ``sites.<id>.roles``). The administrator may change everything, a reader nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from planner.store.diff import Change, Path
from planner.store.errors import Refusal

ADMIN, BIOMED, CARDIO, BUYER, READER = "administrator", "biomedical_engineer", "cardiologist", "buyer", "reader"
ROLES: tuple[str, ...] = (ADMIN, BIOMED, CARDIO, BUYER, READER)
WRITERS = frozenset({ADMIN, BIOMED, CARDIO, BUYER})

#: Scenario sections (top-level YAML keys, and the roles of a site) -> the roles, besides the administrator,
#: that may change them. A section absent here is the administrator's alone.
SECTION_ROLES: dict[str, frozenset[str]] = {
    **{key: frozenset({BIOMED}) for key in (
        "sites", "provenance", "budget", "horizon_years", "start_year", "discount_rate", "price_escalation",
        "activity_growth", "acquisition_modes", "security")},
    **{key: frozenset({CARDIO}) for key in ("site_roles", "indications", "outcome_weights")},
    **{key: frozenset({BUYER}) for key in ("devices", "catalog", "price_index_rate")},
    "name": WRITERS,  # the title inside the YAML: any writer
}

#: Who may create a new scenario (version 1) and save catalogue extensions / price lists (items).
CREATORS = frozenset({ADMIN, BIOMED})
ITEM_WRITERS = frozenset({ADMIN, BUYER})


def section_of(path: Path) -> str:
    """The section a setting belongs to.

    >>> section_of(("sites", "nord", "roles")), section_of(("sites", "nord", "rooms"))
    ('site_roles', 'sites')
    """
    if len(path) >= 3 and path[0] == "sites" and path[2] == "roles":
        return "site_roles"
    return path[0]


def allowed_roles(section: str) -> tuple[str, ...]:
    """The roles that may change ``section``, administrator first."""
    return (ADMIN, *sorted(SECTION_ROLES.get(section, frozenset()) - {ADMIN}))


def may(roles: Iterable[str], allowed: Iterable[str]) -> bool:
    """Whether one of ``roles`` is allowed (the administrator always is)."""
    have = set(roles)
    return ADMIN in have or bool(have & set(allowed))


def refusals(roles: Iterable[str], changes: Iterable[Change]) -> tuple[Refusal, ...]:
    """The changes the roles may not make (empty: all allowed)."""
    have = tuple(roles)
    out = []
    for change in changes:
        section = section_of(change.path)
        allowed = allowed_roles(section)
        if not may(have, allowed):
            out.append(Refusal(change.label, section, allowed))
    return tuple(out)

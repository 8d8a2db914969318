"""Structured diffs and the three-way merge (pure)."""

from __future__ import annotations

from planner.store.diff import diff_dicts, flatten, merge, unflatten
from planner.store.roles import refusals

BASE = {"name": "x", "budget": {"capex_eur": 1}, "sites": [{"id": "a", "rooms": 2}, {"id": "b", "rooms": 1}]}


def test_sites_are_keyed_by_id_and_round_trip() -> None:
    swapped = {**BASE, "sites": list(reversed(BASE["sites"]))}
    assert diff_dicts(BASE, swapped) == ()
    assert unflatten(flatten(BASE)) == BASE


def test_disjoint_changes_merge_and_overlapping_ones_conflict() -> None:
    mine = {**BASE, "budget": {"capex_eur": 2}}
    theirs = {**BASE, "sites": [{"id": "a", "rooms": 3}, {"id": "b", "rooms": 1}]}
    merged = merge(BASE, mine, theirs)
    assert merged.conflicts == ()
    assert merged.data == {**theirs, "budget": {"capex_eur": 2}}
    clash = merge(BASE, {**BASE, "budget": {"capex_eur": 5}}, mine)
    assert clash.data is None and clash.conflicts == (("budget", "capex_eur"),)
    same = merge(BASE, mine, mine)
    assert same.data == mine


def test_site_roles_belong_to_the_cardiologist() -> None:
    changes = diff_dicts(BASE, {**BASE, "sites": [{"id": "a", "rooms": 2, "roles": ["shock_centre"]},
                                                  {"id": "b", "rooms": 4}]})
    assert [r.path for r in refusals(["biomedical_engineer"], changes)] == ["sites.a.roles"]
    assert [r.path for r in refusals(["cardiologist"], changes)] == ["sites.b.rooms"]
    assert refusals(["cardiologist", "biomedical_engineer"], changes) == ()

"""Structured differences between two scenarios (plain dicts in the YAML layout), and a three-way merge.

A scenario is flattened to its leaves: ``("budget", "capex_eur") -> 400000``; sites are keyed by their id
(``("sites", "nord", "rooms") -> 3``) so that reordering them is no change; lists are leaves. Pure functions.

>>> [c.label for c in diff_dicts({"budget": {"capex_eur": 1}}, {"budget": {"capex_eur": 2}})]
['budget.capex_eur']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

Path = tuple[str, ...]
Kind = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class Change:
    """One setting that differs: its path, the old and the new value (``None`` when absent)."""

    path: Path
    kind: Kind
    old: Any = None
    new: Any = None

    @property
    def label(self) -> str:
        """The path as text: ``sites.nord.rooms``."""
        return ".".join(self.path)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {"path": list(self.path), "kind": self.kind, "old": self.old, "new": self.new}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Change:
        """Inverse of :meth:`to_dict`."""
        return cls(tuple(str(p) for p in data["path"]), data["kind"], data.get("old"), data.get("new"))


@dataclass(frozen=True)
class MergeResult:
    """A merged scenario dict, or the settings both sides changed differently (then ``data`` is None)."""

    data: dict[str, Any] | None
    conflicts: tuple[Path, ...]


def _keyed(data: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(data)
    sites = out.get("sites")
    if isinstance(sites, list):
        out["sites"] = {str(s.get("id")): {k: v for k, v in s.items() if k != "id"} for s in sites
                        if isinstance(s, Mapping)}
    return out


def flatten(data: Mapping[str, Any]) -> dict[Path, Any]:
    """The leaves of a scenario dict by path (empty mappings have no leaf)."""
    out: dict[Path, Any] = {}

    def walk(node: Any, path: Path) -> None:
        if isinstance(node, Mapping) and path:
            for key, value in node.items():
                walk(value, (*path, str(key)))
        elif isinstance(node, Mapping):
            for key, value in _keyed(node).items():
                walk(value, (str(key),))
        else:
            out[path] = node

    walk(data, ())
    return out


def unflatten(leaves: Mapping[Path, Any]) -> dict[str, Any]:
    """Inverse of :func:`flatten` (sites back to a list, in the order of their first leaf)."""
    root: dict[str, Any] = {}
    for path, value in leaves.items():
        node = root
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = value
    if isinstance(root.get("sites"), dict):
        root["sites"] = [{"id": sid, **fields} for sid, fields in root["sites"].items()]
    return root


def diff_dicts(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[Change, ...]:
    """Every leaf added, removed or changed from ``old`` to ``new``, sorted by path."""
    a, b = flatten(old), flatten(new)
    changes = [Change(p, "removed", a[p], None) for p in a.keys() - b.keys()]
    changes += [Change(p, "added", None, b[p]) for p in b.keys() - a.keys()]
    changes += [Change(p, "changed", a[p], b[p]) for p in a.keys() & b.keys() if a[p] != b[p]]
    return tuple(sorted(changes, key=lambda c: c.path))


def _overlaps(p: Path, q: Path) -> bool:
    n = min(len(p), len(q))
    return p[:n] == q[:n]


def merge(base: Mapping[str, Any], mine: Mapping[str, Any], theirs: Mapping[str, Any]) -> MergeResult:
    """Apply my changes (base -> mine) onto theirs; a setting both changed to different values is a conflict."""
    my_changes = diff_dicts(base, mine)
    their = {c.path: c for c in diff_dicts(base, theirs)}
    conflicts = tuple(c.path for c in my_changes for p, t in their.items()
                      if _overlaps(c.path, p) and not (c.path == p and c.new == t.new and c.kind == t.kind))
    if conflicts:
        return MergeResult(None, tuple(dict.fromkeys(conflicts)))
    leaves = flatten(theirs)
    for change in my_changes:
        if change.kind == "removed":
            leaves.pop(change.path, None)
        else:
            leaves[change.path] = change.new
    return MergeResult(unflatten(leaves), ())

"""Devices interchangeable for the model at a site, merged into one canonical representative before building.

Two devices are *model twins* at a site when swapping one for the other changes nothing the model sees: same
family, unit capex (with network segmentation), maintenance, consumables, lifetime, capacity, deployment,
acquisition offers (purchase, placement, lease terms), required devices at the site, devices that require them
there, value per case (central, range and per outcome) and effectiveness for every indication, and upper bound on
new units; neither is a must-include. Any plan using one has a twin plan using the other with the same value and
costs, so the MILP keeps only one (:func:`merge_twins`): the optimum is unchanged, the symmetry is gone, and
which product the plan names no longer depends on the solver. A device installed at the site always stays; its
twins that are not installed merge into it (a plan buying them has a plan buying more units of the installed
product instead, with the same value and costs or less: pooled units share capacity and presence).

The representative is chosen by a stable rule that reads only the catalogue and the installed base, never a
price: a device installed at the site, else (:func:`canonical_key`) a device whose figures are sourced
(``estimate = no``) before an estimated one, then the first by id. Two scenarios that differ in an unrelated
figure therefore name the same reference product.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable
from dataclasses import dataclass

from planner.catalog import Device
from planner.inputs import ModelInputs, SiteDevice


def canonical_key(device: Device) -> tuple[bool, str]:
    """Sort key of the stable rule: sourced figures first, then the device id.

    >>> from planner.catalog import Device
    >>> from datetime import date
    >>> dev = Device("b", "ivus", "B", "V", 1, 1, 1, 1, 1, "shared", (), ("any",), "", date(2026, 1, 1), True)
    >>> canonical_key(dev), canonical_key(dataclasses.replace(dev, id="z", estimate=False))
    ((True, 'b'), (False, 'z'))
    """
    return (device.estimate, device.id)


def _required_by(inputs: ModelInputs) -> dict[SiteDevice, frozenset[str]]:
    """(s, d) -> the candidate devices at s that list d among their required devices."""
    out: dict[SiteDevice, set[str]] = {}
    for (s, x), reqs in inputs.requires.items():
        for r in reqs:
            out.setdefault((s, r), set()).add(x)
    return {sd: frozenset(xs) for sd, xs in out.items()}


def device_values(inputs: ModelInputs) -> dict[str, tuple[Hashable, ...]]:
    """Device -> its effectiveness and value per case (central, range, per outcome) for every indication."""
    out: dict[str, list[Hashable]] = {}
    for (d, k), eff in sorted(inputs.effectiveness.items()):
        cv = inputs.value.get((d, k))
        per_outcome = () if cv is None else tuple((o.outcome_id, o.per_case) for o in cv.outcomes)
        out.setdefault(d, []).append((k, eff, None if cv is None else cv.weighted, per_outcome))
    return {d: tuple(rows) for d, rows in out.items()}


def model_signature(inputs: ModelInputs, site_id: str, device_id: str, values: tuple[Hashable, ...] = (),
                    required_by: frozenset[str] = frozenset()) -> tuple[Hashable, ...]:
    """Everything the model reads about device ``device_id`` at ``site_id`` (equal signatures: model twins);
    ``values`` is the device's row of :func:`device_values`."""
    dev = inputs.devices[device_id]
    return (dev.family, inputs.unit_capex(device_id), dev.maintenance_eur_per_year, dev.consumable_eur_per_case,
            dev.lifetime_years, dev.capacity_cases_per_year, dev.deployment, inputs.offers(device_id),
            frozenset(inputs.requires.get((site_id, device_id), ())), required_by, values,
            inputs.max_new.get((site_id, device_id), 0))


def twin_groups(inputs: ModelInputs, prefer: frozenset[SiteDevice] = frozenset(),
                drop: tuple[SiteDevice, ...] = ()) -> dict[SiteDevice, tuple[str, ...]]:
    """Groups of model twins per site: (site, representative) -> the other devices of the group (sorted).

    The representative is a device of ``prefer`` if the group has one (the decision tools keep the plan's own
    device), else a device installed at the site (more units of the installed product, not a new brand), else
    the first by :func:`canonical_key`. The others are the group's devices not installed there: installed
    devices always stay in the model. Must-include devices and pairs in ``drop`` are left out of the groups.
    """
    must = set(inputs.must_include)
    required_by = _required_by(inputs)
    values = device_values(inputs)
    groups: dict[tuple[str, tuple[Hashable, ...]], list[str]] = {}
    for s, d in inputs.candidates:
        if (s, d) in drop or d in must:
            continue
        sig = model_signature(inputs, s, d, values.get(d, ()), required_by.get((s, d), frozenset()))
        groups.setdefault((s, sig), []).append(d)
    out = {}
    for (s, _sig), ds in groups.items():
        rep = min(ds, key=lambda d, site=s: ((site, d) not in prefer,  # type: ignore[misc]
                                             not inputs.installed.get((site, d), 0),
                                             canonical_key(inputs.devices[d])))
        others = tuple(sorted(d for d in ds if d != rep and not inputs.installed.get((s, d), 0)))
        if others:
            out[(s, rep)] = others
    return out


def twins_left_out(groups: dict[SiteDevice, tuple[str, ...]]) -> tuple[SiteDevice, ...]:
    """The (site, device) pairs of the groups that are not their representative, sorted."""
    return tuple(sorted((s, d) for (s, _rep), others in groups.items() for d in others))


@dataclass(frozen=True)
class Merged:
    """The inputs with model twins merged, and the groups: (site, representative) -> the devices it stands for."""

    inputs: ModelInputs
    groups: dict[SiteDevice, tuple[str, ...]]

    def twins_of(self, site_id: str, device_id: str) -> tuple[str, ...]:
        """The devices the representative ``device_id`` stands for at ``site_id`` (empty if none)."""
        return self.groups.get((site_id, device_id), ())


def merge_twins(inputs: ModelInputs) -> Merged:
    """The inputs without the non-representative twins: they leave the candidates, the unit bounds, the
    allocations and the other devices' required-device lists (where their representative stays)."""
    groups = twin_groups(inputs)
    gone = set(twins_left_out(groups))
    if not gone:
        return Merged(inputs, groups)
    reduced = dataclasses.replace(
        inputs,
        candidates=tuple(sd for sd in inputs.candidates if sd not in gone),
        max_new={sd: n for sd, n in inputs.max_new.items() if sd not in gone},
        allocations=tuple(a for a in inputs.allocations if (a[0], a[1]) not in gone),
        requires={(s, d): tuple(r for r in reqs if (s, r) not in gone)
                  for (s, d), reqs in inputs.requires.items() if (s, d) not in gone},
    )
    return Merged(reduced, groups)


__all__ = ["Merged", "canonical_key", "device_values", "merge_twins", "model_signature", "twin_groups",
           "twins_left_out"]

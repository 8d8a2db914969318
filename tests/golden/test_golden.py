"""Golden plans of the bundled examples. Regenerate deliberately: ``python -m pytest tests/golden --update-golden``
(the option is declared in ``tests/conftest.py``), then review the diff of the JSON files before committing.

Pinned: status, benefit, cost figures, units per year, family and mode over the group, and the reference product
of each family's purchase lines (``references``). Identical devices (the catalogue has IVUS carts at the same
estimated price) are merged before solving into a canonical representative (``planner.specs.twins``), so the
reference products no longer depend on the solver; which of two symmetric sites buys is still arbitrary, so
sites are not pinned. Gapped examples are solved exactly here.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from planner import load_catalog, load_scenario, make_plan

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def key_facts(plan):
    """What a golden plan pins: status, benefit, costs, new and installed units per year, family and mode."""
    units: dict[str, list[int]] = {}
    for a in plan.acquisitions:
        key = f"{a.year}/{a.family}/{a.mode}"
        units[key] = [x + y for x, y in zip(units.get(key, [0, 0]), [a.units_new, a.units_installed], strict=True)]
    refs: dict[str, list[str]] = {}
    for spec in plan.specifications:
        refs.setdefault(spec.family, []).append(spec.device_id)
    return {
        "status": plan.status,
        "units": dict(sorted(units.items())),
        "references": {fam: sorted(ids) for fam, ids in sorted(refs.items())},
        "costs": None if plan.costs is None else vars(plan.costs),
        "benefit": plan.benefit,
    }


@pytest.mark.parametrize("example", [pytest.param(p, marks=pytest.mark.slow) if p.stem.endswith("_ppi_2027_2031") else p
                                     for p in EXAMPLES], ids=lambda p: p.stem)
def test_golden_plan(example, update_golden):
    sc = load_scenario(example)
    sc = dataclasses.replace(sc, solver=dataclasses.replace(sc.solver, mip_gap=0.0, time_limit_s=300))
    facts = key_facts(make_plan(load_catalog(sc.catalog_path()), sc))
    path = GOLDEN / f"{example.stem}.json"
    if update_golden:
        path.write_text(json.dumps(facts, indent=1, sort_keys=True) + "\n")
        pytest.skip(f"--update-golden: {path.name} rewritten, nothing compared; review its diff")
    if not path.exists():
        pytest.fail(f"no golden file {path.name}: write it with `python -m pytest tests/golden --update-golden`")
    expected = json.loads(path.read_text())
    assert facts["status"] == expected["status"] == "optimal"
    assert facts["units"] == expected["units"]
    assert facts["references"] == expected["references"]
    assert facts["benefit"] == pytest.approx(expected["benefit"], rel=1e-5)
    for name, value in expected["costs"].items():
        if isinstance(value, str):  # the perspective
            assert facts["costs"][name] == value, name
        else:
            assert facts["costs"][name] == pytest.approx(value, rel=1e-5, abs=0.5), name

"""Golden plans of the bundled examples. Regenerate deliberately: ``UPDATE_GOLDEN=1 pytest tests/golden``."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from planner import load_catalog, load_scenario, make_plan

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def key_facts(plan):
    """What a golden plan pins: status, configuration, costs, benefit, coverage."""
    return {
        "status": plan.status,
        "acquisitions": sorted([a.site_id, a.device_id, a.units_new, a.units_installed, a.in_use, a.year, a.mode]
                               for a in plan.acquisitions),
        "rooms": [[r.site_id, r.room, sorted(r.devices)] for r in plan.rooms],
        "costs": None if plan.costs is None else vars(plan.costs),
        "benefit": plan.benefit,
        "coverage": {f"{c.year}/{c.site_id}/{c.indication_id}": round(c.served_cases, 3) for c in plan.coverage},
    }


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_golden_plan(example):
    sc = load_scenario(example)
    facts = key_facts(make_plan(load_catalog(sc.catalog_path()), sc))
    path = GOLDEN / f"{example.stem}.json"
    if os.environ.get("UPDATE_GOLDEN") == "1" or not path.exists():
        path.write_text(json.dumps(facts, indent=1, sort_keys=True) + "\n")
        if os.environ.get("UPDATE_GOLDEN") != "1":
            pytest.fail(f"golden file {path.name} was missing and has been written; check it in")
    expected = json.loads(path.read_text())
    assert facts["status"] == expected["status"]
    assert facts["acquisitions"] == expected["acquisitions"]
    assert facts["rooms"] == expected["rooms"]
    assert facts["benefit"] == pytest.approx(expected["benefit"], rel=1e-5)
    for name, value in expected["costs"].items():
        assert facts["costs"][name] == pytest.approx(value, rel=1e-5, abs=0.5), name
    assert facts["coverage"] == pytest.approx(expected["coverage"], rel=1e-4, abs=1e-2)

"""The public-data warnings on any scenario: shock centre without cardiac surgery; threshold only for SAE sites."""

from __future__ import annotations

from planner import load_catalog, parse_scenario
from planner.checks import run_checks


def _scenario(roles, pci=300.0):
    return parse_scenario({"name": "t", "sites": [{"id": "a", "rooms": 1, "angio_vendor": "philips", "roles": roles,
                                                   "activity": {"cag": 600, "pci": pci, "stemi": 50}}]})


def test_shock_centre_without_surgery_is_a_warning_on_any_scenario():
    issues = run_checks(load_catalog(), _scenario(["shock_centre"]))
    found = [i for i in issues if "shock_centre without cardiac_surgery" in i.message]
    assert len(found) == 1 and found[0].severity == "warning" and found[0].location == "sites[0].roles"
    assert not [i for i in run_checks(load_catalog(), _scenario(["cardiac_surgery", "shock_centre"]))
                if "shock_centre" in i.message]


def test_threshold_is_only_said_of_sites_made_from_public_data():
    # a typed-in site of 300 PCI: the user knows their activity; no SAE provenance, no warning
    assert not [i for i in run_checks(load_catalog(), _scenario([])) if "400 PCI" in i.message]

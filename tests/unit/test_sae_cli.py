"""``cathlab-planner sites search|scenario``: output, overrides, provenance, exit 2 with nothing written."""

from __future__ import annotations

import subprocess
import sys

import yaml

from planner import load_catalog, load_scenario, make_plan
from planner.checks import run_checks
from planner.cli import main
from planner.publicdata.provenance import field_rows


def test_search_prints_public_and_derived_figures(capsys):
    assert main(["sites", "search", "saint", "quentin"]) == 0
    out = capsys.readouterr().out
    assert "020000162" in out and "CH SAINT-QUENTIN" in out and " 991" in out and "Etalab" in out
    assert main(["sites", "search", "zzzz"]) == 0
    assert "No establishment" in capsys.readouterr().err


def test_scenario_of_two_sites_with_overrides(tmp_path, capsys):
    out = tmp_path / "ght.yaml"
    code = main(["sites", "scenario", "020000162", "290004324", "--out", str(out), "--ratio", "stemi_per_pci=0.2",
                 "--set", "020000162:pci=1200", "--set", "020000162:angio_vendor=philips", "--budget-opex", "none",
                 "--name", "GHT test"])
    assert code == 0, capsys.readouterr().err
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Made from public data")
    assert "stemi_per_pci = 0.2" in text and "your value (default 0.18" in text
    sc = load_scenario(out)
    quentin, brest = sc.sites
    assert sc.name == "GHT test"
    # the user's pci wins; cag and stemi follow it: 2.07 x 1200 = 2484, 0.2 x 1200 = 240
    assert dict(quentin.activity) == {"cag": 2484, "pci": 1200, "stemi": 240}
    assert quentin.angio_vendor == "philips"
    assert brest.roles == ("cardiac_surgery",) and brest.rooms == 4
    assert sc.budget.capex_eur == 750_000 and sc.budget.opex_eur_per_year is None
    rows = {(r.site_id, r.field): r.status for r in field_rows(sc)}
    assert rows[(quentin.id, "activity.pci")] == "user"
    assert rows[(brest.id, "activity.pci")] == "derived"
    assert rows[(brest.id, "angio_vendor")] == "default"


def test_scenario_round_trips_its_provenance_and_solves(tmp_path):
    out = tmp_path / "one.yaml"
    assert main(["sites", "scenario", "020000162", "--out", str(out)]) == 0
    sc = load_scenario(out)
    again = yaml.safe_load(sc.to_yaml())
    assert again["provenance"]["ch_st_quentin_020000162"]["fields"]["activity.pci"]["value"] == 991
    assert load_scenario(out).to_json() == sc.to_json()
    catalog = load_catalog()
    warnings = [str(i) for i in run_checks(catalog, sc)]
    assert any("derived from SAE 2024" in w for w in warnings)
    plan = make_plan(catalog, sc)
    assert plan.has_solution
    assert plan.scenario["provenance"]["ch_st_quentin_020000162"]["year"] == 2024
    assert any("derived from SAE 2024" in str(w) for w in plan.warnings)


def test_unknown_finess_exits_2_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "x.yaml"
    assert main(["sites", "scenario", "020000162", "999999999", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "finess='999999999'" in err and "unknown FINESS" in err
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_bad_overrides_exit_2_and_write_nothing(tmp_path, capsys):
    out = tmp_path / "x.yaml"
    for args in (["--set", "290004324:pci=12"], ["--set", "020000162:colour=blue"], ["--set", "020000162:rooms=0"],
                 ["--ratio", "pci_per_act3=5"], ["--vendor", "acme"], ["--budget-capex", "-1"],
                 ["--set", "020000162:roles=chef"]):
        assert main(["sites", "scenario", "020000162", "--out", str(out), *args]) == 2, args
        assert "Input error" in capsys.readouterr().err
        assert not out.exists()
    assert main(["sites", "scenario", "020000162", "--out", str(tmp_path / "no" / "x.yaml")]) == 2


def test_threshold_and_shock_centre_warnings(tmp_path, capsys):
    out = tmp_path / "w.yaml"
    assert main(["sites", "scenario", "010000024", "020000162", "--out", str(out),
                 "--set", "020000162:roles=shock_centre"]) == 0
    err = capsys.readouterr().err
    assert "below 400 PCI a year (derived from SAE 2024: 0.9 x ACT3 10 = 9" in err
    assert "arrêté of 16 March 2022" in err
    assert "sites[1].roles" in err and "shock_centre without cardiac_surgery" in err


def test_python_dash_m_planner_has_no_traceback(tmp_path):
    run = subprocess.run([sys.executable, "-m", "planner", "sites", "scenario", "1", "--out", str(tmp_path / "a")],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 2 and "Traceback" not in run.stderr

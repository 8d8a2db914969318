"""CLI: exit codes 0/1/2/3, readable errors without tracebacks, outputs never half-written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli import main

ROOT = Path(__file__).resolve().parents[2]
GH = str(ROOT / "examples" / "general_hospital.yaml")


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_validate_and_catalog(capsys):
    assert main(["validate", GH]) == 0
    assert "OK" in capsys.readouterr().out
    assert main(["catalog", "--family", "ivus"]) == 0
    out = capsys.readouterr().out
    assert "ivus" in out and "physiology" not in out
    assert main(["catalog", "--family", "toasters"]) == 2


def test_solve_writes_json(tmp_path, capsys):
    out = tmp_path / "plan.json"
    assert main(["solve", GH, "--json", str(out), "--write-mps", str(tmp_path / "m.mps")]) == 0
    text = capsys.readouterr().out
    assert "Standard configuration" in text and "Annualised cost" in text
    plan = json.loads(out.read_text())
    assert plan["status"] == "optimal" and plan["costs"]["capex_eur"] > 0
    assert (tmp_path / "m.mps").read_text().startswith("*")


def test_input_error_exit_2_lists_every_problem(tmp_path, capsys):
    bad = write(tmp_path, "name: x\nsites:\n  - id: a\n    rooms: 0\n    angio_vendor: sony\n"
                          "    activity: {cag: 1, pci: 1, stemi: -4}\n")
    assert main(["solve", bad]) == 2
    err = capsys.readouterr().err
    assert "rooms" in err and "angio_vendor" in err and "stemi" in err and "Traceback" not in err


def test_infeasible_exit_1_with_diagnosis(tmp_path, capsys):
    text = Path(GH).read_text(encoding="utf-8")
    sc = write(tmp_path, text + "\nindications: {complex_pci: {min_coverage: 1.0}}\nexclude: "
                                "[philips_intrasight_mobile_ivus, philips_intrasight_integrated_ivus, "
                                "boston_avvigo_opticross, terumo_altaview, acist_hdi_kodama, infraredx_makoto_nirs, "
                                "abbott_ultreon_mobile_oct, abbott_optis_integrated_oct]\n")
    assert main(["solve", sc]) == 1
    assert "No plan" in capsys.readouterr().out


def test_existing_output_kept_when_input_is_bad(tmp_path):
    out = tmp_path / "plan.json"
    out.write_text("previous work")
    bad = write(tmp_path, "name: x\nsites: []\n")
    assert main(["solve", bad, "--json", str(out)]) == 2
    assert out.read_text() == "previous work"


def test_bad_command_line_values(tmp_path):
    assert main(["solve", GH, "--time-limit", "0"]) == 2
    assert main(["solve", GH, "--json", str(tmp_path / "no" / "dir" / "p.json")]) == 2


@pytest.mark.slow
def test_python_m_planner_no_traceback(tmp_path):
    bad = write(tmp_path, "name: [oops\n")
    proc = subprocess.run([sys.executable, "-m", "planner", "validate", bad], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "invalid YAML" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.slow
def test_solve_prints_no_solver_banner():
    proc = subprocess.run([sys.executable, "-m", "planner", "solve", GH], capture_output=True, text=True)
    assert proc.returncode == 0
    assert proc.stdout.startswith("Scenario:") and "HiGHS 1." not in proc.stdout.split("Solver:")[0]

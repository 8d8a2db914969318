"""``solve`` says where the optimisation stands on stderr (a line per stage, then the solver's bounds every few
seconds), in the output language; the plan itself stays on stdout."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli import main, solve_watch
from planner.progress import SolveReport

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "university_hospital_ppi_2027_2031.yaml"


def test_solve_prints_each_stage_on_stderr_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["solve", str(EXAMPLE), "--lang", "fr"]) == 0
    out, err = capsys.readouterr()
    lines = err.splitlines()
    for stage in ("Vérification des données", "Construction du modèle d'optimisation",
                  "Phase 1 sur 2, le plus de valeur clinique", "Phase 2 sur 2, le coût le plus bas à cette valeur",
                  "Rédaction du plan"):
        assert any(line.startswith(stage) for line in lines), (stage, err)
    assert "Phase 1" not in out  # the plan's summary alone on stdout


def test_a_phase_reports_its_bounds_at_most_every_few_seconds(capsys: pytest.CaptureFixture[str]) -> None:
    watch = solve_watch("en", every_s=5.0)
    for t in (0.0, 1.0, 4.9, 5.0, 7.0, 10.2):
        watch(SolveReport("value", t, 60.0, 8.0, 9.0, 0.11))
    watch(SolveReport("cost", 11.0, 60.0))
    err = capsys.readouterr().err.splitlines()
    assert [line.rsplit("(", 1)[1] for line in err] == ["0 s, time limit 60 s)", "5 s, time limit 60 s)",
                                                        "10 s, time limit 60 s)", "11 s, time limit 60 s)"]
    assert err[0].startswith("Phase 1 of 2, the most clinical value: best plan so far 8.00, at most 9.00")

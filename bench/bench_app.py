"""Server time of the app's Plan page: click "Optimiser" (solve + render) and re-render the page, per example.

Runs the real app headless with Streamlit's AppTest (the same script run a browser triggers, without the
network and the browser's drawing). Prints a Markdown table; medians over ``--repeat`` runs after one warm-up
(catalogue cache and imports loaded, as on a running server); the plan cache is cleared before each click.

    python -m bench.bench_app [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from ui.views import cached, state

APP = Path(__file__).resolve().parents[1] / "app.py"
EXAMPLES = ("general_hospital", "university_hospital", "university_hospital_ppi_2027_2031")


def _app(example: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=300)
    at.run()
    at.selectbox(key="ui.example").set_value(example).run()
    at.button(key="ui.load").click().run()
    at.switch_page("app_pages/plan.py").run()
    if at.exception:
        raise RuntimeError(at.exception)
    return at


def measure(example: str) -> tuple[float, float, float, str, int]:
    """Seconds to optimise and render, seconds to re-render the plan, the solver's own seconds, status, years."""
    at = _app(example)
    cached.plan.clear()  # a real solve each time: the plan cache is per process, shared by every session
    start = time.perf_counter()
    at.button(key="ui.optimise").click().run()
    optimise_s = time.perf_counter() - start
    if at.exception:
        raise RuntimeError(at.exception)
    start = time.perf_counter()
    at.run()
    render_s = time.perf_counter() - start
    plan = at.session_state[state.PLAN]
    return optimise_s, render_s, plan.solver.time_s, plan.status, len(plan.years)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    measure(EXAMPLES[0])  # warm-up: imports, catalogue cache
    print("| example | years | status | optimise + render (s) | render only (s) | solver (s) |")
    print("|---|---|---|---|---|---|")
    for example in EXAMPLES:
        runs = [measure(example) for _ in range(args.repeat)]
        opt, ren, sol = (statistics.median(r[i] for r in runs) for i in range(3))
        print(f"| {example} | {runs[0][4]} | {runs[0][3]} | {opt:.3f} | {ren:.3f} | {sol:.3f} |", flush=True)


if __name__ == "__main__":
    main()

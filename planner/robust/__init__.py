"""Plans under uncertainty (issue 17): sampled futures, evaluation, stability, a robust two-stage plan.

Modules: :mod:`~planner.robust.uncertainty` (the scenario's ``uncertainty:`` section),
:mod:`~planner.robust.sampling` (one future = transformed ``ModelInputs``), :mod:`~planner.robust.evaluate`
(one future, plan fixed or re-optimised), :mod:`~planner.robust.extensive` (the two-stage extensive form),
:mod:`~planner.robust.backends` (process pool or Dask), :mod:`~planner.robust.run` (the entry point
``run_robustness``). Nothing here imports streamlit; this package imports nothing heavy at import time so
that :mod:`planner.scenario` can use the uncertainty parser.
"""

"""Public French data about cath-lab sites: the DREES SAE survey (form CHIRCAR), by FINESS.

- :mod:`planner.publicdata.sae`: the bundled SAE years, one row per geographical establishment; search.
- :mod:`planner.publicdata.ratios`: the stated, overridable ratios that turn SAE acts into planner activity.
- :mod:`planner.publicdata.mapping`: an SAE row -> a scenario site with its provenance (what is derived).
- :mod:`planner.publicdata.provenance`: the provenance record a scenario carries (``provenance:`` in YAML).
- :mod:`planner.publicdata.checks`: warnings on public figures (activity threshold, shock centre roles).
- :mod:`planner.publicdata.update`: add a later SAE year (a data change, ``python -m planner.publicdata.update``).

Nothing here imports streamlit; the data files live in ``planner/data/`` (see its README for source and licence).
"""

"""Streamlit side of cathlab-planner: session state, widgets, caching, and pure view helpers.

Only ``state``, ``widgets``, ``forms``, ``files``, ``cached`` and the ``*_view`` modules import streamlit;
``i18n``, ``labels*``, ``edits``, ``tables``, ``decision_tables``, ``wording``, ``charts`` and
``charts_decision`` are pure and unit-tested without a running app.
"""

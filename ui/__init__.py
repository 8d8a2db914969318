"""Streamlit side of cathlab-planner: session state, widgets, caching, and pure view helpers.

Only ``state``, ``widgets``, ``cached`` and ``plan_view`` import streamlit; ``i18n``, ``edits``, ``tables``
and ``charts`` are pure and unit-tested without a running app.
"""

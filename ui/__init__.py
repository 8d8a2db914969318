"""The app's side of cathlab-planner, in three parts that say what they hold:

- :mod:`ui.views`: everything that calls Streamlit (session state, widgets, forms, uploads and downloads, the
  session's caches, the sections of each page);
- :mod:`ui.labels`: the clinical alert codes; every label is a code of the one message catalogue
  (``planner/messages/ui_*.toml``), read through :class:`ui.i18n.Translator`;
- the pure presentation helpers here (tables, charts, wording, i18n, clinical and network summaries): no
  Streamlit, unit-tested without a running app (``tests/app/test_layout.py`` checks the split).
"""

"""What calls Streamlit: session state, widgets, forms, uploads and downloads, the session's caches, and the
views of each page section. The pure presentation helpers (tables, charts, wording, i18n) are in :mod:`ui`;
the labels are codes of the message catalogue (``planner/messages/ui_*.toml``)."""

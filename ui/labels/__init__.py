"""The codes of the clinical alerts (:mod:`ui.labels.clinical`). Every label of the app is a code of the one
message catalogue (``planner/messages/ui_*.toml``, one line per label, both languages), read by
:class:`ui.i18n.Translator`; a test checks that every ``t("...")`` key used in the code exists.
"""

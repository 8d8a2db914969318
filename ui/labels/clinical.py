"""The clinical alert codes (issue 11); their sentences, like every other clinical label (roles, the value's
definition ``value.definition``, the cardiologist view, the evidence), are codes of the message catalogue
(``planner/messages/clinical.toml``, ``ui_clinical.toml``).

``alert.<code>`` holds one sentence per :class:`planner.plan.ClinicalAlert` code, with ``{site}``, ``{device}``,
``{indication}``, ``{role}`` and ``{value}`` filled by :func:`ui.clinical.alert_text`.
"""

from __future__ import annotations

#: The alert codes of :class:`planner.plan.ClinicalAlert` (a test checks each has a label in both languages).
ALERT_CODES = ("referred", "role_uncovered", "fallback_missing", "below_min_volume", "role_missing_device",
               "harmful_use", "no_receiver")

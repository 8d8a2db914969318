"""Labels of the clinical value (issue 11): roles, value wording, cardiologist view, clinical alerts, evidence.

``alert.<code>`` holds one sentence per :class:`planner.plan.ClinicalAlert` code, with ``{site}``, ``{device}``,
``{indication}``, ``{role}`` and ``{value}`` filled by :func:`ui.clinical.alert_text`.
"""

from __future__ import annotations

VALUE_DEFINITION = {
    "fr": "Un décès évité compte 1, les autres événements selon leur poids de gravité ; les événements ajoutés "
          "(saignements, complications) comptent contre.",
    "en": "A death avoided counts 1, other events by their severity weight; events added (bleeding, "
          "complications) count against.",
}

CLINICAL_LABELS: dict[str, dict[str, str]] = {
    # the value
    "value.definition": VALUE_DEFINITION,
    # roles
    # clinical needs page
    # plan page: cardiologist view
    # the devices beside an indication
    # evidence (About page, catalogue card)
    # clinical alerts, one per code
}

#: The alert codes of :class:`planner.plan.ClinicalAlert` (a test checks each has a label in both languages).
ALERT_CODES = ("referred", "role_uncovered", "fallback_missing", "below_min_volume", "role_missing_device",
               "harmful_use", "no_receiver")

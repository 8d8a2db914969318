"""The app's label tables and the planner's message catalogue share no code (one text per code)."""

from __future__ import annotations

from planner.messages import catalogue
from ui.labels import LABELS


def test_label_keys_and_message_codes_are_distinct() -> None:
    assert not set(LABELS) & set(catalogue())

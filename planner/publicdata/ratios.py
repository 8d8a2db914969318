"""The stated ratios that turn SAE acts into the planner's activity, each with its source; all overridable.

SAE counts acts of the "adult ischaemic and structural heart disease" type (ACT3), not coronary angiographies,
angioplasties (PCI) and STEMI separately, so these are *estimates*: the user's figures, or their own ratios,
always win (``--ratio pci_per_act3=0.8`` on the command line, the ratio inputs in the app).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Literal

from planner.errors import Issue, PlannerInputError
from planner.messages import msg

Reliability = Literal["H", "M", "EST", "data"]


@dataclass(frozen=True)
class Ratio:
    """One ratio: its value, what it multiplies, where the value comes from and how reliable it is.

    ``reliability``: H primary source, M secondary, EST an estimate of ours, data computed from the SAE file;
    ``user`` is True when the user set the value (the source then says what the default was).
    """

    key: str
    value: float
    meaning: str
    source: str
    reliability: Reliability
    low: float
    high: float
    cite: str = ""  # a few words naming the source, for each derived figure
    user: bool = False

    @property
    def is_estimate(self) -> bool:
        """Whether the default value is our estimate rather than a published figure."""
        return self.reliability == "EST"


DEFAULT_RATIOS: tuple[Ratio, ...] = (
    Ratio("pci_per_act3", 0.9, "coronary angioplasties (PCI) per ACT3 act",
          "EST: ACT3 counts PCI plus structural acts (TAVI, closures...), about 10 % outside structural centres "
          "(planner/data/README.md). National check: ACT3 2024 = 281,063 vs about 220,000 PCI a year cited by the "
          "SFC in 2023 (ratio 0.78, M) and about 135,000 patients stented in 2022 (Santé publique France, H)",
          "EST", 0.05, 2.0, "EST"),
    Ratio("cag_per_pci", 2.07, "diagnostic coronary angiographies per PCI",
          "France PCI registry 2014-2022: 364,770 angiographies / 176,030 PCI = 2.07 (Arch Cardiovasc Dis "
          "2023;116(11):489-497, H); national surveys give 2.23 (2010: 259,000 / 116,000, GACI, M)",
          "H", 0.5, 10.0, "France PCI registry 2014-2022"),
    Ratio("stemi_per_pci", 0.18, "primary PCI for STEMI per PCI",
          "France PCI registry 2014-2022: 31,631 STEMI / 176,030 PCI = 18 % (Arch Cardiovasc Dis "
          "2023;116(11):489-497, H)", "H", 0.0, 1.0, "France PCI registry 2014-2022"),
    Ratio("act3_per_room", 575.0, "ACT3 acts per room, only where SALCAR (rooms) is blank or 0",
          "median ACT3 per SALCAR room of the 191 sites with rooms and >= 100 ACT3 acts in SAE 2024 (computed "
          "from the bundled file; quartiles 440 and 803)", "data", 1.0, 10_000.0, "SAE 2024 median"),
)
RATIO_KEYS: tuple[str, ...] = tuple(r.key for r in DEFAULT_RATIOS)


@dataclass(frozen=True)
class Ratios:
    """The ratios in use: the defaults, with the user's values where given."""

    items: tuple[Ratio, ...] = DEFAULT_RATIOS

    def __getitem__(self, key: str) -> Ratio:
        return {r.key: r for r in self.items}[key]

    def value(self, key: str) -> float:
        """The value of ratio ``key``."""
        return self[key].value

    def values(self) -> dict[str, float]:
        """Every ratio's value by key."""
        return {r.key: r.value for r in self.items}


def with_overrides(values: Mapping[str, float], source: str = "command line") -> Ratios:
    """The default ratios with the user's ``values``; an unknown key or a value out of range is an error
    (every one is listed)."""
    issues: list[Issue] = []
    items = list(DEFAULT_RATIOS)
    for key, value in values.items():
        if key not in RATIO_KEYS:
            issues.append(Issue(source, "--ratio", key, str(value),
                                msg("sae.unknown_ratio", known=", ".join(RATIO_KEYS))))
            continue
        i = RATIO_KEYS.index(key)
        default = items[i]
        if not (math.isfinite(value) and default.low <= value <= default.high):
            issues.append(Issue(source, "--ratio", key, f"{value:g}",
                                msg("sae.between", low=f"{default.low:g}", high=f"{default.high:g}")))
            continue
        if value != default.value:
            items[i] = replace(default, value=float(value), user=True, cite="your ratio",
                               source=f"your value (default {default.value:g}: {default.source})")
    if issues:
        raise PlannerInputError(issues)
    return Ratios(tuple(items))


def parse_assignments(texts: Iterable[str], option: str = "--ratio") -> dict[str, float]:
    """``key=value`` texts -> a mapping; every malformed one is an error naming the option and the text."""
    out: dict[str, float] = {}
    issues: list[Issue] = []
    for text in texts:
        key, sep, raw = text.partition("=")
        try:
            number = float(raw) if sep else math.nan
        except ValueError:
            number = math.nan
        if not sep or not key.strip() or not math.isfinite(number):
            issues.append(Issue(msg("src.command_line"), option, key.strip() or text, raw if sep else text,
                                msg("sae.ratio_form")))
            continue
        out[key.strip()] = number
    if issues:
        raise PlannerInputError(issues)
    return out

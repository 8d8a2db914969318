"""Tables of the "Start from an establishment" section (pure: no streamlit): public figures beside the derived
ones for the establishments chosen, and where each figure of the scenario's sites comes from."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from planner import Scenario
from planner.publicdata.checks import PCI_THRESHOLD
from planner.publicdata.mapping import MappedSite
from planner.publicdata.provenance import field_rows
from ui.i18n import Translator

FIELD_LABELS = {"rooms": "sc.rooms", "activity.cag": "activity.cag", "activity.pci": "activity.pci",
                "activity.stemi": "activity.stemi", "angio_vendor": "sc.vendor", "roles": "sae.col.roles"}


def _blank(value: int | None) -> str:
    return "" if value is None else str(value)


def comparison_frame(sites: Sequence[MappedSite], t: Translator) -> pd.DataFrame:
    """One row per establishment: its public figures (SALCAR, ACT3, INTADU) then the derived site figures."""
    rows = []
    for m in sites:
        a = m.data["activity"]
        rows.append({
            t("sae.col.site"): m.sae.label,
            t("sae.col.rooms_public"): _blank(m.sae.rooms_cardiology),
            t("sae.col.act3"): _blank(m.sae.acts_adult_ischaemic_structural),
            t("sae.col.surgery_public"): _blank(m.sae.cardiac_surgery_adult_interventions),
            t("sae.col.rooms"): m.data["rooms"],
            t("sae.col.cag"): a["cag"], t("sae.col.pci"): a["pci"], t("sae.col.stemi"): a["stemi"],
            t("sae.col.roles"): ", ".join(t.opt("role", r) for r in m.data.get("roles", [])),
            t("sae.col.threshold"): t("sae.yes") if float(a["pci"]) < PCI_THRESHOLD else "",
        })
    return pd.DataFrame(rows)


def _shown(value: float | str) -> str:
    return value if isinstance(value, str) else f"{value:g}"


def provenance_frame(scenario: Scenario, t: Translator) -> pd.DataFrame:
    """One row per recorded field of the sites made from public data: value now, public value, status, how."""
    names = {s.id: s.name for s in scenario.sites}
    return pd.DataFrame([{
        t("col.site"): names[r.site_id],
        t("sae.col.field"): t(FIELD_LABELS[r.field]),
        t("sae.col.value"): _shown(r.value),
        t("sae.col.recorded"): _shown(r.recorded),
        t("sae.col.status"): t(f"sae.status.{r.status}", year=r.year),
        t("sae.col.how"): r.how,
    } for r in field_rows(scenario)])

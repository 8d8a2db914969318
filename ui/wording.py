"""The decision tools' answers in the user's words, French or English (pure: no streamlit).

The planner explains itself in English with ids (``main: add boston_rotapro (1 unit)``); the app rebuilds
each sentence from the structured fields (reason codes, figures, device and indication ids) with product
and indication names. Where a detail exists only in the planner's text, it is read from that text, and the
planner's own sentence is the fallback when nothing matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from planner import Catalog
from planner.decision.explain import ChosenDevice
from planner.messages import Msg
from ui.i18n import Translator
from ui.tables import device_name as device  # a device's product name in a language


def short(name: str, limit: int = 30) -> str:
    """A long product or indication name cut for a chart label (before any bracket, "+", "with", "on", "avec" or
    "sur").

    >>> short("Rotablator RotaPro console + burr/advancer + RotaWire")
    'Rotablator RotaPro console'
    >>> short("Angioplastie complexe nécessitant une imagerie endocoronaire (tronc commun)", 40)
    'Angioplastie complexe nécessitant une i…'
    """
    base = re.split(r" \(| \+ | with | on | avec | sur |, ", name)[0].strip() or name
    return base if len(base) <= limit else base[:limit - 1].rstrip() + "…"


def devices(catalog: Catalog, ids: Iterable[str], lang: str) -> str:
    """Product names in ``lang``, comma-separated."""
    return ", ".join(device(catalog, d, lang) for d in ids)


def indication(catalog: Catalog, t: Translator, indication_id: str) -> str:
    """An indication's name in the user's language."""
    ind = catalog.indications.get(indication_id)
    return ind.name(t.lang) if ind else indication_id


def _at_site(t: Translator, sites: Mapping[str, str], site_id: str) -> str:
    """`` (site name)`` when the scenario has several sites, else nothing."""
    return f" ({sites.get(site_id, site_id)})" if len(sites) > 1 else ""


# ---------------------------------------------------------------- why (chosen devices)


def _codes(message: Msg) -> set[str]:
    """The codes of a message and of the messages among its parameters."""
    return {message.code}.union(*(_codes(v) for _, v in message.args if isinstance(v, Msg)))


def served(c: ChosenDevice, chosen: Iterable[ChosenDevice], catalog: Catalog, t: Translator) -> str:
    """What a chosen device serves, or why it is in the plan when it serves no case."""
    if c.cases:
        return ", ".join(t("why.cases", indication=indication(catalog, t, x.indication_id),
                           cases=t.num(x.cases_per_year, 1)) for x in c.cases)
    needed_by = [o.device_id for o in chosen if o.site_id == c.site_id and o.device_id in catalog.devices
                 and c.device_id in catalog.requirements(o.device_id)]
    if needed_by:
        return t("why.required_by", devices=devices(catalog, needed_by, t.lang))
    return t("why.must_include") if "chosen.must_include" in _codes(c.text) else t("why.no_case")


def without(c: ChosenDevice, catalog: Catalog, t: Translator) -> str:
    """What the plan would lose without a chosen device."""
    if not c.feasible_without:
        return t("why.indispensable")
    text = t("why.loss", loss=t.num(c.benefit_loss_without or 0.0, 1))
    if c.cost_change_without_eur_per_year is not None and abs(c.cost_change_without_eur_per_year) >= 1.0:
        sign = "+" if c.cost_change_without_eur_per_year > 0 else ""
        text += t("why.cost_change", change=sign + t.eur(c.cost_change_without_eur_per_year))
    if c.replaced_by:
        text += t("why.instead", devices=devices(catalog, c.replaced_by, t.lang))
    return text


def chosen_line(c: ChosenDevice, chosen: Iterable[ChosenDevice], catalog: Catalog, t: Translator,
                sites: Mapping[str, str]) -> str:
    """A chosen device in one Markdown line: what it serves, its benefit and costs, the loss without it."""
    figures = t("why.figures", benefit=t.num(c.benefit, 1), capex=t.eur(c.capex_eur),
                annual=t.eur(c.annualised_eur_per_year))
    return (f"**{device(catalog, c.device_id, t.lang)}**{_at_site(t, sites, c.site_id)} — "
            f"{served(c, chosen, catalog, t)} ({figures}) ; {without(c, catalog, t)}"
            ).replace(" ; ", " ; " if t.lang == "fr" else "; ")

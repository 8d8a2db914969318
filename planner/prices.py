"""Dated catalogue prices: currency conversion and indexation to the plan's year; funding checks.

Each catalogue price carries its year (``capex_year``, ``consumable_year``; empty: the year of ``price_date``)
and the currency it was quoted in (``capex_currency``, ``consumable_currency`` with the quoted amount). A
non-EUR amount is converted with the annual exchange rate of its year (``catalog/fx_rates.csv``); the
catalogue's EUR figure must agree with the conversion. ``prepare`` brings every catalogue price to the plan's
first year with the price index (``catalog/price_index.csv``: the ratio of annual averages, held at its last
published level after its last year) or, if the scenario sets ``price_index_rate``, with that yearly rate.
The formulas are :func:`planner.costs.to_eur` and :func:`planner.costs.index_factor`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from planner import costs
from planner.errors import Issue
from planner.messages import Device, Num, Opt, msg

if TYPE_CHECKING:
    from planner.catalog import Catalog, Device
    from planner.schema import CellValue

#: Largest gap between a catalogue EUR figure and its conversion from the quoted amount (rounding).
FX_TOLERANCE_EUR = 1.0


@dataclass(frozen=True)
class IndexPoint:
    """The annual average of the price index in one year (``price_index.csv``)."""

    year: int
    index: float
    source: str
    verified: bool


@dataclass(frozen=True)
class FxRate:
    """Euros for one unit of a currency, annual average of one year (``fx_rates.csv``)."""

    currency: str
    year: int
    eur_per_unit: float
    source: str
    verified: bool


@dataclass(frozen=True)
class DevicePriceBasis:
    """How one device's catalogue prices were brought to the plan's year."""

    device_id: str
    capex_year: int
    consumable_year: int
    capex_currency: str
    consumable_currency: str
    capex_factor: float
    consumable_factor: float
    estimate: bool
    source: str


@dataclass(frozen=True)
class PriceBasis:
    """The indexation applied to the catalogue prices of a plan: method, plan year and per-device factors.

    ``method`` is ``index`` (price index of the catalogue), ``rate`` (the scenario's yearly rate) or ``none``
    (no index in the catalogue: prices are used as written). ``index_last_year`` is the last year the index
    covers; later years use its last value."""

    plan_year: int
    method: str
    rate: float | None
    index_first_year: int | None
    index_last_year: int | None
    index_source: str
    devices: tuple[DevicePriceBasis, ...] = ()

    def factor(self, device_id: str) -> DevicePriceBasis | None:
        """The basis of one device, if it is in the catalogue."""
        return next((b for b in self.devices if b.device_id == device_id), None)


def capex_year(dev: Device) -> int:
    """Year of a device's capex, maintenance and lease figures."""
    return dev.capex_year or dev.price_date.year


def consumable_year(dev: Device) -> int:
    """Year of a device's consumable figures."""
    return dev.consumable_year or dev.price_date.year


def index_value(points: tuple[IndexPoint, ...], year: int) -> float:
    """The index in ``year``, held at its first or last value outside the years it covers."""
    if year <= points[0].year:
        return points[0].index
    if year >= points[-1].year:
        return points[-1].index
    return next(p.index for p in points if p.year == year)


def year_factor(points: tuple[IndexPoint, ...], rate: float | None, from_year: int, to_year: int) -> float:
    """Multiplier bringing a price of ``from_year`` to ``to_year``: the scenario's rate if given, else the
    index ratio, else 1 (no index)."""
    if rate is not None:
        return costs.escalation_factor(rate, to_year - from_year)
    if not points:
        return 1.0
    return costs.index_factor(index_value(points, from_year), index_value(points, to_year))


def dated_devices(catalog: Catalog, plan_year: int, rate: float | None) -> tuple[dict[str, Device], PriceBasis]:
    """Catalogue devices with their prices brought to ``plan_year``: capex, maintenance and lease from
    their capex year; consumables (purchase and placement) from their consumable year. Placement commitments
    are expert estimates of the catalogue's date and are not indexed."""
    points = catalog.price_index
    out: dict[str, Device] = {}
    rows = []
    for d, dev in catalog.devices.items():
        fc = year_factor(points, rate, capex_year(dev), plan_year)
        fk = year_factor(points, rate, consumable_year(dev), plan_year)
        placement = dev.placement_consumable_eur_per_case
        out[d] = replace(dev, capex_eur=dev.capex_eur * fc, maintenance_eur_per_year=dev.maintenance_eur_per_year * fc,
                         lease_eur_per_year=dev.lease_eur_per_year * fc,
                         consumable_eur_per_case=dev.consumable_eur_per_case * fk,
                         placement_consumable_eur_per_case=None if placement is None else placement * fk)
        rows.append(DevicePriceBasis(d, capex_year(dev), consumable_year(dev), dev.capex_currency,
                                     dev.consumable_currency, fc, fk, dev.estimate, dev.source))
    method = "rate" if rate is not None else ("index" if points else "none")
    return out, PriceBasis(plan_year, method, rate, points[0].year if points else None,
                           points[-1].year if points else None, points[0].source.split(";")[0] if points else "",
                           tuple(rows))


def check_funding(devices: Mapping[str, Mapping[str, CellValue]], source: str) -> list[Issue]:
    """A ``liste_en_sus`` device names its LPP code (7 digits) and tariff; others have no tariff; a known
    status cites its source."""
    issues: list[Issue] = []
    for ident, row in devices.items():
        where, funding = msg("loc.device", device=Device(ident)), str(row.get("funding") or "unknown")
        code, tariff = str(row.get("lpp_code") or ""), row.get("lpp_tariff_eur")
        if funding == "liste_en_sus":
            if not (code.isdigit() and len(code) == 7):
                issues.append(Issue(source, where, "lpp_code", code, msg("price.lpp_code_needed")))
            if tariff is None:
                issues.append(Issue(source, where, "lpp_tariff_eur", "", msg("price.lpp_tariff_needed")))
        elif tariff is not None or code:
            column, value = ("lpp_tariff_eur", str(tariff)) if tariff is not None else ("lpp_code", code)
            what = "price.lpp_only_tariff" if column == "lpp_tariff_eur" else "price.lpp_only_code"
            issues.append(Issue(source, where, column, value, msg(what, funding=Opt("funding", funding))))
        if funding != "unknown" and not str(row.get("funding_source") or "").strip():
            issues.append(Issue(source, where, "funding_source", "",
                                msg("price.funding_source", funding=Opt("funding", funding))))
    return issues


def check_dated_prices(devices: Mapping[str, Mapping[str, CellValue]], rates: Iterable[FxRate],
                       source: str) -> list[Issue]:
    """A price quoted in another currency gives the amount; an exchange rate of its year exists; the
    catalogue's EUR figure equals the conversion (within one euro)."""
    table = {(r.currency, r.year): r.eur_per_unit for r in rates}
    issues: list[Issue] = []
    for ident, row in devices.items():
        for kind, eur_column in (("capex", "capex_eur"), ("consumable", "consumable_eur_per_case")):
            issues.extend(_check_quote(ident, row, kind, eur_column, table, source))
    return issues


def _check_quote(ident: str, row: Mapping[str, CellValue], kind: str, eur_column: str,
                 table: Mapping[tuple[str, int], float], source: str) -> list[Issue]:
    where = msg("loc.device", device=Device(ident))
    currency, amount = str(row.get(f"{kind}_currency") or "EUR"), row.get(f"{kind}_source_amount")
    year = row.get(f"{kind}_year") or getattr(row.get("price_date"), "year", None)
    if currency == "EUR":
        if amount is not None:
            return [Issue(source, where, f"{kind}_source_amount", str(amount),
                          msg("price.amount_in_eur", column=f"{kind}_currency"))]
        return []
    if amount is None:
        return [Issue(source, where, f"{kind}_source_amount", "", msg("price.amount_needed", currency=currency))]
    rate = table.get((currency, int(year))) if isinstance(year, int) else None
    if rate is None:
        return [Issue(source, where, f"{kind}_currency", currency,
                      msg("price.no_rate", currency=currency, year=str(year)))]
    expected = costs.to_eur(float(amount), rate)  # type: ignore[arg-type]
    given = float(row.get(eur_column) or 0.0)  # type: ignore[arg-type]
    if abs(given - expected) > FX_TOLERANCE_EUR:
        shown = Num(rate, len(f"{rate:g}".partition(".")[2]))  # the rate's own decimals
        return [Issue(source, where, eur_column, f"{given:g}",
                      msg("price.fx_mismatch", currency=currency, amount=Num(float(amount), 2),  # type: ignore[arg-type]
                          rate=shown, year=str(year), expected=Num(expected, 2)))]
    return []

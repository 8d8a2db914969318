"""The money formulas, in one place.

The objective (with PuLP expressions) and the plan's cost tables (with numbers) call these same functions,
so the plan's costs reconcile with the solver's objective by construction and by test.
Every function is linear in its quantity argument, which may be a number or a PuLP expression.
"""

from __future__ import annotations

from typing import TypeVar

Q = TypeVar("Q")  # a number or a PuLP affine expression

#: The solver sees money in thousands of euros; plans report euros.
MODEL_MONEY_UNIT_EUR = 1000.0


def capex_cost(unit_price_eur: float, units: Q) -> Q:
    """Purchase cost of ``units`` new units.

    >>> capex_cost(25_000.0, 2)
    50000.0
    """
    return unit_price_eur * units  # type: ignore[operator,no-any-return]


def annualised_capex(capex_eur: Q, lifetime_years: float) -> Q:
    """Straight-line annualisation of a purchase over the device's economic life (no discounting).

    >>> annualised_capex(70_000.0, 7)
    10000.0
    """
    return capex_eur / lifetime_years  # type: ignore[operator,no-any-return]


def maintenance_cost(eur_per_unit_year: float, units: Q) -> Q:
    """Annual maintenance of ``units`` units in service (installed and new).

    >>> maintenance_cost(1_500.0, 3)
    4500.0
    """
    return eur_per_unit_year * units  # type: ignore[operator,no-any-return]


def consumables_cost(eur_per_case: float, cases: Q) -> Q:
    """Annual consumables for ``cases`` cases.

    >>> consumables_cost(650.0, 200)
    130000.0
    """
    return eur_per_case * cases  # type: ignore[operator,no-any-return]


def to_model_money(eur: float) -> float:
    """Euros to the solver's money unit (k EUR).

    >>> to_model_money(48_000)
    48.0
    """
    return eur / MODEL_MONEY_UNIT_EUR


def from_model_money(value: float) -> float:
    """Solver money unit (k EUR) back to euros.

    >>> from_model_money(48.0)
    48000.0
    """
    return value * MODEL_MONEY_UNIT_EUR


def discount_factor(rate: float, years_from_start: int) -> float:
    """Present value of one euro paid ``years_from_start`` years after the start year.

    >>> round(discount_factor(0.04, 2), 6)
    0.924556
    >>> discount_factor(0.0, 5)
    1.0
    """
    return 1.0 / (1.0 + rate) ** years_from_start


def escalation_factor(rate: float, years_from_start: int) -> float:
    """Price multiplier after ``years_from_start`` years of escalation at ``rate`` a year.

    >>> round(escalation_factor(0.02, 3), 6)
    1.061208
    """
    return (1.0 + rate) ** years_from_start


def residual_share(lifetime_years: float, years_used: int) -> float:
    """Share of a purchase's value left after ``years_used`` years (straight-line depreciation).

    >>> residual_share(7, 1)
    0.8571428571428571
    >>> residual_share(5, 8)
    0.0
    """
    return max(0.0, lifetime_years - years_used) / lifetime_years


def net_capex(capex_eur: Q, lifetime_years: float, years_used: int, discount_buy: float = 1.0,
              discount_end: float = 1.0) -> Q:
    """Capital charged to the horizon: the price paid (discounted to the purchase year) less the residual
    value at the end of the horizon (straight-line depreciation, discounted to the end of the horizon).

    ``capex x d_buy - capex x residual x d_end``, written so that with a one-year horizon and no discounting
    it is exactly the straight-line annualisation (:func:`annualised_capex`):

    >>> net_capex(70_000.0, 7, 1) == annualised_capex(70_000.0, 7)
    True
    >>> net_capex(70_000.0, 7, 10)
    70000.0
    >>> round(net_capex(70_000.0, 7, 1, 1.0, 1 / 1.04), 2)  # residual 60,000 discounted one year
    12307.69
    """
    used_share = min(years_used, lifetime_years) / lifetime_years
    residual = residual_share(lifetime_years, years_used)
    return capex_eur * discount_buy * used_share + capex_eur * residual * (discount_buy - discount_end)  # type: ignore[operator,no-any-return]


def to_eur(amount: float, eur_per_unit: float) -> float:
    """An amount quoted in another currency, in euros at that year's exchange rate (EUR per unit).

    >>> round(to_eur(150_000.0, 0.7169), 2)  # USD 150,000 at 0.7169 EUR per dollar
    107535.0
    >>> to_eur(701.0, 1.0)  # already in euros
    701.0
    """
    return amount * eur_per_unit


def index_factor(index_from: float, index_to: float) -> float:
    """Multiplier that brings a price of one year to another with a price index (ratio of annual averages).

    >>> round(index_factor(93.29, 119.64), 4)  # CPI 2009 -> 2024
    1.2825
    >>> index_factor(100.0, 100.0)
    1.0
    """
    return index_to / index_from


def billed_on_top(eur_per_case: float, lpp_tariff_eur: float | None) -> float:
    """What the hospital bills per case on top of the stay's tariff (liste en sus): the price it paid, up to the
    LPP tariff (the 50 % share of a price below the tariff, the *écart indemnisable*, is not counted).
    Zero for a consumable paid inside the GHS (no tariff).

    >>> billed_on_top(800.0, 650.0), billed_on_top(500.0, 650.0), billed_on_top(800.0, None)
    (650.0, 500.0, 0.0)
    """
    return 0.0 if lpp_tariff_eur is None else min(eur_per_case, lpp_tariff_eur)


def payer_cost_per_case(eur_per_case: float, lpp_tariff_eur: float | None, perspective: str) -> float:
    """Cost of one case's consumable for the payer of the perspective: ``health_system`` pays the whole price
    (whoever pays it), ``hospital`` the price less what it bills on top of the GHS tariff.

    >>> payer_cost_per_case(800.0, 650.0, "health_system"), payer_cost_per_case(800.0, 650.0, "hospital")
    (800.0, 150.0)
    """
    if perspective == "hospital":
        return eur_per_case - billed_on_top(eur_per_case, lpp_tariff_eur)
    return eur_per_case

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

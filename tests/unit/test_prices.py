"""Dated prices (currency conversion, price index, scenario rate) and funding: formulas, catalogue checks,
round trips."""

from __future__ import annotations

import pytest

from planner import costs, load_catalog
from planner.catalog import build_catalog, parse_rows
from planner.errors import PlannerInputError
from planner.inputs import effective_devices, prepare
from planner.prices import IndexPoint, dated_devices, year_factor
from planner.report.xlsx_roundtrip import catalog_to_csv_texts
from planner.schema import TABLES
from tests.builders import DEVICE_DEFAULTS, INDICATION_DEFAULTS, make_scenario

POINTS = (IndexPoint(2009, 93.29, "t", True), IndexPoint(2014, 99.96, "t", True), IndexPoint(2024, 119.75, "t", True))


@pytest.mark.parametrize(("price", "tariff", "billed", "hospital"), [
    (1000.0, 900.0, 900.0, 100.0),   # price above the tariff: the tariff is billed
    (800.0, 900.0, 800.0, 0.0),      # below: the price is billed, the hospital pays nothing net
    (800.0, None, 0.0, 800.0),       # inside the GHS: nothing billed
    (0.0, 900.0, 0.0, 0.0),
])
def test_billed_on_top_and_net_cost(price, tariff, billed, hospital):
    assert costs.billed_on_top(price, tariff) == billed
    assert costs.payer_cost_per_case(price, tariff, "hospital") == hospital
    assert costs.payer_cost_per_case(price, tariff, "health_system") == price


def test_currency_and_index_formulas():
    assert costs.to_eur(598.80, 1.24051) == pytest.approx(742.817, abs=1e-3)
    assert costs.index_factor(93.29, 119.75) == pytest.approx(1.28363, abs=1e-5)


def test_year_factor_index_held_after_its_last_year_and_rate_override():
    assert year_factor(POINTS, None, 2009, 2024) == pytest.approx(119.75 / 93.29)
    assert year_factor(POINTS, None, 2009, 2027) == pytest.approx(119.75 / 93.29)  # held at the 2024 level
    assert year_factor(POINTS, None, 2026, 2027) == 1.0  # both after the index: no change
    assert year_factor(POINTS, None, 2014, 2014) == 1.0
    assert year_factor(POINTS, 0.02, 2009, 2027) == pytest.approx(1.02 ** 18)  # the scenario's rate wins
    assert year_factor((), None, 2009, 2027) == 1.0  # a catalogue without index: prices as written


def test_bundled_ivus_console_from_a_2009_us_price_to_2027():
    catalog = load_catalog()
    dev = catalog.devices["philips_intrasight_mobile_ivus"]
    assert (dev.capex_year, dev.capex_currency, dev.capex_source_amount) == (2009, "USD", 150_000.0)
    assert dev.capex_eur == pytest.approx(150_000 * 0.71695, abs=1.0)  # ECB 2009 average
    dated, basis = dated_devices(catalog, 2027, None)
    assert basis.method == "index" and basis.index_last_year == 2024
    assert dated["philips_intrasight_mobile_ivus"].capex_eur == pytest.approx(107_542 * 119.75 / 93.29, rel=1e-6)
    # a 2026 estimate is not moved: the index is not published after 2024
    assert dated["boston_rotapro"].capex_eur == catalog.devices["boston_rotapro"].capex_eur
    # the pressure wire: a 2014 GBP price
    assert dated["abbott_pressurewire_coroflow"].consumable_eur_per_case == pytest.approx(743 * 119.75 / 99.96)


def test_scenario_local_prices_are_not_indexed_and_rate_is_used():
    catalog = load_catalog()
    scenario = make_scenario(start_year=2027, devices={"philips_intrasight_mobile_ivus": {"capex_eur": 90_000}})
    assert effective_devices(catalog, scenario)["philips_intrasight_mobile_ivus"].capex_eur == 90_000
    ratio = make_scenario(start_year=2027, price_index_rate=0.0)
    kodama = catalog.devices["acist_hdi_kodama"]
    assert effective_devices(catalog, ratio)["acist_hdi_kodama"].capex_eur == kodama.capex_eur
    assert prepare(catalog, ratio).price_basis.method == "rate"


def test_ffr_wires_are_paid_inside_the_ghs_since_march_2023():
    catalog = load_catalog()
    for d in ("abbott_pressurewire_coroflow", "philips_omniwire_intrasight", "boston_comet2_avvigo",
              "opsens_optowire_optomonitor"):
        dev = catalog.devices[d]
        assert dev.funding == "intra_ghs" and dev.funding_date.isoformat()[:7] == "2023-03"
        assert "liste en sus" in dev.funding_source
    assert all(dev.funding_source for dev in catalog.devices.values())  # every status, even unknown, says why


def _devices(**row):
    header = [c.name for c in TABLES["devices"]]
    return parse_rows("devices", [{k: str(v) for k, v in {**DEVICE_DEFAULTS, "id": "dev", **row}.items()}],
                      "devices.csv", header)


def _fx():
    header = [c.name for c in TABLES["fx_rates"]]
    return parse_rows("fx_rates", [{"currency": "USD", "year": "2009", "eur_per_unit": "0.71695", "source": "ECB",
                                    "verified": "no"}], "fx_rates.csv", header)


def _build(**row):
    ind = parse_rows("indications", [{**INDICATION_DEFAULTS, "id": "need"}], "indications.csv",
                     [c.name for c in TABLES["indications"]])
    cov = parse_rows("coverage", [], "coverage.csv", [c.name for c in TABLES["coverage"]])
    return build_catalog({"devices": _devices(**row), "indications": ind, "coverage": cov, "fx_rates": _fx()})


@pytest.mark.parametrize(("row", "column", "reason"), [
    ({"funding": "liste_en_sus", "funding_source": "x", "lpp_tariff_eur": 900}, "lpp_code", "7-digit LPP code"),
    ({"funding": "liste_en_sus", "funding_source": "x", "lpp_code": "3199999"}, "lpp_tariff_eur", "LPP tariff"),
    ({"funding": "intra_ghs", "funding_source": "x", "lpp_tariff_eur": 900}, "lpp_tariff_eur", "only a liste_en_sus"),
    ({"funding": "intra_ghs"}, "funding_source", "needs its source"),
    ({"funding": "sus"}, "funding", "must be one of"),
    ({"capex_currency": "USD", "capex_year": 2009}, "capex_source_amount", "needs its amount"),
    ({"capex_currency": "USD", "capex_year": 2010, "capex_source_amount": 1000, "capex_eur": 717},
     "capex_currency", "no exchange rate for USD in 2010"),
    ({"capex_currency": "USD", "capex_year": 2009, "capex_source_amount": 150000, "capex_eur": 138000},
     "capex_eur", "does not match USD 150,000.00 x 0.71695"),
    ({"consumable_source_amount": 500}, "consumable_source_amount", "only a price quoted in another currency"),
    ({"capex_currency": "JPY"}, "capex_currency", "must be one of"),
])
def test_funding_and_currency_errors_name_file_row_column_value(row, column, reason):
    with pytest.raises(PlannerInputError) as err:
        _build(**row)
    issues = [i for i in err.value.issues if i.field == column]
    assert issues, err.value.issues
    assert reason in issues[0].message
    assert issues[0].location in ("device dev", "row 2")
    assert issues[0].source.endswith("devices.csv")


def test_a_consistent_conversion_loads():
    dev = _build(capex_currency="USD", capex_year=2009, capex_source_amount=150000, capex_eur=107542).devices["dev"]
    assert dev.capex_currency == "USD" and dev.capex_eur == 107542


def test_csv_round_trip_keeps_funding_dates_index_and_rates(tmp_path):
    catalog = load_catalog()
    for name, text in catalog_to_csv_texts(catalog).items():
        (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
    again = load_catalog(tmp_path)
    assert again.devices == catalog.devices
    assert again.price_index == catalog.price_index and again.fx_rates == catalog.fx_rates


@pytest.mark.parametrize(("top", "key", "reason"), [
    ({"perspective": "patient"}, "perspective", "must be one of hospital, health_system"),
    ({"price_index_rate": 5}, "price_index_rate", "must be <= 1"),
    ({"price_index_rate": "2%"}, "price_index_rate", "must be a number"),
])
def test_scenario_perspective_and_rate_errors(top, key, reason):
    with pytest.raises(PlannerInputError) as err:
        make_scenario(**top)
    issue = next(i for i in err.value.issues if i.field == key)
    assert reason in issue.message


def test_scenario_round_trip_keeps_perspective_and_rate_and_omits_defaults():
    from planner.scenario import parse_scenario
    default = make_scenario()
    assert "perspective" not in default.to_dict() and "price_index_rate" not in default.to_dict()
    chosen = make_scenario(perspective="health_system", price_index_rate=0.015)
    again = parse_scenario(chosen.to_dict(), "again")
    assert (again.perspective, again.price_index_rate) == ("health_system", 0.015)

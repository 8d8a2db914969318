"""Robustness page: run with a progress bar, the report's metrics and charts, cancel, FR labels."""

from __future__ import annotations

from tests.app.conftest import charts, goto
from ui.i18n import Translator
from ui.views import state

FR = Translator("fr")


def test_run_shows_metrics_and_charts(at):
    goto(at, "robustness")
    assert at.title[0].value == FR("rb.title")
    at.selectbox(key="ui.robust.mode").set_value("stability")
    at.number_input(key="ui.robust.samples").set_value(3)
    at.button(key="ui.robust.run").click().run()
    assert not at.exception, at.exception
    report = at.session_state[state.ROBUST]
    assert report.samples == 3 and report.stability is not None
    assert {"rb_value", "rb_cost", "rb_frequency", "rb_regret"} <= {k.removeprefix("ui.chart.") for k in charts(at)}
    assert any(m.label.startswith("Valeur moyenne") for m in at.metric)


def _robust_run(at):  # noqa: ANN001, ANN202
    """Run the robust mode on 3 futures."""
    goto(at, "robustness")
    at.selectbox(key="ui.robust.mode").set_value("robust")
    at.number_input(key="ui.robust.samples").set_value(3)
    at.button(key="ui.robust.run").click().run()
    assert not at.exception, at.exception


def test_robust_mode_compares_the_plans(at):
    _robust_run(at)
    assert [p.name for p in at.session_state[state.ROBUST].plans] == ["deterministic", "robust"]
    assert any(FR("rb.col.nominal") in d.value.columns for d in at.dataframe)


def test_cancel_says_so(at):
    goto(at, "robustness")
    at.button(key="ui.robust.cancel").click().run()
    assert not at.exception
    assert FR("rb.cancelled") in [i.value for i in at.info]


def test_the_robust_report_reads_in_french(at):
    """Plan names, numbers and the equipment in use in French words (names, not ids)."""
    from tests.app.test_french import problems, shown  # noqa: PLC0415

    _robust_run(at)
    assert not problems(shown(at))
    assert any(m.label == "Valeur moyenne (déterministe)" for m in at.metric)
    table = next(d.value for d in at.dataframe if FR("rb.col.plan") in d.value.columns)
    assert list(table[FR("rb.col.plan")]) == ["déterministe", "robuste"]
    assert all("_" not in text for text in table[FR("rb.col.equipment")])  # no device ids

"""Widgets bound to the scenario, the shared sidebar, and the submit step of every form.

A bound widget is seeded from the scenario (``state.seed``) and never given a default of its own, so its
value survives reruns and language switches, and comes back from the scenario after a page switch.
A form collects its widgets' values into candidate scenario data; :func:`submit` validates the candidate
and either commits it (the plan becomes stale) or shows which field is wrong and keeps the previous
scenario.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, Literal, TypeVar

import streamlit as st

from planner import Catalog, Issue, Plan, PlannerInputError, Scenario
from planner.errors import PlannerSolverError
from planner.progress import Progress, SolveReport, describe
from ui import edits
from ui.i18n import LANGUAGES, Translator
from ui.views import cached, state

T = TypeVar("T")


def translator() -> Translator:
    """The translator of the session's language."""
    return Translator(state.lang())


# ---------------------------------------------------------------- bound widgets


def number(label: str, key: str, value: float | None, **kw: Any) -> Any:
    """``st.number_input`` seeded from the scenario; ``None`` (blank) is allowed."""
    state.seed(key, value)
    return st.number_input(label, key=key, value=None, **kw)


def text(label: str, key: str, value: str, **kw: Any) -> str:
    """``st.text_input`` seeded from the scenario."""
    state.seed(key, value)
    return str(st.text_input(label, key=key, **kw))


def select(label: str, key: str, value: str, options: Sequence[str], **kw: Any) -> Any:
    """``st.selectbox`` seeded from the scenario."""
    state.seed(key, value)
    return st.selectbox(label, options, key=key, **kw)


def radio(label: str, key: str, value: str, options: Sequence[str], **kw: Any) -> Any:
    """``st.radio`` seeded from the scenario."""
    state.seed(key, value)
    return st.radio(label, options, key=key, **kw)


def multiselect(label: str, key: str, value: Iterable[str], options: Sequence[str], **kw: Any) -> list[Any]:
    """``st.multiselect`` seeded from the scenario."""
    state.seed(key, [v for v in value if v in options])
    return list(st.multiselect(label, options, key=key, **kw))


def slider(label: str, key: str, value: float, **kw: Any) -> Any:
    """``st.slider`` seeded from the scenario."""
    state.seed(key, value)
    return st.slider(label, key=key, **kw)


def toggle(label: str, key: str, value: bool, **kw: Any) -> bool:
    """``st.toggle`` seeded from the scenario."""
    state.seed(key, bool(value))
    return bool(st.toggle(label, key=key, **kw))


def day(label: str, key: str, value: date, **kw: Any) -> date:
    """``st.date_input`` seeded from the scenario (a single date)."""
    state.seed(key, value)
    chosen = st.date_input(label, key=key, **kw)
    return chosen if isinstance(chosen, date) else value


# ---------------------------------------------------------------- tables

ROW_PX, HEADER_PX = 35, 38  #: height of a table row and of its header in st.dataframe / st.data_editor


def table_height(rows: int, max_px: int) -> int:
    """A table's height in pixels: every row shown, up to ``max_px`` (then it scrolls).

    >>> table_height(3, 400), table_height(30, 400)
    (143, 400)
    """
    return min(HEADER_PX + ROW_PX * rows, max_px)


def text_columns(t: Translator, *columns: str, width: Literal["small", "medium", "large"] = "medium"
                 ) -> dict[str, Any]:
    """Column configuration giving the text columns ``col.<name>`` (headers in the user's language) a width."""
    return {t(f"col.{c}"): st.column_config.TextColumn(width=width) for c in columns}


# ---------------------------------------------------------------- submit and issues


_LINE = re.compile(r"line (\d+) \((.*)\)")
_CELL = re.compile(r"(?:sheet '(?P<sheet>.*)', )?row (?P<row>\d+)(?:, column (?P<col>[A-Z]+))?")
_BUDGET = {"capex_eur": "sc.capex", "opex_eur_per_year": "sc.opex"}
_ENVELOPES = {"capex_eur_by_year": "hz.envelope_capex_year", "opex_eur_by_year": "hz.envelope_opex_year"}
_RATES = {"price_escalation": ("hz.escalation", "esc"), "activity_growth": ("hz.growth", "activity")}


def place(location: str, t: Translator, catalog: Catalog | None = None) -> str:
    """Where an input problem is, in the user's words: ``Site 1 — Rooms (sites[0].rooms)``, with the YAML
    line for uploads. Unknown paths are returned as they are."""
    cell = _CELL.fullmatch(location)
    if cell:
        parts = [t("file.sheet", sheet=cell["sheet"])] if cell["sheet"] else []
        parts.append(t("file.row", row=cell["row"]))
        if cell["col"]:
            parts.append(t("file.column", column=cell["col"]))
        return ", ".join(parts)
    match = _LINE.fullmatch(location)
    line, path = (match.group(1), match.group(2)) if match else (None, location)
    parts = [p for p in re.split(r"[.\[\]]", path.split("#")[0]) if p]
    words: list[str] = []
    if len(parts) >= 2 and parts[0] == "sites" and parts[1].isdigit():
        words.append(t("sc.site", n=int(parts[1]) + 1))
        rest = parts[2:]
        if rest[:1] == ["activity"] and len(rest) == 2:
            rest = [t(f"activity.{rest[1]}")]
        elif rest[:1] in (["volumes"], ["installed"]) and len(rest) in (2, 3):
            head = t("needs.demand") if rest[0] == "volumes" else t("sc.installed")
            rest = [head, _thing(rest[1], t, catalog), *(t.opt("col", r) for r in rest[2:])]
        words += [t.opt("col", r) for r in rest]
    elif len(parts) == 2 and parts[0] == "security":
        words += [t("sc.security"), t.opt("col", parts[1])]
    elif parts[:1] == ["budget"] and len(parts) in (2, 3):
        words.append(_budget_field(parts[1:], t))
    elif parts[:1] in (["price_escalation"], ["activity_growth"]) and len(parts) == 2:
        title, label = _RATES[parts[0]]
        words += [t(title), t(f"{label}.{parts[1]}") if t.has(f"{label}.{parts[1]}") else _thing(parts[1], t, catalog)]
    elif parts[:1] in (["horizon_years"], ["start_year"], ["discount_rate"], ["acquisition_modes"]):
        words.append(t.opt("col", parts[0]))
    elif len(parts) >= 2 and parts[0] in ("devices", "indications", "must_include", "exclude"):
        words += [_thing(parts[1], t, catalog), *(t.opt("col", r) for r in parts[2:])]
    where = " — ".join(words) if words else path
    if words:
        where += f" ({path})"
    return f"{t('form.line', line=line)} : {where}" if line and t.lang == "fr" else (
        f"{t('form.line', line=line)}: {where}" if line else where)


def _budget_field(parts: list[str], t: Translator) -> str:
    """A budget field in words: ``capex_eur``, ``carry_over``, or a yearly envelope (``capex_eur_by_year.2028``)."""
    if len(parts) == 2 and parts[0] in _ENVELOPES:
        return t(_ENVELOPES[parts[0]], year=parts[1])
    key = _BUDGET.get(parts[0])
    return t(key) if key else t.opt("col", parts[0])


def _thing(ident: str, t: Translator, catalog: Catalog | None) -> str:
    if catalog is not None and ident in catalog.devices:
        return catalog.devices[ident].label(t.lang)
    if catalog is not None and ident in catalog.indications:
        return catalog.indications[ident].name(t.lang)
    return ident


def issue_line(issue: Issue, t: Translator, catalog: Catalog | None = None) -> str:
    """One input problem as a line: where, the value given, why (the planner's message).

    A problem of an imported spreadsheet names the file, the sheet, the row, the column and the field.
    """
    where = place(issue.location, t, catalog) if issue.location else issue.source
    if _CELL.fullmatch(issue.location):
        field = f" ({t.opt('col', issue.field)})" if issue.field else ""
        where = f"{issue.source}, {where}{field}"
    sep = " : " if t.lang == "fr" else ": "
    value = f" = `{issue.value}`" if issue.value not in ("", "null") else ""
    return f"**{where}**{value}{sep}{t.say(issue.why, catalog)}"


def show_issues(title: str, lines: Iterable[str]) -> None:
    """An error box: a title and one bullet per problem."""
    st.error("\n".join([title, ""] + [f"- {line}" for line in lines]))


def submit(data: dict[str, Any], catalog: Catalog, t: Translator, slot: Any = None) -> None:
    """Validate candidate scenario data; commit it and rerun, or show the errors in ``slot``.

    Nothing happens when the candidate equals the current scenario.
    """
    current = state.scenario()
    if data == current.to_dict():
        return
    try:
        new = edits.checked(data, catalog, source=t("form.source"))
    except PlannerInputError as exc:
        with slot if slot is not None else st.container():
            show_issues(t("form.rejected"), [issue_line(i, t, catalog) for i in exc.issues])
        return
    if state.commit(new):
        st.rerun()


def guarded(action: Callable[[], Any], scope: str = "scenario", title: str = "form.rejected",
            done: str | None = None, **values: Any) -> bool:
    """Run a callback's scenario change; on input errors keep the scenario and remember why (label ``title``).

    ``done`` is the label of a success message; ``values`` fill both labels. Returns whether the change went
    through.
    """
    try:
        action()
    except PlannerInputError as exc:
        state.set_notice(scope, state.Notice("error", title, tuple(values.items()), exc.issues))
        return False
    state.set_notice(scope, state.Notice("success", done, tuple(values.items())) if done else None)
    return True


def computed(compute: Callable[[], T], t: Translator, catalog: Catalog, title: str, spinner: str) -> T | None:
    """Run an analysis under a ``spinner`` message; on input errors (e.g. a tool that refuses multi-year
    scenarios) show them under ``title`` and return ``None``."""
    try:
        with st.spinner(spinner):
            return compute()
    except PlannerInputError as exc:
        show_issues(title, [issue_line(i, t, catalog) for i in exc.issues])
        return None
    except PlannerSolverError as exc:
        st.error(t("plan.solver_failed", reason=exc.reason), icon=":material/error:")
        return None


def with_progress(compute: Callable[[Progress], T], t: Translator, catalog: Catalog, title: str, running: str,
                  kind: str) -> T | None:
    """Run a long analysis with a progress bar and a Cancel button (which forgets the ``kind`` request: the page
    stops at the analysis's next progress report, between two solves, and reruns without it); errors as
    :func:`computed`."""
    box = st.empty()
    with box.container():
        bar = st.progress(0.0, text=running)
        st.button(t("ui.cancel"), key=f"ui.{kind}.cancel", on_click=state.cancel, args=(kind,),
                  icon=":material/cancel:")

    def progress(share: float) -> None:
        bar.progress(share, text=f"{running} {t.pct(share)}")

    try:
        return computed(lambda: compute(progress), t, catalog, title, running)
    finally:
        box.empty()


def optimised(scenario: Scenario, t: Translator, catalog: Catalog) -> Plan:
    """The plan of ``scenario`` with a progress bar (the solver's stage, its best plan, bound and gap, the time
    against the limit) and a Cancel button: a click reruns the page, which stops the solver at its next report
    (:class:`planner.highs_session.Watcher`) and keeps the plan shown before. Input and solver errors are
    raised as by :func:`planner.make_plan`."""
    box = st.empty()
    with box.container():
        bar = st.progress(0.0, text=t("plan.solving"))
        st.button(t("ui.cancel"), key="ui.plan.cancel", icon=":material/cancel:")

    def watch(report: SolveReport) -> None:
        bar.progress(report.share, text=t.say(describe(report)))

    try:
        return cached.solved_plan(scenario, catalog, watch)
    finally:
        box.empty()


def uploader_words(t: Translator, max_mb: int) -> None:
    """Streamlit's file uploader writes its button ("Upload") and its limit ("5MB per file") in English whatever
    the app's language, with no option to change them: in French a style sheet shows them in French instead."""
    if t.lang != "fr":
        return
    zone, hint = '[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] p', \
        '[data-testid="stFileUploaderDropzoneInstructions"] span'
    words = {zone: t("ui.upload.browse"), hint: t("ui.upload.limit", mb=max_mb)}
    css = "".join(f'{sel} {{font-size: 0;}} {sel}::after {{content: "{text}"; font-size: 0.875rem;}}'
                  for sel, text in words.items())
    st.html(f"<style>{css}</style>")


def show_notice(t: Translator, catalog: Catalog | None = None, scope: str = "scenario") -> None:
    """Show why the last upload or action of the page was rejected (every issue), or what it did."""
    notice = state.notice_of(scope)
    if notice is None:
        return
    title = t(notice.key, **dict(notice.values))
    if notice.level == "success":
        st.success(title, icon=":material/check:")
        if notice.issues:  # warnings of a change that went through
            st.warning("\n".join(f"- {issue_line(i, t, catalog)}" for i in notice.issues), icon=":material/warning:")
    else:
        show_issues(title, [issue_line(i, t, catalog) for i in notice.issues])


# ---------------------------------------------------------------- sidebar


def _on_language() -> None:
    state.set_lang(st.session_state["ui.lang"])


def language_switch() -> None:
    """FR / EN switch (the language lives in ``state.LANG``)."""
    st.session_state["ui.lang"] = state.lang()
    st.radio("Langue / Language", LANGUAGES, key="ui.lang", horizontal=True, on_change=_on_language,
             format_func=lambda code: {"fr": "Français", "en": "English"}[code])


def plan_status(t: Translator) -> None:
    """Scenario name and whether the last plan still matches the inputs."""
    st.caption(t("side.scenario", name=state.scenario().name))
    plan = state.plan()
    if plan is None:
        st.caption(t("side.no_plan"))
    elif state.stale():
        st.warning(t("side.stale"), icon=":material/update:")
    else:
        st.success(t("side.fresh", status=t.opt("status", plan.status)), icon=":material/check:")

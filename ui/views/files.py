"""Files in and out of the app: scenario (YAML or plan workbook), installed equipment, price lists, the plan.

Uploads run in ``on_change`` callbacks: the file is read, imported by :mod:`planner.ingest.imports` through
:mod:`ui.edits`, checked like any other edit, and either replaces the scenario or leaves it as it was with
every problem remembered (sheet, row, column, value, reason) for :func:`ui.views.widgets.show_notice`.
"""

from __future__ import annotations

import json
from functools import partial
from typing import Any

import streamlit as st

from planner import Catalog, Issue, Plan, Scenario
from planner.ingest.read import MAX_FILE_BYTES
from planner.ingest.template import price_template_xlsx_bytes
from planner.report.excel import (
    XLSX_MIME,
    catalog_to_xlsx_bytes,
    installed_to_xlsx_bytes,
    price_overrides_to_xlsx_bytes,
)
from planner.report.pdf import PDF_MIME
from ui import edits, tables
from ui.i18n import Translator
from ui.views import cached, state
from ui.views.widgets import guarded

SPREADSHEETS = ["xlsx", "csv"]
MAX_MB = MAX_FILE_BYTES // 2**20  #: the importers' size limit, in MB


def _file(key: str) -> Any:
    return st.session_state.get(key)


# ---------------------------------------------------------------- scenario: example, upload, download


def _load_example(name: str) -> None:
    guarded(lambda: state.replace(edits.load_example(name)))


def _upload_scenario(catalog: Catalog) -> None:
    file = _file("ui.upload")
    if file is None:
        state.set_notice("scenario", None)
        return
    loaded: list[Scenario] = []

    def apply() -> None:
        loaded.append(edits.checked_upload(file.getvalue(), file.name, catalog))
        state.replace(loaded[0])

    if guarded(apply, title="sc.upload_rejected", name=file.name) and loaded[0].catalog is not None:
        state.set_notice("scenario", state.Notice("success", "sc.uploaded", (("name", file.name),),
                                                  (edits.catalog_ignored(file.name, loaded[0].catalog),)))


def scenario_files(scenario: Scenario, catalog: Catalog, t: Translator) -> None:
    """Load a bundled example, upload a scenario (YAML, or a plan workbook), download the current one."""
    examples = list(edits.bundled_examples())
    c1, c2, c3 = st.columns([3, 4, 2], vertical_alignment="bottom")
    with c1:
        name = st.selectbox(t("sc.example"), examples, key="ui.example", format_func=lambda e: t.opt("example", e))
        st.button(t("sc.load"), key="ui.load", on_click=_load_example, args=(name,), icon=":material/upload_file:")
    c2.file_uploader(t("sc.upload"), type=["yaml", "yml", "xlsx"], key="ui.upload", on_change=_upload_scenario,
                     args=(catalog,), help=t("sc.upload_help"))
    c3.download_button(t("sc.download"), data=scenario.to_yaml(), file_name=f"{tables.slug(scenario.name)}.yaml",
                       mime="application/x-yaml", key="ui.download", icon=":material/download:")


# ---------------------------------------------------------------- installed equipment


def _upload_installed(catalog: Catalog) -> None:
    file = _file("ui.installed.upload")
    if file is None:
        state.set_notice("installed", None)
        return
    notes: list[Issue] = []

    def apply() -> None:
        new, warnings = edits.with_imported_installed(state.scenario(), file.getvalue(), file.name, catalog)
        notes.extend(warnings)
        state.replace(new)

    if guarded(apply, scope="installed", title="sc.upload_rejected", name=file.name):
        state.set_notice("installed", state.Notice("success", "sc.installed_imported", (("name", file.name),),
                                                   tuple(notes)))


def installed_files(scenario: Scenario, catalog: Catalog, t: Translator) -> None:
    """Upload an inventory of installed equipment (.xlsx or .csv); download the current one as a workbook."""
    c1, c2 = st.columns([4, 2], vertical_alignment="bottom")
    c1.file_uploader(t("sc.installed_upload"), type=SPREADSHEETS, key="ui.installed.upload",
                     on_change=_upload_installed, args=(catalog,), help=t("sc.installed_upload_help"),
                     max_upload_size=MAX_MB)
    c2.download_button(t("sc.installed_download"), data=lambda: installed_to_xlsx_bytes(scenario, catalog),
                       file_name=f"{t('file.installed')}_{tables.slug(scenario.name)}.xlsx", mime=XLSX_MIME,
                       key="ui.installed.download", icon=":material/download:",
                       disabled=not any(s.installed for s in scenario.sites))


# ---------------------------------------------------------------- price lists


def _upload_prices(catalog: Catalog) -> None:
    file = _file("ui.prices.upload")
    if file is None:
        state.set_notice("catalog", None)
        return
    apply_prices(file.getvalue(), file.name, catalog)


def apply_prices(data: bytes, filename: str, catalog: Catalog) -> bool:
    """Import a price list file into the local prices (merged, or replacing them); the outcome as a notice."""
    replace = bool(st.session_state.get("ui.prices.replace", False))
    count: list[int] = []

    def apply() -> None:
        new, n = edits.with_imported_prices(state.scenario(), data, filename, catalog, replace)
        count.append(n)
        state.replace(new)

    if guarded(apply, scope="catalog", title="sc.upload_rejected", name=filename):
        state.set_notice("catalog", state.Notice("success", "cat.prices_imported", (("name", filename),
                                                                                    ("n", count[0]))))
        return True
    return False


def price_files(scenario: Scenario, catalog: Catalog, t: Translator) -> None:
    """Upload a price list (.xlsx or .csv) as local prices; download the local prices as a workbook."""
    c1, c2, c3, c4 = st.columns([4, 2, 2, 2], vertical_alignment="bottom")
    c1.file_uploader(t("cat.prices_upload"), type=SPREADSHEETS, key="ui.prices.upload", on_change=_upload_prices,
                     args=(catalog,), help=t("cat.prices_upload_help"), max_upload_size=MAX_MB)
    c2.toggle(t("cat.prices_replace"), key="ui.prices.replace", help=t("cat.prices_replace_help"))
    c4.download_button(t("cat.prices_template"), data=lambda: price_template_xlsx_bytes(catalog, t.lang),
                       file_name=f"{t('file.prices_template')}.xlsx", mime=XLSX_MIME, key="ui.prices.template",
                       icon=":material/description:", help=t("cat.prices_template_help"))
    c3.download_button(t("cat.prices_download"), data=lambda: price_overrides_to_xlsx_bytes(scenario, catalog),
                       file_name=f"{t('file.prices')}_{tables.slug(scenario.name)}.xlsx", mime=XLSX_MIME,
                       key="ui.prices.download", icon=":material/download:", disabled=not scenario.devices)


# ---------------------------------------------------------------- the plan


def plan_downloads(plan: Plan, catalog: Catalog, t: Translator) -> None:
    """The plan as an Excel workbook in the interface language, and as JSON."""
    scenario = tables.plan_scenario(plan)
    c1, c2, c3 = st.columns([2, 2, 3])
    # deferred: the workbook is built (and cached) when the button is clicked, not at every render of the page
    c1.download_button(t("plan.download_xlsx"),
                       data=partial(cached.plan_xlsx, scenario.to_json(), catalog.fingerprint, t.lang, catalog),
                       file_name=f"{t('file.plan')}_{tables.slug(scenario.name)}.xlsx", mime=XLSX_MIME,
                       key="ui.plan.xlsx", icon=":material/table_view:", type="primary")
    c2.download_button(t("plan.download"), data=plan.to_json(), file_name="plan.json", mime="application/json",
                       key="ui.plan.download", icon=":material/download:")
    c3.download_button(t("plan.download_pdf"), data=partial(cached.committee_pdf, scenario.to_json(),
                                                            catalog.fingerprint, t.lang,
                                                            _ladder_steps(scenario, catalog), catalog),
                       file_name=f"{t('file.committee')}_{tables.slug(scenario.name)}.pdf", mime=PDF_MIME,
                       key="ui.plan.pdf", icon=":material/picture_as_pdf:", help=t("plan.pdf_help"))


def _ladder_steps(scenario: Scenario, catalog: Catalog) -> int:
    """Budgets of the purchase path the Decisions page computed for this scenario (0: none computed)."""
    raw = state.requested("ladder")
    if raw is None:
        return 0
    asked = json.loads(raw)
    steps = int(asked[1])
    done = cached.held("path", cached.path_key(scenario.to_json(), catalog.fingerprint, steps)) is not None
    return steps if asked[0] == scenario.to_json() and done else 0


# ---------------------------------------------------------------- catalogue extension


def _upload_extension() -> None:
    file = _file("ui.extension.upload")
    if file is None:
        return
    apply_extension(file.name, file.getvalue())


def apply_extension(filename: str, data: bytes) -> bool:
    """Extend the catalogue with a file (the scenario must still hold); the outcome as a notice."""
    ext = state.Extension(filename, data)
    added: list[int] = []

    def apply() -> None:
        base, new = cached.catalog(), cached.extended_by(ext)
        edits.raise_errors(new, state.scenario())  # the scenario must still hold
        added.extend([len(new.devices) - len(base.devices), len(new.indications) - len(base.indications),
                      len(new.coverage) - len(base.coverage)])
        state.set_extension(ext)

    if guarded(apply, scope="extension", title="cat.ext_rejected", name=filename):
        state.set_notice("extension", state.Notice("success", "cat.ext_imported", (
            ("name", filename), ("devices", added[0]), ("indications", added[1]), ("coverage", added[2]))))
        return True
    return False


def _remove_extension() -> None:
    """Back to the bundled catalogue, unless the scenario names a device or indication only the extension has."""
    def apply() -> None:
        edits.raise_errors(cached.catalog(), state.scenario())
        state.set_extension(None)

    guarded(apply, scope="extension", title="cat.ext_remove_refused", done="cat.ext_removed")


def extension_files(catalog: Catalog, t: Translator) -> None:
    """Extend the catalogue with new devices, indications and coverage rows (a file in the catalogue's layout);
    go back to the bundled catalogue; download the catalogue in use as a workbook."""
    ext = state.extension()
    if ext is not None:
        st.info(t("cat.ext_active", name=ext.name, n=len(catalog.devices)), icon=":material/library_add:")
    c1, c2, c3 = st.columns([4, 2, 2], vertical_alignment="bottom")
    c1.file_uploader(t("cat.ext_upload"), type=SPREADSHEETS, key="ui.extension.upload", on_change=_upload_extension,
                     help=t("cat.ext_upload_help"), max_upload_size=MAX_MB)
    c2.button(t("cat.ext_remove"), key="ui.extension.remove", on_click=_remove_extension, disabled=ext is None,
              icon=":material/undo:")
    c3.download_button(t("cat.ext_download"), data=lambda: catalog_to_xlsx_bytes(catalog),
                       file_name=f"{t('file.catalog')}.xlsx", mime=XLSX_MIME, key="ui.extension.download",
                       icon=":material/download:")

"""Real-browser fixtures: a ``streamlit run app.py`` server on a free port, and Debian's chromium."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
#: Every wait of the browser tests (actions and ``expect``): generous, for a loaded 2-core machine. The tests
#: wait for the app's own state (``data-test-script-state``, elements shown), never for a fixed time.
TIMEOUT_MS = 120_000
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_healthy(url: str, proc: subprocess.Popen[bytes], timeout_s: float = TIMEOUT_MS / 1000) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            msg = f"streamlit exited with code {proc.returncode}"
            raise RuntimeError(msg)
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.2)
    msg = f"streamlit not healthy after {timeout_s} s"
    raise RuntimeError(msg)


@pytest.fixture(scope="session")
def browser_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment with throwaway XDG folders, so chromium and streamlit write nothing under ``~``."""
    home = tmp_path_factory.mktemp("xdg")
    env = dict(os.environ)
    env.update(XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
               CATHLAB_DB_URL=f"sqlite:///{home / 'store.sqlite3'}")
    return env


@pytest.fixture(scope="session")
def app_url(repo_root: Path, browser_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Start ``streamlit run app.py`` headless on a free port; yield its URL; stop it."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = (tmp_path_factory.mktemp("streamlit") / "server.log").open("wb")
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
           "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none"]
    proc = subprocess.Popen(cmd, cwd=repo_root, env=browser_env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Debian's chromium; the e2e tests skip when it is absent (CI installs it with apt)."""
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.skip("Debian chromium not installed at /usr/bin/chromium")
    pytest.importorskip("playwright.sync_api")
    return str(CHROMIUM)


def script_finished(frame: bytes | str) -> bool:
    """Whether a websocket frame from the server is Streamlit's "script finished" message (the end of a run)."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    if isinstance(frame, str):
        return False
    try:
        return ForwardMsg.FromString(frame).WhichOneof("type") == "script_finished"
    except Exception:  # noqa: BLE001 (another kind of frame)
        return False


def watch_runs(tab) -> None:  # noqa: ANN001
    """Keep the app's websocket of this page (before it loads the app), for :func:`rerun`."""
    tab.on("websocket", lambda ws: setattr(tab, "_app_socket", ws))


@contextlib.contextmanager
def rerun(page) -> Iterator[None]:  # noqa: ANN001
    """Around an action that makes the app rerun (a click, Enter in a field, a page link): wait for the server's
    own "script finished" message of that run, whatever the machine's load; no fixed wait."""
    if getattr(page, "_app_socket", None) is None:
        wait_idle(page)  # the app has run once: its websocket is open and kept
    with page._app_socket.expect_event("framereceived", predicate=script_finished, timeout=TIMEOUT_MS):
        yield


def wait_idle(page) -> None:  # noqa: ANN001
    """Wait until the app is not running (no rerun under way); after an action, use :func:`rerun` instead."""
    from playwright.sync_api import expect

    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning",
                                                           timeout=TIMEOUT_MS)


def charts_drawn(page) -> None:  # noqa: ANN001
    """Wait until the app is idle and every plotly chart of the page has drawn its figure (before a screenshot)."""
    from playwright.sync_api import expect

    wait_idle(page)
    plots = page.locator(".js-plotly-plot")
    for i in range(plots.count()):
        expect(plots.nth(i).locator(".main-svg").first).to_be_attached(timeout=TIMEOUT_MS)


def load_example(page, label: str) -> None:  # noqa: ANN001
    """Choose a bundled example by its label on the Scenario page and load it."""
    main = page.get_by_test_id("stMain")
    main.get_by_role("combobox", name="Exemple fourni").click()
    page.get_by_role("option", name=label).click()
    with rerun(page):
        main.get_by_role("button", name="Charger l'exemple").click()


@pytest.fixture
def page(app_url: str, chromium_path: str, browser_env: dict[str, str]) -> Iterator[object]:
    """A fresh chromium page on the app (1400 x 1000, downloads accepted), its Scenario page shown; closed after."""
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=TIMEOUT_MS)  # Playwright's own default is 5 s: too short while a plan is solved
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path, headless=True, args=BROWSER_ARGS,
                                     env=browser_env)
        try:
            tab = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
            tab.set_default_timeout(TIMEOUT_MS)
            watch_runs(tab)
            tab.goto(app_url)
            expect(tab.get_by_test_id("stMain").get_by_role("heading", name="Scénario")).to_be_visible()
            yield tab
        finally:
            browser.close()

"""The analysts' path, as they take it: `make lab`, open a report notebook, Run > Run All Cells.

Starts JupyterLab with `make lab`'s command (headless, no browser, a free port, a token) on a
temporary copy of notebooks/ (running a notebook writes to it), opens the stakeholder map in
Debian's chromium, runs every cell from the Run menu and finds the report's first heading and a
figure in the outputs. The browser may reach the lab server and nothing else. Skipped without
chromium.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from partnerlab import paths

CHROMIUM = Path("/usr/bin/chromium")
NOTEBOOK = "stakeholder_map.ipynb"
HEADING = ("Stakeholder map", "Mapa de actores")  # the sample speaks Spanish: its notebooks open in Spanish

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium: .ci/install-system-packages.sh"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A running JupyterLab on a copy of notebooks/: (base URL, token)."""
    root = tmp_path_factory.mktemp("lab")
    shutil.copytree(paths.NOTEBOOKS, root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    home = root / "home"
    home.mkdir()
    port, token = _free_port(), secrets.token_hex(16)
    env = {
        **os.environ,
        "HOME": str(home),
        "JUPYTER_CONFIG_DIR": str(home / ".jupyter"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
        "MPLBACKEND": "Agg",
    }
    jupyter = Path(sys.executable).parent / "jupyter"  # `make lab`: $(BIN)/jupyter lab notebooks/
    cmd = [
        str(jupyter),
        "lab",
        "notebooks/",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--IdentityProvider.token={token}",
        "--ServerApp.port_retries=0",
        "--LabApp.news_url=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
    ] + (["--allow-root"] if os.geteuid() == 0 else [])
    log = (root / "lab.log").open("w")
    proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):  # wait for the server to answer (up to 2 minutes on a busy machine)
            if proc.poll() is not None:
                pytest.fail("jupyter lab exited:\n" + (root / "lab.log").read_text()[-2000:])
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("jupyter lab did not start:\n" + (root / "lab.log").read_text()[-2000:])
        yield base, token
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def test_run_all_cells_of_a_report_in_jupyterlab(lab, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    base, token = lab
    outside: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1400, "height": 1000})

        def route(r):
            url = r.request.url
            if url.startswith((base, "data:", "blob:")):
                r.continue_()
            else:
                outside.append(url)
                r.abort()

        page.route("**/*", route)
        page.goto(f"{base}/lab/tree/{NOTEBOOK}?token={token}")
        notebook = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
        notebook.locator(".jp-Cell").first.wait_for(timeout=120_000)
        select = page.locator(".jp-Dialog button", has_text=re.compile(r"^Select$"))
        try:  # a fresh lab asks which kernel to start: the one the notebook names
            select.wait_for(timeout=20_000)
            select.click()
        except sync_api.TimeoutError:
            pass
        page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").first.wait_for(timeout=120_000)
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
        # cells out of view may be skipped by the lab's rendering: wait for outputs in the DOM
        heading = notebook.locator(".jp-OutputArea-output h1").first
        figure = notebook.locator(".jp-OutputArea-output img").first
        try:
            heading.wait_for(state="attached", timeout=240_000)
            figure.wait_for(state="attached", timeout=240_000)
        finally:
            page.screenshot(path=str(tmp_path / "lab.png"))
        assert heading.text_content().startswith(HEADING)
        assert figure.evaluate("i => i.naturalWidth") > 0
        # every cell ran: no prompt left at [*] or [ ] (a cell that raises stops Run All)
        sync_api.expect(
            notebook.locator(".jp-CodeCell .jp-InputPrompt", has_text=re.compile(r"\[[ *]?\]"))
        ).to_have_count(0, timeout=240_000)
        assert "Traceback" not in (notebook.text_content() or "")
        notebook.locator(".jp-Cell").first.scroll_into_view_if_needed()
        shots = paths.REPORTS / "screenshots"
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / "jupyterlab-run-all.png"))
        browser.close()
    assert outside == [], outside

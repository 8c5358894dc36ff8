"""Real notebook servers for the widget's browser tests: JupyterLab and marimo, each on a
free 127.0.0.1 port with a token, configured in a temporary folder so that nothing reaches
the network (no news feed, no update check, no extension manager) and the user's own
Jupyter settings are not read. The kernel imports nnsine from this repository."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import ROOT, free_port

LAB_CONFIG = {
    "LabApp": {"news_url": None, "check_for_updates_class": "jupyterlab.NeverCheckForUpdate",
               "extension_manager": "readonly", "expose_app_in_browser": True},
    # allow_root: CI runs as root; terminals are not needed.
    "ServerApp": {"open_browser": False, "ip": "127.0.0.1", "allow_root": True,
                  "terminals_enabled": False},
    "LanguageServerManager": {"autodetect": False},  # jupyter-lsp: no scan for servers
}
# JupyterLab's own front-end settings: no news prompt, no update check.
NOTIFICATIONS = {"fetchNews": "false", "checkForUpdates": False}


def notebook(*sources: str) -> dict:
    """An nbformat 4 notebook of code cells."""
    cells = [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
              "source": source} for source in sources]
    return {"cells": cells, "metadata": {"kernelspec": {
        "name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4, "nbformat_minor": 5}


def _env(home: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(home),
           "JUPYTER_CONFIG_DIR": str(home / "config"), "JUPYTER_DATA_DIR": str(home / "data"),
           "JUPYTER_RUNTIME_DIR": str(home / "runtime"), "JUPYTER_PLATFORM_DIRS": "1",
           "MARIMO_SKIP_UPDATE_CHECK": "1", "NO_PROXY": "127.0.0.1,localhost"}
    return env


def _wait(url: str, process: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}: "
                               f"{log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)  # polling a server that is starting
    raise RuntimeError(f"{url} did not answer in {timeout} s: {log.read_text()[-2000:]}")


@contextmanager
def _running(command: list[str], env: dict, cwd: Path, probe: str) -> Iterator[None]:
    log = cwd / "server.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out,
                                   stderr=subprocess.STDOUT)
    try:
        _wait(probe, process, log)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def jupyterlab(folder: Path) -> Iterator[tuple[str, str]]:
    """JupyterLab serving `folder`: yields (base URL, token)."""
    home = folder / ".home"
    settings = home / "config" / "lab" / "user-settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text(json.dumps(NOTIFICATIONS))
    (home / "config" / "jupyter_server_config.json").write_text(json.dumps(LAB_CONFIG))
    port, token = free_port(), secrets.token_hex(16)
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "jupyterlab", f"--ServerApp.port={port}",
               f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={folder}"]
    with _running(command, _env(home), folder, f"{url}/api/status?token={token}"):
        yield url, token


@contextmanager
def marimo(notebook_file: Path, mode: str = "edit") -> Iterator[tuple[str, str]]:
    """marimo serving `notebook_file` (`edit` or `run`): yields (base URL, token)."""
    home = notebook_file.parent / ".home"
    home.mkdir(exist_ok=True)
    port, token = free_port(), secrets.token_hex(16)
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "marimo", "-q", "-y", mode, str(notebook_file),
               "--host", "127.0.0.1", "--port", str(port), "--headless",
               "--token-password", token]
    with _running(command, _env(home), notebook_file.parent,
                  f"{url}/health"):
        yield url, token

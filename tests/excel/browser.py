"""A real `binhchon serve` process and a real headless Chromium (Debian's chromium + chromedriver) for the page tests."""

from __future__ import annotations

import json
import os
import shutil
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXCEL_MOCK = ROOT / "tests" / "js" / "excel_mock.js"
# Every host but this machine resolves to nothing: a request leaving it fails and the test sees it.
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"


def chromium_paths() -> tuple[str, str]:
    """Chromium and its driver; skips the test where they are missing, fails on CI (CI set)."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if browser and driver:
        return browser, driver
    reason = "Chromium and chromedriver are not installed (Debian: apt-get install chromium chromium-driver)"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}. CI must run the browser tests.")
    pytest.skip(reason)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def binhchon_command() -> list[str]:
    """The installed `binhchon` command beside this interpreter (as a person runs it)."""
    script = Path(sys.executable).with_name("binhchon")
    return [str(script)] if script.exists() else [sys.executable, "-c", "import sys; from xl_addin.cli import main; sys.exit(main())"]


class Server:
    """`binhchon serve` for a contest folder, as its own uvicorn process on a free port (HTTPS when given a context)."""

    def __init__(self, folder: Path, *extra: str, context: ssl.SSLContext | None = None):
        self.port = free_port()
        self.context = context
        self.base = f"{'https' if context else 'http'}://127.0.0.1:{self.port}"
        env = {**os.environ, "XLWINGS_LICENSE_KEY": "noncommercial"}
        args = binhchon_command() + ["serve", "--folder", str(folder), "--port", str(self.port), *extra]
        self.process = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self._wait()

    def _wait(self, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError("binhchon serve stopped: " + self.process.stdout.read())
            try:
                with urllib.request.urlopen(self.base + "/taskpane.html", timeout=2, context=self.context) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise AssertionError(f"binhchon serve did not answer within {seconds} s")

    def stop(self) -> str:
        """Stop the server; what it printed."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        return self.process.stdout.read() if self.process.stdout else ""


@dataclass
class Traffic:
    """What the browser did: requests, failures, error answers and console errors, gathered from its logs."""

    requests: list[dict] = field(default_factory=list)
    failed: list[dict] = field(default_factory=list)
    bad_status: list[tuple[int, str]] = field(default_factory=list)
    console_errors: list[dict] = field(default_factory=list)
    received_bytes: int = 0

    def posts(self, path: str) -> list[dict]:
        """The POST requests to a path."""
        return [r for r in self.requests if r["method"] == "POST" and r["url"].split("?")[0].endswith(path)]


class Browser:
    """Headless Chromium, offline but for 127.0.0.1, logging the network and the console."""

    def __init__(self, mock: bool, size: tuple[int, int] = (360, 720), home: Path | None = None):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        binary, driver = chromium_paths()
        options = webdriver.ChromeOptions()
        options.binary_location = binary
        # Chromium's own background traffic (updates, sync, field trials) is switched off: only the page's
        # counts. chromedriver gives each session a new empty profile (and starts on data:, not the new-tab page).
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync",
                    f"--window-size={size[0]},{size[1]}", "--lang=vi-VN", OFFLINE):
            options.add_argument(arg)
        options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
        # HOME decides which NSS certificate store (~/.pki/nssdb) Chromium trusts on Linux
        env = {**os.environ, "HOME": str(home)} if home else None
        self.driver = webdriver.Chrome(service=Service(driver, env=env), options=options)
        self.traffic = Traffic()
        if mock:
            self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": EXCEL_MOCK.read_text()})

    def collect(self) -> Traffic:
        """Read the logs gathered since the last call into self.traffic."""
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            params = message.get("params", {})
            if message["method"] == "Network.requestWillBeSent":
                request = params["request"]
                self.traffic.requests.append({"id": params["requestId"], "url": request["url"],
                                              "method": request["method"], "body": self._body(params)})
            elif message["method"] == "Network.loadingFailed":
                self.traffic.failed.append(params)
            elif message["method"] == "Network.loadingFinished":
                self.traffic.received_bytes += int(params.get("encodedDataLength", 0))
            elif message["method"] == "Network.responseReceived" and params["response"]["status"] >= 400:
                self.traffic.bad_status.append((params["response"]["status"], params["response"]["url"]))
        self.traffic.console_errors += [e for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]
        return self.traffic

    def _body(self, params: dict) -> str | None:
        request = params["request"]
        if "postData" in request or not request.get("hasPostData"):
            return request.get("postData")
        try:
            return self.driver.execute_cdp_cmd("Network.getRequestPostData", {"requestId": params["requestId"]})["postData"]
        except Exception:  # the body is gone from the browser's buffer: the test then sees None
            return None

    def js(self, script: str, *args):
        """The value of a JavaScript expression body (`return …`) in the page."""
        return self.driver.execute_script(script, *args)

    def wait_for(self, script: str, seconds: float = 30, *args):
        """Wait until a JavaScript condition holds; its value."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            value = self.js(script, *args)
            if value:
                return value
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for: {script}")

    def quit(self) -> None:
        """Close the browser."""
        self.driver.quit()

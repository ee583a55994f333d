"""The Office.js task pane in headless Chromium against `binhchon serve`: what it loads and how long a click takes.

Run: .venv/bin/python bench/taskpane.py [--clicks 3]
Starts `binhchon serve --http` on a free port for the bundled sample contest, loads the task pane
offline (every host but 127.0.0.1 unreachable) with the test stand-in for Excel
(tests/js/excel_mock.js), and prints the requests and bytes of one load, the time until the pane
says it is ready, and the round trip of "Kiểm tra hồ sơ" (read the book, server, apply the answer).
No target yet: the figures are for comparing changes.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "excel")]

from browser import Browser, Server  # noqa: E402
from payload import contest_payload  # noqa: E402


def sample_folder(root: Path) -> Path:
    from xl_addin.usecases import demo
    from xl_addin.usecases.init import init_contest

    folder = root / "contest"
    demo.fill_inputs(init_contest(folder, year=2019, level="tinh", province="Bắc Giang").path)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = sample_folder(Path(tmp))
        payload = contest_payload(folder)
        server = Server(folder, "--http")
        browser = Browser(mock=True)
        try:
            start = time.perf_counter()
            browser.driver.get(server.base + "/taskpane.html")
            browser.wait_for("return document.getElementById('status').className.includes('status-ok')")
            ready = time.perf_counter() - start
            traffic = browser.collect()
            print(f"page load: {len(traffic.requests)} requests, {traffic.received_bytes / 1024:.0f} KiB, "
                  f"ready after {ready * 1000:.0f} ms; failed {len(traffic.failed)}")
            sheets = [{"name": s["name"], "values": s["values"]} for s in payload["sheets"]]
            browser.js("window.__excelMockLoad(arguments[0], arguments[1])", sheets, payload["book"]["name"])
            rows = sum(len(s["values"]) for s in sheets)
            times = []
            for _ in range(args.clicks):
                start = time.perf_counter()
                browser.driver.find_element("css selector", 'button[data-script="check_registrations"]').click()
                browser.wait_for("return document.getElementById('status').className.includes('status-ok')"
                                 " && !document.getElementById('status').className.includes('status-wait')", 120)
                times.append(time.perf_counter() - start)
            sent = max(len(r["body"] or "") for r in browser.collect().posts("/xlwings/custom-scripts-call/check_registrations"))
            print(f"Kiểm tra hồ sơ on the sample book ({len(sheets)} sheets, {rows} rows): request {sent / 1024:.0f} KiB, "
                  f"round trip median {statistics.median(times) * 1000:.0f} ms over {len(times)} clicks")
        finally:
            browser.quit()
            server.stop()


if __name__ == "__main__":
    main()

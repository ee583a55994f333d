"""The task pane in headless Chromium against a real `binhchon serve`, with every host but 127.0.0.1 unreachable.

Outside Excel the real office.js runs as it does in a plain browser; where Excel is needed, a
test-only stand-in (tests/js/excel_mock.js) answers for it and records what the client writes.
Set BINHCHON_SCREENSHOTS=DIR to keep the screenshots.
"""

from __future__ import annotations

import json
import os
import time
import urllib.parse
from pathlib import Path

import pytest

from browser import Browser, Server
from openpyxl.utils.cell import column_index_from_string

from payload import contest_payload, header_column, set_cell, sheet_of
from xl_addin.domain import schema
from xl_addin.excel import messages as msg
from xl_addin.excel import scripts
from xl_addin.excel.actions import ENTRY_POINTS

TELEMETRY_DELAY = 3.5  # office.js opens its telemetry frame 3 s after load
SCRIPT_CALL = "/xlwings/custom-scripts-call/"


def screenshot(browser: Browser, tmp_path: Path, name: str) -> Path:
    """Save the page as PNG in tmp_path (and in $BINHCHON_SCREENSHOTS when set)."""
    path = tmp_path / name
    browser.driver.save_screenshot(str(path))
    if os.environ.get("BINHCHON_SCREENSHOTS"):
        keep = Path(os.environ["BINHCHON_SCREENSHOTS"])
        keep.mkdir(parents=True, exist_ok=True)
        browser.driver.save_screenshot(str(keep / name))
    return path


def status(browser: Browser) -> str:
    return browser.js("return document.getElementById('status').textContent")


def assert_stayed_local(browser: Browser, server: Server) -> None:
    traffic = browser.collect()
    assert traffic.requests, "the browser log recorded no request"
    outside = [r["url"] for r in traffic.requests if not r["url"].startswith(server.base + "/")]
    assert outside == []
    assert traffic.failed == [] and traffic.bad_status == []
    assert traffic.console_errors == []
    frames = browser.js("return Array.from(document.querySelectorAll('iframe')).map(f => f.src)")
    assert all(src == "about:blank" or src.startswith(server.base) for src in frames), frames


@pytest.fixture
def server(filled):
    running = Server(filled, "--http")
    yield running
    running.stop()


@pytest.fixture
def plain_browser():
    browser = Browser(mock=False)
    yield browser
    browser.quit()


@pytest.fixture
def excel_browser():
    browser = Browser(mock=True)
    yield browser
    browser.quit()


def test_outside_excel_everything_loads_from_the_server_and_the_pane_says_why_buttons_wait(server, plain_browser, tmp_path):
    b = plain_browser
    b.driver.get(server.base + "/taskpane.html")
    b.wait_for("return document.getElementById('status').className.includes('status-error')")
    time.sleep(TELEMETRY_DELAY)
    assert b.js("return typeof Office") == "object"
    assert b.js("return typeof xlwings.getBookData === 'function' && typeof xlwings.runActions === 'function'")
    assert status(b) == msg.TASKPANE_TEXTS["notInExcel"]
    labels = b.js("return Array.from(document.querySelectorAll('button.action')).map(x => [x.dataset.script, x.textContent])")
    assert labels == [[n, msg.ACTION_LABELS[n]] for n in msg.ACTION_LABELS]
    b.driver.find_element("css selector", 'button[data-script="check_registrations"]').click()
    assert status(b) == msg.TASKPANE_TEXTS["notInExcel"]  # the click says why it cannot work
    screenshot(b, tmp_path, "taskpane-outside-excel.png")
    assert_stayed_local(b, server)
    assert b.traffic.posts(SCRIPT_CALL + "check_registrations") == []


def open_in_excel(b: Browser, server: Server, payload: dict) -> None:
    b.driver.get(server.base + "/taskpane.html")
    b.wait_for("return document.getElementById('status').className.includes('status-ok')")
    sheets = [{"name": s["name"], "values": s["values"]} for s in payload["sheets"]]
    b.js("window.__excelMockLoad(arguments[0], arguments[1])", sheets, payload["book"]["name"])


def click_and_wait(b: Browser, name: str) -> str:
    before = b.js("return window.__excelMock.dialogs.length")
    b.driver.find_element("css selector", f'button[data-script="{name}"]').click()
    b.wait_for("return !document.getElementById('status').className.includes('status-wait')", 120)
    b.wait_for("return window.__excelMock.dialogs.length > arguments[0]", 10, before)
    return status(b)


def dialog_prompt(url: str) -> str:
    return urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)["prompt"][0]


def test_each_button_posts_the_book_to_its_script_and_the_answer_is_applied_through_the_client(
        server, excel_browser, filled, tmp_path):
    payload = contest_payload(filled)
    tax = header_column(payload, schema.SHEET_REGISTRATIONS, schema.COL_TAX_CODE)
    good = sheet_of(payload, schema.SHEET_REGISTRATIONS)["values"][4][column_index_from_string(tax) - 1]
    set_cell(payload, schema.SHEET_REGISTRATIONS, f"{tax}5", "12")  # not 10 or 13 digits
    b = excel_browser
    open_in_excel(b, server, payload)
    assert status(b) == msg.TASKPANE_TEXTS["ready"]
    assert sorted(b.js("return Object.keys(window.__excelMock.associated)")) == sorted(ENTRY_POINTS)

    for name in msg.ACTION_LABELS:
        shown = click_and_wait(b, name)
        (post,) = b.collect().posts(SCRIPT_CALL + name)
        sent = json.loads(post["body"])
        assert sent["client"] == "Office.js" and sent["book"]["name"] == schema.CONTEST_FILE
        assert [s["name"] for s in sent["sheets"]] == [s["name"] for s in payload["sheets"]]
        prompt = dialog_prompt(b.js("return window.__excelMock.dialogs.at(-1)"))
        assert shown == msg.TASKPANE_TEXTS["done"].format(label=msg.ACTION_LABELS[name]) + "\n" + prompt
        if name == "check_registrations":
            screenshot(b, tmp_path, "taskpane-after-check.png")
            assert_check_was_written(b, tax)
            # the person corrects the tax number, so the judges' sheets can be made
            b.js("window.__excelMock.sheets.find(s => s.name === arguments[0]).values[4][arguments[1]] = arguments[2]",
                 schema.SHEET_REGISTRATIONS, column_index_from_string(tax) - 1, good)
    assert len(list((filled / schema.JUDGES_DIR).glob("*.xlsx"))) == 5  # Tạo phiếu chấm wrote into the folder
    assert_stayed_local(b, server)


def assert_check_was_written(b: Browser, tax: str) -> None:
    log = b.js("return window.__excelMock.log")
    written = [e for e in log if e["op"] == "values" and e["sheet"] == schema.SHEET_FINDINGS]
    assert written and written[0]["values"][0] == list(schema.FINDINGS_HEADERS)
    head = written[0]["values"][0]
    code, sheet, cell = (head.index(h) for h in (schema.FINDINGS_CODE, schema.FINDINGS_SHEET, schema.FINDINGS_CELL))
    assert ("invalid-tax-code", schema.SHEET_REGISTRATIONS, f"{tax}5") in {(r[code], r[sheet], r[cell]) for r in written[0]["values"]}
    notes = {(e["sheet"], e["address"].replace("$", "")) for e in log if e["op"] == "note"}
    assert (schema.SHEET_REGISTRATIONS, f"{tax}5") in notes
    coloured = {(e["sheet"], e["address"]) for e in log if e["op"] == "fill.color"}
    assert (schema.SHEET_REGISTRATIONS, f"{tax}5") in coloured
    assert {"op": "activate", "sheet": schema.SHEET_FINDINGS} in log


def test_a_ribbon_command_runs_the_same_script_and_completes(server, excel_browser, filled):
    b = excel_browser
    open_in_excel(b, server, contest_payload(filled))
    b.js("window.__excelMock.associated.make_report({completed: () => { window.__ribbonDone = true; }})")
    b.wait_for("return window.__ribbonDone === true", 60)
    (post,) = b.collect().posts(SCRIPT_CALL + "make_report")
    assert json.loads(post["body"])["book"]["name"] == schema.CONTEST_FILE
    # no register beside this contest yet: the report button says so and how to make one
    from xl_addin.domain import report_messages

    assert dialog_prompt(b.js("return window.__excelMock.dialogs.at(-1)")).startswith(report_messages.no_register("§").split("§")[0])


def test_a_refusal_and_a_server_gone_are_each_said_in_vietnamese(server, excel_browser, filled, tmp_path):
    b = excel_browser
    open_in_excel(b, server, contest_payload(filled))
    b.js("binhchonAddin.run('xoa_het')")  # a script the server does not have
    b.wait_for("return document.getElementById('status').className.includes('status-error')", 60)
    detail = msg.UNKNOWN_SCRIPT.format(name="xoa_het", names=", ".join(scripts.script_names()))
    assert status(b) == msg.TASKPANE_TEXTS["serverRefused"].format(label="xoa_het", detail=detail)
    server.stop()
    b.driver.find_element("css selector", 'button[data-script="compute_results"]').click()
    b.wait_for("return document.getElementById('status').className.includes('status-error')", 60)
    text = status(b)
    assert text.startswith("Không kết nối được máy chủ binhchon serve") and "bấm lại" in text
    assert b.js("return Array.from(document.querySelectorAll('button.action')).every(x => !x.disabled)")
    screenshot(b, tmp_path, "taskpane-server-gone.png")


def test_the_alert_dialog_is_served_locally_in_vietnamese(server, excel_browser, tmp_path):
    b = excel_browser
    query = urllib.parse.urlencode({"prompt": "Dòng một\nDòng hai <b>", "title": msg.TITLE,
                                    "buttons": "ok", "mode": "critical", "callback": ""})
    b.driver.get(server.base + "/xlwings/alert?" + query)
    b.wait_for("return document.readyState === 'complete'")
    assert b.js("return document.querySelector('.prompt').innerText") == "Dòng một\nDòng hai <b>"
    assert b.js("return document.getElementById('ok').textContent") == msg.ALERT_BUTTONS["ok"]
    screenshot(b, tmp_path, "alert-dialog.png")
    assert_stayed_local(b, server)


def test_the_custom_functions_load_in_the_task_pane_and_answer_from_the_server(server, excel_browser):
    b = excel_browser
    b.driver.get(server.base + "/taskpane.html")
    b.wait_for("return document.getElementById('status').className.includes('status-ok')")
    call = "const done = arguments[arguments.length - 1]; bc_dat(...arguments[0]).then(done, e => done('ERR ' + e.message));"
    b.driver.set_script_timeout(30)
    assert b.driver.execute_async_script(call, [70, "tinh", {"address": "A1"}]) == [["Có"]]
    assert b.driver.execute_async_script(call, [69.99, "tinh", {"address": "A1"}]) == [["Không"]]
    (post, _) = b.collect().posts("/xlwings/custom-functions-call")
    assert json.loads(post["body"])["func_name"] == "bc_dat"
    assert_stayed_local(b, server)


def test_when_office_js_does_not_load_the_pane_says_so_and_the_buttons_stay(server, plain_browser, tmp_path):
    b = plain_browser
    b.driver.execute_cdp_cmd("Network.enable", {})
    b.driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/office.js"]})
    b.driver.get(server.base + "/taskpane.html")
    b.wait_for("return document.getElementById('status').className.includes('status-error')")
    assert status(b) == msg.TASKPANE_TEXTS["noOffice"]
    b.driver.find_element("css selector", 'button[data-script="make_documents"]').click()
    assert status(b) == msg.TASKPANE_TEXTS["noOffice"]
    assert b.js("return document.querySelectorAll('button.action').length") == len(msg.ACTION_LABELS)
    screenshot(b, tmp_path, "taskpane-no-office.png")
    traffic = b.collect()
    assert [f["blockedReason"] for f in traffic.failed] == ["inspector"]  # only the blocked office.js
    assert b.traffic.posts(SCRIPT_CALL + "make_documents") == []


def test_when_the_pane_script_never_starts_the_page_still_says_what_to_do(server, plain_browser, tmp_path):
    b = plain_browser
    b.driver.execute_cdp_cmd("Network.enable", {})
    b.driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/taskpane.js"]})
    b.driver.get(server.base + "/taskpane.html")
    assert status(b) == msg.TASKPANE_TEXTS["loading"]
    b.wait_for("return document.getElementById('status').className.includes('status-error')", 30)
    assert status(b) == msg.TASKPANE_TEXTS["stalled"]
    screenshot(b, tmp_path, "taskpane-stalled.png")

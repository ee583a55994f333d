"""xlwings Server's app for the Office.js add-in, driven through FastAPI's TestClient."""

from __future__ import annotations

import datetime as dt

import pytest
import xlwings as xw
from fastapi.testclient import TestClient

from payload import contest_payload, header_column, set_cell
from xl_addin.domain import schema
from xl_addin.excel import messages as msg
from xl_addin.excel.actions import ENTRY_POINTS
from xl_addin.excel.server import create_app

EXCEL_EPOCH = dt.date(1899, 12, 30)


@pytest.fixture
def client(filled) -> TestClient:
    return TestClient(create_app(filled), raise_server_exceptions=False)


def call_function(client: TestClient, name: str, *args: object) -> object:
    """The result of one custom function call as Excel makes it (each argument a 1x1 matrix)."""
    data = {"func_name": name, "args": [[[a]] for a in args], "caller_address": "Sheet1!A1",
            "version": xw.__version__, "client": "Office.js", "runtime": "1.4",
            "culture_info_name": "vi-VN", "date_format": "dd/MM/yyyy"}
    response = client.post("/xlwings/custom-functions-call", json=data)
    assert response.status_code == 200, response.text
    return response.json()["result"]


def test_scripts_meta_lists_every_action(client):
    meta = client.get("/xlwings/custom-scripts-meta").json()
    assert {m["function_name"] for m in meta} == set(ENTRY_POINTS)
    assert {m["name"] for m in meta} == set(msg.ACTION_LABELS.values())


def test_a_script_call_answers_with_the_actions_for_excel(client, filled):
    payload = contest_payload(filled)
    set_cell(payload, schema.SHEET_REGISTRATIONS, header_column(payload, schema.SHEET_REGISTRATIONS, schema.COL_TAX_CODE) + "5", "12")
    response = client.post("/xlwings/custom-scripts-call/check_registrations", json=payload)
    assert response.status_code == 200, response.text
    answer = response.json()["actions"]
    findings = next(a for a in answer if a["func"] == "setValues" and a["values"][0] == list(schema.FINDINGS_HEADERS))
    code, cell = (findings["values"][0].index(h) for h in (schema.FINDINGS_CODE, schema.FINDINGS_CELL))
    assert ("invalid-tax-code", "K5") in {(r[code], r[cell]) for r in findings["values"][1:]}
    (alert,) = [a for a in answer if a["func"] == "alert"]
    assert alert["args"][0].startswith("Kiểm tra hồ sơ đăng ký: 1 lỗi") and alert["args"][1] == msg.TITLE


def test_a_script_writes_files_into_the_served_folder(client, filled):
    response = client.post("/xlwings/custom-scripts-call/make_judge_sheets", json=contest_payload(filled))
    assert response.status_code == 200
    assert len(list((filled / schema.JUDGES_DIR).glob("*.xlsx"))) == 5


def test_an_unknown_script_is_refused_cleanly(client, filled):
    response = client.post("/xlwings/custom-scripts-call/delete_everything", json=contest_payload(filled))
    assert response.status_code == 404
    assert "delete_everything" in response.json()["detail"] and "Traceback" not in response.text


def test_a_payload_from_another_xlwings_version_is_refused_cleanly(client):
    response = client.post("/xlwings/custom-scripts-call/make_report",
                           json={"client": "Google Apps Script", "version": "0.1.0", "book": {}, "sheets": []})
    assert response.status_code == 400
    assert response.json()["detail"].startswith("Yêu cầu từ Excel không đọc được")


def test_custom_functions_meta_and_code(client):
    meta = client.get("/xlwings/custom-functions-meta").json()
    assert {f["name"] for f in meta["functions"]} == {"BC_HIEU_LUC", "BC_DAT", "BC_SAO"}
    code = client.get("/xlwings/custom-functions-code")
    assert code.headers["content-type"].startswith("text/javascript")
    assert 'CustomFunctions.associate("BC_HIEU_LUC"' in code.text


def test_bc_hieu_luc_gives_31_december_of_the_fourth_year(client):
    issued = (dt.date(2019, 11, 15) - EXCEL_EPOCH).days  # Excel passes dates as serial numbers
    result = call_function(client, "bc_hieu_luc", issued)
    value = result[0][0]
    assert value["type"] == "FormattedNumber" and value["numberFormat"] == "dd/mm/yyyy"
    assert EXCEL_EPOCH + dt.timedelta(days=value["basicValue"]) == dt.date(2022, 12, 31)
    three = call_function(client, "bc_hieu_luc", "15/11/2019", 3)[0][0]["basicValue"]
    assert EXCEL_EPOCH + dt.timedelta(days=three) == dt.date(2021, 12, 31)


def test_bc_dat_and_bc_sao(client):
    assert call_function(client, "bc_dat", 70) == [["Có"]]
    assert call_function(client, "bc_dat", 69.99, "Tỉnh") == [["Không"]]
    assert call_function(client, "bc_sao", 29.99) == [[1]]
    assert call_function(client, "bc_sao", 90) == [[5]]
    assert call_function(client, "bc_sao", "abc")[0][0].startswith("#LỖI: điểm “abc”")


def test_an_unknown_function_is_refused_cleanly(client):
    response = client.post("/xlwings/custom-functions-call", json={"func_name": "__import__", "args": []})
    assert response.status_code == 404 and "BC_SAO" in response.json()["detail"]


def test_task_pane_has_a_button_per_action_and_says_where_files_go(client, filled):
    page = client.get("/taskpane.html").text
    for name, label in msg.ACTION_LABELS.items():
        assert f'data-script="{name}"' in page and label in page
    assert str(filled.resolve() / schema.DOCUMENTS_DIR) in page and str(filled.resolve() / schema.JUDGES_DIR) in page


def test_alert_page_manifest_and_icon(client):
    alert = client.get("/xlwings/alert", params={"prompt": "Đã tính <b>x</b>", "title": msg.TITLE,
                                                 "buttons": "ok", "mode": "info", "callback": ""})
    assert alert.status_code == 200 and "Đã tính &lt;b&gt;x&lt;/b&gt;" in alert.text
    manifest = client.get("/manifest.xml")  # pointed at the server answering (TestClient: http://testserver)
    assert manifest.status_code == 200 and b"http://testserver/taskpane.html" in manifest.content
    assert b"127.0.0.1:8000" not in manifest.content
    assert client.get("/icon.png").content.startswith(b"\x89PNG")
    assert client.get("/icon-80.png").content[16:24] == (80).to_bytes(4, "big") * 2  # IHDR width, height



def test_the_browser_files_come_from_the_installed_packages_and_nothing_outside_them(client):
    office = client.get("/taskpane.html").text.split('<script src="/xlwings-static/')[1].split('"')[0]
    assert office.startswith("vendor/office-js/") and office.endswith("/dist/office.js")
    answer = client.get("/xlwings-static/" + office)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/javascript")
    table = client.get("/xlwings-static/" + office.replace("office.js", "o15apptofilemappingtable.js")).content
    assert b"about:blank" in table and b"telemetryservice.firstpartyapps.oaspapps.com" not in table
    assert client.get("/binhchon-static/taskpane.js").headers["content-type"].startswith("text/javascript")
    for probe in ("/xlwings-static/%2Fetc%2Fpasswd", "/xlwings-static/..%2F..%2Fconfig.py",
                  "/binhchon-static/..%2Fserver.py", "/binhchon-static/C:%5Cwindows%5Cwin.ini", "/xlwings-static/"):
        refused = client.get(probe)
        assert refused.status_code == 404 and "root:" not in refused.text and "import" not in refused.text, probe

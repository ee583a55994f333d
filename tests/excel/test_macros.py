"""The VBA macros and the ribbon: every button calls a macro, every macro one tested entry point."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from xl_addin.excel import actions

ROOT = Path(__file__).resolve().parents[2]
BAS = ROOT / "macros" / "BinhChon.bas"
RIBBON = ROOT / "macros" / "customUI.xml"
NS = {"ui": "http://schemas.microsoft.com/office/2006/01/customui"}
MACRO = re.compile(r"^Sub (\w+)\(control As IRibbonControl\)\s*$(.*?)^End Sub", re.M | re.S)
RUNPYTHON = re.compile(r'^\s*RunPython "import xl_addin\.excel\.actions as a; a\.(\w+)\(\)"\s*$')


def macros() -> dict[str, list[str]]:
    """Macro name -> the lines of its body (comments and blanks dropped)."""
    text = BAS.read_text(encoding="ascii")  # VBA modules are read in the system code page: keep them ASCII
    return {name: [ln for ln in body.splitlines() if ln.strip() and not ln.strip().startswith("'")]
            for name, body in MACRO.findall(text)}


def test_every_macro_is_one_runpython_line_calling_an_entry_point():
    found = macros()
    assert found
    for name, lines in found.items():
        assert len(lines) == 1, (name, lines)
        target = RUNPYTHON.match(lines[0])
        assert target, (name, lines[0])
        assert target.group(1) in actions.ENTRY_POINTS
        assert getattr(actions, target.group(1)) is actions.ENTRY_POINTS[target.group(1)]


def test_every_ribbon_button_calls_a_macro_that_exists_and_every_action_has_a_button():
    tree = ET.parse(RIBBON)
    tab = tree.find(".//ui:tab", NS)
    assert tab is not None and tab.get("label") == "Bình chọn CNNT"
    buttons = tree.findall(".//ui:button", NS)
    found = macros()
    assert {b.get("onAction") for b in buttons} == set(found)
    called = {RUNPYTHON.match(lines[0]).group(1) for lines in found.values()}
    assert called == set(actions.ENTRY_POINTS)


def test_every_entry_point_a_macro_calls_is_exercised_by_a_test():
    tests = "".join(p.read_text(encoding="utf-8") for p in Path(__file__).parent.glob("test_*.py") if p.name != Path(__file__).name)
    for lines in macros().values():
        name = RUNPYTHON.match(lines[0]).group(1)
        assert re.search(rf"\bentry\.{name}\(", tests), f"{name} is called by a macro but by no test"


def test_the_bas_file_the_ribbons_and_the_task_pane_name_exactly_the_table_of_actions():
    from xl_addin.excel import scripts
    from xl_addin.excel.server import MANIFEST
    from xl_addin.usecases.actions import ACTIONS

    table = [a.entry_point for a in ACTIONS]
    assert len(set(table)) == len(table) == 6
    called = [RUNPYTHON.match(lines[0]).group(1) for lines in macros().values()]
    assert called == table  # one macro per action, in the ribbon's order
    buttons = ET.parse(RIBBON).findall(".//ui:button", NS)
    assert [called[list(macros()).index(b.get("onAction"))] for b in buttons] == table
    assert list(actions.ENTRY_POINTS) == table and scripts.script_names() == table
    functions = [e.text for e in ET.parse(MANIFEST).getroot().iter() if e.tag.endswith("}FunctionName")]
    assert functions == table
    js = (ROOT / "xl_addin" / "excel" / "static" / "taskpane.js").read_text(encoding="utf-8")
    assert "button.dataset.script" in js  # the page's buttons (one per script) carry the names...
    assert [k for k in table if k in js] == []  # ...and the script names none of its own


def test_every_label_of_the_table_is_its_script_name_and_the_ribbons_shorten_only_the_provisional_one():
    from xl_addin.excel import scripts
    from xl_addin.usecases.actions import ACTIONS

    assert [getattr(scripts, a.entry_point).__xlscript__["name"] for a in ACTIONS] == [
        "Kiểm tra hồ sơ", "Tạo phiếu chấm", "Tính kết quả", "Tính tạm (còn thiếu điểm)", "In văn bản", "Báo cáo tổng kết"]
    labels = [b.get("label") for b in ET.parse(RIBBON).findall(".//ui:button", NS)]
    expected = [a.label.split(" (")[0] for a in ACTIONS]  # "Tính tạm (còn thiếu điểm)" is "Tính tạm" on a button
    assert labels == expected

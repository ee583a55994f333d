"""macros/manifest.xml holds together: every resid it uses is defined, the ribbon runs the task pane's scripts,
the shared runtime is the task pane, and its strings fit Office's limits."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from xl_addin.excel import scripts
from xl_addin.excel.server import MANIFEST

NS = {"o": "http://schemas.microsoft.com/office/appforoffice/1.1",
      "v": "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
      "bt": "http://schemas.microsoft.com/office/officeappbasictypes/1.0"}
SHORT_MAX, LONG_MAX = 125, 250  # Office's limits for bt:ShortStrings and bt:LongStrings


def manifest() -> ET.Element:
    return ET.parse(MANIFEST).getroot()


def test_every_resid_used_is_defined_once():
    root = manifest()
    defined = [e.get("id") for e in root.iter() if e.tag.startswith("{%s}" % NS["bt"]) and e.get("id")]
    assert len(defined) == len(set(defined))
    used = {e.get("resid") for e in root.iter() if e.get("resid")}
    assert used - set(defined) == set()


def test_the_ribbon_runs_each_task_pane_script_in_the_shared_runtime():
    root = manifest()
    functions = [e.text for e in root.iterfind(".//v:Action[@{http://www.w3.org/2001/XMLSchema-instance}type='ExecuteFunction']/v:FunctionName", NS)]
    assert functions == scripts.script_names()
    urls = {e.get("id"): e.get("DefaultValue") for e in root.iterfind(".//bt:Url", NS)}
    runtime = root.find(".//v:Runtimes/v:Runtime", NS)
    assert runtime.get("lifetime") == "long" and urls[runtime.get("resid")].endswith("/taskpane.html")
    assert root.find(".//v:FunctionFile", NS).get("resid") == runtime.get("resid")
    page = root.find(".//v:ExtensionPoint[@{http://www.w3.org/2001/XMLSchema-instance}type='CustomFunctions']/v:Page/v:SourceLocation", NS)
    assert page.get("resid") == runtime.get("resid")
    assert {s.get("Name") for s in root.iterfind("o:Requirements/o:Sets/o:Set", NS)} == {"SharedRuntime"}


def test_strings_fit_and_every_address_is_the_local_server():
    root = manifest()
    for e in root.iterfind(".//bt:ShortStrings/bt:String", NS):
        assert 0 < len(e.get("DefaultValue")) <= SHORT_MAX, e.get("id")
    for e in root.iterfind(".//bt:LongStrings/bt:String", NS):
        assert 0 < len(e.get("DefaultValue")) <= LONG_MAX, e.get("id")
    addresses = [e.get("DefaultValue") for e in root.iter() if (e.get("DefaultValue") or "").startswith("http")]
    addresses += [e.text for e in root.iterfind(".//o:AppDomain", NS)]
    assert addresses and all(a.startswith("https://127.0.0.1:8000") for a in addresses), addresses

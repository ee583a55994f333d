"""Every file the manifest and the add-in's pages reference is served by a real (non-editable) install of binhchon."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIP = (".git", ".venv", "build", "dist", "*.egg-info", "node_modules", "__pycache__", ".pytest_cache",
        ".hypothesis", ".import_linter_cache", "demo_output")

# Run inside the fresh environment: collect every URL the manifest, the task pane, the alert page
# and the client's JavaScript modules (their static imports) reference, and fetch each one.
CHECK = r'''
import json, os, re, sys, urllib.parse
from pathlib import Path
os.environ["XLWINGS_LICENSE_KEY"] = "noncommercial"
import xl_addin
from fastapi.testclient import TestClient
from xl_addin.excel.server import MANIFEST, create_app

client = TestClient(create_app(Path(sys.argv[1])))
found, failed = set(), []

def refs(text, base):
    for url in re.findall(r'(?:src|href)="([^"]+)"', text) + re.findall(r'DefaultValue="(http[^"]+)"', text):
        yield urllib.parse.urljoin(base, url)

def imports(text, base):
    for url in re.findall(r'^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"', text, re.M):
        yield urllib.parse.urljoin(base, url)

pages = ["/manifest.xml", "/taskpane.html", "/xlwings/alert?prompt=x&title=y&buttons=ok&mode=&callback="]
todo = [urllib.parse.urljoin("http://testserver/", p) for p in pages]
while todo:
    url = todo.pop()
    path = urllib.parse.urlsplit(url)
    if path.netloc != "testserver":
        failed.append(("not served here", url)); continue
    target = path.path + ("?" + path.query if path.query else "")
    if target in found:
        continue
    found.add(target)
    answer = client.get(target)
    if answer.status_code != 200 or not answer.content:
        failed.append((answer.status_code, target)); continue
    kind = answer.headers["content-type"]
    if "html" in kind or "xml" in kind:
        todo += list(refs(answer.text, url))
    elif "javascript" in kind:
        todo += list(imports(answer.text, url))
print(json.dumps({"package": xl_addin.__file__, "manifest": str(MANIFEST), "found": sorted(found), "failed": failed}))
'''


def test_a_non_editable_install_serves_every_file_its_pages_and_manifest_reference(tmp_path, filled):
    # A clean copy of the sources: a build/ folder left by an earlier build would hide a missing package-data line.
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*SKIP))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps", str(source)],
                   check=True, cwd=tmp_path)
    # The dependencies come from the test environment; binhchon itself only from the fresh install
    # (a .pth line adds a folder without running the editable-install hooks inside it).
    site = Path(subprocess.check_output([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                        text=True).strip())
    (site / "test-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run = subprocess.run([str(python), "-c", CHECK, str(filled)], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["package"].startswith(str(venv)) and report["manifest"].startswith(str(venv / "share" / "binhchon"))
    assert report["failed"] == []
    found = report["found"]
    for expected in ("/binhchon-static/taskpane.js", "/binhchon-static/taskpane.css", "/xlwings/custom-functions-code",
                     "/xlwings-static/js/custom-scripts/index.js", "/xlwings-static/js/custom-scripts/note-operations.js",
                     "/xlwings-static/js/alerts/dialog.js", "/icon-80.png", "/xlwings/custom-functions-meta"):
        assert expected in found, expected
    assert any(p.startswith("/xlwings-static/vendor/office-js/") and p.endswith("/office.js") for p in found)

"""The Office.js task pane page: a button per action and a line saying where the generated files go.

Kept as a string (not a file beside the module) so that it ships with the package however it is installed.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from ..domain import schema
from . import messages as msg

PAGE = """<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{{ heading }}</title>
  <script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>
  <script src="https://cdn.jsdelivr.net/gh/xlwings/xlwings@{{ xlwings_version }}/xlwingsjs/dist/xlwings.min.js"></script>
  <style>
    body { font-family: "Segoe UI", Arial, sans-serif; margin: 12px; font-size: 14px; }
    h1 { font-size: 16px; }
    button { display: block; width: 100%; margin: 6px 0; padding: 8px; font-size: 14px; cursor: pointer; }
    p.where { color: #444; }
  </style>
</head>
<body>
  <h1>{{ heading }}</h1>
  {% for name, label in actions %}
  <button type="button" class="action" data-script="{{ name }}">{{ label }}</button>
  {% endfor %}
  <p class="where" id="where">{{ where }}</p>
  <p class="where">{{ hint }}</p>
  <script>
    Office.onReady(function () {});
    document.querySelectorAll("button.action").forEach(function (button) {
      button.addEventListener("click", function () {
        xlwings.runPython(window.location.origin + "/xlwings/custom-scripts-call/" + button.dataset.script);
      });
    });
  </script>
</body>
</html>
"""

_env = jinja2.Environment(
    loader=jinja2.ChoiceLoader([jinja2.DictLoader({"taskpane.html": PAGE}), jinja2.PackageLoader("xlwings", "html")]),
    autoescape=True,
)


def render_taskpane(folder: Path, script_names: list[str], xlwings_version: str) -> str:
    """The task pane's HTML for a contest folder."""
    labels = [(name, msg.ACTION_LABELS[name]) for name in script_names]
    where = msg.TASKPANE_WHERE.format(judges=folder / schema.JUDGES_DIR, documents=folder / schema.DOCUMENTS_DIR)
    return _env.get_template("taskpane.html").render(
        heading=msg.TASKPANE_HEADING, actions=labels, where=where, hint=msg.TASKPANE_HINT,
        xlwings_version=xlwings_version,
    )


def render_alert(prompt: str, title: str, buttons: str, mode: str, callback: str) -> str:
    """xlwings' own alert page, which xlwings.js opens for book.app.alert()."""
    return _env.get_template("xlwings-alert.html").render(
        prompt=prompt, title=title, buttons=buttons, mode=mode, callback=callback)
